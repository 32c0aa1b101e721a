//! The explorer's browser entry point (built by Trunk for wasm32).

fn main() {
    wasm_bindgen_futures::spawn_local(corpus_explorer::app::run());
}
