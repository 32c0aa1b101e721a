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

/// The view that frames `entities` (all of them when none are selected).
pub fn fit<'e>(entities: impl IntoIterator<Item = &'e Entity>) -> GraphView {
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
    let span = (max_x - min_x).max(max_y - min_y).max(100.0) * 1.25;
    GraphView { x: (min_x + max_x) / 2.0, y: (min_y + max_y) / 2.0, zoom: (BASE_WIDTH / span).clamp(0.1, 20.0) }
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

/// Node radius in layout units: grows with the square root of mentions.
pub fn radius(mentions: usize) -> f64 {
    6.0 + 4.0 * (mentions as f64).sqrt()
}

/// Whether a node's label is drawn: the most mentioned `budget` nodes, more
/// of them as the zoom grows, and always the selected one and its neighbours.
pub fn labelled(rank: usize, total: usize, zoom: f64, highlighted: bool) -> bool {
    let budget = ((12.0 * zoom * zoom) as usize).max(8).min(total);
    highlighted || rank < budget
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
    fn labels_thin_out_when_zoomed_out() {
        assert!(labelled(3, 100, 0.5, false));
        assert!(!labelled(30, 100, 0.5, false));
        assert!(labelled(30, 100, 2.0, false));
        assert!(labelled(99, 100, 0.5, true));
        assert!(radius(9) > radius(1));
    }
}
