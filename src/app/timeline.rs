//! The timeline: events on a time axis in lanes, zoom (wheel, pinch,
//! buttons, keys), pan (drag, arrow keys; the drawn picture moves until the
//! pan rests), a brush that filters every view,
//! and the same events as an ordered list.

use super::pan_zoom::{use_pan_zoom, use_settled, zoom_buttons, SETTLE_MS};
use super::{browser, data, emit_on, event_lists::EventLists, number_attr, timeline_lanes::lanes_svg, SharedTimeline};
use crate::model::Event;
use crate::view::calendar::{event_range, format_day, span_of};
use crate::view::state::{Action, DayRange, Lanes};
use crate::view::strings::{count, kind_name, EN};
use crate::view::timeline::{brushed_range, extent, group_lanes, layout, step, window_showing, Scale};
use yew::prelude::*;

/// The parts of the view state the timeline reads, so that zooming the
/// graph or opening an entity's card does not redraw it.
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub events: SharedTimeline,
    pub window: Option<(i64, i64)>,
    pub lanes: Lanes,
    pub range: Option<DayRange>,
    /// The event whose card is open.
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
}

pub const AXIS: f64 = 26.0;
pub const BRUSH: f64 = 22.0;

/// The name of the lane an event goes in: its article's title, or the kind of its first entity.
fn lane_of(lanes: Lanes, event: &Event) -> String {
    let (corpus, index) = data();
    match lanes {
        Lanes::Article => index.article(corpus, &event.article).map_or_else(|| event.article.to_string(), |a| a.title.clone()),
        Lanes::Kind => {
            event.entities.first().and_then(|id| index.entity(corpus, id)).map_or(EN.unnamed, |en| kind_name(en.kind)).to_string()
        }
    }
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let (corpus, index) = data();
    let node = use_node_ref();
    let width = browser::use_width(&node);
    let brush = use_state(|| None::<(f64, f64)>);
    // The event under the pointer or keyboard focus, whose full label the caption shows.
    let hovered = use_state(|| None::<String>);
    let window = props
        .window
        .or_else(|| span_of(props.events.days.iter().flatten().copied()).map(|span| extent(span, width)))
        .unwrap_or((17000, 17600));
    let scale = Scale::new(window, width);
    // The picture is drawn at a settled window: a pan in progress only moves it; a zoom or a new width draws it again at once.
    let drawn = Scale::new(use_settled(window, (window.1 - window.0, width.to_bits()), SETTLE_MS), width);
    let picture = use_node_ref();
    browser::use_style_property(&picture, "transform", scale.moved_from(&drawn).transform().unwrap_or_default());
    let grouped =
        use_memo((props.events.clone(), props.lanes), |(events, lanes)| group_lanes(&events.events, &events.days, |e| lane_of(*lanes, e)));
    let lanes = layout(&grouped, &drawn);
    let set_window = props.dispatch.reform(|w: (i64, i64)| Action::SetWindow(Some(w)));

    let pan_zoom = use_pan_zoom(&node, false, set_window.reform(move |gesture| scale.after(gesture)));
    // A drag that starts on the strip under the axis brushes a date range instead of panning.
    let onpointerdown = {
        let (node, brush, pan) = (node.clone(), brush.clone(), pan_zoom.onpointerdown.clone());
        Callback::from(move |e: PointerEvent| {
            let (fx, fy) = browser::fraction_in(&node, e.client_x(), e.client_y());
            if fy * browser::height_of(&node) < AXIS + BRUSH {
                brush.set(Some((scale.day(fx * scale.width), scale.day(fx * scale.width))));
            } else {
                pan.emit(e);
            }
        })
    };
    let onpointermove = {
        let (node, brush, pan) = (node.clone(), brush.clone(), pan_zoom.onpointermove.clone());
        Callback::from(move |e: PointerEvent| match *brush {
            Some((start, _)) => {
                brush.set(Some((start, scale.day(browser::fraction_in(&node, e.client_x(), e.client_y()).0 * scale.width))))
            }
            None => pan.emit(e),
        })
    };
    let onpointerup = {
        let (brush, dispatch, release) = (brush.clone(), props.dispatch.clone(), pan_zoom.onpointerup.clone());
        Callback::from(move |e: PointerEvent| {
            release.emit(e);
            if let Some(days) = *brush {
                dispatch.emit(Action::SetRange(brushed_range(days)));
                brush.set(None);
            }
        })
    };
    let zoom = |factor: f64| set_window.reform(move |_: MouseEvent| scale.zoomed(factor, scale.width / 2.0));
    let fit = emit_on(&props.dispatch, Action::SetWindow(None));
    let lanes_toggle = emit_on(&props.dispatch, Action::SetLanes(if props.lanes == Lanes::Article { Lanes::Kind } else { Lanes::Article }));
    let story = &props.events.story;
    let position = props.selected.as_deref().and_then(|id| story.iter().position(|e| e.id == id));
    let step_by = |delta: isize| {
        let target = step(&story.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), props.selected.as_deref(), delta).map(|i| story[i]);
        let (dispatch, window) = (props.dispatch.clone(), props.window);
        let target = target.filter(|e| Some(e.id.as_str()) != props.selected.as_deref()).map(|e| (e.id.clone(), event_range(&e.date)));
        let enabled = target.is_some();
        let go = Callback::from(move |()| {
            let Some((id, days)) = target.clone() else { return };
            dispatch.emit(Action::SelectEvent(Some(id)));
            // Keep the chosen event in view when the reader has zoomed in.
            if let (Some(window), Some(days)) = (window, days) {
                dispatch.emit(Action::SetWindow(Some(window_showing(window, days))));
            }
        });
        (go, enabled)
    };
    let ((previous, has_previous), (next, has_next)) = (step_by(-1), step_by(1));
    let onstorykey = {
        let (previous, next) = (previous.clone(), next.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "n" | "N" => next.emit(()),
            "p" | "P" => previous.emit(()),
            _ => {}
        })
    };
    let shown = (*hovered).clone().or_else(|| props.selected.as_deref().map(str::to_string));
    let announced = position.map(|p| format!("{} / {}: {}", p + 1, story.len(), story[p].text));
    let caption = shown.and_then(|id| index.event(corpus, &id)).map(|event| {
        html! { <><time>{ event.date.shown() }</time>{ " " }{ &event.text }</> }
    });
    let brushed = (*brush)
        .map(|(a, b)| (a.min(b), a.max(b)))
        .or(props.range.map(|r| (r.from.map_or(f64::NEG_INFINITY, |d| d as f64), r.to.map_or(f64::INFINITY, |d| d as f64 + 1.0))));
    let on_hover = Callback::from(hovered.setter());
    let (svg_body, height) = lanes_svg(&lanes, &drawn, brushed, &props.events, props.selected.as_deref(), &props.dispatch, &on_hover);
    html! {
        <section class="timeline" aria-labelledby="timeline-title" onkeydown={onstorykey}>
            <div class="section-head">
                <h2 id="timeline-title">{ EN.timeline } <span class="count">{ count(props.events.events.len(), EN.one_event, EN.events) }</span></h2>
                <div class="tools">
                    { zoom_buttons(zoom(1.5), zoom(1.0 / 1.5), fit) }
                    <button type="button" onclick={lanes_toggle}>{ if props.lanes == Lanes::Article { EN.lanes_by_kind } else { EN.lanes_by_article } }</button>
                    if let Some(range) = props.range {
                        <button type="button" onclick={emit_on(&props.dispatch, Action::SetRange(None))}>
                            { format!("{} ({} – {})", EN.clear_range, range.from.map(format_day).unwrap_or_default(), range.to.map(format_day).unwrap_or_default()) }
                        </button>
                    }
                </div>
            </div>
            <div class="story">
                <button type="button" onclick={emit_on(&previous, ())} disabled={!has_previous} aria-keyshortcuts="p">{ EN.previous_event }</button>
                <span class="story-position">{ position.map_or_else(|| count(story.len(), EN.one_event, EN.events), |p| format!("{} / {}", p + 1, story.len())) }</span>
                <button type="button" onclick={emit_on(&next, ())} disabled={!has_next} aria-keyshortcuts="n">{ EN.next_event }</button>
                <p class="story-caption">{ for caption }</p>
                // Announces each step of the story, not every mark the pointer crosses.
                <p class="visually-hidden" aria-live="polite">{ for announced }</p>
            </div>
            <p class="help" id="timeline-help">{ EN.timeline_help }</p>
            // The frame takes the gestures and clips the moved picture; the picture stays the focusable group.
            <div ref={node} class="timeline-frame" onwheel={pan_zoom.onwheel} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()}
                onpointercancel={onpointerup.clone()} onpointerleave={onpointerup} onkeydown={pan_zoom.onkeydown}>
                <svg ref={picture} class="timeline-svg" width="100%" height={number_attr(height)} tabindex="0" role="group"
                    aria-label={EN.timeline} aria-describedby="timeline-help">
                    { svg_body }
                </svg>
            </div>
            // The list reads in date order, like the story; undated events follow apart.
            <EventLists events={props.events.clone()} selected={props.selected.as_deref().map(str::to_string)} dispatch={props.dispatch.clone()} />
        </section>
    }
}
