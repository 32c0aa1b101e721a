//! The word lists the pipeline consults, loaded once from `data/` (sources
//! and licences in `data/README.md`). Lookups take the word as written; most
//! lists compare lower-cased.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

pub struct Lexicon {
    sections: HashMap<&'static str, HashSet<String>>,
    /// Exact-case single words that never name an entity.
    not_entities: HashSet<&'static str>,
    /// Exact-case names of recurring events, competitions and awards.
    known_others: HashSet<&'static str>,
    /// Exact-case organisation name or alias → canonical name (`data/organizations.txt`,
    /// and `[known_orgs]` in `data/lexicon.txt`, each its own canonical name).
    organisations: HashMap<&'static str, &'static str>,
    /// Nationality or group word → the adjective that names the group.
    demonyms: HashMap<&'static str, &'static str>,
    places: HashSet<&'static str>,
    /// Places whose name is more often a word, a first name or a surname.
    ambiguous_places: HashSet<&'static str>,
    first_names: HashSet<&'static str>,
    common_words: HashSet<&'static str>,
    /// Lower-cased alias → canonical place name.
    place_alias: HashMap<String, &'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// How many distinct words of `list` (lower case) the words name, in any
/// case: what tells a sports report, or a football one, from other news.
pub fn distinct_words_from<'w>(words: impl Iterator<Item = &'w str>, list: &[&'static str]) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    for word in words {
        if let Some(&listed) = list.iter().find(|l| word.eq_ignore_ascii_case(l)) {
            if !seen.contains(&listed) {
                seen.push(listed);
            }
        }
    }
    seen.len()
}

fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(|line| line.split('#').next().unwrap_or("").trim()).filter(|line| !line.is_empty())
}

/// `canonical = alias, alias` lines; the aliases may be none.
fn alias_lines(text: &'static str) -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    entries(text).map(|line| {
        let (canonical, aliases) = line.split_once('=').unwrap_or((line, ""));
        (canonical.trim(), aliases.split(',').map(str::trim).filter(|a| !a.is_empty()).collect())
    })
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut raw: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        let mut current = "";
        for line in entries(include_str!("../../data/lexicon.txt")) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = name;
            } else {
                raw.entry(current).or_default().push(line);
            }
        }
        let section = |name: &str| raw.get(name).cloned().unwrap_or_default();
        let mut place_alias = HashMap::new();
        let gazetteers = [include_str!("../../data/place_aliases.txt"), include_str!("../../data/regions.txt")];
        for (canonical, aliases) in gazetteers.into_iter().flat_map(alias_lines) {
            place_alias.insert(canonical.to_lowercase(), canonical);
            for alias in aliases {
                place_alias.insert(alias.to_lowercase(), canonical);
            }
        }
        let mut organisations: HashMap<&'static str, &'static str> = section("known_orgs").into_iter().map(|name| (name, name)).collect();
        for (canonical, aliases) in alias_lines(include_str!("../../data/organizations.txt")) {
            organisations.insert(canonical, canonical);
            for alias in aliases {
                organisations.insert(alias, canonical);
            }
        }
        // Each place's group is named by its adjective ("British" for Britons, Brits).
        let adjectives: HashSet<&str> = section("demonyms").into_iter().collect();
        let mut by_place: HashMap<&str, Vec<&'static str>> = HashMap::new();
        let mut demonyms = HashMap::new();
        for (demonym, place) in alias_lines(include_str!("../../data/demonyms.txt")) {
            match place.first() {
                Some(place) => by_place.entry(place).or_default().push(demonym),
                None => {
                    demonyms.insert(demonym, demonym.strip_suffix('s').filter(|d| d.len() > 3).unwrap_or(demonym));
                }
            }
        }
        for words in by_place.values() {
            let adjective =
                words.iter().find(|w| adjectives.contains(*w)).or_else(|| words.iter().find(|w| !w.ends_with('s'))).unwrap_or(&words[0]);
            for word in words {
                demonyms.insert(*word, *adjective);
            }
        }
        for word in section("demonyms") {
            demonyms.entry(word).or_insert(word);
        }
        let lowered = [
            "honorifics",
            "roles",
            "role_modifiers",
            "org_heads",
            "org_leads",
            "place_heads",
            "speech_verbs",
            "claim_verbs",
            "approximators",
            "pronouns",
            "abbreviations",
            "sentence_starters",
            "strong_honorifics",
        ];
        let sections = lowered.iter().map(|&name| (name, section(name).iter().map(|w| w.to_lowercase()).collect())).collect();
        Lexicon {
            sections,
            not_entities: section("not_entities").into_iter().collect(),
            known_others: section("known_others").into_iter().collect(),
            organisations,
            demonyms,
            places: entries(include_str!("../../data/places.txt")).collect(),
            ambiguous_places: entries(include_str!("../../data/ambiguous_places.txt")).collect(),
            first_names: entries(include_str!("../../data/first_names.txt")).collect(),
            common_words: entries(include_str!("../../data/common_words.txt")).collect(),
            place_alias,
        }
    }

    fn in_section(&self, section: &str, word: &str) -> bool {
        let set = &self.sections[section];
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            set.contains(&word.to_lowercase())
        } else {
            set.contains(word)
        }
    }

    pub fn is_honorific(&self, word: &str) -> bool {
        self.in_section("honorifics", word)
    }
    /// A title strong enough to make a common word a name ("Mr Bush").
    pub fn is_strong_honorific(&self, word: &str) -> bool {
        self.in_section("strong_honorifics", word)
    }
    pub fn is_role(&self, word: &str) -> bool {
        self.in_section("roles", word)
    }
    pub fn is_role_modifier(&self, word: &str) -> bool {
        self.in_section("role_modifiers", word)
    }
    pub fn is_org_head(&self, word: &str) -> bool {
        self.in_section("org_heads", word)
    }
    pub fn is_org_lead(&self, word: &str) -> bool {
        self.in_section("org_leads", word)
    }
    pub fn is_place_head(&self, word: &str) -> bool {
        self.in_section("place_heads", word)
    }
    pub fn is_speech_verb(&self, word: &str) -> bool {
        self.in_section("speech_verbs", word)
    }
    pub fn is_claim_verb(&self, word: &str) -> bool {
        self.in_section("claim_verbs", word) || self.is_speech_verb(word)
    }
    pub fn is_approximator(&self, word: &str) -> bool {
        self.in_section("approximators", word)
    }
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.in_section("pronouns", word)
    }
    /// Whether `word` (without its final full stop) is an abbreviation whose
    /// full stop does not end a sentence.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.in_section("abbreviations", word)
    }
    /// A function word that typically opens a sentence ("The", "They", "But").
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        // "US", "WHO": capitals spell an acronym, not "us" or "who".
        let acronym = word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase);
        !acronym && self.in_section("sentence_starters", word)
    }
    pub fn is_not_entity(&self, word: &str) -> bool {
        self.not_entities.contains(word)
    }
    pub fn is_known_org(&self, name: &str) -> bool {
        self.organisations.contains_key(name)
    }
    /// A recurring event, competition or award ("Six Nations", "Oscars").
    pub fn is_known_other(&self, name: &str) -> bool {
        self.known_others.contains(name)
    }
    /// The canonical name of a known organisation ("United Nations" for "UN").
    pub fn organisation(&self, name: &str) -> Option<&'static str> {
        self.organisations.get(name).copied()
    }
    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonyms.contains_key(word)
    }
    /// The adjective that names a nationality or group ("British" for "Britons").
    pub fn group_adjective(&self, word: &str) -> Option<&'static str> {
        self.demonyms.get(word).copied()
    }
    /// A known place whose name is more often something else ("Reading", "Kennedy").
    pub fn is_ambiguous_place(&self, name: &str) -> bool {
        self.ambiguous_places.contains(name)
    }
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }
    /// A lower-case dictionary word: capitalised, it only starts a sentence.
    pub fn is_common_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.common_words.contains(lower.as_str())
    }
    /// The canonical name of a known place, if `name` is one.
    pub fn place(&self, name: &str) -> Option<&'static str> {
        if let Some(&canonical) = self.place_alias.get(&name.to_lowercase()) {
            return Some(canonical);
        }
        self.places.get(name).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        let lex = lexicon();
        assert_eq!(lex.place("U.S."), Some("United States"));
        assert_eq!(lex.place("the States"), Some("United States"));
        assert_eq!(lex.place("Minnesota"), Some("Minnesota"));
        assert!(lex.place("Van").is_some() && lex.is_ambiguous_place("Van"));
        assert_eq!(lex.place("Zaire"), Some("Democratic Republic of the Congo"));
        assert_eq!(lex.organisation("Nato"), Some("North Atlantic Treaty Organization"));
        assert_eq!(lex.group_adjective("Britons"), Some("British"));
        assert!(lex.is_honorific("Gen."));
        assert!(lex.is_org_head("Ministry"));
        assert!(lex.is_common_word("However"));
        assert!(!lex.is_common_word("Sopheak"));
        assert!(lex.is_first_name("Bill"));
        assert!(lex.is_speech_verb("said"));
        assert!(lex.is_demonym("Cambodian"));
        assert!(lex.is_not_entity("Tuesday"));
    }
}
