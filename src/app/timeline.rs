//! The timeline: events on a time axis in lanes, zoom (wheel, pinch,
//! buttons, keys), pan (drag, arrow keys), a brush that filters every view,
//! and the same events as an ordered list.

use super::{browser, data, timeline_lanes::lanes_svg, ViewProps};
use crate::view::calendar::{event_range, format_day};
use crate::view::state::{Action, Lanes};
use crate::view::strings::{count, kind_name, EN};
use crate::view::timeline::{extent, layout, ticks, Scale};
use std::collections::HashMap;
use yew::prelude::*;

pub const AXIS: f64 = 26.0;
/// Rows of the text alternative drawn at most; filters narrow the rest.
pub const MAX_LISTED: usize = 500;
pub const BRUSH: f64 = 22.0;

#[function_component(Timeline)]
pub fn timeline(props: &ViewProps) -> Html {
    let (corpus, index) = data();
    let node = use_node_ref();
    let width = browser::use_width(&node);
    let pointers = use_mut_ref(HashMap::<i32, f64>::new);
    let brush = use_state(|| None::<(f64, f64)>);
    let events = &props.filtered.timeline;
    let window = props.state.window.or_else(|| extent(events)).unwrap_or((17000, 17600));
    let scale = Scale::new(window, width);
    let lane_of = |e: &crate::model::Event| match props.state.lanes {
        Lanes::Article => index.article(corpus, &e.article).map_or_else(|| e.article.clone(), |a| a.title.clone()),
        Lanes::Kind => e.entities.first().and_then(|id| index.entity(corpus, id)).map_or(EN.unnamed, |en| kind_name(en.kind)).to_string(),
    };
    let lanes = layout(events, &scale, lane_of);
    let set_window = props.dispatch.reform(|w: (i64, i64)| Action::SetWindow(Some(w)));

    let onwheel = {
        let (set_window, node) = (set_window.clone(), node.clone());
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let (fx, _) = browser::fraction_in(&node, e.client_x(), e.client_y());
            set_window.emit(scale.zoomed(if e.delta_y() < 0.0 { 1.25 } else { 0.8 }, fx * scale.width));
        })
    };
    let onpointerdown = {
        let (pointers, node, brush) = (pointers.clone(), node.clone(), brush.clone());
        Callback::from(move |e: PointerEvent| {
            let (fx, fy) = browser::fraction_in(&node, e.client_x(), e.client_y());
            let in_brush = fy * browser::height_of(&node) < AXIS + BRUSH;
            if in_brush {
                brush.set(Some((scale.day(fx * scale.width), scale.day(fx * scale.width))));
            } else {
                pointers.borrow_mut().insert(e.pointer_id(), fx * scale.width);
            }
        })
    };
    let onpointermove = {
        let (pointers, node, brush, set_window) = (pointers.clone(), node.clone(), brush.clone(), set_window.clone());
        Callback::from(move |e: PointerEvent| {
            let x = browser::fraction_in(&node, e.client_x(), e.client_y()).0 * scale.width;
            if let Some((start, _)) = *brush {
                brush.set(Some((start, scale.day(x))));
                return;
            }
            let mut pointers = pointers.borrow_mut();
            let Some(&previous) = pointers.get(&e.pointer_id()) else { return };
            if pointers.len() == 2 {
                // Pinch: the change in distance between two pointers zooms.
                let other = pointers.iter().find(|(id, _)| **id != e.pointer_id()).map(|(_, x)| *x).unwrap_or(x);
                let (before, after) = ((previous - other).abs().max(1.0), (x - other).abs().max(1.0));
                set_window.emit(scale.zoomed(after / before, (x + other) / 2.0));
            } else if (x - previous).abs() >= 1.0 {
                set_window.emit(scale.panned(previous - x));
            }
            pointers.insert(e.pointer_id(), x);
        })
    };
    let onpointerup = {
        let (pointers, brush, dispatch) = (pointers.clone(), brush.clone(), props.dispatch.clone());
        Callback::from(move |e: PointerEvent| {
            pointers.borrow_mut().remove(&e.pointer_id());
            if let Some((a, b)) = *brush {
                let (from, to) = (a.min(b).floor() as i64, a.max(b).floor() as i64);
                dispatch.emit(Action::SetRange((to > from).then_some((from, to))));
                brush.set(None);
            }
        })
    };
    let onkeydown = {
        let set_window = set_window.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = scale.width * 0.1;
            let next = match e.key().as_str() {
                "ArrowLeft" => scale.panned(-step),
                "ArrowRight" => scale.panned(step),
                "+" | "=" => scale.zoomed(1.5, scale.width / 2.0),
                "-" | "_" => scale.zoomed(1.0 / 1.5, scale.width / 2.0),
                _ => return,
            };
            e.prevent_default();
            set_window.emit(next);
        })
    };
    let zoom = |factor: f64| set_window.reform(move |_: MouseEvent| scale.zoomed(factor, scale.width / 2.0));
    let fit = props.dispatch.reform(|_| Action::SetWindow(None));
    let lanes_toggle = {
        let next = if props.state.lanes == Lanes::Article { Lanes::Kind } else { Lanes::Article };
        props.dispatch.reform(move |_| Action::SetLanes(next))
    };
    let brushed = (*brush).map(|(a, b)| (a.min(b), a.max(b))).or(props.state.range.map(|(a, b)| (a as f64, b as f64 + 1.0)));
    let (svg_body, height) = lanes_svg(&lanes, &ticks(&scale), &scale, brushed, events, &props.state, &props.dispatch);
    let (listed, undated): (Vec<&&crate::model::Event>, Vec<&&crate::model::Event>) =
        events.iter().partition(|e| event_range(&e.date).is_some());
    let undated_list = undated.iter().take(MAX_LISTED).map(|event| {
        let id = event.id.clone();
        let onclick = props.dispatch.reform(move |_| Action::SelectEvent(Some(id.clone())));
        html! { <li><button type="button" data-event-id={event.id.clone()} {onclick}>
            <q>{ &event.date.as_written }</q>{ " " }{ &event.text }
        </button></li> }
    });
    let list = listed.iter().take(MAX_LISTED).map(|event| {
        let id = event.id.clone();
        let onclick = props.dispatch.reform(move |_| Action::SelectEvent(Some(id.clone())));
        let pressed = props.state.event.as_deref() == Some(event.id.as_str());
        html! { <li><button type="button" data-event-id={event.id.clone()} aria-pressed={pressed.to_string()} {onclick}>
            <time>{ event.date.value.clone().unwrap_or_default() }</time>{ " " }{ &event.text }
        </button></li> }
    });
    html! {
        <section class="timeline" aria-labelledby="timeline-title">
            <div class="section-head">
                <h2 id="timeline-title">{ EN.timeline } <span class="count">{ count(events.len(), EN.one_event, EN.events) }</span></h2>
                <div class="tools">
                    <button type="button" onclick={zoom(1.5)} aria-label={EN.zoom_in}>{ "+" }</button>
                    <button type="button" onclick={zoom(1.0 / 1.5)} aria-label={EN.zoom_out}>{ "\u{2212}" }</button>
                    <button type="button" onclick={fit}>{ EN.reset_view }</button>
                    <button type="button" onclick={lanes_toggle}>{ if props.state.lanes == Lanes::Article { EN.lanes_by_kind } else { EN.lanes_by_article } }</button>
                    if let Some((from, to)) = props.state.range {
                        <button type="button" onclick={props.dispatch.reform(|_| Action::SetRange(None))}>
                            { format!("{} ({} – {})", EN.clear_range, format_day(from.max(-700_000)), format_day(to.min(2_900_000))) }
                        </button>
                    }
                </div>
            </div>
            <p class="help" id="timeline-help">{ EN.timeline_help }</p>
            <svg ref={node} class="timeline-svg" width="100%" height={height.to_string()} tabindex="0" role="group"
                aria-label={EN.timeline} aria-describedby="timeline-help"
                {onwheel} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup.clone()} onpointerleave={onpointerup} {onkeydown}>
                { svg_body }
            </svg>
            <details class="alternative">
                <summary>{ format!("{} ({})", EN.events_as_list, events.len()) }</summary>
                if listed.len() > MAX_LISTED { <p class="help">{ format!("{} {MAX_LISTED} / {}", EN.showing_first, listed.len()) }</p> }
                <ol class="event-list">{ for list }</ol>
            </details>
            if !undated.is_empty() {
                <details class="alternative">
                    <summary>{ format!("{} ({})", EN.undated, undated.len()) }</summary>
                    <ul class="event-list">{ for undated_list }</ul>
                </details>
            }
        </section>
    }
}
