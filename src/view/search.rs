//! Word-prefix search. A query matches a text when each of its words begins
//! a word of the text, ignoring case: "blai min" finds "Tony Blair, the
//! prime minister". The words of every sentence and of every entity's names
//! are kept sorted, so the words beginning with a prefix are one range found
//! by binary search, and a keystroke reads postings instead of the corpus.

use super::case;
use crate::model::Corpus;
use std::collections::HashMap;

/// The words of `text` with their byte offsets: runs of letters and digits,
/// with the marks that belong inside a word (combining accents, viramas,
/// Khmer vowel signs and coeng), so non-Latin words are not cut apart.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|&(_, c)| is_word_char(c))?;
        let mut end = text.len();
        while let Some(&(at, c)) = rest.peek() {
            if !is_word_char(c) {
                end = at;
                break;
            }
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
        || matches!(c, '\u{17B4}'..='\u{17D3}' | '\u{17DD}')
        || (('\u{0900}'..='\u{0DFF}').contains(&c) && !matches!(c, '\u{0964}' | '\u{0965}'))
}

/// Lower-cases char by char, the same way for the index, the query and the
/// highlight, so a query word's length in bytes maps back onto the text.
fn lower_into(word: &str, into: &mut String) {
    into.clear();
    if word.is_ascii() {
        // Most words: one byte per char either way, lowered in place.
        into.push_str(word);
        into.make_ascii_lowercase();
    } else {
        word.chars().for_each(|c| case::push_lowercase(c, into));
    }
}

/// The lower-cased words of a query.
pub fn query_words(query: &str) -> Vec<String> {
    words(query)
        .map(|(_, word)| {
            let mut lower = String::new();
            lower_into(word, &mut lower);
            lower
        })
        .collect()
}

/// Where `word` (from the text) begins with a lower-cased query word: the
/// length in the text's bytes of the longest such beginning.
fn matched_length(word: &str, query: &[String]) -> Option<usize> {
    let mut lower = String::new();
    lower_into(word, &mut lower);
    let longest = query.iter().filter(|q| lower.starts_with(q.as_str())).map(String::len).max()?;
    // Walk the text's chars until their lower-case forms cover the query word.
    let mut covered = 0;
    for (at, c) in word.char_indices() {
        covered += case::lowercase_len(c);
        if covered >= longest {
            return Some(at + c.len_utf8());
        }
    }
    Some(word.len())
}

/// The byte ranges of `text`, offset by `offset`, where its words begin with
/// a query word: what a search hit highlights.
pub fn marked(text: &str, offset: usize, query: &[String]) -> Vec<(usize, usize)> {
    words(text).filter_map(|(at, word)| matched_length(word, query).map(|len| (offset + at, offset + at + len))).collect()
}

/// Whether each query word begins one of the words of `texts`: the scan
/// the index stands for, which tests compare it with.
#[cfg(test)]
pub fn matches_naively<'t>(texts: impl IntoIterator<Item = &'t str>, query: &[String]) -> bool {
    let mut lower = String::new();
    let mut found = vec![false; query.len()];
    for (_, word) in texts.into_iter().flat_map(words) {
        lower_into(word, &mut lower);
        for (hit, q) in found.iter_mut().zip(query) {
            *hit |= lower.starts_with(q.as_str());
        }
    }
    found.iter().all(|&hit| hit)
}

/// A set of ids below a known bound (sentence numbers, entity positions).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IdSet(Vec<u64>);

impl IdSet {
    pub fn empty(len: usize) -> IdSet {
        IdSet(vec![0; len.div_ceil(64)])
    }

    pub fn insert(&mut self, id: usize) {
        self.0[id / 64] |= 1 << (id % 64);
    }

    pub fn remove(&mut self, id: usize) {
        self.0[id / 64] &= !(1 << (id % 64));
    }

    pub fn contains(&self, id: usize) -> bool {
        self.0.get(id / 64).is_some_and(|bits| bits & (1 << (id % 64)) != 0)
    }

    fn keep_common(&mut self, other: &IdSet) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }

    /// The ids in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(block, &bits)| {
            let mut rest = bits;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    block * 64 + bit
                })
            })
        })
    }
}

/// Distinct lower-cased words in sorted order, each with the ascending ids
/// of the texts it occurs in: flattened (one allocation, not one per word)
/// and delta-encoded (`push_delta`), about a byte and a half an id instead
/// of four, for the 750,000 ids of the BBC articles' sentences.
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Postings {
    words: Vec<Box<str>>,
    /// `ids[ends[i - 1]..ends[i]]` hold the ids of `words[i]`, delta-encoded.
    ends: Vec<u32>,
    ids: Vec<u8>,
    /// How many texts were indexed; ids are below it.
    texts: usize,
}

/// Appends `delta`, the distance from the previous id of a list (from zero
/// for the first), seven bits a byte, low bits first; the high bit of a
/// byte says another follows.
fn push_delta(bytes: &mut Vec<u8>, mut delta: u32) {
    while delta >= 0x80 {
        bytes.push((delta & 0x7f) as u8 | 0x80);
        delta >>= 7;
    }
    bytes.push(delta as u8);
}

/// The ids of a list written by `push_delta`.
fn read_deltas(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut bytes = bytes.iter();
    let mut id = 0;
    std::iter::from_fn(move || {
        let mut delta = 0;
        let mut shift = 0;
        loop {
            let byte = *bytes.next()?;
            delta |= u32::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                id += delta;
                return Some(id);
            }
            shift += 7;
        }
    })
}

impl Postings {
    /// Indexes the words of each text (its id is its position); a text may
    /// come in several parts (an entity's name and aliases).
    #[cfg(test)]
    fn new<'t, P: IntoIterator<Item = &'t str>>(texts: impl Iterator<Item = P>) -> Postings {
        let mut postings = PostingsBuilder::default();
        texts.for_each(|parts| postings.add(parts));
        postings.finish()
    }

    /// The texts in which a word begins with each of the query words.
    fn matching(&self, query: &[String]) -> IdSet {
        let mut found: Option<IdSet> = None;
        for prefix in query {
            let beginning = self.beginning_with(prefix);
            match &mut found {
                Some(found) => found.keep_common(&beginning),
                None => found = Some(beginning),
            }
        }
        found.unwrap_or_else(|| IdSet::empty(self.texts))
    }

    fn beginning_with(&self, prefix: &str) -> IdSet {
        let mut set = IdSet::empty(self.texts);
        // Sorted words that begin with `prefix` follow one another from the first word not below it.
        let from = self.words.partition_point(|word| &**word < prefix);
        let to = from + self.words[from..].partition_point(|word| word.starts_with(prefix));
        for word in from..to {
            let start = if word == 0 { 0 } else { self.ends[word - 1] as usize };
            read_deltas(&self.ids[start..self.ends[word] as usize]).for_each(|id| set.insert(id as usize));
        }
        set
    }
}

/// Postings in the making: each word's ids, delta-encoded, as texts are
/// added in order.
#[derive(Default)]
struct PostingsBuilder {
    /// Each word's place in `ids_by_place`: a `String` key and a place, as
    /// the app's other hash tables have, so the wasm carries one table type.
    by_word: HashMap<String, usize>,
    /// Each word's ids so far, and the last of them.
    ids_by_place: Vec<(Vec<u8>, u32)>,
    /// How many texts were added: the next text's id.
    texts: usize,
    lower: String,
}

impl PostingsBuilder {
    /// Adds the words of the next text, which may come in several parts.
    fn add<'t>(&mut self, parts: impl IntoIterator<Item = &'t str>) {
        let id = u32::try_from(self.texts).expect("fewer than 4 billion texts");
        self.texts += 1;
        for (_, word) in parts.into_iter().flat_map(words) {
            lower_into(word, &mut self.lower);
            match self.by_word.get(self.lower.as_str()) {
                Some(&place) => {
                    let (ids, last) = &mut self.ids_by_place[place];
                    // Ids arrive in order, so a repeat is always the last one.
                    if *last != id {
                        push_delta(ids, id - *last);
                        *last = id;
                    }
                }
                None => {
                    let mut ids = Vec::new();
                    push_delta(&mut ids, id);
                    self.by_word.insert(self.lower.clone(), self.ids_by_place.len());
                    self.ids_by_place.push((ids, id));
                }
            }
        }
    }

    /// The words in order, with their ids in one list.
    fn finish(mut self) -> Postings {
        let mut entries: Vec<(String, usize)> = self.by_word.into_iter().collect();
        // Ordered through `view::sorting`, whose one sort the app shares, rather than by a sort of its own.
        let order = super::sorting::stable_order(entries.len(), &|a, b| entries[a].0.cmp(&entries[b].0));
        let bytes = self.ids_by_place.iter().map(|(ids, _)| ids.len()).sum();
        let mut postings = Postings {
            words: Vec::with_capacity(entries.len()),
            ends: Vec::with_capacity(entries.len()),
            ids: Vec::with_capacity(bytes),
            texts: self.texts,
        };
        for at in order {
            let (word, place) = std::mem::take(&mut entries[at as usize]);
            let ids = std::mem::take(&mut self.ids_by_place[place].0);
            postings.ids.extend(ids);
            postings.words.push(word.into_boxed_str());
            postings.ends.push(u32::try_from(postings.ids.len()).expect("fewer than 4 GiB of postings"));
        }
        postings
    }
}

/// The words of every sentence (numbered through the articles in order) and
/// of every entity's name and aliases (by position).
#[cfg_attr(test, derive(Debug, PartialEq))]
pub struct SearchIndex {
    sentences: Postings,
    names: Postings,
}

/// What a query matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Matches {
    /// The query's lower-cased words.
    pub words: Vec<String>,
    /// Sentence numbers: the articles' sentences, counted through the articles in order.
    pub sentences: IdSet,
    /// Entity positions, matched by name or alias.
    pub entities: IdSet,
}

impl SearchIndex {
    /// The whole index at once (tests and benchmarks; the app builds it in slices).
    pub fn new(corpus: &Corpus) -> SearchIndex {
        let mut building = SearchIndexBuilder::default();
        while !building.read(corpus, || true) {}
        building.finish()
    }

    /// What `query` matches; a query without words matches nothing.
    pub fn search(&self, query: &str) -> Matches {
        let words = query_words(query);
        Matches { sentences: self.sentences.matching(&words), entities: self.names.matching(&words), words }
    }
}

/// The word index built a slice at a time, so that no task of the page
/// builds it all: the words of the sentences, article by article, then of
/// the names; then `finish` sorts them into the index.
#[derive(Default)]
pub struct SearchIndexBuilder {
    sentences: PostingsBuilder,
    names: PostingsBuilder,
    /// Where reading goes on: the article, and the sentence within it.
    article: usize,
    sentence: usize,
}

/// How many texts are read between asking whether to go on.
const TEXTS_BETWEEN_CHECKS: usize = 64;

impl SearchIndexBuilder {
    /// Reads the words of the texts that follow, a few at a time while
    /// `more()` holds; whether every text has been read.
    pub fn read(&mut self, corpus: &Corpus, mut more: impl FnMut() -> bool) -> bool {
        loop {
            for _ in 0..TEXTS_BETWEEN_CHECKS {
                if let Some(article) = corpus.articles.get(self.article) {
                    match article.sentences.get(self.sentence) {
                        Some(&[start, end]) => {
                            self.sentences.add([article.text.get(start..end).unwrap_or("")]);
                            self.sentence += 1;
                        }
                        None => (self.article, self.sentence) = (self.article + 1, 0),
                    }
                } else if let Some(entity) = corpus.entities.get(self.names.texts) {
                    self.names.add(std::iter::once(entity.name.as_str()).chain(entity.aliases.iter().map(String::as_str)));
                } else {
                    return true;
                }
            }
            if !more() {
                return false;
            }
        }
    }

    /// The index of what was read.
    pub fn finish(self) -> SearchIndex {
        SearchIndex { sentences: self.sentences.finish(), names: self.names.finish() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<&str> {
        words(text).map(|(_, w)| w).collect()
    }

    #[test]
    fn words_are_letters_digits_and_the_marks_inside_them() {
        assert_eq!(words_of("Blair's £5m plan—in 2005."), ["Blair", "s", "5m", "plan", "in", "2005"]);
        assert_eq!(words_of("cafe\u{301} au lait"), ["cafe\u{301}", "au", "lait"]);
        assert_eq!(words_of("ក្រសួង មហាផ្ទៃ"), ["ក្រសួង", "មហាផ្ទៃ"]);
        assert_eq!(words_of("وزارة الداخلية، اليوم"), ["وزارة", "الداخلية", "اليوم"]);
        assert_eq!(words_of("  ...  "), Vec::<&str>::new());
        assert_eq!(words("a bc").map(|(at, _)| at).collect::<Vec<_>>(), [0, 2]);
    }

    #[test]
    fn marked_covers_the_typed_beginning_of_each_matching_word() {
        let text = "Tony Blair met Blairite MPs.";
        let query = query_words("blai");
        let ranges = marked(text, 100, &query);
        assert_eq!(ranges, [(105, 109), (115, 119)]);
        // Lower-casing that changes byte lengths still ends on a char boundary.
        let text = "İstanbul ÉCOLE";
        for (start, end) in marked(text, 0, &query_words("i\u{307}s éc")) {
            assert!(text.get(start..end).is_some());
        }
        assert_eq!(marked(text, 0, &query_words("éc")), [(10, 13)]);
    }

    #[test]
    fn postings_find_every_text_with_a_word_beginning_with_each_query_word() {
        let texts = ["The Interior Ministry said", "interior design", "ministers met", "nothing here"];
        let postings = Postings::new(texts.iter().map(|t| [*t]));
        let found = |query: &str| postings.matching(&query_words(query)).iter().collect::<Vec<_>>();
        assert_eq!(found("inter"), [0, 1]);
        assert_eq!(found("MINIST"), [0, 2]);
        assert_eq!(found("interior minis"), [0]);
        assert_eq!(found("terior"), Vec::<usize>::new(), "not a word's beginning");
        assert_eq!(found("zzz"), Vec::<usize>::new());
        assert_eq!(found("—"), Vec::<usize>::new(), "no words, no match");
        assert_eq!(found("n"), [3]);
    }

    #[test]
    fn khmer_arabic_and_accented_words_are_found_by_their_beginnings() {
        let texts = ["ក្រសួងមហាផ្ទៃ បាននិយាយ", "قالت وزارة الداخلية", "Le café de Phnom Penh", "CAFÉ Ünïcode"];
        let postings = Postings::new(texts.iter().map(|t| [*t]));
        let found = |query: &str| postings.matching(&query_words(query)).iter().collect::<Vec<_>>();
        assert_eq!(found("ក្រសួ"), [0]);
        assert_eq!(found("وزا الد"), [1]);
        assert_eq!(found("café"), [2, 3]);
        assert_eq!(found("ünï"), [3]);
        for (text, query) in texts.iter().zip(["ក្រ បាន", "الد", "caf phn", "caf ü"]) {
            let ranges = marked(text, 0, &query_words(query));
            assert!(!ranges.is_empty(), "{query:?} in {text:?}");
            assert!(ranges.iter().all(|&(start, end)| start < end && text.get(start..end).is_some()), "{query:?} in {text:?}");
        }
    }

    #[test]
    fn an_index_built_in_slices_is_the_index_built_at_once() {
        let corpus: Corpus = serde_json::from_str(include_str!("../../corpus/corpus.json")).expect("shipped corpus parses");
        let mut building = SearchIndexBuilder::default();
        let mut slices = 1;
        while !building.read(&corpus, || false) {
            slices += 1;
        }
        let texts = corpus.articles.iter().map(|a| a.sentences.len() + 1).sum::<usize>() + corpus.entities.len();
        assert_eq!(slices, texts.div_ceil(TEXTS_BETWEEN_CHECKS), "a slice reads a few texts (and steps past each article)");
        assert_eq!(building.finish(), SearchIndex::new(&corpus));
    }

    #[test]
    fn ids_read_back_as_their_deltas_were_written() {
        let ids = [0, 1, 2, 127, 128, 300, 16_383, 16_384, 2_000_000, u32::MAX];
        let mut bytes = Vec::new();
        ids.iter().fold(0, |last, &id| {
            push_delta(&mut bytes, id - last);
            id
        });
        assert_eq!(read_deltas(&bytes).collect::<Vec<_>>(), ids);
        assert_eq!(bytes.len(), 1 + 1 + 1 + 1 + 1 + 2 + 2 + 1 + 3 + 5, "seven bits a byte");
    }

    #[test]
    fn id_sets_list_their_ids_in_order() {
        let mut set = IdSet::empty(200);
        for id in [199, 0, 64, 63, 130] {
            set.insert(id);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 63, 64, 130, 199]);
        assert!(set.contains(130) && !set.contains(131) && !set.contains(10_000));
        set.remove(64);
        set.remove(65);
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 63, 130, 199]);
    }
}
