//! Which rows of a long list to build: those in the scrolled viewport plus a
//! few either side, with the heights that stand in for the rest, so a list
//! of thousands costs the DOM of a screenful. Rows have one fixed height.

use std::ops::Range;

/// The part of a scroll container on screen, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub scroll_top: f64,
    pub height: f64,
}

/// The rows to build and the space kept for the rows above and below them.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub rows: Range<usize>,
    pub above: f64,
    pub below: f64,
}

impl Window {
    /// The window over `count` rows of `row_height` pixels seen through
    /// `viewport`, widened by `overscan` rows at each end so that keyboard
    /// focus and quick scrolling always find the next row built. Scrolled
    /// past the end (the list shrank under a stale offset), the last
    /// screenful shows.
    pub fn of(viewport: Viewport, row_height: f64, count: usize, overscan: usize) -> Window {
        let row_height = row_height.max(1.0);
        let scroll_top = viewport.scroll_top.max(0.0);
        let height = viewport.height.max(0.0);
        let rows_on_screen = (height / row_height).ceil() as usize;
        let last_seen = (((scroll_top + height) / row_height).ceil() as usize).min(count);
        let first_seen = ((scroll_top / row_height).floor() as usize).min(last_seen.saturating_sub(rows_on_screen));
        let rows = first_seen.saturating_sub(overscan)..(last_seen + overscan).min(count);
        Window { above: rows.start as f64 * row_height, below: (count - rows.end) as f64 * row_height, rows }
    }

    /// Whether this window already builds every row of `needed`, so that a
    /// list showing it need not build again.
    pub fn covers(&self, needed: &Window) -> bool {
        self.rows.start <= needed.rows.start && needed.rows.end <= self.rows.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(scroll_top: f64, height: f64, count: usize, overscan: usize) -> (Range<usize>, f64, f64) {
        let window = Window::of(Viewport { scroll_top, height }, 10.0, count, overscan);
        (window.rows, window.above, window.below)
    }

    #[test]
    fn a_window_covers_the_windows_within_its_rows() {
        let built = Window::of(Viewport { scroll_top: 100.0, height: 100.0 }, 10.0, 1000, 8);
        let needed = |scroll_top: f64| Window::of(Viewport { scroll_top, height: 80.0 }, 10.0, 1000, 4);
        assert!(built.covers(&needed(100.0)) && built.covers(&needed(130.0)) && built.covers(&needed(60.0)));
        assert!(!built.covers(&needed(200.0)) && !built.covers(&needed(30.0)));
    }

    #[test]
    fn an_empty_list_builds_nothing() {
        assert_eq!(check(0.0, 100.0, 0, 3), (0..0, 0.0, 0.0));
        assert_eq!(check(500.0, 100.0, 0, 3), (0..0, 0.0, 0.0));
    }

    #[test]
    fn the_top_of_a_long_list_builds_a_screenful_and_the_overscan_below() {
        assert_eq!(check(0.0, 100.0, 1000, 5), (0..15, 0.0, 9850.0));
    }

    #[test]
    fn the_middle_builds_overscan_at_both_ends() {
        // Rows 50 to 59 are on screen, 60 partly.
        assert_eq!(check(505.0, 100.0, 1000, 5), (45..66, 450.0, 9340.0));
    }

    #[test]
    fn the_overscan_stops_at_the_ends() {
        assert_eq!(check(20.0, 100.0, 1000, 5), (0..17, 0.0, 9830.0));
        assert_eq!(check(9900.0, 100.0, 1000, 5), (985..1000, 9850.0, 0.0));
    }

    #[test]
    fn scrolled_past_the_end_shows_the_last_screenful() {
        assert_eq!(check(50_000.0, 100.0, 1000, 2), (988..1000, 9880.0, 0.0));
        assert_eq!(check(50_000.0, 100.0, 4, 2), (0..4, 0.0, 0.0));
    }

    #[test]
    fn a_viewport_taller_than_the_list_builds_it_all() {
        assert_eq!(check(0.0, 800.0, 12, 3), (0..12, 0.0, 0.0));
    }

    #[test]
    fn spacers_and_rows_always_add_up_to_the_whole_list() {
        for scroll_top in [0.0, 3.0, 97.5, 4000.0, 9999.0, 12_345.0] {
            for height in [0.0, 35.0, 400.0] {
                let window = Window::of(Viewport { scroll_top, height }, 10.0, 1000, 4);
                let built = window.rows.len() as f64 * 10.0;
                assert_eq!(window.above + built + window.below, 10_000.0, "{scroll_top} {height}");
                assert!(window.rows.start <= window.rows.end && window.rows.end <= 1000);
            }
        }
    }

    #[test]
    fn a_negative_offset_or_a_zero_row_height_is_harmless() {
        assert_eq!(check(-40.0, 30.0, 100, 1), (0..4, 0.0, 960.0));
        assert_eq!(Window::of(Viewport { scroll_top: 0.0, height: 3.0 }, 0.0, 10, 0).rows, 0..3);
    }
}
