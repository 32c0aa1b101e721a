//! Timeline geometry: the time scale, its ticks, lane packing and the
//! clustering of crowded dates. Precision is drawn honestly: an item spans
//! the whole day, month, year or interval its date covers.

use super::calendar::{civil_from_days, days_from_civil, event_range};
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

    /// The window moved by `dx` pixels (positive moves later).
    pub fn panned(&self, dx: f64) -> (i64, i64) {
        let days = dx / self.width * (self.end - self.start);
        ((self.start + days).round() as i64, (self.end + days).round() as i64)
    }
}

/// The window that shows all `events`, with a margin.
pub fn extent(events: &[&Event]) -> Option<(i64, i64)> {
    let ranges: Vec<(i64, i64)> = events.iter().filter_map(|e| event_range(&e.date)).collect();
    let start = ranges.iter().map(|r| r.0).min()?;
    let end = ranges.iter().map(|r| r.1).max()?;
    let margin = ((end - start) / 20).max(15);
    Some((start - margin, end + margin + 1))
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
        .filter(|t| t.x >= -1.0 && t.x <= scale.width + 1.0)
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub label: String,
    /// How many lanes were folded into this one (0 for an ordinary lane).
    pub merged: usize,
    pub items: Vec<Item>,
    pub rows: usize,
}

/// Narrower than this, an item is a point; points closer than
/// `CLUSTER_GAP` pixels merge into a cluster.
const POINT_WIDTH: f64 = 10.0;
const CLUSTER_GAP: f64 = 14.0;

/// At most this many lanes; the smallest beyond it share one more lane.
pub const MAX_LANES: usize = 12;

/// Lays out `events` in lanes (named by `lane_of`: an article, an entity
/// kind), clusters crowded points and packs bars into rows.
pub fn layout(events: &[&Event], scale: &Scale, lane_of: impl Fn(&Event) -> String) -> Vec<Lane> {
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
        by_size.sort_by_key(|&i| std::cmp::Reverse(grouped[i].1.len()));
        let kept: std::collections::HashSet<usize> = by_size[..MAX_LANES - 1].iter().copied().collect();
        let mut rest = Vec::new();
        let mut merged = 0;
        let mut lanes = Vec::new();
        for (i, lane) in grouped.into_iter().enumerate() {
            if kept.contains(&i) {
                lanes.push(lane);
            } else {
                merged += 1;
                rest.extend(lane.1);
            }
        }
        rest.sort_unstable();
        lanes.push((String::new(), rest));
        grouped = lanes;
        folded = merged;
    }
    grouped
        .into_iter()
        .map(|(label, members)| {
            let mut placed: Vec<(usize, f64, f64)> = members
                .iter()
                .filter_map(|&i| {
                    let (start, end) = event_range(&events[i].date)?;
                    let x0 = scale.x(start as f64);
                    let x1 = scale.x(end as f64 + 1.0);
                    Some((i, x0, x1 - x0))
                })
                .collect();
            placed.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            let mut items: Vec<Item> = Vec::new();
            for (index, x, width) in placed {
                let bar = width >= POINT_WIDTH;
                if !bar {
                    if let Some(last) = items.iter_mut().rev().find(|item| !item.bar) {
                        if x + width / 2.0 - (last.x + last.width) < CLUSTER_GAP - POINT_WIDTH / 2.0 {
                            last.events.push(index);
                            last.width = (x + width).max(last.x + last.width) - last.x;
                            continue;
                        }
                    }
                }
                items.push(Item { events: vec![index], x, width: width.max(2.0), row: 0, bar });
            }
            // Greedy row packing: each item takes the first row where it fits.
            let mut row_ends: Vec<f64> = Vec::new();
            items.sort_by(|a, b| a.x.total_cmp(&b.x));
            for item in &mut items {
                let drawn_end = item.x + item.width.max(POINT_WIDTH);
                match row_ends.iter().position(|&end| end <= item.x + 0.01) {
                    Some(row) => {
                        item.row = row;
                        row_ends[row] = drawn_end;
                    }
                    None => {
                        item.row = row_ends.len();
                        row_ends.push(drawn_end);
                    }
                }
            }
            Lane { merged: if label.is_empty() { folded } else { 0 }, label, rows: row_ends.len().max(1), items }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventDate, Precision, Span};

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

    fn by_article(event: &Event) -> String {
        event.article.clone()
    }

    #[test]
    fn scale_maps_and_zooms_around_the_pointer() {
        let scale = Scale::new((0, 100), 1000.0);
        assert_eq!(scale.x(50.0), 500.0);
        assert_eq!(scale.day(250.0), 25.0);
        assert_eq!(scale.zoomed(2.0, 500.0), (25, 75));
        assert_eq!(scale.zoomed(2.0, 0.0), (0, 50));
        assert_eq!(scale.panned(100.0), (10, 110));
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
    fn precision_spans_and_crowded_days_cluster() {
        let events = [
            event("a", "x", "2017-02-07", Precision::Day),
            event("b", "x", "2017-02-07", Precision::Day),
            event("c", "x", "2017-02-08", Precision::Day),
            event("d", "x", "2016", Precision::Year),
            event("e", "y", "2016-09", Precision::Month),
        ];
        let refs: Vec<&Event> = events.iter().collect();
        let scale = Scale::new((days_from_civil(2016, 1, 1), days_from_civil(2017, 3, 1)), 850.0);
        let lanes = layout(&refs, &scale, by_article);
        assert_eq!(lanes.len(), 2);
        let x = &lanes[0];
        let cluster = x.items.iter().find(|i| i.events.len() > 1).expect("a cluster");
        assert_eq!(cluster.events, [0, 1, 2]);
        let year = x.items.iter().find(|i| i.events == [3]).expect("year bar");
        assert!(year.bar && (year.width - scale.x(days_from_civil(2017, 1, 1) as f64)).abs() < 1e-6);
        let month = &lanes[1].items[0];
        assert!(month.bar && month.width > 55.0 && month.width < 65.0, "{month:?}");
        // Zoomed in, the cluster opens: each day is a bar, same-day bars stack in rows.
        let zoomed = Scale::new((days_from_civil(2017, 2, 5), days_from_civil(2017, 2, 10)), 850.0);
        let lanes = layout(&refs[..3], &zoomed, by_article);
        assert_eq!(lanes[0].items.len(), 3);
        assert_eq!(lanes[0].rows, 2);
    }

    #[test]
    fn many_lanes_fold_into_one_more_lane() {
        let events: Vec<Event> =
            (0..20).map(|i| event(&format!("e{i}"), &format!("article-{}", i % 15), "2016", Precision::Year)).collect();
        let refs: Vec<&Event> = events.iter().collect();
        let scale = Scale::new((days_from_civil(2016, 1, 1), days_from_civil(2017, 1, 1)), 800.0);
        let lanes = layout(&refs, &scale, by_article);
        assert_eq!(lanes.len(), MAX_LANES);
        assert_eq!(lanes.last().map(|l| l.merged), Some(4));
        assert_eq!(lanes.iter().map(|l| l.items.iter().map(|i| i.events.len()).sum::<usize>()).sum::<usize>(), 20);
    }

    #[test]
    fn overlapping_bars_take_separate_rows() {
        let events = [event("a", "x", "2016", Precision::Year), event("b", "x", "2016-06", Precision::Month)];
        let refs: Vec<&Event> = events.iter().collect();
        let scale = Scale::new((days_from_civil(2016, 1, 1), days_from_civil(2017, 1, 1)), 800.0);
        let lanes = layout(&refs, &scale, |_| "unnamed".to_string());
        assert_eq!(lanes[0].label, "unnamed");
        assert_eq!(lanes[0].rows, 2);
    }
}
