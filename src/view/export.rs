//! Exports of what the filters show, generated in the browser: CSV and JSON
//! of events, entities, quotes and relations; the events as a TimelineJS3
//! timeline; the graph as SVG, GEXF (Gephi) and GraphML.

use super::decimal::decimal;
use super::filter::{Filtered, Index};
use super::strings::EN;
use crate::model::{Article, Corpus, Entity, EntityKind, Event, Precision, Relation, Span};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

fn csv_field(text: &str) -> String {
    // Leading =,+,-,@ would run as formulas in spreadsheets.
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = header.join(",");
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

pub fn events_csv(corpus: &Corpus, filtered: &Filtered) -> String {
    csv(
        &["id", "date", "precision", "end", "as_written", "label", "article", "sentence", "entities"],
        filtered.events.iter().map(|e| {
            vec![
                e.id.clone(),
                e.date.value.clone().unwrap_or_default(),
                format!("{:?}", e.date.precision).to_lowercase(),
                e.date.end.as_ref().map(|p| p.value.clone()).unwrap_or_default(),
                e.date.as_written.clone(),
                e.text.clone(),
                e.article.to_string(),
                corpus.slice(&e.evidence).to_string(),
                e.entities.join(" "),
            ]
        }),
    )
}

pub fn entities_csv(filtered: &Filtered) -> String {
    csv(
        &["id", "name", "kind", "role", "aliases", "mentions"],
        filtered.entities.iter().map(|e| {
            vec![
                e.id.clone(),
                e.name.clone(),
                e.kind.as_str().into(),
                e.role.clone().unwrap_or_default(),
                e.aliases.join("; "),
                e.mentions.len().to_string(),
            ]
        }),
    )
}

pub fn quotes_csv(corpus: &Corpus, index: &Index, filtered: &Filtered) -> String {
    csv(
        &["id", "speaker", "quote", "article", "sentence"],
        filtered.quotes.iter().map(|q| {
            let speaker = q.speaker.as_deref().and_then(|id| index.entity(corpus, id)).map_or(String::new(), |e| e.name.clone());
            vec![q.id.clone(), speaker, q.text.clone(), q.evidence.article.to_string(), corpus.slice(&q.evidence).to_string()]
        }),
    )
}

/// A relation's evidence sentences in one field.
fn evidence_text(corpus: &Corpus, evidence: &[&Span]) -> String {
    evidence.iter().map(|s| corpus.slice(s)).collect::<Vec<_>>().join(" | ")
}

pub fn relations_csv(corpus: &Corpus, filtered: &Filtered) -> String {
    csv(
        &["id", "source", "kind", "target", "evidence_count", "evidence"],
        filtered.relations.iter().map(|(r, evidence)| {
            vec![
                r.id.clone(),
                r.source.to_string(),
                r.kind.as_str().to_string(),
                r.target.to_string(),
                evidence.len().to_string(),
                evidence_text(corpus, evidence),
            ]
        }),
    )
}

#[derive(Serialize)]
struct Export<'c> {
    corpus_version: &'c str,
    events: &'c [&'c crate::model::Event],
    entities: &'c [&'c Entity],
    quotes: &'c [&'c crate::model::Quote],
    relations: Vec<&'c crate::model::Relation>,
}

pub fn json(corpus: &Corpus, filtered: &Filtered) -> String {
    let export = Export {
        corpus_version: &corpus.version,
        events: &filtered.events,
        entities: &filtered.entities,
        quotes: &filtered.quotes,
        relations: filtered.relations.iter().map(|(r, _)| r).collect(),
    };
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

/// TimelineJS3's date object, with only the parts the precision knows.
#[derive(Debug, PartialEq, Serialize)]
struct TimelineDate {
    year: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` at `precision`; None when the value lacks a part the precision needs.
fn timeline_date(value: &str, precision: Precision) -> Option<TimelineDate> {
    let parts = match precision {
        Precision::Year => 1,
        Precision::Month => 2,
        Precision::Day => 3,
    };
    let numbers: Vec<u32> = value.split('-').take(parts).map(|part| part.parse().ok()).collect::<Option<_>>()?;
    (numbers.len() == parts).then(|| TimelineDate { year: numbers[0], month: numbers.get(1).copied(), day: numbers.get(2).copied() })
}

/// TimelineJS3's text object. Both fields are rendered as HTML.
#[derive(Serialize)]
struct SlideText {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TimelineDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TimelineDate>,
    text: SlideText,
    /// Left on, TimelineJS would turn any address in the text into a link, javascript: ones included.
    autolink: bool,
}

#[derive(Serialize)]
struct Timeline {
    title: Slide,
    events: Vec<Slide>,
}

/// Only http and https addresses become links: others (javascript:, data:) could run code.
/// The article as a source credit in HTML: its title (a link when it has a web address) and outlet.
fn article_credit(article: &Article) -> String {
    let title = escape(&article.title);
    let title = match article.web_address() {
        Some(url) => format!("<a href=\"{}\">{title}</a>", escape(url)),
        None => title,
    };
    format!("<p>{title}, {}</p>", escape(&article.outlet))
}

/// A slide for a dated event: its label, its sentence and its article. The
/// article is credited in the text, never as `media`, which TimelineJS would
/// embed by requesting the article's page from another origin.
fn event_slide(corpus: &Corpus, index: &Index, event: &Event) -> Option<Slide> {
    let start_date = timeline_date(event.date.value.as_deref()?, event.date.precision)?;
    let credit = index.article(corpus, &event.article).map(article_credit).unwrap_or_default();
    Some(Slide {
        unique_id: Some(event.id.clone()),
        start_date: Some(start_date),
        end_date: event.date.end.as_ref().and_then(|end| timeline_date(&end.value, end.precision)),
        text: SlideText { headline: escape(&event.text), text: format!("<p>{}</p>{credit}", escape(corpus.slice(&event.evidence))) },
        autolink: false,
    })
}

/// The dated events as TimelineJS3 JSON; undated events cannot be placed and are left out.
pub fn timeline_json(corpus: &Corpus, index: &Index, filtered: &Filtered) -> String {
    let timeline = Timeline {
        title: Slide {
            unique_id: None,
            start_date: None,
            end_date: None,
            text: SlideText { headline: escape(EN.app_title), text: format!("<p>{}</p>", escape(EN.app_subtitle)) },
            autolink: false,
        },
        events: filtered.events.iter().filter_map(|event| event_slide(corpus, index, event)).collect(),
    };
    serde_json::to_string_pretty(&timeline).unwrap_or_default()
}

/// Every export the explorer offers: file name and MIME type.
pub const FILES: [(&str, &str); 9] = [
    ("events.csv", "text/csv"),
    ("entities.csv", "text/csv"),
    ("quotes.csv", "text/csv"),
    ("relations.csv", "text/csv"),
    ("corpus-view.json", "application/json"),
    ("timeline.json", "application/json"),
    ("relations.svg", "image/svg+xml"),
    ("relations.gexf", "application/gexf+xml"),
    ("relations.graphml", "application/graphml+xml"),
];

/// The content of the export named `file` (one of `FILES`).
pub fn content(file: &str, corpus: &Corpus, index: &Index, filtered: &Filtered) -> String {
    match file {
        "events.csv" => events_csv(corpus, filtered),
        "entities.csv" => entities_csv(filtered),
        "quotes.csv" => quotes_csv(corpus, index, filtered),
        "relations.csv" => relations_csv(corpus, filtered),
        "corpus-view.json" => json(corpus, filtered),
        "timeline.json" => timeline_json(corpus, index, filtered),
        "relations.svg" => graph_svg(filtered),
        "relations.gexf" => relations_gexf(corpus, filtered),
        "relations.graphml" => relations_graphml(corpus, filtered),
        _ => String::new(),
    }
}

pub fn kind_colour(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "#1f6fb5",
        EntityKind::Organization => "#b5531f",
        EntityKind::Place => "#2f8a3a",
        EntityKind::Other => "#7a4fa8",
    }
}

/// The shape of a node: path data centred on the origin with radius `r`.
pub fn kind_shape(kind: EntityKind, r: f64) -> String {
    let at = |value: f64| decimal(value, 2);
    match kind {
        EntityKind::Person => format!("M{r},0A{r},{r} 0 1,1 {},0A{r},{r} 0 1,1 {r},0Z", at(-r), r = at(r)),
        EntityKind::Organization => format!("M{},{}h{}v{}h{}Z", at(-r * 0.9), at(-r * 0.9), at(r * 1.8), at(r * 1.8), at(-r * 1.8)),
        EntityKind::Place => format!("M0,{}L{},{}L{},{}Z", at(-r * 1.1), at(r), at(r * 0.8), at(-r), at(r * 0.8)),
        EntityKind::Other => format!("M0,{}L{r},0L0,{r}L{},0Z", at(-r), at(-r), r = at(r)),
    }
}

/// Text made safe inside XML and HTML, in elements and quoted attributes
/// alike. Control characters are dropped: XML 1.0 cannot carry them at all.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The filtered relations between filtered entities: a graph file with an
/// edge to a node it lacks would not open.
fn graph_relations<'f, 'c>(filtered: &'f Filtered<'c>) -> impl Iterator<Item = (&'c Relation, &'f [&'c Span])> {
    let shown: HashSet<&str> = filtered.entities.iter().map(|e| e.id.as_str()).collect();
    filtered.relations.iter().filter(move |(r, _)| shown.contains(r.source.as_str()) && shown.contains(r.target.as_str()))
}

/// A standalone SVG of the filtered graph at the precomputed positions.
pub fn graph_svg(filtered: &Filtered) -> String {
    let positions: HashMap<&str, (f32, f32)> = filtered.entities.iter().map(|e| (e.id.as_str(), (e.x, e.y))).collect();
    let mut out = String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-600 -600 1200 1200\" font-family=\"sans-serif\" font-size=\"14\">\n",
    );
    for (relation, evidence) in graph_relations(filtered) {
        let (a, b) = (positions[relation.source.as_str()], positions[relation.target.as_str()]);
        out.push_str(&format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#8a8f98\" stroke-opacity=\"0.6\" stroke-width=\"{}\"><title>{}</title></line>\n",
            decimal(a.0, 2),
            decimal(a.1, 2),
            decimal(b.0, 2),
            decimal(b.1, 2),
            decimal(1.0 + (evidence.len() as f64).sqrt(), 1),
            escape(relation.kind.as_str())
        ));
    }
    let most = filtered.entities.iter().map(|e| e.mentions.len()).max().unwrap_or(1);
    for entity in &filtered.entities {
        out.push_str(&format!(
            "<g transform=\"translate({},{})\"><path d=\"{}\" fill=\"{}\"><title>{} ({})</title></path><text y=\"{}\" text-anchor=\"middle\">{}</text></g>\n",
            decimal(entity.x, 2),
            decimal(entity.y, 2),
            kind_shape(entity.kind, super::graph::radius(entity.mentions.len(), most)),
            kind_colour(entity.kind),
            escape(&entity.name),
            entity.kind.as_str(),
            decimal(super::graph::radius(entity.mentions.len(), most) + 14.0, 1),
            escape(&entity.name)
        ));
    }
    out.push_str("</svg>\n");
    out
}

/// Gephi's y axis points up, the explorer's down: positions are mirrored so
/// that Gephi draws the graph the way the explorer does.
fn gephi_y(entity: &Entity) -> f32 {
    -entity.y
}

/// The filtered graph as GEXF 1.3 for Gephi: entities with kind, mentions and
/// position; relations with kind, weight (evidence sentences that survive the
/// filters) and those sentences. Stated relations point from person to
/// organisation or place; co-occurrence has no direction.
pub fn relations_gexf(corpus: &Corpus, filtered: &Filtered) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n",
        "  <graph defaultedgetype=\"directed\" mode=\"static\">\n",
        "    <attributes class=\"node\">\n",
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n",
        "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n",
        "    </attributes>\n",
        "    <attributes class=\"edge\">\n",
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n",
        "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n",
        "    </attributes>\n",
        "    <nodes>\n",
    ));
    for entity in &filtered.entities {
        out.push_str(&format!(
            "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"kind\" value=\"{}\"/><attvalue for=\"mentions\" value=\"{}\"/></attvalues><viz:position x=\"{}\" y=\"{}\" z=\"0\"/></node>\n",
            escape(&entity.id),
            escape(&entity.name),
            entity.kind.as_str(),
            entity.mentions.len(),
            decimal(entity.x, 2),
            decimal(gephi_y(entity), 2)
        ));
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (relation, evidence) in graph_relations(filtered) {
        out.push_str(&format!(
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" type=\"{}\" label=\"{kind}\" weight=\"{}\"><attvalues><attvalue for=\"kind\" value=\"{kind}\"/><attvalue for=\"evidence\" value=\"{}\"/></attvalues></edge>\n",
            escape(&relation.id),
            escape(&relation.source),
            escape(&relation.target),
            if relation.kind.is_typed() { "directed" } else { "undirected" },
            evidence.len(),
            escape(&evidence_text(corpus, evidence)),
            kind = relation.kind.as_str(),
        ));
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// The same graph as GraphML, with the same attributes declared as keys.
/// Edges are undirected unless the relation is stated.
pub fn relations_graphml(corpus: &Corpus, filtered: &Filtered) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
        "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n",
        "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"float\"/>\n",
        "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"float\"/>\n",
        "  <key id=\"relation_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n",
        "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n",
        "  <graph id=\"relations\" edgedefault=\"undirected\">\n",
    ));
    for entity in &filtered.entities {
        out.push_str(&format!(
            "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"kind\">{}</data><data key=\"mentions\">{}</data><data key=\"x\">{}</data><data key=\"y\">{}</data></node>\n",
            escape(&entity.id),
            escape(&entity.name),
            entity.kind.as_str(),
            entity.mentions.len(),
            decimal(entity.x, 2),
            decimal(gephi_y(entity), 2)
        ));
    }
    for (relation, evidence) in graph_relations(filtered) {
        out.push_str(&format!(
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\" directed=\"{}\"><data key=\"relation_kind\">{}</data><data key=\"weight\">{}</data><data key=\"evidence\">{}</data></edge>\n",
            escape(&relation.id),
            escape(&relation.source),
            escape(&relation.target),
            relation.kind.is_typed(),
            relation.kind.as_str(),
            evidence.len(),
            escape(&evidence_text(corpus, evidence)),
        ));
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::filter::{apply, Index};
    use crate::view::state::{Action, ViewState};

    fn corpus() -> Corpus {
        serde_json::from_str(include_str!("../../corpus/corpus.json")).expect("shipped corpus parses")
    }

    #[test]
    fn csv_escapes_quotes_commas_and_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
    }

    #[test]
    fn exports_hold_every_filtered_item() {
        let corpus = corpus();
        let filtered = apply(&corpus, &Index::new(&corpus), &ViewState::default().filters());
        assert_eq!(events_csv(&corpus, &filtered).lines().count(), corpus.events.len() + 1);
        assert_eq!(entities_csv(&filtered).lines().count(), corpus.entities.len() + 1);
        assert!(quotes_csv(&corpus, &Index::new(&corpus), &filtered).contains("Khieu Sopheak"));
        assert!(relations_csv(&corpus, &filtered).contains("spokesperson_of"));
        let json: serde_json::Value = serde_json::from_str(&json(&corpus, &filtered)).expect("valid JSON");
        assert_eq!(json["events"].as_array().map(Vec::len), Some(corpus.events.len()));
        let svg = graph_svg(&filtered);
        for (file, _) in FILES {
            assert!(!content(file, &corpus, &Index::new(&corpus), &filtered).is_empty(), "{file}");
        }
        assert_eq!(svg.matches("<g ").count(), corpus.entities.len());
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    }

    fn slides(timeline: &str) -> Vec<serde_json::Value> {
        let timeline: serde_json::Value = serde_json::from_str(timeline).expect("valid JSON");
        timeline["events"].as_array().cloned().unwrap_or_default()
    }

    #[test]
    fn timeline_dates_keep_their_precision() {
        let date = |value, precision| serde_json::to_value(timeline_date(value, precision)).unwrap();
        assert_eq!(date("2017", Precision::Year), serde_json::json!({"year": 2017}));
        assert_eq!(date("2016-09", Precision::Month), serde_json::json!({"year": 2016, "month": 9}));
        assert_eq!(date("2017-02-08", Precision::Day), serde_json::json!({"year": 2017, "month": 2, "day": 8}));
        assert_eq!(timeline_date("2017", Precision::Day), None);
        assert_eq!(timeline_date("sometime", Precision::Year), None);

        let corpus = corpus();
        let filtered = apply(&corpus, &Index::new(&corpus), &ViewState::default().filters());
        let slides = slides(&timeline_json(&corpus, &Index::new(&corpus), &filtered));
        // "Since 2002", in an article of 8 February 2017: a year that runs to a day.
        let since = slides.iter().find(|s| s["unique_id"] == "ev-7").expect("the slide since 2002");
        assert_eq!(since["start_date"], serde_json::json!({"year": 2002}));
        assert_eq!(since["end_date"], serde_json::json!({"year": 2017, "month": 2, "day": 8}));
        let points = slides.iter().filter(|s| s.get("end_date").is_none()).count();
        assert_eq!(points, corpus.events.iter().filter(|e| e.date.end.is_none()).count());
    }

    #[test]
    fn graph_and_timeline_exports_hold_the_filtered_items() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        for state in [ViewState::default(), ViewState::default().reduce(Action::ToggleKind(EntityKind::Person))] {
            let filtered = apply(&corpus, &index, &state.filters());
            assert_eq!(slides(&timeline_json(&corpus, &Index::new(&corpus), &filtered)).len(), filtered.events.len());
            for graph in [relations_gexf(&corpus, &filtered), relations_graphml(&corpus, &filtered)] {
                assert_eq!(graph.matches("<node ").count(), filtered.entities.len());
                assert_eq!(graph.matches("<edge ").count(), filtered.relations.len());
            }
        }
        let people = apply(&corpus, &index, &ViewState::default().reduce(Action::ToggleKind(EntityKind::Person)).filters());
        assert!(people.entities.len() < corpus.entities.len() && !people.relations.is_empty());
        let gexf = relations_gexf(&corpus, &people);
        assert!(!gexf.contains("value=\"organization\""), "the kind filter holds");
    }

    #[test]
    fn graph_edges_weigh_the_evidence_that_survives_the_filters() {
        let corpus = corpus();
        let relation = corpus
            .relations
            .iter()
            .find(|r| r.evidence.iter().any(|span| span.article != r.evidence[0].article))
            .expect("a relation with evidence in two articles");
        // Only the first article's evidence survives when the view keeps that article alone.
        let only_first = ViewState::default().reduce(Action::ToggleArticle(relation.evidence[0].article.to_string()));
        let mut filtered = apply(&corpus, &Index::new(&corpus), &only_first.filters());
        let kept: Vec<&Span> = relation.evidence.iter().filter(|span| span.article == relation.evidence[0].article).collect();
        assert!(kept.len() < relation.evidence.len());
        let id = &relation.id;
        let gexf = relations_gexf(&corpus, &filtered);
        let edge = gexf.lines().find(|l| l.contains(&format!("<edge id=\"{id}\""))).expect("the edge");
        let weight = format!("weight=\"{}\"", kept.len());
        assert!(edge.contains(&weight) && edge.contains(&escape(&evidence_text(&corpus, &kept))), "{edge}");
        filtered.entities.retain(|e| e.id != relation.source);
        let graphml = relations_graphml(&corpus, &filtered);
        assert!(!graphml.contains(&format!("<edge id=\"{id}\"")), "no edge to an entity left out");
    }

    #[test]
    fn undated_events_are_no_slides() {
        let mut corpus = corpus();
        corpus.events[0].date.value = None;
        let filtered = apply(&corpus, &Index::new(&corpus), &ViewState::default().filters());
        let slides = slides(&timeline_json(&corpus, &Index::new(&corpus), &filtered));
        assert_eq!(slides.len(), filtered.events.len() - 1);
        assert!(slides.iter().all(|s| s["unique_id"] != corpus.events[0].id.as_str()));
    }

    #[test]
    fn hostile_text_is_escaped_and_only_web_addresses_link() {
        let hostile = "<script>alert(\"x\")</script> & 'co'";
        let mut corpus = corpus();
        let article = corpus.events[0].article.clone();
        let source = corpus.articles.iter_mut().find(|a| a.id == article).expect("the event's article");
        (source.title, source.outlet, source.url) = (hostile.into(), hostile.into(), Some("javascript:alert(1)".into()));
        corpus.events[0].text = hostile.into();
        corpus.entities[0].name = format!("{hostile}\u{7}");
        let filtered = apply(&corpus, &Index::new(&corpus), &ViewState::default().filters());
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;";
        let slide = slides(&timeline_json(&corpus, &Index::new(&corpus), &filtered))
            .into_iter()
            .find(|s| s["unique_id"] == corpus.events[0].id.as_str())
            .unwrap();
        assert_eq!(slide["text"]["headline"], escaped);
        let text = slide["text"]["text"].as_str().unwrap_or_default();
        assert!(text.ends_with(&format!("<p>{escaped}, {escaped}</p>")) && !text.contains("<a"), "{text}");
        for graph in [relations_gexf(&corpus, &filtered), relations_graphml(&corpus, &filtered), graph_svg(&filtered)] {
            assert!(graph.contains(escaped) && !graph.contains("<script") && !graph.contains('\u{7}'));
        }

        let web = Article { url: Some("HTTPS://example.org/a?b=1&c=\"2\"".into()), ..corpus.articles[0].clone() };
        assert!(article_credit(&web).contains("<a href=\"HTTPS://example.org/a?b=1&amp;c=&quot;2&quot;\">"));
        for url in ["javascript:alert(1)", "data:text/html,x", "//example.org", "httpx://example.org"] {
            assert!(!article_credit(&Article { url: Some(url.into()), ..web.clone() }).contains("<a"), "{url}");
        }
    }
}
