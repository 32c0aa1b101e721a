//! The root component: reads the URL once, owns the one reducer, writes
//! every state change back to the URL and lays out the panels.

use super::{
    browser, data, facets::Facets, graph::Graph, header::header, pan_zoom::use_settled, panel::panel, passes, passes::later,
    print::PrintList, reader, results::Results, timeline::Timeline, use_effect_on, use_mount, Shared, SharedFiltered, SharedTimeline,
};
use crate::view::filter::apply;
use crate::view::state::{Action, Filters, Open, ViewState};
use crate::view::strings::EN;
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// The view state as a Yew reducer: `reduce` only delegates to the pure one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Store(pub ViewState);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.reduce(action)))
    }
}

/// The view the app starts with, and what was wrong with the address it came from.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct Start {
    pub state: ViewState,
    pub notices: Vec<String>,
}

impl Start {
    /// The view the page's address asks for.
    pub fn from_url() -> Start {
        let (state, notices) = browser::read_state();
        Start { state, notices }
    }

    /// Whether this is the view the page was prerendered with, so the app
    /// can take over the page's HTML instead of building it again.
    pub fn is_prerendered(&self) -> bool {
        *self == Start::default()
    }
}

/// How long typing must pause before the views follow the query: longer
/// than the gap between the keystrokes of steady typing.
const TYPING_PAUSE_MS: u32 = 300;

/// How long a slice of building the word index runs before the browser may
/// handle input and paint again.
const WORD_INDEX_SLICE_MS: f64 = 8.0;

/// Builds the word index after the first view, in slices, so that it is
/// ready before a reader types and no task of the page builds it all; a
/// search that comes first finishes it.
async fn build_word_index() {
    let (corpus, index) = data();
    browser::in_slices(WORD_INDEX_SLICE_MS, |more| index.build_words(corpus, more)).await;
}

#[function_component(App)]
pub fn app(start: &Start) -> Html {
    let (corpus, index) = data();
    let store = use_reducer(|| Store(start.state.clone()));
    let notices = use_state(|| {
        let mut notices = start.notices.clone();
        if start.state.corpus.as_deref().is_some_and(|v| v != corpus.version) {
            notices.push(EN.older_corpus.to_string());
        }
        notices
    });
    let copied = use_state(|| None);
    // The state last written to the URL; none before the first render's effect.
    let previous = use_mut_ref(|| None::<ViewState>);
    let url = use_memo((), |_| browser::UrlWriter::default());
    {
        let state = store.0.clone();
        use_effect_on(state, move |state| {
            let mut previous = previous.borrow_mut();
            let push = previous.as_ref().is_some_and(|previous| previous.is_navigation(state));
            url.write(state.encode(&data().0.version), push);
            browser::post_height();
            // The reader scrolls to its target once drawn: when the app starts on it, opens it or moves its target.
            if matches!(state.open, Some(Open::Reader(_))) && previous.as_ref().is_none_or(|previous| previous.open != state.open) {
                reader::scroll_to_target();
            }
            *previous = Some(state.clone());
        });
    }
    {
        let dispatcher = store.dispatcher();
        let notices = notices.clone();
        use_mount(move || {
            let listeners: Vec<EventListener> = ["popstate", "hashchange"]
                .into_iter()
                .map(|kind| {
                    let dispatcher = dispatcher.clone();
                    let notices = notices.clone();
                    EventListener::new(&gloo::utils::window(), kind, move |_| {
                        let (state, ignored) = browser::read_state();
                        if !ignored.is_empty() {
                            notices.set(ignored);
                        }
                        dispatcher.dispatch(Action::Replace(Box::new(state)))
                    })
                })
                .collect();
            let height = browser::report_height();
            passes::first_pass_done();
            yew::platform::spawn_local(build_word_index());
            (listeners, height)
        });
    }
    // One callback for the app's life (the reducer's own dispatcher), so that children whose other props are
    // unchanged skip rendering.
    let dispatch = Callback::from(store.dispatcher());
    let state = &store.0;
    let filters = state.filters();
    // A keystroke updates the results at once; the views (facets, timeline, graph, panel) follow
    // the query once typing pauses, since redrawing them costs many times what the results do.
    // Any other change of filters, and the first render (a shared link), shows everywhere at once.
    let shown_filters = use_settled(filters.clone(), Filters { query: String::new(), ..filters.clone() }, TYPING_PAUSE_MS);
    let views_follow = shown_filters != filters;
    // Filtering runs only when a filter changes, not on every pan, zoom or selection;
    // a selection only narrows the filtered events to the selected entity's.
    let filtered: SharedFiltered = Shared(use_memo(shown_filters.clone(), |filters| apply(corpus, index, filters)));
    let timeline: SharedTimeline = Shared(use_memo((filtered.clone(), state.entity().map(str::to_string)), |(filtered, entity)| {
        filtered.timeline_events(corpus, index, entity.as_deref())
    }));
    let dismiss = {
        let notices = notices.clone();
        Callback::from(move |_| notices.set(Vec::new()))
    };
    html! {
        <div class={classes!("app", state.embed.then_some("embed"))}>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); browser::focus("main"); })}>{ EN.skip_to_main }</a>
            { header(state, &dispatch, &copied) }
            if !notices.is_empty() {
                <div class="notices" role="status">
                    <ul>{ for notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                    <button type="button" onclick={dismiss}>{ EN.dismiss }</button>
                </div>
            }
            <div class="layout">
                <Facets kinds={state.kinds.clone()} articles={state.articles.clone()} range={state.range} quotes_only={state.quotes_only}
                    embed={state.embed} filtered={filtered.clone()} dispatch={dispatch.clone()} />
                // Busy while the views catch up with the query: assistive technology waits for them.
                <main id="main" tabindex="-1" aria-busy={views_follow.then_some("true")}>
                    if !state.query.trim().is_empty() {
                        <Results filters={filters} dispatch={dispatch.clone()} />
                    }
                    // The timeline and the graph cost most to start: each becomes live in a task of its own.
                    { later(1, html! {
                        <Timeline events={timeline.clone()} window={state.window} lanes={state.lanes} range={state.range}
                            selected={state.event().map(str::to_string)} dispatch={dispatch.clone()} />
                    }) }
                    { later(2, html! {
                        <Graph filtered={filtered.clone()} view={state.graph} selected={state.entity().map(str::to_string)}
                            relation={state.relation().map(str::to_string)} dispatch={dispatch.clone()} />
                    }) }
                    { panel(state, &filtered, &dispatch, &timeline) }
                </main>
                // The printed list is hydrated only to be dropped: a task of its own, after the views.
                { later(3, html! { <PrintList events={timeline} /> }) }
            </div>
        </div>
    }
}
