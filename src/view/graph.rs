//! Graph viewport maths: fitting the precomputed layout, zooming about a
//! point, panning, and which labels stay legible at the current zoom.

use super::state::GraphView;
use crate::model::Entity;

/// The visible rectangle in layout units for a view and an aspect ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// Layout units visible across the graph at zoom 1.
pub const BASE_WIDTH: f64 = 1100.0;

impl ViewBox {
    pub fn of(view: GraphView, aspect: f64) -> ViewBox {
        let width = BASE_WIDTH / view.zoom;
        let height = width / aspect.max(0.2);
        ViewBox { x: view.x - width / 2.0, y: view.y - height / 2.0, width, height }
    }

    pub fn attribute(&self) -> String {
        format!("{:.1} {:.1} {:.1} {:.1}", self.x, self.y, self.width, self.height)
    }
}

/// The view that frames all `entities` in a viewport of the given aspect
/// ratio (width / height), with a margin.
pub fn fit<'e>(entities: impl IntoIterator<Item = &'e Entity>, aspect: f64) -> GraphView {
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for e in entities {
        min_x = min_x.min(f64::from(e.x));
        max_x = max_x.max(f64::from(e.x));
        min_y = min_y.min(f64::from(e.y));
        max_y = max_y.max(f64::from(e.y));
    }
    if min_x > max_x {
        return GraphView { x: 0.0, y: 0.0, zoom: 1.0 };
    }
    const MARGIN: f64 = 1.2;
    let width_needed = ((max_x - min_x) * MARGIN).max((max_y - min_y) * MARGIN * aspect.max(0.2)).max(120.0);
    GraphView { x: (min_x + max_x) / 2.0, y: (min_y + max_y) / 2.0, zoom: (BASE_WIDTH / width_needed).clamp(0.1, 20.0) }
}

/// Zooms by `factor` keeping the layout point under (`fx`, `fy`) — fractions
/// of the viewport — where it is.
pub fn zoom_at(view: GraphView, factor: f64, fx: f64, fy: f64, aspect: f64) -> GraphView {
    let before = ViewBox::of(view, aspect);
    let anchor = (before.x + fx * before.width, before.y + fy * before.height);
    let zoom = (view.zoom * factor).clamp(0.1, 20.0);
    let after = ViewBox::of(GraphView { zoom, ..view }, aspect);
    GraphView { x: anchor.0 - (fx - 0.5) * after.width, y: anchor.1 - (fy - 0.5) * after.height, zoom }
}

/// Moves the view by a fraction of its size (positive moves the content left/up).
pub fn pan(view: GraphView, fx: f64, fy: f64, aspect: f64) -> GraphView {
    let bx = ViewBox::of(view, aspect);
    GraphView { x: view.x + fx * bx.width, y: view.y + fy * bx.height, ..view }
}

/// Node radius in screen pixels: grows with the square root of mentions and
/// stays the same at every zoom, so zooming in separates crowded nodes.
pub fn radius(mentions: usize) -> f64 {
    4.0 + 2.5 * (mentions as f64).sqrt()
}

/// Whether a node's label is drawn: the most mentioned `budget` nodes, more
/// of them as the zoom grows, and always the selected one and its neighbours.
pub fn labelled(rank: usize, total: usize, zoom: f64, highlighted: bool) -> bool {
    let budget = ((12.0 * zoom * zoom) as usize).max(8).min(total);
    highlighted || rank < budget
}

/// Nodes drawn at most; the rest stay reachable through filters, search and
/// the tables, so a large corpus still opens quickly.
pub const MAX_NODES: usize = 300;

/// The entities to draw: all of them when few, else those that must show
/// (the selection and its neighbours) and then the most mentioned.
pub fn prominent<'e>(entities: &[&'e Entity], must_show: impl Fn(&Entity) -> bool, limit: usize) -> Vec<&'e Entity> {
    if entities.len() <= limit {
        return entities.to_vec();
    }
    let mut ranked = entities.to_vec();
    ranked.sort_by_key(|e| (!must_show(e), std::cmp::Reverse(e.mentions.len())));
    let required = ranked.iter().take_while(|e| must_show(e)).count();
    ranked.truncate(limit.max(required));
    ranked
}

/// A label's box in screen pixels: centre x, top y, width, height.
pub type LabelBox = (f64, f64, f64, f64);

/// Greedy label placement: in the given order (most important first), a
/// label is drawn only if its box overlaps no label already drawn.
pub fn place_labels(boxes: &[LabelBox]) -> Vec<bool> {
    let mut placed: Vec<LabelBox> = Vec::new();
    boxes
        .iter()
        .map(|&(cx, top, width, height)| {
            let clear = placed.iter().all(|&(ox, otop, owidth, oheight)| {
                (cx - ox).abs() * 2.0 >= width + owidth || top >= otop + oheight || otop >= top + height
            });
            if clear {
                placed.push((cx, top, width, height));
            }
            clear
        })
        .collect()
}

/// Rough rendered width of a label at 12 px.
pub fn label_width(text: &str) -> f64 {
    text.chars().count() as f64 * 6.8 + 4.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_keeps_the_anchor_still() {
        let view = GraphView { x: 0.0, y: 0.0, zoom: 1.0 };
        let zoomed = zoom_at(view, 2.0, 0.25, 0.5, 1.0);
        let (a, b) = (ViewBox::of(view, 1.0), ViewBox::of(zoomed, 1.0));
        assert!((a.x + 0.25 * a.width - (b.x + 0.25 * b.width)).abs() < 1e-9);
        assert_eq!(zoomed.zoom, 2.0);
        assert_eq!(zoom_at(view, 1000.0, 0.5, 0.5, 1.0).zoom, 20.0);
        let moved = pan(view, 0.1, 0.0, 2.0);
        assert!((moved.x - BASE_WIDTH * 0.1).abs() < 1e-9);
    }

    #[test]
    fn overlapping_labels_give_way_to_more_important_ones() {
        let boxes = [(100.0, 50.0, 80.0, 14.0), (120.0, 55.0, 60.0, 14.0), (300.0, 50.0, 60.0, 14.0), (100.0, 70.0, 80.0, 14.0)];
        assert_eq!(place_labels(&boxes), [true, false, true, true]);
        assert!(label_width("Khieu Sopheak") > label_width("US"));
    }

    #[test]
    fn fitting_shows_every_node_whatever_the_aspect() {
        let node = |x: f32, y: f32| Entity {
            id: String::new(),
            name: String::new(),
            kind: crate::model::EntityKind::Place,
            aliases: vec![],
            mentions: vec![],
            role: None,
            roles: vec![],
            confidence: 1.0,
            kind_cues: vec![],
            x,
            y,
        };
        let nodes = [node(-500.0, -100.0), node(500.0, 100.0), node(0.0, 480.0), node(0.0, -480.0)];
        for aspect in [0.5, 1.0, 2.5] {
            let view = ViewBox::of(fit(nodes.iter(), aspect), aspect);
            for n in &nodes {
                let (x, y) = (f64::from(n.x), f64::from(n.y));
                assert!(x > view.x && x < view.x + view.width && y > view.y && y < view.y + view.height, "aspect {aspect}: {view:?}");
            }
        }
    }

    #[test]
    fn large_graphs_draw_the_prominent_nodes_and_the_selection() {
        let entity = |id: &str, mentions: usize| Entity {
            id: id.into(),
            name: id.into(),
            kind: crate::model::EntityKind::Person,
            aliases: vec![],
            mentions: vec![crate::model::Span { article: "a".into(), start: 0, end: 1 }; mentions],
            role: None,
            roles: vec![],
            confidence: 1.0,
            kind_cues: vec![],
            x: 0.0,
            y: 0.0,
        };
        let all: Vec<Entity> = (0..10).map(|i| entity(&format!("e{i}"), i + 1)).collect();
        let refs: Vec<&Entity> = all.iter().collect();
        let drawn: Vec<&str> = prominent(&refs, |e| e.id == "e0", 3).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(drawn, ["e0", "e9", "e8"]);
        assert_eq!(prominent(&refs, |_| false, 20).len(), 10);
    }

    #[test]
    fn labels_thin_out_when_zoomed_out() {
        assert!(labelled(3, 100, 0.5, false));
        assert!(!labelled(30, 100, 0.5, false));
        assert!(labelled(30, 100, 2.0, false));
        assert!(labelled(99, 100, 0.5, true));
        assert!(radius(9) > radius(1));
    }
}
