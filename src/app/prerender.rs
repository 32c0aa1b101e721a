//! The default view rendered to HTML natively, at build time, by the same
//! components the browser runs, so the page shows content (and search
//! engines index it) before any wasm runs; the app then hydrates it.
//! The prerendered view is `Start::default()`: whatever it draws, the app's
//! first render in the browser must draw the same, so components read no
//! browser state while rendering (only in effects and handlers).

use super::{install, install_index, App, Start};
use crate::model::Corpus;
use crate::view::filter::Index;

/// The HTML of the app's default view of `corpus`, ready to hydrate.
/// Installs `corpus` as the app's corpus for this process.
pub fn default_view(corpus: Corpus) -> std::io::Result<String> {
    let corpus = install(corpus);
    install_index(Index::new(corpus));
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    let render = yew::LocalServerRenderer::<App>::with_props(Start::default()).render();
    Ok(runtime.block_on(tokio::task::LocalSet::new().run_until(render)))
}
