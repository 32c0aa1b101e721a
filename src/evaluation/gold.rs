//! The gold file format (`docs/annotation.md`): a TOML header, a `---` line,
//! then the raw article with `[[surface|tag|…]]` annotations. Parsing gives
//! back the raw article byte for byte and every annotation's byte span in it;
//! every error names the file and line.

use crate::model::{EntityKind, RelationKind};
use crate::pipeline::manifest::InputError;
use chrono::NaiveDate;
use serde::Deserialize;
use std::ops::Range;

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
    /// `"chosen"`: the annotator chose `published` to resolve relative dates
    /// against, as the source gives none (`docs/annotation.md`).
    anchor: Option<String>,
    title: Option<String>,
    /// `[person, kind, target]` entity ids; absent when the file does not
    /// annotate relations.
    relations: Option<Vec<[String; 3]>>,
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

/// A quotation, marked on its opening quotation mark.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldQuote {
    /// Byte span of the opening mark in the raw article.
    pub mark: Range<usize>,
    /// The entity id of who said it; `None` when the text names nobody.
    pub speaker: Option<String>,
    pub line: usize,
}

/// A point or an interval in calendar time, as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDateValue {
    pub start: String,
    pub end: Option<String>,
}

/// A date expression and its value; `value` is `None` where the text gives no way to one (`?`).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldDate {
    pub span: Range<usize>,
    pub value: Option<GoldDateValue>,
    pub line: usize,
}

/// A number that says how many or how much.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldFigure {
    /// The number as written, with its currency sign and multiplier.
    pub span: Range<usize>,
    pub value: f64,
    /// What is counted; `None` for a bare number (`none`).
    pub unit: Option<String>,
    /// The entity id of who states it; `None` when the reporter does.
    pub claimant: Option<String>,
    /// Figures of one article with the same label are rival claims about one quantity.
    pub conflict: Option<String>,
    pub line: usize,
}

/// A role the text states: `source` (a person) `kind` `target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRelation {
    pub source: String,
    pub kind: RelationKind,
    pub target: String,
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
    pub quotes: Vec<GoldQuote>,
    pub dates: Vec<GoldDate>,
    pub figures: Vec<GoldFigure>,
    /// `None` when the file does not annotate relations.
    pub relations: Option<Vec<GoldRelation>>,
}

const QUOTE_MARKS: &[&str] = &["\"", "“", "'", "‘"];

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real date.
fn is_calendar_value(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let numeric = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [year] => numeric(year, 4),
        [year, month] => numeric(year, 4) && numeric(month, 2) && (1..=12).contains(&month.parse::<u32>().unwrap_or(0)),
        [_, _, _] => NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
        _ => false,
    }
}

fn parse_date_value(text: &str) -> Option<Option<GoldDateValue>> {
    if text == "?" {
        return Some(None);
    }
    let (start, end) = match text.split_once('/') {
        Some((start, end)) => (start, Some(end)),
        None => (text, None),
    };
    (is_calendar_value(start) && end.is_none_or(is_calendar_value))
        .then(|| Some(GoldDateValue { start: start.to_string(), end: end.map(str::to_string) }))
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
    if header.anchor.as_deref().is_some_and(|anchor| anchor != "chosen") {
        return Err(error(None, "header: anchor can only be \"chosen\" (the annotator chose `published`)".into()));
    }
    let relations = header
        .relations
        .map(|list| list.into_iter().map(parse_relation).collect::<Result<Vec<_>, _>>())
        .transpose()
        .map_err(|message| error(None, format!("header: {message}")))?;
    let body_start = split_at + SEPARATOR.len();
    let line_at = |byte: usize| text[..byte].matches('\n').count() + 1;
    let body = &text[body_start..];
    let mut raw = String::with_capacity(body.len());
    let mut mentions = Vec::new();
    let mut quotes = Vec::new();
    let mut dates = Vec::new();
    let mut figures = Vec::new();
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
            [surface, "figure", ..] if !surface.is_empty() && surface.trim() == *surface => (*surface, "figure"),
            _ => return Err(error(Some(line), format!("`[[{inner}]]`: expected [[surface|kind]] or [[surface|kind|entity]]"))),
        };
        let start = raw.len();
        raw.push_str(surface);
        let span = start..raw.len();
        match (tag, fields.get(2)) {
            ("quote", Some(speaker)) if QUOTE_MARKS.contains(&surface) && !speaker.is_empty() => {
                let speaker = (*speaker != "none").then(|| speaker.to_string());
                quotes.push(GoldQuote { mark: span, speaker, line });
            }
            ("quote", _) => {
                return Err(error(
                    Some(line),
                    format!("`[[{inner}]]`: a quote is [[\"|quote|speaker]] on its opening mark, speaker an entity id or none"),
                ))
            }
            ("date", Some(value)) => {
                let value = parse_date_value(value).ok_or_else(|| {
                    error(Some(line), format!("`[[{inner}]]`: a date value is YYYY, YYYY-MM or YYYY-MM-DD, START/END, or ?"))
                })?;
                if value.is_some() && header.published.is_none() {
                    return Err(error(Some(line), format!("`[[{inner}]]`: a dated article needs `published` in the header")));
                }
                dates.push(GoldDate { span, value, line });
            }
            ("figure", _) => {
                let figure = parse_figure(&fields[2..], span, line)
                    .ok_or_else(|| error(Some(line), format!("`[[{inner}]]`: a figure is [[surface|figure|VALUE|UNIT|CLAIMANT]] or with a conflict label |cN, VALUE a plain number, UNIT and CLAIMANT text or none")))?;
                figures.push(figure);
            }
            ("date", None) => {
                return Err(error(Some(line), format!("`[[{inner}]]`: a date needs its value: [[{surface}|date|YYYY-MM-DD]]")))
            }
            _ => {
                let kind = EntityKind::parse(tag).ok_or_else(|| {
                    error(
                        Some(line),
                        format!("`[[{inner}]]`: unknown tag `{tag}`; known: person, organization, place, other, quote, date, figure"),
                    )
                })?;
                let entity = fields.get(2).map_or_else(|| surface.to_lowercase().replace(' ', "-"), |id| id.to_string());
                mentions.push(GoldMention { start: span.start, end: span.end, kind, entity, line });
            }
        }
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
        quotes,
        dates,
        figures,
        relations,
    })
}

/// `[VALUE, UNIT, CLAIMANT]` or with a conflict label after them.
fn parse_figure(fields: &[&str], span: Range<usize>, line: usize) -> Option<GoldFigure> {
    let (value, unit, claimant, conflict) = match fields {
        [value, unit, claimant] => (value, unit, claimant, None),
        [value, unit, claimant, label] if label.starts_with('c') && label.len() > 1 => (value, unit, claimant, Some(label.to_string())),
        _ => return None,
    };
    let value: f64 = value.parse().ok().filter(|v: &f64| v.is_finite())?;
    let optional = |text: &str| (text != "none").then(|| text.to_string());
    (!unit.is_empty() && !claimant.is_empty()).then(|| GoldFigure {
        span,
        value,
        unit: optional(unit),
        claimant: optional(claimant),
        conflict,
        line,
    })
}

fn parse_relation([source, kind, target]: [String; 3]) -> Result<GoldRelation, String> {
    let typed = RelationKind::ALL.into_iter().find(|k| k.as_str() == kind && *k != RelationKind::CoOccurs);
    let kind = typed.ok_or_else(|| format!("relation [{source:?}, {kind:?}, {target:?}]: the kind is one of head_of, spokesperson_of, adviser_to, member_of, affiliated_with"))?;
    Ok(GoldRelation { source, kind, target })
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
    fn quotes_and_dates_are_layers_of_their_own() {
        let header = "source = \"x.txt\"\noutlet = \"BBC News\"\nsplit = \"dev\"\npublished = \"2004-12-15\"\nanchor = \"chosen\"\n---\n";
        let text = format!("{header}[[\"|quote|tony-blair]]Yes,\" said [[Blair|person|tony-blair]] [[last week|date|2004-12-06/2004-12-12]], [[\"|quote|none]]no\" [[then|date|?]].\n");
        let gold = parse("a.gold", "a", &text).unwrap();
        assert_eq!(gold.raw, "\"Yes,\" said Blair last week, \"no\" then.\n");
        assert_eq!(gold.mentions.len(), 1);
        let speakers: Vec<(Range<usize>, Option<&str>)> = gold.quotes.iter().map(|q| (q.mark.clone(), q.speaker.as_deref())).collect();
        assert_eq!(speakers, [(0..1, Some("tony-blair")), (29..30, None)]);
        let values: Vec<(&str, Option<GoldDateValue>)> = gold.dates.iter().map(|d| (&gold.raw[d.span.clone()], d.value.clone())).collect();
        let week = GoldDateValue { start: "2004-12-06".into(), end: Some("2004-12-12".into()) };
        assert_eq!(values, [("last week", Some(week)), ("then", None)]);
    }

    #[test]
    fn figures_and_relations_are_layers_of_their_own() {
        let header = "source = \"x.txt\"\noutlet = \"O\"\nsplit = \"dev\"\nrelations = [[\"khieu-sopheak\", \"spokesperson_of\", \"interior-ministry\"]]\n---\n";
        let text = format!(
            "{header}[[$1.5bn|figure|1500000000|$|none]] and [[36|figure|36|people|us|c1]] not [[34|figure|34|people|cambodia|c1]]\n"
        );
        let gold = parse("a.gold", "a", &text).unwrap();
        assert_eq!(gold.raw, "$1.5bn and 36 not 34\n");
        let figures: Vec<String> = gold
            .figures
            .iter()
            .map(|f| format!("{} {} {:?} {:?} {:?}", &gold.raw[f.span.clone()], f.value, f.unit, f.claimant, f.conflict))
            .collect();
        assert_eq!(
            figures,
            [
                "$1.5bn 1500000000 Some(\"$\") None None",
                "36 36 Some(\"people\") Some(\"us\") Some(\"c1\")",
                "34 34 Some(\"people\") Some(\"cambodia\") Some(\"c1\")"
            ]
        );
        let relation =
            GoldRelation { source: "khieu-sopheak".into(), kind: RelationKind::SpokespersonOf, target: "interior-ministry".into() };
        assert_eq!(gold.relations, Some(vec![relation]));
        assert_eq!(parse("a.gold", "a", &format!("{HEADER}x")).unwrap().relations, None);
    }

    #[test]
    fn bad_figures_and_relations_say_what_is_wrong() {
        let bad = |body: &str| parse("g/a.gold", "a", &format!("{HEADER}{body}")).unwrap_err().to_string();
        assert!(bad("[[5m|figure|5m|$|none]]").starts_with("g/a.gold:5: `[[5m|figure|5m|$|none]]`: a figure is"));
        assert!(bad("[[5|figure|5|people]]").contains("a figure is"));
        assert!(bad("[[5|figure|5|people|none|x]]").contains("a figure is"));
        let header = "source = \"x\"\noutlet = \"o\"\nsplit = \"dev\"\nrelations = [[\"a\", \"co_occurs\", \"b\"]]\n---\n";
        let relation = parse("a.gold", "a", header).unwrap_err().to_string();
        assert!(relation.starts_with("a.gold: header: relation [\"a\", \"co_occurs\", \"b\"]: the kind is one of"), "{relation}");
    }

    #[test]
    fn bad_quotes_and_dates_name_the_line() {
        let bad = |body: &str| parse("g/a.gold", "a", &format!("{HEADER}{body}")).unwrap_err().to_string();
        assert!(bad("[[Yes|quote|x]]").starts_with("g/a.gold:5: `[[Yes|quote|x]]`: a quote is"), "{}", bad("[[Yes|quote|x]]"));
        assert!(bad("[[May|date|2004-13]]").contains("a date value is YYYY"));
        assert!(bad("[[May|date]]").contains("a date needs its value"));
        assert!(bad("[[May|date|2004-05]]").contains("needs `published`"));
        let anchor = parse("a.gold", "a", "source = \"x\"\noutlet = \"o\"\nsplit = \"dev\"\nanchor = \"guess\"\n---\n").unwrap_err();
        assert!(anchor.to_string().contains("anchor can only be"));
    }

    #[test]
    fn errors_name_the_line() {
        let bad = |body: &str| parse("g/a.gold", "a", &format!("{HEADER}{body}")).unwrap_err().to_string();
        assert_eq!(
            bad("one\n[[Blair|people]]"),
            "g/a.gold:6: `[[Blair|people]]`: unknown tag `people`; known: person, organization, place, other, quote, date, figure"
        );
        assert_eq!(bad("[[Blair|person"), "g/a.gold:5: `[[` is never closed");
        assert_eq!(bad("[[ Blair|person]]"), "g/a.gold:5: `[[ Blair|person]]`: expected [[surface|kind]] or [[surface|kind|entity]]");
        let header = parse("a.gold", "a", "source = \"x\"\nsplit = \"test\"\n---\n").unwrap_err().to_string();
        assert!(header.starts_with("a.gold:2: header:"), "{header}");
        assert_eq!(parse("a.gold", "a", "no header").unwrap_err().to_string(), "a.gold: no `---` line after the header");
    }
}
