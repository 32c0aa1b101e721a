//! The graph's text alternative: entities and relations as tables that
//! follow the filters.

use super::{data, timeline::MAX_LISTED};
use crate::view::filter::Filtered;
use crate::view::state::{Action, ViewState};
use crate::view::strings::{kind_name, relation_name, EN};
use yew::prelude::*;

/// The tables, built only while their `<details>` is `open`.
pub fn tables(state: &ViewState, filtered: &Filtered, dispatch: &Callback<Action>, (open, ontoggle): (bool, Callback<Event>)) -> Html {
    let corpus = &data().0;
    let index = &data().1;
    let name = |id: &str| index.entity(corpus, id).map_or(id.to_string(), |e| e.name.clone());
    let entities = filtered.entities.iter().take(MAX_LISTED).map(|entity| {
        let id = entity.id.clone();
        let selected = state.entity() == Some(entity.id.as_str());
        let onclick = dispatch.reform(move |_| Action::SelectEntity((!selected).then(|| id.clone())));
        html! {
            <tr data-entity-id={entity.id.clone()} aria-selected={selected.to_string()}>
                <th scope="row"><button type="button" class="link" aria-pressed={selected.to_string()} {onclick}>{ &entity.name }</button></th>
                <td>{ kind_name(entity.kind) }</td>
                <td>{ entity.role.clone().unwrap_or_default() }</td>
                <td class="number">{ entity.mentions.len() }</td>
            </tr>
        }
    });
    let relations = filtered.relations.iter().take(MAX_LISTED).map(|(relation, evidence)| {
        let id = relation.id.clone();
        let onclick = dispatch.reform(move |_| Action::SelectRelation(Some(id.clone())));
        html! {
            <tr>
                <td>{ name(&relation.source) }</td>
                <td>{ relation_name(relation.kind) }</td>
                <td>{ name(&relation.target) }</td>
                <td class="number"><button type="button" class="link" {onclick}>{ evidence.len() }</button></td>
            </tr>
        }
    });
    html! {
        <details class="alternative" {ontoggle}>
            <summary>{ format!("{} ({} · {})", EN.graph_as_table, filtered.entities.len(), filtered.relations.len()) }</summary>
            if open {
                if filtered.entities.len() > MAX_LISTED || filtered.relations.len() > MAX_LISTED {
                    <p class="help">{ format!("{} {MAX_LISTED}", EN.showing_first) }</p>
                }
                <div class="table-scroll">
                    <table>
                        <caption>{ EN.entity }</caption>
                        <thead><tr><th scope="col">{ EN.entity }</th><th scope="col">{ EN.kind }</th><th scope="col">{ EN.role }</th><th scope="col">{ EN.mentions }</th></tr></thead>
                        <tbody>{ for entities }</tbody>
                    </table>
                    <table>
                        <caption>{ EN.relation }</caption>
                        <thead><tr><th scope="col">{ EN.source }</th><th scope="col">{ EN.relation }</th><th scope="col">{ EN.target }</th><th scope="col">{ EN.evidence }</th></tr></thead>
                        <tbody>{ for relations }</tbody>
                    </table>
                </div>
            }
        </details>
    }
}
