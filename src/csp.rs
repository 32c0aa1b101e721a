//! The built page's Content-Security-Policy: what the page may load and run,
//! as a `<meta http-equiv>` that names every inline script and style by its
//! SHA-256 hash. Pure; the `prerender` binary applies it to the page it
//! writes (`page::assemble`), `scripts/single-file.mjs` writes the same
//! policy for the single-file edition.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy for `page`: nothing by default; scripts, styles, images and
/// fetches from the page's own origin; the inline scripts and styles the
/// page holds, by hash; wasm compilation; no `<base>` and no form posts.
/// `frame-ancestors` cannot be set from a meta element (see SECURITY.md).
pub fn policy(page: &str) -> String {
    let hashes =
        |tag: &str| -> String { inline_elements(page, tag).map(|content| format!(" 'sha256-{}'", sha256_base64(content))).collect() };
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
        hashes("script"),
        hashes("style"),
    )
}

/// `page` with its policy in a meta element right after `<meta charset>`
/// (or `<head>`), before anything the policy governs; `None` when the page
/// has neither, or has a policy already.
pub fn with_policy(page: &str) -> Option<String> {
    if page.contains("http-equiv=\"Content-Security-Policy\"") {
        return None;
    }
    let anchor = page.find("<meta charset").or_else(|| page.find("<head"))?;
    let at = anchor + page[anchor..].find('>')? + 1;
    let meta = format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />", policy(page));
    Some([&page[..at], &meta, &page[at..]].concat())
}

/// The text of each inline `<tag>` element that a policy governs: scripts
/// without `src` that run (data blocks such as `application/json` do not), and styles.
fn inline_elements<'p>(page: &'p str, tag: &'p str) -> impl Iterator<Item = &'p str> + 'p {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut rest = page;
    std::iter::from_fn(move || loop {
        let start = rest.find(&open)?;
        let after_name = &rest[start + open.len()..];
        // `<scripts>` or `<style-x>` are other elements.
        if !after_name.starts_with(['>', ' ', '\n', '\t', '/']) {
            rest = after_name;
            continue;
        }
        let attributes_end = after_name.find('>')?;
        let attributes = &after_name[..attributes_end];
        let content_and_rest = &after_name[attributes_end + 1..];
        let end = content_and_rest.find(&close)?;
        let content = &content_and_rest[..end];
        rest = &content_and_rest[end + close.len()..];
        let runs = tag != "script" || is_executable_script(attributes);
        if runs && !attributes.contains("src=") {
            return Some(content);
        }
    })
}

/// Whether a script element with these attributes is run as script: no
/// `type`, a JavaScript MIME type or `module` (anything else is a data block).
fn is_executable_script(attributes: &str) -> bool {
    let Some(at) = attributes.find("type=") else { return true };
    let value = attributes[at + "type=".len()..].trim_start_matches(['"', '\'']);
    let value = value.split(['"', '\'', ' ', '>']).next().unwrap_or_default().to_ascii_lowercase();
    matches!(value.as_str(), "" | "module" | "text/javascript" | "application/javascript")
}

fn sha256_base64(content: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(content.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head>\n<meta charset=\"utf-8\" />\n<script>a()</script>\n<noscript><style>p{}</style></noscript>\n\
        <script type=\"module\">\nimport x from './x.js';\n</script><script src=\"./y.js\"></script>\
        <link rel=\"stylesheet\" href=\"./s.css\"></head><body><div id=\"app\"></div>\
        <script type=\"application/json\" id=\"corpus\">{\"a\":1}</script></body></html>";

    #[test]
    fn every_inline_script_and_style_is_named_by_its_hash_and_nothing_else_inline() {
        let scripts: Vec<&str> = inline_elements(PAGE, "script").collect();
        assert_eq!(scripts, ["a()", "\nimport x from './x.js';\n"]);
        assert_eq!(inline_elements(PAGE, "style").collect::<Vec<_>>(), ["p{}"]);
        let policy = policy(PAGE);
        // The known answer for "a()": `printf 'a()' | openssl dgst -sha256 -binary | base64`.
        assert!(policy.contains("'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"), "{policy}");
        assert_eq!(policy.matches("'sha256-").count(), 3, "{policy}");
        for directive in ["default-src 'none'", "'wasm-unsafe-eval'", "base-uri 'none'", "form-action 'none'", "img-src 'self' data:"] {
            assert!(policy.contains(directive), "{directive} in {policy}");
        }
        assert!(!policy.contains("unsafe-inline"));
    }

    #[test]
    fn the_policy_goes_before_the_first_script_once() {
        let page = with_policy(PAGE).unwrap();
        let meta = page.find("http-equiv=\"Content-Security-Policy\"").unwrap();
        assert!(meta > page.find("<meta charset").unwrap() && meta < page.find("<script").unwrap());
        assert_eq!(with_policy(&page), None, "a page with a policy is not given a second");
        assert_eq!(with_policy("<body></body>"), None);
    }

    #[test]
    fn script_types_that_are_data_blocks_are_not_hashed() {
        assert!(is_executable_script(""));
        assert!(is_executable_script(" type=\"module\""));
        assert!(is_executable_script(" type='text/javascript'"));
        assert!(!is_executable_script(" type=\"application/json\" id=\"corpus\""));
        assert!(!is_executable_script(" type=\"application/ld+json\""));
    }
}
