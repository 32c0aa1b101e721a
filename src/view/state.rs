//! The view state, its URL encoding and the one reducer. Every filter,
//! selection, zoom range and open panel is here and in the URL; the app
//! derives everything else from this state and the corpus.

use crate::model::EntityKind;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lanes {
    #[default]
    Article,
    Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Entity,
    Event,
    Relation,
    Reader,
    Embed,
}

impl Panel {
    const ALL: [Panel; 5] = [Panel::Entity, Panel::Event, Panel::Relation, Panel::Reader, Panel::Embed];

    fn as_str(self) -> &'static str {
        match self {
            Panel::Entity => "entity",
            Panel::Event => "event",
            Panel::Relation => "relation",
            Panel::Reader => "reader",
            Panel::Embed => "embed",
        }
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
    pub kinds: BTreeSet<EntityKind>,
    /// Article ids to show; empty shows all.
    pub articles: BTreeSet<String>,
    /// The brushed date range (inclusive day numbers) that filters every view.
    pub range: Option<(i64, i64)>,
    pub quotes_only: bool,
    pub entity: Option<String>,
    pub event: Option<String>,
    pub relation: Option<String>,
    pub reader: Option<ReaderTarget>,
    pub panel: Option<Panel>,
    /// The timeline's visible window (inclusive day numbers).
    pub window: Option<(i64, i64)>,
    pub lanes: Lanes,
    pub graph: Option<GraphView>,
    pub embed: bool,
    /// The corpus version a link was made for (as decoded; links are always written with the current one).
    pub corpus: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetQuery(String),
    ToggleKind(EntityKind),
    ToggleArticle(String),
    SetRange(Option<(i64, i64)>),
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
            Action::ToggleKind(kind) => {
                if !next.kinds.remove(&kind) {
                    next.kinds.insert(kind);
                }
            }
            Action::ToggleArticle(article) => {
                if !next.articles.remove(&article) {
                    next.articles.insert(article);
                }
            }
            Action::SetRange(range) => next.range = range.map(|(a, b)| (a.min(b), a.max(b))),
            Action::SetQuotesOnly(on) => next.quotes_only = on,
            Action::SelectEntity(entity) => {
                next.panel = entity.as_ref().map(|_| Panel::Entity);
                next.entity = entity;
                next.relation = None;
            }
            Action::SelectEvent(event) => {
                next.panel = event.as_ref().map(|_| Panel::Event);
                next.event = event;
            }
            Action::SelectRelation(relation) => {
                next.panel = relation.as_ref().map(|_| Panel::Relation);
                next.relation = relation;
            }
            Action::OpenReader(target) => {
                next.reader = Some(target);
                next.panel = Some(Panel::Reader);
            }
            Action::OpenEmbedDialog => next.panel = Some(Panel::Embed),
            Action::ClosePanel => {
                match next.panel {
                    Some(Panel::Reader) => next.reader = None,
                    Some(Panel::Event) => next.event = None,
                    Some(Panel::Relation) => next.relation = None,
                    Some(Panel::Entity) => next.entity = None,
                    _ => {}
                }
                next.panel = None;
            }
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

    /// Whether going from `self` to `next` deserves a history entry (filters,
    /// selections, panels) rather than replacing the current one (zooming,
    /// panning, typing a search), so Back steps through what readers chose.
    pub fn is_navigation(&self, next: &ViewState) -> bool {
        let settled = |s: &ViewState| ViewState { window: None, graph: None, query: String::new(), ..s.clone() };
        settled(self) != settled(next)
    }

    /// The URL query for this state (without `?`), naming `corpus_version`.
    pub fn encode(&self, corpus_version: &str) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.query.is_empty() {
            out.append_pair("q", &self.query);
        }
        if !self.kinds.is_empty() {
            out.append_pair("kinds", &self.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(","));
        }
        if !self.articles.is_empty() {
            out.append_pair("articles", &self.articles.iter().cloned().collect::<Vec<_>>().join(","));
        }
        if let Some((from, to)) = self.range {
            out.append_pair("from", &super::calendar::format_day(from));
            out.append_pair("to", &super::calendar::format_day(to));
        }
        if self.quotes_only {
            out.append_pair("quotes", "1");
        }
        for (key, value) in [("entity", &self.entity), ("event", &self.event), ("relation", &self.relation)] {
            if let Some(value) = value {
                out.append_pair(key, value);
            }
        }
        if let Some(reader) = &self.reader {
            let value = match reader.start {
                Some(start) => format!("{}~{start}", reader.article),
                None => reader.article.clone(),
            };
            out.append_pair("read", &value);
        }
        if let Some(panel) = self.panel {
            out.append_pair("panel", panel.as_str());
        }
        if let Some((from, to)) = self.window {
            out.append_pair("view", &format!("{}..{}", super::calendar::format_day(from), super::calendar::format_day(to)));
        }
        if self.lanes == Lanes::Kind {
            out.append_pair("lanes", "kind");
        }
        if let Some(graph) = self.graph {
            out.append_pair("graph", &format!("{},{},{}", round(graph.x), round(graph.y), round(graph.zoom)));
        }
        if self.embed {
            out.append_pair("embed", "1");
        }
        out.append_pair("v", corpus_version);
        out.finish()
    }

    /// Reads a URL query (with or without `?` / `#`). Never fails: what it
    /// cannot use it ignores and names in the returned notices.
    pub fn decode(query: &str) -> (ViewState, Vec<String>) {
        let query = query.trim_start_matches(['?', '#']);
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        let mut from = None;
        let mut to = None;
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let mut invalid = || notices.push(format!("Ignored the invalid value of “{key}” in the link."));
            match key.as_ref() {
                "q" => state.query = value.chars().take(200).collect(),
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
                "articles" => state.articles = value.split(',').filter(|a| is_id(a)).map(str::to_string).collect(),
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
                    let slot = match key.as_ref() {
                        "entity" => &mut state.entity,
                        "event" => &mut state.event,
                        _ => &mut state.relation,
                    };
                    *slot = Some(value.into_owned());
                }
                "read" => {
                    let (article, start) = match value.split_once('~') {
                        Some((article, start)) => (article, start.parse().ok()),
                        None => (value.as_ref(), None),
                    };
                    if is_id(article) {
                        state.reader = Some(ReaderTarget { article: article.to_string(), start });
                    } else {
                        invalid();
                    }
                }
                "panel" => match Panel::ALL.into_iter().find(|p| p.as_str() == value) {
                    Some(panel) => state.panel = Some(panel),
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
                    let numbers: Vec<f64> = value.split(',').filter_map(|n| n.parse().ok()).filter(|n: &f64| n.is_finite()).collect();
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
                other => notices.push(format!("Ignored the unknown parameter “{other}” in the link.")),
            }
        }
        state.range = match (from, to) {
            (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
            (Some(a), None) => Some((a, i64::MAX / 4)),
            (None, Some(b)) => Some((i64::MIN / 4, b)),
            (None, None) => None,
        };
        (state, notices)
    }
}

fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
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
            range: Some((17000, 17205)),
            quotes_only: true,
            entity: Some("khieu-sopheak".into()),
            event: Some("ev-3".into()),
            relation: Some("rel-2".into()),
            reader: Some(ReaderTarget { article: "a-1".into(), start: Some(120) }),
            panel: Some(Panel::Reader),
            window: Some((16000, 17500)),
            lanes: Lanes::Kind,
            graph: Some(GraphView { x: 12.5, y: -3.0, zoom: 2.0 }),
            embed: true,
            corpus: Some("abcd1234".into()),
        };
        let encoded = state.encode("abcd1234");
        assert_eq!(ViewState::decode(&encoded), (state, vec![]));
        assert!(encoded.contains("entity=khieu-sopheak"), "{encoded}");
    }

    #[test]
    fn unknown_and_invalid_parameters_are_ignored_with_notices() {
        let (state, notices) =
            ViewState::decode("?entity=khieu-sopheak&zoom=9&from=2017-02-31&kinds=person,robot&graph=1,2&lanes=sideways");
        assert_eq!(state.entity.as_deref(), Some("khieu-sopheak"));
        assert_eq!(state.kinds, [EntityKind::Person].into());
        assert_eq!(state.range, None);
        assert_eq!(notices.len(), 5, "{notices:?}");
        assert!(notices[0].contains("zoom"));
    }

    #[test]
    fn the_reducer_keeps_selection_and_panel_consistent() {
        let state = ViewState::default().reduce(Action::SelectEntity(Some("x".into())));
        assert_eq!(state.panel, Some(Panel::Entity));
        let state = state.reduce(Action::OpenReader(ReaderTarget { article: "a".into(), start: Some(3) }));
        assert_eq!(state.panel, Some(Panel::Reader));
        let state = state.reduce(Action::ClosePanel);
        assert_eq!((state.panel, state.reader.clone(), state.entity.as_deref()), (None, None, Some("x")));
        let state = state.reduce(Action::SetRange(Some((9, 3))));
        assert_eq!(state.range, Some((3, 9)));
        let state = state.reduce(Action::ToggleKind(EntityKind::Place)).reduce(Action::ClearFilters);
        assert!(state.kinds.is_empty() && state.range.is_none());
    }

    #[test]
    fn zooming_replaces_history_and_selecting_pushes() {
        let state = ViewState::default();
        assert!(!state.is_navigation(&state.reduce(Action::SetWindow(Some((1, 9))))));
        assert!(!state.is_navigation(&state.reduce(Action::SetQuery("x".into()))));
        assert!(state.is_navigation(&state.reduce(Action::SelectEntity(Some("e".into())))));
        assert!(state.is_navigation(&state.reduce(Action::SetRange(Some((1, 9))))));
    }

    fn id() -> impl Strategy<Value = String> {
        "[a-z0-9][a-z0-9-]{0,20}"
    }

    prop_compose! {
        fn any_state()(
            query in ".{0,30}",
            kinds in prop::collection::btree_set(prop::sample::select(EntityKind::ALL.to_vec()), 0..4),
            articles in prop::collection::btree_set(id(), 0..3),
            range in prop::option::of((0i64..40000, 0i64..40000)),
            quotes_only in any::<bool>(),
            entity in prop::option::of(id()),
            event in prop::option::of(id()),
            reader in prop::option::of((id(), prop::option::of(0usize..100000))),
            panel in prop::option::of(prop::sample::select(Panel::ALL.to_vec())),
            window in prop::option::of((0i64..40000, 1i64..5000)),
            kind_lanes in any::<bool>(),
            graph in prop::option::of((-5000i32..5000, -5000i32..5000, 1u32..400)),
            embed in any::<bool>(),
        ) -> ViewState {
            ViewState {
                query: query.trim().to_string(),
                kinds,
                articles,
                range: range.map(|(a, b)| (a.min(b), a.max(b))),
                quotes_only,
                entity,
                event,
                relation: None,
                reader: reader.map(|(article, start)| ReaderTarget { article, start }),
                panel,
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
        fn no_input_panics_the_decoder(input in ".{0,200}") {
            let _ = ViewState::decode(&input);
        }

        #[test]
        fn no_key_value_soup_panics_the_decoder(pairs in prop::collection::vec(("(q|kinds|from|to|view|graph|read|panel|entity|v|x)", ".{0,20}"), 0..10)) {
            let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = ViewState::decode(&query.join("&"));
        }
    }
}
