//! Entities within one article: finds capitalised name runs, tells people,
//! organisations and places apart, reads the roles the text gives ("Interior
//! Ministry spokesman Khieu Sopheak", "Bill Herod, an adviser to RISC") and
//! resolves short forms ("Gen. Sopheak", "Phal", "RISC") to one entity.
//! Sentence starters ("However", "Many") never become entities.

use super::lexicon::{lexicon, Lexicon};
use super::text::{Analysed, TokenKind};
use crate::model::EntityKind;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

/// One place where an entity is named.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Tokens of the surface form, honorific included ("Gen. Sopheak").
    pub surface: Range<usize>,
    /// Tokens of the bare name ("Sopheak").
    pub name: Range<usize>,
    pub sentence: usize,
    pub entity: usize,
}

/// An entity as one article knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEntity {
    pub name: String,
    pub kind: EntityKind,
    pub surfaces: BTreeSet<String>,
    pub roles: Vec<String>,
    /// Acronyms the article defines for it ("RISC").
    pub acronyms: Vec<String>,
}

/// A typed link the text states between two entities ("spokesman of").
#[derive(Debug, Clone, PartialEq)]
pub struct RoleLink {
    pub person: usize,
    pub organization: usize,
    pub kind: &'static str,
    pub sentence: usize,
}

/// "a U.S. Embassy spokesman": someone unnamed who speaks for an organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct UnnamedSpeaker {
    /// The token of the role word.
    pub token: usize,
    pub organization: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Entities {
    pub list: Vec<LocalEntity>,
    /// In text order.
    pub mentions: Vec<Mention>,
    pub links: Vec<RoleLink>,
    pub unnamed: Vec<UnnamedSpeaker>,
}

/// A capitalised run before classification.
#[derive(Debug, Clone)]
struct Candidate {
    surface: Range<usize>,
    name: Range<usize>,
    sentence: usize,
    /// Title words inside the run ("Federal Judge", "Lieutenant General").
    title: Option<String>,
    person_cue: bool,
}

pub fn relation_for_role(role: &str) -> &'static str {
    let head = role.split(' ').find(|w| lexicon().is_role(w) && !lexicon().is_role_modifier(w)).unwrap_or(role);
    match head {
        "spokesman" | "spokeswoman" | "spokesperson" => "spokesperson_of",
        "adviser" | "advisor" | "consultant" => "adviser_to",
        "head" | "chief" | "director" | "president" | "chairman" | "chairwoman" | "chair" | "leader" | "governor" | "mayor"
        | "commander" | "ceo" | "founder" | "minister" | "boss" | "manager" | "coach" => "head_of",
        _ => "member_of",
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

const PARTICLES: &[&str] = &["van", "von", "de", "da", "di", "du", "del", "der", "la", "le", "bin", "al", "ibn"];

struct Finder<'a, 't> {
    doc: &'a Analysed<'t>,
    lex: &'static Lexicon,
    /// Words seen capitalised somewhere other than a sentence start.
    capitalised_inside: HashSet<&'t str>,
}

impl<'a, 't> Finder<'a, 't> {
    fn new(doc: &'a Analysed<'t>) -> Self {
        let mut finder = Finder { doc, lex: lexicon(), capitalised_inside: HashSet::new() };
        for i in 0..doc.tokens.len() {
            let word = doc.word(i);
            if doc.tokens[i].kind == TokenKind::Word && is_capitalised(word) && !finder.starts_clause(i) {
                finder.capitalised_inside.insert(word);
            }
        }
        finder
    }

    fn word(&self, i: usize) -> &'t str {
        self.doc.word(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` is where a sentence, quotation or bracket opens.
    fn starts_clause(&self, i: usize) -> bool {
        let sentence = &self.doc.sentences[self.doc.sentence_of(i)];
        let mut j = i;
        while j > sentence.tokens.start {
            let previous = &self.doc.tokens[j - 1];
            match previous.kind {
                TokenKind::Quote { open: true, .. } => j -= 1,
                TokenKind::Punct
                    if matches!(previous.text(self.doc.text), "(" | "[" | ":" | "\u{2022}" | "-" | "\u{2013}" | "\u{2014}") =>
                {
                    return true
                }
                _ => return false,
            }
        }
        true
    }

    fn is_name_word(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let word = self.word(i);
        // "Brisbane-based", "German-born" describe; they name nothing.
        let adjective_compound = word.rsplit_once('-').is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase));
        is_capitalised(word) && !self.lex.is_not_entity(word) && word.chars().any(char::is_alphabetic) && !adjective_compound
    }

    /// Whether `range` reads as a name by itself: it has a first name, a
    /// place, a known organisation or a word that is no dictionary word.
    fn stands_as_name(&self, range: Range<usize>) -> bool {
        range.clone().any(|i| {
            let word = self.word(i);
            self.lex.is_first_name(word) || self.lex.place(word).is_some() || self.lex.is_known_org(word) || !self.lex.is_common_word(word)
        })
    }

    fn adjacent(&self, a: usize, b: usize) -> bool {
        self.doc.tokens[a].end == self.doc.tokens[b].start
    }

    /// Maximal capitalised runs of one sentence, joined across "of", "and",
    /// name particles and tight hyphens where the words around allow it.
    fn runs(&self, sentence: usize) -> Vec<Range<usize>> {
        let tokens = self.doc.sentences[sentence].tokens.clone();
        let mut runs = Vec::new();
        let mut i = tokens.start;
        while i < tokens.end {
            if !self.is_name_word(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end < tokens.end && self.is_name_word(end) {
                    end += 1;
                    continue;
                }
                let connector = if end < tokens.end { self.word(end) } else { "" };
                let last = self.word(end - 1);
                let joins = match connector {
                    "of" => self.lex.is_org_lead(last) || self.lex.is_honorific(last),
                    "the" => end - 1 > start && self.word(end - 1) == "of",
                    "and" | "&" => self.and_joins(start, end, tokens.end),
                    // "Jean-Pierre", but not "US-Cambodian".
                    "-" => {
                        end + 1 < tokens.end
                            && self.adjacent(end - 1, end)
                            && self.adjacent(end, end + 1)
                            && [end - 1, end + 1]
                                .iter()
                                .all(|&i| !self.lex.is_demonym(self.word(i)) && self.lex.place(self.word(i)).is_none())
                    }
                    particle => PARTICLES.contains(&particle),
                };
                let next_is_name = end + 1 < tokens.end && self.is_name_word(end + 1);
                let the_then_name = connector == "of" && end + 2 < tokens.end && self.word(end + 1) == "the" && self.is_name_word(end + 2);
                if joins && (next_is_name || the_then_name) {
                    end += if the_then_name { 3 } else { 2 };
                } else {
                    break;
                }
            }
            runs.push(start..end);
            i = end;
        }
        runs
    }

    /// "U.S. Immigration and Customs Enforcement", "Ministry of Culture and
    /// Fine Arts" are one name; "Cambodia and Thailand" are two.
    fn and_joins(&self, start: usize, connector: usize, limit: usize) -> bool {
        if self.lex.is_org_head(self.word(connector - 1)) {
            return false;
        }
        let mut end = connector + 1;
        while end < limit && self.is_name_word(end) {
            end += 1;
        }
        let organisation_of = self.lex.is_org_lead(self.word(start)) && (start..connector).any(|i| self.word(i) == "of");
        // "Immigration and Customs Enforcement" shares one head; "Fiat and General Motors" are two names.
        let left_is_organisation = (start..connector).any(|i| self.lex.is_org_head(self.word(i)));
        let left_is_generic = self.lex.is_common_word(self.word(connector - 1));
        end > connector + 1
            && ((self.lex.is_org_head(self.word(end - 1)) && !left_is_organisation && left_is_generic) || organisation_of)
            && (start..connector).all(|i| self.lex.place(self.word(i)).is_none() || i == start)
    }

    /// Splits a run into an optional leading affiliation and the candidate it
    /// names; drops a sentence starter in front.
    fn candidates(&self, run: Range<usize>, sentence: usize, out: &mut Vec<Candidate>) {
        let mut start = run.start;
        // Function words never open a name, wherever they stand ("If Bafta").
        while start < run.end && (self.lex.is_sentence_starter(self.word(start)) || !is_capitalised(self.word(start))) {
            start += 1;
        }
        // Nor does a connector close one ("Office of the").
        let mut end = run.end;
        while end > start && !is_capitalised(self.word(end - 1)) {
            end -= 1;
        }
        let run = run.start..end;
        if start >= run.end || (start..run.end).all(|i| self.lex.is_honorific(self.word(i))) {
            return;
        }
        // Title case with inner function words is a headline or a work's title.
        if (start + 1..run.end).any(|i| self.lex.is_sentence_starter(self.word(i)) && is_capitalised(self.word(i))) {
            return;
        }
        let first = self.word(start);
        let opens_sentence = start == run.start && self.starts_clause(start);
        let plain_word = self.lex.is_common_word(first)
            && !self.lex.is_first_name(first)
            && self.lex.place(first).is_none()
            && !self.lex.is_known_org(first)
            && !self.lex.is_honorific(first)
            && !self.capitalised_inside.contains(first);
        // A capitalised dictionary word at a sentence start belongs to the
        // sentence, unless the words after it need it ("Interior Ministry").
        let drop_first = opens_sentence
            && plain_word
            && (run.end - start == 1
                || ["ed", "ing", "ly"].iter().any(|suffix| first.ends_with(suffix))
                || self.stands_as_name(start + 1..run.end));
        if drop_first {
            start += 1;
        }
        if start >= run.end {
            return;
        }
        let words: Vec<&str> = (start..run.end).map(|i| self.word(i)).collect();
        let ends_in_org = self.lex.is_org_head(words[words.len() - 1]) || self.lex.is_known_org(&words.join(" "));
        // The last honorific that still has a name after it.
        let honorific = (start..run.end - 1).rev().find(|&i| self.lex.is_honorific(self.word(i)));
        if let (Some(last_title), false) = (honorific, ends_in_org) {
            let mut first_title = last_title;
            while first_title > start
                && (self.lex.is_honorific(self.word(first_title - 1)) || self.lex.is_role_modifier(self.word(first_title - 1)))
            {
                first_title -= 1;
            }
            let mut name_start = last_title + 1;
            // "Secretary of State Colin Powell": the title absorbs "of …".
            if self.word(name_start) == "of" {
                name_start = (run.end - 2).max(name_start + 1);
                let name = self.name_text(&(name_start..run.end));
                let names_a_person =
                    self.stands_as_name(name_start..run.end) && self.lex.place(&name).is_none() && !self.lex.is_known_org(&name);
                if !names_a_person {
                    // "Director of Public Prosecutions", "Lord Chief Justice of England": a title, no name.
                    return self.candidates(last_title + 2..run.end, sentence, out);
                }
            }
            while name_start < run.end && !is_capitalised(self.word(name_start)) {
                name_start += 1;
            }
            if name_start == run.end {
                return;
            }
            let single_common_name = run.end - name_start == 1 && self.lex.is_common_word(self.word(name_start));
            if single_common_name && !(first_title..name_start).any(|i| self.lex.is_strong_honorific(self.word(i))) {
                return; // "Coach Action": a sentence-initial role word, not a title
            }
            if first_title > start {
                self.candidates(start..first_title, sentence, out);
            }
            let title: Vec<String> = (first_title..name_start).map(|i| self.word(i).trim_end_matches('.').to_lowercase()).collect();
            out.push(Candidate {
                surface: first_title..run.end,
                name: name_start..run.end,
                sentence,
                title: Some(title.join(" ")),
                person_cue: true,
            });
            return;
        }
        // "Cambodian citizens", "Thai refugee camps": a demonym names nobody.
        if !ends_in_org && !self.lex.is_known_org(&words.join(" ")) {
            if words.iter().all(|w| self.lex.is_demonym(w)) {
                return;
            }
            // "American Bill Smith" names Bill Smith; "British Nuclear Fuels" is one name.
            if self.lex.is_demonym(words[0]) && words.len() > 1 && self.lex.is_first_name(words[1]) {
                return self.candidates(start + 1..run.end, sentence, out);
            }
        }
        out.push(Candidate { surface: start..run.end, name: start..run.end, sentence, title: None, person_cue: false });
    }

    fn name_text(&self, range: &Range<usize>) -> String {
        let tokens = &self.doc.tokens;
        self.doc.text[tokens[range.start].start..tokens[range.end - 1].end].to_string()
    }

    fn lowercase_role_before(&self, start: usize, floor: usize) -> Option<(Range<usize>, String)> {
        let mut i = start;
        while i > floor && self.is_word(i - 1) {
            let word = self.word(i - 1);
            if word.chars().next().is_some_and(char::is_lowercase)
                && (self.lex.is_role(word) || (i < start && self.lex.is_role_modifier(word)))
            {
                i -= 1;
            } else {
                break;
            }
        }
        (i < start && self.lex.is_role(self.word(start - 1)))
            .then(|| (i..start, (i..start).map(|t| self.word(t)).collect::<Vec<_>>().join(" ")))
    }
}

/// Reads a role phrase such as "an Interior Ministry spokesman" or "the head
/// of immigration for the Interior Ministry": its role words and the token
/// range the phrase covers.
fn role_in_phrase(finder: &Finder, phrase: Range<usize>) -> Option<String> {
    let lex = finder.lex;
    let position = phrase.clone().find(|&i| {
        let word = finder.word(i);
        finder.is_word(i) && word.chars().next().is_some_and(char::is_lowercase) && lex.is_role(word)
    })?;
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

pub fn find(doc: &Analysed) -> Entities {
    let finder = Finder::new(doc);
    let lex = finder.lex;
    let mut candidates = Vec::new();
    for sentence in 0..doc.sentences.len() {
        for run in finder.runs(sentence) {
            finder.candidates(run, sentence, &mut candidates);
        }
    }

    // Acronyms defined in brackets: "Returnee Integration Support Center (RISC)"
    // names the organisation; "trusted platform module (TPM)" names a term, no entity.
    let mut acronym_of: HashMap<String, usize> = HashMap::new();
    let mut terms: HashSet<String> = HashSet::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let after = candidate.surface.end;
        if doc.tokens.get(after).is_some_and(|t| t.text(doc.text) == "(")
            && doc.tokens.get(after + 2).is_some_and(|t| t.text(doc.text) == ")")
        {
            let acronym = doc.word(after + 1);
            if is_acronym(acronym) && !is_acronym(&finder.name_text(&candidate.name)) {
                acronym_of.insert(acronym.to_string(), index);
            }
        }
    }
    for i in 0..doc.tokens.len().saturating_sub(2) {
        if doc.word(i) == "("
            && doc.word(i + 2) == ")"
            && is_acronym(doc.word(i + 1))
            && i > 0
            && doc.word(i - 1).chars().all(char::is_lowercase)
        {
            terms.insert(doc.word(i + 1).to_string());
        }
    }

    // Classify; cluster by key; resolve short forms.
    let mut entities = Entities::default();
    let mut key_to_entity: HashMap<String, usize> = HashMap::new();
    let mut pending_short: Vec<(usize, Candidate)> = Vec::new();
    let mut candidate_entity: Vec<Option<usize>> = vec![None; candidates.len()];

    let kind_of = |candidate: &Candidate, name: &str| -> Option<(EntityKind, String)> {
        let words: Vec<&str> = candidate.name.clone().map(|i| finder.word(i)).collect();
        let last = *words.last()?;
        if candidate.person_cue {
            return Some((EntityKind::Person, name.to_string()));
        }
        if lex.is_known_org(name) {
            return Some((EntityKind::Organization, name.to_string()));
        }
        if let Some(place) = lex.place(name) {
            return Some((EntityKind::Place, place.to_string()));
        }
        if words.len() == 1 && (lex.is_org_head(last) || lex.is_place_head(last)) {
            return None; // "Ministry", "Province" alone refer back to something named elsewhere.
        }
        if lex.is_org_head(last) || (lex.is_org_lead(words[0]) && words.contains(&"of")) {
            return Some((EntityKind::Organization, name.to_string()));
        }
        if lex.is_place_head(last) {
            return Some((EntityKind::Place, name.to_string()));
        }
        if is_acronym(name) {
            if terms.contains(name) {
                return None;
            }
            return Some((if acronym_of.contains_key(name) { EntityKind::Organization } else { EntityKind::Other }, name.to_string()));
        }
        let before = candidate.surface.start.checked_sub(1).map(|i| finder.word(i)).unwrap_or("");
        let after = finder.doc.tokens.get(candidate.surface.end).map(|t| t.text(finder.doc.text)).unwrap_or("");
        let apposed_role = |range: Range<usize>| {
            range.filter(|&t| t < finder.doc.tokens.len()).any(|t| {
                let word = finder.word(t);
                word.chars().next().is_some_and(char::is_lowercase) && lex.is_role(word)
            })
        };
        let cued = lex.is_first_name(words[0])
            || lex.is_speech_verb(after)
            || before == "by"
            || lex.is_role(before)
            || (after == "," && apposed_role(candidate.surface.end + 1..candidate.surface.end + 6))
            || (before == "," && apposed_role(candidate.surface.start.saturating_sub(8)..candidate.surface.start))
            || words.iter().all(|w| !lex.is_common_word(w) && !is_acronym(w));
        let named_person = words.len() >= 2
            && cued
            && !words.iter().any(|w| lex.place(w).is_some() || lex.is_org_head(w) || is_acronym(w) || lex.is_demonym(w));
        if named_person && words.len() <= 4 && !words.iter().any(|w| *w == "of" || *w == "and") {
            return Some((EntityKind::Person, name.to_string()));
        }
        if words.len() == 1 && lex.is_common_word(last) {
            return None; // may still be a short form of a person; decided below
        }
        Some((EntityKind::Other, name.to_string()))
    };

    for (index, candidate) in candidates.iter().enumerate() {
        let name = finder.name_text(&candidate.name);
        let classified = kind_of(candidate, &name);
        let single = candidate.name.len() == 1 && !is_acronym(&name);
        let is_person_full = matches!(classified, Some((EntityKind::Person, _))) && candidate.name.len() >= 2;
        if single && !matches!(classified, Some((EntityKind::Place | EntityKind::Organization, _))) && !is_person_full {
            pending_short.push((index, candidate.clone()));
            continue;
        }
        let Some((kind, name)) = classified else { continue };
        let key = if let Some(&owner) = acronym_of.get(&name) { format!("@{owner}") } else { name.to_lowercase() };
        let entity = entity_for(&mut entities.list, &mut key_to_entity, key, &name, kind);
        candidate_entity[index] = Some(entity);
        if let Some(owner) = acronym_of.iter().find(|(_, &owner)| owner == index).map(|(acronym, _)| acronym.clone()) {
            key_to_entity.insert(format!("@{index}"), entity);
            key_to_entity.insert(owner.to_lowercase(), entity);
            if !entities.list[entity].acronyms.contains(&owner) {
                entities.list[entity].acronyms.push(owner);
            }
        }
    }
    // Acronyms used before or without their definition join their owner.
    for (acronym, &owner) in &acronym_of {
        if let (Some(&acronym_entity), Some(owner_entity)) = (key_to_entity.get(&acronym.to_lowercase()), candidate_entity[owner]) {
            if acronym_entity != owner_entity {
                for slot in candidate_entity.iter_mut().filter(|slot| **slot == Some(acronym_entity)) {
                    *slot = Some(owner_entity);
                }
            }
        }
    }

    // Short forms: "Sopheak", "Gen. Sopheak", "Phal" join the one person whose
    // name has that word; otherwise they stand alone only with a title.
    for (index, candidate) in pending_short {
        let name = finder.name_text(&candidate.name);
        let matches: Vec<usize> = entities
            .list
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person && e.name.contains(' '))
            .filter(|(_, e)| {
                let parts: Vec<&str> = e.name.split(' ').collect();
                parts.first() == Some(&name.as_str()) || parts.last() == Some(&name.as_str())
            })
            .map(|(i, _)| i)
            .collect();
        let entity = match matches.as_slice() {
            [only] => Some(*only),
            [] => {
                let standalone = if candidate.person_cue {
                    Some(EntityKind::Person)
                } else if !lex.is_common_word(&name) && !finder.starts_clause(candidate.surface.start) {
                    Some(EntityKind::Other)
                } else {
                    None
                };
                standalone.map(|kind| entity_for(&mut entities.list, &mut key_to_entity, name.to_lowercase(), &name, kind))
            }
            several => {
                // The most recently named of them.
                candidate_entity[..index].iter().rev().flatten().find(|e| several.contains(e)).copied().or(Some(several[0]))
            }
        };
        if let Some(entity) = entity {
            if candidate.person_cue && entities.list[entity].kind == EntityKind::Other {
                entities.list[entity].kind = EntityKind::Person;
            }
            candidate_entity[index] = Some(entity);
        }
    }

    for (index, candidate) in candidates.iter().enumerate() {
        let Some(entity) = candidate_entity[index] else { continue };
        entities.list[entity].surfaces.insert(finder.name_text(&candidate.surface));
        entities.mentions.push(Mention {
            surface: candidate.surface.clone(),
            name: candidate.name.clone(),
            sentence: candidate.sentence,
            entity,
        });
    }
    entities.mentions.sort_by_key(|m| m.surface.start);

    read_roles(&finder, &candidates, &candidate_entity, &mut entities);
    entities
}

/// The local entity filed under `key`, created as `name` of `kind` if new.
fn entity_for(list: &mut Vec<LocalEntity>, keys: &mut HashMap<String, usize>, key: String, name: &str, kind: EntityKind) -> usize {
    *keys.entry(key).or_insert_with(|| {
        list.push(LocalEntity { name: name.to_string(), kind, surfaces: BTreeSet::new(), roles: Vec::new(), acronyms: Vec::new() });
        list.len() - 1
    })
}

/// Roles and affiliations from titles, pre-name role words and appositions.
fn read_roles(finder: &Finder, candidates: &[Candidate], candidate_entity: &[Option<usize>], entities: &mut Entities) {
    let doc = finder.doc;
    let lex = finder.lex;
    let organisation_in = |range: Range<usize>, entities: &Entities| -> Option<usize> {
        entities
            .mentions
            .iter()
            .filter(|m| m.surface.start >= range.start && m.surface.end <= range.end)
            .map(|m| m.entity)
            .find(|&e| matches!(entities.list[e].kind, EntityKind::Organization | EntityKind::Place))
    };
    let add = |entities: &mut Entities, person: usize, role: Option<String>, organisation: Option<usize>, sentence: usize| {
        if let Some(role) = &role {
            if !entities.list[person].roles.contains(role) {
                entities.list[person].roles.push(role.clone());
            }
        }
        if let Some(organisation) = organisation.filter(|&o| o != person) {
            let kind = if entities.list[organisation].kind == EntityKind::Place {
                "affiliated_with"
            } else {
                role.as_deref().map_or("member_of", relation_for_role)
            };
            entities.links.push(RoleLink { person, organization: organisation, kind, sentence });
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
            let organisation = role_range
                .start
                .checked_sub(1)
                .and_then(|end| entities.mentions.iter().find(|m| m.surface.end == end + 1).map(|m| m.entity));
            add(entities, person, Some(role), organisation, candidate.sentence);
        }
        if let Some(title) = candidate.title.as_deref() {
            let role_words: Vec<&str> = title.split(' ').filter(|w| lex.is_role(w) || lex.is_role_modifier(w)).collect();
            if role_words.iter().any(|w| lex.is_role(w)) {
                let organisation = candidate
                    .surface
                    .start
                    .checked_sub(1)
                    .and_then(|end| entities.mentions.iter().find(|m| m.surface.end == end + 1).map(|m| m.entity));
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
            if let Some(organisation) = entities.mentions.iter().find(|m| m.surface.start == after + 1).map(|m| m.entity) {
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
        let names_someone =
            entities.mentions.iter().any(|m| m.surface.start == i + 1 || (doc.word(i + 1) == "," && m.surface.start == i + 2));
        if names_someone {
            continue;
        }
        let sentence = &doc.sentences[doc.sentence_of(i)];
        let organisation = entities
            .mentions
            .iter()
            .find(|m| m.surface.end == i && m.surface.start >= sentence.tokens.start)
            .or_else(|| {
                // "a spokesman for the Interior Ministry"
                let from = i + 1;
                (from < sentence.tokens.end && matches!(doc.word(from), "for" | "of" | "at"))
                    .then(|| {
                        entities
                            .mentions
                            .iter()
                            .find(|m| m.surface.start == from + 1 || (doc.word(from + 1) == "the" && m.surface.start == from + 2))
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
    use crate::pipeline::text::analyse_paragraphs;

    /// Entities as "kind:name[role]{surface|surface}" in first-mention order.
    fn check(text: &str, expected: &[&str]) {
        let doc = analyse_paragraphs(text);
        let found = find(&doc);
        let mut order: Vec<usize> = Vec::new();
        for mention in &found.mentions {
            if !order.contains(&mention.entity) {
                order.push(mention.entity);
            }
        }
        let got: Vec<String> = order
            .iter()
            .map(|&e| {
                let entity = &found.list[e];
                let roles = if entity.roles.is_empty() { String::new() } else { format!("[{}]", entity.roles.join(";")) };
                let surfaces: Vec<&str> = entity.surfaces.iter().map(String::as_str).filter(|s| *s != entity.name).collect();
                let aliases = if surfaces.is_empty() { String::new() } else { format!("{{{}}}", surfaces.join("|")) };
                format!("{}:{}{}{}", entity.kind.as_str(), entity.name, roles, aliases)
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn sentence_starters_are_not_entities() {
        check("However, Many of them left. Asked about it, officials in Cambodia declined. Detainees wait.", &["place:Cambodia"]);
    }

    #[test]
    fn pre_name_role_gives_person_role_and_affiliation() {
        let text = "Interior Ministry spokesman Khieu Sopheak said on Tuesday that talks would go on. Gen. Sopheak added more. General Sopheak left.";
        check(text, &["organization:Interior Ministry", "person:Khieu Sopheak[spokesman;general]{Gen. Sopheak|General Sopheak}"]);
        let found = find(&analyse_paragraphs(text));
        assert_eq!(found.links.len(), 1);
        assert_eq!(found.links[0].kind, "spokesperson_of");
    }

    #[test]
    fn appositions_give_roles() {
        check(
            "Asked about it, Sok Phal, the head of immigration for the Interior Ministry, said no. Phal left. Bill Herod, an adviser to RISC, agreed, Mr. Herod said.",
            &[
                "person:Sok Phal[head of immigration]{Phal}",
                "organization:Interior Ministry",
                "person:Bill Herod[adviser]{Mr. Herod}",
                "other:RISC",
            ],
        );
    }

    #[test]
    fn titles_inside_runs_split_from_names_and_places() {
        check(
            "In a ruling, US Federal Judge Cormac Carney said no. Carney’s ruling stands.",
            &["place:United States{US}", "person:Cormac Carney[federal judge]{Carney|Federal Judge Cormac Carney}"],
        );
    }

    #[test]
    fn acronyms_defined_in_brackets_join_their_organisation() {
        check(
            "The Returnee Integration Support Center (RISC) helps. Last year, according to the RISC, 41 arrived. The trusted platform module (TPM) is a chip.",
            &["organization:Returnee Integration Support Center{RISC}"],
        );
    }

    #[test]
    fn organisations_with_of_and_and() {
        check(
            "Preap Kol of Transparency International spoke to the Ministry of Culture and Fine Arts and to U.S. Immigration and Customs Enforcement in Cambodia and Thailand.",
            &[
                "person:Preap Kol",
                "organization:Transparency International",
                "organization:Ministry of Culture and Fine Arts",
                "organization:U.S. Immigration and Customs Enforcement",
                "place:Cambodia",
                "place:Thailand",
            ],
        );
    }

    #[test]
    fn demonyms_and_unnamed_speakers() {
        let text = "A U.S. Embassy spokesman said Cambodian citizens and Thai refugee camps matter.";
        check(text, &["organization:U.S. Embassy"]);
        let found = find(&analyse_paragraphs(text));
        assert_eq!(found.unnamed.len(), 1);
    }
}
