//! The relations graph: entities at their precomputed positions (shape and
//! colour by kind, size by mentions), relations as weighted edges, pan and
//! zoom, the selected entity's ego network, and the same data as tables.

use super::pan_zoom::use_pan_zoom;
use super::use_unfolded;
use super::{
    activate, browser,
    graph_edges::{edge_name, GraphEdges},
    graph_tables::tables,
    Shared, SharedFiltered,
};
use crate::view::export::{kind_colour, kind_shape};
use crate::view::graph::{after, fit, node_labels, radius, zoom_at, Drawing, ViewBox, LABEL_FONT_SIZE};
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
    let named_relation = use_state(|| None::<String>);
    let on_name = {
        let named = named_relation.setter();
        use_callback((), move |id: Option<String>, _| named.set(id))
    };
    let filtered = &props.filtered;
    let height = (width * 0.7).clamp(300.0, 560.0);
    let aspect = width / height;
    let selected = props.selected.as_deref();
    let drawing = Shared(use_memo((filtered.clone(), props.selected.clone()), |(filtered, selected)| {
        Drawing::new(&filtered.entities, filtered.relations.iter().map(|&(relation, _)| relation), selected.as_deref())
    }));
    let ranked = &drawing.ranked;
    let view = props.view.unwrap_or_else(|| fit(ranked.iter().map(|&(e, _)| e), aspect));
    let viewbox = ViewBox::of(view, aspect);
    let units_per_pixel = viewbox.units_per_pixel(width);
    let set_view = props.dispatch.reform(|v: GraphView| Action::SetGraphView(Some(v)));
    let labels = node_labels(ranked, viewbox, width);
    let most = ranked.iter().map(|(e, _)| e.mentions.len()).max().unwrap_or(1);
    let nodes = ranked.iter().rev().map(|&(entity, _)| {
        let id = entity.id.clone();
        let is_selected = selected == Some(entity.id.as_str());
        let (onclick, onkeydown) = activate(props.dispatch.reform(move |_| Action::SelectEntity((!is_selected).then(|| id.clone()))));
        let r = radius(entity.mentions.len(), most) * units_per_pixel;
        html! {
            <g class={classes!("node", entity.kind.as_str(), is_selected.then_some("selected"), drawing.dimmed(&entity.id).then_some("dimmed"))}
                transform={format!("translate({},{})", entity.x, entity.y)} role="button" tabindex="0"
                data-entity-id={entity.id.clone()} aria-pressed={is_selected.to_string()}
                aria-label={format!("{} ({}), {} {}", entity.name, entity.kind.as_str(), entity.mentions.len(), EN.mentions.to_lowercase())} {onclick} {onkeydown}>
                <path d={kind_shape(entity.kind, r)} fill={kind_colour(entity.kind)} />
            </g>
        }
    });
    // Above every node, since a label may cover a lesser one; nodes name themselves to assistive technology.
    let font_size = (LABEL_FONT_SIZE * units_per_pixel).to_string();
    let label_texts = ranked.iter().zip(&labels).filter_map(|(&(entity, _), label)| {
        let (x, y) = (*label)?;
        Some(html! {
            <text class={classes!(drawing.dimmed(&entity.id).then_some("dimmed"))} x={x.to_string()} y={y.to_string()} font-size={font_size.clone()} text-anchor="middle">{ &entity.name }</text>
        })
    });
    let pan_zoom = use_pan_zoom(&node, true, set_view.reform(move |gesture| after(view, gesture, aspect)));
    let zoom = |factor: f64| set_view.reform(move |_: MouseEvent| zoom_at(view, factor, 0.5, 0.5, aspect));
    let reset = props.dispatch.reform(|_| Action::SetGraphView(None));
    let tables_unfolded = use_unfolded();
    html! {
        <section class="graph" aria-labelledby="graph-title">
            <div class="section-head">
                <h2 id="graph-title">{ EN.graph } <span class="count">{ format!("{} · {}", filtered.entities.len(), filtered.relations.len()) }</span></h2>
                <div class="tools">
                    <button type="button" onclick={zoom(1.4)} aria-label={EN.zoom_in}>{ "+" }</button>
                    <button type="button" onclick={zoom(1.0 / 1.4)} aria-label={EN.zoom_out}>{ "\u{2212}" }</button>
                    <button type="button" onclick={reset}>{ EN.reset_view }</button>
                </div>
            </div>
            <p class="help" id="graph-help">{ EN.graph_help }</p>
            if ranked.len() < filtered.entities.len() { <p class="help">{ format!("{} ({} / {})", EN.showing_most_mentioned, ranked.len(), filtered.entities.len()) }</p> }
            <svg ref={node} class="graph-svg" width="100%" height={height.to_string()} viewBox={viewbox.attribute()} role="group" tabindex="0"
                aria-label={EN.graph} aria-describedby="graph-help" onwheel={pan_zoom.onwheel} onpointerdown={pan_zoom.onpointerdown}
                onpointermove={pan_zoom.onpointermove} onkeydown={pan_zoom.onkeydown} onpointerup={pan_zoom.onpointerup.clone()}
                onpointercancel={pan_zoom.onpointerup.clone()} onpointerleave={pan_zoom.onpointerup}>
                <g class="edges"><GraphEdges filtered={filtered.clone()} drawing={drawing.clone()} selected={props.selected.clone()}
                    relation={props.relation.clone()} dispatch={props.dispatch.clone()} {on_name} /></g>
                <g class="nodes">{ for nodes }</g>
                <g class="labels" aria-hidden="true">{ for label_texts }</g>
                { edge_name(filtered, &drawing, named_relation.as_deref(), viewbox, width) }
            </svg>
            { tables(props.selected.as_deref(), filtered, &props.dispatch, tables_unfolded) }
        </section>
    }
}
