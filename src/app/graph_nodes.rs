//! The graph's nodes and their labels, drawn for one settled view: while a
//! pan or zoom is in progress the graph moves this picture instead.

use super::{activate_within, number_attr, Shared};
use crate::model::Entity;
use crate::view::case;
use crate::view::decimal::decimal;
use crate::view::export::kind_shape;
use crate::view::graph::{node_labels, radius, Drawing, ViewBox, LABEL_FONT_SIZE};
use crate::view::state::Action;
use crate::view::strings::EN;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NodesProps {
    pub drawing: Shared<Drawing<'static>>,
    /// The view the picture is drawn at, and its width in pixels: node sizes and labels follow the zoom.
    pub viewbox: ViewBox,
    pub width: f64,
    /// The selected entity.
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
}

#[function_component(GraphNodes)]
pub fn graph_nodes(props: &NodesProps) -> Html {
    let NodesProps { drawing, viewbox, width, selected, dispatch } = props;
    let ranked = &drawing.ranked;
    let units_per_pixel = viewbox.units_per_pixel(*width);
    let most = ranked.iter().map(|(e, _)| e.mentions.len()).max().unwrap_or(1);
    // A click or Enter on a node selects its entity, or clears the selection if it is the selected one.
    // The nodes' group takes them for every node, so the nodes a selection brings in register no listeners.
    let (onclick, onkeydown) = {
        let (dispatch, selected) = (dispatch.clone(), selected.clone());
        activate_within(
            ".node",
            Callback::from(move |node: web_sys::Element| {
                let Some(id) = node.get_attribute("data-entity-id") else { return };
                let again = selected.as_deref() == Some(id.as_str());
                dispatch.emit(Action::SelectEntity((!again).then_some(id)));
            }),
        )
    };
    let shape = |entity: &Entity| kind_shape(entity.kind, radius(entity.mentions.len(), most) * units_per_pixel);
    let place = |entity: &Entity| format!("translate({},{})", decimal(entity.x, 2), decimal(entity.y, 2));
    // Lowered once for the hundreds of node names, not once per node.
    let mentions = case::lowercase(EN.mentions);
    let nodes = drawing.paint_order().into_iter().map(|entity| {
        let is_selected = selected.as_deref() == Some(entity.id.as_str());
        // One element per node, its shape, filled by its kind's class (the stylesheet), not an attribute each:
        // a selection or a filter brings in and removes hundreds of them.
        html! {
            <path key={entity.id.as_str()} class={classes!("node", entity.kind.as_str(), is_selected.then_some("selected"), drawing.dimmed(&entity.id).then_some("dimmed"))}
                transform={place(entity)} d={shape(entity)} role="button" tabindex="0"
                data-entity-id={entity.id.clone()} aria-pressed={is_selected.to_string()}
                aria-label={format!("{} ({}), {} {}", entity.name, entity.kind.as_str(), entity.mentions.len(), mentions)} />
        }
    });
    // The selection drawn again over every node: its own element stays among its neighbours (see
    // `Drawing::paint_order`). Transparent to the pointer, which reaches the node under it.
    let mark = ranked.iter().map(|&(entity, _)| entity).find(|entity| selected.as_deref() == Some(entity.id.as_str())).map(|entity| {
        html! { <path class={classes!("node-mark", entity.kind.as_str())} transform={place(entity)} d={shape(entity)} /> }
    });
    // Above every node, since a label may cover a lesser one; nodes name themselves to assistive technology.
    // Nodes and labels are keyed by entity, so a changed selection or filter keeps the elements of the entities still drawn.
    let font_size = number_attr(LABEL_FONT_SIZE * units_per_pixel);
    let labels = node_labels(ranked, *viewbox, *width);
    let label_texts = ranked.iter().zip(&labels).filter_map(|(&(entity, _), label)| {
        let (x, y) = (*label)?;
        Some(html! {
            <text key={entity.id.as_str()} class={classes!(drawing.dimmed(&entity.id).then_some("dimmed"))} x={number_attr(x)} y={number_attr(y)}>{ &entity.name }</text>
        })
    });
    html! {
        <>
            <g class="nodes" {onclick} {onkeydown}>{ for nodes }</g>
            // A group of its own, always there, so that the groups around it keep their elements.
            <g class="selection" aria-hidden="true">{ for mark }</g>
            // Size and anchor are set once on the labels' group, which they inherit, not as attributes of each.
            <g class="labels" aria-hidden="true" font-size={font_size} text-anchor="middle">{ for label_texts }</g>
        </>
    }
}
