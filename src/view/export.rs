//! Exports of what the filters show, generated in the browser: CSV and JSON
//! of events, entities, quotes and relations; the events as a TimelineJS3
//! timeline; the graph as SVG, GEXF (Gephi) and GraphML.

use super::decimal::decimal;
use super::filter::{Filtered, Index};
use super::strings::{join, EN};
use crate::json::Writer;
use crate::model::{Article, Corpus, Entity, EntityKind, Event, Precision, Quote, Relation, Span};
use std::collections::HashSet;

/// CSV text written a row at a time, lines ended by CRLF.
struct Csv(String);

impl Csv {
    fn new(header: &[&str]) -> Csv {
        let mut csv = Csv(String::new());
        csv.row(header);
        csv
    }

    /// One line of `fields`, each quoted where it holds a comma, a quote or a line break.
    fn row(&mut self, fields: &[&str]) {
        for (position, text) in fields.iter().enumerate() {
            if position > 0 {
                self.0.push(',');
            }
            let quoted = text.contains([',', '"', '\n', '\r']);
            if quoted {
                self.0.push('"');
            }
            // Leading =,+,-,@ would run as formulas in spreadsheets.
            if text.starts_with(['=', '+', '-', '@']) {
                self.0.push('\'');
            }
            if quoted {
                self.0.push_str(&text.replace('"', "\"\""));
                self.0.push('"');
            } else {
                self.0.push_str(text);
            }
        }
        self.0.push_str("\r\n");
    }
}

pub fn events_csv(corpus: &Corpus, filtered: &Filtered) -> String {
    let mut csv = Csv::new(&["id", "date", "precision", "end", "as_written", "label", "article", "sentence", "entities"]);
    for e in &filtered.events {
        let date = &e.date;
        let end = date.end.as_ref().map_or("", |end| end.value.as_str());
        let evidence = corpus.slice(&e.evidence);
        let value = date.value.as_deref().unwrap_or_default();
        csv.row(&[&e.id, value, date.precision.as_str(), end, &date.as_written, &e.text, &e.article, evidence, &join(&e.entities, " ")]);
    }
    csv.0
}

pub fn entities_csv(filtered: &Filtered) -> String {
    let mut csv = Csv::new(&["id", "name", "kind", "role", "aliases", "mentions"]);
    for e in &filtered.entities {
        let role = e.role.as_deref().unwrap_or_default();
        csv.row(&[&e.id, &e.name, e.kind.as_str(), role, &join(&e.aliases, "; "), &e.mentions.len().to_string()]);
    }
    csv.0
}

pub fn quotes_csv(corpus: &Corpus, index: &Index, filtered: &Filtered) -> String {
    let mut csv = Csv::new(&["id", "speaker", "quote", "article", "sentence"]);
    for q in &filtered.quotes {
        let speaker = q.speaker.as_deref().and_then(|id| index.entity(corpus, id)).map_or("", |e| e.name.as_str());
        csv.row(&[&q.id, speaker, &q.text, &q.evidence.article, corpus.slice(&q.evidence)]);
    }
    csv.0
}

/// A relation's evidence sentences in one field.
fn evidence_text(corpus: &Corpus, evidence: &[&Span]) -> String {
    evidence.iter().map(|s| corpus.slice(s)).collect::<Vec<_>>().join(" | ")
}

pub fn relations_csv(corpus: &Corpus, filtered: &Filtered) -> String {
    let mut csv = Csv::new(&["id", "source", "kind", "target", "evidence_count", "evidence"]);
    for (r, evidence) in filtered.relations.iter() {
        let count = evidence.len().to_string();
        csv.row(&[&r.id, &r.source, r.kind.as_str(), &r.target, &count, &evidence_text(corpus, evidence)]);
    }
    csv.0
}

/// The filtered items as the corpus JSON has them (`docs/corpus-format.md`).
pub fn json(corpus: &Corpus, filtered: &Filtered) -> String {
    let mut w = Writer::default();
    w.object(|w| {
        w.member("corpus_version").string(&corpus.version);
        w.member("events").array(&filtered.events, |w, event| write_event(w, event));
        w.member("entities").array(&filtered.entities, |w, entity| write_entity(w, entity));
        w.member("quotes").array(&filtered.quotes, |w, quote| write_quote(w, quote));
        w.member("relations").array(filtered.relations.iter(), |w, (relation, _)| write_relation(w, relation));
    });
    w.finish()
}

fn write_strings<S: std::ops::Deref<Target = str>>(w: &mut Writer, strings: &[S]) {
    w.array(strings, |w, text| w.string(text));
}

fn write_span(w: &mut Writer, span: &Span) {
    w.object(|w| {
        w.member("article").string(&span.article);
        w.member("start").unsigned(span.start as u64);
        w.member("end").unsigned(span.end as u64);
    });
}

fn write_event(w: &mut Writer, event: &Event) {
    let date = &event.date;
    w.object(|w| {
        w.member("id").string(&event.id);
        w.member("article").string(&event.article);
        w.member("date").object(|w| {
            w.member("value").optional_string(date.value.as_deref());
            w.member("precision").string(date.precision.as_str());
            if let Some(end) = &date.end {
                w.member("end").object(|w| {
                    w.member("value").string(&end.value);
                    w.member("precision").string(end.precision.as_str());
                });
            }
            w.member("resolved").boolean(date.resolved);
            w.member("as_written").string(&date.as_written);
            write_span(w.member("span"), &date.span);
        });
        w.member("text").string(&event.text);
        write_span(w.member("evidence"), &event.evidence);
        write_strings(w.member("entities"), &event.entities);
    });
}

fn write_entity(w: &mut Writer, entity: &Entity) {
    w.object(|w| {
        w.member("id").string(&entity.id);
        w.member("name").string(&entity.name);
        w.member("kind").string(entity.kind.as_str());
        write_strings(w.member("aliases"), &entity.aliases);
        w.member("mentions").array(&entity.mentions, write_span);
        w.member("role").optional_string(entity.role.as_deref());
        write_strings(w.member("roles"), &entity.roles);
        w.member("confidence").float(entity.confidence);
        write_strings(w.member("kind_cues"), &entity.kind_cues);
        w.member("x").float(entity.x);
        w.member("y").float(entity.y);
    });
}

fn write_quote(w: &mut Writer, quote: &Quote) {
    w.object(|w| {
        w.member("id").string(&quote.id);
        w.member("speaker").optional_string(quote.speaker.as_deref());
        w.member("text").string(&quote.text);
        write_span(w.member("span"), &quote.span);
        write_span(w.member("evidence"), &quote.evidence);
    });
}

fn write_relation(w: &mut Writer, relation: &Relation) {
    w.object(|w| {
        w.member("id").string(&relation.id);
        w.member("source").string(&relation.source);
        w.member("target").string(&relation.target);
        w.member("kind").string(relation.kind.as_str());
        w.member("evidence").array(&relation.evidence, write_span);
    });
}

/// TimelineJS3's date object, with only the parts the precision knows.
#[derive(Debug, PartialEq)]
struct TimelineDate {
    year: u32,
    month: Option<u32>,
    day: Option<u32>,
}

fn write_timeline_date(w: &mut Writer, date: &TimelineDate) {
    w.object(|w| {
        w.member("year").unsigned(date.year.into());
        for (name, part) in [("month", date.month), ("day", date.day)] {
            if let Some(part) = part {
                w.member(name).unsigned(part.into());
            }
        }
    });
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
struct SlideText {
    headline: String,
    text: String,
}

/// A TimelineJS3 slide; the parts that are None are left out.
struct Slide {
    unique_id: Option<String>,
    start_date: Option<TimelineDate>,
    end_date: Option<TimelineDate>,
    text: SlideText,
}

fn write_slide(w: &mut Writer, slide: &Slide) {
    w.object(|w| {
        if let Some(id) = &slide.unique_id {
            w.member("unique_id").string(id);
        }
        for (name, date) in [("start_date", &slide.start_date), ("end_date", &slide.end_date)] {
            if let Some(date) = date {
                write_timeline_date(w.member(name), date);
            }
        }
        w.member("text").object(|w| {
            w.member("headline").string(&slide.text.headline);
            w.member("text").string(&slide.text.text);
        });
        // Left on, TimelineJS would turn any address in the text into a link, javascript: ones included.
        w.member("autolink").boolean(false);
    });
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
    })
}

/// The dated events as TimelineJS3 JSON; undated events cannot be placed and are left out.
pub fn timeline_json(corpus: &Corpus, index: &Index, filtered: &Filtered) -> String {
    let title = Slide {
        unique_id: None,
        start_date: None,
        end_date: None,
        text: SlideText { headline: escape(EN.app_title), text: format!("<p>{}</p>", escape(EN.app_subtitle)) },
    };
    let mut w = Writer::default();
    w.object(|w| {
        write_slide(w.member("title"), &title);
        let slides = filtered.events.iter().filter_map(|event| event_slide(corpus, index, event));
        w.member("events").array(slides, |w, slide| write_slide(w, &slide));
    });
    w.finish()
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
    let mut out = String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-600 -600 1200 1200\" font-family=\"sans-serif\" font-size=\"14\">\n",
    );
    // The shown relations know their ends by place among the shown entities, both always shown.
    let position = |place: usize| (filtered.entities[place].x, filtered.entities[place].y);
    for (relation, (source, target), evidence) in filtered.relations.with_ends() {
        let (a, b) = (position(source), position(target));
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
        let mut csv = Csv::new(&["plain", "a, \"b\""]);
        csv.row(&["=SUM(A1)", "@x, \"y\"\r\nz"]);
        assert_eq!(csv.0, "plain,\"a, \"\"b\"\"\"\r\n'=SUM(A1),\"'@x, \"\"y\"\"\r\nz\"\r\n");
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
    fn the_json_export_is_what_serde_writes() {
        #[derive(serde::Serialize)]
        struct Export<'c> {
            corpus_version: &'c str,
            events: &'c [&'c Event],
            entities: &'c [&'c Entity],
            quotes: &'c [&'c Quote],
            relations: Vec<&'c Relation>,
        }
        let mut corpus = corpus();
        corpus.events[0].text = "\"quoted\" \\ tab\t bell\u{7} \u{1f} é".into();
        let index = Index::new(&corpus);
        for state in [ViewState::default(), ViewState::default().reduce(Action::SetQuery("nothing matches this".into()))] {
            let filtered = apply(&corpus, &index, &state.filters());
            let export = Export {
                corpus_version: &corpus.version,
                events: &filtered.events,
                entities: &filtered.entities,
                quotes: &filtered.quotes,
                relations: filtered.relations.iter().map(|(r, _)| r).collect(),
            };
            let (ours, serde) = (json(&corpus, &filtered), serde_json::to_string_pretty(&export).unwrap());
            assert_eq!(ours.lines().zip(serde.lines()).find(|(a, b)| a != b), None, "the first line that differs");
            assert_eq!(ours, serde);
        }
    }

    #[test]
    fn timeline_dates_keep_their_precision() {
        let date = |value, precision| {
            let mut w = Writer::default();
            write_timeline_date(&mut w, &timeline_date(value, precision).expect("a date"));
            serde_json::from_str::<serde_json::Value>(&w.finish()).unwrap()
        };
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
