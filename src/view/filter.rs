//! Applying the view state's filters to the corpus: which events, entities,
//! quotes, figures and relations every view shows, and the search hits.
//! Filters combine (all must hold); each view reports how many items match.

use super::calendar::{event_range, range_of};
use super::state::ViewState;
use crate::model::{Article, Corpus, Entity, EntityKind, Event, Figure, Quote, Relation, Span};
use std::collections::{HashMap, HashSet};

/// Lookups computed once per corpus, so filtering stays fast on thousands
/// of articles.
pub struct Index {
    entity_position: HashMap<String, usize>,
    article_position: HashMap<String, usize>,
    /// For each entity, the sentence of each of its mentions.
    mention_sentences: Vec<Vec<Span>>,
    /// Each article's text lower-cased, where that keeps byte offsets.
    lower_texts: Vec<Option<String>>,
    /// (article, sentence start) → the day range that sentence is about.
    sentence_days: HashMap<(String, usize), (i64, i64)>,
    /// (article, sentence start) → entities named in it.
    sentence_entities: HashMap<(String, usize), Vec<usize>>,
    /// Sentences that carry a quote.
    quoted_sentences: HashSet<(String, usize)>,
    lower_names: Vec<String>,
}

impl Index {
    pub fn new(corpus: &Corpus) -> Index {
        let mut sentence_days = HashMap::new();
        for article in &corpus.articles {
            if let Some(days) = article.published.as_deref().and_then(range_of) {
                for &[start, _] in &article.sentences {
                    sentence_days.insert((article.id.clone(), start), days);
                }
            }
        }
        // A dated statement is about its date, not its publication day.
        for event in &corpus.events {
            if let Some(days) = event_range(&event.date) {
                sentence_days.insert(key(&event.evidence), days);
            }
        }
        let article_position: HashMap<String, usize> = corpus.articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        let mut sentence_entities: HashMap<(String, usize), Vec<usize>> = HashMap::new();
        let mut mention_sentences = Vec::with_capacity(corpus.entities.len());
        for (position, entity) in corpus.entities.iter().enumerate() {
            let mut sentences = Vec::with_capacity(entity.mentions.len());
            for mention in &entity.mentions {
                let article = article_position.get(&mention.article).map(|&i| &corpus.articles[i]);
                if let Some(sentence) = article.and_then(|a| sentence_containing(a, mention)) {
                    let list = sentence_entities.entry(key(&sentence)).or_default();
                    if !list.contains(&position) {
                        list.push(position);
                    }
                    sentences.push(sentence);
                }
            }
            mention_sentences.push(sentences);
        }
        Index {
            entity_position: corpus.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect(),
            article_position,
            mention_sentences,
            lower_texts: corpus.articles.iter().map(|a| Some(a.text.to_lowercase()).filter(|l| l.len() == a.text.len())).collect(),
            sentence_days,
            sentence_entities,
            quoted_sentences: corpus.quotes.iter().map(|q| key(&q.evidence)).collect(),
            lower_names: corpus
                .entities
                .iter()
                .map(|e| std::iter::once(&e.name).chain(&e.aliases).map(|n| n.to_lowercase()).collect::<Vec<_>>().join("\n"))
                .collect(),
        }
    }

    pub fn entity<'c>(&self, corpus: &'c Corpus, id: &str) -> Option<&'c Entity> {
        self.entity_position.get(id).map(|&i| &corpus.entities[i])
    }

    pub fn article<'c>(&self, corpus: &'c Corpus, id: &str) -> Option<&'c Article> {
        self.article_position.get(id).map(|&i| &corpus.articles[i])
    }

    /// The lower-cased text a span covers, for case-insensitive search.
    pub fn lower_slice(&self, corpus: &Corpus, span: &Span) -> std::borrow::Cow<'_, str> {
        let position = self.article_position.get(&span.article).copied();
        match position.and_then(|i| self.lower_texts[i].as_deref()) {
            Some(lower) => std::borrow::Cow::Borrowed(lower.get(span.start..span.end).unwrap_or("")),
            None => std::borrow::Cow::Owned(
                position.map_or("", |i| corpus.articles[i].text.get(span.start..span.end).unwrap_or("")).to_lowercase(),
            ),
        }
    }

    /// The day range a sentence is about, if known.
    pub fn sentence_days(&self, span: &Span) -> Option<(i64, i64)> {
        self.sentence_days.get(&key(span)).copied()
    }

    /// Entities named in the sentence at `span`.
    pub fn entities_in<'c>(&self, corpus: &'c Corpus, span: &Span) -> Vec<&'c Entity> {
        self.sentence_entities.get(&key(span)).map(|list| list.iter().map(|&i| &corpus.entities[i]).collect()).unwrap_or_default()
    }
}

fn key(span: &Span) -> (String, usize) {
    (span.article.clone(), span.start)
}

/// The sentence of `article` a span lies in.
fn sentence_containing(article: &Article, span: &Span) -> Option<Span> {
    let position = article.sentences.partition_point(|s| s[1] < span.end);
    article.sentences.get(position).filter(|s| s[0] <= span.start).map(|s| Span { article: article.id.clone(), start: s[0], end: s[1] })
}

/// A sentence that matches the search, with where the match is.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceHit {
    pub sentence: Span,
    /// Byte range of the match within the article text.
    pub matched: (usize, usize),
}

/// What every view shows under the current filters.
#[derive(Debug, Default, PartialEq)]
pub struct Filtered<'c> {
    pub events: Vec<&'c Event>,
    /// Events the timeline draws: `events`, narrowed to the selected entity.
    pub timeline: Vec<&'c Event>,
    pub entities: Vec<&'c Entity>,
    pub quotes: Vec<&'c Quote>,
    pub figures: Vec<&'c Figure>,
    /// Relations whose evidence survives the filters, with that evidence.
    pub relations: Vec<(&'c Relation, Vec<&'c Span>)>,
    pub sentence_hits: Vec<SentenceHit>,
    pub entity_hits: Vec<&'c Entity>,
}

const MAX_SENTENCE_HITS: usize = 200;

pub fn apply<'c>(corpus: &'c Corpus, index: &Index, state: &ViewState) -> Filtered<'c> {
    let query = state.query.trim().to_lowercase();
    let kind_ok = |kind: EntityKind| state.kinds.is_empty() || state.kinds.contains(&kind);
    let article_ok = |article: &str| state.articles.is_empty() || state.articles.contains(article);
    let days_ok = |days: Option<(i64, i64)>| match (state.range, days) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(range), Some(days)) => range.overlaps(days),
    };

    let entity_matches = |position: usize| query.is_empty() || index.lower_names[position].contains(&query);
    let sentence_ok = |span: &Span| {
        article_ok(&span.article)
            && days_ok(index.sentence_days(span))
            && (!state.quotes_only || index.quoted_sentences.contains(&key(span)))
            && (state.kinds.is_empty() || index.entities_in(corpus, span).iter().any(|e| kind_ok(e.kind)))
    };
    let searched = |span: &Span, names: &[&str]| {
        query.is_empty() || index.lower_slice(corpus, span).contains(&query) || names.iter().any(|n| n.to_lowercase().contains(&query))
    };

    let mut filtered = Filtered::default();
    for event in &corpus.events {
        let names: Vec<&str> = event.entities.iter().filter_map(|id| index.entity(corpus, id)).map(|e| e.name.as_str()).collect();
        let dated_ok = state.range.is_none() || days_ok(event_range(&event.date));
        if sentence_ok(&event.evidence) && dated_ok && searched(&event.evidence, &names) {
            filtered.events.push(event);
        }
    }
    filtered.timeline = match state.entity() {
        Some(entity) => filtered.events.iter().copied().filter(|e| e.entities.iter().any(|id| id == entity)).collect(),
        None => filtered.events.clone(),
    };
    for quote in &corpus.quotes {
        let speaker = quote.speaker.as_deref().and_then(|id| index.entity(corpus, id));
        let speaker_kind_ok = speaker.map_or(state.kinds.is_empty(), |s| kind_ok(s.kind));
        let names: Vec<&str> = speaker.map(|s| s.name.as_str()).into_iter().collect();
        if article_ok(&quote.evidence.article)
            && days_ok(index.sentence_days(&quote.evidence))
            && speaker_kind_ok
            && searched(&quote.evidence, &names)
        {
            filtered.quotes.push(quote);
        }
    }
    let speakers: HashSet<&str> = filtered.quotes.iter().filter_map(|q| q.speaker.as_deref()).collect();
    for figure in &corpus.figures {
        if sentence_ok(&figure.evidence) && searched(&figure.evidence, &[]) {
            filtered.figures.push(figure);
        }
    }
    for (position, entity) in corpus.entities.iter().enumerate() {
        // With a search, an entity shows when its name matches or it is named in a matching sentence.
        let name_matches = entity_matches(position);
        let named_in_scope = index.mention_sentences[position].iter().any(|sentence| {
            article_ok(&sentence.article) && days_ok(index.sentence_days(sentence)) && (name_matches || searched(sentence, &[]))
        });
        let quoted_ok = !state.quotes_only || speakers.contains(entity.id.as_str());
        if kind_ok(entity.kind) && named_in_scope && quoted_ok {
            filtered.entities.push(entity);
            if name_matches && !query.is_empty() {
                filtered.entity_hits.push(entity);
            }
        }
    }
    let visible: HashSet<&str> = filtered.entities.iter().map(|e| e.id.as_str()).collect();
    for relation in &corpus.relations {
        if !visible.contains(relation.source.as_str()) || !visible.contains(relation.target.as_str()) {
            continue;
        }
        let evidence: Vec<&Span> = relation
            .evidence
            .iter()
            .filter(|span| {
                article_ok(&span.article)
                    && days_ok(index.sentence_days(span))
                    && (!state.quotes_only || index.quoted_sentences.contains(&key(span)))
            })
            .collect();
        if !evidence.is_empty() {
            filtered.relations.push((relation, evidence));
        }
    }
    if !query.is_empty() {
        'articles: for article in corpus.articles.iter().filter(|a| article_ok(&a.id)) {
            for &[start, end] in &article.sentences {
                let span = Span { article: article.id.clone(), start, end };
                let lower = index.lower_slice(corpus, &span);
                let Some(at) = lower.find(&query) else { continue };
                if !sentence_ok(&span) {
                    continue;
                }
                // Where lower-casing changed byte lengths the whole sentence is the match.
                let exact = lower.len() == end - start;
                let matched = if exact { (start + at, start + at + query.len()) } else { (start, end) };
                filtered.sentence_hits.push(SentenceHit { matched, sentence: span });
                if filtered.sentence_hits.len() >= MAX_SENTENCE_HITS {
                    break 'articles;
                }
            }
        }
    }
    filtered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::calendar::days_from_civil;
    use crate::view::state::{Action, DayRange};

    fn corpus() -> Corpus {
        serde_json::from_str(include_str!("../../corpus/corpus.json")).expect("shipped corpus parses")
    }

    fn check(actions: &[Action], events: usize, entities_include: &[&str], entities_exclude: &[&str]) -> usize {
        let corpus = corpus();
        let index = Index::new(&corpus);
        let state = actions.iter().cloned().fold(ViewState::default(), |s, a| s.reduce(a));
        let filtered = apply(&corpus, &index, &state);
        assert_eq!(filtered.events.len(), events, "events under {actions:?}");
        let names: Vec<&str> = filtered.entities.iter().map(|e| e.name.as_str()).collect();
        for name in entities_include {
            assert!(names.contains(name), "{name} missing under {actions:?}");
        }
        for name in entities_exclude {
            assert!(!names.contains(name), "{name} present under {actions:?}");
        }
        filtered.relations.len()
    }

    #[test]
    fn no_filter_shows_everything() {
        let corpus = corpus();
        let filtered = apply(&corpus, &Index::new(&corpus), &ViewState::default());
        assert_eq!(filtered.events.len(), corpus.events.len());
        assert_eq!(filtered.entities.len(), corpus.entities.len());
        assert_eq!(filtered.relations.len(), corpus.relations.len());
        assert_eq!(filtered.quotes.len(), corpus.quotes.len());
    }

    #[test]
    fn a_date_range_narrows_events_entities_and_the_network() {
        let all = check(&[], 20, &["Khieu Sopheak", "Cormac Carney"], &[]);
        let range = DayRange::between(days_from_civil(2017, 1, 1), days_from_civil(2017, 3, 1));
        let in_2017 = check(&[Action::SetRange(Some(range))], 9, &["Khieu Sopheak"], &["Cormac Carney"]);
        assert!(in_2017 < all);
    }

    #[test]
    fn kinds_articles_quotes_and_search_combine() {
        check(&[Action::ToggleKind(EntityKind::Person)], 4, &["Khieu Sopheak"], &["Interior Ministry"]);
        check(&[Action::ToggleArticle("phnom-penh-post-2018-01-29-detainees-claim-extortion".into())], 8, &["Sok Phal"], &["Bill Herod"]);
        check(&[Action::SetQuotesOnly(true)], 4, &["Bill Herod"], &["Minnesota"]);
        // A search keeps entities whose names match or that are named in matching sentences.
        check(&[Action::SetQuery("interior".into())], 1, &["Interior Ministry", "Khieu Sopheak"], &["Cormac Carney"]);
    }

    #[test]
    fn search_hits_sentences_and_selection_narrows_the_timeline() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        let state = ViewState::default().reduce(Action::SetQuery("Sopheak".into()));
        let filtered = apply(&corpus, &index, &state);
        assert_eq!(filtered.sentence_hits.len(), 3);
        assert!(filtered.sentence_hits.iter().all(|h| corpus.slice(&Span {
            article: h.sentence.article.clone(),
            start: h.matched.0,
            end: h.matched.1
        }) == "Sopheak"));
        let state = ViewState::default().reduce(Action::SelectEntity(Some("khieu-sopheak".into())));
        let filtered = apply(&corpus, &index, &state);
        assert_eq!(filtered.timeline.len(), 1);
        assert_eq!(filtered.events.len(), corpus.events.len());
    }
}
