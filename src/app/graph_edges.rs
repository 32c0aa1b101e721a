//! The graph's edges: lines that select their relation when chosen and
//! name it on hover and focus, with that name drawn at the edge's midpoint.

use super::{activate, Shared, SharedFiltered};
use crate::model::{Entity, Relation};
use crate::view::graph::{edge_label, Drawing, ViewBox, LABEL_FONT_SIZE};
use crate::view::state::Action;
use crate::view::strings::relation_sentence;
use yew::prelude::*;

/// What the lines read: not the viewport, so panning and zooming the graph
/// leave its thousands of edges alone.
#[derive(Properties, PartialEq)]
pub struct EdgesProps {
    pub filtered: SharedFiltered,
    pub drawing: Shared<Drawing<'static>>,
    /// The selected entity, whose edges join the Tab order.
    pub selected: Option<String>,
    /// The relation whose evidence is open.
    pub relation: Option<String>,
    pub dispatch: Callback<Action>,
    /// Names the hovered or focused relation, or none when the pointer or focus leaves.
    pub on_name: Callback<Option<String>>,
}

/// The two drawn entities a relation joins.
fn ends<'e>(drawing: &Drawing<'e>, relation: &Relation) -> Option<(&'e Entity, &'e Entity)> {
    Some((drawing.drawn(&relation.source)?, drawing.drawn(&relation.target)?))
}

/// A handler, for any event, that names `value`.
fn name_on<E: 'static>(on_name: &Callback<Option<String>>, value: Option<&str>) -> Callback<E> {
    let value = value.map(str::to_string);
    on_name.reform(move |_: E| value.clone())
}

/// Lines for the relations between drawn entities, one keyed component
/// each, so that choosing an entity redraws only the lines whose state it
/// changes: the fading of the rest is the `faded` class on their group.
/// Only the selected entity's lines join the Tab order: a large corpus draws
/// thousands of edges, and the tables under the graph reach every relation.
#[function_component(GraphEdges)]
pub fn graph_edges(props: &EdgesProps) -> Html {
    let selected = props.selected.as_deref();
    let drawing = &props.drawing;
    let edges = props.filtered.relations.iter().filter_map(|(relation, evidence)| {
        let (source, target) = ends(drawing, relation)?;
        Some(html! {
            <Edge key={relation.id.as_str()} {relation} evidence={evidence.len()} {source} {target}
                chosen={props.relation.as_deref() == Some(relation.id.as_str())}
                near={!drawing.dimmed(&relation.source) && !drawing.dimmed(&relation.target)}
                in_tab_order={selected.is_some_and(|s| s == relation.source || s == relation.target)}
                dispatch={props.dispatch.clone()} on_name={props.on_name.clone()} />
        })
    });
    html! { <g class={classes!("edges", selected.is_some().then_some("faded"))}>{ for edges }</g> }
}

#[derive(Properties)]
struct EdgeProps {
    relation: &'static Relation,
    evidence: usize,
    source: &'static Entity,
    target: &'static Entity,
    chosen: bool,
    /// Both ends are the selection or its neighbours: the line stays bright when the others fade.
    near: bool,
    in_tab_order: bool,
    dispatch: Callback<Action>,
    on_name: Callback<Option<String>>,
}

/// The corpus lives as long as the app, so the same relation and entities are the same references.
impl PartialEq for EdgeProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.relation, other.relation)
            && std::ptr::eq(self.source, other.source)
            && std::ptr::eq(self.target, other.target)
            && (self.evidence, self.chosen, self.near, self.in_tab_order) == (other.evidence, other.chosen, other.near, other.in_tab_order)
            && self.dispatch == other.dispatch
            && self.on_name == other.on_name
    }
}

#[function_component(Edge)]
fn edge(props: &EdgeProps) -> Html {
    let EdgeProps { relation, evidence, source, target, chosen, near, in_tab_order, dispatch, on_name } = props;
    let id = relation.id.clone();
    let (onclick, onkeydown) = activate(dispatch.reform(move |_| Action::SelectRelation(Some(id.clone()))));
    let typed = relation.kind.is_typed();
    html! {
        <line class={classes!("edge", typed.then_some("typed"), chosen.then_some("selected"), near.then_some("near"))}
            x1={source.x.to_string()} y1={source.y.to_string()} x2={target.x.to_string()} y2={target.y.to_string()}
            stroke-width={(1.0 + (*evidence as f64).sqrt() * if typed { 1.5 } else { 1.0 }).to_string()}
            role="button" tabindex={if *in_tab_order { "0" } else { "-1" }} aria-pressed={chosen.to_string()}
            aria-label={relation_sentence(&source.name, relation.kind, &target.name, *evidence)} {onclick} {onkeydown}
            onpointerenter={name_on(on_name, Some(&relation.id))} onfocus={name_on(on_name, Some(&relation.id))}
            onpointerleave={name_on(on_name, None)} onblur={name_on(on_name, None)} />
    }
}

/// The hovered or focused relation's name at its edge's midpoint, drawn
/// over the nodes; hidden from assistive technology, which reads the
/// edge's own name.
pub fn edge_name(filtered: &SharedFiltered, drawing: &Drawing, named: Option<&str>, viewbox: ViewBox, pixel_width: f64) -> Html {
    let Some((relation, evidence)) = named.and_then(|named| filtered.relations.iter().find(|(r, _)| r.id == named)) else {
        return html! {};
    };
    let Some((source, target)) = ends(drawing, relation) else { return html! {} };
    let text = relation_sentence(&source.name, relation.kind, &target.name, evidence.len());
    let ends = ((f64::from(source.x), f64::from(source.y)), (f64::from(target.x), f64::from(target.y)));
    let label = edge_label(ends.0, ends.1, &text, viewbox, pixel_width);
    let scale = viewbox.units_per_pixel(pixel_width);
    html! {
        <g class="edge-name" aria-hidden="true">
            <rect x={label.frame.x.to_string()} y={label.frame.y.to_string()} width={label.frame.width.to_string()}
                height={label.frame.height.to_string()} rx={(3.0 * scale).to_string()} />
            <text x={label.anchor.0.to_string()} y={label.anchor.1.to_string()} font-size={(LABEL_FONT_SIZE * scale).to_string()}
                text-anchor="middle">{ text }</text>
        </g>
    }
}
