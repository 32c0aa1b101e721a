//! Name runs: the capitalised runs of a sentence, joined across "of",
//! "and", particles and tight hyphens where the words allow, and split into
//! candidates (a title, an affiliation, the name itself). Sentence starters
//! never open a name.

use crate::pipeline::lexicon::{lexicon, Lexicon};
use crate::pipeline::text::{Analysed, TokenKind};
use std::collections::HashSet;
use std::ops::Range;

/// A capitalised run before classification.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) surface: Range<usize>,
    pub(super) name: Range<usize>,
    pub(super) sentence: usize,
    /// Title words inside the run ("Federal Judge", "Lieutenant General").
    pub(super) title: Option<String>,
    pub(super) person_cue: bool,
}

pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

pub(super) const PARTICLES: &[&str] = &["van", "von", "de", "da", "di", "du", "del", "der", "la", "le", "bin", "al", "ibn"];

pub(super) struct Finder<'a, 't> {
    pub(super) doc: &'a Analysed<'t>,
    pub(super) lex: &'static Lexicon,
    /// Words seen capitalised somewhere other than a sentence start.
    pub(super) capitalised_inside: HashSet<&'t str>,
}

impl<'a, 't> Finder<'a, 't> {
    pub(super) fn new(doc: &'a Analysed<'t>) -> Self {
        let mut finder = Finder { doc, lex: lexicon(), capitalised_inside: HashSet::new() };
        for i in 0..doc.tokens.len() {
            let word = doc.word(i);
            if doc.tokens[i].kind == TokenKind::Word && is_capitalised(word) && !finder.starts_clause(i) {
                finder.capitalised_inside.insert(word);
            }
        }
        finder
    }

    pub(super) fn word(&self, i: usize) -> &'t str {
        self.doc.word(i)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` is where a sentence, quotation or bracket opens.
    pub(super) fn starts_clause(&self, i: usize) -> bool {
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

    pub(super) fn is_name_word(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let word = self.word(i);
        // "Brisbane-based", "German-born" describe; they name nothing. But "Chung Mong-koo"
        // is a name: its lower-case part is no word.
        let adjective_compound = word.rsplit_once('-').is_some_and(|(_, last)| {
            last.chars().next().is_some_and(char::is_lowercase)
                && (self.lex.is_common_word(last)
                    || ["ed", "ing", "ers"].iter().any(|suffix| last.ends_with(suffix))
                    || !last.chars().all(char::is_alphabetic))
        });
        // "CHICAGO AT DENVER", "Chelsea V Arsenal": a fixture's separator joins two names.
        let fixture_separator =
            matches!(word, "AT" | "V" | "VS" | "V." | "VS." | "Vs" | "Vs.") && !(i + 1 < self.doc.tokens.len() && self.adjacent(i, i + 1));
        // "PVRs", "CVs": the plural of an abbreviation is a class of things, not a name.
        let abbreviation_plural = word.strip_suffix('s').is_some_and(is_acronym);
        is_capitalised(word)
            && !abbreviation_plural
            && !self.lex.is_not_entity(word)
            && word.chars().any(char::is_alphabetic)
            && !adjective_compound
            && !fixture_separator
    }

    /// Whether `range` reads as a name by itself: it has a first name, a
    /// place, a known organisation or a word that is no dictionary word.
    pub(super) fn stands_as_name(&self, range: Range<usize>) -> bool {
        range.clone().any(|i| {
            let word = self.word(i);
            self.lex.is_first_name(word) || self.lex.place(word).is_some() || self.lex.is_known_org(word) || !self.lex.is_common_word(word)
        })
    }

    pub(super) fn adjacent(&self, a: usize, b: usize) -> bool {
        self.doc.tokens[a].end == self.doc.tokens[b].start
    }

    /// Maximal capitalised runs of one sentence, joined across "of", "and",
    /// name particles and tight hyphens where the words around allow it.
    pub(super) fn runs(&self, sentence: usize) -> Vec<Range<usize>> {
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
                    "of" => self.lex.is_org_lead(last) || self.lex.is_org_head(last) || self.lex.is_honorific(last),
                    // "Institute for Fiscal Studies", "Alliance for Digital Inclusion".
                    "for" => self.lex.is_org_lead(last) || self.lex.is_org_head(last),
                    "the" => end - 1 > start && self.word(end - 1) == "of",
                    // "AT&T", "P&O": a tight ampersand is inside one name.
                    "&" if end + 1 < tokens.end && self.adjacent(end - 1, end) && self.adjacent(end, end + 1) => true,
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
                    // "British Bankers' Association": a plural's apostrophe inside an
                    // organisation's name.
                    "'" | "\u{2019}" => {
                        last.ends_with('s') && self.adjacent(end - 1, end) && {
                            let mut k = end + 1;
                            while k < tokens.end && self.is_name_word(k) {
                                k += 1;
                            }
                            k > end + 1 && self.lex.is_org_head(self.word(k - 1))
                        }
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
    pub(super) fn and_joins(&self, start: usize, connector: usize, limit: usize) -> bool {
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
    pub(super) fn candidates(&self, run: Range<usize>, sentence: usize, out: &mut Vec<Candidate>) {
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
        // A title or a role alone ("Cardinal", "MEP") names nobody.
        if start >= run.end || (start..run.end).all(|i| self.lex.is_honorific(self.word(i)) || self.lex.is_role(self.word(i))) {
            return;
        }
        // Title case with inner function words is a headline or a work's title.
        if (start + 1..run.end).any(|i| self.lex.is_sentence_starter(self.word(i)) && is_capitalised(self.word(i))) {
            return;
        }
        let first = self.word(start);
        let opens_sentence = start == run.start && self.starts_clause(start);
        // "GM said": an abbreviation in capitals is no dictionary word, even if "gm" is one.
        let plain_word = self.lex.is_common_word(first)
            && !is_acronym(first)
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
                    // "Archbishop of Canterbury", "Duke of Edinburgh": an office named by its place names
                    // no place; "Director of Public Prosecutions" still names the office's body.
                    let office = self.name_text(&(last_title + 2..run.end));
                    if self.lex.place(&office).is_some() {
                        return;
                    }
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
        // "American Bill Smith", "Briton Clive Owen", "New Zealander Peter Jackson" name a person
        // described by a nationality; "British Airways", "British Nuclear Fuels" are one name.
        if !ends_in_org && !self.lex.is_known_org(&words.join(" ")) {
            let demonym_words = (1..words.len().min(3)).rev().find(|&n| self.lex.is_demonym(&words[..n].join(" ")));
            if let Some(n) = demonym_words {
                let rest = &words[n..];
                let described =
                    rest.iter().all(|w| !self.lex.is_org_head(w) && !self.lex.is_org_lead(w) && !self.lex.is_demonym(w) && *w != "of");
                let personal = self.lex.is_first_name(rest[0]) || rest.iter().any(|w| !self.lex.is_common_word(w));
                if described && personal {
                    self.candidates(start..start + n, sentence, out);
                    return self.candidates(start + n..run.end, sentence, out);
                }
            }
        }
        out.push(Candidate { surface: start..run.end, name: start..run.end, sentence, title: None, person_cue: false });
    }

    /// Whether a sentence is a headline written in title case ("US Deporting
    /// Over 30 Cambodians"): nearly every word of four letters or more is
    /// capitalised.
    pub(super) fn is_title_case_headline(&self, sentence: usize) -> bool {
        if !self.doc.sentences[sentence].headline {
            return false;
        }
        let long: Vec<&str> = self.doc.sentences[sentence]
            .tokens
            .clone()
            .filter(|&i| self.is_word(i))
            .map(|i| self.word(i))
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .collect();
        let capitalised = long.iter().filter(|w| is_capitalised(w)).count();
        long.len() >= 3 && capitalised * 10 >= long.len() * 8
    }

    pub(super) fn name_text(&self, range: &Range<usize>) -> String {
        let tokens = &self.doc.tokens;
        self.doc.text[tokens[range.start].start..tokens[range.end - 1].end].to_string()
    }

    pub(super) fn lowercase_role_before(&self, start: usize, floor: usize) -> Option<(Range<usize>, String)> {
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
