//! Names listed together ("Eminem, Dido and Bono", "Paramount and Universal")
//! are nearly always of one kind, so a name that nothing but its shape types
//! takes the kind its list-mates are sure of.

use super::names::Candidate;
use super::LocalEntity;
use crate::model::EntityKind;
use std::ops::Range;

/// The cue a listed name gets from its list-mates.
pub const LISTED_WITH: &str = "listed with names of that kind";

/// Cue weight a name needs for its kind to be sure enough to lend.
const SURE: f32 = 2.0;

/// The entities named one after another, three or more, with only a comma,
/// "and" or "or" between them, each list in text order (two names joined by
/// "and" are too often of two kinds). `gap_words` gives the words between
/// two tokens of one sentence; `role_after` whether a role word follows a
/// name, which makes it a modifier ("Liberal Democrat leader"), not an item.
pub(super) fn lists<'w>(
    candidates: &[Candidate],
    entity_of: &[Option<usize>],
    gap_words: impl Fn(Range<usize>) -> Vec<&'w str>,
    role_after: impl Fn(&Candidate) -> bool,
) -> Vec<Vec<usize>> {
    let named: Vec<(&Candidate, usize)> =
        candidates.iter().zip(entity_of).filter_map(|(c, e)| e.filter(|_| !role_after(c)).map(|e| (c, e))).collect();
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for (i, &(candidate, entity)) in named.iter().enumerate() {
        let joined = i > 0 && {
            let (previous, _) = named[i - 1];
            previous.sentence == candidate.sentence
                && previous.surface.end <= candidate.surface.start
                && is_list_gap(&gap_words(previous.surface.end..candidate.surface.start))
        };
        match runs.last_mut() {
            Some(run) if joined => run.push(entity),
            _ => runs.push(vec![entity]),
        }
    }
    runs.retain(|run| run.len() >= 3);
    runs
}

fn is_list_gap(words: &[&str]) -> bool {
    matches!(words, [","] | ["and"] | ["or"] | [",", "and"] | [",", "or"])
}

/// Gives each unsure member of a list the kind its sure members agree on,
/// where they are at least as many.
pub(super) fn share_kinds(list: &[usize], entities: &mut [LocalEntity]) {
    let sure: Vec<EntityKind> = list
        .iter()
        .filter_map(|&e| {
            let evidence = &entities[e].evidence;
            let kind = evidence.best().0;
            (evidence.cue_weight(kind) >= SURE).then_some(kind)
        })
        .collect();
    let unsure: Vec<usize> =
        list.iter().copied().filter(|&e| EntityKind::ALL.iter().all(|&k| entities[e].evidence.cue_weight(k) < 1.0)).collect();
    // A list of mostly unknown names may be of titles with a place in one ("Good Morning, Vietnam").
    let Some(&kind) = sure.first() else { return };
    if sure.iter().any(|k| *k != kind) || sure.len() < unsure.len() {
        return;
    }
    for e in unsure {
        entities[e].evidence.add(kind, SURE, LISTED_WITH);
    }
}
