//! Who says something: finds the speaker next to a speech or claim verb
//! ("Gen. Sopheak added", "said X, an Interior Ministry spokesman", "he
//! said", "a U.S. Embassy spokesman said"), the source of "according to X"
//! and the owner of the report a sentence cites.
//! Quotes and figures both attribute through here.

use super::entities::{Entities, Mention};
use super::lexicon::lexicon;
use super::reports::{self, ReportCredit};
use super::text::{Analysed, TokenKind};
use crate::model::EntityKind;
use std::ops::Range;

pub struct Attributor<'a, 't> {
    pub doc: &'a Analysed<'t>,
    pub entities: &'a Entities,
    /// Whether each token stands inside a quotation: people named there are
    /// spoken of, not speaking.
    quoted: Vec<bool>,
    /// Whose report, survey or poll each sentence cites.
    pub reports: ReportCredit,
}

/// How far back, in sentences, a pronoun or "the cardinal" looks for whom it means.
const SALIENCE_SENTENCES: usize = 6;

impl<'a, 't> Attributor<'a, 't> {
    pub fn new(doc: &'a Analysed<'t>, entities: &'a Entities) -> Self {
        let mut quoted = Vec::with_capacity(doc.tokens.len());
        let mut inside = false;
        let mut paragraph = usize::MAX;
        for (i, token) in doc.tokens.iter().enumerate() {
            let here = doc.sentences[doc.sentence_of(i)].paragraph;
            if here != paragraph {
                (inside, paragraph) = (false, here);
            }
            if let TokenKind::Quote { open, double: true } = token.kind {
                inside = open;
            }
            quoted.push(inside);
        }
        Attributor { doc, entities, quoted, reports: reports::credit(doc, entities) }
    }

    fn word(&self, i: usize) -> &'t str {
        self.doc.word(i)
    }

    /// Whether token `i` is a double quotation mark.
    pub fn is_quote(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| matches!(t.kind, TokenKind::Quote { double: true, .. }))
    }

    fn entity_ending_at(&self, end: usize) -> Option<usize> {
        self.entities.ending_at(end).map(|m| m.entity)
    }

    fn entity_starting_at(&self, start: usize) -> Option<usize> {
        self.entities.starting_at(start).map(|m| m.entity)
    }

    /// Whom "he", "she" or "the cardinal" at token `at` means: the first
    /// person named, outside quotations, in the nearest sentence before it
    /// that names one (its subject, most often), looking back a few sentences
    /// within this paragraph and the one before. Not simply the nearest name:
    /// in "Moya beat Roddick. 'It was hard,' he said", he is Moya.
    pub fn salient_person(&self, at: usize, pronoun: &str) -> Option<usize> {
        let here = self.doc.sentence_of(at.min(self.doc.tokens.len().saturating_sub(1)));
        let paragraph = self.doc.sentences.get(here)?.paragraph;
        for sentence in (here.saturating_sub(SALIENCE_SENTENCES)..=here).rev() {
            let tokens = &self.doc.sentences[sentence].tokens;
            if self.doc.sentences[sentence].paragraph + 1 < paragraph {
                break;
            }
            // "Asked if Mr Blunkett could return, he replied", "But standing next to Mr Blair he
            // added": a sentence opening with a participle names someone other than its subject
            // before the pronoun.
            if sentence == here && self.opens_with_participle(tokens.start) {
                continue;
            }
            let end = if sentence == here { at } else { tokens.end };
            // "capped by Gerrard's 20-yard drive": an owner is not whom the sentence is about.
            let person = self.entities.starting_in(tokens.start..end).iter().find(|m| {
                m.surface.end <= end
                    && !self.quoted[m.surface.start]
                    && self.entities.list[m.entity].kind == EntityKind::Person
                    && !self.gender_clash(m.entity, pronoun)
                    && self.word(m.surface.end) != "'s"
            });
            // "But he said Mr Blair had …": a sentence whose subject is itself a pronoun
            // speaks of someone named further back.
            let pronoun_first =
                (tokens.start..person.map_or(end, |m| m.surface.start)).any(|i| !self.quoted[i] && is_personal_pronoun(self.word(i)));
            // "The 21-year-old missed … after a challenge with Olivier Dacourt": so does one
            // whose subject is a description of someone.
            // Not "The film's director Peter Chelsom said": there the role titles the name after it.
            let described_first = self.word(tokens.start).eq_ignore_ascii_case("the")
                && ((tokens.start + 1..(tokens.start + 4).min(end)).any(|i| {
                    let word = self.word(i);
                    let titles_name = person.is_some_and(|m| m.surface.start == i + 1);
                    !titles_name && (word.ends_with("year-old") || (word.chars().all(char::is_lowercase) && lexicon().is_role(word)))
                }) || (lexicon().is_demonym(self.word(tokens.start + 1))
                    && self.word(tokens.start + 2).starts_with(char::is_lowercase)))
                && person.is_none_or(|m| m.surface.start > tokens.start + 3);
            if pronoun_first || described_first {
                continue;
            }
            if let Some(person) = person {
                return Some(person.entity);
            }
        }
        self.protagonist_before(at, pronoun)
    }

    /// Whether the sentence starting at token `start` opens with a participle,
    /// after a "But" or "And": "Asked …", "Standing next to …".
    fn opens_with_participle(&self, start: usize) -> bool {
        let opener = if matches!(self.word(start), "But" | "And") { start + 1 } else { start };
        let participle = self.word(opener).to_lowercase();
        participle == "asked" || (participle.ends_with("ing") && lexicon().is_common_word(&participle))
    }

    /// The person the article has named most often, outside quotations,
    /// before token `at`: whom a pronoun far from any name means.
    fn protagonist_before(&self, at: usize, pronoun: &str) -> Option<usize> {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for m in self.entities.starting_in(0..at).iter().filter(|m| m.surface.end <= at && !self.quoted[m.surface.start]) {
            if self.entities.list[m.entity].kind != EntityKind::Person || self.gender_clash(m.entity, pronoun) {
                continue;
            }
            match counts.iter_mut().find(|(e, _)| *e == m.entity) {
                Some((_, n)) => *n += 1,
                None => counts.push((m.entity, 1)),
            }
        }
        // The earliest named wins a tie (`min_by_key` keeps the first): an article opens with whom it is about.
        counts.iter().min_by_key(|(_, n)| std::cmp::Reverse(*n)).map(|(e, _)| *e)
    }

    /// "He criticised the fact that "billions" …": a pronoun subject before
    /// token `end` in its sentence, outside quotations, and whom it means.
    pub fn pronoun_subject_before(&self, start: usize, end: usize) -> Option<usize> {
        (start..end).find(|&i| !self.quoted[i] && is_personal_pronoun(self.word(i))).and_then(|i| self.salient_person(i, self.word(i)))
    }

    /// "Sol Campbell has called the rivalry "bitter"": the first person
    /// named in a clause, unless an owner ("Peter Hain's description of him
    /// as an "attack mongrel"") or the object of a preposition ("fined CBS for
    /// singer Janet Jackson's …"): those are spoken of.
    pub fn subject_person(&self, clause: &Range<usize>) -> Option<usize> {
        let lex = lexicon();
        // "The cardinal used a Christmas message to denounce the war as a "terrible" waste":
        // a clause opening with a description of someone speaks for whom it describes; but
        // "The Lord Chancellor, Lord Falconer, agreed" names him.
        let description = self.word(clause.start).eq_ignore_ascii_case("the").then(|| {
            let end = (clause.start + 1..clause.end.min(clause.start + 5)).find(|&i| !self.is_description_word(i)).unwrap_or(clause.end);
            self.description_before(end, clause.start).filter(|&head| head > clause.start)
        });
        let described = description.flatten().and_then(|head| {
            let apposed = self.word(head + 1) == ","
                && self
                    .entities
                    .mentions
                    .iter()
                    .any(|m| m.surface.start == head + 2 && self.entities.list[m.entity].kind == EntityKind::Person);
            (!apposed).then(|| self.described(head)).flatten()
        });
        if described.is_some() {
            return described;
        }
        let person = self
            .entities
            .mentions
            .iter()
            .find(|m| clause.contains(&m.surface.start) && self.entities.list[m.entity].kind == EntityKind::Person)?;
        let mut before = person.surface.start;
        while before > clause.start && self.doc.tokens[before - 1].kind == TokenKind::Word && {
            let word = self.word(before - 1);
            word.starts_with(char::is_lowercase) && (lex.is_role(word) || lex.is_role_modifier(word))
        } {
            before -= 1;
        }
        let preposition = if before > clause.start { self.word(before - 1).to_lowercase() } else { String::new() };
        // "with shadow chancellor Oliver Letwin branding stamp duty a …": "with" before a
        // participle opens a clause whose subject the person is.
        let subject_of_participle = preposition == "with" && self.word(person.surface.end).ends_with("ing");
        let governed = PREPOSITIONS.contains(&preposition.as_str()) && !subject_of_participle;
        let owner = self.word(person.surface.end) == "'s";
        // "Ms Simonetti was told her suspension was over "inappropriate" images": the listener.
        let listener = matches!(self.word(person.surface.end), "was" | "were" | "had" | "has")
            && (person.surface.end + 1..person.surface.end + 3).any(|k| matches!(self.word(k), "told" | "asked" | "warned"));
        (!governed && !owner && !listener).then_some(person.entity)
    }

    /// '… were deemed "not in the best interests" by Manchester United's
    /// board', 'branded "deeply irresponsible" by the Liberal Democrats': the
    /// agent of a labelling verb, named by "by" right after the quote. Not
    /// 'feel "taken for granted" by Tony Blair', whose verb is inside.
    pub fn agent_after(&self, open: usize, close: usize) -> Option<usize> {
        let labelled = (open.saturating_sub(4)..open).any(|k| LABELLING_VERBS.contains(&self.word(k).to_lowercase().as_str()));
        if !labelled {
            return None;
        }
        let by = close + usize::from(self.is_quote(close));
        if !self.word(by).eq_ignore_ascii_case("by") {
            return None;
        }
        let start = if self.word(by + 1).eq_ignore_ascii_case("the") { by + 2 } else { by + 1 };
        self.entity_starting_at(start).filter(|&e| self.speaks(e))
    }

    /// Whether an entity can speak: a person or an organisation; a place or a work cannot.
    pub fn speaks(&self, entity: usize) -> bool {
        matches!(self.entities.list[entity].kind, EntityKind::Person | EntityKind::Organization)
    }

    /// Whether a person is named outside quotations between two tokens.
    pub fn names_someone_between(&self, from: usize, to: usize) -> bool {
        self.entities
            .starting_in(from..to)
            .iter()
            .any(|m| m.surface.end <= to && !self.quoted[m.surface.start] && self.entities.list[m.entity].kind == EntityKind::Person)
    }

    /// "she" for someone the text calls "Mr", or "he" for a "Mrs".
    fn gender_clash(&self, entity: usize, pronoun: &str) -> bool {
        let titled = |titles: &[&str]| {
            self.entities.list[entity]
                .surfaces
                .iter()
                .any(|s| titles.iter().any(|t| s.strip_prefix(t).is_some_and(|r| r.starts_with([' ', '.']))))
        };
        if pronoun.eq_ignore_ascii_case("she") {
            titled(&["Mr", "Sir", "Lord"])
        } else if pronoun.eq_ignore_ascii_case("he") {
            titled(&["Mrs", "Ms", "Miss", "Lady", "Dame"])
        } else {
            false
        }
    }

    /// Whom "the company" or "it" at token `before` means: the first
    /// organisation named, outside quotations, in the nearest sentence that
    /// names one (its subject, most often). In "GM, whose brands include Opel
    /// and Vauxhall, reports soon. It said …", it is GM.
    fn salient_organisation(&self, before: usize) -> Option<usize> {
        let named = |m: &&Mention| {
            m.surface.end <= before && !self.quoted[m.surface.start] && self.entities.list[m.entity].kind == EntityKind::Organization
        };
        // Mentions are in text order: the last one named lies in the nearest such sentence.
        let last = self.entities.starting_in(0..before).iter().rev().find(named)?;
        let sentence_start = self.doc.sentences[self.doc.sentence_of(last.surface.start)].tokens.start;
        self.entities.starting_in(sentence_start..before).iter().find(named).map(|m| m.entity)
    }

    /// Whom a description ending at token `head` means: "the cardinal", "the
    /// British producer", "the 28-year-old" the person the text is about;
    /// "the company" the organisation the text is about; "the spokesman" the
    /// organisation of the spokesman last mentioned ("a UKIP spokesman"), else
    /// the organisation the text is about.
    fn described(&self, head: usize) -> Option<usize> {
        let lex = lexicon();
        let word = self.word(head);
        let lower = word.to_lowercase();
        if lower.starts_with("spokes") {
            let last_spokesman = self.entities.unnamed.iter().rev().find(|u| u.token < head && self.word(u.token).to_lowercase() == lower);
            if let Some(unnamed) = last_spokesman {
                return Some(unnamed.organization);
            }
        }
        if is_organisation_voice(&lower) {
            return self.salient_organisation(head);
        }
        let personal = lex.is_role(&lower) || lex.is_honorific(&lower) || lower.ends_with("year-old") || lex.is_demonym(word);
        personal.then(|| self.salient_person(head, "")).flatten()
    }

    /// The head word of "the …" made of at most four plain words, standing
    /// right before token `end`, if there is one.
    fn description_before(&self, end: usize, floor: usize) -> Option<usize> {
        let head = end.checked_sub(1)?;
        (head.saturating_sub(4).max(floor)..head)
            .rev()
            .take_while(|&i| self.is_description_word(i) || self.word(i).eq_ignore_ascii_case("the"))
            .find(|&i| self.word(i).eq_ignore_ascii_case("the"))
            .filter(|_| self.is_plain_word(head))
            .map(|_| head)
    }

    /// A word that can stand in a description of someone: not punctuation,
    /// not part of a person's name ("the Tottenham striker" is one).
    fn is_plain_word(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.entities.covering(i).any(|m| self.entities.list[m.entity].kind == EntityKind::Person)
    }

    /// A word of a description, its numbers included: "the 34-year-old" is
    /// "34", "-", "year-old".
    fn is_description_word(&self, i: usize) -> bool {
        self.is_plain_word(i) || self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number) || self.word(i) == "-"
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

    /// Whether the clause `within` ends at token `at`: its end, or a comma, full stop or semicolon.
    fn ends_clause(&self, at: usize, within: &Range<usize>) -> bool {
        at >= within.end || matches!(self.word(at), "," | "." | ";")
    }

    /// The first token of the sentence before the one holding token `at` (of its own if it is the first).
    fn previous_sentence_start(&self, at: usize) -> usize {
        self.doc.sentences[self.doc.sentence_of(at).saturating_sub(1)].tokens.start
    }

    /// "said Khieu Sopheak", "said a U.S. Embassy spokesman": a person, or an
    /// organisation that the clause ends with.
    fn speaker_after(&self, verb: usize, within: &Range<usize>) -> Option<usize> {
        if verb + 1 >= within.end {
            return None;
        }
        if let Some(mention) = self.entities.starting_at(verb + 1) {
            let closes_clause =
                self.ends_clause(mention.surface.end, within) || matches!(self.word(mention.surface.end), "in" | "on" | "of" | "from");
            // "Noel Dempsey, the minister, said Mr Ahern had been …": a name with a verb after it
            // is the subject of what was said.
            if is_finite_auxiliary(self.word(mention.surface.end)) {
                return None;
            }
            if self.entities.list[mention.entity].kind == EntityKind::Person || closes_clause {
                return Some(mention.entity);
            }
        }
        let next = self.word(verb + 1).to_lowercase();
        // "added the British producer", "said the Tottenham striker": the one the text is
        // about; the description runs to the clause's end.
        if next == "the" {
            let end = (verb + 2..within.end.min(verb + 7)).find(|&i| !self.is_description_word(i)).unwrap_or(within.end);
            if end > verb + 2 && (end == within.end || matches!(self.word(end), "." | "," | ";")) {
                if let Some(speaker) = self.described(end - 1) {
                    return Some(speaker);
                }
            }
        }
        // "said a U.S. Embassy spokesman": someone unnamed, for an organisation.
        if matches!(next.as_str(), "a" | "an" | "the") {
            if let Some(organisation) = (verb + 2..within.end.min(verb + 6)).find_map(|t| self.unnamed_at(t)) {
                return Some(organisation);
            }
            // "said an FA statement": the organisation whose voice it is.
            let voiced = self.entities.starting_in(verb + 2..verb + 5).iter().find(|m| {
                self.entities.list[m.entity].kind == EntityKind::Organization
                    && is_organisation_voice(&self.word(m.surface.end).to_lowercase())
            });
            if let Some(mention) = voiced {
                return Some(mention.entity);
            }
        }
        self.apposed_person_after(verb, within)
    }

    /// "said EEF chief economist, Steve Radley": a person named within a few
    /// words after the verb, with only roles, organisations and commas between.
    fn apposed_person_after(&self, verb: usize, within: &Range<usize>) -> Option<usize> {
        let lex = lexicon();
        // '"…," said awards pundit Tom O'Neil': after a quote, whatever plain words stand
        // between the verb and a name describe the speaker.
        let after_quote = verb > within.start && self.is_quote(verb - 1);
        let mut i = verb + 1;
        while i < within.end.min(verb + 10) {
            if let Some(mention) = self.entities.starting_at(i) {
                // "said PBS' Jacoba Atlas.": a name an organisation owns, closing the clause, is
                // its speaker whatever its kind.
                let owned = i > verb + 1 && matches!(self.word(i - 1), "'s" | "'" | "\u{2019}");
                if self.entities.list[mention.entity].kind == EntityKind::Person || (owned && self.ends_clause(mention.surface.end, within))
                {
                    return Some(mention.entity);
                }
                i = mention.surface.end;
                continue;
            }
            let written = self.word(i);
            let word = written.to_lowercase();
            // "said race director Matthew Turnbull", "said DZ bank economist …": a plain word
            // that a role word soon follows describes the role.
            let describes_role = self.doc.tokens[i].kind == TokenKind::Word
                && (i + 1..(i + 3).min(within.end)).any(|k| lex.is_role(&self.word(k).to_lowercase()));
            // "said GM chief executive Rick Wagoner": a capitalised word is an organisation's name.
            // "admitted the 28-year-old Morientes": an age describes the speaker too.
            let age = self.doc.tokens[i].kind == TokenKind::Number || written == "-" || word.ends_with("year-old");
            let between = describes_role
                || age
                || (after_quote && self.is_plain_word(i))
                || lex.is_role(&word)
                || lex.is_role_modifier(&word)
                || lex.is_honorific(&word)
                || written.starts_with(char::is_uppercase)
                || (matches!(written, "and" | "&") && self.word(i + 1).starts_with(char::is_uppercase))
                || matches!(word.as_str(), "," | "the" | "of" | "'s" | "'" | "\u{2019}");
            if !between {
                return None;
            }
            i += 1;
        }
        None
    }

    fn speaker_before(&self, verb: usize, within: &Range<usize>) -> Option<usize> {
        if verb == within.start {
            return None;
        }
        // "Gen. Sopheak added", "he said", "a U.S. Embassy spokesman said"
        let mut before = verb;
        // "Khieu Sopheak, an Interior Ministry spokesman, said", "Colin Asplin, Blackpool Hotel
        // Association, said": back over the apposition, to the person it describes.
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
        // "Edu played it down, adding: …": a participle after a comma speaks for its clause's subject.
        if self.word(verb).ends_with("ing") && self.word(verb - 1) == "," {
            if let Some(subject) = self.clause_subject(within.start, verb) {
                return Some(subject);
            }
        }
        // "the British Bankers' Association (BBA) said": back over the abbreviation.
        if self.word(before - 1) == ")" {
            if let Some(open) = (before.saturating_sub(6).max(within.start)..before - 1).rev().find(|&k| self.word(k) == "(") {
                before = open;
            }
        }
        // "said in a message": skip nothing; "Keo Vannthan, put": skip one comma; "AP quoted
        // prosecutor Russell McGuire as saying": skip the "as".
        if (self.word(before - 1) == "," || (self.word(before - 1) == "as" && self.word(verb) == "saying")) && before - 1 > within.start {
            before -= 1;
        }
        // "the cardinal will ask", "Swiss Re has said": past the auxiliaries to the subject.
        let mut subject_end = before;
        while subject_end > within.start + 1 && AUXILIARIES.iter().any(|a| self.word(subject_end - 1).eq_ignore_ascii_case(a)) {
            subject_end -= 1;
        }
        // "he is said to have worked", "Kenny was called into action": in the passive the
        // subject is spoken of; "he was saying" still speaks.
        let passive = !self.word(verb).ends_with("ing")
            && (subject_end..before).any(|k| matches!(self.word(k).to_lowercase().as_str(), "is" | "was" | "are" | "were" | "been"));
        if passive {
            return None;
        }
        // "It says it wants …": a pronoun or article opening the reported clause opens speech too.
        let opens_speech = matches!(
            self.word(verb + 1).to_lowercase().as_str(),
            "." | "," | ":" | ";" | "that" | "" | "it" | "he" | "she" | "they" | "we" | "there"
        ) || self.is_quote(verb + 1)
            // "Juninho had earlier told the Daily Record: …": the listener comes before the speech.
            || names_a_listener(self.word(verb));
        // "the National Council for Adoption, which said": whom the relative pronoun follows.
        // "DJ Norman Cook - aka Fatboy Slim - has said": back over an aside set off by dashes.
        if is_dash(self.word(subject_end - 1)) {
            let floor = within.start.max(subject_end.saturating_sub(12));
            if let Some(open) = (floor..subject_end - 1).rev().find(|&k| is_dash(self.word(k))) {
                if let Some(named) = self.entity_ending_at(open).filter(|&e| self.speaks(e)) {
                    return Some(self.person_of_organisation(open, named));
                }
            }
        }
        let relative = self.word(subject_end - 1);
        if matches!(relative, "which" | "who") && subject_end >= within.start + 2 && self.word(subject_end - 2) == "," {
            let person = |e: &usize| (self.entities.list[*e].kind == EntityKind::Person) == (relative == "who");
            if let Some(entity) = self.entity_ending_at(subject_end - 2).filter(person) {
                return Some(entity);
            }
        }
        let named_end = subject_end;
        if let Some(entity) = self.entity_ending_at(named_end) {
            return Some(self.person_of_organisation(named_end, entity));
        }
        let previous = self.word(named_end - 1);
        // "… the company denied. '…,' it said": the organisation the text is about.
        // ("it is predicted that" is nobody's).
        if previous.eq_ignore_ascii_case("it") && opens_speech && named_end == before {
            return self.salient_organisation(named_end - 1);
        }
        if lexicon().is_pronoun(previous) && !matches!(previous.to_lowercase().as_str(), "it" | "we" | "they" | "i") {
            return self.spokesperson_just_before(named_end - 1).or_else(|| self.salient_person(named_end - 1, previous));
        }
        // "Mr Blair's official spokesman said", "Mr Crosby's statement said": the owner.
        if is_organisation_voice(&self.word(subject_end - 1).to_lowercase()) {
            let mut owner_end = subject_end - 1;
            while owner_end > within.start && {
                let word = self.word(owner_end - 1).to_lowercase();
                lexicon().is_role_modifier(&word) || lexicon().is_role(&word)
            } {
                owner_end -= 1;
            }
            if owner_end > within.start && self.word(owner_end - 1) == "'s" {
                if let Some(owner) = self.entity_ending_at(owner_end - 1) {
                    return Some(owner);
                }
            }
        }
        // "his report said", "her spokesman said": whom the possessive means.
        let owner = self.word(subject_end.saturating_sub(2));
        if is_organisation_voice(&self.word(subject_end - 1).to_lowercase()) && matches!(owner.to_lowercase().as_str(), "his" | "her") {
            let pronoun = if owner.eq_ignore_ascii_case("his") { "he" } else { "she" };
            return self.salient_person(subject_end - 2, pronoun);
        }
        // "the company said"
        if let Some(head) = self.description_before(subject_end, within.start) {
            if let Some(speaker) = self.described(head) {
                return Some(speaker);
            }
        }
        self.unnamed_at(before - 1).or_else(|| self.spokesman_of_recent_organisation(subject_end, within))
    }

    /// "A Department for Education spokeswoman said … She added: …": a
    /// pronoun right after an unnamed spokesperson, with nobody named
    /// between, is that spokesperson, and speaks for the organisation.
    fn spokesperson_just_before(&self, pronoun: usize) -> Option<usize> {
        let floor = self.previous_sentence_start(pronoun);
        // Only a spokesperson nobody names: "a spokeswoman", not "Rob Pollard, sales director for Arbor".
        let unnamed = self.entities.unnamed.iter().rev().find(|u| u.token < pronoun && u.token >= floor)?;
        // Not "Mike Lake, a spokesman for Yukos' lawyers": named in apposition.
        let article = (unnamed.token.saturating_sub(4)..unnamed.token)
            .find(|&k| matches!(self.word(k).to_lowercase().as_str(), "a" | "an"))
            .is_some_and(|k| k == 0 || self.word(k - 1) != ",");
        if !self.word(unnamed.token).to_lowercase().starts_with("spokes") || !article {
            return None;
        }
        (!self.names_someone_between(unnamed.token, pronoun)).then_some(unnamed.organization)
    }

    /// "The Association of Chief Police Officers has issued guidance. A
    /// spokesman said: …": a spokesman with no organisation of their own
    /// speaks for the organisation named in this sentence or the one before.
    fn spokesman_of_recent_organisation(&self, subject_end: usize, within: &Range<usize>) -> Option<usize> {
        let head = subject_end.checked_sub(1).filter(|&h| h > within.start)?;
        let bare =
            self.word(head).to_lowercase().starts_with("spokes") && matches!(self.word(head - 1).to_lowercase().as_str(), "a" | "an");
        if !bare {
            return None;
        }
        let floor = self.previous_sentence_start(head);
        let organisation = self.salient_organisation(head)?;
        self.entities
            .mentions
            .iter()
            .any(|m| m.entity == organisation && m.surface.start >= floor && m.surface.end <= head)
            .then_some(organisation)
    }

    /// The subject of the clause from `start` to `end`: a pronoun opening it
    /// (and whom it means), else the first person or organisation named in it.
    fn clause_subject(&self, start: usize, end: usize) -> Option<usize> {
        let first = self.word(start);
        if is_personal_pronoun(first) {
            return self.salient_person(start, first);
        }
        self.entities
            .mentions
            .iter()
            .filter(|m| m.surface.start >= start && m.surface.end <= end && !self.quoted[m.surface.start])
            .map(|m| m.entity)
            .find(|&e| self.speaks(e))
    }

    /// "Preap Kol of Transparency International said": the person, not the
    /// organisation that ends right before the verb.
    /// "Colin Asplin, Blackpool Hotel Association said" and "Nigel McCune from
    /// the Musicians' Union said" too.
    fn person_of_organisation(&self, end: usize, entity: usize) -> usize {
        // "After talks with Mr Blair, Mr Abbas said": a person speaks for no one before them.
        if self.entities.list[entity].kind == EntityKind::Person {
            return entity;
        }
        let Some(mention) = self.entities.ending_at(end) else { return entity };
        let start = mention.surface.start;
        let of = match start.checked_sub(1).map(|t| self.word(t)) {
            Some("of" | "from" | ",") => Some(start - 1),
            // "Nigel McCune from the Musicians' Union said"
            Some("the") => start.checked_sub(2).filter(|&o| matches!(self.word(o), "of" | "from")),
            _ => None,
        };
        of.and_then(|o| self.entity_ending_at(o)).filter(|&person| self.entities.list[person].kind == EntityKind::Person).unwrap_or(entity)
    }

    /// The speaker of the first speech verb in `range` (skipping quoted text),
    /// or of the last one.
    pub fn speaker_in(&self, range: &Range<usize>, verbs: fn(&str) -> bool, last: bool) -> Option<usize> {
        self.speaker_in_where(range, |i| verbs(self.word(i)), last)
    }

    /// The same, for the verbs at the token indices `is_verb` accepts.
    pub fn speaker_in_where(&self, range: &Range<usize>, is_verb: impl Fn(usize) -> bool, last: bool) -> Option<usize> {
        let mut inside = false;
        let mut found = None;
        for i in range.clone() {
            if self.is_quote(i) {
                inside = matches!(self.doc.tokens[i].kind, TokenKind::Quote { open: true, .. });
                continue;
            }
            if inside || !is_verb(i) {
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
                // "according to Q magazine editor Paul Rees": the person the description names.
                self.apposed_person_after(i + 1, range).or_else(|| self.entity_starting_at(start)).or_else(|| {
                    // "according to Carney's ruling"
                    self.entities.starting_in(i + 1..i + 5).first().map(|m| m.entity)
                })
            } else {
                None
            }
        })
    }
}

/// Words between a subject and its speech verb ("the cardinal will ask").
const AUXILIARIES: &[&str] = &["will", "would", "has", "had", "have", "is", "was", "also", "then", "later", "earlier", "again", "once"];

/// Words that govern a name as their object: someone spoken of, not speaking.
const PREPOSITIONS: &[&str] = &["for", "of", "by", "to", "with", "from", "about", "against", "on", "at", "than", "like", "over"];

/// Nouns for an organisation speaking: "the company said", "the statement said".
const ORGANISATION_VOICES: &[&str] = &[
    "federation",
    "committee",
    "ministry",
    "department",
    "council",
    "commission",
    "union",
    "association",
    "authority",
    "regulator",
    "watchdog",
    "charity",
    "studio",
    "network",
    "company",
    "firm",
    "group",
    "airline",
    "club",
    "bank",
    "board",
    "statement",
    "carrier",
    "retailer",
    "broadcaster",
    "agency",
    "report",
    "party",
    "operator",
    "insurer",
    "lender",
    "maker",
    "manufacturer",
    "giant",
    "organisation",
    "organization",
    "institute",
    "body",
];

/// "statement", "spokeswoman": a noun through which an organisation speaks.
fn is_organisation_voice(lower: &str) -> bool {
    ORGANISATION_VOICES.contains(&lower) || lower.starts_with("spokes")
}

/// Verbs that put a label on something: "branded a "disgrace" by the FA".
const LABELLING_VERBS: &[&str] = &[
    "branded",
    "labelled",
    "labeled",
    "described",
    "deemed",
    "dismissed",
    "called",
    "dubbed",
    "condemned",
    "criticised",
    "hailed",
    "reprimanded",
];

/// A dash that sets off an aside: "-", "–" or "—".
fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "\u{2013}" | "\u{2014}")
}

/// "had", "would", "was": a verb that opens a clause after its subject.
fn is_finite_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "had"
            | "has"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "would"
            | "will"
            | "could"
            | "should"
            | "might"
            | "may"
            | "did"
            | "does"
            | "must"
    )
}

/// "told", "tells": a speech verb whose object is the listener, with what
/// was said after it.
pub fn names_a_listener(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "told" | "tells" | "tell")
}

/// "he" or "she", however written.
fn is_personal_pronoun(word: &str) -> bool {
    word.eq_ignore_ascii_case("he") || word.eq_ignore_ascii_case("she")
}

pub fn is_speech_verb(word: &str) -> bool {
    lexicon().is_speech_verb(word)
}

pub fn is_claim_verb(word: &str) -> bool {
    lexicon().is_claim_verb(word)
}
