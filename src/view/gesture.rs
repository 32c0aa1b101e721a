//! Pan and zoom gestures, free of the browser. The wheel, the keys, a drag
//! with one pointer and a pinch with two all become one `Gesture` in
//! fractions of the drawing's box, which the timeline applies to its window
//! and the graph to its view. While a gesture goes on, a view shows the
//! picture it has already drawn, moved (`Move`), and draws again once it rests.

use super::decimal::decimal;

/// A change of viewport, in fractions of the drawing's box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gesture {
    /// Move the view by (`dx`, `dy`): positive shows what lies right or below.
    Pan { dx: f64, dy: f64 },
    /// Zoom by `factor` (above 1 zooms in), keeping the point (`x`, `y`) still.
    Zoom { factor: f64, x: f64, y: f64 },
}

/// A translation in screen pixels, then a scale about the picture's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Move {
    pub dx: f64,
    pub dy: f64,
    pub scale: f64,
}

impl Move {
    /// As the value of a CSS `transform` (with `transform-origin: 0 0`); none when it moves nothing.
    pub fn transform(&self) -> Option<String> {
        (*self != Move { dx: 0.0, dy: 0.0, scale: 1.0 })
            .then(|| format!("translate({}px, {}px) scale({})", decimal(self.dx, 1), decimal(self.dy, 1), decimal(self.scale, 4)))
    }
}

const WHEEL_ZOOM: f64 = 1.25;
const KEY_ZOOM: f64 = 1.5;
const KEY_PAN: f64 = 0.1;
/// Pointer moves smaller than this (a fraction of the box) are jitter, not a drag.
const MIN_DRAG: f64 = 0.002;

/// A wheel turn at (`x`, `y`): towards the reader zooms in.
pub fn wheel(delta_y: f64, x: f64, y: f64) -> Gesture {
    Gesture::Zoom { factor: if delta_y < 0.0 { WHEEL_ZOOM } else { 1.0 / WHEEL_ZOOM }, x, y }
}

/// The gesture of a key: arrows pan (up and down only where the drawing
/// scrolls `vertical`ly), + and − zoom about the centre.
pub fn key(key: &str, vertical: bool) -> Option<Gesture> {
    let centre = |factor| Gesture::Zoom { factor, x: 0.5, y: 0.5 };
    Some(match key {
        "ArrowLeft" => Gesture::Pan { dx: -KEY_PAN, dy: 0.0 },
        "ArrowRight" => Gesture::Pan { dx: KEY_PAN, dy: 0.0 },
        "ArrowUp" if vertical => Gesture::Pan { dx: 0.0, dy: -KEY_PAN },
        "ArrowDown" if vertical => Gesture::Pan { dx: 0.0, dy: KEY_PAN },
        "+" | "=" => centre(KEY_ZOOM),
        "-" | "_" => centre(1.0 / KEY_ZOOM),
        _ => return None,
    })
}

/// How far, in pixels, a pointer may move between its press and its click
/// and still click: further, it dragged the drawing.
const TAP_SLOP: f64 = 4.0;

/// Whether a click at `clicked` after a press at `pressed` (both in pixels)
/// is a click on what lies there rather than the end of a drag.
pub fn is_tap(pressed: (f64, f64), clicked: (f64, f64)) -> bool {
    (clicked.0 - pressed.0).powi(2) + (clicked.1 - pressed.1).powi(2) <= TAP_SLOP * TAP_SLOP
}

/// The pointers pressed on a drawing, by id, at their last positions.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Pointers {
    down: Vec<(i32, (f64, f64))>,
}

impl Pointers {
    pub fn press(&mut self, id: i32, at: (f64, f64)) {
        self.release(id);
        self.down.push((id, at));
    }

    pub fn release(&mut self, id: i32) {
        self.down.retain(|(pressed, _)| *pressed != id);
    }

    /// Pointer `id` moved to `at`: one pointer drags the drawing along, two
    /// pinch about their midpoint. None for a pointer not pressed or jitter.
    pub fn moved(&mut self, id: i32, at: (f64, f64)) -> Option<Gesture> {
        let slot = self.down.iter().position(|(pressed, _)| *pressed == id)?;
        let before = self.down[slot].1;
        let gesture = match self.down.iter().find(|(other, _)| *other != id) {
            Some(&(_, other)) => {
                let distance = |a: (f64, f64)| ((a.0 - other.0).powi(2) + (a.1 - other.1).powi(2)).sqrt().max(1e-3);
                let factor = distance(at) / distance(before);
                ((factor - 1.0).abs() >= MIN_DRAG).then_some(Gesture::Zoom { factor, x: (at.0 + other.0) / 2.0, y: (at.1 + other.1) / 2.0 })
            }
            None => {
                let (dx, dy) = (before.0 - at.0, before.1 - at.1);
                (dx.abs() + dy.abs() >= MIN_DRAG).then_some(Gesture::Pan { dx, dy })
            }
        }?;
        self.down[slot].1 = at;
        Some(gesture)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drag_pulls_the_drawing_along_and_jitter_does_nothing() {
        let mut pointers = Pointers::default();
        pointers.press(1, (0.5, 0.5));
        assert_eq!(pointers.moved(1, (0.5005, 0.5)), None);
        assert_eq!(pointers.moved(1, (0.4, 0.6)), Some(Gesture::Pan { dx: 0.09999999999999998, dy: -0.09999999999999998 }));
        assert_eq!(pointers.moved(2, (0.1, 0.1)), None, "a pointer never pressed");
        pointers.release(1);
        assert_eq!(pointers.moved(1, (0.1, 0.1)), None);
    }

    #[test]
    fn a_click_that_ends_a_drag_is_no_tap() {
        assert!(is_tap((100.0, 50.0), (100.0, 50.0)));
        assert!(is_tap((100.0, 50.0), (103.0, 48.0)));
        assert!(!is_tap((100.0, 50.0), (104.0, 53.0)));
        assert!(!is_tap((100.0, 50.0), (300.0, 50.0)));
    }

    #[test]
    fn two_pointers_moving_apart_zoom_in_about_their_midpoint() {
        let mut pointers = Pointers::default();
        pointers.press(1, (0.3, 0.5));
        pointers.press(2, (0.4, 0.5));
        let Some(Gesture::Zoom { factor, x, y }) = pointers.moved(2, (0.5, 0.5)) else { panic!("a pinch") };
        assert!((factor - 2.0).abs() < 1e-9 && (x - 0.4).abs() < 1e-9 && y == 0.5);
    }

    #[test]
    fn wheel_and_keys() {
        assert_eq!(wheel(-3.0, 0.2, 0.7), Gesture::Zoom { factor: WHEEL_ZOOM, x: 0.2, y: 0.7 });
        assert!(matches!(wheel(3.0, 0.2, 0.7), Gesture::Zoom { factor, .. } if factor < 1.0));
        assert_eq!(key("ArrowRight", false), Some(Gesture::Pan { dx: KEY_PAN, dy: 0.0 }));
        assert_eq!(key("ArrowDown", true), Some(Gesture::Pan { dx: 0.0, dy: KEY_PAN }));
        assert_eq!(key("ArrowDown", false), None, "the page scrolls past a drawing that only pans sideways");
        assert_eq!(key("-", true), Some(Gesture::Zoom { factor: 1.0 / KEY_ZOOM, x: 0.5, y: 0.5 }));
        assert_eq!(key("a", true), None);
    }
}
