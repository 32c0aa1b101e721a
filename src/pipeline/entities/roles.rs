//! Roles and affiliations: titles before a name ("Interior Ministry
//! spokesman Khieu Sopheak"), appositions ("Bill Herod, an adviser to
//! RISC"), "X of Y", and unnamed speakers ("a U.S. Embassy spokesman").

use super::kinds::TEAM_PEOPLE;
use super::names::{Candidate, Finder};
use super::{Entities, Mention, RoleLink, UnnamedSpeaker};
use crate::model::{EntityKind, RelationKind};
use crate::pipeline::lexicon::lexicon;
use crate::pipeline::text::TokenKind;
use std::ops::Range;

pub fn relation_for_role(role: &str) -> Option<RelationKind> {
    let lex = lexicon();
    let words: Vec<&str> = role.split(' ').collect();
    // "Wimbledon champion" won something; they are no member of it.
    if words.iter().any(|w| TITLES_WON.contains(w)) {
        return None;
    }
    // "deputy leader", "former chairman", "non-executive director": not the head;
    // nor is "head of immigration" or "director of research", who heads a part of it.
    let second_in_line =
        words.iter().any(|w| SECOND_IN_LINE.contains(&w.trim_start_matches("ex-")) || w.starts_with("ex-")) || words.contains(&"of");
    let head = if role.contains("chief executive") {
        "ceo"
    } else {
        words.iter().copied().find(|w| lex.is_role(w) && !lex.is_role_modifier(w)).unwrap_or(role)
    };
    Some(match head {
        "spokesman" | "spokeswoman" | "spokesperson" => RelationKind::SpokespersonOf,
        "adviser" | "advisor" | "consultant" => RelationKind::AdviserTo,
        "head" | "chief" | "director" | "president" | "chairman" | "chairwoman" | "chair" | "leader" | "governor" | "mayor"
        | "commander" | "ceo" | "founder" | "minister" | "boss" | "manager" | "coach"
            if !second_in_line =>
        {
            RelationKind::HeadOf
        }
        _ => RelationKind::MemberOf,
    })
}

/// Words that make a role someone's below the head, or no longer theirs.
const SECOND_IN_LINE: &[&str] =
    &["deputy", "vice", "assistant", "junior", "associate", "former", "shadow", "non-executive", "board", "member", "under", "sub"];

/// Roles that are won, not held in an organisation.
const TITLES_WON: &[&str] = &["champion", "winner", "runner-up", "finalist", "medallist", "medalist", "titleholder"];

/// Reads a role phrase such as "an Interior Ministry spokesman" or "the head
/// of immigration for the Interior Ministry": its role words and the token
/// range the phrase covers.
pub(super) fn role_in_phrase(finder: &Finder, phrase: Range<usize>) -> Option<String> {
    let lex = finder.lex;
    let position = phrase.clone().find(|&i| {
        let word = finder.word(i);
        finder.is_word(i) && word.chars().next().is_some_and(char::is_lowercase) && lex.is_role(word)
    })?;
    // "a friend of the Tory leader": a role after "of" is someone else's.
    if (phrase.start..position).any(|i| finder.word(i) == "of") {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    let mut i = position;
    while i > phrase.start
        && finder.is_word(i - 1)
        && lex.is_role_modifier(finder.word(i - 1))
        && finder.word(i - 1).chars().next().is_some_and(char::is_lowercase)
    {
        i -= 1;
    }
    words.extend((i..=position).map(|t| finder.word(t)));
    // "head of immigration": a lower-case complement belongs to the role.
    let of = position + 1;
    if of + 1 < phrase.end && finder.word(of) == "of" {
        let complement: Vec<&str> = (of + 1..phrase.end)
            .take_while(|&t| {
                finder.is_word(t)
                    && finder.word(t).chars().all(|c| c.is_lowercase())
                    && !matches!(finder.word(t), "for" | "at" | "to" | "in" | "with" | "the" | "a" | "an" | "who" | "which" | "that")
            })
            .map(|t| finder.word(t))
            .collect();
        if !complement.is_empty() {
            words.push("of");
            words.extend(complement);
        }
    }
    Some(words.join(" "))
}

/// The mention right before token `at`, within the sentence starting at `floor`.
fn mention_right_before(at: usize, floor: usize, entities: &Entities) -> Option<&Mention> {
    entities.ending_at(at).filter(|m| m.surface.start >= floor)
}

/// Roles and affiliations from titles, pre-name role words and appositions.
pub(super) fn read_roles(finder: &Finder, candidates: &[Candidate], candidate_entity: &[Option<usize>], entities: &mut Entities) {
    let doc = finder.doc;
    let lex = finder.lex;
    let organisation_in = |range: Range<usize>, entities: &Entities| -> Option<usize> {
        entities
            .starting_in(range.clone())
            .iter()
            .filter(|m| m.surface.end <= range.end)
            .map(|m| m.entity)
            .find(|&e| matches!(entities.list[e].kind, EntityKind::Organization | EntityKind::Place))
    };
    let add = |entities: &mut Entities, person: usize, role: Option<String>, organisation: Option<usize>, sentence: usize| {
        if let Some(role) = &role {
            if !entities.list[person].roles.contains(role) {
                entities.list[person].roles.push(role.clone());
            }
        }
        // A role ties a person to an organisation or a place, never to a nationality or a work.
        let organisation =
            organisation.filter(|&o| o != person && matches!(entities.list[o].kind, EntityKind::Organization | EntityKind::Place));
        if let Some(organisation) = organisation {
            // "Liverpool boss": only a side has a boss, whatever else the name is.
            let sides_role = role.as_deref().is_some_and(|r| r.split(' ').any(|w| TEAM_PEOPLE.contains(&w)));
            let kind = if entities.list[organisation].kind == EntityKind::Place && !sides_role {
                Some(RelationKind::AffiliatedWith)
            } else {
                role.as_deref().map_or(Some(RelationKind::MemberOf), relation_for_role)
            };
            if let Some(kind) = kind {
                entities.links.push(RoleLink { person, organization: organisation, kind, sentence });
            }
        }
    };

    for (index, candidate) in candidates.iter().enumerate() {
        let Some(person) = candidate_entity[index] else { continue };
        if entities.list[person].kind != EntityKind::Person {
            continue;
        }
        let sentence = &doc.sentences[candidate.sentence];
        let floor = sentence.tokens.start;
        let limit = sentence.tokens.end;
        // "Foreign Ministry spokesman Chum Sounry", "US Federal Judge Cormac Carney".
        if let Some((role_range, role)) = finder.lowercase_role_before(candidate.surface.start, floor) {
            let named = mention_right_before(role_range.start, floor, entities);
            // "former Yukos boss Mikhail Khodorkovsky": the qualifier before the name is the role's.
            let qualifier = named
                .and_then(|m| m.surface.start.checked_sub(1).filter(|&q| q >= floor))
                .map(|q| doc.word(q).to_lowercase())
                .filter(|w| SECOND_IN_LINE.contains(&w.as_str()) || w == "ex");
            let role = qualifier.map_or(role.clone(), |q| format!("{q} {role}"));
            add(entities, person, Some(role), named.map(|m| m.entity), candidate.sentence);
        }
        if let Some(title) = candidate.title.as_deref() {
            let role_words: Vec<&str> = title.split(' ').filter(|w| lex.is_role(w) || lex.is_role_modifier(w)).collect();
            if role_words.iter().any(|w| lex.is_role(w)) {
                let organisation = mention_right_before(candidate.surface.start, floor, entities).map(|m| m.entity);
                add(entities, person, Some(role_words.join(" ")), organisation, candidate.sentence);
            }
        }
        // "Bill Herod, an adviser to RISC," / "Sok Phal, the head of immigration for the Interior Ministry,"
        let after = candidate.surface.end;
        if doc.tokens.get(after).is_some_and(|t| t.text(doc.text) == ",") {
            let phrase_end = (after + 1..limit)
                .find(|&i| {
                    matches!(doc.word(i), "," | "." | ";")
                        || lex.is_speech_verb(doc.word(i))
                        || matches!(doc.tokens[i].kind, TokenKind::Quote { .. })
                })
                .unwrap_or(limit);
            let phrase = after + 1..phrase_end;
            let determiner = doc.tokens.get(after + 1).is_some_and(|_| matches!(doc.word(after + 1), "a" | "an" | "the"));
            if determiner && phrase.len() <= 12 {
                if let Some(role) = role_in_phrase(finder, phrase.clone()) {
                    let organisation = organisation_in(phrase, entities);
                    add(entities, person, Some(role), organisation, candidate.sentence);
                }
            }
        }
        // "a spokesman for the Interior Ministry's immigration department, Keo Vannthan,"
        if candidate.surface.start > floor + 1 && doc.word(candidate.surface.start - 1) == "," {
            let comma = candidate.surface.start - 1;
            let opening = (floor..comma).rev().take(12).find(|&i| {
                matches!(doc.word(i), "a" | "an" | "the")
                    && (i == floor || !finder.is_word(i - 1) || matches!(doc.word(i - 1), "though" | "and" | "but" | "while" | "whereas"))
            });
            if let Some(opening) = opening {
                let phrase = opening + 1..comma;
                if !(phrase.clone()).any(|i| doc.word(i) == ",") {
                    if let Some(role) = role_in_phrase(finder, phrase.clone()) {
                        let organisation = organisation_in(phrase, entities);
                        add(entities, person, Some(role), organisation, candidate.sentence);
                    }
                }
            }
        }
        // "Preap Kol of Transparency International"
        if doc.tokens.get(after).is_some_and(|_| doc.word(after) == "of") {
            if let Some(organisation) = entities.starting_at(after + 1).map(|m| m.entity) {
                if entities.list[organisation].kind == EntityKind::Organization {
                    add(entities, person, None, Some(organisation), candidate.sentence);
                }
            }
        }
    }

    // Unnamed speakers: "a U.S. Embassy spokesman said".
    for i in 0..doc.tokens.len() {
        let word = doc.word(i);
        if !(finder.is_word(i) && word.chars().all(char::is_lowercase) && lex.is_role(word)) {
            continue;
        }
        let names_someone = entities.starting_at(i + 1).is_some()
            || (i + 1 < doc.tokens.len() && doc.word(i + 1) == "," && entities.starting_at(i + 2).is_some());
        if names_someone {
            continue;
        }
        let sentence = &doc.sentences[doc.sentence_of(i)];
        let organisation = mention_right_before(i, sentence.tokens.start, entities)
            .or_else(|| {
                // "a spokesman for the Interior Ministry"
                let from = i + 1;
                (from < sentence.tokens.end && matches!(doc.word(from), "for" | "of" | "at"))
                    .then(|| {
                        entities.starting_at(from + 1).or_else(|| {
                            (from + 1 < doc.tokens.len() && doc.word(from + 1) == "the").then(|| entities.starting_at(from + 2)).flatten()
                        })
                    })
                    .flatten()
            })
            .map(|m| m.entity)
            .filter(|&e| entities.list[e].kind == EntityKind::Organization);
        if let Some(organization) = organisation {
            entities.unnamed.push(UnnamedSpeaker { token: i, organization });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_heads_head_and_titles_won_are_no_membership() {
        assert_eq!(relation_for_role("chief executive"), Some(RelationKind::HeadOf));
        assert_eq!(relation_for_role("deputy leader"), Some(RelationKind::MemberOf));
        assert_eq!(relation_for_role("former chairman"), Some(RelationKind::MemberOf));
        assert_eq!(relation_for_role("spokesman"), Some(RelationKind::SpokespersonOf));
        assert_eq!(relation_for_role("champion"), None);
        assert_eq!(relation_for_role("head of immigration"), Some(RelationKind::MemberOf));
    }
}
