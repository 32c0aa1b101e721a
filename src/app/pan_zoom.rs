//! One pan-and-zoom hook for the timeline and the graph: wheel, drag,
//! pinch and keys become `view::gesture::Gesture`s for the caller to apply;
//! and `use_settled`, which lets a view draw again only once a gesture (or
//! typing) rests.

use super::{browser, use_effect_on};
use crate::view::gesture::{key, wheel, Gesture, Pointers};
use crate::view::strings::EN;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long a view must hold still before the picture is drawn for it again:
/// longer than the gap between a wheel's or a key's repeated events.
pub const SETTLE_MS: u32 = 200;

/// The view to draw the picture at: `view` once it has held still for
/// `hold_ms` (`SETTLE_MS` for gestures), or at once when `redraw` changes
/// (the picture is drawn again anyway) and on the first render. In between,
/// the caller shows the picture it has (moved by a CSS transform while
/// panning) instead of drawing every node and edge again for each step.
#[hook]
pub fn use_settled<V, K>(view: V, redraw: K, hold_ms: u32) -> V
where
    V: Clone + PartialEq + 'static,
    K: PartialEq + 'static,
{
    let drawn = use_mut_ref(|| (view.clone(), None::<K>));
    let redraw_now = use_force_update();
    let settled = {
        let mut drawn = drawn.borrow_mut();
        if drawn.1.as_ref() != Some(&redraw) {
            *drawn = (view.clone(), Some(redraw));
        }
        drawn.0.clone()
    };
    use_effect_on(view, move |view| {
        let view = view.clone();
        let moving = drawn.borrow().0 != view;
        moving.then(|| {
            Timeout::new(hold_ms, move || {
                drawn.borrow_mut().0 = view;
                redraw_now.force_update();
            })
        })
    });
    settled
}

/// The zoom in, zoom out and reset buttons of a view that pans and zooms.
pub fn zoom_buttons(zoom_in: Callback<MouseEvent>, zoom_out: Callback<MouseEvent>, reset: Callback<MouseEvent>) -> Html {
    html! {
        <>
            <button type="button" onclick={zoom_in} aria-label={EN.zoom_in}>{ "+" }</button>
            <button type="button" onclick={zoom_out} aria-label={EN.zoom_out}>{ "\u{2212}" }</button>
            <button type="button" onclick={reset}>{ EN.reset_view }</button>
        </>
    }
}

/// The handlers to put on the drawing's element.
pub struct PanZoom {
    pub onwheel: Callback<WheelEvent>,
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    /// For pointerup, pointercancel and pointerleave alike.
    pub onpointerup: Callback<PointerEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
}

/// Gestures on the element behind `node`, in fractions of its box;
/// `vertical` lets the up and down arrows pan too.
#[hook]
pub fn use_pan_zoom(node: &NodeRef, vertical: bool, on_gesture: Callback<Gesture>) -> PanZoom {
    let pointers = use_mut_ref(Pointers::default);
    let at = {
        let node = node.clone();
        move |e: &MouseEvent| browser::fraction_in(&node, e.client_x(), e.client_y())
    };
    let onwheel = {
        let (at, on_gesture) = (at.clone(), on_gesture.clone());
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let (x, y) = at(&e);
            on_gesture.emit(wheel(e.delta_y(), x, y));
        })
    };
    let onpointerdown = {
        let (at, pointers) = (at.clone(), pointers.clone());
        Callback::from(move |e: PointerEvent| pointers.borrow_mut().press(e.pointer_id(), at(&e)))
    };
    let onpointermove = {
        let (pointers, on_gesture) = (pointers.clone(), on_gesture.clone());
        Callback::from(move |e: PointerEvent| {
            let gesture = pointers.borrow_mut().moved(e.pointer_id(), at(&e));
            if let Some(gesture) = gesture {
                on_gesture.emit(gesture);
            }
        })
    };
    let onpointerup = Callback::from(move |e: PointerEvent| pointers.borrow_mut().release(e.pointer_id()));
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if let Some(gesture) = key(&e.key(), vertical) {
            e.prevent_default();
            on_gesture.emit(gesture);
        }
    });
    PanZoom { onwheel, onpointerdown, onpointermove, onpointerup, onkeydown }
}
