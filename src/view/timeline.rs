//! Timeline geometry: the time scale, its ticks, lane packing and the
//! clustering of crowded dates. Precision is drawn honestly: an item spans
//! the whole day, month, year or interval its date covers.

use super::calendar::{civil_from_days, days_from_civil};
use super::gesture::{Gesture, Move};
use super::state::DayRange;
use crate::model::Event;

/// Maps day numbers to pixels over a visible window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub start: f64,
    pub end: f64,
    pub width: f64,
}

impl Scale {
    pub fn new((start, end): (i64, i64), width: f64) -> Scale {
        Scale { start: start as f64, end: (end as f64).max(start as f64 + 1.0), width: width.max(1.0) }
    }

    pub fn x(&self, day: f64) -> f64 {
        (day - self.start) / (self.end - self.start) * self.width
    }

    pub fn day(&self, x: f64) -> f64 {
        self.start + x / self.width * (self.end - self.start)
    }

    /// The window zoomed by `factor` (>1 zooms in) around pixel `x`.
    pub fn zoomed(&self, factor: f64, x: f64) -> (i64, i64) {
        let anchor = self.day(x);
        let span = ((self.end - self.start) / factor).clamp(7.0, 365.0 * 200.0);
        let ratio = x / self.width;
        let start = anchor - span * ratio;
        (start.round() as i64, (start + span).round() as i64)
    }

    /// The window after a pan or zoom gesture; only its horizontal part moves time.
    pub fn after(&self, gesture: Gesture) -> (i64, i64) {
        match gesture {
            Gesture::Pan { dx, .. } => self.panned(dx * self.width),
            Gesture::Zoom { factor, x, .. } => self.zoomed(factor, x * self.width),
        }
    }

    /// How to move a picture drawn at `drawn`, a window of the same span and
    /// width, so that it shows this window: a pan in progress moves the
    /// picture already drawn instead of laying out every lane again.
    pub fn moved_from(&self, drawn: &Scale) -> Move {
        Move { dx: self.x(drawn.start), dy: 0.0, scale: 1.0 }
    }

    /// The window moved by `dx` pixels (positive moves later).
    pub fn panned(&self, dx: f64) -> (i64, i64) {
        let days = dx / self.width * (self.end - self.start);
        ((self.start + days).round() as i64, (self.end + days).round() as i64)
    }
}

/// The date range a brush drawn between two (fractional) days selects:
/// whole days, none for a click that drew no range.
pub fn brushed_range((a, b): (f64, f64)) -> Option<DayRange> {
    let (from, to) = (a.min(b).floor() as i64, a.max(b).floor() as i64);
    (to > from).then(|| DayRange::between(from, to))
}

/// The window that shows events spanning the days from `start` to `end`
/// (`calendar::span_of`), with a margin, leaving room right of the last one
/// for its label in a timeline `width` pixels wide.
pub fn extent((start, end): (i64, i64), width: f64) -> (i64, i64) {
    let margin = ((end - start) / 20).max(15);
    let shown = (end + 1 + margin - (start - margin)) as f64;
    let room = label_room(width);
    let label_days = (shown * room / (width - room).max(1.0)).round() as i64;
    (start - margin, end + 1 + margin + label_days)
}

/// Pixels kept free right of the last event for its label.
fn label_room(width: f64) -> f64 {
    (width * 0.3).min(LABEL_MAX)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    /// Year boundaries are major.
    pub major: bool,
}

const MONTH_NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// About one labelled tick per 90 pixels, on calendar boundaries.
pub fn ticks(scale: &Scale) -> Vec<Tick> {
    let wanted = (scale.width / 90.0).max(2.0);
    let span_days = scale.end - scale.start;
    let (first_year, _, _) = civil_from_days(scale.start.floor() as i64);
    let (last_year, _, _) = civil_from_days(scale.end.ceil() as i64);
    let mut out = Vec::new();
    let per_year = span_days / 365.25;
    if per_year / wanted > 0.8 {
        let step = [1, 2, 5, 10, 20, 50, 100].into_iter().find(|s| per_year / f64::from(*s) <= wanted).unwrap_or(100) as i64;
        for year in (first_year..=last_year + 1).filter(|y| y % step == 0) {
            out.push((days_from_civil(year, 1, 1), year.to_string(), true));
        }
    } else if span_days / 30.4 / wanted > 0.5 {
        let per_month = span_days / 30.4;
        let step = [1u32, 2, 3, 6].into_iter().find(|s| per_month / f64::from(*s) <= wanted).unwrap_or(6);
        for year in first_year..=last_year {
            for month in (1..=12).filter(|m| (m - 1) % step == 0) {
                let label = if month == 1 { year.to_string() } else { MONTH_NAMES[month as usize - 1].to_string() };
                out.push((days_from_civil(year, month, 1), label, month == 1));
            }
        }
    } else {
        let step = [1i64, 2, 7, 14].into_iter().find(|s| span_days / *s as f64 <= wanted).unwrap_or(14);
        let mut day = scale.start.floor() as i64;
        while day <= scale.end.ceil() as i64 {
            let (year, month, d) = civil_from_days(day);
            if (d as i64 - 1) % step == 0 && d < 29 {
                let label = if d == 1 {
                    format!("{} {}", MONTH_NAMES[month as usize - 1], if month == 1 { year.to_string() } else { String::new() })
                } else {
                    d.to_string()
                };
                out.push((day, label.trim().to_string(), d == 1 && month == 1));
            }
            day += 1;
        }
    }
    out.into_iter()
        .map(|(day, label, major)| Tick { x: scale.x(day as f64), label, major })
        // A label that would run past the right edge is left out with its tick.
        .filter(|t| t.x >= -1.0 && t.x + 3.0 + t.label.chars().count() as f64 * CHAR_WIDTH <= scale.width)
        .collect()
}

/// One drawn item: an event, or a cluster of crowded ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Indexes into the events given to `layout`.
    pub events: Vec<usize>,
    pub x: f64,
    pub width: f64,
    pub row: usize,
    /// Whether the item is an interval or a period wider than a point.
    pub bar: bool,
    /// Where its label starts and how many pixels it may take; none when
    /// there is no room for a legible label.
    pub label: Option<LabelSlot>,
}

/// The room for an item's label, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelSlot {
    pub x: f64,
    pub width: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub label: String,
    /// How many lanes were folded into this one (0 for an ordinary lane).
    pub merged: usize,
    pub items: Vec<Item>,
    pub rows: usize,
}

/// Narrower than this, an item is a point.
const POINT_WIDTH: f64 = 10.0;
/// Every item keeps at least this much room for its label when rows are
/// packed; a label may grow up to `LABEL_MAX` where its row is free.
const LABEL_MIN: f64 = 110.0;
pub const LABEL_MAX: f64 = 260.0;
/// Rows shared by all lanes: a lane stacks up to `ROW_BUDGET / lanes` rows
/// (at least `MIN_ROWS`) before crowded points merge into clusters.
const ROW_BUDGET: usize = 26;
const MIN_ROWS: usize = 3;
/// Pixels per character of a 12 px label, a little generous so labels fit.
pub const CHAR_WIDTH: f64 = 6.6;

/// At most this many lanes; the smallest beyond it share one more lane.
pub const MAX_LANES: usize = 12;

/// The events of one lane before they are placed on a scale. What a lane
/// holds does not change as the timeline pans and zooms, so events are
/// grouped (and their dates read) once per filters, and only placed on each pan.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneEvents {
    pub label: String,
    /// How many lanes were folded into this one (0 for an ordinary lane).
    pub merged: usize,
    /// The lane's events that have a date: each one's index into the events
    /// given to `group_lanes` and its day range, in order of start day.
    dated: Vec<(usize, (i64, i64))>,
}

/// Groups `events`, whose day ranges are `days`, in lanes named by `lane_of`
/// (an article, an entity kind), at most `MAX_LANES`: the smallest beyond
/// them share one more lane.
pub fn group_lanes(events: &[&Event], days: &[Option<(i64, i64)>], lane_of: impl Fn(&Event) -> String) -> Vec<LaneEvents> {
    let mut grouped: Vec<(String, Vec<usize>)> = Vec::new();
    let mut lane_index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (index, event) in events.iter().enumerate() {
        let label = lane_of(event);
        match lane_index.get(&label) {
            Some(&lane) => grouped[lane].1.push(index),
            None => {
                lane_index.insert(label.clone(), grouped.len());
                grouped.push((label, vec![index]));
            }
        }
    }
    let mut folded = 0;
    if grouped.len() > MAX_LANES {
        // Keep the fullest lanes in their order; the rest share the last one.
        let mut by_size: Vec<usize> = (0..grouped.len()).collect();
        super::sorting::sort_by_key(&mut by_size, |&i| std::cmp::Reverse(grouped[i].1.len()));
        // By lane, whether it is kept (a Vec, not a HashSet: one hash table type fewer in the wasm).
        let mut kept = vec![false; grouped.len()];
        for &i in &by_size[..MAX_LANES - 1] {
            kept[i] = true;
        }
        let mut rest = Vec::new();
        let mut lanes = Vec::new();
        for (lane, kept) in grouped.into_iter().zip(kept) {
            if kept {
                lanes.push(lane);
            } else {
                folded += 1;
                rest.extend(lane.1);
            }
        }
        super::sorting::sort(&mut rest);
        lanes.push((String::new(), rest));
        grouped = lanes;
    }
    grouped
        .into_iter()
        .map(|(label, members)| {
            let mut dated: Vec<(usize, (i64, i64))> = members.iter().filter_map(|&i| Some((i, days[i]?))).collect();
            // The scale keeps the order of days, so this is the order of position on any scale.
            super::sorting::sort_by_key(&mut dated, |&(i, (start, _))| (start, i));
            LaneEvents { merged: if label.is_empty() { folded } else { 0 }, label, dated }
        })
        .collect()
}

/// Lays out grouped events on `scale`: each event is a point or a bar with
/// its label beside it, stacked in rows so that no label overlaps another
/// mark; where a lane runs out of rows, crowded points merge into clusters.
pub fn layout(lanes: &[LaneEvents], scale: &Scale) -> Vec<Lane> {
    let max_rows = (ROW_BUDGET / lanes.len().max(1)).max(MIN_ROWS);
    lanes
        .iter()
        .map(|lane| {
            let placed = lane
                .dated
                .iter()
                .map(|&(i, (start, end))| {
                    let x0 = scale.x(start as f64);
                    (i, x0, scale.x(end as f64 + 1.0) - x0)
                })
                .collect();
            let (mut items, rows) = pack_rows(placed, max_rows);
            place_labels(&mut items, rows, scale.width);
            Lane { label: lane.label.clone(), merged: lane.merged, rows: rows.max(1), items }
        })
        .collect()
}

/// Where an item's mark ends on the right, in pixels.
fn mark_end(item: &Item) -> f64 {
    if item.bar {
        item.x + item.width
    } else {
        item.x + item.width / 2.0 + if item.events.len() > 1 { cluster_radius(item.events.len()) } else { 6.0 }
    }
}

/// A cluster's circle grows with the digits of its count, so the count fits.
pub fn cluster_radius(count: usize) -> f64 {
    10.0 + 3.5 * (count.to_string().len().saturating_sub(2)) as f64
}

/// Where an item's label starts: inside a bar, or right of a point.
fn label_start(item: &Item) -> f64 {
    if item.bar {
        item.x.max(0.0) + 4.0
    } else {
        mark_end(item) + 4.0
    }
}

/// The pixels an item claims in its row: its mark and the least room for a label.
fn footprint_end(item: &Item) -> f64 {
    mark_end(item).max(label_start(item) + LABEL_MIN)
}

/// Greedy row packing in order of position: each item takes the first row
/// where it fits, or a new row while the lane has rows left; after that it
/// joins the nearest item ending a row, which becomes a cluster. Returns the
/// items and the number of rows.
fn pack_rows(placed: Vec<(usize, f64, f64)>, max_rows: usize) -> (Vec<Item>, usize) {
    let mut items: Vec<Item> = Vec::new();
    // For each row: the index in `items` of its last item.
    let mut rows: Vec<usize> = Vec::new();
    for (index, x, width) in placed {
        let bar = width >= POINT_WIDTH;
        let item = Item { events: vec![index], x, width: width.max(2.0), row: 0, bar, label: None };
        if let Some(row) = rows.iter().position(|&last| footprint_end(&items[last]) <= x + 0.01) {
            items.push(Item { row, ..item });
            rows[row] = items.len() - 1;
            continue;
        }
        if rows.len() < max_rows {
            items.push(Item { row: rows.len(), ..item });
            rows.push(items.len() - 1);
            continue;
        }
        // No row left: join the nearest item that ends a row, as a cluster.
        let nearest = rows.iter().copied().max_by(|&a, &b| items[a].x.total_cmp(&items[b].x)).unwrap_or_default();
        let cluster = &mut items[nearest];
        cluster.events.push(index);
        cluster.width = (x + item.width).max(cluster.x + cluster.width) - cluster.x;
        // A cluster draws as one circle at its centre, whatever it holds.
        cluster.bar = false;
    }
    (items, rows.len())
}

/// Gives each item the room up to the next item of its row (at most
/// `LABEL_MAX`, within the timeline's width).
fn place_labels(items: &mut [Item], rows: usize, width: f64) {
    let mut next_start = vec![width; rows];
    let mut order: Vec<usize> = (0..items.len()).collect();
    super::sorting::sort_by(&mut order, |&a, &b| items[b].x.total_cmp(&items[a].x));
    for i in order {
        let item = &mut items[i];
        let start = label_start(item);
        let room = (next_start[item.row] - 6.0 - start).min(LABEL_MAX);
        item.label = (room >= 4.0 * CHAR_WIDTH && start >= 0.0 && mark_end(item) > 0.0).then_some(LabelSlot { x: start, width: room });
        next_start[item.row] = item.x.min(next_start[item.row]);
    }
}

/// `text` cut to fit `width` pixels, with an ellipsis when cut.
pub fn fit_label(text: &str, width: f64) -> String {
    let fits = (width / CHAR_WIDTH).floor() as usize;
    if text.chars().count() <= fits {
        return text.to_string();
    }
    let kept: String = text.chars().take(fits.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '…'))
}

/// The events a story walks through, by position in `days` (each event's
/// day range): the dated ones, in date order (start, then end), ties in
/// corpus order.
pub fn story(days: impl IntoIterator<Item = Option<(i64, i64)>>) -> Vec<usize> {
    let mut dated: Vec<(i64, i64, usize)> =
        days.into_iter().enumerate().filter_map(|(i, days)| days.map(|(start, end)| (start, end, i))).collect();
    super::sorting::sort(&mut dated);
    dated.into_iter().map(|(_, _, i)| i).collect()
}

/// The position in a story (its events' ids) `step` events from `current`,
/// or from before the start when nothing is chosen, kept within the story.
pub fn step(story: &[impl AsRef<str>], current: Option<&str>, step: isize) -> Option<usize> {
    let last = story.len().checked_sub(1)?;
    let here = current.and_then(|id| story.iter().position(|e| e.as_ref() == id));
    Some(match here {
        Some(position) => position.saturating_add_signed(step).min(last),
        None if step < 0 => last,
        None => 0,
    })
}

/// The window to show an event: `window` itself when the event is in
/// view, else the same span moved so the event sits a third of the way in.
pub fn window_showing(window: (i64, i64), (start, end): (i64, i64)) -> (i64, i64) {
    if start >= window.0 && end < window.1 {
        return window;
    }
    let span = window.1 - window.0;
    let from = start - span / 3;
    (from, from + span)
}

/// The date range of a cluster whose events span the days from `start` to
/// `end`, in words: "Sep 2016 – Feb 2018", or one month.
pub fn cluster_dates((start, end): (i64, i64)) -> String {
    let month = |day: i64| {
        let (year, month, _) = civil_from_days(day);
        format!("{} {year}", MONTH_NAMES[month as usize - 1])
    };
    if month(start) == month(end) {
        month(start)
    } else {
        format!("{} – {}", month(start), month(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventDate, Precision, Span};
    use crate::view::calendar::{event_range, span_of};

    fn event(id: &str, article: &str, value: &str, precision: Precision) -> Event {
        let span = Span { article: article.into(), start: 0, end: 1 };
        Event {
            id: id.into(),
            article: article.into(),
            date: EventDate {
                value: Some(value.into()),
                precision,
                end: None,
                resolved: true,
                as_written: value.into(),
                span: span.clone(),
            },
            text: id.into(),
            evidence: span,
            entities: vec![],
        }
    }

    fn days(events: &[&Event]) -> Vec<Option<(i64, i64)>> {
        events.iter().map(|e| event_range(&e.date)).collect()
    }

    fn by_article(event: &Event) -> String {
        event.article.to_string()
    }

    #[test]
    fn scale_maps_and_zooms_around_the_pointer() {
        let scale = Scale::new((0, 100), 1000.0);
        assert_eq!(scale.x(50.0), 500.0);
        assert_eq!(scale.day(250.0), 25.0);
        assert_eq!(scale.zoomed(2.0, 500.0), (25, 75));
        assert_eq!(scale.zoomed(2.0, 0.0), (0, 50));
        assert_eq!(scale.panned(100.0), (10, 110));
        assert_eq!(scale.after(Gesture::Pan { dx: 0.1, dy: 0.5 }), (10, 110));
        assert_eq!(scale.after(Gesture::Zoom { factor: 2.0, x: 0.5, y: 0.9 }), (25, 75));
        let panned = Scale::new(scale.panned(100.0), 1000.0);
        let moved = panned.moved_from(&scale);
        assert_eq!(moved, Move { dx: -100.0, dy: 0.0, scale: 1.0 }, "the picture drawn before the pan slides left");
        assert_eq!(moved.dx + scale.x(60.0), panned.x(60.0), "so day 60 shows where the panned window puts it");
        assert_eq!(scale.moved_from(&scale).transform(), None);
        assert_eq!(brushed_range((40.7, 12.2)), Some(DayRange::between(12, 40)));
        assert_eq!(brushed_range((12.2, 12.9)), None);
    }

    #[test]
    fn ticks_follow_the_zoom_level() {
        let years = ticks(&Scale::new((days_from_civil(2000, 1, 1), days_from_civil(2018, 1, 1)), 900.0));
        assert_eq!(years.first().map(|t| t.label.as_str()), Some("2000"));
        assert!(years.len() <= 11 && years.iter().all(|t| t.major));
        let months = ticks(&Scale::new((days_from_civil(2017, 1, 1), days_from_civil(2017, 12, 31)), 1200.0));
        assert_eq!(
            months.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            ["2017", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        );
        let days = ticks(&Scale::new((days_from_civil(2017, 2, 1), days_from_civil(2017, 2, 15)), 1400.0));
        assert_eq!(days[0].label, "Feb");
        assert_eq!(days[1].label, "2");
    }

    #[test]
    fn precision_spans_and_close_events_stack_with_their_labels() {
        let events = [
            event("a", "x", "2017-02-07", Precision::Day),
            event("b", "x", "2017-02-07", Precision::Day),
            event("c", "x", "2017-02-08", Precision::Day),
            event("d", "x", "2016", Precision::Year),
            event("e", "y", "2016-09", Precision::Month),
        ];
        let refs: Vec<&Event> = events.iter().collect();
        let scale = Scale::new((days_from_civil(2016, 1, 1), days_from_civil(2017, 6, 1)), 850.0);
        let lanes = layout(&group_lanes(&refs, &days(&refs), by_article), &scale);
        assert_eq!(lanes.len(), 2);
        let x = &lanes[0];
        // Three events a day apart: one row each, every one labelled.
        assert_eq!(x.items.iter().filter(|i| i.events.len() == 1 && !i.bar).count(), 3);
        assert!(x.items.iter().all(|i| i.label.is_some()), "{x:?}");
        let year = x.items.iter().find(|i| i.events == [3]).expect("year bar");
        assert!(year.bar && (year.width - scale.x(days_from_civil(2017, 1, 1) as f64)).abs() < 1e-6);
        let month = &lanes[1].items[0];
        assert!(month.bar && month.width > 45.0 && month.width < 55.0, "{month:?}");
        assert_no_label_overlaps(&lanes);
    }

    /// No label runs into a mark or label drawn after it in the same row.
    fn assert_no_label_overlaps(lanes: &[Lane]) {
        for lane in lanes {
            for item in &lane.items {
                let Some(label) = item.label else { continue };
                for other in lane.items.iter().filter(|o| o.row == item.row && o.x > item.x) {
                    assert!(label.x + label.width <= other.x, "{item:?} runs into {other:?}");
                }
            }
        }
    }

    #[test]
    fn a_crowded_lane_clusters_once_its_rows_run_out() {
        let events: Vec<Event> =
            (0..40).map(|i| event(&format!("e{i}"), "x", &format!("2017-02-{:02}", 1 + i % 28), Precision::Day)).collect();
        let refs: Vec<&Event> = events.iter().collect();
        let scale = Scale::new((days_from_civil(2016, 1, 1), days_from_civil(2018, 1, 1)), 800.0);
        let lanes = layout(&group_lanes(&refs, &days(&refs), by_article), &scale);
        let lane = &lanes[0];
        assert_eq!(lane.rows, ROW_BUDGET);
        assert_eq!(lane.items.iter().map(|i| i.events.len()).sum::<usize>(), 40);
        let cluster = lane.items.iter().find(|i| i.events.len() > 1).expect("a cluster");
        let members = cluster.events.iter().filter_map(|&i| event_range(&refs[i].date));
        assert!(cluster_dates(span_of(members).expect("dated")).starts_with("Feb 2017"));
        assert_no_label_overlaps(&lanes);
        // Bars that overlap cluster too once the rows run out.
        let years: Vec<Event> = (0..40).map(|i| event(&format!("y{i}"), "x", "2017", Precision::Year)).collect();
        let year_refs: Vec<&Event> = years.iter().collect();
        let lanes = layout(&group_lanes(&year_refs, &days(&year_refs), by_article), &scale);
        assert_eq!(lanes[0].rows, ROW_BUDGET);
        assert_eq!(lanes[0].items.iter().map(|i| i.events.len()).sum::<usize>(), 40);
        // Zoomed in to the month, they spread out and every one is labelled.
        let zoomed = Scale::new((days_from_civil(2017, 1, 20), days_from_civil(2017, 3, 10)), 4000.0);
        let lanes = layout(&group_lanes(&refs, &days(&refs), by_article), &zoomed);
        assert!(lanes[0].items.iter().all(|i| i.events.len() == 1 && i.label.is_some()));
    }

    #[test]
    fn labels_fit_their_room_with_an_ellipsis() {
        assert_eq!(fit_label("Short", 200.0), "Short");
        let cut = fit_label("Cambodia reiterated its wish to renegotiate", 20.0 * CHAR_WIDTH);
        assert_eq!(cut, "Cambodia reiterated…");
        assert!(cut.chars().count() <= 20);
    }

    #[test]
    fn the_fitted_window_leaves_room_for_the_last_label() {
        let events = [event("a", "x", "2016-01-01", Precision::Day), event("b", "x", "2017-01-01", Precision::Day)];
        let refs: Vec<&Event> = events.iter().collect();
        let window = extent(span_of(days(&refs).into_iter().flatten()).expect("dated"), 1000.0);
        let scale = Scale::new(window, 1000.0);
        let last = scale.x(days_from_civil(2017, 1, 2) as f64);
        assert!(1000.0 - last >= label_room(1000.0), "{last}");
        assert!(scale.x(days_from_civil(2016, 1, 1) as f64) > 0.0);
    }

    #[test]
    fn the_story_walks_dated_events_in_date_order() {
        let events = [
            event("late", "x", "2018-01-26", Precision::Day),
            event("year", "x", "2017", Precision::Year),
            event("early", "x", "2017-01-05", Precision::Day),
        ];
        let story: Vec<&str> = story(events.iter().map(|e| event_range(&e.date))).into_iter().map(|i| events[i].id.as_str()).collect();
        assert_eq!(story, ["year", "early", "late"]);
        assert_eq!(step(&story, None, 1), Some(0));
        assert_eq!(step(&story, None, -1), Some(2));
        assert_eq!(step(&story, Some("early"), 1), Some(2));
        assert_eq!(step(&story, Some("late"), 1), Some(2));
        assert_eq!(step(&story, Some("year"), -1), Some(0));
        assert_eq!(step(&[] as &[&str], None, 1), None);
        assert_eq!(window_showing((0, 100), (10, 10)), (0, 100));
        assert_eq!(window_showing((0, 100), (400, 400)), (367, 467));
    }

    #[test]
    fn many_lanes_fold_into_one_more_lane() {
        let events: Vec<Event> =
            (0..20).map(|i| event(&format!("e{i}"), &format!("article-{}", i % 15), "2016", Precision::Year)).collect();
        let refs: Vec<&Event> = events.iter().collect();
        let scale = Scale::new((days_from_civil(2016, 1, 1), days_from_civil(2017, 1, 1)), 800.0);
        let lanes = layout(&group_lanes(&refs, &days(&refs), by_article), &scale);
        assert_eq!(lanes.len(), MAX_LANES);
        assert_eq!(lanes.last().map(|l| l.merged), Some(4));
        assert_eq!(lanes.iter().map(|l| l.items.iter().map(|i| i.events.len()).sum::<usize>()).sum::<usize>(), 20);
    }

    #[test]
    fn overlapping_bars_take_separate_rows() {
        let events = [event("a", "x", "2016", Precision::Year), event("b", "x", "2016-06", Precision::Month)];
        let refs: Vec<&Event> = events.iter().collect();
        let scale = Scale::new((days_from_civil(2016, 1, 1), days_from_civil(2017, 1, 1)), 800.0);
        let lanes = layout(&group_lanes(&refs, &days(&refs), |_| "unnamed".to_string()), &scale);
        assert_eq!(lanes[0].label, "unnamed");
        assert_eq!(lanes[0].rows, 2);
    }
}
