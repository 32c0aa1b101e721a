//! Applying the view state's filters to the corpus: which events, entities,
//! quotes, figures and relations every view shows, and the search hits.
//! Filters combine (all must hold); each view reports how many items match.

use super::calendar::{event_range, range_of};
use super::state::Filters;
use crate::model::{Article, Corpus, Entity, EntityKind, Event, Figure, Quote, Relation, Span};
use std::collections::{HashMap, HashSet};

/// Lookups computed once per corpus, so filtering stays fast on thousands
/// of articles.
pub struct Index {
    entity_position: HashMap<String, usize>,
    event_position: HashMap<String, usize>,
    relation_position: HashMap<String, usize>,
    figure_position: HashMap<String, usize>,
    article_position: HashMap<String, usize>,
    /// For each entity, the sentence of each of its mentions.
    mention_sentences: Vec<Vec<Span>>,
    /// Each article's text lower-cased, where that keeps byte offsets.
    lower_texts: Vec<Option<String>>,
    /// (article, sentence start) → the day range that sentence is about.
    sentence_days: HashMap<SentenceKey, (i64, i64)>,
    /// (article, sentence start) → entities named in it.
    sentence_entities: HashMap<SentenceKey, Vec<usize>>,
    /// Sentences that carry a quote.
    quoted_sentences: HashSet<SentenceKey>,
    lower_names: Vec<String>,
    /// For each article, what the reader marks in it: entity mentions (by
    /// entity position), then quotes, then figures.
    article_marks: Vec<Vec<(usize, usize, Marked)>>,
    /// Each relation's two entities, by position.
    relation_ends: Vec<Option<(usize, usize)>>,
}

/// A marked stretch of an article, before it becomes a `markup::Mark`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Marked {
    Mention(usize),
    Quote,
    Figure,
}

impl Index {
    pub fn new(corpus: &Corpus) -> Index {
        let article_position = positions(corpus.articles.iter().map(|a| &a.id));
        let key = |span: &Span| sentence_key(&article_position, span);
        let mut sentence_days = HashMap::new();
        for (position, article) in corpus.articles.iter().enumerate() {
            if let Some(days) = article.published.as_deref().and_then(range_of) {
                for &[start, _] in &article.sentences {
                    sentence_days.insert((position, start), days);
                }
            }
        }
        // A dated statement is about its date, not its publication day.
        for event in &corpus.events {
            if let (Some(days), Some(sentence)) = (event_range(&event.date), key(&event.evidence)) {
                sentence_days.insert(sentence, days);
            }
        }
        let mut sentence_entities: HashMap<SentenceKey, Vec<usize>> = HashMap::new();
        let mut mention_sentences = Vec::with_capacity(corpus.entities.len());
        for (position, entity) in corpus.entities.iter().enumerate() {
            let mut sentences = Vec::with_capacity(entity.mentions.len());
            for mention in &entity.mentions {
                let article = article_position.get(&mention.article).map(|&i| &corpus.articles[i]);
                if let Some(sentence) = article.and_then(|a| sentence_containing(a, mention)) {
                    let list = sentence_entities.entry((article_position[&sentence.article], sentence.start)).or_default();
                    if !list.contains(&position) {
                        list.push(position);
                    }
                    sentences.push(sentence);
                }
            }
            mention_sentences.push(sentences);
        }
        let quoted_sentences = corpus.quotes.iter().filter_map(|q| key(&q.evidence)).collect();
        let mut article_marks = vec![Vec::new(); corpus.articles.len()];
        let mentions = corpus.entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (m, Marked::Mention(i))));
        let quotes = corpus.quotes.iter().map(|q| (&q.span, Marked::Quote));
        let figures = corpus.figures.iter().map(|f| (&f.span, Marked::Figure));
        for (span, marked) in mentions.chain(quotes).chain(figures) {
            if let Some(&article) = article_position.get(&span.article) {
                article_marks[article].push((span.start, span.end, marked));
            }
        }
        let entity_position = positions(corpus.entities.iter().map(|e| &e.id));
        let relation_ends =
            corpus.relations.iter().map(|r| Some((*entity_position.get(&r.source)?, *entity_position.get(&r.target)?))).collect();
        Index {
            article_position,
            mention_sentences,
            lower_texts: corpus.articles.iter().map(|a| Some(a.text.to_lowercase()).filter(|l| l.len() == a.text.len())).collect(),
            sentence_days,
            sentence_entities,
            quoted_sentences,
            article_marks,
            entity_position,
            event_position: positions(corpus.events.iter().map(|e| &e.id)),
            relation_position: positions(corpus.relations.iter().map(|r| &r.id)),
            figure_position: positions(corpus.figures.iter().map(|f| &f.id)),
            relation_ends,
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

    pub fn event<'c>(&self, corpus: &'c Corpus, id: &str) -> Option<&'c Event> {
        self.event_position.get(id).map(|&i| &corpus.events[i])
    }

    pub fn relation<'c>(&self, corpus: &'c Corpus, id: &str) -> Option<&'c Relation> {
        self.relation_position.get(id).map(|&i| &corpus.relations[i])
    }

    pub fn figure<'c>(&self, corpus: &'c Corpus, id: &str) -> Option<&'c Figure> {
        self.figure_position.get(id).map(|&i| &corpus.figures[i])
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

    fn key(&self, span: &Span) -> Option<SentenceKey> {
        sentence_key(&self.article_position, span)
    }

    /// What is marked within `start..end` of `article`.
    pub fn marks_within(&self, article: &str, start: usize, end: usize) -> impl Iterator<Item = (usize, usize, Marked)> + '_ {
        let marks = self.article_position.get(article).map_or(&[][..], |&i| &self.article_marks[i][..]);
        marks.iter().copied().filter(move |&(from, to, _)| from >= start && to <= end)
    }

    /// Whether the sentence at `span` carries a quote.
    fn is_quoted(&self, span: &Span) -> bool {
        self.key(span).is_some_and(|key| self.quoted_sentences.contains(&key))
    }

    /// The day range a sentence is about, if known.
    pub fn sentence_days(&self, span: &Span) -> Option<(i64, i64)> {
        self.sentence_days.get(&self.key(span)?).copied()
    }

    /// Entities named in the sentence at `span`.
    pub fn entities_in<'c>(&self, corpus: &'c Corpus, span: &Span) -> Vec<&'c Entity> {
        self.key(span)
            .and_then(|key| self.sentence_entities.get(&key))
            .map(|list| list.iter().map(|&i| &corpus.entities[i]).collect())
            .unwrap_or_default()
    }
}

/// Each id's position in its list.
fn positions<'c>(ids: impl Iterator<Item = &'c String>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}

/// A sentence by its article's position and its start: cheap to hash, no copy of the id.
type SentenceKey = (usize, usize);

fn sentence_key(article_position: &HashMap<String, usize>, span: &Span) -> Option<SentenceKey> {
    article_position.get(&span.article).map(|&article| (article, span.start))
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
    /// The dated ones of `timeline` in date order: the story Next walks, the
    /// list and the printed page. Sorted once per filter, not on every pan.
    pub story: Vec<&'c Event>,
    /// The rest of `timeline`: statements whose dates cannot be placed (no publication date to count from).
    pub undated: Vec<&'c Event>,
    pub entities: Vec<&'c Entity>,
    pub quotes: Vec<&'c Quote>,
    pub figures: Vec<&'c Figure>,
    /// Relations whose evidence survives the filters, with that evidence.
    pub relations: Vec<(&'c Relation, Vec<&'c Span>)>,
    pub sentence_hits: Vec<SentenceHit>,
    pub entity_hits: Vec<&'c Entity>,
}

const MAX_SENTENCE_HITS: usize = 200;

pub fn apply<'c>(corpus: &'c Corpus, index: &Index, state: &Filters) -> Filtered<'c> {
    let query = state.query.trim().to_lowercase();
    let kind_ok = |kind: EntityKind| state.kinds.is_empty() || state.kinds.contains(&kind);
    let article_ok = |article: &str| state.articles.is_empty() || state.articles.contains(article);
    // Lookups only when a filter asks for them: with none set, every item passes at once.
    let days_ok = |days: &dyn Fn() -> Option<(i64, i64)>| state.range.is_none_or(|range| days().is_some_and(|d| range.overlaps(d)));
    let in_scope = |span: &Span| article_ok(&span.article) && days_ok(&|| index.sentence_days(span));
    let sentence_ok = |span: &Span| {
        in_scope(span)
            && (!state.quotes_only || index.is_quoted(span))
            && (state.kinds.is_empty() || index.entities_in(corpus, span).iter().any(|e| kind_ok(e.kind)))
    };
    // Whether a sentence, or one of the names it is about, matches the search.
    let searched = |span: &Span, names: &mut dyn Iterator<Item = &str>| {
        if query.is_empty() || index.lower_slice(corpus, span).contains(&query) {
            return true;
        }
        for name in names {
            if name.to_lowercase().contains(&query) {
                return true;
            }
        }
        false
    };
    let entity_matches = |position: usize| query.is_empty() || index.lower_names[position].contains(&query);
    let names_of = |ids: &'c [String]| ids.iter().filter_map(|id| index.entity(corpus, id)).map(|e| e.name.as_str());

    let mut filtered = Filtered::default();
    for event in &corpus.events {
        if sentence_ok(&event.evidence)
            && days_ok(&|| event_range(&event.date))
            && searched(&event.evidence, &mut names_of(&event.entities))
        {
            filtered.events.push(event);
        }
    }
    filtered.timeline = match state.entity.as_deref() {
        Some(entity) => filtered.events.iter().copied().filter(|e| e.entities.iter().any(|id| id == entity)).collect(),
        None => filtered.events.clone(),
    };
    filtered.story = super::timeline::story(&filtered.timeline);
    filtered.undated = filtered.timeline.iter().copied().filter(|e| event_range(&e.date).is_none()).collect();
    for quote in &corpus.quotes {
        let speaker = quote.speaker.as_deref().and_then(|id| index.entity(corpus, id));
        let speaker_kind_ok = speaker.map_or(state.kinds.is_empty(), |s| kind_ok(s.kind));
        if in_scope(&quote.evidence) && speaker_kind_ok && searched(&quote.evidence, &mut speaker.map(|s| s.name.as_str()).into_iter()) {
            filtered.quotes.push(quote);
        }
    }
    let speakers: HashSet<&str> = filtered.quotes.iter().filter_map(|q| q.speaker.as_deref()).collect();
    for figure in &corpus.figures {
        if sentence_ok(&figure.evidence) && searched(&figure.evidence, &mut std::iter::empty()) {
            filtered.figures.push(figure);
        }
    }
    let mut visible = vec![false; corpus.entities.len()];
    for (position, entity) in corpus.entities.iter().enumerate() {
        // With a search, an entity shows when its name matches or it is named in a matching sentence.
        let name_matches = entity_matches(position);
        let named_in_scope = index.mention_sentences[position]
            .iter()
            .any(|sentence| in_scope(sentence) && (name_matches || searched(sentence, &mut std::iter::empty())));
        let quoted_ok = !state.quotes_only || speakers.contains(entity.id.as_str());
        if kind_ok(entity.kind) && named_in_scope && quoted_ok {
            visible[position] = true;
            filtered.entities.push(entity);
            if name_matches && !query.is_empty() {
                filtered.entity_hits.push(entity);
            }
        }
    }
    for (relation, ends) in corpus.relations.iter().zip(&index.relation_ends) {
        if !ends.is_some_and(|(source, target)| visible[source] && visible[target]) {
            continue;
        }
        let evidence: Vec<&Span> =
            relation.evidence.iter().filter(|span| in_scope(span) && (!state.quotes_only || index.is_quoted(span))).collect();
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

/// Positions of the articles whose title, outlet or publication date hold
/// every word of `query`, in any case; all of them for an empty query. The
/// article facet's own filter, which narrows its list and nothing else.
pub fn articles_matching(articles: &[Article], query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let matches = |article: &Article| {
        let described = format!("{} {} {}", article.title, article.outlet, article.published.as_deref().unwrap_or_default()).to_lowercase();
        words.iter().all(|word| described.contains(word.as_str()))
    };
    articles.iter().enumerate().filter(|(_, article)| words.is_empty() || matches(article)).map(|(position, _)| position).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::calendar::days_from_civil;
    use crate::view::state::{Action, DayRange, ViewState};

    fn corpus() -> Corpus {
        serde_json::from_str(include_str!("../../corpus/corpus.json")).expect("shipped corpus parses")
    }

    fn check(actions: &[Action], events: usize, entities_include: &[&str], entities_exclude: &[&str]) -> usize {
        let corpus = corpus();
        let index = Index::new(&corpus);
        let state = actions.iter().cloned().fold(ViewState::default(), |s, a| s.reduce(a));
        let filtered = apply(&corpus, &index, &state.filters());
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
        let filtered = apply(&corpus, &Index::new(&corpus), &ViewState::default().filters());
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
        let filtered = apply(&corpus, &index, &state.filters());
        assert_eq!(filtered.sentence_hits.len(), 3);
        assert!(filtered.sentence_hits.iter().all(|h| corpus.slice(&Span {
            article: h.sentence.article.clone(),
            start: h.matched.0,
            end: h.matched.1
        }) == "Sopheak"));
        let state = ViewState::default().reduce(Action::SelectEntity(Some("khieu-sopheak".into())));
        let filtered = apply(&corpus, &index, &state.filters());
        assert_eq!(filtered.timeline.len(), 1);
        assert_eq!(filtered.events.len(), corpus.events.len());
    }

    #[test]
    fn the_article_list_narrows_by_every_word_of_title_outlet_and_date() {
        let corpus = corpus();
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        assert_eq!(articles_matching(&corpus.articles, "  "), all);
        assert_eq!(articles_matching(&corpus.articles, "PHNOM penh 2018-01"), vec![position_of(&corpus, "Phnom Penh Post")]);
        assert_eq!(articles_matching(&corpus.articles, "phnom cambodia daily"), Vec::<usize>::new());
    }

    fn position_of(corpus: &Corpus, outlet: &str) -> usize {
        corpus.articles.iter().position(|a| a.outlet == outlet).expect("the seed corpus has this outlet")
    }
}
