//! Long lists and tables in a scroll box that build only the rows in and
//! near view (`view::window`) and follow the box's scroll position. Each row
//! keeps its place in the whole list for assistive technology. Rows are as
//! high as the CSS makes them: assumed by the caller until measured.

use super::{browser, use_mount};
use crate::view::decimal::decimal;
use crate::view::window::{Viewport, Window};
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::VList;

/// The viewport assumed until the box is measured, so that a server render
/// and the first client render agree; the CSS bounds scroll boxes near its height.
const FRESH: Viewport = Viewport { scroll_top: 0.0, height: 400.0 };
/// Rows built past each edge of the viewport: Tab always finds the next row built.
const OVERSCAN: usize = 8;
/// Rows that must stay built past each edge before a scroll or a measure builds
/// the list again: fewer than `OVERSCAN`, so that not every row scrolled builds it.
const MARGIN: usize = OVERSCAN / 2;

/// A scroll box's node, its scroll handler and the rows it shows now.
pub struct ScrollWindow {
    pub node: NodeRef,
    pub onscroll: Callback<Event>,
    pub window: Window,
}

/// What a scroll box was last measured at, and what its last render built.
struct Measures {
    /// Whose rows the box lists: another subject starts the box afresh.
    subject: AttrValue,
    viewport: Viewport,
    /// The rows' height, once one is laid out.
    row_height: Option<f64>,
    /// The row count and assumed row height of the last render, and the
    /// window it built at what row height.
    count: usize,
    assumed_row_height: f64,
    shown: (Window, f64),
}

impl Measures {
    fn row_height(&self) -> f64 {
        self.row_height.unwrap_or(self.assumed_row_height)
    }

    fn window(&self, overscan: usize) -> Window {
        Window::of(self.viewport, self.row_height(), self.count, overscan)
    }

    /// Whether the list must build again: its rows are not as high as built
    /// for, or the rows in view and a margin are not all built.
    fn stale(&self) -> bool {
        let (shown, row_height) = &self.shown;
        *row_height != self.row_height() || !shown.covers(&self.window(MARGIN))
    }
}

/// Follows a scroll box of `count` rows matching `row_selector`, each
/// `assumed_row_height` pixels high until one is measured. When `subject`
/// changes the box starts again at its top, as a box built anew would, but
/// keeps its elements (and its rows, patched): the entity card lists another
/// entity's rows on every selection.
#[hook]
pub fn use_scroll_window(count: usize, assumed_row_height: f64, row_selector: &'static str, subject: &AttrValue) -> ScrollWindow {
    let node = use_node_ref();
    let measures = use_mut_ref(|| {
        let shown = (Window::of(FRESH, assumed_row_height, count, OVERSCAN), assumed_row_height);
        Measures { subject: subject.clone(), viewport: FRESH, row_height: None, count, assumed_row_height, shown }
    });
    let window = {
        let mut measures = measures.borrow_mut();
        if measures.subject != *subject {
            // Scrolled back here, before the rows are patched, rather than in an effect (each costs wasm); only a
            // box scrolled down, since setting the offset lays out the page at once. The box keeps its measured
            // height rather than the taller one assumed for a new box, so it builds no rows out of its reach; a box
            // that grows for a longer list is measured again (and the overscan covers the entity card's boxes
            // meanwhile). The rows keep their measured height, which the CSS sets, not the subject.
            if let Some(element) = node.cast::<web_sys::Element>().filter(|_| measures.viewport.scroll_top > 0.0) {
                element.set_scroll_top(0);
            }
            measures.subject = subject.clone();
            measures.viewport.scroll_top = 0.0;
        }
        (measures.count, measures.assumed_row_height) = (count, assumed_row_height);
        measures.shown = (measures.window(OVERSCAN), measures.row_height());
        measures.shown.0.clone()
    };
    // A measure or a scroll renders again only when the rows built no longer cover the view and a margin:
    // scrolling a few rows renders nothing, and a list whose rows are as high as assumed is built in one render
    // even when its box is lower than assumed.
    let redraw = use_force_update();
    let follow = {
        let (node, measures) = (node.clone(), measures.clone());
        Rc::new(move |measure_row: bool| {
            let stale = {
                let mut measures = measures.borrow_mut();
                if let Some(seen) = browser::viewport_of(&node) {
                    measures.viewport = seen;
                }
                if let Some(height) = measure_row.then(|| browser::row_height_in(&node, row_selector)).flatten() {
                    measures.row_height = Some(height);
                }
                measures.stale()
            };
            if stale {
                redraw.force_update();
            }
        })
    };
    // Measured whenever the box's size changes (built, rows added or removed, the window resized, a folded
    // list opened): the browser reports that after its layout, so measuring forces none in the middle of an update.
    {
        let (node, follow) = (node.clone(), follow.clone());
        use_mount(move || node.cast::<web_sys::Element>().map(|element| browser::ResizeWatch::new(&element, move || follow(true))));
    }
    let onscroll = Callback::from(move |_: Event| follow(false));
    ScrollWindow { node, onscroll, window }
}

/// A table's caption and column headings.
#[derive(PartialEq)]
pub struct TableHead {
    pub caption: AttrValue,
    pub columns: Vec<AttrValue>,
}

#[derive(Properties, PartialEq)]
pub struct ScrollListProps {
    pub count: usize,
    /// Every row's height in pixels as the CSS sets it, assumed until measured.
    pub row_height: f64,
    /// Builds the inside of the row at a position; in a table, the `<tr>`
    /// (its `aria-rowindex` is the position plus 2, after the head).
    pub row: Callback<usize, Html>,
    /// The rows are a table's with this head rather than a list's: one
    /// component for both, since each compiles Yew's lifecycle anew.
    #[prop_or_default]
    pub table: Option<TableHead>,
    /// Classes of the list element.
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub ordered: bool,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Whose rows these are, when the list stays in place for another's (see `use_scroll_window`).
    #[prop_or_default]
    pub subject: AttrValue,
}

#[function_component(ScrollList)]
pub fn scroll_list(props: &ScrollListProps) -> Html {
    let row_selector = if props.table.is_some() { "tbody tr:not([aria-hidden])" } else { "li" };
    let ScrollWindow { node, onscroll, window } = use_scroll_window(props.count, props.row_height, row_selector, &props.subject);
    // The keyed rows are one child of their parent (`{ for }` would splice them in among a table's spacer rows,
    // and Yew diffs a list with unkeyed children by position), so that a scroll keeps the rows still in view.
    let rows: Vec<Html> = window
        .rows
        .clone()
        .map(|position| match props.table {
            Some(_) => html! { <key={position}>{ props.row.emit(position) }</> },
            None => html! {
                <li key={position} aria-posinset={(position + 1).to_string()} aria-setsize={props.count.to_string()}>{ props.row.emit(position) }</li>
            },
        })
        .collect();
    let rows = VList::with_children(rows, None);
    // The room for the rows not built: a list's padding (set through `above`, its element), a table's spacer
    // rows. The same hooks either way, whatever the props.
    let (above, below) = (use_node_ref(), use_node_ref());
    let (above_px, below_px) = (decimal(window.above, 2), decimal(window.below, 2));
    let ((above_property, above_value), below_value) = match props.table {
        Some(_) => (("height", format!("{above_px}px")), format!("{below_px}px")),
        None => (("padding-block", format!("{above_px}px {below_px}px")), String::new()),
    };
    browser::use_style_property(&above, above_property, above_value);
    browser::use_style_property(&below, "height", below_value);
    let (class, id) = (props.class.clone(), props.id.clone());
    html! {
        <div class="scroll-list" ref={node} {onscroll}>
            if let Some(head) = &props.table {
                <table aria-rowcount={(props.count + 1).to_string()}>
                    <caption>{ &head.caption }</caption>
                    <thead><tr aria-rowindex="1">{ for head.columns.iter().map(|column| html! { <th scope="col">{ column }</th> }) }</tr></thead>
                    <tbody>
                        { spacer_row(head, above) }
                        { rows }
                        { spacer_row(head, below) }
                    </tbody>
                </table>
            } else if props.ordered {
                <ol {class} {id} ref={above} start={(window.rows.start + 1).to_string()}>{ rows }</ol>
            } else {
                <ul {class} {id} ref={above}>{ rows }</ul>
            }
        </div>
    }
}

/// A table row standing in for the rows not built, sized through `cell`.
fn spacer_row(head: &TableHead, cell: NodeRef) -> Html {
    html! { <tr aria-hidden="true" class="spacer"><td colspan={head.columns.len().to_string()} ref={cell}></td></tr> }
}
