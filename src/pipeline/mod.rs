//! The corpus pipeline: raw scraped articles in, an evidence-linked corpus out.
//! Everything here is pure; the CLI (`src/bin/corpus.rs`) and `manifest` do
//! the reading and writing. Per article the stages run in order: clean →
//! sentences → entities → dates → quotes → figures; then `merge` joins
//! entities across articles, `relations` links them and `layout` places them.

pub mod attribution;
pub mod clean;
pub mod dates;
pub mod entities;
pub mod figures;
pub mod labels;
pub mod layout;
pub mod lexicon;
pub mod manifest;
pub mod merge;
pub mod quotes;
pub mod relations;
pub mod reports;
pub mod text;

use crate::model::{Article, Corpus, Entity, Event, EventDate, Figure, ParagraphKind, Quote, Relation, SharedId, Span, SCHEMA_VERSION};
use chrono::NaiveDate;
use text::Analysed;

/// One article as the manifest and its file give it.
#[derive(Debug, Clone)]
pub struct ArticleInput {
    pub id: String,
    pub outlet: String,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    pub raw: String,
}

#[derive(Debug)]
pub struct Built {
    pub corpus: Corpus,
    pub warnings: Vec<String>,
}

/// What the per-article stages found, in that article's local terms.
pub struct ArticleAnalysis {
    pub article: Article,
    pub entities: entities::Entities,
    pub dates: Vec<dates::TimeExpr>,
    pub quotes: Vec<quotes::FoundQuote>,
    pub figures: Vec<figures::FoundFigure>,
    /// Byte range of every token, so spans can be made after `Analysed` is gone.
    pub token_bytes: Vec<(usize, usize)>,
    /// Token range of every sentence.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
}

impl ArticleAnalysis {
    pub fn span_of_tokens(&self, tokens: &std::ops::Range<usize>) -> Span {
        Span { article: self.article.id.as_str().into(), start: self.token_bytes[tokens.start].0, end: self.token_bytes[tokens.end - 1].1 }
    }

    pub fn sentence_span(&self, sentence: usize) -> Span {
        let [start, end] = self.article.sentences[sentence];
        Span { article: self.article.id.as_str().into(), start, end }
    }
}

pub fn analyse(input: &ArticleInput) -> ArticleAnalysis {
    let cleaned = clean::clean(&input.raw, input.title.as_deref());
    let doc = Analysed::new(&cleaned.text, &cleaned.paragraphs);
    let found = entities::find(&doc);
    let times = dates::tag(&doc, input.published);
    let date_tokens = times.iter().flat_map(|t| t.tokens.clone()).collect();
    let attributor = attribution::Attributor::new(&doc, &found);
    let found_quotes = quotes::find(&attributor);
    let found_figures = figures::find(&attributor, &found_quotes, &date_tokens);
    let token_bytes = doc.tokens.iter().map(|t| (t.start, t.end)).collect();
    let sentence_tokens = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
    let sentences = doc.sentences.iter().map(|s| [s.start, s.end]).collect();
    let article = Article {
        id: input.id.clone(),
        title: cleaned.title,
        outlet: input.outlet.clone(),
        url: input.url.clone(),
        published: input.published.map(|d| d.format("%Y-%m-%d").to_string()),
        text: cleaned.text,
        paragraphs: cleaned.paragraphs,
        sentences,
    };
    ArticleAnalysis { article, entities: found, dates: times, quotes: found_quotes, figures: found_figures, token_bytes, sentence_tokens }
}

/// The label of a dated statement (`labels::event_label`), from its sentence.
fn event_label(analysis: &ArticleAnalysis, time: &dates::TimeExpr) -> String {
    let sentence = &analysis.sentence_tokens[time.sentence];
    let (sentence_start, sentence_end) = (analysis.token_bytes[sentence.start].0, analysis.token_bytes[sentence.end - 1].1);
    let (start, end) = (analysis.token_bytes[time.tokens.start].0, analysis.token_bytes[time.tokens.end - 1].1);
    labels::event_label(&analysis.article.text[sentence_start..sentence_end], start - sentence_start..end - sentence_start)
}

pub fn build(inputs: &[ArticleInput]) -> Built {
    let mut warnings = Vec::new();
    let analyses: Vec<ArticleAnalysis> = inputs.iter().map(analyse).collect();
    for (input, analysis) in inputs.iter().zip(&analyses) {
        let article = &analysis.article;
        let headline_end = article.paragraphs.first().filter(|p| p.kind == ParagraphKind::Headline).map_or(0, |p| p.end);
        if article.sentences.iter().all(|s| s[1] <= headline_end) {
            warnings.push(format!("{}: no body sentences left after cleaning", input.id));
        }
    }
    let merged = merge::merge(&analyses);

    let mut events = Vec::new();
    let mut quotes = Vec::new();
    let mut figures = Vec::new();
    for (article_index, analysis) in analyses.iter().enumerate() {
        let global = |local: usize| merged.entities[merged.local_to_global[article_index][local]].id.clone();
        let sentence_entities = |sentence: usize| {
            let mut ids: Vec<String> = Vec::new();
            for mention in analysis.entities.mentions.iter().filter(|m| m.sentence == sentence) {
                let id = global(mention.entity);
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            ids
        };
        for time in &analysis.dates {
            let span = analysis.span_of_tokens(&time.tokens);
            events.push(Event {
                id: format!("ev-{}", events.len() + 1),
                article: analysis.article.id.as_str().into(),
                date: EventDate {
                    value: time.start.as_ref().map(|p| p.value.clone()),
                    precision: time.precision,
                    end: time.end.clone(),
                    resolved: time.start.is_some(),
                    as_written: analysis.article.text[span.start..span.end].to_string(),
                    span,
                },
                text: event_label(analysis, time),
                evidence: analysis.sentence_span(time.sentence),
                entities: sentence_entities(time.sentence).into_iter().map(SharedId::from).collect(),
            });
        }
        for quote in &analysis.quotes {
            quotes.push(Quote {
                id: format!("q-{}", quotes.len() + 1),
                speaker: quote.speaker.map(|speaker| global(speaker).into()),
                text: analysis.article.text[quote.inner.clone()].to_string(),
                span: Span { article: analysis.article.id.as_str().into(), start: quote.inner.start, end: quote.inner.end },
                evidence: analysis.sentence_span(quote.sentence),
            });
        }
        let first_figure = figures.len();
        for figure in &analysis.figures {
            let span = analysis.span_of_tokens(&figure.tokens);
            figures.push(Figure {
                id: format!("fig-{}", figures.len() + 1),
                value: figure.value,
                text: analysis.article.text[span.start..span.end].to_string(),
                unit: figure.unit.clone(),
                qualifier: figure.qualifier.clone(),
                span,
                evidence: analysis.sentence_span(figure.sentence),
                claimant: figure.claimant.map(|claimant| global(claimant).into()),
                conflicts_with: figure.conflicts.iter().map(|c| format!("fig-{}", first_figure + c + 1)).collect(),
            });
        }
    }
    let relations = relations::derive(&analyses, &merged);
    let mut entities = merged.entities;
    place(&mut entities, &relations);
    let mut corpus = Corpus {
        schema_version: SCHEMA_VERSION,
        version: String::new(),
        articles: analyses.into_iter().map(|a| a.article).collect(),
        entities,
        events,
        quotes,
        figures,
        relations,
    };
    corpus.version = content_version(&corpus);
    Built { corpus, warnings }
}

/// Sets every entity's graph position from the relations between them: an
/// edge per relation, heavier with more evidence and for a typed relation.
pub fn place(entities: &mut [Entity], relations: &[Relation]) {
    let index_of: std::collections::HashMap<&str, usize> = entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let edges: Vec<layout::Edge> = relations
        .iter()
        .map(|r| {
            (index_of[r.source.as_str()], index_of[r.target.as_str()], r.evidence.len() as f32 * if r.kind.is_typed() { 3.0 } else { 1.0 })
        })
        .collect();
    let positions = layout::layout(index_of.len(), &edges);
    for (entity, (x, y)) in entities.iter_mut().zip(positions) {
        entity.x = x;
        entity.y = y;
    }
}

/// FNV-1a over the serialised corpus: a short version that changes with any content.
pub fn content_version(corpus: &Corpus) -> String {
    let json = serde_json::to_vec(corpus).unwrap_or_default();
    let hash = json.iter().fold(0xcbf2_9ce4_8422_2325u64, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
    format!("{:08x}", hash >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(raw: &str) -> Vec<String> {
        let input = ArticleInput {
            id: "a".into(),
            outlet: "Test".into(),
            url: None,
            published: NaiveDate::from_ymd_opt(2004, 3, 5),
            title: None,
            raw: raw.into(),
        };
        build(&[input]).corpus.events.into_iter().map(|event| event.text).collect()
    }

    #[test]
    fn a_label_leaves_out_its_date_and_the_preposition_before_it() {
        assert_eq!(labels("Headline\n\nThe council met on Tuesday to discuss the plan."), ["The council met to discuss the plan."]);
    }

    #[test]
    fn a_possessive_date_stays_in_its_label() {
        let found = labels(
            "Headline\n\nThe issue will be discussed at Tuesday's meeting of ministers.\n\n\
             Last year's growth rate was the highest since 1997.\n\n\
             The plant closes in two weeks' time.",
        );
        assert!(found.contains(&"The issue will be discussed at Tuesday's meeting of ministers.".to_string()), "{found:?}");
        assert!(found.contains(&"Last year's growth rate was the highest since 1997.".to_string()), "{found:?}");
        assert!(found.iter().all(|label| !label.contains(" 's") && !label.starts_with('\'')), "{found:?}");
    }
}
