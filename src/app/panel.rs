//! The side panel: shows the open card (entity, event, relation, reader,
//! embed dialog) and closes it.

use super::{cards, entity_card::EntityCard, reader::Reader, ViewProps};
use crate::view::state::{Action, Panel as Open};
use crate::view::strings::EN;
use yew::prelude::*;

#[function_component(Panel)]
pub fn panel(props: &ViewProps) -> Html {
    let state = &props.state;
    let close = props.dispatch.reform(|_| Action::ClosePanel);
    let body = match state.panel {
        Some(Open::Entity) => state.entity.clone().map(
            |id| html! { <EntityCard {id} state={state.clone()} filtered={props.filtered.clone()} dispatch={props.dispatch.clone()} /> },
        ),
        Some(Open::Event) => state.event.as_deref().map(|id| cards::event_card(id, &props.dispatch)),
        Some(Open::Relation) => state.relation.as_deref().map(|id| cards::relation_card(id, &props.dispatch)),
        Some(Open::Reader) => state.reader.clone().map(|target| html! { <Reader {target} dispatch={props.dispatch.clone()} /> }),
        Some(Open::Embed) => Some(cards::embed_dialog(state)),
        None => None,
    };
    match body {
        Some(body) => html! {
            <aside class="panel" aria-label={EN.entity}>
                <button type="button" class="close" onclick={close} aria-label={EN.close}>{ "\u{00d7}" }</button>
                { body }
            </aside>
        },
        None => html! {
            <aside class="panel empty">
                <p>{ EN.app_subtitle }</p>
                <p class="help">{ EN.graph_help }</p>
            </aside>
        },
    }
}
