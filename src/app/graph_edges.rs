//! The graph's edges. Most are drawn as a few paths, by look
//! (`view::graph::edge_paths`), hidden from assistive technology, which
//! reaches every relation through the tables under the graph; the pointer
//! finds them through `graph_pointer`. The edges the keyboard reaches
//! (the selected entity's and the chosen relation) are lines of their own
//! that select their relation and name it on focus. The named relation is
//! highlighted, with its name drawn at the edge's midpoint.

use super::{activate, Shared};
use crate::view::graph::{edge_label, edge_paths, Drawing, DrawnEdge, ViewBox, LABEL_FONT_SIZE};
use crate::view::state::Action;
use crate::view::strings::relation_sentence;
use yew::prelude::*;

/// What the edges read: not the viewport, so panning and zooming the graph
/// leave them alone.
#[derive(Properties, PartialEq)]
pub struct EdgesProps {
    pub drawing: Shared<Drawing<'static>>,
    /// The relation whose evidence is open.
    pub relation: Option<String>,
    pub dispatch: Callback<Action>,
    /// Names the focused relation, or none when focus leaves it.
    pub on_focus_name: Callback<Option<String>>,
}

/// A handler, for any event, that names `value`.
fn name_on<E: 'static>(on_name: &Callback<Option<String>>, value: Option<&str>) -> Callback<E> {
    let value = value.map(str::to_string);
    on_name.reform(move |_: E| value.clone())
}

/// The paths, computed once per drawing and chosen relation and keyed by
/// look, so that a new selection changes their data, not the elements; then
/// the lines, one keyed component each. The fading of what is away from the
/// selection is the `faded` class on their group.
#[function_component(GraphEdges)]
pub fn graph_edges(props: &EdgesProps) -> Html {
    let EdgesProps { drawing, relation, dispatch, on_focus_name } = props;
    let paths = use_memo((drawing.clone(), relation.clone()), |(drawing, relation)| {
        let drawn_together = drawing.edges.iter().filter(|edge| !drawing.stands_alone(edge, relation.as_deref()));
        edge_paths(drawn_together).into_iter().map(|path| (path.key(), path.look, AttrValue::from(path.data))).collect::<Vec<_>>()
    });
    let paths = paths.iter().map(|(key, look, data)| {
        html! {
            <path key={key.as_str()} class={classes!("edge", look.typed.then_some("typed"), look.near.then_some("near"))} d={data.clone()}
                stroke-width={look.stroke_width().to_string()} />
        }
    });
    let lines = drawing.edges.iter().filter(|edge| drawing.stands_alone(edge, relation.as_deref())).map(|&edge| {
        html! {
            <Edge key={edge.relation.id.as_str()} {edge} chosen={relation.as_deref() == Some(edge.relation.id.as_str())}
                in_tab_order={drawing.touches_selection(&edge)} dispatch={dispatch.clone()} on_name={on_focus_name.clone()} />
        }
    });
    html! {
        <g class={classes!("edges", drawing.fades().then_some("faded"))}>
            <g aria-hidden="true">{ for paths }</g>
            { for lines }
        </g>
    }
}

#[derive(Properties)]
struct EdgeProps {
    edge: DrawnEdge<'static>,
    chosen: bool,
    in_tab_order: bool,
    dispatch: Callback<Action>,
    on_name: Callback<Option<String>>,
}

/// The corpus lives as long as the app, so the same relation and entities are the same references.
impl PartialEq for EdgeProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.edge, &other.edge);
        std::ptr::eq(a.relation, b.relation)
            && std::ptr::eq(a.source, b.source)
            && std::ptr::eq(a.target, b.target)
            && (a.evidence, a.look, self.chosen, self.in_tab_order) == (b.evidence, b.look, other.chosen, other.in_tab_order)
            && self.dispatch == other.dispatch
            && self.on_name == other.on_name
    }
}

#[function_component(Edge)]
fn edge(props: &EdgeProps) -> Html {
    let EdgeProps { edge, chosen, in_tab_order, dispatch, on_name } = props;
    let DrawnEdge { relation, source, target, evidence, look } = *edge;
    let id = relation.id.clone();
    let (onclick, onkeydown) = activate(dispatch.reform(move |_| Action::SelectRelation(Some(id.clone()))));
    html! {
        <line class={classes!("edge", look.typed.then_some("typed"), chosen.then_some("selected"), look.near.then_some("near"))}
            x1={source.x.to_string()} y1={source.y.to_string()} x2={target.x.to_string()} y2={target.y.to_string()}
            stroke-width={look.stroke_width().to_string()}
            role="button" tabindex={if *in_tab_order { "0" } else { "-1" }} aria-pressed={chosen.to_string()}
            aria-label={relation_sentence(&source.name, relation.kind, &target.name, evidence)} {onclick} {onkeydown}
            onfocus={name_on(on_name, Some(&relation.id))} onblur={name_on(on_name, None)} />
    }
}

/// The named relation's edge, highlighted: drawn over the other edges and
/// under the nodes, hidden from assistive technology, and transparent to the
/// pointer, which the edge under it keeps.
pub fn named_edge(drawing: &Drawing, named: Option<&str>) -> Html {
    let Some(edge) = named.and_then(|id| drawing.edge(id)) else { return html! {} };
    let (source, target) = (edge.source, edge.target);
    html! {
        <line class="edge named" aria-hidden="true" x1={source.x.to_string()} y1={source.y.to_string()} x2={target.x.to_string()}
            y2={target.y.to_string()} stroke-width={edge.look.stroke_width().to_string()} />
    }
}

/// The named relation's name at its edge's midpoint, drawn over the nodes;
/// hidden from assistive technology, which reads the edge's own name or the
/// tables'.
pub fn edge_name(drawing: &Drawing, named: Option<&str>, viewbox: ViewBox, pixel_width: f64) -> Html {
    let Some(edge) = named.and_then(|id| drawing.edge(id)) else { return html! {} };
    let text = relation_sentence(&edge.source.name, edge.relation.kind, &edge.target.name, edge.evidence);
    let (from, to) = edge.ends();
    let label = edge_label(from, to, &text, viewbox, pixel_width);
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
