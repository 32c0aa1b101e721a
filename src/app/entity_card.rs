//! The entity panel: name, kind, roles, aliases, mentions; its quotes, the
//! figures it claims (conflicts flagged), related entities and events.

use super::{cards::evidence, data, SharedFiltered};
use crate::model::RelationKind;
use crate::view::state::Action;
use crate::view::strings::{kind_with_confidence, relation_name, EN};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntityCardProps {
    pub id: String,
    pub filtered: SharedFiltered,
    pub dispatch: Callback<Action>,
}

#[function_component(EntityCard)]
pub fn entity_card(props: &EntityCardProps) -> Html {
    let (corpus, index) = data();
    let dispatch = &props.dispatch;
    let Some(entity) = index.entity(corpus, &props.id) else { return html! { <p>{ EN.no_results }</p> } };
    let select = |id: &str| {
        let id = id.to_string();
        dispatch.reform(move |_| Action::SelectEntity(Some(id.clone())))
    };
    let quotes: Vec<Html> = props
        .filtered
        .quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some(entity.id.as_str()))
        .map(|q| {
            html! { <li><q>{ &q.text }</q>{ evidence(&q.evidence, dispatch) }</li> }
        })
        .collect();
    let figures: Vec<Html> = props.filtered.figures.iter().filter(|f| f.claimant.as_deref() == Some(entity.id.as_str())).map(|figure| {
        let conflicts: Vec<Html> = figure
            .conflicts_with
            .iter()
            .filter_map(|id| index.figure(corpus, id))
            .map(|other| {
                let by = other.claimant.as_deref().and_then(|c| index.entity(corpus, c)).map_or(EN.nobody.to_string(), |e| e.name.clone());
                html! { <span class="conflict" role="note">{ format!("\u{26a0} {} {} ({} {})", EN.conflict, other.text, EN.claimed_by, by) }</span> }
            })
            .collect();
        html! { <li><strong>{ &figure.text }</strong>{ " " }{ for conflicts }{ evidence(&figure.evidence, dispatch) }</li> }
    }).collect();
    let mut related: Vec<(&str, RelationKind, usize)> = props
        .filtered
        .relations
        .iter()
        .filter(|(r, _)| r.source == entity.id || r.target == entity.id)
        .map(|(r, evidence)| (if r.source == entity.id { r.target.as_str() } else { r.source.as_str() }, r.kind, evidence.len()))
        .collect();
    // By other entity, then kind (its JSON string), then evidence count.
    crate::view::sorting::sort(&mut related);
    let related: Vec<Html> = related.into_iter().filter_map(|(other, kind, count)| {
        let other_entity = index.entity(corpus, other)?;
        Some(html! { <li><button type="button" class="link" data-entity-id={other.to_string()} onclick={select(other)}>{ &other_entity.name }</button>{ format!(" · {} ({count})", relation_name(kind)) }</li> })
    }).collect();
    let events: Vec<Html> = props.filtered.timeline.iter().map(|event| {
        let id = event.id.clone();
        let onclick = dispatch.reform(move |_| Action::SelectEvent(Some(id.clone())));
        html! { <li><button type="button" class="link" data-event-id={event.id.clone()} {onclick}>{ format!("{} · {}", event.date.value.clone().unwrap_or_default(), event.text) }</button></li> }
    }).collect();
    let section = |title: &str, class: &'static str, items: Vec<Html>| {
        (!items.is_empty()).then(|| html! { <><h3>{ title }</h3><ul class={class}>{ for items }</ul></> })
    };
    html! {
        <article class="card entity-card" data-entity-id={entity.id.clone()} aria-current="true">
            <h2><span class={classes!("swatch", entity.kind.as_str())} aria-hidden="true"></span>{ &entity.name }</h2>
            <dl>
                <dt>{ EN.kind }</dt><dd>{ kind_with_confidence(entity.kind, entity.confidence, &entity.kind_cues) }</dd>
                if !entity.roles.is_empty() { <dt>{ EN.role }</dt><dd>{ entity.roles.join(", ") }</dd> }
                if !entity.aliases.is_empty() { <dt>{ EN.aliases }</dt><dd>{ entity.aliases.join(", ") }</dd> }
                <dt>{ EN.mentions }</dt><dd>{ entity.mentions.len() }</dd>
            </dl>
            { for section(EN.quotes, "quotes", quotes) }
            { for section(EN.figures, "figures", figures) }
            { for section(EN.related, "related", related) }
            { for section(EN.events, "events", events) }
        </article>
    }
}
