//! What a printed page shows: the current view's events as a dated list,
//! each with its sentence and source, in place of the interactive views.
//! Hidden on screen, but shown when JavaScript is off (the page is prerendered).
//! On screen the list is built only while printing: up to 500 entries would
//! otherwise be rebuilt, unseen, on every search keystroke and selection.

use super::{data, use_mount, SharedTimeline};
use crate::view::strings::EN;
use gloo::events::EventListener;
use yew::prelude::*;

/// Events printed at most: paper has no scroll box to build rows on demand,
/// and hundreds of pages help no reader; filters narrow the rest.
const MAX_PRINTED: usize = 500;

/// Only the timeline's events, so panning and zooming do not redraw the list.
#[derive(Properties, PartialEq)]
pub struct PrintProps {
    pub events: SharedTimeline,
}

/// Whether the printed list is wanted: from the first render, which the
/// prerendered page (read without JavaScript) and hydration share, until the
/// app runs; then from `beforeprint` to `afterprint`, which the browser fires
/// around printing and whose handlers' renders land before the page is laid
/// out for paper.
#[hook]
fn use_printing() -> bool {
    let printing = use_state(|| true);
    {
        let printing = printing.setter();
        use_mount(move || {
            printing.set(false);
            let window = gloo::utils::window();
            [("beforeprint", true), ("afterprint", false)].map(|(kind, value)| {
                let printing = printing.clone();
                EventListener::new(&window, kind, move |_| printing.set(value))
            })
        });
    }
    *printing
}

#[function_component(PrintList)]
pub fn print_list(props: &PrintProps) -> Html {
    let (corpus, index) = data();
    let printing = use_printing();
    let events = &props.events.story;
    let items = events.iter().take(if printing { MAX_PRINTED } else { 0 }).map(|event| {
        let article = index.article(corpus, &event.article);
        let source = article.map(|a| {
            let published = a.published.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
            html! { <>
                <cite>{ &a.title }</cite>{ " — " }<bdi>{ &a.outlet }</bdi>{ published }
                { for a.url.as_ref().map(|url| html! { <>{ ". " }<span class="url">{ url }</span></> }) }
            </> }
        });
        html! {
            <li>
                <time>{ event.date.value.clone().unwrap_or_default() }</time>{ " " }{ index.text_of(corpus, &event.evidence) }
                <br /><small>{ for source }</small>
            </li>
        }
    });
    html! {
        <section class="print-only">
            <h2>{ format!("{} ({})", EN.timeline, events.len()) }</h2>
            if events.len() > MAX_PRINTED { <p>{ format!("{} {MAX_PRINTED} / {}", EN.showing_first, events.len()) }</p> }
            <ol>{ for items }</ol>
        </section>
    }
}
