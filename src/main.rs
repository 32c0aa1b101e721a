//! The explorer's browser entry point (built by Trunk for wasm32).

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    wasm_bindgen_futures::spawn_local(corpus_explorer::app::run());
}
