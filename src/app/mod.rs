//! The Yew app: thin components that render view state and dispatch
//! actions to the one reducer in `view::state`. Browser glue lives in
//! `browser`; everything computed lives in `view`.

mod article_facet;
mod browser;
mod cards;
mod entity_card;
mod event_lists;
mod facets;
mod graph;
mod graph_edges;
mod graph_tables;
mod header;
mod marked;
mod pan_zoom;
mod panel;
mod print;
mod reader;
mod results;
mod root;
mod scroll_list;
mod timeline;
mod timeline_lanes;

use crate::model::Corpus;
use crate::view::filter::Index;
use std::sync::OnceLock;

pub use root::{App, Store, ViewProps};

static DATA: OnceLock<(Corpus, Index)> = OnceLock::new();

/// The corpus embedded at build time, parsed once, with its lookups.
pub fn data() -> &'static (Corpus, Index) {
    DATA.get_or_init(|| {
        let corpus: Corpus =
            serde_json::from_str(include_str!(env!("EXPLORER_CORPUS_PATH"))).expect("the embedded corpus is valid: tests check it");
        let index = Index::new(&corpus);
        (corpus, index)
    })
}

/// Click and keyboard (Enter, Space) handlers for an element that acts as a
/// button without being one, such as an SVG group.
fn activate(callback: yew::Callback<()>) -> (yew::Callback<yew::MouseEvent>, yew::Callback<yew::KeyboardEvent>) {
    let click = callback.reform(|_: yew::MouseEvent| ());
    let key = yew::Callback::from(move |e: yew::KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            callback.emit(());
        }
    });
    (click, key)
}

/// Whether a `<details>` is open, and the handler that follows its toggling:
/// a text alternative is built only once opened, so folded lists cost no DOM.
#[yew::hook]
fn use_unfolded() -> (bool, yew::Callback<yew::Event>) {
    let open = yew::use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        yew::Callback::from(move |e: yew::Event| {
            use yew::TargetCast;
            open.set(e.target_unchecked_into::<web_sys::Element>().has_attribute("open"))
        })
    };
    (*open, ontoggle)
}

pub fn run() {
    browser::install_panic_panel();
    let root = gloo::utils::document().get_element_by_id("app").unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<App>::with_root(root).render();
}
