//! Component tests of the Yew app in headless Chromium (wasm-bindgen-test):
//! the app renders the embedded corpus, restores view state from the URL,
//! and writes choices back to it.

use corpus_explorer::app::{install, install_index, App, Start};
use corpus_explorer::model::Corpus;
use corpus_explorer::view::filter::Index;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Yew's scheduler render; no fixed waits.
async fn flush() {
    yew::platform::time::sleep(Duration::ZERO).await;
}

/// The shipped corpus, installed as the app's, as the page does.
fn shipped() -> &'static Corpus {
    let corpus = install(serde_json::from_str(include_str!("../../corpus/corpus.json")).expect("shipped corpus parses"));
    install_index(Index::new(corpus));
    corpus
}

/// Renders the app at a URL fragment, as the page starts it, with the shipped
/// corpus; the handle unmounts it when done.
async fn mount(hash: &str) -> (Element, yew::AppHandle<App>) {
    shipped();
    let document = gloo::utils::document();
    let history = gloo::utils::window().history().expect("history");
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{hash}"))).expect("set the fragment");
    let root = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&root).expect("append");
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), Start::from_url()).render();
    flush().await;
    flush().await;
    (root, handle)
}

fn unmount((root, handle): (Element, yew::AppHandle<App>)) {
    handle.destroy();
    root.remove();
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).expect("valid selector").length()
}

#[wasm_bindgen_test]
async fn renders_every_event_and_entity_of_the_embedded_corpus() {
    let mounted = mount("").await;
    let root = &mounted.0;
    let corpus = shipped();
    // The list is folded and built only once opened.
    assert_eq!(count(root, ".event-list [data-event-id]"), 0);
    let summary: HtmlElement = root.query_selector(".timeline details summary").expect("query").expect("summary").unchecked_into();
    summary.click();
    for _ in 0..50 {
        if count(root, ".event-list [data-event-id]") > 0 {
            break;
        }
        flush().await;
    }
    assert_eq!(count(root, ".event-list [data-event-id]"), corpus.events.len() as u32);
    assert_eq!(count(root, ".graph-svg [data-entity-id]"), corpus.entities.len() as u32);
    assert!(count(root, ".timeline-svg .event, .timeline-svg .cluster") > 0);
    unmount(mounted);
}

#[wasm_bindgen_test]
async fn restores_a_selected_entity_from_the_url_and_writes_choices_back() {
    let mounted = mount("entity=sok-phal&panel=entity").await;
    let root = &mounted.0;
    let node = root.query_selector(r#".graph-svg [data-entity-id="sok-phal"]"#).expect("query").expect("node");
    assert_eq!(node.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(root.query_selector(r#".entity-card[data-entity-id="sok-phal"]"#).expect("query").is_some());
    let other = root.query_selector(r#".graph-svg [data-entity-id="preap-kol"]"#).expect("query").expect("node");
    // Yew delegates events from the root, so the click must bubble.
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("event");
    other.dispatch_event(&click).expect("dispatch");
    flush().await;
    flush().await;
    let card = root.query_selector(".entity-card").expect("query").and_then(|c| c.get_attribute("data-entity-id"));
    assert_eq!(card.as_deref(), Some("preap-kol"));
    flush().await;
    let hash = gloo::utils::window().location().hash().expect("hash");
    assert!(hash.contains("entity=preap-kol"), "{hash}");
    unmount(mounted);
}

#[wasm_bindgen_test]
async fn search_lists_matching_sentences() {
    let mounted = mount("q=deport").await;
    let root = &mounted.0;
    assert!(count(root, ".results .hits li") >= 3);
    let input: HtmlElement = root.query_selector("#search").expect("query").expect("input").unchecked_into();
    assert_eq!(input.unchecked_ref::<web_sys::HtmlInputElement>().value(), "deport");
    unmount(mounted);
}

#[wasm_bindgen_test]
async fn the_reader_heading_is_the_marked_headline_shown_once() {
    let article = &shipped().articles[1];
    let mounted = mount(&format!("read={}~0&panel=reader", article.id)).await;
    let root = &mounted.0;
    let heading = root.query_selector(".reader h2").expect("query").expect("heading");
    assert_eq!(heading.text_content().unwrap_or_default(), article.title);
    assert!(count(root, ".reader h2 .mention") >= 1, "names in the headline are marked");
    assert_eq!(count(root, ".reader h2 #target-sentence"), 1, "a link to the headline highlights it");
    assert_eq!(count(root, ".reader > p:not(.byline)") as usize, article.paragraphs.len() - 1, "the headline is not repeated");
    unmount(mounted);
}

#[wasm_bindgen_test]
async fn another_entity_patches_the_card_and_starts_it_afresh() {
    let mounted = mount("entity=united-states&panel=entity").await;
    let root = &mounted.0;
    let card = root.query_selector(".entity-card").expect("query").expect("card");
    let related = root.query_selector(".entity-card .scroll-list").expect("query").expect("related list");
    // No stylesheet here: the box is bounded as the CSS bounds it.
    related.set_attribute("style", "height: 100px; overflow-y: auto").expect("style");
    // Scrolled to its end (the rows built follow the scroll position), with a row focused.
    related.set_scroll_top(related.scroll_height());
    for _ in 0..50 {
        if related.query_selector("li[aria-posinset='1']").expect("query").is_none() {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(related.scroll_top() > 0, "the related entities scroll");
    let rows = related.query_selector_all("button[data-entity-id]").expect("query");
    let row: HtmlElement = rows.item(rows.length() - 1).expect("a row built at the end").unchecked_into();
    row.focus().expect("focus");
    // Another entity with more relations than its list shows, chosen in the graph.
    let other = root.query_selector(r#".graph-svg [data-entity-id="cambodian"]"#).expect("query").expect("node");
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    other.dispatch_event(&web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("event")).expect("dispatch");
    flush().await;
    flush().await;
    assert_eq!(card.get_attribute("data-entity-id").as_deref(), Some("cambodian"), "the card shows the entity chosen");
    assert!(card.is_connected(), "the card is patched, not built again");
    assert!(related.is_connected() && related.scroll_height() > related.client_height(), "its related entities scroll too");
    assert_eq!(related.scroll_top(), 0, "and start at the top");
    assert!(related.query_selector("li[aria-posinset='1']").expect("query").is_some(), "with the first rows built");
    let focused = gloo::utils::document().active_element();
    assert!(!focused.is_some_and(|f| card.contains(Some(&f))), "keyboard focus leaves the card, as when it was built anew");
    unmount(mounted);
}
