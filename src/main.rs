//! The explorer's browser entry point (built by Trunk for wasm32).

fn main() {
    corpus_explorer::app::run();
}
