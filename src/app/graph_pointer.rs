//! The pointer over the graph's edges, most of which are drawn as a few
//! paths that the browser cannot tell apart: the edge under the pointer is
//! found by `view::graph::edge_at` from where the pointer is in the view.

use super::{browser, Shared};
use crate::view::gesture::is_tap;
use crate::view::graph::{edge_at, Drawing, ViewBox};
use crate::view::state::Action;
use yew::prelude::*;

/// The pointer over the graph's edges: the relation it is over, and the
/// handlers that find it for the graph's picture (hovering names the
/// relation; a click, not the end of a drag, selects it).
pub struct EdgePointer {
    /// The relation under the pointer.
    pub hovered: Option<String>,
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerleave: Callback<PointerEvent>,
    pub onclick: Callback<MouseEvent>,
}

/// Finds the edge under the pointer in the picture inside `frame`, which
/// shows `shown` (the current view, whether or not the picture is drawn at
/// it yet) `pixel_width` wide.
#[hook]
pub fn use_edge_pointer(
    frame: &NodeRef,
    drawing: &Shared<Drawing<'static>>,
    shown: ViewBox,
    pixel_width: f64,
    dispatch: &Callback<Action>,
) -> EdgePointer {
    let hovered = use_state(|| None::<String>);
    let pressed_at = use_mut_ref(|| (0.0, 0.0));
    let edge_under = {
        let (frame, drawing) = (frame.clone(), drawing.clone());
        move |e: &MouseEvent| {
            let point = shown.point_at(browser::fraction_in(&frame, e.client_x(), e.client_y()));
            edge_at(&drawing.edges, point, shown, pixel_width).map(|edge| edge.relation.id.clone())
        }
    };
    let client = |e: &MouseEvent| (f64::from(e.client_x()), f64::from(e.client_y()));
    let onpointermove = {
        let (hovered, edge_under) = (hovered.clone(), edge_under.clone());
        Callback::from(move |e: PointerEvent| {
            // Over the background or an edge, not a node or a label, and not while dragging the picture.
            let pointing = e.buttons() == 0 && browser::target_matches(&e, ".graph-svg, .edge");
            let under = if pointing { edge_under(&e) } else { None };
            // The graph draws again only when the edge under the pointer changes.
            if *hovered != under {
                hovered.set(under);
            }
        })
    };
    let onpointerleave = {
        let hovered = hovered.clone();
        Callback::from(move |_: PointerEvent| hovered.set(None))
    };
    let onpointerdown = {
        let pressed_at = pressed_at.clone();
        Callback::from(move |e: PointerEvent| *pressed_at.borrow_mut() = client(&e))
    };
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            // Nodes and the edges drawn as lines take their own clicks.
            if browser::target_matches(&e, ".graph-svg") && is_tap(*pressed_at.borrow(), client(&e)) {
                if let Some(id) = edge_under(&e) {
                    dispatch.emit(Action::SelectRelation(Some(id)));
                }
            }
        })
    };
    EdgePointer { hovered: (*hovered).clone(), onpointerdown, onpointermove, onpointerleave, onclick }
}
