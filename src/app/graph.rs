//! The relations graph: entities at their precomputed positions (shape and
//! colour by kind, size by mentions), relations as weighted edges, pan and
//! zoom, the selected entity's ego network, and the same data as tables.

use super::pan_zoom::use_pan_zoom;
use super::use_unfolded;
use super::{activate, browser, graph_edges::EdgeScene, graph_tables::tables, ViewProps};
use crate::model::Entity;
use crate::view::export::{kind_colour, kind_shape};
use crate::view::graph::{after, fit, node_labels, prominent, radius, zoom_at, ViewBox, LABEL_FONT_SIZE, MAX_NODES};
use crate::view::state::{Action, GraphView};
use crate::view::strings::EN;
use std::collections::{HashMap, HashSet};
use yew::prelude::*;

#[function_component(Graph)]
pub fn graph(props: &ViewProps) -> Html {
    let node = use_node_ref();
    let width = browser::use_width(&node);
    let named_relation = use_state(|| None::<String>);
    let filtered = &props.filtered;
    let height = (width * 0.7).clamp(300.0, 560.0);
    let aspect = width / height;
    let selected = props.state.entity().map(str::to_string);
    let neighbours: HashSet<&str> = filtered
        .relations
        .iter()
        .filter(|(r, _)| selected.as_deref().is_some_and(|s| r.source == s || r.target == s))
        .flat_map(|(r, _)| [r.source.as_str(), r.target.as_str()])
        .collect();
    let dimmed = |id: &str| selected.is_some() && !neighbours.contains(id) && selected.as_deref() != Some(id);
    let highlighted = |e: &Entity| selected.as_deref() == Some(e.id.as_str()) || neighbours.contains(e.id.as_str());
    let drawn = prominent(&filtered.entities, highlighted, MAX_NODES);
    let by_id: HashMap<&str, &Entity> = drawn.iter().map(|e| (e.id.as_str(), *e)).collect();
    let view = props.state.graph.unwrap_or_else(|| fit(drawn.iter().copied(), aspect));
    let viewbox = ViewBox::of(view, aspect);
    let units_per_pixel = viewbox.units_per_pixel(width);
    let set_view = props.dispatch.reform(|v: GraphView| Action::SetGraphView(Some(v)));
    let edges = EdgeScene { drawn: &by_id, named: &named_relation };
    // Most important first: the selection, its neighbours, then by mentions.
    let mut ranked: Vec<(&Entity, bool)> = drawn.iter().map(|e| (*e, highlighted(e))).collect();
    ranked.sort_by_key(|&(e, must_show)| (selected.as_deref() != Some(e.id.as_str()), !must_show, std::cmp::Reverse(e.mentions.len())));
    let labels = node_labels(&ranked, viewbox, width);
    let most = drawn.iter().map(|e| e.mentions.len()).max().unwrap_or(1);
    let nodes = ranked.iter().rev().map(|&(entity, _)| {
        let id = entity.id.clone();
        let is_selected = selected.as_deref() == Some(entity.id.as_str());
        let (onclick, onkeydown) = activate(props.dispatch.reform(move |_| Action::SelectEntity((!is_selected).then(|| id.clone()))));
        let r = radius(entity.mentions.len(), most) * units_per_pixel;
        html! {
            <g class={classes!("node", entity.kind.as_str(), is_selected.then_some("selected"), dimmed(&entity.id).then_some("dimmed"))}
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
            <text class={classes!(dimmed(&entity.id).then_some("dimmed"))} x={x.to_string()} y={y.to_string()} font-size={font_size.clone()} text-anchor="middle">{ &entity.name }</text>
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
            if drawn.len() < filtered.entities.len() { <p class="help">{ format!("{} ({} / {})", EN.showing_most_mentioned, drawn.len(), filtered.entities.len()) }</p> }
            <svg ref={node} class="graph-svg" width="100%" height={height.to_string()} viewBox={viewbox.attribute()} role="group" tabindex="0"
                aria-label={EN.graph} aria-describedby="graph-help" onwheel={pan_zoom.onwheel} onpointerdown={pan_zoom.onpointerdown}
                onpointermove={pan_zoom.onpointermove} onkeydown={pan_zoom.onkeydown} onpointerup={pan_zoom.onpointerup.clone()}
                onpointercancel={pan_zoom.onpointerup.clone()} onpointerleave={pan_zoom.onpointerup}>
                <g class="edges">{ edges.lines(props, dimmed) }</g>
                <g class="nodes">{ for nodes }</g>
                <g class="labels" aria-hidden="true">{ for label_texts }</g>
                { edges.name(props, viewbox, width) }
            </svg>
            { tables(&props.state, filtered, &props.dispatch, tables_unfolded) }
        </section>
    }
}
