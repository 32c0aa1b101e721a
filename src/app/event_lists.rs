//! The timeline's text alternatives: its events as a list in date order and,
//! apart, the statements whose dates cannot be placed. Each is built only
//! once unfolded, and then only the rows in view.

use super::{emit_on, scroll_list::ScrollList, use_unfolded, SharedTimeline};
use crate::model::Event;
use crate::view::state::Action;
use crate::view::strings::EN;
use yew::prelude::*;

/// A row's height in pixels as `static/style.css` sets it on wide screens
/// (one line; phones give two, measured once shown).
const EVENT_ROW: f64 = 30.0;

#[derive(Properties, PartialEq)]
pub struct EventListsProps {
    pub events: SharedTimeline,
    /// The event whose card is open.
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
}

#[function_component(EventLists)]
pub fn event_lists(props: &EventListsProps) -> Html {
    let ((dated_open, dated_toggle), (undated_open, undated_toggle)) = (use_unfolded(), use_unfolded());
    let (dated, undated) = (&props.events.story, &props.events.undated);
    let rows = |dated: bool| {
        let (events, selected, dispatch) = (props.events.clone(), props.selected.clone(), props.dispatch.clone());
        Callback::from(move |position: usize| {
            let event = if dated { events.story[position] } else { events.undated[position] };
            listed_event(event, dated, selected.as_deref() == Some(event.id.as_str()), &dispatch)
        })
    };
    html! {
        <>
            <details class="alternative" ontoggle={dated_toggle}>
                <summary>{ format!("{} ({})", EN.events_as_list, dated.len()) }</summary>
                if dated_open { <ScrollList class="event-list" ordered=true count={dated.len()} row_height={EVENT_ROW} row={rows(true)} /> }
            </details>
            if !undated.is_empty() {
                <details class="alternative" ontoggle={undated_toggle}>
                    <summary>{ format!("{} ({})", EN.undated, undated.len()) }</summary>
                    if undated_open { <ScrollList class="event-list" count={undated.len()} row_height={EVENT_ROW} row={rows(false)} /> }
                </details>
            }
        </>
    }
}

/// An event as one line: its date (normalised, or as written when it cannot
/// be placed) and label, cut to fit, whole in its tooltip and accessible name.
fn listed_event(event: &Event, dated: bool, selected: bool, dispatch: &Callback<Action>) -> Html {
    let when = if dated { event.date.value.clone().unwrap_or_default() } else { event.date.as_written.clone() };
    let title = format!("{when} {}", event.text);
    let onclick = emit_on(dispatch, Action::SelectEvent(Some(event.id.clone())));
    html! {
        <button type="button" data-event-id={event.id.clone()} aria-pressed={selected.to_string()} {title} {onclick}>
            if dated { <time>{ when }</time> } else { <q>{ when }</q> }{ " " }{ &event.text }
        </button>
    }
}
