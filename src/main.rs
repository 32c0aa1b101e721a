//! The explorer's browser entry point (built by Trunk for wasm32).

// The wasm's allocator (Cargo.toml says why); native builds, such as the
// prerenderer's, keep the system one.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    wasm_bindgen_futures::spawn_local(corpus_explorer::app::run());
}
