//! The built page: where the prerendered default view and the corpus go in
//! the `index.html` Trunk writes, and how the corpus is escaped there. Pure;
//! the `prerender` binary reads and writes the files, the app reads the
//! corpus back (`app::browser::embedded_corpus`).

/// The id of the `<script type="application/json">` holding the corpus.
pub const CORPUS_ELEMENT_ID: &str = "corpus";

/// Set on `<html>` by the page's head script when the address asks for a
/// view other than the prerendered one, which stays hidden until the app
/// has drawn that view.
pub const ROUTED_ATTRIBUTE: &str = "data-routed";

/// Set on `<html>` once the app runs: the prerendered page is interactive.
pub const READY_ATTRIBUTE: &str = "data-ready";

/// The empty element the app renders into, as `index.html` writes it.
const APP_ROOT: &str = r#"<div id="app"></div>"#;

#[derive(Debug, PartialEq, Eq)]
pub enum PageError {
    /// The page has no empty `<div id="app"></div>` to prerender into.
    NoAppRoot,
    /// The page has no `</body>` to put the corpus before.
    NoBodyEnd,
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::NoAppRoot => write!(f, "no empty `{APP_ROOT}` to prerender into (was the page prerendered already?)"),
            PageError::NoBodyEnd => write!(f, "no `</body>` to put the corpus before"),
        }
    }
}

/// `template` with `view` (prerendered HTML) inside the app's root and the
/// corpus JSON embedded at the end of the body, after the content, so the
/// browser paints the view before it reads the data.
pub fn assemble(template: &str, view: &str, corpus_json: &str) -> Result<String, PageError> {
    let root = template.find(APP_ROOT).ok_or(PageError::NoAppRoot)?;
    let body_end = template.rfind("</body>").filter(|&end| end > root).ok_or(PageError::NoBodyEnd)?;
    let root_content = root + APP_ROOT.len() - "</div>".len();
    let script = format!(r#"<script type="application/json" id="{CORPUS_ELEMENT_ID}">{}</script>"#, script_safe(corpus_json));
    let mut page = String::with_capacity(template.len() + view.len() + script.len());
    page.push_str(&template[..root_content]);
    page.push_str(view);
    page.push_str(&template[root_content..body_end]);
    page.push_str(&script);
    page.push_str(&template[body_end..]);
    Ok(page)
}

/// JSON that cannot end its `<script>` element or open a comment in it:
/// `<` only occurs inside JSON strings, where `\u003c` means the same.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<html><head><title>t</title></head><body><noscript>n</noscript><div id=\"app\"></div></body></html>";

    #[test]
    fn the_view_goes_in_the_root_and_the_corpus_after_it() {
        let page = assemble(TEMPLATE, "<main>view</main>", r#"{"a":1}"#).unwrap();
        assert_eq!(
            page,
            "<html><head><title>t</title></head><body><noscript>n</noscript><div id=\"app\"><main>view</main></div>\
             <script type=\"application/json\" id=\"corpus\">{\"a\":1}</script></body></html>"
        );
    }

    #[test]
    fn corpus_text_cannot_close_the_script_or_open_a_comment() {
        let json = r#"{"title":"</script><script>alert(1)</script><!--"}"#;
        let page = assemble(TEMPLATE, "", json).unwrap();
        let script = &page[page.find("id=\"corpus\">").unwrap()..];
        assert_eq!(script.matches("</script>").count(), 1, "only the element's own end tag");
        assert!(!script.contains("<!--"));
        let embedded = &script["id=\"corpus\">".len()..script.find("</script>").unwrap()];
        let decoded: serde_json::Value = serde_json::from_str(embedded).unwrap();
        assert_eq!(decoded["title"], "</script><script>alert(1)</script><!--");
    }

    #[test]
    fn a_page_without_an_empty_root_or_a_body_end_is_refused() {
        assert_eq!(assemble("<body></body>", "", "{}"), Err(PageError::NoAppRoot));
        assert_eq!(assemble("<body><div id=\"app\"><p>old</p></div></body>", "", "{}"), Err(PageError::NoAppRoot));
        assert_eq!(assemble("<body><div id=\"app\"></div>", "", "{}"), Err(PageError::NoBodyEnd));
    }

    #[test]
    fn the_shipped_page_has_the_root_and_the_head_script_the_app_relies_on() {
        let index = include_str!("../index.html");
        assert!(index.contains(APP_ROOT));
        assert!(index.contains(&format!("setAttribute(\"{ROUTED_ATTRIBUTE}\"")));
        assert!(include_str!("../static/style.css").contains(&format!("[{ROUTED_ATTRIBUTE}] #app")));
    }
}
