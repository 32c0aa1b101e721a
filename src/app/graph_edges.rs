//! The graph's edges, drawn as a few paths, by look
//! (`view::graph::edge_paths`), hidden from assistive technology, which
//! reaches the selected entity's relations through its card and every
//! relation through the tables under the graph; the pointer finds them
//! through `graph_pointer`. The chosen relation is also a line of its own,
//! drawn over them. The named relation is highlighted, with its name drawn
//! at the edge's midpoint.

use super::{activate, emit_on, number_attr, Shared};
use crate::view::graph::{edge_label, Drawing, DrawnEdge, ViewBox, LABEL_FONT_SIZE};
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

/// The paths, computed with the drawing and keyed by look and layer, so
/// that a new selection changes their data, not the elements; then the
/// chosen relation's line, keyed by relation. The fading of what is away from the selection
/// is the `faded` class on their group.
#[function_component(GraphEdges)]
pub fn graph_edges(props: &EdgesProps) -> Html {
    let EdgesProps { drawing, relation, dispatch, on_focus_name } = props;
    let paths = drawing.paths.iter().map(|path| {
        let look = path.look;
        html! {
            <path key={path.key()} class={classes!("edge", look.typed.then_some("typed"), look.near.then_some("near"))} d={path.data.clone()}
                stroke-width={number_attr(look.stroke_width())} />
        }
    });
    // The chosen relation's line, drawn opaque over the paths.
    let line = relation.as_deref().and_then(|id| drawing.edge(id)).map(|edge| {
        let DrawnEdge { relation: shown, source, target, evidence, look } = *edge;
        let (onclick, onkeydown) = activate(emit_on(dispatch, Action::SelectRelation(Some(shown.id.clone()))));
        html! {
            <line key={shown.id.as_str()} class={classes!("edge", look.typed.then_some("typed"), "selected", look.near.then_some("near"))}
                x1={number_attr(source.x)} y1={number_attr(source.y)} x2={number_attr(target.x)} y2={number_attr(target.y)}
                stroke-width={number_attr(look.stroke_width())} role="button" tabindex="-1" aria-pressed="true"
                aria-label={relation_sentence(&source.name, shown.kind, &target.name, evidence)}
                {onclick} {onkeydown} onfocus={emit_on(on_focus_name, Some(shown.id.clone()))} onblur={emit_on(on_focus_name, None)} />
        }
    });
    html! {
        <g class={classes!("edges", drawing.fades().then_some("faded"))}>
            <g aria-hidden="true">{ for paths }</g>
            { for line }
        </g>
    }
}

/// The named relation's edge, highlighted: drawn over the other edges and
/// under the nodes, hidden from assistive technology, and transparent to the
/// pointer, which the edge under it keeps.
pub fn named_edge(named: Option<&DrawnEdge>) -> Html {
    let Some(edge) = named else { return html! {} };
    let (source, target) = (edge.source, edge.target);
    html! {
        <line class="edge named" aria-hidden="true" x1={number_attr(source.x)} y1={number_attr(source.y)} x2={number_attr(target.x)}
            y2={number_attr(target.y)} stroke-width={number_attr(edge.look.stroke_width())} />
    }
}

/// The named relation's name at its edge's midpoint, drawn over the nodes;
/// hidden from assistive technology, which reads the edge's own name or the
/// tables'.
pub fn edge_name(named: Option<&DrawnEdge>, viewbox: ViewBox, pixel_width: f64) -> Html {
    let Some(edge) = named else { return html! {} };
    let text = relation_sentence(&edge.source.name, edge.relation.kind, &edge.target.name, edge.evidence);
    let (from, to) = edge.ends();
    let label = edge_label(from, to, &text, viewbox, pixel_width);
    let scale = viewbox.units_per_pixel(pixel_width);
    html! {
        <g class="edge-name" aria-hidden="true">
            <rect x={number_attr(label.frame.x)} y={number_attr(label.frame.y)} width={number_attr(label.frame.width)}
                height={number_attr(label.frame.height)} rx={number_attr(3.0 * scale)} />
            <text x={number_attr(label.anchor.0)} y={number_attr(label.anchor.1)} font-size={number_attr(LABEL_FONT_SIZE * scale)}
                text-anchor="middle">{ text }</text>
        </g>
    }
}
