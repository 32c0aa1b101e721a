//! The article manifest (`corpus.toml`) and article bytes: parsed and
//! checked here, with errors that name the file and line. Reading the files
//! is the caller's job.

use crate::model::is_web_address;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use toml::Spanned;

#[derive(Debug, Clone, PartialEq)]
pub struct ManifestEntry {
    pub file: String,
    /// Line of the entry's `file` key, for error messages.
    pub line: usize,
    pub outlet: String,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub title: Option<String>,
}

/// An error that names where it is: "corpus/corpus.toml:12: …".
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for InputError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    #[serde(default)]
    article: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    file: Spanned<String>,
    outlet: String,
    published: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    title: Option<String>,
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

/// Parses `corpus.toml`; `name` is how errors refer to it.
pub fn parse(name: &str, text: &str) -> Result<Vec<ManifestEntry>, InputError> {
    let error = |line: Option<usize>, message: String| InputError { file: name.to_string(), line, message };
    let raw: RawManifest = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|span| line_of(text, span.start));
        error(line, e.message().to_string())
    })?;
    if raw.article.is_empty() {
        return Err(error(None, "no [[article]] entries".into()));
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut entries = Vec::with_capacity(raw.article.len());
    for entry in raw.article {
        let line = line_of(text, entry.file.span().start);
        let file = entry.file.into_inner();
        if file.trim().is_empty() {
            return Err(error(Some(line), "`file` is empty".into()));
        }
        if let Some(first) = seen.insert(file.clone(), line) {
            return Err(error(Some(line), format!("duplicate file `{file}` (first listed on line {first})")));
        }
        let published = match entry.published {
            None => None,
            Some(value) => {
                let at = line_of(text, value.span().start);
                let date = NaiveDate::parse_from_str(value.get_ref(), "%Y-%m-%d")
                    .ok()
                    .filter(|_| value.get_ref().len() == 10)
                    .ok_or_else(|| error(Some(at), format!("malformed `published` date `{}`: expected YYYY-MM-DD", value.get_ref())))?;
                Some(date)
            }
        };
        if entry.outlet.trim().is_empty() {
            return Err(error(Some(line), "`outlet` is empty".into()));
        }
        let url = match entry.url {
            None => None,
            Some(value) if is_web_address(value.get_ref()) => Some(value.into_inner()),
            Some(value) => {
                let at = line_of(text, value.span().start);
                let message = format!("`url` {:?} is not an absolute http or https address", value.get_ref());
                return Err(error(Some(at), message));
            }
        };
        entries.push(ManifestEntry { file, line, outlet: entry.outlet, published, url, title: entry.title });
    }
    Ok(entries)
}

/// The most bytes an article file may have: a hundred times the longest of
/// 2,095 BBC articles (25 KB) and ten times long-form features; a larger file
/// is a dump or several articles, and would only make the build slow.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Checks an article file's bytes: not empty, not too large, not binary, valid UTF-8.
pub fn decode_article(name: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    let error = |line: Option<usize>, message: &str| InputError { file: name.to_string(), line, message: message.to_string() };
    let line_at = |bytes: &[u8], at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    if bytes.len() > MAX_ARTICLE_BYTES {
        let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
        let message = format!(
            "{:.1} MiB, more than the {:.0} MiB an article may have: is it several articles? Split it into one file per article",
            mib(bytes.len()),
            mib(MAX_ARTICLE_BYTES)
        );
        return Err(error(None, &message));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(error(None, "file is empty"));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(error(Some(line_at(&bytes, at)), "binary file (NUL byte), expected UTF-8 text"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        error(Some(line_at(e.as_bytes(), at)), &format!("not valid UTF-8 (byte {at})"))
    })
}

/// The article id for a manifest `file`: its name without folders or extension, as a slug.
pub fn article_id(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    super::merge::slug(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        parse("corpus.toml", text).unwrap_err().to_string()
    }

    #[test]
    fn parses_entries_with_lines() {
        let entries = parse(
            "corpus.toml",
            "[[article]]\nfile = \"a/b.txt\"\noutlet = \"Post\"\npublished = \"2018-01-29\"\n\n[[article]]\nfile = \"c.txt\"\noutlet = \"Daily\"\n",
        )
        .unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].line, 2);
        assert_eq!(entries[0].published, NaiveDate::from_ymd_opt(2018, 1, 29));
        assert_eq!(entries[1].published, None);
        assert_eq!(article_id(&entries[0].file), "b");
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            error_of("[[article]]\nfile = \"a.txt\"\noutlet = \"P\"\npublished = \"2018-13-01\"\n"),
            "corpus.toml:4: malformed `published` date `2018-13-01`: expected YYYY-MM-DD"
        );
        assert!(error_of("[[article]]\nfile = \"a.txt\"\noutlet = \"P\"\nauthor = \"x\"\n")
            .starts_with("corpus.toml:4: unknown field `author`"));
        assert_eq!(
            error_of("[[article]]\nfile = \"a.txt\"\noutlet = \"P\"\n[[article]]\nfile = \"a.txt\"\noutlet = \"Q\"\n"),
            "corpus.toml:5: duplicate file `a.txt` (first listed on line 2)"
        );
        assert!(error_of("[[article]]\noutlet = \"P\"\n").starts_with("corpus.toml:1: missing field `file`"));
    }

    #[test]
    fn only_web_addresses_are_accepted_as_urls() {
        let entry = |url: &str| format!("[[article]]\nfile = \"a.txt\"\noutlet = \"P\"\n\n\nurl = {url:?}\n");
        assert_eq!(
            error_of(&entry("javascript:alert(document.domain)")),
            "corpus.toml:6: `url` \"javascript:alert(document.domain)\" is not an absolute http or https address"
        );
        assert!(error_of(&entry("//example.org/a")).starts_with("corpus.toml:6: `url`"));
        let accepted = parse("corpus.toml", &entry("https://example.org/a")).unwrap();
        assert_eq!(accepted[0].url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn article_bytes_are_checked() {
        assert_eq!(decode_article("x.txt", b"  \n".to_vec()).unwrap_err().to_string(), "x.txt: file is empty");
        assert_eq!(
            decode_article("x.txt", b"a\nb\0".to_vec()).unwrap_err().to_string(),
            "x.txt:2: binary file (NUL byte), expected UTF-8 text"
        );
        assert_eq!(decode_article("x.txt", b"ok\nok\n\xff".to_vec()).unwrap_err().to_string(), "x.txt:3: not valid UTF-8 (byte 6)");
        assert_eq!(decode_article("x.txt", "caf\u{e9}".as_bytes().to_vec()).unwrap(), "caf\u{e9}");
        assert_eq!(
            decode_article("x.txt", vec![b'a'; MAX_ARTICLE_BYTES + 1]).unwrap_err().to_string(),
            "x.txt: 2.0 MiB, more than the 2 MiB an article may have: is it several articles? Split it into one file per article"
        );
        assert!(decode_article("x.txt", vec![b'a'; MAX_ARTICLE_BYTES]).is_ok());
    }
}
