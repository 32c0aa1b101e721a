//! The graph's text alternative: entities and relations as tables that
//! follow the filters, each a scroll box building only the rows in view.

use super::{
    data, emit_on,
    scroll_list::{ScrollList, TableHead},
    SharedFiltered,
};
use crate::view::state::Action;
use crate::view::strings::{kind_name, relation_name, EN};
use yew::prelude::*;

/// A row's height in pixels, as `static/style.css` sets it: one line of text.
const TABLE_ROW: f64 = 32.0;

/// The tables, built only while their `<details>` is `open`.
pub fn tables(
    selected: Option<&str>,
    filtered: &SharedFiltered,
    dispatch: &Callback<Action>,
    (open, ontoggle): (bool, Callback<Event>),
) -> Html {
    let entity_row = {
        let (filtered, selected, dispatch) = (filtered.clone(), selected.map(str::to_string), dispatch.clone());
        Callback::from(move |position: usize| {
            let entity = filtered.entities[position];
            let selected = selected.as_deref() == Some(entity.id.as_str());
            let onclick = emit_on(&dispatch, Action::SelectEntity((!selected).then(|| entity.id.clone())));
            let role = entity.role.clone().unwrap_or_default();
            html! {
                <tr data-entity-id={entity.id.clone()} aria-selected={selected.to_string()} aria-rowindex={(position + 2).to_string()}>
                    <th scope="row"><button type="button" class="link" title={entity.name.clone()} aria-pressed={selected.to_string()} {onclick}>{ &entity.name }</button></th>
                    <td>{ kind_name(entity.kind) }</td>
                    <td title={role.clone()}>{ role }</td>
                    <td class="number">{ entity.mentions.len() }</td>
                </tr>
            }
        })
    };
    let relation_row = {
        let (filtered, dispatch) = (filtered.clone(), dispatch.clone());
        Callback::from(move |position: usize| {
            let (corpus, index) = data();
            let name = |id: &str| index.entity(corpus, id).map_or(id.to_string(), |e| e.name.clone());
            let (relation, evidence) = filtered.relations.get(position);
            let onclick = emit_on(&dispatch, Action::SelectRelation(Some(relation.id.clone())));
            let (source, target) = (name(&relation.source), name(&relation.target));
            html! {
                <tr aria-rowindex={(position + 2).to_string()}>
                    <td title={source.clone()}>{ source }</td>
                    <td>{ relation_name(relation.kind) }</td>
                    <td title={target.clone()}>{ target }</td>
                    <td class="number"><button type="button" class="link" {onclick}>{ evidence.len() }</button></td>
                </tr>
            }
        })
    };
    html! {
        <details class="alternative" {ontoggle}>
            <summary>{ format!("{} ({} · {})", EN.graph_as_table, filtered.entities.len(), filtered.relations.len()) }</summary>
            if open {
                <ScrollList table={TableHead { caption: EN.entity.into(), columns: vec![EN.entity.into(), EN.kind.into(), EN.role.into(), EN.mentions.into()] }}
                    count={filtered.entities.len()} row_height={TABLE_ROW} row={entity_row} />
                <ScrollList table={TableHead { caption: EN.relation.into(), columns: vec![EN.source.into(), EN.relation.into(), EN.target.into(), EN.evidence.into()] }}
                    count={filtered.relations.len()} row_height={TABLE_ROW} row={relation_row} />
            }
        </details>
    }
}
