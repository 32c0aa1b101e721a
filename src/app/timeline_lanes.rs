//! The timeline's SVG body: axis ticks, the brush strip, lanes and items.
//! Geometry comes from `view::timeline`; this only draws it.

use super::timeline::{AXIS, BRUSH};
use super::{activate, emit_on, number_attr};
use crate::view::calendar::span_of;
use crate::view::filter::TimelineEvents;
use crate::view::state::Action;
use crate::view::strings::{count, EN};
use crate::view::timeline::{cluster_dates, cluster_radius, fit_label, ticks, Lane, Scale};
use yew::prelude::*;
use yew::virtual_dom::VList;

const LANE_LABEL: f64 = 18.0;
const ROW: f64 = 24.0;

pub fn lanes_svg(
    lanes: &[Lane],
    scale: &Scale,
    brushed: Option<(f64, f64)>,
    timeline: &TimelineEvents,
    selected_event: Option<&str>,
    dispatch: &Callback<Action>,
    on_hover: &Callback<Option<String>>,
) -> (Html, f64) {
    let events = &timeline.events;
    let mut y = AXIS + BRUSH + 6.0;
    let mut drawn = Vec::new();
    for lane in lanes {
        let top = y;
        let name = if lane.merged > 0 { format!("{} {}", lane.merged, EN.more_lanes) } else { lane.label.clone() };
        let label = html! { <text class="lane-label" x="4" y={number_attr(top + 12.0)}>{ name }</text> };
        // Labels are drawn apart from the marks, hidden from assistive
        // technology: a cut label is not the mark's name, which stays whole.
        let mut labels = Vec::new();
        let items: Vec<Html> = lane.items.iter().map(|item| {
            let cy = top + LANE_LABEL + item.row as f64 * ROW + ROW / 2.0;
            let mut label_text = |text: &str, selected: bool, onclick: Callback<MouseEvent>| {
                if let Some(slot) = item.label {
                    labels.push(html! {
                        <text class={classes!("event-label", selected.then_some("selected"))} x={number_attr(slot.x)} y={number_attr(cy + 4.0)} {onclick}>
                            { fit_label(text, slot.width) }
                        </text>
                    });
                }
            };
            if item.events.len() > 1 {
                // A lane holds dated events only, so a cluster always spans some days.
                let span = span_of(item.events.iter().filter_map(|&i| timeline.days[i])).unwrap_or((0, 1));
                let window = crate::view::timeline::extent(span, scale.width);
                let (onclick, onkeydown) = activate(emit_on(dispatch, Action::SetWindow(Some(window))));
                let cx = item.x + item.width / 2.0;
                let name = format!("{}, {}", count(item.events.len(), EN.one_event, EN.events), cluster_dates(span));
                label_text(&name, false, onclick.clone());
                // Keyed by its first event alone, so that a filter that changes its count patches it in place.
                return html! {
                    <g key={format!("cluster {}", events[item.events[0]].id)} class="cluster" role="button" tabindex="0" aria-label={format!("{name}: {}", EN.zoom_in)} {onclick} {onkeydown}>
                        <title>{ format!("{name}: {}", EN.zoom_in) }</title>
                        <circle cx={number_attr(cx)} cy={number_attr(cy)} r={number_attr(cluster_radius(item.events.len()))} />
                        <text x={number_attr(cx)} y={number_attr(cy + 4.0)} text-anchor="middle">{ item.events.len() }</text>
                    </g>
                };
            }
            let event = events[item.events[0]];
            let (onclick, onkeydown) = activate(emit_on(dispatch, Action::SelectEvent(Some(event.id.clone()))));
            let hovered = Some(event.id.clone());
            let selected = selected_event == Some(event.id.as_str());
            let label = format!("{}: {}", event.date.value.clone().unwrap_or_default(), event.text);
            label_text(&event.text, selected, onclick.clone());
            let shape = if item.bar {
                html! { <rect x={number_attr(item.x + 0.5)} y={number_attr(cy - 7.0)} width={number_attr((item.width - 1.0).max(2.0))} height="14" rx="3" /> }
            } else {
                html! { <circle cx={number_attr(item.x + item.width / 2.0)} cy={number_attr(cy)} r="6" /> }
            };
            html! {
                <g key={event.id.as_str()} class={classes!("event", item.bar.then_some("bar"), selected.then_some("selected"))} role="button" tabindex="0"
                    data-event-id={event.id.clone()} aria-pressed={selected.to_string()} aria-label={label.clone()} {onclick} {onkeydown}
                    onmouseenter={emit_on(on_hover, hovered.clone())} onfocus={emit_on(on_hover, hovered)} onmouseleave={emit_on(on_hover, None)}
                    onblur={emit_on(on_hover, None)}>
                    <title>{ label }</title>
                    { shape }
                </g>
            }
        }).collect();
        // Marks are keyed by their events, and lanes by their names, so that a pan, a filter or a selection keeps
        // the elements of the marks still shown: the keyed marks are one child of the lane, apart from its label.
        let items = VList::with_children(items, None);
        // The folded lanes share a lane labelled "", as a lane of untitled articles would be: the keys keep them apart.
        let key = if lane.merged > 0 { String::from("folded") } else { format!("lane {}", lane.label) };
        drawn.push(html! { <g {key} class="lane">{ label }{ items }<g class="labels" aria-hidden="true">{ for labels }</g></g> });
        y = top + LANE_LABEL + lane.rows as f64 * ROW + 8.0;
    }
    let height = y.max(AXIS + BRUSH + 40.0);
    let tick_marks = ticks(scale).into_iter().map(|t| {
        html! {
            <g class={classes!("tick", t.major.then_some("major"))}>
                <line x1={number_attr(t.x)} x2={number_attr(t.x)} y1={number_attr(AXIS - 6.0)} y2={number_attr(height)} />
                <text x={number_attr(t.x + 3.0)} y={number_attr(AXIS - 10.0)}>{ t.label }</text>
            </g>
        }
    });
    let brush = brushed.map(|(a, b)| (scale.x(a).max(0.0), scale.x(b).min(scale.width)));
    // Each part is one child (`{ for }` would splice its items in among the others), so that another number of
    // ticks, or a brush drawn or cleared, does not shift the lanes onto other elements.
    let (tick_marks, drawn) = (VList::with_children(tick_marks.collect(), None), VList::with_children(drawn, None));
    let body = html! {
        <>
            { tick_marks }
            <rect class="brush-strip" x="0" y={number_attr(AXIS)} width={number_attr(scale.width)} height={number_attr(BRUSH)}><title>{ EN.brush_hint }</title></rect>
            <text class="brush-hint" x="6" y={number_attr(AXIS + 15.0)}>{ EN.brush_hint }</text>
            if let Some((x0, x1)) = brush {
                <rect class="brushed" x={number_attr(x0)} y={number_attr(AXIS)} width={number_attr((x1 - x0).max(1.0))} height={number_attr(height - AXIS)} />
            }
            { drawn }
        </>
    };
    (body, height)
}
