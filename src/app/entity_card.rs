//! The entity panel: name, kind, roles, aliases, mentions; its quotes, the
//! figures it claims (conflicts flagged), related entities and events (in
//! scroll boxes that build only the rows in view).

use super::{
    browser,
    cards::{evidence, not_found},
    data, emit_on,
    scroll_list::ScrollList,
    SharedFiltered, SharedTimeline,
};
use crate::model::{Entity, Figure, Quote, Relation};
use crate::view::state::Action;
use crate::view::strings::{count, join, kind_with_confidence, relation_name, relation_sentence, EN};
use std::rc::Rc;
use yew::prelude::*;

/// A related entity's or an event's row height in pixels as `static/style.css` sets it.
const CARD_ROW: f64 = 28.0;

/// Quotes and figures built before the reader asks for all: an entity quoted
/// hundreds of times would build thousands of elements on every selection.
const FIRST_SHOWN: usize = 10;

/// The first `FIRST_SHOWN` of `items`, or all of them.
fn first_shown<'a, T>(items: &'a [&'a T], all: bool) -> impl Iterator<Item = &'a T> {
    items.iter().copied().take(if all { items.len() } else { FIRST_SHOWN })
}

#[derive(Properties, PartialEq)]
pub struct EntityCardProps {
    pub id: String,
    pub filtered: SharedFiltered,
    /// The filtered events about this entity (it is the selected one).
    pub events: SharedTimeline,
    pub dispatch: Callback<Action>,
}

#[function_component(EntityCard)]
pub fn entity_card(props: &EntityCardProps) -> Html {
    let (corpus, index) = data();
    let dispatch = &props.dispatch;
    // The card stays in place from one entity to the next, its elements patched rather than built again (a
    // selection's largest cost): what it shows for one entity must not carry over to the next. The entity whose
    // quotes and figures the reader asked to see all of, so that another entity shows its first few again.
    let (all_quotes, all_figures) = (use_state(|| None::<String>), use_state(|| None::<String>));
    // Keyboard focus in the card (on a related entity just chosen, say) leaves it, as it left the card built anew:
    // here, before the card is patched, rather than in an effect (each costs wasm).
    let (card, shown) = (use_node_ref(), use_mut_ref(|| props.id.clone()));
    if *shown.borrow() != props.id {
        browser::blur_within(&card);
        *shown.borrow_mut() = props.id.clone();
    }
    let Some(entity) = index.entity(corpus, &props.id) else { return not_found() };
    let quotes: Vec<&Quote> = props.filtered.quotes.iter().copied().filter(|q| q.speaker.as_deref() == Some(entity.id.as_str())).collect();
    let quote_items = first_shown(&quotes, all_quotes.as_ref() == Some(&props.id)).map(|q| {
        html! { <li><q>{ &q.text }</q>{ evidence(&q.evidence, dispatch) }</li> }
    });
    let figures: Vec<&Figure> =
        props.filtered.figures.iter().copied().filter(|f| f.claimant.as_deref() == Some(entity.id.as_str())).collect();
    let figure_items = first_shown(&figures, all_figures.as_ref() == Some(&props.id)).map(|figure| {
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
    });
    // The shown relations know their ends by position among the shown entities: compared as numbers, not as
    // ids, with no lookup of the other end (a selection otherwise compared ids 90,000 times on the BBC corpus).
    let shown_entities = &props.filtered.entities;
    let mut related: Vec<(&'static Entity, &'static Relation, usize)> = match shown_entities.iter().position(|e| std::ptr::eq(*e, entity)) {
        Some(me) => props
            .filtered
            .relations
            .with_ends()
            .filter(|&(_, (source, target), _)| source == me || target == me)
            .map(|(r, (source, target), evidence)| (shown_entities[if source == me { target } else { source }], r, evidence.len()))
            .collect(),
        // Not shown itself (filtered out), so none of its relations is.
        None => Vec::new(),
    };
    // By other entity, then kind (its JSON string), then evidence count.
    crate::view::sorting::sort_by(&mut related, |a, b| (a.0.id.as_str(), a.1.kind, a.2).cmp(&(b.0.id.as_str(), b.1.kind, b.2)));
    // A much-named entity has hundreds of relations and events: their lists build only the rows in view.
    let related = Rc::new(related);
    // Each row selects the other entity, or opens the relation's evidence: the keyboard's and assistive
    // technology's way to the selected entity's relations, which the graph draws as paths.
    let related_row = {
        let (related, dispatch) = (related.clone(), dispatch.clone());
        Callback::from(move |position: usize| {
            let (other, relation, count) = related[position];
            let onclick = emit_on(&dispatch, Action::SelectEntity(Some(other.id.clone())));
            let open_relation = emit_on(&dispatch, Action::SelectRelation(Some(relation.id.clone())));
            let (source, target) = if *relation.source == *other.id { (&other.name, &entity.name) } else { (&entity.name, &other.name) };
            let kind = relation_name(relation.kind);
            html! {
                <>
                    <button type="button" class="link" data-entity-id={other.id.clone()} title={format!("{} · {kind} ({count})", other.name)} {onclick}>{ &other.name }</button>
                    { format!(" · {kind} (") }
                    // Named by the relation after its visible count, so that speech input finds it by what it shows.
                    <button type="button" class="link" onclick={open_relation}>
                        { count }<span class="visually-hidden">{ format!(": {}", relation_sentence(source, relation.kind, target, count)) }</span>
                    </button>
                    { ")" }
                </>
            }
        })
    };
    let events = &props.events.events;
    let event_row = {
        let (events, dispatch) = (props.events.clone(), dispatch.clone());
        Callback::from(move |position: usize| {
            let event = events.events[position];
            let onclick = emit_on(&dispatch, Action::SelectEvent(Some(event.id.clone())));
            let line = format!("{} · {}", event.date.shown(), event.text);
            html! { <button type="button" class="link" data-event-id={event.id.clone()} title={line.clone()} {onclick}>{ line }</button> }
        })
    };
    // The first few, then a button that shows the rest. Each section is one child of the card, present or not, so
    // that an entity without quotes does not shift the sections after onto other elements.
    let section = |title: &str,
                   class: &'static str,
                   items: Vec<Html>,
                   total: usize,
                   (one, many): (&str, &str),
                   all: &UseStateHandle<Option<String>>| {
        let shown_all = all.as_ref() == Some(&props.id);
        let show_all = emit_on(&Callback::from(all.setter()), Some(props.id.clone()));
        html! {
            if total > 0 {
                <h3>{ title }</h3><ul class={class}>{ for items }</ul>
                if total > FIRST_SHOWN && !shown_all {
                    <button type="button" class="link show-all" onclick={show_all}>{ format!("{} {}", EN.show_all, count(total, one, many)) }</button>
                }
            }
        }
    };
    let subject = AttrValue::from(props.id.clone());
    let long_section = |title: &str, class: &'static str, count: usize, row: Callback<usize, Html>| {
        html! { if count > 0 { <h3>{ title }</h3><ScrollList {class} {count} row_height={CARD_ROW} {row} subject={subject.clone()} /> } }
    };
    html! {
        <article ref={card} class="card entity-card" data-entity-id={entity.id.clone()} aria-current="true">
            <h2><span class={classes!("swatch", entity.kind.as_str())} aria-hidden="true"></span>{ &entity.name }</h2>
            <dl>
                <dt>{ EN.kind }</dt><dd>{ kind_with_confidence(entity.kind, entity.confidence, &entity.kind_cues) }</dd>
                if !entity.roles.is_empty() { <dt>{ EN.role }</dt><dd>{ join(&entity.roles, ", ") }</dd> }
                if !entity.aliases.is_empty() { <dt>{ EN.aliases }</dt><dd>{ join(&entity.aliases, ", ") }</dd> }
                <dt>{ EN.mentions }</dt><dd>{ entity.mentions.len() }</dd>
            </dl>
            { section(EN.quotes, "quotes", quote_items.collect(), quotes.len(), (EN.one_quote, EN.quotes), &all_quotes) }
            { section(EN.figures, "figures", figure_items.collect(), figures.len(), (EN.one_figure, EN.figures), &all_figures) }
            { long_section(EN.related, "related", related.len(), related_row) }
            { long_section(EN.events, "events", events.len(), event_row) }
        </article>
    }
}
