//! The view state, its URL encoding and the one reducer. Every filter,
//! selection, zoom range and open panel is here and in the URL; the app
//! derives everything else from this state and the corpus.

use super::decimal::decimal;
use super::filter::Index;
use super::form::append_pair;
use super::sorted_set::SortedSet;
use crate::model::{Corpus, EntityKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lanes {
    #[default]
    Article,
    Kind,
}

/// What the side panel shows. One value, so a panel can never name a
/// selection that is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Open {
    /// An entity: its card, its network in the graph, its events on the timeline.
    Entity(String),
    Event(String),
    Relation(String),
    Reader(ReaderTarget),
    Embed,
}

/// The dates filter: inclusive day numbers, either end open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub from: Option<i64>,
    pub to: Option<i64>,
}

impl DayRange {
    /// The range between two days in either order.
    pub fn between(a: i64, b: i64) -> DayRange {
        DayRange { from: Some(a.min(b)), to: Some(a.max(b)) }
    }

    /// A range from optional ends, ordered; none when both ends are open.
    pub fn from_ends(from: Option<i64>, to: Option<i64>) -> Option<DayRange> {
        match (from, to) {
            (Some(a), Some(b)) => Some(DayRange::between(a, b)),
            (None, None) => None,
            _ => Some(DayRange { from, to }),
        }
    }

    /// Whether the inclusive day range `(start, end)` meets this one.
    pub fn overlaps(&self, (start, end): (i64, i64)) -> bool {
        self.from.is_none_or(|from| end >= from) && self.to.is_none_or(|to| start <= to)
    }
}

/// Where the reader is open: an article, scrolled to the sentence starting at `start`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderTarget {
    pub article: String,
    pub start: Option<usize>,
}

/// The graph viewport: centre in layout units and zoom factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GraphView {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    pub query: String,
    /// Entity kinds to show; empty shows all.
    pub kinds: SortedSet<EntityKind>,
    /// Article ids to show; empty shows all.
    pub articles: SortedSet<String>,
    /// The brushed or typed date range that filters every view.
    pub range: Option<DayRange>,
    pub quotes_only: bool,
    pub open: Option<Open>,
    /// The timeline's visible window (inclusive day numbers).
    pub window: Option<(i64, i64)>,
    pub lanes: Lanes,
    pub graph: Option<GraphView>,
    pub embed: bool,
    /// The corpus version a link was made for (as decoded; links are always written with the current one).
    pub corpus: Option<String>,
}

/// What filtering reads of the view state: all of it, and nothing that
/// only pans, zooms or opens a card, so those keep the filtered data as is.
/// The selected entity is not a filter either: the timeline narrows the
/// filtered events to its events (`Filtered::timeline_events`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    pub query: String,
    pub kinds: SortedSet<EntityKind>,
    pub articles: SortedSet<String>,
    pub range: Option<DayRange>,
    pub quotes_only: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetQuery(String),
    ToggleKind(EntityKind),
    ToggleArticle(String),
    SetRange(Option<DayRange>),
    SetQuotesOnly(bool),
    SelectEntity(Option<String>),
    SelectEvent(Option<String>),
    SelectRelation(Option<String>),
    OpenReader(ReaderTarget),
    OpenEmbedDialog,
    ClosePanel,
    SetWindow(Option<(i64, i64)>),
    SetLanes(Lanes),
    SetGraphView(Option<GraphView>),
    ClearFilters,
    /// The URL changed under the app (back, forward, a pasted link).
    Replace(Box<ViewState>),
}

impl ViewState {
    /// The one reducer: every change of view state goes through here.
    pub fn reduce(&self, action: Action) -> ViewState {
        let mut next = self.clone();
        match action {
            Action::SetQuery(query) => next.query = query,
            Action::ToggleKind(kind) => next.kinds.toggle(kind),
            Action::ToggleArticle(article) => next.articles.toggle(article),
            Action::SetRange(range) => next.range = range.and_then(|r| DayRange::from_ends(r.from, r.to)),
            Action::SetQuotesOnly(on) => next.quotes_only = on,
            Action::SelectEntity(entity) => next.open = entity.map(Open::Entity),
            Action::SelectEvent(event) => next.open = event.map(Open::Event),
            Action::SelectRelation(relation) => next.open = relation.map(Open::Relation),
            Action::OpenReader(target) => next.open = Some(Open::Reader(target)),
            Action::OpenEmbedDialog => next.open = Some(Open::Embed),
            Action::ClosePanel => next.open = None,
            Action::SetWindow(window) => next.window = window.filter(|(a, b)| a < b),
            Action::SetLanes(lanes) => next.lanes = lanes,
            Action::SetGraphView(view) => next.graph = view,
            Action::ClearFilters => {
                next.query.clear();
                next.kinds.clear();
                next.articles.clear();
                next.range = None;
                next.quotes_only = false;
            }
            Action::Replace(state) => next = *state,
        }
        next
    }

    /// The entity whose card is open: its network is highlighted and the timeline shows its events.
    pub fn entity(&self) -> Option<&str> {
        match &self.open {
            Some(Open::Entity(id)) => Some(id),
            _ => None,
        }
    }

    pub fn filters(&self) -> Filters {
        Filters {
            query: self.query.clone(),
            kinds: self.kinds.clone(),
            articles: self.articles.clone(),
            range: self.range,
            quotes_only: self.quotes_only,
        }
    }

    /// The event whose card is open.
    pub fn event(&self) -> Option<&str> {
        match &self.open {
            Some(Open::Event(id)) => Some(id),
            _ => None,
        }
    }

    /// The relation whose evidence is open.
    pub fn relation(&self) -> Option<&str> {
        match &self.open {
            Some(Open::Relation(id)) => Some(id),
            _ => None,
        }
    }

    /// Whether going from `self` to `next` deserves a history entry (filters,
    /// selections, panels) rather than replacing the current one (zooming,
    /// panning, typing a search), so Back steps through what readers chose.
    pub fn is_navigation(&self, next: &ViewState) -> bool {
        let settled = |s: &ViewState| ViewState { window: None, graph: None, query: String::new(), ..s.clone() };
        settled(self) != settled(next)
    }

    /// The URL query for this state (without `?`), naming `corpus_version`.
    pub fn encode(&self, corpus_version: &str) -> String {
        let mut out = String::new();
        if !self.query.is_empty() {
            append_pair(&mut out, "q", &self.query);
        }
        if !self.kinds.is_empty() {
            append_pair(&mut out, "kinds", &self.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(","));
        }
        if !self.articles.is_empty() {
            append_pair(&mut out, "articles", &self.articles.iter().map(String::as_str).collect::<Vec<_>>().join(","));
        }
        if let Some(range) = self.range {
            for (key, day) in [("from", range.from), ("to", range.to)] {
                if let Some(day) = day {
                    append_pair(&mut out, key, &super::calendar::format_day(day));
                }
            }
        }
        if self.quotes_only {
            append_pair(&mut out, "quotes", "1");
        }
        match &self.open {
            Some(Open::Entity(id)) => append_pair(&mut out, "entity", id),
            Some(Open::Event(id)) => append_pair(&mut out, "event", id),
            Some(Open::Relation(id)) => append_pair(&mut out, "relation", id),
            Some(Open::Reader(reader)) => append_pair(
                &mut out,
                "read",
                &match reader.start {
                    Some(start) => format!("{}~{start}", reader.article),
                    None => reader.article.clone(),
                },
            ),
            Some(Open::Embed) => append_pair(&mut out, "panel", "embed"),
            None => {}
        }
        if let Some((from, to)) = self.window {
            append_pair(&mut out, "view", &format!("{}..{}", super::calendar::format_day(from), super::calendar::format_day(to)));
        }
        if self.lanes == Lanes::Kind {
            append_pair(&mut out, "lanes", "kind");
        }
        if let Some(graph) = self.graph {
            append_pair(&mut out, "graph", &format!("{},{},{}", decimal(graph.x, 3), decimal(graph.y, 3), decimal(graph.zoom, 3)));
        }
        if self.embed {
            append_pair(&mut out, "embed", "1");
        }
        append_pair(&mut out, "v", corpus_version);
        out
    }

    /// Reads a URL query (with or without `?` / `#`). Never fails: what it
    /// cannot use it ignores and names in the returned notices.
    pub fn decode(query: &str) -> (ViewState, Vec<String>) {
        let query = query.trim_start_matches(['?', '#']);
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        let mut more_notices = 0;
        let mut from = None;
        let mut to = None;
        // Links written before one panel value named several; `panel` chose among them.
        let mut candidates: Vec<(&str, Open)> = Vec::new();
        let mut panel = None;
        for (key, value) in super::form::parse(query) {
            let mut invalid =
                || note(&mut notices, &mut more_notices, format!("Ignored the invalid value of “{}” in the link.", shown(&key)));
            match key.as_ref() {
                "q" => {
                    state.query = value.chars().take(MAX_QUERY).collect();
                    if state.query.len() < value.len() {
                        note(
                            &mut notices,
                            &mut more_notices,
                            format!("Searched for the first {MAX_QUERY} characters of the link's “q” only."),
                        );
                    }
                }
                "kinds" => {
                    for kind in value.split(',').filter(|k| !k.is_empty()) {
                        match EntityKind::parse(kind) {
                            Some(kind) => {
                                state.kinds.insert(kind);
                            }
                            None => invalid(),
                        }
                    }
                }
                "articles" => {
                    state.articles.clear();
                    state.articles.extend(value.split(',').filter(|a| is_id(a)).map(str::to_string));
                }
                "from" => {
                    from = day(&value).or_else(|| {
                        invalid();
                        None
                    })
                }
                "to" => {
                    to = day(&value).or_else(|| {
                        invalid();
                        None
                    })
                }
                "quotes" => match value.as_ref() {
                    "1" | "true" => state.quotes_only = true,
                    "0" | "false" => {}
                    _ => invalid(),
                },
                "entity" | "event" | "relation" if is_id(&value) => {
                    let id = value.into_owned();
                    candidates.push(match key.as_ref() {
                        "entity" => ("entity", Open::Entity(id)),
                        "event" => ("event", Open::Event(id)),
                        _ => ("relation", Open::Relation(id)),
                    });
                }
                "read" => {
                    let (article, start) = match value.split_once('~') {
                        Some((article, start)) => (article, start.parse().ok()),
                        None => (value.as_ref(), None),
                    };
                    if is_id(article) {
                        if value.contains('~') && start.is_none() {
                            invalid();
                        }
                        candidates.push(("reader", Open::Reader(ReaderTarget { article: article.to_string(), start })));
                    } else {
                        invalid();
                    }
                }
                "panel" => match ["entity", "event", "relation", "reader", "embed"].into_iter().find(|p| *p == value) {
                    Some(name) => panel = Some(name),
                    None => invalid(),
                },
                "view" => match value.split_once("..").and_then(|(a, b)| Some((day(a)?, day(b)?))).filter(|(a, b)| a < b) {
                    Some(window) => state.window = Some(window),
                    None => invalid(),
                },
                "lanes" => match value.as_ref() {
                    "kind" => state.lanes = Lanes::Kind,
                    "article" => state.lanes = Lanes::Article,
                    _ => invalid(),
                },
                "graph" => {
                    let numbers: Vec<f64> = value.split(',').filter_map(parse_number).filter(|n: &f64| n.is_finite()).collect();
                    match numbers.as_slice() {
                        [x, y, zoom] if *zoom > 0.0 && x.abs() < 1e6 && y.abs() < 1e6 => {
                            state.graph = Some(GraphView { x: *x, y: *y, zoom: zoom.clamp(0.05, 50.0) })
                        }
                        _ => invalid(),
                    }
                }
                "embed" => state.embed = value == "1" || value == "true",
                "v" => state.corpus = Some(value.chars().take(16).collect()),
                "entity" | "event" | "relation" => invalid(),
                other => note(&mut notices, &mut more_notices, format!("Ignored the unknown parameter “{}” in the link.", shown(other))),
            }
        }
        if more_notices > 0 {
            let more = more_notices + 1;
            notices.pop();
            notices.push(format!("Ignored {more} more parameters in the link."));
        }
        state.range = DayRange::from_ends(from, to);
        state.open = match panel {
            Some("embed") => Some(Open::Embed),
            Some(name) => candidates.into_iter().rev().find(|(kind, _)| *kind == name).map(|(_, open)| open),
            // The most specific wins: a reader over a relation, an event or an entity.
            None => ["reader", "relation", "event", "entity"]
                .into_iter()
                .find_map(|name| candidates.iter().rev().find(|(kind, _)| *kind == name).map(|(_, open)| open.clone())),
        };
        (state, notices)
    }
}

impl ViewState {
    /// This state with what the corpus does not hold taken out, and a notice
    /// for each thing taken out: an open entity, event, relation or
    /// article that no item of its kind has as id (an event's id named as an
    /// entity is not an entity), a place in the article that is not where one
    /// of its sentences starts (past the end, inside a character, mid-sentence:
    /// the article opens at its top), and articles of the filter that the
    /// corpus lacks. Links come from anywhere; the decoder checks their form,
    /// this their meaning.
    pub fn checked(mut self, corpus: &Corpus, index: &Index) -> (ViewState, Vec<String>) {
        let mut notices = Vec::new();
        let missing = |kind: &str, id: &str| format!("Ignored the {kind} “{}” in the link: this corpus has none by that id.", shown(id));
        let unknown = match &mut self.open {
            Some(Open::Entity(id)) => index.entity(corpus, id).is_none().then(|| missing("entity", id)),
            Some(Open::Event(id)) => index.event(corpus, id).is_none().then(|| missing("event", id)),
            Some(Open::Relation(id)) => index.relation(corpus, id).is_none().then(|| missing("relation", id)),
            Some(Open::Reader(target)) if index.article(corpus, &target.article).is_none() => Some(missing("article", &target.article)),
            Some(Open::Reader(target)) => {
                if let Some(start) = target.start.filter(|&start| index.sentence_at(corpus, &target.article, start).is_none()) {
                    notices.push(format!("No sentence of the article starts at {start}, the place the link names; it opens at its top."));
                    target.start = None;
                }
                None
            }
            Some(Open::Embed) | None => None,
        };
        if let Some(notice) = unknown {
            notices.push(notice);
            self.open = None;
        }
        let unknown: Vec<String> = self.articles.iter().filter(|id| index.article(corpus, id).is_none()).cloned().collect();
        for id in &unknown {
            self.articles.remove(id);
        }
        match unknown.as_slice() {
            [] => {}
            [id] => notices.push(missing("article", id)),
            more => notices.push(format!("Ignored {} articles in the link: this corpus has none by those ids.", more.len())),
        }
        (self, notices)
    }
}

/// A search from a link keeps this many characters.
const MAX_QUERY: usize = 200;

/// At most this many notices for one link: a link of thousands of bad
/// parameters gets a short message, not thousands.
const MAX_NOTICES: usize = 5;

/// Adds `notice` unless it is there already; past [`MAX_NOTICES`], counts it in `more`.
fn note(notices: &mut Vec<String>, more: &mut usize, notice: String) {
    if notices.contains(&notice) {
        return;
    }
    if notices.len() < MAX_NOTICES {
        notices.push(notice);
    } else {
        *more += 1;
    }
}

/// A parameter name as a notice quotes it: its first 40 characters, with
/// control and bidirectional-formatting characters (which could reorder or
/// hide the notice's own words) shown as U+FFFD.
fn shown(key: &str) -> String {
    const LIMIT: usize = 40;
    let is_bidi_control = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let mut shown: String = key.chars().take(LIMIT).map(|c| if c.is_control() || is_bidi_control(c) { '\u{FFFD}' } else { c }).collect();
    if key.chars().nth(LIMIT).is_some() {
        shown.push('…');
    }
    shown
}

/// A number the encoder wrote (a decimal with at most three places), read
/// by the JSON reader the app carries for the corpus: `str::parse::<f64>`
/// would add core's own float parser and its table of powers of five,
/// 14 KiB of the shell gzipped. A number outside JSON's syntax (`+1`, `.5`)
/// is not one the encoder writes.
fn parse_number(text: &str) -> Option<f64> {
    crate::json::Reader::new(text).document(crate::json::Reader::number).ok()
}

fn is_id(text: &str) -> bool {
    !text.is_empty() && text.len() <= 200 && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn day(text: &str) -> Option<i64> {
    let (start, end) = super::calendar::range_of(text)?;
    (start == end).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_full_state_round_trips() {
        let state = ViewState {
            query: "Interior Ministry & co".into(),
            kinds: [EntityKind::Person, EntityKind::Place].into(),
            articles: ["a-1".to_string()].into(),
            range: Some(DayRange::between(17000, 17205)),
            quotes_only: true,
            open: Some(Open::Reader(ReaderTarget { article: "a-1".into(), start: Some(120) })),
            window: Some((16000, 17500)),
            lanes: Lanes::Kind,
            graph: Some(GraphView { x: 12.5, y: -3.0, zoom: 2.0 }),
            embed: true,
            corpus: Some("abcd1234".into()),
        };
        let encoded = state.encode("abcd1234");
        assert_eq!(ViewState::decode(&encoded), (state, vec![]));
        assert!(encoded.contains("read=a-1%7E120"), "{encoded}");
    }

    #[test]
    fn links_that_named_several_panels_open_the_one_they_showed() {
        let reader = Open::Reader(ReaderTarget { article: "a-1".into(), start: Some(4) });
        assert_eq!(ViewState::decode("entity=x&read=a-1~4&panel=reader").0.open, Some(reader.clone()));
        assert_eq!(ViewState::decode("entity=x&read=a-1~4&panel=entity").0.open, Some(Open::Entity("x".into())));
        assert_eq!(ViewState::decode("entity=x&read=a-1~4").0.open, Some(reader));
        assert_eq!(ViewState::decode("event=ev-2&entity=x").0.open, Some(Open::Event("ev-2".into())));
        assert_eq!(ViewState::decode("entity=x&panel=embed").0.open, Some(Open::Embed));
        assert_eq!(ViewState::decode("panel=event").0.open, None);
        let (state, notices) = ViewState::decode("from=2017-03-01");
        assert_eq!(state.range, Some(DayRange { from: Some(17226), to: None }));
        assert!(notices.is_empty());
    }

    #[test]
    fn what_the_corpus_lacks_is_taken_out_with_a_notice() {
        let corpus: Corpus = serde_json::from_str(include_str!("../../corpus/corpus.json")).expect("shipped corpus parses");
        let index = Index::new(&corpus);
        let checked = |link: &str| ViewState::decode(link).0.checked(&corpus, &index);
        let article = "cambodia-daily-2017-02-08-us-deporting-over-30-cambodians";
        let text = &corpus.articles[0].text;
        assert_eq!(corpus.articles[0].id, article);
        // Links the app writes pass untouched.
        for link in [
            "entity=khieu-sopheak",
            "event=ev-1",
            "relation=rel-1",
            &format!("read={article}~63"),
            &format!("read={article}&articles={article}"),
        ] {
            let (state, notices) = checked(link);
            assert_eq!(state, ViewState::decode(link).0, "{link}");
            assert!(notices.is_empty(), "{link}: {notices:?}");
        }
        // Unknown ids, and an event's id named as an entity, close the panel.
        for (link, kind) in [
            ("entity=nobody", "entity"),
            ("entity=ev-1", "entity"),
            ("event=ev-9999", "event"),
            ("relation=rel-0", "relation"),
            ("read=no-such-article~0", "article"),
        ] {
            let (state, notices) = checked(&format!("{link}&q=deport"));
            assert_eq!(state.open, None, "{link}");
            assert_eq!(state.query, "deport");
            assert_eq!(notices.len(), 1, "{link}: {notices:?}");
            assert!(notices[0].starts_with(&format!("Ignored the {kind} “")), "{notices:?}");
        }
        // A place past the end, inside a character or mid-sentence opens the article at its top.
        let inside = text.char_indices().find(|(_, c)| c.len_utf8() > 1).map(|(i, _)| i + 1).expect("a multi-byte character");
        assert!(!text.is_char_boundary(inside));
        for start in [text.len() + 1000, inside, 64, usize::MAX] {
            let (state, notices) = checked(&format!("read={article}~{start}"));
            assert_eq!(state.open, Some(Open::Reader(ReaderTarget { article: article.into(), start: None })), "{start}");
            assert_eq!(notices.len(), 1, "{start}: {notices:?}");
            assert!(notices[0].contains(&start.to_string()), "{notices:?}");
        }
        // Unknown articles leave the filter.
        let (state, notices) = checked(&format!("articles={article},gone"));
        assert_eq!(state.articles, [article.to_string()].into());
        assert_eq!(notices, ["Ignored the article “gone” in the link: this corpus has none by that id."]);
        let (state, notices) = checked("articles=gone,lost,missing");
        assert!(state.articles.is_empty());
        assert_eq!(notices, ["Ignored 3 articles in the link: this corpus has none by those ids."]);
    }

    #[test]
    fn a_long_search_and_a_place_that_is_no_number_are_named() {
        let (state, notices) = ViewState::decode(&format!("q={}", "a".repeat(100_000)));
        assert_eq!(state.query.len(), MAX_QUERY);
        assert_eq!(notices, [format!("Searched for the first {MAX_QUERY} characters of the link's “q” only.")]);
        let (state, notices) = ViewState::decode(&format!("q={}", "é".repeat(MAX_QUERY)));
        assert_eq!(state.query.chars().count(), MAX_QUERY);
        assert!(notices.is_empty());
        let (state, notices) = ViewState::decode("read=a-1~x");
        assert_eq!(state.open, Some(Open::Reader(ReaderTarget { article: "a-1".into(), start: None })));
        assert_eq!(notices, ["Ignored the invalid value of “read” in the link."]);
    }

    #[test]
    fn unknown_and_invalid_parameters_are_ignored_with_notices() {
        let (state, notices) =
            ViewState::decode("?entity=khieu-sopheak&zoom=9&from=2017-02-31&kinds=person,robot&graph=1,2&lanes=sideways");
        assert_eq!(state.entity(), Some("khieu-sopheak"));
        assert_eq!(state.kinds, [EntityKind::Person].into());
        assert_eq!(state.range, None);
        assert_eq!(notices.len(), 5, "{notices:?}");
        assert!(notices[0].contains("zoom"));
    }

    #[test]
    fn the_reducer_keeps_one_thing_open() {
        let state = ViewState::default().reduce(Action::SelectEntity(Some("x".into())));
        assert_eq!(state.entity(), Some("x"));
        let reading = state.reduce(Action::OpenReader(ReaderTarget { article: "a".into(), start: Some(3) }));
        assert_eq!((reading.entity(), reading.encode("v").contains("read=")), (None, true));
        assert_eq!(reading.reduce(Action::ClosePanel).open, None);
        // Deselecting an entity leaves nothing open, so no `read=` lingers in the link.
        let deselected = state.reduce(Action::SelectEntity(None));
        assert_eq!(deselected.open, None);
        assert!(!deselected.encode("v").contains("read="));
        let state = state.reduce(Action::SetRange(Some(DayRange { from: Some(9), to: Some(3) })));
        assert_eq!(state.range, Some(DayRange::between(3, 9)));
        assert_eq!(state.reduce(Action::SetRange(Some(DayRange { from: None, to: None }))).range, None);
        let state = state.reduce(Action::ToggleKind(EntityKind::Place)).reduce(Action::ClearFilters);
        assert!(state.kinds.is_empty() && state.range.is_none());
    }

    #[test]
    fn zooming_replaces_history_and_selecting_pushes() {
        let state = ViewState::default();
        assert!(!state.is_navigation(&state.reduce(Action::SetWindow(Some((1, 9))))));
        assert!(!state.is_navigation(&state.reduce(Action::SetQuery("x".into()))));
        assert!(state.is_navigation(&state.reduce(Action::SelectEntity(Some("e".into())))));
        assert!(state.is_navigation(&state.reduce(Action::SetRange(Some(DayRange::between(1, 9))))));
    }

    fn id() -> impl Strategy<Value = String> {
        "[a-z0-9][a-z0-9-]{0,20}"
    }

    prop_compose! {
        fn any_state()(
            query in ".{0,30}",
            kinds in prop::collection::btree_set(prop::sample::select(EntityKind::ALL.to_vec()), 0..4).prop_map(SortedSet::from_iter),
            articles in prop::collection::btree_set(id(), 0..3).prop_map(SortedSet::from_iter),
            range in prop::option::of((prop::option::of(0i64..40000), prop::option::of(0i64..40000))),
            quotes_only in any::<bool>(),
            open in prop::option::of(prop_oneof![
                id().prop_map(Open::Entity),
                id().prop_map(Open::Event),
                id().prop_map(Open::Relation),
                (id(), prop::option::of(0usize..100000)).prop_map(|(article, start)| Open::Reader(ReaderTarget { article, start })),
                Just(Open::Embed),
            ]),
            window in prop::option::of((0i64..40000, 1i64..5000)),
            kind_lanes in any::<bool>(),
            graph in prop::option::of((-5000i32..5000, -5000i32..5000, 1u32..400)),
            embed in any::<bool>(),
        ) -> ViewState {
            ViewState {
                query: query.trim().to_string(),
                kinds,
                articles,
                range: range.and_then(|(from, to)| DayRange::from_ends(from, to)),
                quotes_only,
                open,
                window: window.map(|(a, w)| (a, a + w)),
                lanes: if kind_lanes { Lanes::Kind } else { Lanes::Article },
                graph: graph.map(|(x, y, z)| GraphView { x: f64::from(x) / 4.0, y: f64::from(y) / 4.0, zoom: f64::from(z) / 8.0 }),
                embed,
                corpus: Some("v1".into()),
            }
        }
    }

    proptest! {
        #[test]
        fn decode_inverts_encode(state in any_state()) {
            let (decoded, notices) = ViewState::decode(&state.encode("v1"));
            prop_assert_eq!(decoded, state);
            prop_assert!(notices.is_empty());
        }

        #[test]
        fn graph_numbers_read_as_the_standard_parser_reads_them(value in -1e6f64..1e6) {
            let written = decimal(value, 3).to_string();
            prop_assert_eq!(parse_number(&written), written.parse::<f64>().ok());
        }

        #[test]
        fn arbitrary_bytes_decode_to_plain_notices(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            assert_decodes_safely(&String::from_utf8_lossy(&bytes));
            // The same bytes percent-encoded, as keys and as values: invalid UTF-8 included.
            let encoded: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
            assert_decodes_safely(&format!("{encoded}=1&q={encoded}&entity={encoded}&read={encoded}~{encoded}"));
        }

        #[test]
        fn percent_soup_decodes_to_plain_notices(input in "(%[0-9a-fA-F]{2}|%|%E2%80%AE|%00|[a-z0-9=&~,.+-]){0,200}") {
            assert_decodes_safely(&input);
        }

        #[test]
        fn repeated_keys_decode_to_plain_notices(pairs in prop::collection::vec(("(q|kinds|from|to|view|graph|read|panel|entity|event|relation|lanes|quotes|v|x|\\PC{1,60})", "\\PC{0,30}"), 0..60), repeat in 1usize..20) {
            let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            assert_decodes_safely(&query.join("&").repeat(repeat));
        }
    }

    /// Decoding never panics, every notice is plain text (short, no control
    /// or bidirectional-formatting characters) and there are few of them.
    fn assert_decodes_safely(input: &str) {
        let (state, notices) = ViewState::decode(input);
        assert!(notices.len() <= MAX_NOTICES, "{} notices", notices.len());
        for notice in &notices {
            assert!(notice.chars().count() <= 120, "{notice:?}");
            assert!(
                !notice.chars().any(|c| c.is_control()
                    || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
                "{notice:?}"
            );
        }
        assert!(state.query.chars().count() <= 200);
        let _ = state.encode("v1");
    }

    #[test]
    fn huge_values_are_bounded() {
        let huge = "x".repeat(100_000);
        for key in ["q", "entity", "read", "articles", "view", "graph", "v", huge.as_str()] {
            assert_decodes_safely(&format!("{key}={huge}"));
        }
        let (state, _) = ViewState::decode(&format!("q={huge}&articles={huge},a"));
        assert_eq!(state.query.len(), 200);
        assert_eq!(state.articles, ["a".to_string()].into());
        let (_, notices) = ViewState::decode(&format!("{huge}=1"));
        assert_eq!(notices, [format!("Ignored the unknown parameter “{}…” in the link.", "x".repeat(40))]);
        let (_, notices) = ViewState::decode("%E2%80%AEevil=1&x%00y=2");
        assert_eq!(
            notices,
            ["Ignored the unknown parameter “\u{FFFD}evil” in the link.", "Ignored the unknown parameter “x\u{FFFD}y” in the link."]
        );
        let many: Vec<String> = (0..1000).map(|i| format!("k{i}=1")).collect();
        let (_, notices) = ViewState::decode(&many.join("&"));
        assert_eq!(notices.last().map(String::as_str), Some("Ignored 996 more parameters in the link."));
    }
}
