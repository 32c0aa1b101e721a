//! The side panel: shows the open card (entity, event, relation, reader,
//! embed dialog) and closes it; with nothing open, the corpus overview.

use super::{cards, entity_card::EntityCard, reader::reader, SharedFiltered, SharedTimeline};
use super::{data, emit_on};
use crate::view::case;
use crate::view::overview::overview;
use crate::view::state::{Action, Open, ViewState};
use crate::view::strings::{count, EN};
use yew::prelude::*;

/// The open card, or the overview. A function rather than a component: it
/// takes the whole view state, so it would render on every change anyway
/// (the timeline, the graph and the facets take only the parts of the state
/// they read, so that panning one view does not render the others).
/// `timeline` is the timeline's events, for the entity card's list of them.
pub fn panel(state: &ViewState, filtered: &SharedFiltered, dispatch: &Callback<Action>, timeline: &SharedTimeline) -> Html {
    let close = emit_on(dispatch, Action::ClosePanel);
    let body = match &state.open {
        Some(Open::Entity(id)) => {
            Some(html! { <EntityCard id={id.clone()} filtered={filtered.clone()} events={timeline.clone()} dispatch={dispatch.clone()} /> })
        }
        Some(Open::Event(id)) => Some(cards::event_card(id, dispatch)),
        Some(Open::Relation(id)) => Some(cards::relation_card(id, dispatch)),
        Some(Open::Reader(target)) => Some(reader(target, dispatch)),
        Some(Open::Embed) => Some(cards::embed_dialog(state)),
        None => None,
    };
    match body {
        Some(body) => html! {
            <section class="panel" aria-label={EN.details}>
                <button type="button" class="close" onclick={close} aria-label={EN.close}>{ "\u{00d7}" }</button>
                { body }
            </section>
        },
        None => html! { <Overview filtered={filtered.clone()} dispatch={dispatch.clone()} /> },
    }
}

/// The filtered corpus alone, so that panning and zooming do not count it again.
#[derive(Properties, PartialEq)]
struct OverviewProps {
    filtered: SharedFiltered,
    dispatch: Callback<Action>,
}

/// What the corpus holds and where to start.
#[function_component(Overview)]
fn overview_panel(props: &OverviewProps) -> Html {
    let (corpus, index) = data();
    let view = overview(corpus, index, &props.filtered);
    let entity_links = |entities: &[&crate::model::Entity]| {
        entities
            .iter()
            .map(|entity| {
                html! { <li>{ cards::entity_link(&entity.id, &entity.name, &props.dispatch) }<span class="count">{ entity.mentions.len() }</span></li> }
            })
            .collect::<Html>()
    };
    let recent = view.recent.iter().map(|event| {
        let onclick = emit_on(&props.dispatch, Action::SelectEvent(Some(event.id.clone())));
        html! { <li><time>{ event.date.value.clone().unwrap_or_default() }</time>
        <button type="button" class="link" data-event-id={event.id.clone()} {onclick}>{ &event.text }</button></li> }
    });
    let mut stats = format!(
        "{} {} {}",
        count(view.articles, EN.one_article, EN.articles),
        case::lowercase(EN.from),
        count(view.outlets, EN.one_outlet, EN.outlets)
    );
    if let Some((first, last)) = view.published {
        stats.push_str(&format!(", {} {first} – {last}", case::lowercase(EN.published)));
    }
    html! {
        <section class="panel overview" aria-labelledby="overview-title">
            <h2 id="overview-title">{ EN.overview_title }</h2>
            <p class="stats">{ stats }{ "." }
                { for view.event_years.map(|(a, b)| format!(" {} {a} {} {b}.", EN.events_about, case::lowercase(EN.to))) }</p>
            if !view.people.is_empty() {
                <h3>{ EN.most_mentioned_people }</h3><ul>{ entity_links(&view.people) }</ul>
            }
            if !view.organisations.is_empty() {
                <h3>{ EN.most_mentioned_organisations }</h3><ul>{ entity_links(&view.organisations) }</ul>
            }
            if !view.recent.is_empty() {
                <div class="latest"><h3>{ EN.latest_events }</h3><ul>{ for recent }</ul></div>
            }
            <p class="help">{ EN.overview_hint }</p>
        </section>
    }
}
