//! Long lists and tables in a scroll box that build only the rows in and
//! near view (`view::window`) and follow the box's scroll position. Each row
//! keeps its place in the whole list for assistive technology. Rows are as
//! high as the CSS makes them: assumed by the caller until measured.

use super::browser;
use crate::view::decimal::decimal;
use crate::view::window::{Viewport, Window};
use yew::prelude::*;

/// The viewport assumed until the box is measured, so that a server render
/// and the first client render agree; the CSS bounds scroll boxes near it.
const ASSUMED_HEIGHT: f64 = 400.0;
/// Rows built past each edge of the viewport: Tab always finds the next row built.
const OVERSCAN: usize = 8;

/// A scroll box's node, its scroll handler and the rows it shows now.
pub struct ScrollWindow {
    pub node: NodeRef,
    pub onscroll: Callback<Event>,
    pub window: Window,
}

/// Follows a scroll box of `count` rows matching `row_selector`, each
/// `assumed_row_height` pixels high until one is measured.
#[hook]
pub fn use_scroll_window(count: usize, assumed_row_height: f64, row_selector: &'static str) -> ScrollWindow {
    let node = use_node_ref();
    let viewport = use_state_eq(|| Viewport { scroll_top: 0.0, height: ASSUMED_HEIGHT });
    let measured_row = use_state_eq(|| None::<f64>);
    // Measured whenever the box's size changes (built, rows added or removed, the window resized, a folded
    // list opened): the browser reports that after its layout, so measuring forces none in the middle of an update.
    {
        let (node, viewport, measured_row) = (node.clone(), viewport.clone(), measured_row.clone());
        use_effect_with((), move |_| {
            let watch = node.cast::<web_sys::Element>().map(|element| {
                browser::ResizeWatch::new(&element, move || {
                    if let Some(seen) = browser::viewport_of(&node) {
                        viewport.set(seen);
                    }
                    if let Some(height) = browser::row_height_in(&node, row_selector) {
                        measured_row.set(Some(height));
                    }
                })
            });
            move || drop(watch)
        });
    }
    let row_height = measured_row.unwrap_or(assumed_row_height);
    let window = Window::of(*viewport, row_height, count, OVERSCAN);
    let onscroll = {
        let (node, shown) = (node.clone(), window.clone());
        // Scrolling within the rows already built renders nothing.
        Callback::from(move |_: Event| {
            if let Some(seen) = browser::viewport_of(&node).filter(|seen| Window::of(*seen, row_height, count, OVERSCAN) != shown) {
                viewport.set(seen);
            }
        })
    };
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
}

#[function_component(ScrollList)]
pub fn scroll_list(props: &ScrollListProps) -> Html {
    let row_selector = if props.table.is_some() { "tbody tr:not([aria-hidden])" } else { "li" };
    let ScrollWindow { node, onscroll, window } = use_scroll_window(props.count, props.row_height, row_selector);
    let rows = window.rows.clone().map(|position| match props.table {
        Some(_) => html! { <key={position}>{ props.row.emit(position) }</> },
        None => html! {
            <li key={position} aria-posinset={(position + 1).to_string()} aria-setsize={props.count.to_string()}>{ props.row.emit(position) }</li>
        },
    });
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
                        { for rows }
                        { spacer_row(head, below) }
                    </tbody>
                </table>
            } else if props.ordered {
                <ol {class} {id} ref={above} start={(window.rows.start + 1).to_string()}>{ for rows }</ol>
            } else {
                <ul {class} {id} ref={above}>{ for rows }</ul>
            }
        </div>
    }
}

/// A table row standing in for the rows not built, sized through `cell`.
fn spacer_row(head: &TableHead, cell: NodeRef) -> Html {
    html! { <tr aria-hidden="true" class="spacer"><td colspan={head.columns.len().to_string()} ref={cell}></td></tr> }
}
