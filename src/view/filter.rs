//! Applying the view state's filters to the corpus: which events, entities,
//! quotes, figures and relations every view shows, and the search hits.
//! Filters combine (all must hold); each view reports how many items match.
//! The `Index` holds every lookup filtering needs, so no filter scans the corpus.

use super::calendar::{event_range, range_of};
use super::case;
use super::search::{marked, IdSet, Matches, SearchIndex, SearchIndexBuilder};
use super::state::Filters;
use crate::model::{Article, Corpus, Entity, Event, Figure, Quote, Relation, Span};
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::num::NonZeroU32;
use std::sync::{Mutex, OnceLock, PoisonError};

/// Lookups computed once per corpus, so filtering stays fast on thousands
/// of articles. Sentences are known by number, counted through the
/// articles in order, so per-sentence facts are vectors, not maps.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub struct Index {
    entity_position: ById,
    event_position: ById,
    relation_position: ById,
    figure_position: ById,
    article_position: HashMap<String, usize>,
    /// The number of each article's first sentence.
    first_sentence: Vec<usize>,
    /// For each entity, the number of the sentence of each of its mentions.
    mention_sentences: Lists<usize>,
    /// By sentence number: the day range the sentence is about, if known
    /// (`Days`: half the size of two `i64`s, for 40,572 BBC sentences).
    sentence_days: Vec<Option<Days>>,
    /// By sentence number: the entities named in it, by position.
    sentence_entities: Lists<usize>,
    /// By sentence number: whether it carries a quote.
    quoted: Vec<bool>,
    /// For each article, what the reader marks in it: entity mentions (by
    /// entity position), then quotes, then figures.
    article_marks: Lists<(usize, usize, Marked)>,
    /// Each relation's two entities, by position.
    relation_ends: Vec<(Found, Found)>,
    /// For each entity, the positions of the events about it, in corpus order.
    entity_events: Lists<usize>,
    /// By event position: the day range its date covers, parsed once here
    /// rather than by every render that places, spans or counts events.
    event_days: Vec<Option<Days>>,
    /// The sentence number of each event's, quote's and figure's evidence,
    /// and of each piece of each relation's evidence.
    event_sentences: Vec<Found>,
    quote_sentences: Vec<Found>,
    figure_sentences: Vec<Found>,
    relation_sentences: Lists<Found>,
    /// Each quote's speaker, by position.
    speakers: Vec<Found>,
    /// The dated events' positions in story order (`timeline::story`).
    events_by_date: Vec<usize>,
    /// How many outlets the articles come from, and the first and last
    /// publication dates as the corpus writes them: facts of the whole
    /// corpus the overview states on every render.
    outlets: usize,
    published: Option<(String, String)>,
    words: Words,
}

/// Lists one after another in one vector, each found by where it ends: one
/// allocation for all of them rather than one each (the BBC corpus has a
/// list for each of 40,572 sentences, 12,951 entities, 44,639 relations).
#[derive(Debug, PartialEq)]
struct Lists<T> {
    /// `items[ends[i - 1]..ends[i]]` is list `i`.
    ends: Vec<u32>,
    items: Vec<T>,
}

// By hand: the derive would ask `T: Default`, which references are not.
impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists { ends: Vec::new(), items: Vec::new() }
    }
}

impl<T: Copy> Lists<T> {
    fn with_capacity(lists: usize) -> Lists<T> {
        Lists { ends: Vec::with_capacity(lists), items: Vec::new() }
    }

    /// Appends a list.
    fn push(&mut self, list: impl IntoIterator<Item = T>) {
        self.items.extend(list);
        self.ends.push(u32::try_from(self.items.len()).expect("fewer than 4 billion items"));
    }

    /// Appends a list unless it is empty; whether it did.
    fn push_unless_empty(&mut self, list: impl IntoIterator<Item = T>) -> bool {
        let start = self.items.len();
        self.items.extend(list);
        let pushed = self.items.len() > start;
        if pushed {
            self.ends.push(u32::try_from(self.items.len()).expect("fewer than 4 billion items"));
        }
        pushed
    }

    /// List `list`.
    fn get(&self, list: usize) -> &[T] {
        let start = list.checked_sub(1).map_or(0, |before| self.ends[before] as usize);
        &self.items[start..self.ends[list] as usize]
    }

    fn iter(&self) -> impl Iterator<Item = &[T]> {
        (0..self.ends.len()).map(|list| self.get(list))
    }
}

impl Lists<usize> {
    /// The lists the other way round: list `i` of the result holds, in
    /// order, the number of every list here that holds `i`, once for each
    /// time it does; `len` lists, every item here below it.
    fn grouped(self, len: usize) -> Lists<usize> {
        let mut ends = vec![0u32; len];
        self.items.iter().for_each(|&item| ends[item] += 1);
        let mut total = 0;
        for end in &mut ends {
            total += *end;
            *end = total;
        }
        // Filled from the back, each list's items land in order.
        let mut items = vec![0; self.items.len()];
        let mut next = ends.clone();
        for list in (0..self.ends.len()).rev() {
            for &item in self.get(list).iter().rev() {
                next[item] -= 1;
                items[next[item] as usize] = list;
            }
        }
        Lists { ends, items }
    }
}

/// A sentence number or an item's position, if found, in four bytes where
/// an `Option<usize>` takes eight (on wasm32): one for each of the BBC
/// corpus's 63,785 pieces of relation evidence, its 30,385 statements and
/// the ends of its 44,639 relations.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Found(Option<NonZeroU32>);

impl From<Option<usize>> for Found {
    fn from(number: Option<usize>) -> Found {
        Found(number.map(|n| u32::try_from(n + 1).ok().and_then(NonZeroU32::new).expect("fewer than 4 billion items")))
    }
}

impl Found {
    fn get(self) -> Option<usize> {
        self.0.map(|n| n.get() as usize - 1)
    }
}

/// A day range as day numbers (`calendar`) in 32 bits, which hold every
/// day of the years 1 to 9999 that dates may name.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Days(i32, i32);

impl From<(i64, i64)> for Days {
    fn from((first, last): (i64, i64)) -> Days {
        Days(first as i32, last as i32)
    }
}

impl Days {
    fn range(self) -> (i64, i64) {
        (self.0.into(), self.1.into())
    }
}

/// A marked stretch of an article, before it becomes a `markup::Mark`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Marked {
    Mention(usize),
    Quote,
    Figure,
}

/// The index built a step at a time, so that no task of the page builds it
/// all: each order by id and the story are a step, then the marks in
/// each article are counted, and the entities' mentions, the quotes, the
/// figures, the events and the relations added, a few at a time
/// ([`IndexBuilder::build`]).
pub struct IndexBuilder<'c> {
    corpus: &'c Corpus,
    index: Index,
    /// Each entity's position by id, while building: it looks entities up
    /// 100,000 times for the BBC articles, where a map beats a binary search.
    entity_at: HashMap<String, usize>,
    /// While building: for each entity, the sentences that name it, each
    /// once; for each event, the entities it is about. Grouped the other
    /// way round, they become `sentence_entities` and `entity_events`.
    named: Lists<usize>,
    about: Lists<usize>,
    /// While building: how many marks each article has, counted before
    /// any is placed so that they take exactly the room they need (grown
    /// list by list, they took up to twice it); then where its next mark goes.
    next_mark: Vec<u32>,
    /// The article of the span placed last: spans come mostly article by
    /// article, so comparing with it saves most lookups.
    last_article: usize,
    /// The stage under way, in `STAGES`, and its next item.
    stage: usize,
    next: usize,
}

/// A stage of building the index: how many items it has, and how to add one.
type Stage = (fn(&Corpus) -> usize, fn(&mut IndexBuilder, usize));

/// The stages in order. Mentions come before quotes and figures, the order
/// in which an article's marks are kept.
const STAGES: [Stage; 16] = [
    (|_| 1, |b, _| b.index.entity_position = ById::new(b.corpus.entities.iter().map(|e| e.id.as_str()).collect())),
    (|_| 1, |b, _| b.index.event_position = ById::new(b.corpus.events.iter().map(|e| e.id.as_str()).collect())),
    (|_| 1, |b, _| b.index.relation_position = ById::new(b.corpus.relations.iter().map(|r| r.id.as_str()).collect())),
    (|_| 1, |b, _| b.index.figure_position = ById::new(b.corpus.figures.iter().map(|f| f.id.as_str()).collect())),
    (|corpus| corpus.entities.len(), |b, position| b.corpus.entities[position].mentions.iter().for_each(|span| b.count_mark(span))),
    (|corpus| corpus.quotes.len(), |b, position| b.count_mark(&b.corpus.quotes[position].span)),
    (|corpus| corpus.figures.len(), |b, position| b.count_mark(&b.corpus.figures[position].span)),
    (|_| 1, |b, _| b.make_room_for_marks()),
    (|corpus| corpus.entities.len(), |b, position| b.add_entity(position)),
    (|corpus| corpus.quotes.len(), |b, position| b.add_quote(position)),
    (|corpus| corpus.figures.len(), |b, position| b.add_figure(position)),
    (|corpus| corpus.events.len(), |b, position| b.add_event(position)),
    (|_| 1, |b, _| b.index.events_by_date = super::timeline::story(b.index.event_days.iter().map(|d| d.map(Days::range)))),
    (|corpus| corpus.relations.len(), |b, position| b.add_relation(position)),
    (|_| 1, |b, _| b.index.sentence_entities = std::mem::take(&mut b.named).grouped(b.index.quoted.len())),
    (|_| 1, |b, _| b.index.entity_events = std::mem::take(&mut b.about).grouped(b.corpus.entities.len())),
];

/// How many items of a stage one step adds.
const ITEMS_PER_STEP: usize = 64;

impl<'c> IndexBuilder<'c> {
    /// Starts with what a pass over the articles gives.
    pub fn new(corpus: &'c Corpus) -> IndexBuilder<'c> {
        let first_sentence: Vec<usize> = corpus
            .articles
            .iter()
            .scan(0, |next, article| {
                let first = *next;
                *next += article.sentences.len();
                Some(first)
            })
            .collect();
        let sentences = corpus.articles.iter().map(|a| a.sentences.len()).sum();
        let mut sentence_days = Vec::with_capacity(sentences);
        for article in &corpus.articles {
            let days = article.published.as_deref().and_then(range_of).map(Days::from);
            sentence_days.extend(std::iter::repeat_n(days, article.sentences.len()));
        }
        let index = Index {
            entity_position: ById::default(),
            event_position: ById::default(),
            relation_position: ById::default(),
            figure_position: ById::default(),
            article_position: corpus.articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect(),
            first_sentence,
            mention_sentences: Lists::with_capacity(corpus.entities.len()),
            sentence_days,
            sentence_entities: Lists::default(),
            quoted: vec![false; sentences],
            article_marks: Lists::default(),
            relation_ends: Vec::with_capacity(corpus.relations.len()),
            entity_events: Lists::default(),
            event_days: Vec::with_capacity(corpus.events.len()),
            event_sentences: Vec::with_capacity(corpus.events.len()),
            quote_sentences: Vec::with_capacity(corpus.quotes.len()),
            figure_sentences: Vec::with_capacity(corpus.figures.len()),
            relation_sentences: Lists::with_capacity(corpus.relations.len()),
            speakers: Vec::with_capacity(corpus.quotes.len()),
            events_by_date: Vec::new(),
            outlets: corpus.articles.iter().map(|a| a.outlet.as_str()).collect::<HashSet<_>>().len(),
            published: {
                let dates = || corpus.articles.iter().filter_map(|a| a.published.clone());
                dates().min().zip(dates().max())
            },
            words: Words::default(),
        };
        let entity_at = corpus.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        IndexBuilder {
            corpus,
            index,
            entity_at,
            named: Lists::with_capacity(corpus.entities.len()),
            about: Lists::with_capacity(corpus.events.len()),
            next_mark: vec![0; corpus.articles.len()],
            last_article: 0,
            stage: 0,
            next: 0,
        }
    }

    /// Builds a step at a time while `more()` holds; whether the index is built.
    pub fn build(&mut self, mut more: impl FnMut() -> bool) -> bool {
        while let Some(&(items, add)) = STAGES.get(self.stage) {
            let items = items(self.corpus);
            let end = items.min(self.next + ITEMS_PER_STEP);
            (self.next..end).for_each(|item| add(self, item));
            self.next = end;
            if end == items {
                (self.stage, self.next) = (self.stage + 1, 0);
            }
            if !more() {
                break;
            }
        }
        self.stage == STAGES.len()
    }

    /// The index, once `build` has said it is built.
    pub fn finish(self) -> Index {
        debug_assert_eq!(self.stage, STAGES.len(), "the index is built");
        self.index
    }

    /// The sentences and marks of the mentions of the entity at `position`.
    fn add_entity(&mut self, position: usize) {
        let mentions = &self.corpus.entities[position].mentions;
        let sentences: Vec<usize> = mentions.iter().filter_map(|m| self.sentence_of(m)).collect();
        let mut named = sentences.clone();
        super::sorting::sort(&mut named);
        named.dedup();
        self.named.push(named);
        self.index.mention_sentences.push(sentences);
        mentions.iter().for_each(|span| self.mark(span, Marked::Mention(position)));
    }

    fn add_quote(&mut self, position: usize) {
        let quote = &self.corpus.quotes[position];
        let sentence = self.sentence_of(&quote.evidence);
        if let Some(sentence) = sentence {
            self.index.quoted[sentence] = true;
        }
        self.index.quote_sentences.push(sentence.into());
        self.index.speakers.push(quote.speaker.as_deref().and_then(|id| self.entity_at.get(id).copied()).into());
        self.mark(&quote.span, Marked::Quote);
    }

    fn add_figure(&mut self, position: usize) {
        let figure = &self.corpus.figures[position];
        let sentence = self.sentence_of(&figure.evidence);
        self.index.figure_sentences.push(sentence.into());
        self.mark(&figure.span, Marked::Figure);
    }

    /// An event's sentence, which is about the event's date rather than its
    /// publication day, and the entities it is about.
    fn add_event(&mut self, position: usize) {
        let event = &self.corpus.events[position];
        let sentence = self.sentence_of(&event.evidence);
        let days = event_range(&event.date).map(Days::from);
        if let (Some(days), Some(sentence)) = (days, sentence) {
            self.index.sentence_days[sentence] = Some(days);
        }
        self.index.event_days.push(days);
        self.index.event_sentences.push(sentence.into());
        let mut about: Vec<usize> = event.entities.iter().filter_map(|id| self.entity_at.get(id.as_str()).copied()).collect();
        super::sorting::sort(&mut about);
        about.dedup();
        self.about.push(about);
    }

    fn add_relation(&mut self, position: usize) {
        let relation = &self.corpus.relations[position];
        let end = |id: &str| self.entity_at.get(id).copied();
        let ends = (end(&relation.source).into(), end(&relation.target).into());
        self.index.relation_ends.push(ends);
        let sentences: Vec<Found> = relation.evidence.iter().map(|span| self.sentence_of(span).into()).collect();
        self.index.relation_sentences.push(sentences);
    }

    /// Counts a mark of `span` in its article, before marks are placed.
    fn count_mark(&mut self, span: &Span) {
        if let Some(article) = self.article_of(span) {
            self.next_mark[article] += 1;
        }
    }

    /// Lays out the articles' marks as counted, each article's first mark next.
    fn make_room_for_marks(&mut self) {
        let mut ends = Vec::with_capacity(self.next_mark.len());
        let mut total = 0;
        for next in &mut self.next_mark {
            let count = *next;
            *next = total;
            total += count;
            ends.push(total);
        }
        self.index.article_marks = Lists { ends, items: vec![(0, 0, Marked::Quote); total as usize] };
    }

    /// Marks `span` in its article for the reader.
    fn mark(&mut self, span: &Span, marked: Marked) {
        if let Some(article) = self.article_of(span) {
            let next = &mut self.next_mark[article];
            self.index.article_marks.items[*next as usize] = (span.start, span.end, marked);
            *next += 1;
        }
    }

    /// The position of the article of `span`.
    fn article_of(&mut self, span: &Span) -> Option<usize> {
        if self.corpus.articles.get(self.last_article).is_none_or(|article| article.id != *span.article) {
            self.last_article = *self.index.article_position.get(span.article.as_str())?;
        }
        Some(self.last_article)
    }

    /// The number of the sentence a span lies in.
    fn sentence_of(&mut self, span: &Span) -> Option<usize> {
        let article = self.article_of(span)?;
        let sentences = &self.corpus.articles[article].sentences;
        let position = sentences.partition_point(|s| s[1] < span.end);
        sentences.get(position).filter(|s| s[0] <= span.start).map(|_| self.index.first_sentence[article] + position)
    }
}

impl Index {
    /// The whole index at once (the prerenderer, tests and benchmarks; the app builds it in steps).
    pub fn new(corpus: &Corpus) -> Index {
        let mut building = IndexBuilder::new(corpus);
        building.build(|| true);
        building.finish()
    }

    pub fn entity<'c>(&self, corpus: &'c Corpus, id: &str) -> Option<&'c Entity> {
        self.position_of_entity(corpus, id).map(|i| &corpus.entities[i])
    }

    fn position_of_entity(&self, corpus: &Corpus, id: &str) -> Option<usize> {
        self.entity_position.find(corpus.entities.len(), &|i| &corpus.entities[i].id, id)
    }

    pub fn event<'c>(&self, corpus: &'c Corpus, id: &str) -> Option<&'c Event> {
        self.event_position.find(corpus.events.len(), &|i| &corpus.events[i].id, id).map(|i| &corpus.events[i])
    }

    pub fn relation<'c>(&self, corpus: &'c Corpus, id: &str) -> Option<&'c Relation> {
        self.relation_position.find(corpus.relations.len(), &|i| &corpus.relations[i].id, id).map(|i| &corpus.relations[i])
    }

    pub fn figure<'c>(&self, corpus: &'c Corpus, id: &str) -> Option<&'c Figure> {
        self.figure_position.find(corpus.figures.len(), &|i| &corpus.figures[i].id, id).map(|i| &corpus.figures[i])
    }

    pub fn article<'c>(&self, corpus: &'c Corpus, id: &str) -> Option<&'c Article> {
        self.article_position.get(id).map(|&i| &corpus.articles[i])
    }

    /// The position of the article of the sentence numbered `number`.
    fn article_of(&self, number: usize) -> usize {
        // Articles without sentences share their first number with the next; the last of them holds it.
        self.first_sentence.partition_point(|&first| first <= number) - 1
    }

    /// The sentence numbered `number`, as a span of its article, with its text.
    fn numbered_sentence<'c>(&self, corpus: &'c Corpus, number: usize) -> (Span, &'c str) {
        let position = self.article_of(number);
        let article = &corpus.articles[position];
        let [start, end] = article.sentences[number - self.first_sentence[position]];
        (Span { article: article.id.as_str().into(), start, end }, article.text.get(start..end).unwrap_or(""))
    }

    /// The text a span covers, or "" when it points nowhere, its article
    /// found through the index (`Corpus::slice` scans the articles).
    pub fn text_of<'c>(&self, corpus: &'c Corpus, span: &Span) -> &'c str {
        self.article(corpus, &span.article).and_then(|article| article.text.get(span.start..span.end)).unwrap_or("")
    }

    /// The sentence at `start` of `article`, if one starts there.
    pub fn sentence_at(&self, corpus: &Corpus, article: &str, start: usize) -> Option<[usize; 2]> {
        let sentences = &self.article(corpus, article)?.sentences;
        sentences.binary_search_by_key(&start, |s| s[0]).ok().map(|i| sentences[i])
    }

    /// The day range the date of the event at `position` covers.
    pub fn event_days(&self, position: usize) -> Option<(i64, i64)> {
        self.event_days[position].map(Days::range)
    }

    /// How many outlets the articles come from.
    pub fn outlets(&self) -> usize {
        self.outlets
    }

    /// The first and last publication dates, as the corpus writes them.
    pub fn published(&self) -> Option<(&str, &str)> {
        self.published.as_ref().map(|(first, last)| (first.as_str(), last.as_str()))
    }

    /// What is marked within `start..end` of `article`.
    pub fn marks_within(&self, article: &str, start: usize, end: usize) -> impl Iterator<Item = (usize, usize, Marked)> + '_ {
        let marks = self.article_position.get(article).map_or(&[][..], |&i| self.article_marks.get(i));
        marks.iter().copied().filter(move |&(from, to, _)| from >= start && to <= end)
    }

    /// What a search for `query` matches, or nothing when the query is
    /// blank. A search before the word index is built finishes building it.
    pub fn search(&self, corpus: &Corpus, query: &str) -> Option<Matches> {
        let query = query.trim();
        (!query.is_empty()).then(|| self.words.built(corpus).search(query))
    }

    /// Builds the word index a slice at a time: reads words while `more()`
    /// holds or, once every text is read, sorts them into the index, in a
    /// slice of its own. Whether the index is built.
    pub fn build_words(&self, corpus: &Corpus, more: impl FnMut() -> bool) -> bool {
        self.words.build(corpus, more)
    }
}

/// The words of every sentence and name, built after the first view a
/// slice at a time (`build`), or at once by a search that comes first
/// (`built`), so that the first view does not wait for it.
#[derive(Default)]
struct Words {
    built: OnceLock<SearchIndex>,
    /// The word index in the making, and whether all its texts are read.
    building: Mutex<(SearchIndexBuilder, bool)>,
}

impl Words {
    fn built(&self, corpus: &Corpus) -> &SearchIndex {
        self.built.get_or_init(|| {
            let mut building = std::mem::take(&mut self.building.lock().unwrap_or_else(PoisonError::into_inner).0);
            building.read(corpus, || true);
            building.finish()
        })
    }

    fn build(&self, corpus: &Corpus, more: impl FnMut() -> bool) -> bool {
        if self.built.get().is_some() {
            return true;
        }
        let mut building = self.building.lock().unwrap_or_else(PoisonError::into_inner);
        let (builder, read) = &mut *building;
        if !*read {
            *read = builder.read(corpus, more);
            return false;
        }
        let built = std::mem::take(builder).finish();
        drop(building);
        let _ = self.built.set(built);
        true
    }
}

/// Word indexes are alike when they are built alike; one in the making is
/// built from the same corpus, so its progress makes no difference.
#[cfg(test)]
impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.built.get() == other.built.get()
    }
}

#[cfg(test)]
impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words").field("built", &self.built.get().is_some()).finish()
    }
}

/// The positions of a list's items ordered by their ids, to find an item by
/// id with a binary search: four bytes an item, where a map would keep a
/// copy of every id (80,000 of them for the BBC articles). Shorter ids come
/// first, so that ids that count ("ev-9" before "ev-10"), as the pipeline
/// writes them, are in order already: then the list is its own order, and
/// building it costs a check instead of a sort and no memory.
#[derive(Default)]
#[cfg_attr(test, derive(Debug, PartialEq))]
enum ById {
    #[default]
    InOrder,
    Sorted(Vec<u32>),
}

/// The order of ids in a [`ById`].
fn id_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

impl ById {
    /// From the items' ids, in list order.
    fn new(ids: Vec<&str>) -> ById {
        if ids.is_sorted_by(|a, b| id_order(a, b).is_le()) {
            return ById::InOrder;
        }
        let mut order: Vec<u32> = (0..ids.len() as u32).collect();
        super::sorting::sort_by(&mut order, |&a, &b| id_order(ids[a as usize], ids[b as usize]));
        ById::Sorted(order)
    }

    /// The position of the item whose id is `wanted`, among `len` items
    /// whose ids `id` gives: behind `&dyn`, so that the lists share one copy
    /// of this code in the wasm.
    fn find<'c>(&self, len: usize, id: &dyn Fn(usize) -> &'c str, wanted: &str) -> Option<usize> {
        let (len, order) = match self {
            ById::InOrder => (len, None),
            ById::Sorted(order) => (order.len(), Some(order)),
        };
        let position = |rank: usize| order.map_or(rank, |order| order[rank] as usize);
        // The first rank whose id is not before `wanted`.
        let (mut low, mut high) = (0, len);
        while low < high {
            let middle = low + (high - low) / 2;
            if id_order(id(position(middle)), wanted).is_lt() {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        (low < len && id(position(low)) == wanted).then(|| position(low))
    }
}

/// A sentence that matches the search, with where the match is.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceHit {
    pub sentence: Span,
    /// Byte ranges within the article text of the words' beginnings that
    /// match the query's words, in order.
    pub matched: Vec<(usize, usize)>,
}

impl SentenceHit {
    /// The sentence in pieces of its article's `text`, each with whether it matched.
    pub fn pieces<'t>(&self, text: &'t str) -> Vec<(&'t str, bool)> {
        let mut pieces = Vec::with_capacity(2 * self.matched.len() + 1);
        let mut at = self.sentence.start;
        for &(start, end) in &self.matched {
            pieces.push((&text[at..start], false));
            pieces.push((&text[start..end], true));
            at = end;
        }
        pieces.push((&text[at..self.sentence.end], false));
        pieces.retain(|(piece, _)| !piece.is_empty());
        pieces
    }
}

/// What every view shows under the current filters.
#[derive(Debug, Default, PartialEq)]
pub struct Filtered<'c> {
    pub events: Vec<&'c Event>,
    pub entities: Vec<&'c Entity>,
    pub quotes: Vec<&'c Quote>,
    pub figures: Vec<&'c Figure>,
    /// Relations whose evidence survives the filters, with that evidence.
    pub relations: ShownRelations<'c>,
    /// The positions of `events`, for narrowing them to an entity's.
    shown_events: IdSet,
}

/// Relations with the evidence of theirs that survives the filters, the
/// evidence of all in one list: one allocation, not one per relation (the
/// BBC corpus has 44,639 relations).
#[derive(Debug, Default, PartialEq)]
pub struct ShownRelations<'c> {
    relations: Vec<&'c Relation>,
    /// Each relation's source and target, by position in `Filtered::entities`:
    /// the graph finds the ends it draws without looking ids up.
    ends: Vec<(u32, u32)>,
    /// Each relation's evidence, by its position in `relations`.
    evidence: Lists<&'c Span>,
}

impl<'c> ShownRelations<'c> {
    pub fn len(&self) -> usize {
        self.relations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.relations.is_empty()
    }

    /// The relation at `position`, with its evidence.
    pub fn get(&self, position: usize) -> (&'c Relation, &[&'c Span]) {
        (self.relations[position], self.evidence.get(position))
    }

    /// Each relation with its evidence, in corpus order.
    pub fn iter(&self) -> impl Iterator<Item = (&'c Relation, &[&'c Span])> + Clone + '_ {
        (0..self.len()).map(|position| self.get(position))
    }

    /// Each relation with its ends (by position in `Filtered::entities`) and its evidence, in corpus order.
    pub fn with_ends(&self) -> impl Iterator<Item = (&'c Relation, (usize, usize), &[&'c Span])> + Clone + '_ {
        self.iter()
            .zip(&self.ends)
            .map(|((relation, evidence), &(source, target))| (relation, (source as usize, target as usize), evidence))
    }

    /// Adds `relation` between `ends` with `evidence`, unless none of its evidence survives.
    fn push(&mut self, relation: &'c Relation, ends: (u32, u32), evidence: impl Iterator<Item = &'c Span>) {
        if self.evidence.push_unless_empty(evidence) {
            self.relations.push(relation);
            self.ends.push(ends);
        }
    }
}

/// The events the timeline draws: the filtered events narrowed to the
/// selected entity's. Apart from `Filtered`, so that choosing an entity
/// narrows what was filtered instead of filtering again.
#[derive(Debug, Default, PartialEq)]
pub struct TimelineEvents<'c> {
    /// In corpus order.
    pub events: Vec<&'c Event>,
    /// The dated ones in date order: the story Next walks, the list and the
    /// printed page. Sorted once per filter and selection, not on every pan.
    pub story: Vec<&'c Event>,
    /// The rest: statements whose dates cannot be placed (no publication date to count from).
    pub undated: Vec<&'c Event>,
    /// The day range of each of `events`, from the index.
    pub days: Vec<Option<(i64, i64)>>,
}

impl<'c> Filtered<'c> {
    /// Each of `events` with the day range its date covers.
    pub fn events_with_days<'a>(&'a self, index: &'a Index) -> impl Iterator<Item = (&'c Event, Option<(i64, i64)>)> + 'a {
        self.events.iter().copied().zip(self.shown_events.iter().map(|position| index.event_days(position)))
    }

    /// The filtered events about `entity`, or all of them when none is selected.
    pub fn timeline_events(&self, corpus: &'c Corpus, index: &Index, entity: Option<&str>) -> TimelineEvents<'c> {
        let in_timeline = match entity {
            None => self.shown_events.clone(),
            Some(entity) => {
                let mut about = IdSet::empty(corpus.events.len());
                let events = index.position_of_entity(corpus, entity).map_or(&[][..], |e| index.entity_events.get(e));
                events.iter().filter(|&&i| self.shown_events.contains(i)).for_each(|&i| about.insert(i));
                about
            }
        };
        // The story is the dated events in date order; what it leaves out is undated.
        let mut undated = in_timeline.clone();
        let story = index
            .events_by_date
            .iter()
            .filter(|&&i| in_timeline.contains(i))
            .map(|&i| {
                undated.remove(i);
                &corpus.events[i]
            })
            .collect();
        TimelineEvents {
            events: in_timeline.iter().map(|i| &corpus.events[i]).collect(),
            days: in_timeline.iter().map(|i| index.event_days(i)).collect(),
            story,
            undated: undated.iter().map(|i| &corpus.events[i]).collect(),
        }
    }
}

const MAX_SENTENCE_HITS: usize = 200;

pub fn apply<'c>(corpus: &'c Corpus, index: &Index, filters: &Filters) -> Filtered<'c> {
    let scope = Scope::new(corpus, index, filters);
    let mut filtered = Filtered { shown_events: IdSet::empty(corpus.events.len()), ..Filtered::default() };
    for (position, event) in corpus.events.iter().enumerate().filter(|&(position, _)| scope.shows_event(position)) {
        filtered.shown_events.insert(position);
        filtered.events.push(event);
    }
    let (quotes, speaks) = scope.quotes_in_view();
    filtered.quotes = quotes.into_iter().map(|position| &corpus.quotes[position]).collect();
    filtered.figures = corpus.figures.iter().enumerate().filter(|&(position, _)| scope.shows_figure(position)).map(|(_, f)| f).collect();
    // Each entity in view's position in `filtered.entities`, by its position in the corpus.
    let mut shown_at: Vec<Option<u32>> = vec![None; corpus.entities.len()];
    for (position, entity) in corpus.entities.iter().enumerate().filter(|&(position, _)| scope.shows_entity(position, &speaks)) {
        shown_at[position] = u32::try_from(filtered.entities.len()).ok();
        filtered.entities.push(entity);
    }
    for ((relation, ends), sentences) in corpus.relations.iter().zip(&index.relation_ends).zip(index.relation_sentences.iter()) {
        if let Some(shown_ends) = ends.0.get().zip(ends.1.get()).and_then(|(source, target)| shown_at[source].zip(shown_at[target])) {
            let evidence = relation.evidence.iter().zip(sentences).filter(|&(_, sentence)| scope.shows_statement(sentence.get()));
            filtered.relations.push(relation, shown_ends, evidence.map(|(span, _)| span));
        }
    }
    filtered
}

/// What the search's results list shows: the entities in view whose names
/// the search matches, in corpus order, and the sentences it matches that
/// pass the other filters (`MAX_SENTENCE_HITS` at most); nothing without a
/// search.
#[derive(Debug, Default, PartialEq)]
pub struct Hits<'c> {
    pub entities: Vec<&'c Entity>,
    pub sentences: Vec<SentenceHit>,
}

/// The search's hits alone, apart from `apply`: a keystroke shows them at
/// once, and the views, which need all of `apply`, follow once typing pauses.
pub fn hits<'c>(corpus: &'c Corpus, index: &Index, filters: &Filters) -> Hits<'c> {
    let scope = Scope::new(corpus, index, filters);
    let Some(search) = &scope.search else { return Hits::default() };
    // Who speaks matters only with quotes only, and finding out reads every quote.
    let speaks = if filters.quotes_only { scope.quotes_in_view().1 } else { Vec::new() };
    let entities = search.matches.entities.iter().filter(|&position| scope.shows_entity(position, &speaks));
    Hits { entities: entities.map(|position| &corpus.entities[position]).collect(), sentences: scope.sentence_hits() }
}

/// The filters' tests of single items, answered from the index.
struct Scope<'a> {
    corpus: &'a Corpus,
    index: &'a Index,
    filters: &'a Filters,
    /// By entity position, whether it is of a chosen kind; none when no kind
    /// is chosen, as then every kind is in view.
    kinds: Option<Vec<bool>>,
    search: Option<Search>,
}

/// What a search matched, with what filtering asks of it about entities
/// worked out once rather than item by item, when first asked (the hits
/// alone never ask).
struct Search {
    matches: Matches,
    /// The events about an entity whose names match.
    events_about_names: OnceCell<IdSet>,
    /// The entities named in a matching sentence that is in scope.
    named_in_hits: OnceCell<IdSet>,
}

impl<'a> Scope<'a> {
    fn new(corpus: &'a Corpus, index: &'a Index, filters: &'a Filters) -> Scope<'a> {
        let kinds = (!filters.kinds.is_empty()).then(|| corpus.entities.iter().map(|e| filters.kinds.contains(&e.kind)).collect());
        let search = index.search(corpus, &filters.query).map(|matches| Search {
            matches,
            events_about_names: OnceCell::new(),
            named_in_hits: OnceCell::new(),
        });
        Scope { corpus, index, filters, kinds, search }
    }

    /// The events about an entity whose names the search matches.
    fn events_about_names<'s>(&self, search: &'s Search) -> &'s IdSet {
        search.events_about_names.get_or_init(|| {
            let mut events = IdSet::empty(self.corpus.events.len());
            let about = search.matches.entities.iter().flat_map(|entity| self.index.entity_events.get(entity));
            about.for_each(|&event| events.insert(event));
            events
        })
    }

    /// The entities named in a sentence the search matches that is in scope.
    fn named_in_hits<'s>(&self, search: &'s Search) -> &'s IdSet {
        search.named_in_hits.get_or_init(|| {
            let mut named = IdSet::empty(self.corpus.entities.len());
            for sentence in search.matches.sentences.iter().filter(|&n| self.in_scope(n)) {
                self.index.sentence_entities.get(sentence).iter().for_each(|&entity| named.insert(entity));
            }
            named
        })
    }

    /// Whether the entity at `position` is of a kind in view.
    fn shows_kind(&self, position: usize) -> bool {
        self.kinds.as_ref().is_none_or(|kinds| kinds[position])
    }

    /// Whether a day range passes the dates filter; `days` is looked up only when one is set.
    fn days_ok(&self, days: impl FnOnce() -> Option<(i64, i64)>) -> bool {
        self.filters.range.is_none_or(|range| days().is_some_and(|d| range.overlaps(d)))
    }

    /// Whether a sentence lies in the chosen articles and dates.
    fn in_scope(&self, sentence: usize) -> bool {
        let article_chosen = || self.filters.articles.contains(&self.corpus.articles[self.index.article_of(sentence)].id);
        (self.filters.articles.is_empty() || article_chosen()) && self.days_ok(|| self.index.sentence_days[sentence].map(Days::range))
    }

    /// Whether a statement's sentence is in scope and, with quotes only, carries a quote.
    fn shows_statement(&self, sentence: Option<usize>) -> bool {
        let unfiltered = self.filters.articles.is_empty() && self.filters.range.is_none() && !self.filters.quotes_only;
        unfiltered || sentence.is_some_and(|n| self.in_scope(n) && (!self.filters.quotes_only || self.index.quoted[n]))
    }

    /// Whether a sentence passes every filter but the search: with kinds
    /// chosen, it must also name an entity of one of them.
    fn shows_sentence(&self, sentence: Option<usize>) -> bool {
        let names_kind_in_view = || {
            let named = sentence.map_or(&[][..], |n| self.index.sentence_entities.get(n));
            self.kinds.is_none() || named.iter().any(|&entity| self.shows_kind(entity))
        };
        self.shows_statement(sentence) && names_kind_in_view()
    }

    /// Whether the search, if any, matches a sentence.
    fn sentence_found(&self, sentence: Option<usize>) -> bool {
        self.search.as_ref().is_none_or(|search| sentence.is_some_and(|n| search.matches.sentences.contains(n)))
    }

    /// Whether the search, if any, matches the names of the entity at `position`.
    fn name_found(&self, position: usize) -> bool {
        self.search.as_ref().is_none_or(|search| search.matches.entities.contains(position))
    }

    /// Whether an event passes the filters: the search may match its sentence or the names of an entity it is about.
    fn shows_event(&self, position: usize) -> bool {
        let sentence = self.index.event_sentences[position].get();
        let found = || {
            self.search.as_ref().is_none_or(|search| self.events_about_names(search).contains(position)) || self.sentence_found(sentence)
        };
        self.shows_sentence(sentence) && self.days_ok(|| self.index.event_days(position)) && found()
    }

    /// Whether a quote passes the filters: with kinds chosen, its speaker
    /// must be of one; the search may match its sentence or its speaker's names.
    fn shows_quote(&self, position: usize) -> bool {
        let (sentence, speaker) = (self.index.quote_sentences[position].get(), self.index.speakers[position].get());
        let speaker_in_view = self.kinds.is_none() || speaker.is_some_and(|s| self.shows_kind(s));
        let found = self.sentence_found(sentence) || speaker.is_some_and(|s| self.name_found(s));
        // A quote's own sentence carries a quote, so quotes only keeps it.
        self.shows_statement(sentence) && speaker_in_view && found
    }

    /// Whether a figure passes the filters.
    fn shows_figure(&self, position: usize) -> bool {
        let sentence = self.index.figure_sentences[position].get();
        self.shows_sentence(sentence) && self.sentence_found(sentence)
    }

    /// Whether an entity is named in a sentence in scope that, with a
    /// search, matches, unless its own names match.
    fn named_in_view(&self, position: usize) -> bool {
        match &self.search {
            Some(search) if !search.matches.entities.contains(position) => self.named_in_hits(search).contains(position),
            _ => self.index.mention_sentences.get(position).iter().any(|&n| self.in_scope(n)),
        }
    }

    /// The quotes in view, by position, and who speaks in them, by entity
    /// position: with quotes only, no one else is in view.
    fn quotes_in_view(&self) -> (Vec<usize>, Vec<bool>) {
        let (mut quotes, mut speaks) = (Vec::new(), vec![false; self.corpus.entities.len()]);
        for position in (0..self.corpus.quotes.len()).filter(|&position| self.shows_quote(position)) {
            quotes.push(position);
            if let Some(speaker) = self.index.speakers[position].get() {
                speaks[speaker] = true;
            }
        }
        (quotes, speaks)
    }

    /// Whether the entity at `position` is in view: of a kind in view, named
    /// in view and, with quotes only, speaking in a quote in view (`speaks`).
    fn shows_entity(&self, position: usize, speaks: &[bool]) -> bool {
        (!self.filters.quotes_only || speaks[position]) && self.shows_kind(position) && self.named_in_view(position)
    }

    /// The sentences the search matches that pass the other filters, in
    /// corpus order, at most `MAX_SENTENCE_HITS`.
    fn sentence_hits(&self) -> Vec<SentenceHit> {
        let Some(Search { matches: search, .. }) = &self.search else { return Vec::new() };
        search
            .sentences
            .iter()
            .filter(|&n| self.shows_sentence(Some(n)))
            .take(MAX_SENTENCE_HITS)
            .map(|n| self.index.numbered_sentence(self.corpus, n))
            .map(|(sentence, text)| SentenceHit { matched: marked(text, sentence.start, &search.words), sentence })
            .collect()
    }
}

/// Positions of the articles whose title, outlet or publication date hold
/// every word of `query`, in any case; all of them for an empty query. The
/// article facet's own filter, which narrows its list and nothing else.
pub fn articles_matching(articles: &[Article], query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(case::lowercase).collect();
    let matches = |article: &Article| {
        let described =
            case::lowercase(&format!("{} {} {}", article.title, article.outlet, article.published.as_deref().unwrap_or_default()));
        words.iter().all(|word| described.contains(word.as_str()))
    };
    articles.iter().enumerate().filter(|(_, article)| words.is_empty() || matches(article)).map(|(position, _)| position).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;
    use crate::view::calendar::days_from_civil;
    use crate::view::state::{Action, DayRange, ViewState};
    use proptest::prelude::*;

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
    fn found_numbers_read_back_as_kept() {
        for number in [None, Some(0), Some(1), Some(40_571), Some(u32::MAX as usize - 1)] {
            assert_eq!(Found::from(number).get(), number);
        }
        assert_eq!(std::mem::size_of::<Found>(), 4);
    }

    #[test]
    fn every_item_is_found_by_its_id_and_no_other() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        for entity in &corpus.entities {
            assert!(std::ptr::eq(index.entity(&corpus, &entity.id).unwrap(), entity));
        }
        for event in &corpus.events {
            assert!(std::ptr::eq(index.event(&corpus, &event.id).unwrap(), event));
            assert_eq!(index.text_of(&corpus, &event.evidence), corpus.slice(&event.evidence));
        }
        for relation in &corpus.relations {
            assert!(std::ptr::eq(index.relation(&corpus, &relation.id).unwrap(), relation));
        }
        for figure in &corpus.figures {
            assert!(std::ptr::eq(index.figure(&corpus, &figure.id).unwrap(), figure));
        }
        for missing in ["", "nobody", "ev-0", "zzz"] {
            assert!(index.entity(&corpus, missing).is_none() && index.event(&corpus, missing).is_none());
        }
    }

    #[test]
    fn an_index_built_in_steps_is_the_index_built_at_once() {
        let corpus = corpus();
        let at_once = Index::new(&corpus);
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(40));
        runner
            .run(&(1usize..100), |steps_per_slice| {
                let mut building = IndexBuilder::new(&corpus);
                let mut slices = 1;
                loop {
                    let mut steps = 0;
                    if building.build(|| {
                        steps += 1;
                        steps < steps_per_slice
                    }) {
                        break;
                    }
                    slices += 1;
                }
                prop_assert!(slices > corpus.entities.len() / ITEMS_PER_STEP / steps_per_slice, "{slices} slices");
                prop_assert_eq!(&building.finish(), &at_once);
                Ok(())
            })
            .unwrap();
    }

    proptest! {
        #[test]
        fn lists_grouped_the_other_way_round_hold_each_list_number_in_order(lists in proptest::collection::vec(proptest::collection::vec(0usize..12, 0..6), 0..20)) {
            let mut flat = Lists::with_capacity(lists.len());
            lists.iter().for_each(|list| flat.push(list.iter().copied()));
            prop_assert_eq!(flat.iter().collect::<Vec<_>>(), lists.iter().map(Vec::as_slice).collect::<Vec<_>>());
            let grouped = flat.grouped(12);
            for item in 0..12 {
                let holding: Vec<usize> =
                    lists.iter().enumerate().flat_map(|(number, list)| list.iter().filter(|&&i| i == item).map(move |_| number)).collect();
                prop_assert_eq!(grouped.get(item), &holding[..]);
            }
        }
    }

    proptest! {
        #[test]
        fn an_item_is_found_by_its_id_in_any_order(ids in proptest::collection::vec("[a-c]{0,3}", 0..40), counted in any::<bool>()) {
            // Ids that count, as the pipeline writes them, or any.
            let ids: Vec<String> = if counted { (0..ids.len()).map(|i| format!("ev-{i}")).collect() } else { ids };
            let by_id = ById::new(ids.iter().map(String::as_str).collect());
            prop_assert_eq!(matches!(by_id, ById::InOrder), ids.is_sorted_by(|a, b| id_order(a, b).is_le()));
            for (position, id) in ids.iter().enumerate() {
                let found = by_id.find(ids.len(), &|i| &ids[i], id);
                prop_assert_eq!(found, ids.iter().position(|other| other == id), "{} at {}", id, position);
            }
            prop_assert_eq!(by_id.find(ids.len(), &|i| &ids[i], "d"), None);
        }
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
    fn each_relation_keeps_the_evidence_of_its_that_survives_the_filters() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        fn evidence<'c>(filtered: &Filtered<'c>) -> Vec<(&'c String, Vec<&'c Span>)> {
            filtered.relations.iter().map(|(r, e)| (&r.id, e.to_vec())).collect()
        }
        let all = apply(&corpus, &index, &ViewState::default().filters());
        assert_eq!(evidence(&all), corpus.relations.iter().map(|r| (&r.id, r.evidence.iter().collect())).collect::<Vec<_>>());
        for article in &corpus.articles {
            let filtered = apply(&corpus, &index, &ViewState::default().reduce(Action::ToggleArticle(article.id.clone())).filters());
            let shown = |id: &str| filtered.entities.iter().any(|e| e.id == id);
            let expected: Vec<_> = corpus
                .relations
                .iter()
                .filter(|r| shown(&r.source) && shown(&r.target))
                .map(|r| (&r.id, r.evidence.iter().filter(|span| *span.article == *article.id).collect::<Vec<_>>()))
                .filter(|(_, kept)| !kept.is_empty())
                .collect();
            assert_eq!(evidence(&filtered), expected, "{}", article.id);
            assert_eq!(filtered.relations.iter().count(), filtered.relations.len());
            for (relation, (source, target), _) in filtered.relations.with_ends() {
                assert_eq!([&*filtered.entities[source].id, &*filtered.entities[target].id], [&*relation.source, &*relation.target]);
            }
        }
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
        let found = hits(&corpus, &index, &state.filters());
        assert_eq!(found.sentences.len(), 3);
        for hit in &found.sentences {
            let text = &index.article(&corpus, &hit.sentence.article).expect("hit's article").text;
            let matched: Vec<&str> = hit.pieces(text).into_iter().filter(|&(_, matched)| matched).map(|(piece, _)| piece).collect();
            assert_eq!(matched, ["Sopheak"]);
        }
        let state = ViewState::default().reduce(Action::SelectEntity(Some("khieu-sopheak".into())));
        let filtered = apply(&corpus, &index, &state.filters());
        assert_eq!(filtered.timeline_events(&corpus, &index, state.entity()).events.len(), 1);
        assert_eq!(filtered.events.len(), corpus.events.len());
    }

    fn searching(query: &str) -> Filters {
        ViewState::default().reduce(Action::SetQuery(query.into())).filters()
    }

    fn hit_starts(corpus: &Corpus, index: &Index, query: &str) -> Vec<(String, usize)> {
        hits(corpus, index, &searching(query)).sentences.into_iter().map(|h| (h.sentence.article.to_string(), h.sentence.start)).collect()
    }

    #[test]
    fn the_word_index_builds_in_slices_and_a_search_meanwhile_finishes_it() {
        let corpus = corpus();
        let built_at_once = Index::new(&corpus);
        let expected = apply(&corpus, &built_at_once, &searching("khieu s"));
        let index = Index::new(&corpus);
        assert!(!index.build_words(&corpus, || false), "one slice reads a few texts, not the corpus");
        assert_eq!(apply(&corpus, &index, &searching("khieu s")), expected, "searched before the index was built");
        assert!(index.build_words(&corpus, || false), "the search finished it");
        let index = Index::new(&corpus);
        let mut slices = 1;
        while !index.build_words(&corpus, || false) {
            slices += 1;
        }
        assert!(slices >= 3, "reading takes a slice or more, sorting one of its own: {slices}");
        assert_eq!(apply(&corpus, &index, &searching("khieu s")), expected, "searched once the slices built it");
    }

    #[test]
    fn search_matches_the_beginnings_of_words_in_any_case() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        let sopheak = hit_starts(&corpus, &index, "Sopheak");
        assert_eq!(hit_starts(&corpus, &index, "sophea"), sopheak);
        assert_eq!(hit_starts(&corpus, &index, "SOPHEAK"), sopheak);
        assert_eq!(hit_starts(&corpus, &index, "  sopheak "), sopheak);
        assert!(hit_starts(&corpus, &index, "opheak").is_empty(), "the middle of a word is not its beginning");
        let filtered = apply(&corpus, &index, &searching("ophea"));
        assert!(hits(&corpus, &index, &searching("ophea")).entities.is_empty());
        assert!(filtered.events.is_empty() && filtered.entities.is_empty());
    }

    #[test]
    fn every_word_of_a_query_must_begin_a_word_of_the_sentence_in_any_order() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        let both = hit_starts(&corpus, &index, "khieu sopheak");
        assert!(!both.is_empty());
        assert_eq!(hit_starts(&corpus, &index, "sopheak khieu"), both);
        assert_eq!(hit_starts(&corpus, &index, "Sopheak, Khieu!"), both, "punctuation separates words");
        let ministry = hit_starts(&corpus, &index, "ministry");
        let interior_ministry = hit_starts(&corpus, &index, "interior ministry");
        assert!(interior_ministry.len() < ministry.len() && interior_ministry.iter().all(|hit| ministry.contains(hit)));
    }

    #[test]
    fn a_blank_query_is_no_search_and_an_unmatched_one_shows_nothing() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        let unfiltered = apply(&corpus, &index, &ViewState::default().filters());
        for blank in ["", "   "] {
            assert_eq!(apply(&corpus, &index, &searching(blank)), unfiltered);
        }
        for nothing in ["zzyzx", "—", "...", "sopheak zzyzx"] {
            let filtered = apply(&corpus, &index, &searching(nothing));
            assert_eq!((filtered.events.len(), filtered.entities.len(), filtered.quotes.len()), (0, 0, 0), "{nothing:?}");
            assert_eq!((filtered.figures.len(), filtered.relations.len()), (0, 0), "{nothing:?}");
            assert_eq!(hits(&corpus, &index, &searching(nothing)), Hits::default(), "{nothing:?}");
        }
    }

    #[test]
    fn non_ascii_queries_never_cut_a_character() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        for query in ["é", "ÉCOLE", "İ", "ß", "ភ្នំពេញ", "ក្រសួង", "العربية", "ﷺ", "cafe\u{301}", "\u{301}", "🙂", "Phnom ពេញ"]
        {
            for hit in hits(&corpus, &index, &searching(query)).sentences {
                let text = &index.article(&corpus, &hit.sentence.article).expect("article").text;
                assert!(hit.pieces(text).iter().any(|&(_, matched)| matched), "{query:?}");
            }
        }
    }

    fn names(e: &Entity) -> Vec<&str> {
        std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)).collect()
    }

    /// Which entities' names or aliases match, which sentences match, and
    /// so which events, quotes, figures and entities a search shows and what
    /// its hits are, by a scan of the corpus with the same rule as the index.
    fn search_naively<'c>(corpus: &'c Corpus, index: &Index, query: &str) -> (Filtered<'c>, Hits<'c>) {
        let words = crate::view::search::query_words(query);
        let matches = |texts: &[&str]| crate::view::search::matches_naively(texts.iter().copied(), &words);
        let named = |id: &str| index.entity(corpus, id).is_some_and(|e| matches(&names(e)));
        let sentence = |span: &Span| {
            let article = index.article(corpus, &span.article).expect("article");
            let sentence = article.sentences.iter().find(|s| s[0] <= span.start && span.end <= s[1]);
            sentence.is_some_and(|&[start, end]| matches(&[&article.text[start..end]]))
        };
        let sentences = corpus
            .articles
            .iter()
            .flat_map(|article| article.sentences.iter().map(move |&[start, end]| (article, start, end)))
            .filter(|&(article, start, end)| matches(&[&article.text[start..end]]))
            .take(MAX_SENTENCE_HITS)
            .map(|(article, start, end)| SentenceHit {
                sentence: Span { article: article.id.as_str().into(), start, end },
                matched: marked(&article.text[start..end], start, &words),
            })
            .collect();
        let filtered = Filtered {
            events: corpus.events.iter().filter(|e| sentence(&e.evidence) || e.entities.iter().any(|id| named(id))).collect(),
            quotes: corpus.quotes.iter().filter(|q| sentence(&q.evidence) || q.speaker.as_deref().is_some_and(named)).collect(),
            figures: corpus.figures.iter().filter(|f| sentence(&f.evidence)).collect(),
            entities: corpus.entities.iter().filter(|e| matches(&names(e)) || e.mentions.iter().any(sentence)).collect(),
            ..Filtered::default()
        };
        (filtered, Hits { entities: corpus.entities.iter().filter(|e| matches(&names(e))).collect(), sentences })
    }

    #[test]
    fn indexed_search_finds_what_a_scan_finds_for_every_word_beginning_in_the_corpus() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        let mut queries = std::collections::BTreeSet::<String>::new();
        let texts = corpus.articles.iter().map(|a| a.text.as_str()).chain(corpus.entities.iter().map(|e| e.name.as_str()));
        for text in texts {
            let words: Vec<&str> = crate::view::search::words(text).map(|(_, w)| w).collect();
            for word in &words {
                for length in 1..=4 {
                    let end = word.char_indices().nth(length).map(|(at, _)| at);
                    if end.is_some() || word.chars().count() == length {
                        queries.insert(word[..end.unwrap_or(word.len())].to_string());
                    }
                }
            }
            // Two-word queries from neighbouring words, and an upper-cased one.
            for pair in words.windows(2) {
                let first_two = pair[0].char_indices().nth(2).map_or(pair[0].len(), |(at, _)| at);
                queries.insert(format!("{} {}", &pair[0][..first_two], pair[1]));
                queries.insert(pair[1].to_uppercase());
            }
        }
        assert!(queries.len() > 1000, "{} queries", queries.len());
        for query in &queries {
            let (filtered, found) = (apply(&corpus, &index, &searching(query)), hits(&corpus, &index, &searching(query)));
            let (naive, naive_hits) = search_naively(&corpus, &index, query);
            assert_eq!(filtered.events, naive.events, "events for {query:?}");
            assert_eq!(filtered.quotes, naive.quotes, "quotes for {query:?}");
            assert_eq!(filtered.figures, naive.figures, "figures for {query:?}");
            assert_eq!(filtered.entities, naive.entities, "entities for {query:?}");
            assert_eq!(found, naive_hits, "hits for {query:?}");
        }
    }

    /// Random sequences of the actions that filter or select, over the
    /// shipped corpus's kinds, articles, dates, words and entities.
    fn filtering_actions(corpus: &Corpus) -> impl Strategy<Value = Vec<Action>> {
        use proptest::sample::select;
        let articles: Vec<String> = corpus.articles.iter().map(|a| a.id.clone()).collect();
        let mut entities: Vec<String> = corpus.entities.iter().map(|e| e.id.clone()).collect();
        entities.push("no-such-entity".into());
        // Queries: none, common words, none matching, and every entity's names and their beginnings.
        let mut queries: Vec<String> = ["", "the", "said", "p", "zzyzx", "khieu s"].map(String::from).to_vec();
        for name in corpus.entities.iter().flat_map(|e| std::iter::once(&e.name).chain(&e.aliases)) {
            queries.push(name.clone());
            queries.push(name.chars().take(3).collect());
        }
        let (first, last) = (days_from_civil(2016, 6, 1), days_from_civil(2019, 1, 1));
        let action = prop_oneof![
            select(queries).prop_map(Action::SetQuery),
            select(&EntityKind::ALL[..]).prop_map(Action::ToggleKind),
            select(articles).prop_map(Action::ToggleArticle),
            proptest::option::of((first..last, first..last)).prop_map(|r| Action::SetRange(r.map(|(a, b)| DayRange::between(a, b)))),
            any::<bool>().prop_map(Action::SetQuotesOnly),
            proptest::option::of(select(entities)).prop_map(Action::SelectEntity),
        ];
        proptest::collection::vec(action, 0..8)
    }

    #[test]
    fn the_timeline_is_the_filtered_events_about_the_selection_and_the_story_its_dated_ones_in_date_order() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(400));
        runner
            .run(&filtering_actions(&corpus), |actions| {
                let state = actions.into_iter().fold(ViewState::default(), |s, a| s.reduce(a));
                let filtered = apply(&corpus, &index, &state.filters());
                let selected = state.entity();
                let narrowed = filtered.timeline_events(&corpus, &index, selected);
                let about = |e: &&Event| selected.is_none_or(|id| e.entities.iter().any(|x| x == id));
                let timeline: Vec<&Event> = filtered.events.iter().copied().filter(about).collect();
                let mut dated: Vec<((i64, i64), &Event)> =
                    timeline.iter().filter_map(|e| event_range(&e.date).map(|days| (days, *e))).collect();
                dated.sort_by_key(|&(days, _)| days);
                prop_assert_eq!(&narrowed.story, &dated.into_iter().map(|(_, e)| e).collect::<Vec<_>>());
                prop_assert_eq!(
                    &narrowed.undated,
                    &timeline.iter().copied().filter(|e| event_range(&e.date).is_none()).collect::<Vec<_>>()
                );
                prop_assert_eq!(&narrowed.events, &timeline);
                prop_assert_eq!(narrowed.days, timeline.iter().map(|e| event_range(&e.date)).collect::<Vec<_>>());
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn the_entity_hits_are_the_entities_in_view_whose_names_match() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(200));
        runner
            .run(&filtering_actions(&corpus), |actions| {
                let filters = actions.into_iter().fold(ViewState::default(), |s, a| s.reduce(a)).filters();
                let words = crate::view::search::query_words(&filters.query);
                let named = |e: &&&Entity| !words.is_empty() && crate::view::search::matches_naively(names(e), &words);
                let in_view: Vec<&Entity> = apply(&corpus, &index, &filters).entities.iter().filter(named).copied().collect();
                prop_assert_eq!(hits(&corpus, &index, &filters).entities, in_view);
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn a_hit_is_its_sentence_in_pieces_with_the_matches_marked() {
        let hit = SentenceHit { sentence: Span { article: "a".into(), start: 4, end: 18 }, matched: vec![(4, 8), (9, 13)] };
        let text = "... Tony Blair met Bob.";
        assert_eq!(hit.pieces(text), [("Tony", true), (" ", false), ("Blai", true), ("r met", false)]);
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
