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
mod graph_nodes;
mod graph_pointer;
mod graph_tables;
mod header;
mod marked;
mod pan_zoom;
mod panel;
mod passes;
mod print;
mod reader;
mod results;
mod root;
mod scroll_list;
mod timeline;
mod timeline_lanes;

#[cfg(feature = "ssr")]
pub mod prerender;

use crate::model::Corpus;
use crate::view::filter::{Filtered, Index, IndexBuilder, TimelineEvents};
use std::any::Any;
use std::rc::Rc;
use std::sync::OnceLock;

pub use root::{App, Start, Store};

static CORPUS: OnceLock<Corpus> = OnceLock::new();
static INDEX: OnceLock<Index> = OnceLock::new();

/// Makes `corpus` the one the app shows. The page's corpus is installed
/// once, before its lookups are built and the app renders; later calls
/// change nothing.
pub fn install(corpus: Corpus) -> &'static Corpus {
    CORPUS.get_or_init(|| corpus)
}

/// Makes `index` the installed corpus's lookups, once, before the app renders.
pub fn install_index(index: Index) {
    let _ = INDEX.set(index);
}

/// The installed corpus with its lookups.
pub fn data() -> (&'static Corpus, &'static Index) {
    const UNREADY: &str = "the corpus and its lookups are installed before the app renders";
    (CORPUS.get().expect(UNREADY), INDEX.get().expect(UNREADY))
}

/// A memoised value as components share it in props: equal when it is the
/// same value. Memos compute once per input, so identity is the question;
/// comparing contents, as `Rc` does, would cost about as much as computing
/// them, for every child on every render.
pub struct Shared<T>(pub Rc<T>);

/// The filtered corpus, computed once per filters.
pub type SharedFiltered = Shared<Filtered<'static>>;

/// The filtered events narrowed to the selected entity's, computed once per
/// filtered corpus and selection.
pub type SharedTimeline = Shared<TimelineEvents<'static>>;

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A handler, for any event, that emits `value` to `callback`: one closure
/// for the app's many handlers that each dispatch a fixed action, name a
/// fixed item or set a fixed state.
fn emit_on<T: Clone + 'static, E: 'static>(callback: &yew::Callback<T>, value: T) -> yew::Callback<E> {
    callback.reform(move |_| value.clone())
}

/// Click and keyboard (Enter, Space) handlers for an element that acts as a
/// button without being one, such as an SVG group.
fn activate(callback: yew::Callback<()>) -> (yew::Callback<yew::MouseEvent>, yew::Callback<yew::KeyboardEvent>) {
    let click = emit_on(&callback, ());
    let key = yew::Callback::from(move |e: yew::KeyboardEvent| {
        if activates(&e) {
            e.prevent_default();
            callback.emit(());
        }
    });
    (click, key)
}

/// The handlers `activate` gives, once for a group of such elements (those
/// matching `selector` inside the element that takes them): each passes on
/// the element the event happened in, so that the elements themselves
/// register no listeners.
fn activate_within(
    selector: &'static str,
    callback: yew::Callback<web_sys::Element>,
) -> (yew::Callback<yew::MouseEvent>, yew::Callback<yew::KeyboardEvent>) {
    let within = move |e: &web_sys::Event| browser::closest(e, selector);
    let on_click = callback.clone();
    let click = yew::Callback::from(move |e: yew::MouseEvent| {
        if let Some(element) = within(&e) {
            on_click.emit(element);
        }
    });
    let key = yew::Callback::from(move |e: yew::KeyboardEvent| {
        if let Some(element) = within(&e).filter(|_| activates(&e)) {
            e.prevent_default();
            callback.emit(element);
        }
    });
    (click, key)
}

/// A coordinate or length as an attribute value: to two decimal places,
/// trailing zeros dropped. One function for the drawings' many such
/// attributes, rather than the formatting compiled at each.
fn number_attr(value: impl Into<f64>) -> yew::AttrValue {
    crate::view::decimal::decimal(value, 2).to_string().into()
}

/// Whether a key activates a button: Enter or Space.
fn activates(e: &yew::KeyboardEvent) -> bool {
    e.key() == "Enter" || e.key() == " "
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

/// Runs `f` after the first render and after every render that changes
/// `deps`; what it returns (listeners, a timer, a watch) is kept until it
/// runs again or the component is removed. Yew's `use_effect_with` for the
/// app: every effect goes through the one effect type of `use_effect_boxed`,
/// since each closure handed to Yew's compiles its effect machinery anew.
pub fn use_effect_on<T: PartialEq + 'static, K: 'static>(
    deps: T,
    f: impl FnOnce(&T) -> K + 'static,
) -> impl yew::functional::Hook<Output = ()> {
    const OWN_DEPS: &str = "an effect is given its own dependencies";
    let deps = Deps { value: Box::new(deps), same: same::<T> };
    use_effect_boxed(deps, Box::new(move |deps| Box::new(f(deps.downcast_ref().expect(OWN_DEPS)))))
}

/// Runs `f` once, after the component's first render; what it returns
/// (listeners, a watch) is kept until the component is removed.
pub fn use_mount<K: 'static>(f: impl FnOnce() -> K + 'static) -> impl yew::functional::Hook<Output = ()> {
    use_effect_on((), move |()| f())
}

/// An effect, given its dependencies: it returns what it keeps until it runs
/// again or its component is removed.
type Effect = Box<dyn FnOnce(&dyn Any) -> Box<dyn Any>>;

fn use_effect_boxed(deps: Deps, f: Effect) -> impl yew::functional::Hook<Output = ()> {
    yew::use_effect_with(deps, move |deps| {
        let kept = f(&*deps.value);
        move || drop(kept)
    })
}

/// An effect's dependencies, of whatever type, compared as that type.
struct Deps {
    value: Box<dyn Any>,
    same: fn(&dyn Any, &dyn Any) -> bool,
}

impl PartialEq for Deps {
    fn eq(&self, other: &Deps) -> bool {
        (self.same)(&*self.value, &*other.value)
    }
}

fn same<T: PartialEq + 'static>(a: &dyn Any, b: &dyn Any) -> bool {
    a.downcast_ref::<T>() == b.downcast_ref::<T>()
}

/// How long a slice of building the lookups runs before the browser may
/// handle input and paint again: the page waits for them, so longer than
/// the word index's slices, and short of a long task (50 ms).
const INDEX_SLICE_MS: f64 = 30.0;

/// Starts the app on the page: parses the corpus the page embeds, piece by
/// piece, builds its lookups in slices, then hydrates the prerendered
/// default view, or renders afresh when the address asks for another view.
/// Each step is its own task, so the page stays responsive while a large
/// corpus loads.
pub async fn run() {
    browser::install_panic_panel();
    let corpus = install(browser::embedded_corpus().await.unwrap_or_else(|problem| panic!("{problem}")));
    let mut building = IndexBuilder::new(corpus);
    browser::in_slices(INDEX_SLICE_MS, |more| building.build(more)).await;
    install_index(building.finish());
    browser::yield_to_browser().await;
    let root = gloo::utils::document().get_element_by_id("app").unwrap_or_else(|| gloo::utils::body().into());
    let start = Start::from_url();
    passes::begin();
    if start.is_prerendered() && root.first_element_child().is_some() {
        yew::Renderer::<App>::with_root_and_props(root, start).hydrate();
    } else {
        root.set_inner_html("");
        yew::Renderer::<App>::with_root_and_props(root, start).render();
    }
}
