//! The gold file format (`docs/annotation.md`): a TOML header, a `---` line,
//! then the raw article with `[[surface|tag|…]]` annotations. Parsing gives
//! back the raw article byte for byte and every annotation's byte span in it;
//! every error names the file and line.

use crate::model::EntityKind;
use crate::pipeline::manifest::InputError;
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// May be read while writing rules.
    Dev,
    /// Never read while writing rules; scored to check that a change generalises.
    Heldout,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    source: String,
    outlet: String,
    split: Split,
    published: Option<String>,
    title: Option<String>,
}

/// One annotated name: where it stands in the raw article, its kind and
/// the real-world entity it names.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// Same id, same real entity, across the whole gold set.
    pub entity: String,
    /// Line of the gold file, for reports.
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// The file name without `.gold`; also the article id in the built corpus.
    pub id: String,
    /// Where the raw article came from, relative to `../shared/`.
    pub source: String,
    pub outlet: String,
    pub split: Split,
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    /// The article exactly as scraped: the body with the markup removed.
    pub raw: String,
    pub mentions: Vec<GoldMention>,
}

const SEPARATOR: &str = "\n---\n";

/// Parses one gold file; `file` names it in errors.
pub fn parse(file: &str, id: &str, text: &str) -> Result<GoldArticle, InputError> {
    let error = |line: Option<usize>, message: String| InputError { file: file.to_string(), line, message };
    let Some(split_at) = text.find(SEPARATOR) else {
        return Err(error(None, "no `---` line after the header".into()));
    };
    let header: Header = toml::from_str(&text[..split_at]).map_err(|e| {
        let line = e.span().map(|span| text[..span.start].matches('\n').count() + 1);
        error(line, format!("header: {}", e.message()))
    })?;
    let published = header
        .published
        .as_deref()
        .map(|value| NaiveDate::parse_from_str(value, "%Y-%m-%d"))
        .transpose()
        .map_err(|_| error(None, format!("header: published `{}` is not YYYY-MM-DD", header.published.as_deref().unwrap_or(""))))?;
    let body_start = split_at + SEPARATOR.len();
    let line_at = |byte: usize| text[..byte].matches('\n').count() + 1;
    let body = &text[body_start..];
    let mut raw = String::with_capacity(body.len());
    let mut mentions = Vec::new();
    let mut rest = 0;
    while let Some(open) = body[rest..].find("[[").map(|i| rest + i) {
        raw.push_str(&body[rest..open]);
        let line = line_at(body_start + open);
        let close = body[open..].find("]]").map(|i| open + i).ok_or_else(|| error(Some(line), "`[[` is never closed".into()))?;
        let inner = &body[open + 2..close];
        if inner.contains("[[") || inner.contains('\n') {
            return Err(error(Some(line), format!("`[[{inner}]]`: annotations cannot nest or span lines")));
        }
        let fields: Vec<&str> = inner.split('|').collect();
        let (surface, tag) = match fields.as_slice() {
            [surface, tag] | [surface, tag, _] if !surface.is_empty() && surface.trim() == *surface => (*surface, *tag),
            _ => return Err(error(Some(line), format!("`[[{inner}]]`: expected [[surface|kind]] or [[surface|kind|entity]]"))),
        };
        let kind = EntityKind::parse(tag)
            .ok_or_else(|| error(Some(line), format!("`[[{inner}]]`: unknown tag `{tag}`; known: person, organization, place, other")))?;
        let entity = fields.get(2).map_or_else(|| surface.to_lowercase().replace(' ', "-"), |id| id.to_string());
        let start = raw.len();
        raw.push_str(surface);
        mentions.push(GoldMention { start, end: raw.len(), kind, entity, line });
        rest = close + 2;
    }
    raw.push_str(&body[rest..]);
    Ok(GoldArticle {
        id: id.to_string(),
        source: header.source,
        outlet: header.outlet,
        split: header.split,
        published,
        title: header.title,
        raw,
        mentions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "source = \"x.txt\"\noutlet = \"BBC News\"\nsplit = \"dev\"\n---\n";

    #[test]
    fn markup_strips_back_to_the_raw_text() {
        let text = format!("{HEADER}Mr [[Blair|person|tony-blair]]'s [[Labour Party|organization]]\nin [[UK|place|united-kingdom]].\n");
        let gold = parse("a.gold", "a", &text).unwrap();
        assert_eq!(gold.raw, "Mr Blair's Labour Party\nin UK.\n");
        let found: Vec<(&str, EntityKind, &str, usize)> =
            gold.mentions.iter().map(|m| (&gold.raw[m.start..m.end], m.kind, m.entity.as_str(), m.line)).collect();
        assert_eq!(
            found,
            [
                ("Blair", EntityKind::Person, "tony-blair", 5),
                ("Labour Party", EntityKind::Organization, "labour-party", 5),
                ("UK", EntityKind::Place, "united-kingdom", 6)
            ]
        );
    }

    #[test]
    fn errors_name_the_line() {
        let bad = |body: &str| parse("g/a.gold", "a", &format!("{HEADER}{body}")).unwrap_err().to_string();
        assert_eq!(
            bad("one\n[[Blair|people]]"),
            "g/a.gold:6: `[[Blair|people]]`: unknown tag `people`; known: person, organization, place, other"
        );
        assert_eq!(bad("[[Blair|person"), "g/a.gold:5: `[[` is never closed");
        assert_eq!(bad("[[ Blair|person]]"), "g/a.gold:5: `[[ Blair|person]]`: expected [[surface|kind]] or [[surface|kind|entity]]");
        let header = parse("a.gold", "a", "source = \"x\"\nsplit = \"test\"\n---\n").unwrap_err().to_string();
        assert!(header.starts_with("a.gold:2: header:"), "{header}");
        assert_eq!(parse("a.gold", "a", "no header").unwrap_err().to_string(), "a.gold: no `---` line after the header");
    }
}
