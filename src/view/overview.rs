//! What the panel shows when nothing is open: what the corpus holds and
//! where to start, computed from the corpus, its index and the filters
//! alone, so it reads right for any corpus.

use super::calendar::span_of;
use super::filter::{Filtered, Index};
use super::sorting::first_by;
use crate::model::{Corpus, Entity, EntityKind, Event};

/// How many people, organisations and events each list shows.
pub const LISTED: usize = 5;

#[derive(Debug, PartialEq)]
pub struct Overview<'c> {
    pub articles: usize,
    pub outlets: usize,
    /// The first and last publication dates, as the corpus writes them.
    pub published: Option<(&'c str, &'c str)>,
    /// The first and last years the shown events are about.
    pub event_years: Option<(i64, i64)>,
    /// The most mentioned people and organisations the filters show.
    pub people: Vec<&'c Entity>,
    pub organisations: Vec<&'c Entity>,
    /// The shown events that start latest, latest first.
    pub recent: Vec<&'c Event>,
}

pub fn overview<'c>(corpus: &Corpus, index: &'c Index, filtered: &Filtered<'c>) -> Overview<'c> {
    let year = |day: i64| super::calendar::civil_from_days(day).0;
    let most_mentioned = |kind: EntityKind| {
        let of_kind = filtered.entities.iter().copied().filter(|e| e.kind == kind);
        first_by(of_kind, LISTED, |a, b| b.mentions.len().cmp(&a.mentions.len()).then_with(|| a.name.cmp(&b.name)))
    };
    let dated = || filtered.events_with_days(index).filter_map(|(e, days)| Some((days?, e)));
    let recent = first_by(dated(), LISTED, |(a, _), (b, _)| b.cmp(a));
    Overview {
        articles: corpus.articles.len(),
        outlets: index.outlets(),
        published: index.published(),
        event_years: span_of(dated().map(|(days, _)| days)).map(|(a, b)| (year(a), year(b))),
        people: most_mentioned(EntityKind::Person),
        organisations: most_mentioned(EntityKind::Organization),
        recent: recent.into_iter().map(|(_, e)| e).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::calendar::event_range;
    use crate::view::filter::{apply, Index};
    use crate::view::state::{Action, ViewState};

    fn corpus() -> Corpus {
        serde_json::from_str(include_str!("../../corpus/corpus.json")).expect("shipped corpus parses")
    }

    #[test]
    fn the_overview_sums_up_the_corpus_and_follows_the_filters() {
        let corpus = corpus();
        let index = Index::new(&corpus);
        let all = apply(&corpus, &index, &ViewState::default().filters());
        let view = overview(&corpus, &index, &all);
        assert_eq!((view.articles, view.outlets), (2, 2));
        assert_eq!(view.published, Some(("2017-02-08", "2018-01-29")));
        assert_eq!(view.event_years, Some((2002, 2018)));
        assert!(view.people.len() <= LISTED && view.people.iter().all(|e| e.kind == EntityKind::Person));
        assert!(view.people.windows(2).all(|w| w[0].mentions.len() >= w[1].mentions.len()));
        assert!(view.organisations.iter().all(|e| e.kind == EntityKind::Organization));
        let latest: Vec<i64> = view.recent.iter().filter_map(|e| event_range(&e.date)).map(|r| r.0).collect();
        assert!(latest.windows(2).all(|w| w[0] >= w[1]) && latest.len() == LISTED);
        // Under a filter it names only what the filter shows.
        let people_only = apply(&corpus, &index, &ViewState::default().reduce(Action::ToggleKind(EntityKind::Person)).filters());
        assert!(overview(&corpus, &index, &people_only).organisations.is_empty());
    }
}
