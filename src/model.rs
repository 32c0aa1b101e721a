//! The corpus model: the JSON contract between the pipeline that writes a
//! corpus and the explorer that reads it. `docs/corpus-format.md` documents
//! every field; change both together and bump [`SCHEMA_VERSION`] when a
//! reader would misread old files.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// 2: `text` starts with the headline, a paragraph of kind `headline`.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub schema_version: u32,
    /// Short content hash of everything else, so links can name the corpus they were made for.
    pub version: String,
    pub articles: Vec<Article>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
    pub relations: Vec<Relation>,
}

/// UTF-8 byte offsets into one article's cleaned `text`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub article: SharedId,
    pub start: usize,
    pub end: usize,
}

/// An id by which one item names another: a span or an event its article,
/// a relation its two entities, an event the entities it is about, a quote
/// its speaker, a figure its claimant. A string in the JSON, shared in
/// memory: a corpus has a span for every mention, statement and piece of
/// evidence (about 190,000 for 2,095 BBC articles) and two entity ids for
/// every relation (44,639), so one copy of the id for each would cost more
/// memory than the articles' text; items read back from the page share the
/// named item's one copy (`page::CorpusReader`). Entities name their kind
/// cues the same way, each cue a shared copy (19,183 cues of 33 kinds for
/// the BBC entities). Compares, hashes and orders as its text.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SharedId(Arc<str>);

impl SharedId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for SharedId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for SharedId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SharedId {
    fn from(id: &str) -> SharedId {
        SharedId(id.into())
    }
}

impl From<String> for SharedId {
    fn from(id: String) -> SharedId {
        SharedId(id.into())
    }
}

impl PartialEq<str> for SharedId {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for SharedId {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<SharedId> for String {
    fn eq(&self, other: &SharedId) -> bool {
        **self == *other.0
    }
}

impl PartialEq<String> for SharedId {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl std::fmt::Display for SharedId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for SharedId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for SharedId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SharedId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SharedId, D::Error> {
        String::deserialize(deserializer).map(SharedId::from)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub url: Option<String>,
    /// `YYYY-MM-DD`, or null when the manifest gives none.
    pub published: Option<String>,
    /// The cleaned article, headline first; paragraphs separated by one blank line.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    /// `[start, end]` byte offsets of every sentence, in order.
    pub sentences: Vec<[usize; 2]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// The article's headline: always the first paragraph, when there is one.
    Headline,
    Body,
    Caption,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub kind: ParagraphKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Other];

    /// Its position in [`EntityKind::ALL`], for per-kind arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// Below this `Entity::confidence` a kind is a guess (the explorer says so).
pub const SURE_KIND: f32 = 0.6;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    /// The fullest form the text gives.
    pub name: String,
    pub kind: EntityKind,
    /// Every other surface form seen.
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    /// The first role or title the text gives ("spokesman", "head of immigration").
    pub role: Option<String>,
    /// Every distinct role or title the text gives.
    pub roles: Vec<String>,
    /// How sure the pipeline is of `kind`, 0 to 1: the kind's share of the
    /// weight of all cues found for any kind (`docs/corpus-format.md`).
    pub confidence: f32,
    /// The cues that were weighed for the kind, strongest kind's first
    /// ("place gazetteer", "team in a sports report"): a few dozen, each
    /// shared in memory by the entities that name it, like an id.
    pub kind_cues: Vec<SharedId>,
    /// Precomputed graph position, in layout units around the origin.
    pub x: f32,
    pub y: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    pub const ALL: [Precision; 3] = [Precision::Year, Precision::Month, Precision::Day];

    /// The name the corpus JSON gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A normalised point in time: `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
/// to match `precision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatePoint {
    pub value: String,
    pub precision: Precision,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// Null when the expression is relative and the article has no
    /// publication date to resolve it against (then `resolved` is false).
    pub value: Option<String>,
    pub precision: Precision,
    /// The end of an interval ("since 2002", "last week"); absent for points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<DatePoint>,
    pub resolved: bool,
    /// The temporal expression exactly as written.
    pub as_written: String,
    /// Where the expression stands in the text.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub article: SharedId,
    pub date: EventDate,
    /// A short label made from the statement.
    pub text: String,
    /// The sentence that states it.
    pub evidence: Span,
    /// Entities mentioned in that sentence.
    pub entities: Vec<SharedId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    /// Entity id, or null when nobody is named.
    pub speaker: Option<SharedId>,
    /// The quoted words, without quotation marks.
    pub text: String,
    /// The quoted words' own span.
    pub span: Span,
    /// The sentence that carries the quote.
    pub evidence: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    pub value: f64,
    /// The figure as written, with what it counts ("47 people").
    pub text: String,
    /// What is counted, when the text says ("people", "Cambodians", "%").
    pub unit: Option<String>,
    /// "roughly", "only", "more than" … as written before the number.
    pub qualifier: Option<String>,
    pub span: Span,
    pub evidence: Span,
    pub claimant: Option<SharedId>,
    /// Figures for the same quantity that disagree with this one.
    pub conflicts_with: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub id: String,
    pub source: SharedId,
    pub target: SharedId,
    pub kind: RelationKind,
    /// Every supporting span (sentences).
    pub evidence: Vec<Span>,
}

/// What a relation says: a role the text states (person → organisation or
/// place) or that two entities are named in one sentence. The JSON spells
/// each as [`RelationKind::as_str`]; `view::strings::relation_name` words it
/// for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    SpokespersonOf,
    AdviserTo,
    HeadOf,
    MemberOf,
    /// A role tied to a place ("US Federal Judge").
    AffiliatedWith,
    /// Named in one sentence.
    CoOccurs,
}

impl RelationKind {
    pub const ALL: [RelationKind; 6] = [
        RelationKind::SpokespersonOf,
        RelationKind::AdviserTo,
        RelationKind::HeadOf,
        RelationKind::MemberOf,
        RelationKind::AffiliatedWith,
        RelationKind::CoOccurs,
    ];

    /// The JSON value, also used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::SpokespersonOf => "spokesperson_of",
            RelationKind::AdviserTo => "adviser_to",
            RelationKind::HeadOf => "head_of",
            RelationKind::MemberOf => "member_of",
            RelationKind::AffiliatedWith => "affiliated_with",
            RelationKind::CoOccurs => "co_occurs",
        }
    }

    /// A relation the text states, as opposed to co-occurrence.
    pub fn is_typed(self) -> bool {
        self != RelationKind::CoOccurs
    }
}

/// Ordered by the JSON string, so relations (and their `rel-N` ids) keep the
/// order they had when the kind was a string.
impl Ord for RelationKind {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RelationKind {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl EventDate {
    /// The date as a reader is shown it: normalised, or as written when it
    /// could not be placed.
    pub fn shown(&self) -> &str {
        self.value.as_deref().unwrap_or(&self.as_written)
    }
}

impl Corpus {
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|article| article.id == id)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|entity| entity.id == id)
    }

    /// The text a span covers, or "" when it points nowhere.
    pub fn slice(&self, span: &Span) -> &str {
        self.article(&span.article).and_then(|article| article.text.get(span.start..span.end)).unwrap_or("")
    }
}

/// Whether `url` may be a link: an absolute `http` or `https` address with a
/// host, and nothing a browser would strip or read as another scheme
/// (whitespace or control characters). The pipeline refuses other values;
/// the explorer shows them as text, since a corpus may come from anywhere.
pub fn is_web_address(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once("://") else { return false };
    let host_starts = rest.chars().next().is_some_and(|c| !matches!(c, '/' | '?' | '#'));
    (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
        && host_starts
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

impl Article {
    /// The article's address when it may be a link ([`is_web_address`]).
    pub fn web_address(&self) -> Option<&str> {
        self.url.as_deref().filter(|url| is_web_address(url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_http_and_https_addresses_are_web_addresses() {
        for url in ["https://example.org/a?b=c#d", "http://example.org", "HTTPS://EXAMPLE.ORG/"] {
            assert!(is_web_address(url), "{url}");
        }
        let refused = [
            "javascript:alert(document.domain)",
            "JavaScript://example.org/%0aalert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "//example.org/protocol-relative",
            "/relative/path",
            "example.org",
            "https:example.org",
            "https:///no-host",
            "https://",
            " https://example.org",
            "https://example.org/\nline",
            "https://exa mple.org",
            "",
        ];
        for url in refused {
            assert!(!is_web_address(url), "{url:?}");
        }
    }

    #[test]
    fn a_date_is_shown_normalised_or_as_written_when_it_cannot_be_placed() {
        let span = Span { article: "a".into(), start: 0, end: 6 };
        let mut date = EventDate {
            value: Some("2004-12-10".into()),
            precision: Precision::Day,
            end: None,
            resolved: true,
            as_written: "Friday".into(),
            span,
        };
        assert_eq!(date.shown(), "2004-12-10");
        (date.value, date.resolved) = (None, false);
        assert_eq!(date.shown(), "Friday");
    }

    #[test]
    fn precisions_are_named_as_in_json() {
        for precision in Precision::ALL {
            assert_eq!(serde_json::to_string(&precision).unwrap(), format!("\"{}\"", precision.as_str()));
        }
    }

    #[test]
    fn relation_kinds_keep_their_json_strings_and_string_order() {
        for kind in RelationKind::ALL {
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind.as_str()));
            assert_eq!(serde_json::from_str::<RelationKind>(&format!("\"{}\"", kind.as_str())).unwrap(), kind);
            assert_eq!(kind.is_typed(), kind != RelationKind::CoOccurs);
        }
        let mut by_enum = RelationKind::ALL.to_vec();
        by_enum.sort();
        let mut by_string: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
        by_string.sort();
        assert_eq!(by_enum.iter().map(|k| k.as_str()).collect::<Vec<_>>(), by_string);
    }
}
