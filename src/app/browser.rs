//! Browser glue: the URL, history, clipboard, downloads, the embed height
//! message and the panic panel. Nothing here decides anything.

use crate::model::Corpus;
use crate::page::{CorpusReader, CORPUS_ELEMENT_ID, CORPUS_PIECE_CLASS, READY_ATTRIBUTE, ROUTED_ATTRIBUTE};
use crate::view::state::ViewState;
use crate::view::strings::EN;
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;

/// The view state in the page's URL: the fragment, else the query.
pub fn read_state() -> (ViewState, Vec<String>) {
    let location = window().location();
    let hash = location.hash().unwrap_or_default();
    let query = if hash.len() > 1 { hash } else { location.search().unwrap_or_default() };
    let (state, mut notices) = ViewState::decode(&query);
    let (corpus, index) = super::data();
    let (state, unknown) = state.checked(corpus, index);
    notices.extend(unknown);
    (state, notices)
}

/// The corpus the page embeds: its head (`<script type="application/json"
/// id="corpus">`), then the pieces after it (`page::corpus_pieces`), each
/// parsed in its own task, so that a large corpus keeps the page responsive
/// and the wasm holds the text of one piece at a time, not the whole JSON.
/// Each element is removed once read, so the browser can free its text.
pub async fn embedded_corpus() -> Result<Corpus, String> {
    let invalid = |e: crate::json::Error| format!("the page's embedded corpus is not a valid corpus: {e}");
    let head = document()
        .get_element_by_id(CORPUS_ELEMENT_ID)
        .ok_or_else(|| format!("the page embeds no corpus (no element with id \"{CORPUS_ELEMENT_ID}\")"))?;
    let mut next = head.next_element_sibling();
    let mut reader = CorpusReader::new(&take_text(head)).map_err(invalid)?;
    while let Some(piece) = next.filter(|e| e.class_name() == CORPUS_PIECE_CLASS) {
        next = piece.next_element_sibling();
        yield_to_browser().await;
        reader.read(&take_text(piece)).map_err(invalid)?;
    }
    Ok(reader.corpus())
}

/// An element's text, removing the element.
fn take_text(element: web_sys::Element) -> String {
    let text = element.text_content().unwrap_or_default();
    element.remove();
    text
}

/// Lets the browser handle input and paint before the next step runs.
pub async fn yield_to_browser() {
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
}

/// Runs `step` in slices of about `slice_ms` milliseconds, each a task of
/// its own, so the browser handles input and paints between them, until it
/// says it is done. `step` works while the closure it is given says there
/// is time left.
pub async fn in_slices(slice_ms: f64, mut step: impl FnMut(&mut dyn FnMut() -> bool) -> bool) {
    loop {
        yield_to_browser().await;
        let until = js_sys::Date::now() + slice_ms;
        if step(&mut || js_sys::Date::now() < until) {
            return;
        }
    }
}

/// Marks the app as running (`data-ready` on `<html>`) and shows it again: a
/// script in the page's head hides the prerendered default view when the
/// address asks for another, so that view never flashes.
pub fn reveal() {
    if let Some(root) = document().document_element() {
        let _ = root.remove_attribute(ROUTED_ATTRIBUTE);
        let _ = root.set_attribute(READY_ATTRIBUTE, "");
    }
}

/// Keeps one CSS property of the HTML or SVG element behind `node` at
/// `value` ("" removes it), set through the CSSOM: the page's
/// Content-Security-Policy refuses `style` attributes, not the CSSOM.
#[yew::hook]
pub fn use_style_property(node: &yew::NodeRef, property: &'static str, value: String) {
    let node = node.clone();
    super::use_effect_on(value, move |value| {
        let style = match node.get() {
            Some(element) => match element.dyn_ref::<web_sys::HtmlElement>() {
                Some(html) => Some(html.style()),
                None => element.dyn_ref::<web_sys::SvgElement>().map(|svg| svg.style()),
            },
            None => None,
        };
        if let Some(style) = style {
            let _ = style.set_property(property, value);
        }
    });
}

/// Whether the window is wider than a phone's (the stylesheet's one-column breakpoint, 720 px).
pub fn is_wide() -> bool {
    window().inner_width().ok().and_then(|w| w.as_f64()).is_none_or(|w| w > 720.0)
}

/// The page address without fragment or query.
pub fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split(['#', '?']).next().unwrap_or_default().to_string()
}

/// Writes `encoded` into the fragment, as a new history entry or in place.
/// The fragment works on any host and from `file://`.
pub fn write_url(encoded: &str, push: bool) {
    let target = format!("#{encoded}");
    if window().location().hash().unwrap_or_default() == target {
        return;
    }
    if let Ok(history) = window().history() {
        let result = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target))
        };
        if result.is_err() {
            // Sandboxed frames may refuse history; the fragment still works.
            let _ = window().location().set_hash(encoded);
        }
    }
}

/// Writes view states to the URL: choices at once, as history entries;
/// in-place updates (typing, zooming, panning) at most once per animation
/// frame, the latest winning, since each write costs the browser work.
#[derive(Default)]
pub struct UrlWriter {
    /// The latest state not yet written, and the fragment when it was scheduled.
    pending: std::rc::Rc<std::cell::RefCell<Option<(String, String)>>>,
    frame: std::cell::RefCell<Option<gloo::render::AnimationFrame>>,
}

impl UrlWriter {
    pub fn write(&self, encoded: String, push: bool) {
        if push {
            // A choice supersedes an update not yet written.
            self.pending.borrow_mut().take();
            write_url(&encoded, true);
            return;
        }
        let mut pending = self.pending.borrow_mut();
        if let Some((latest, _)) = pending.as_mut() {
            *latest = encoded;
            return;
        }
        *pending = Some((encoded, window().location().hash().unwrap_or_default()));
        let slot = self.pending.clone();
        let frame = gloo::render::request_animation_frame(move |_| {
            let Some((latest, scheduled_over)) = slot.borrow_mut().take() else { return };
            // When the address changed meanwhile (Back, a pasted link), that change wins.
            if window().location().hash().unwrap_or_default() == scheduled_over {
                write_url(&latest, false);
            }
        });
        // The previous frame, if any, has fired: dropping its handle is safe.
        *self.frame.borrow_mut() = Some(frame);
    }
}

/// Copies `text` to the clipboard; false where the page may not (plain-http
/// hosts and some sandboxed frames have no clipboard), so the caller can
/// show the text to copy by hand instead.
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write.filter(|_| clipboard.is_object()) else { return false };
    match write.call1(&clipboard, &text.into()).map(|p| p.dyn_into::<js_sys::Promise>()) {
        Ok(Ok(promise)) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        _ => false,
    }
}

/// Offers `content` as a file download, generated in the page.
pub fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(anchor) = document().create_element("a").map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        anchor.set_href(&url);
        anchor.set_download(name);
        let _ = document().body().map(|b| b.append_child(&anchor));
        anchor.click();
        anchor.remove();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Tells a host page how tall the content is, so it can size the iframe.
pub fn post_height() {
    let Ok(Some(parent)) = window().parent() else { return };
    // A page that is not framed is its own parent: reading its height would
    // only force a layout on every change of view.
    if js_sys::Object::is(&parent, &window()) {
        return;
    }
    let height = document().document_element().map_or(0, |e| e.scroll_height());
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"corpus-explorer:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    let _ = parent.post_message(&message, "*");
}

/// Scrolls the element with `id` into view, gently unless motion is reduced.
pub fn scroll_to(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Calls a function whenever an element's size changes, whatever the cause
/// (the window resized, a folded list opened, fonts loaded, the element
/// moved into the page from where it was hydrated). Disconnects when dropped.
pub struct ResizeWatch {
    observer: Option<web_sys::ResizeObserver>,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl ResizeWatch {
    pub fn new(element: &web_sys::Element, on_resize: impl FnMut() + 'static) -> ResizeWatch {
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(on_resize);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            observer.observe(element);
        }
        ResizeWatch { observer, _callback: callback }
    }
}

/// Posts the content height whenever the page's size changes, until dropped.
pub fn report_height() -> Option<ResizeWatch> {
    document().document_element().map(|root| ResizeWatch::new(&root, post_height))
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}

/// Moves keyboard focus to the element with `id`, leaving the URL (the view
/// state) alone, unlike following a `#id` link would.
pub fn focus(id: &str) {
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Takes keyboard focus away from anything inside the element `node`, as
/// removing the element would.
pub fn blur_within(node: &yew::NodeRef) {
    let (Some(element), Some(focused)) = (node.cast::<web_sys::Element>(), document().active_element()) else { return };
    if element.contains(Some(&focused)) {
        if let Ok(focused) = focused.dyn_into::<web_sys::HtmlElement>() {
            let _ = focused.blur();
        }
    }
}

/// A panic replaces the page with an error panel and a reload link, never a blank page.
pub fn install_panic_panel() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        let html = format!(
            "<div class=\"error-panel\" role=\"alert\"><h1>{}</h1><p>{}</p><p><a href=\"{}\">{}</a></p></div>",
            EN.error_title,
            EN.error_body,
            base_url(),
            EN.reload
        );
        if let Some(body) = document().body() {
            body.set_inner_html(&html);
        }
    }));
}

/// The pixel width of an element, or `fallback` before it is laid out.
pub fn width_of(node: &yew::NodeRef, fallback: f64) -> f64 {
    node.cast::<web_sys::Element>().map(|e| e.get_bounding_client_rect().width()).filter(|w| *w > 0.0).unwrap_or(fallback)
}

/// The element's width in pixels, measured once it is laid out and on
/// every change of its size: an element hydrated apart from the page
/// (`passes`) has no size until it moves in.
#[yew::hook]
pub fn use_width(node: &yew::NodeRef) -> f64 {
    let width = yew::use_state(|| 800.0);
    {
        let (node, width) = (node.clone(), width.clone());
        super::use_mount(move || {
            let element = node.cast::<web_sys::Element>();
            element.map(|element| ResizeWatch::new(&element, move || width.set(width_of(&node, 800.0))))
        });
    }
    *width
}

/// What a scroll box shows: its offset and visible height; none while it
/// is not laid out (inside a folded `<details>`, say).
pub fn viewport_of(node: &yew::NodeRef) -> Option<crate::view::window::Viewport> {
    let element = node.cast::<web_sys::Element>()?;
    let height = f64::from(element.client_height());
    (height > 0.0).then(|| crate::view::window::Viewport { scroll_top: f64::from(element.scroll_top()), height })
}

/// The height of the first row (matching `selector`) in an element, as the
/// CSS sets it; none before a row is laid out.
pub fn row_height_in(node: &yew::NodeRef, selector: &str) -> Option<f64> {
    let row = node.cast::<web_sys::Element>()?.query_selector(selector).ok()??;
    Some(row.get_bounding_client_rect().height()).filter(|height| *height > 0.0)
}

pub fn height_of(node: &yew::NodeRef) -> f64 {
    node.cast::<web_sys::Element>().map_or(0.0, |e| e.get_bounding_client_rect().height())
}

/// Whether the element an event happened on matches a CSS `selector`.
pub fn target_matches(event: &web_sys::Event, selector: &str) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| element.matches(selector).unwrap_or(false))
}

/// The element an event happened in, or its nearest ancestor, that matches a CSS `selector`.
pub fn closest(event: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    event.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

/// The pointer's position within an element, as fractions of its size.
pub fn fraction_in(node: &yew::NodeRef, client_x: i32, client_y: i32) -> (f64, f64) {
    node.cast::<web_sys::Element>()
        .map(|e| {
            let rect = e.get_bounding_client_rect();
            ((f64::from(client_x) - rect.left()) / rect.width().max(1.0), (f64::from(client_y) - rect.top()) / rect.height().max(1.0))
        })
        .unwrap_or((0.5, 0.5))
}
