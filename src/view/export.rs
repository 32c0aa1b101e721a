//! Exports of what the filters show, generated in the browser: CSV and JSON
//! of events, entities, quotes and relations, and the graph as SVG.

use super::filter::Filtered;
use crate::model::{Corpus, Entity, EntityKind};
use serde::Serialize;

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
                e.article.clone(),
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

pub fn quotes_csv(corpus: &Corpus, filtered: &Filtered) -> String {
    csv(
        &["id", "speaker", "quote", "article", "sentence"],
        filtered.quotes.iter().map(|q| {
            let speaker = q.speaker.as_deref().and_then(|id| corpus.entity(id)).map_or(String::new(), |e| e.name.clone());
            vec![q.id.clone(), speaker, q.text.clone(), q.evidence.article.clone(), corpus.slice(&q.evidence).to_string()]
        }),
    )
}

pub fn relations_csv(corpus: &Corpus, filtered: &Filtered) -> String {
    csv(
        &["id", "source", "kind", "target", "evidence_count", "evidence"],
        filtered.relations.iter().map(|(r, evidence)| {
            vec![
                r.id.clone(),
                r.source.clone(),
                r.kind.as_str().to_string(),
                r.target.clone(),
                evidence.len().to_string(),
                evidence.iter().map(|s| corpus.slice(s)).collect::<Vec<_>>().join(" | "),
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
        relations: filtered.relations.iter().map(|(r, _)| *r).collect(),
    };
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

/// Every export the explorer offers: file name and MIME type.
pub const FILES: [(&str, &str); 6] = [
    ("events.csv", "text/csv"),
    ("entities.csv", "text/csv"),
    ("quotes.csv", "text/csv"),
    ("relations.csv", "text/csv"),
    ("corpus-view.json", "application/json"),
    ("relations.svg", "image/svg+xml"),
];

/// The content of the export named `file` (one of `FILES`).
pub fn content(file: &str, corpus: &Corpus, filtered: &Filtered) -> String {
    match file {
        "events.csv" => events_csv(corpus, filtered),
        "entities.csv" => entities_csv(filtered),
        "quotes.csv" => quotes_csv(corpus, filtered),
        "relations.csv" => relations_csv(corpus, filtered),
        "corpus-view.json" => json(corpus, filtered),
        "relations.svg" => graph_svg(filtered),
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
    match kind {
        EntityKind::Person => format!("M{r},0A{r},{r} 0 1,1 {},0A{r},{r} 0 1,1 {r},0Z", -r),
        EntityKind::Organization => format!("M{},{}h{}v{}h{}Z", -r * 0.9, -r * 0.9, r * 1.8, r * 1.8, -r * 1.8),
        EntityKind::Place => format!("M0,{}L{},{}L{},{}Z", -r * 1.1, r, r * 0.8, -r, r * 0.8),
        EntityKind::Other => format!("M0,{}L{r},0L0,{}L{},0Z", -r, r, -r),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A standalone SVG of the filtered graph at the precomputed positions.
pub fn graph_svg(filtered: &Filtered) -> String {
    let positions: std::collections::HashMap<&str, (f32, f32)> = filtered.entities.iter().map(|e| (e.id.as_str(), (e.x, e.y))).collect();
    let position = |id: &str| positions.get(id).copied();
    let mut out = String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-600 -600 1200 1200\" font-family=\"sans-serif\" font-size=\"14\">\n",
    );
    for (relation, evidence) in &filtered.relations {
        if let (Some(a), Some(b)) = (position(&relation.source), position(&relation.target)) {
            out.push_str(&format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#8a8f98\" stroke-opacity=\"0.6\" stroke-width=\"{:.1}\"><title>{}</title></line>\n",
                a.0, a.1, b.0, b.1, 1.0 + (evidence.len() as f64).sqrt(), escape(relation.kind.as_str())
            ));
        }
    }
    let most = filtered.entities.iter().map(|e| e.mentions.len()).max().unwrap_or(1);
    for entity in &filtered.entities {
        out.push_str(&format!(
            "<g transform=\"translate({},{})\"><path d=\"{}\" fill=\"{}\"><title>{} ({})</title></path><text y=\"{:.1}\" text-anchor=\"middle\">{}</text></g>\n",
            entity.x,
            entity.y,
            kind_shape(entity.kind, super::graph::radius(entity.mentions.len(), most)),
            kind_colour(entity.kind),
            escape(&entity.name),
            entity.kind.as_str(),
            super::graph::radius(entity.mentions.len(), most) + 14.0,
            escape(&entity.name)
        ));
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::filter::{apply, Index};
    use crate::view::state::ViewState;

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
        let filtered = apply(&corpus, &Index::new(&corpus), &ViewState::default());
        assert_eq!(events_csv(&corpus, &filtered).lines().count(), corpus.events.len() + 1);
        assert_eq!(entities_csv(&filtered).lines().count(), corpus.entities.len() + 1);
        assert!(quotes_csv(&corpus, &filtered).contains("Khieu Sopheak"));
        assert!(relations_csv(&corpus, &filtered).contains("spokesperson_of"));
        let json: serde_json::Value = serde_json::from_str(&json(&corpus, &filtered)).expect("valid JSON");
        assert_eq!(json["events"].as_array().map(Vec::len), Some(corpus.events.len()));
        let svg = graph_svg(&filtered);
        for (file, _) in FILES {
            assert!(!content(file, &corpus, &filtered).is_empty(), "{file}");
        }
        assert_eq!(svg.matches("<g ").count(), corpus.entities.len());
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    }
}
