//! Who says something: finds the speaker next to a speech or claim verb
//! ("Gen. Sopheak added", "said X, an Interior Ministry spokesman", "he
//! said", "a U.S. Embassy spokesman said") and the source of "according to X".
//! Quotes and figures both attribute through here.

use super::entities::Entities;
use super::lexicon::lexicon;
use super::text::{Analysed, TokenKind};
use crate::model::EntityKind;
use std::ops::Range;

pub struct Attributor<'a, 't> {
    pub doc: &'a Analysed<'t>,
    pub entities: &'a Entities,
}

impl<'a, 't> Attributor<'a, 't> {
    fn word(&self, i: usize) -> &'t str {
        self.doc.tokens.get(i).map_or("", |t| t.text(self.doc.text))
    }

    fn is_quote(&self, i: usize) -> bool {
        matches!(self.doc.tokens[i].kind, TokenKind::Quote { double: true, .. })
    }

    fn entity_ending_at(&self, end: usize) -> Option<usize> {
        self.entities.mentions.iter().find(|m| m.surface.end == end).map(|m| m.entity)
    }

    fn entity_starting_at(&self, start: usize) -> Option<usize> {
        self.entities.mentions.iter().find(|m| m.surface.start == start).map(|m| m.entity)
    }

    /// The last person named before token `before`.
    pub fn last_person_before(&self, before: usize) -> Option<usize> {
        self.entities
            .mentions
            .iter()
            .rev()
            .filter(|m| m.surface.end <= before)
            .find(|m| self.entities.list[m.entity].kind == EntityKind::Person)
            .map(|m| m.entity)
    }

    fn unnamed_at(&self, token: usize) -> Option<usize> {
        self.entities.unnamed.iter().find(|u| u.token == token).map(|u| u.organization)
    }

    /// The speaker of the verb at `verb`, looking no further than `within`:
    /// the subject before it ("Gen. Sopheak added"), or after it when the verb
    /// follows a quote or comma ("…,” said Bill Herod").
    pub fn speaker_of_verb(&self, verb: usize, within: &Range<usize>) -> Option<usize> {
        let inverted = verb > within.start && (self.word(verb - 1) == "," || self.is_quote(verb - 1));
        if inverted {
            self.speaker_after(verb, within).or_else(|| self.speaker_before(verb, within))
        } else {
            self.speaker_before(verb, within).or_else(|| self.speaker_after(verb, within))
        }
    }

    /// "said Khieu Sopheak", "said a U.S. Embassy spokesman": a person, or an
    /// organisation that the clause ends with.
    fn speaker_after(&self, verb: usize, within: &Range<usize>) -> Option<usize> {
        if verb + 1 >= within.end {
            return None;
        }
        if let Some(mention) = self.entities.mentions.iter().find(|m| m.surface.start == verb + 1) {
            let closes_clause =
                mention.surface.end >= within.end || matches!(self.word(mention.surface.end), "," | "." | ";" | "in" | "on");
            if self.entities.list[mention.entity].kind == EntityKind::Person || closes_clause {
                return Some(mention.entity);
            }
        }
        let next = self.word(verb + 1).to_lowercase();
        if matches!(next.as_str(), "a" | "an" | "the") {
            return (verb + 2..within.end.min(verb + 6)).find_map(|t| self.unnamed_at(t));
        }
        None
    }

    fn speaker_before(&self, verb: usize, within: &Range<usize>) -> Option<usize> {
        if verb == within.start {
            return None;
        }
        // "Gen. Sopheak added", "he said", "a U.S. Embassy spokesman said"
        let mut before = verb;
        // "said in a message": skip nothing; "Keo Vannthan, put": skip one comma.
        if self.word(before - 1) == "," && before - 1 > within.start {
            before -= 1;
        }
        if let Some(entity) = self.entity_ending_at(before) {
            return Some(self.person_of_organisation(before, entity));
        }
        let previous = self.word(before - 1);
        if lexicon().is_pronoun(previous) && !matches!(previous.to_lowercase().as_str(), "it" | "we" | "they" | "i") {
            return self.last_person_before(before - 1);
        }
        // "Khieu Sopheak, an Interior Ministry spokesman, said": back over the apposition.
        if self.word(verb - 1) == "," {
            let floor = within.start.max(verb.saturating_sub(14));
            for end in (floor + 1..verb - 1).rev() {
                if self.is_quote(end) {
                    break;
                }
                if self.word(end) == "," {
                    if let Some(entity) = self.entity_ending_at(end).filter(|&e| self.entities.list[e].kind == EntityKind::Person) {
                        return Some(entity);
                    }
                }
            }
        }
        self.unnamed_at(before - 1)
    }

    /// "Preap Kol of Transparency International said": the person, not the
    /// organisation that ends right before the verb.
    fn person_of_organisation(&self, end: usize, entity: usize) -> usize {
        let Some(mention) = self.entities.mentions.iter().find(|m| m.surface.end == end) else { return entity };
        let of = mention.surface.start.checked_sub(1).filter(|&o| self.word(o) == "of");
        of.and_then(|o| self.entity_ending_at(o)).filter(|&person| self.entities.list[person].kind == EntityKind::Person).unwrap_or(entity)
    }

    /// The speaker of the first speech verb in `range` (skipping quoted text).
    pub fn speaker_in(&self, range: &Range<usize>, verbs: fn(&str) -> bool, last: bool) -> Option<usize> {
        let mut inside = false;
        let mut found = None;
        for i in range.clone() {
            if self.is_quote(i) {
                inside = matches!(self.doc.tokens[i].kind, TokenKind::Quote { open: true, .. });
                continue;
            }
            if inside || !verbs(self.word(i)) {
                continue;
            }
            if let Some(speaker) = self.speaker_of_verb(i, range) {
                if !last {
                    return Some(speaker);
                }
                found = Some(speaker);
            }
        }
        found
    }

    /// "according to the Returnee Integration Support Center": that entity.
    pub fn according_to(&self, range: &Range<usize>) -> Option<usize> {
        range.clone().find_map(|i| {
            if self.word(i).eq_ignore_ascii_case("according") && self.word(i + 1) == "to" {
                let start = if self.word(i + 2) == "the" { i + 3 } else { i + 2 };
                self.entity_starting_at(start).or_else(|| {
                    // "according to Carney's ruling"
                    self.entities.mentions.iter().find(|m| m.surface.start > i && m.surface.start <= i + 4).map(|m| m.entity)
                })
            } else {
                None
            }
        })
    }
}

pub fn is_speech_verb(word: &str) -> bool {
    lexicon().is_speech_verb(word)
}

pub fn is_claim_verb(word: &str) -> bool {
    lexicon().is_claim_verb(word)
}
