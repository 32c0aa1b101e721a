//! The relations graph: entities at their precomputed positions (shape and
//! colour by kind, size by mentions), relations as weighted edges, pan and
//! zoom (moving the drawn picture until the gesture rests), the selected
//! entity's ego network, and the same data as tables.

use super::pan_zoom::{use_pan_zoom, use_settled, zoom_buttons, SETTLE_MS};
use super::{
    browser, emit_on,
    graph_edges::{edge_name, named_edge, GraphEdges},
    graph_nodes::GraphNodes,
    graph_pointer::use_edge_pointer,
    graph_tables::tables,
    number_attr, use_unfolded, Shared, SharedFiltered,
};
use crate::view::graph::{after, fit, zoom_at, Drawing, ViewBox};
use crate::view::state::{Action, GraphView};
use crate::view::strings::EN;
use yew::prelude::*;

/// The parts of the view state the graph reads, so that panning the
/// timeline does not redraw it.
#[derive(Properties, PartialEq)]
pub struct GraphProps {
    pub filtered: SharedFiltered,
    /// The viewport; none fits the drawn entities.
    pub view: Option<GraphView>,
    /// The selected entity.
    pub selected: Option<String>,
    /// The relation whose evidence is open.
    pub relation: Option<String>,
    pub dispatch: Callback<Action>,
}

#[function_component(Graph)]
pub fn graph(props: &GraphProps) -> Html {
    let node = use_node_ref();
    let width = browser::use_width(&node);
    let focused_relation = use_state(|| None::<String>);
    // The state's own setter: the same callback on every render, so the edges do not render for it.
    let on_focus_name = Callback::from(focused_relation.setter());
    let filtered = &props.filtered;
    let height = (width * 0.7).clamp(300.0, 560.0);
    let aspect = width / height;
    let drawing = Shared(use_memo((filtered.clone(), props.selected.clone()), |(filtered, selected)| {
        Drawing::new(
            &filtered.entities,
            filtered.relations.with_ends().map(|(relation, ends, evidence)| (relation, ends, evidence.len())),
            selected.as_deref(),
        )
    }));
    let ranked = &drawing.ranked;
    let view = props.view.unwrap_or_else(|| fit(ranked.iter().map(|&(e, _)| e), aspect));
    // The picture is drawn at a settled view; a pan or zoom in progress only moves it.
    let drawn_view = use_settled(view, (drawing.clone(), width.to_bits()), SETTLE_MS);
    let viewbox = ViewBox::of(drawn_view, aspect);
    let picture = use_node_ref();
    let shown = ViewBox::of(view, aspect);
    let moved = shown.moved_from(&viewbox, width).transform();
    browser::use_style_property(&picture, "transform", moved.unwrap_or_default());
    let set_view = props.dispatch.reform(|v: GraphView| Action::SetGraphView(Some(v)));
    let pan_zoom = use_pan_zoom(&node, true, set_view.reform(move |gesture| after(view, gesture, aspect)));
    let zoom = |factor: f64| set_view.reform(move |_: MouseEvent| zoom_at(view, factor, 0.5, 0.5, aspect));
    let reset = emit_on(&props.dispatch, Action::SetGraphView(None));
    let tables_unfolded = use_unfolded();
    let pointer = use_edge_pointer(&node, &drawing, shown, width, &props.dispatch);
    let named = pointer.hovered.as_deref().or(focused_relation.as_deref()).and_then(|id| drawing.edge(id));
    html! {
        <section class="graph" aria-labelledby="graph-title">
            <div class="section-head">
                <h2 id="graph-title">{ EN.graph } <span class="count">{ format!("{} · {}", filtered.entities.len(), filtered.relations.len()) }</span></h2>
                <div class="tools">
                    { zoom_buttons(zoom(1.4), zoom(1.0 / 1.4), reset) }
                </div>
            </div>
            <p class="help" id="graph-help">{ EN.graph_help }</p>
            if ranked.len() < filtered.entities.len() { <p class="help">{ format!("{} ({} / {})", EN.showing_most_mentioned, ranked.len(), filtered.entities.len()) }</p> }
            // The frame takes the gestures and clips the moved picture; the picture stays the focusable group.
            // The picture finds the edge under the pointer, then the frame pans.
            <div ref={node} class="graph-frame" onwheel={pan_zoom.onwheel} onpointerdown={pan_zoom.onpointerdown}
                onpointermove={pan_zoom.onpointermove} onkeydown={pan_zoom.onkeydown} onpointerup={pan_zoom.onpointerup.clone()}
                onpointercancel={pan_zoom.onpointerup.clone()} onpointerleave={pan_zoom.onpointerup}>
                <svg ref={picture} class={classes!("graph-svg", pointer.hovered.is_some().then_some("on-edge"))} width="100%"
                    height={number_attr(height)} viewBox={viewbox.attribute()} role="group" tabindex="0" aria-label={EN.graph}
                    aria-describedby="graph-help" onpointerdown={pointer.onpointerdown} onpointermove={pointer.onpointermove}
                    onpointerleave={pointer.onpointerleave} onclick={pointer.onclick}>
                    <GraphEdges drawing={drawing.clone()} relation={props.relation.clone()} dispatch={props.dispatch.clone()} {on_focus_name} />
                    { named_edge(named) }
                    <GraphNodes drawing={drawing.clone()} {viewbox} {width} selected={props.selected.clone()} dispatch={props.dispatch.clone()} />
                    { edge_name(named, viewbox, width) }
                </svg>
            </div>
            { tables(props.selected.as_deref(), filtered, &props.dispatch, tables_unfolded) }
        </section>
    }
}
