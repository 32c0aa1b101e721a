//! Entity kinds decided by evidence: each capitalised name collects weighted
//! cues for person, organisation, place and other (its head word, the
//! gazetteers, the words around it), the cues of all its mentions add up
//! (guesses from the name's shape alone count once), and the kind
//! with the most weight wins. Where the cues are weak the kind is still the
//! best guess, with a low confidence.

use super::names::is_acronym;
use crate::model::EntityKind;
use crate::pipeline::lexicon::{distinct_words_from, Lexicon};

/// Weighted cues for each kind, in `EntityKind::ALL` order, and their names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    /// The cues of every mention, added up.
    weights: [f32; 4],
    /// Weak guesses from the shape of a name alone. Repeating a name, in one
    /// article or many, says nothing new of its kind, so these count once.
    fallback: [f32; 4],
    /// Each cue once, with the kind it spoke for.
    pub cues: Vec<&'static str>,
    cue_kinds: Vec<EntityKind>,
}

/// The cue of a name that nothing in it or around it types.
pub const UNKNOWN_NAME: &str = "unknown name";

impl Evidence {
    pub fn add(&mut self, kind: EntityKind, weight: f32, cue: &'static str) {
        self.weights[kind.index()] += weight;
        self.note(kind, cue);
    }

    /// A weak guess from the shape of a name alone ("unknown name", a bare first name).
    pub fn add_guess(&mut self, kind: EntityKind, weight: f32, cue: &'static str) {
        self.fallback[kind.index()] = self.fallback[kind.index()].max(weight);
        self.note(kind, cue);
    }

    /// The weak guess for a name without cues.
    pub fn add_fallback(&mut self, kind: EntityKind, weight: f32) {
        self.add_guess(kind, weight, UNKNOWN_NAME);
    }

    fn note(&mut self, kind: EntityKind, cue: &'static str) {
        if !self.cues.contains(&cue) {
            self.cues.push(cue);
            self.cue_kinds.push(kind);
        }
    }

    /// Whether any cue, the fallback included, has spoken.
    pub fn is_empty(&self) -> bool {
        self.totals().iter().all(|&w| w == 0.0)
    }

    /// The kind a recorded cue spoke for.
    pub fn kind_of(&self, cue: &str) -> EntityKind {
        self.cues.iter().position(|c| *c == cue).map_or(EntityKind::Other, |i| self.cue_kinds[i])
    }

    /// Adds another mention's evidence, from this article or another: cues add
    /// up, the guess counts once (a name repeated says nothing new of its kind).
    pub fn absorb(&mut self, other: &Evidence) {
        for i in 0..4 {
            self.weights[i] += other.weights[i];
            self.fallback[i] = self.fallback[i].max(other.fallback[i]);
        }
        for (cue, kind) in other.cues.iter().zip(&other.cue_kinds) {
            self.note(*kind, cue);
        }
    }

    /// The weight of a kind's cues, its guess left out.
    pub fn cue_weight(&self, kind: EntityKind) -> f32 {
        self.weights[kind.index()]
    }

    pub fn weight(&self, kind: EntityKind) -> f32 {
        self.totals()[kind.index()]
    }

    /// Each kind's cues and guess together.
    fn totals(&self) -> [f32; 4] {
        std::array::from_fn(|i| self.weights[i] + self.fallback[i])
    }

    /// The kind with the most weight (ties go to the earlier kind in
    /// `EntityKind::ALL`), and how sure: its share of all weight, damped so
    /// that a single weak cue is never certain.
    pub fn best(&self) -> (EntityKind, f32) {
        let weights = self.totals();
        let (index, top) = weights.iter().enumerate().fold((3, 0.0f32), |best, (i, &w)| if w > best.1 { (i, w) } else { best });
        let total: f32 = weights.iter().sum();
        let confidence = if top <= 0.0 { 0.0 } else { top / (total + 1.0) };
        (EntityKind::ALL[index], (confidence * 100.0).round() / 100.0)
    }
}

/// What the classifier sees of one mention.
pub struct Mention<'a> {
    /// The words of the name, as written.
    pub words: &'a [&'a str],
    /// Up to three words before the mention (nearest last), as written.
    pub before: &'a [&'a str],
    /// Up to four words after it, as written.
    pub after: &'a [&'a str],
    /// A title stands before the name ("Mr", "President").
    pub titled: bool,
    /// The article reads as a sports report.
    pub sports: bool,
}

/// Words after which a name is what they say it is: "the firm Yukos",
/// "record company Universal".
const ORGANISATION_NOUNS: &[&str] = &[
    "firm",
    "company",
    "group",
    "bank",
    "carrier",
    "airline",
    "retailer",
    "maker",
    "manufacturer",
    "giant",
    "operator",
    "network",
    "channel",
    "broadcaster",
    "newspaper",
    "paper",
    "magazine",
    "label",
    "studio",
    "studios",
    "club",
    "side",
    "agency",
    "chain",
    "supermarket",
    "insurer",
    "publisher",
    "developer",
    "provider",
    "rival",
    "rivals",
    "subsidiary",
    "unit",
    "party",
    "band",
];
const WORK_NOUNS: &[&str] = &[
    "film",
    "movie",
    "book",
    "novel",
    "album",
    "single",
    "song",
    "show",
    "series",
    "programme",
    "sitcom",
    "drama",
    "musical",
    "play",
    "game",
];
/// Work nouns that are also verbs: they name a work only after a determiner.
const VERB_LIKE_WORK_NOUNS: &[&str] = &["play", "show", "single", "game"];
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our", "new", "latest", "hit", "first", "charity"];
/// Words before a place. Not "to": it comes before recipients ("sold to", "according to") as often as destinations.
const LOCATIVES: &[&str] = &["in", "near", "across", "outside", "throughout", "around"];
/// Words after a name that only an organisation takes.
const ORGANISATION_AFTER: &[&str] = &[
    "shares",
    "shareholders",
    "chief",
    "executive",
    "chairman",
    "board",
    "profits",
    "profit",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "boss",
    "bosses",
    "subsidiary",
    "stake",
    "takeover",
    "customers",
    "staff",
    "employees",
    "manager",
    "coach",
    "striker",
    "fans",
];
/// Words after a name that make it a product, a format or a program: "the Cabir virus", "Bluetooth technology".
const PRODUCT_AFTER: &[&str] = &[
    "virus",
    "viruses",
    "worm",
    "software",
    "technology",
    "technologies",
    "format",
    "formats",
    "operating",
    "system",
    "systems",
    "box",
    "boxes",
    "machine",
    "machines",
    "device",
    "devices",
    "phone",
    "phones",
    "handset",
    "handsets",
    "console",
    "consoles",
    "disc",
    "discs",
    "browser",
    "platform",
    "chip",
    "chips",
    "processor",
    "tapes",
    "program",
    "programs",
];
/// Words after a place name that make it a team: "Liverpool striker", "Wales coach".
pub(super) const TEAM_PEOPLE: &[&str] = &[
    "striker",
    "strikers",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "coach",
    "manager",
    "boss",
    "captain",
    "skipper",
    "fans",
    "squad",
];
const EVENT_HEADS: &[&str] = &[
    "cup",
    "championship",
    "championships",
    "olympics",
    "games",
    "open",
    "awards",
    "award",
    "prize",
    "prizes",
    "festival",
    "trophy",
    "tour",
    "grand",
    "prix",
    "nations",
    "series",
    "premiership",
    "globes",
    "oscars",
    "war",
    "summit",
    "marathon",
    "league",
    "show",
];
const LAW_HEADS: &[&str] = &["act", "bill", "treaty", "convention", "accord", "directive", "amendment", "protocol", "charter"];

fn lower(word: &str) -> String {
    word.to_lowercase()
}

/// Every cue one mention gives.
pub fn weigh(lex: &Lexicon, mention: &Mention) -> Evidence {
    let mut evidence = Evidence::default();
    let words = mention.words;
    let name = words.join(" ");
    let last = lower(words[words.len() - 1]);
    let before = mention.before.last().map_or(String::new(), |w| lower(w));
    let two_before = mention.before.iter().rev().take(2).map(|w| lower(w)).collect::<Vec<_>>();
    let after: Vec<String> = mention.after.iter().map(|w| lower(w)).collect();
    let after_word = |i: usize| after.get(i).map_or("", String::as_str);

    let gazetteer_place = lex.place(&name).is_some();
    // The name itself: gazetteers, head words.
    if lex.is_known_org(&name) {
        evidence.add(EntityKind::Organization, 4.0, "known organisation");
    }
    if lex.is_known_other(&name) {
        evidence.add(EntityKind::Other, 4.0, "known event or award");
    }
    if lex.is_ambiguous_place(&name) {
        evidence.add(EntityKind::Place, 1.0, "place gazetteer, ambiguous name");
    } else if gazetteer_place {
        evidence.add(EntityKind::Place, 3.0, "place gazetteer");
    } else if words.iter().all(|w| is_acronym(w)) && lex.place(&title_case(&name)).is_some() {
        evidence.add(EntityKind::Place, 3.0, "place gazetteer (capitals)");
    }
    if words.iter().all(|w| lex.is_demonym(w)) {
        evidence.add(EntityKind::Other, 5.0, "nationality or group");
    }
    if words.len() > 1 && lex.is_org_head(&last) {
        evidence.add(EntityKind::Organization, 3.0, "organisation head word");
    }
    if words.len() > 1 && lex.is_org_lead(words[0]) && words.contains(&"of") {
        evidence.add(EntityKind::Organization, 3.0, "organisation of …");
    }
    if words.len() > 1 && lex.is_place_head(&last) {
        evidence.add(EntityKind::Place, 2.5, "place head word");
    }
    if words.len() > 1 && EVENT_HEADS.contains(&last.as_str()) {
        evidence.add(EntityKind::Other, 3.5, "event head word");
    }
    if words.len() > 1 && LAW_HEADS.contains(&last.as_str()) {
        evidence.add(EntityKind::Other, 3.5, "law head word");
    }
    // Who the name is: titles, first names.
    if mention.titled {
        evidence.add(EntityKind::Person, 4.0, "title");
    }
    // "Charles Kennedy", "George Washington": after a first name, a place word is a surname.
    let first_named = lex.is_first_name(words[0]);
    // "JK Rowling", "George W Bush": initials before the surname.
    let initials = |i: usize, w: &str| i + 1 < words.len() && w.chars().filter(|c| c.is_alphabetic()).count() <= 3;
    // Two to four words, none of which only an organisation or a group has.
    let personal_shape = words.len() >= 2
        && words.len() <= 4
        && !words
            .iter()
            .enumerate()
            .any(|(i, w)| lex.is_org_head(w) || (is_acronym(w) && !initials(i, w)) || lex.is_demonym(w) || *w == "of");
    let looks_personal = personal_shape
        && !words.iter().enumerate().any(|(i, w)| {
            let surname = first_named && i > 0;
            (lex.place(w).is_some() && !lex.is_ambiguous_place(w) && !surname) || (lex.is_place_head(w) && !surname)
        });
    // "S Webster", "C. Hoeft": an initial before a surname, as team sheets write people.
    let initial = words.len() == 2 && words[0].trim_end_matches('.').chars().count() == 1 && !is_acronym(words[1]);
    if looks_personal && initial {
        evidence.add(EntityKind::Person, 2.5, "initial and surname");
    }
    // "Mike Lake" may be a person, "Victoria Park" a place: a first name before a place
    // word tips the balance only with the words around it.
    let place_word_last = lex.is_place_head(&last);
    if looks_personal && first_named && place_word_last {
        evidence.add(EntityKind::Person, 2.0, "first name before a place word");
    } else if looks_personal && first_named {
        evidence.add(EntityKind::Person, 3.0, "first name");
    } else if looks_personal && !lex.is_common_word(words[words.len() - 1]) {
        evidence.add_guess(EntityKind::Person, 1.5, "unknown surname in a person's pattern");
    }
    // "Diana", "Raul": a first name alone, with nothing else in the name, is someone.
    if words.len() == 1 && first_named && !lex.is_common_word(words[0]) && !gazetteer_place {
        evidence.add_guess(EntityKind::Person, 1.5, "first name alone");
    }
    // "Hamm, 32, ...": an age in apposition.
    let age = after_word(0) == "," && after_word(1).parse::<u8>().is_ok_and(|n| (1..=120).contains(&n)) && after_word(2) == ",";
    if age {
        evidence.add(EntityKind::Person, 3.0, "age beside");
    }
    if looks_personal && (lex.is_speech_verb(after_word(0)) || before == "by") {
        evidence.add(EntityKind::Person, 1.0, "says or is quoted");
    }
    // "All Blacks captain Tama Umaga": a role titles a person even where a word of the name is also a place.
    if personal_shape && (lex.is_role(&before) || after_word(0) == "," && after.iter().skip(1).take(4).any(|w| lex.is_role(w))) {
        evidence.add(EntityKind::Person, 2.0, "role beside");
    }
    // What the name itself says; the words around it only add to that.
    let named_by_itself = !evidence.is_empty();
    if ORGANISATION_NOUNS.contains(&before.as_str()) {
        evidence.add(EntityKind::Organization, 2.5, "organisation noun before");
    }
    // "the play X", "his new show X"; but "they play X" is a verb.
    let work_noun = WORK_NOUNS.contains(&before.as_str())
        && (!VERB_LIKE_WORK_NOUNS.contains(&before.as_str()) || two_before.get(1).is_some_and(|w| DETERMINERS.contains(&w.as_str())));
    if work_noun {
        evidence.add(EntityKind::Other, 2.5, "work noun before");
    }
    if two_before.iter().any(|w| w == "shares") && before == "in" {
        evidence.add(EntityKind::Organization, 2.5, "shares in …");
    }
    let people_after = |list: &[&str]| list.contains(&after_word(0)) || (after_word(0) == "'s" && list.contains(&after_word(1)));
    // "Liverpool striker", "Chelsea boss", "Wales coach": only a side has them; but
    // "Roddick's coach" is a person's, so the possessive counts only after a place.
    if (gazetteer_place && people_after(TEAM_PEOPLE)) || TEAM_PEOPLE.contains(&after_word(0)) {
        evidence.add(EntityKind::Organization, 4.0, "team's people after");
    } else if people_after(ORGANISATION_AFTER) {
        evidence.add(EntityKind::Organization, 2.0, "organisation's people after");
    }
    if PRODUCT_AFTER.contains(&after_word(0)) {
        evidence.add(EntityKind::Other, 2.5, "product noun after");
    }
    if lex.is_speech_verb(after_word(0)) && after_word(1) == "in" && after_word(3) == "statement" {
        evidence.add(EntityKind::Organization, 2.5, "said in a statement");
    }
    if before == "for" && two_before.get(1).is_some_and(|w| lex.is_role(w)) {
        evidence.add(EntityKind::Organization, 2.0, "a spokesman for …");
    }
    let person_named_in_full = looks_personal && first_named;
    if LOCATIVES.contains(&before.as_str()) && !mention.titled && !is_acronym(&name) && !person_named_in_full {
        evidence.add(EntityKind::Place, 1.2, "in …");
    }
    // A place-named side in a sports report is the team.
    if mention.sports && gazetteer_place && before != "in" {
        evidence.add(EntityKind::Organization, 5.0, "team in a sports report");
    }
    // Nothing in the name: an unknown name is most often an organisation, an acronym too.
    if !named_by_itself {
        let weak = if is_acronym(&name) { 1.5 } else { 1.0 };
        evidence.add_fallback(EntityKind::Organization, weak);
    }
    evidence
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| first.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that mark a sports report, one of each counted.
const SPORT_WORDS: &[&str] = &[
    "match",
    "matches",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "coach",
    "league",
    "season",
    "goal",
    "goals",
    "scored",
    "scorer",
    "championship",
    "tournament",
    "squad",
    "semi-final",
    "quarter-final",
    "referee",
    "penalty",
    "rugby",
    "football",
    "tennis",
    "cricket",
    "golf",
    "athletics",
    "olympic",
    "medal",
    "premiership",
    "stadium",
    "cup",
    "fixture",
    "tries",
    "wicket",
    "innings",
    "club",
    "clubs",
    "transfer",
    "signing",
    "title",
    "unbeaten",
    "victory",
    "defeat",
    "draw",
    "players",
    "player",
    "team",
    "captain",
    "fans",
];

/// Whether the article's words make it a sports report (at least five
/// distinct sports words).
pub fn is_sports_report<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    distinct_words_from(words, SPORT_WORDS) >= 5
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::lexicon::lexicon;

    fn kind(name: &str, before: &[&str], after: &[&str], sports: bool) -> EntityKind {
        let words: Vec<&str> = name.split(' ').collect();
        weigh(lexicon(), &Mention { words: &words, before, after, titled: false, sports }).best().0
    }

    #[test]
    fn cues_decide_the_kind() {
        assert_eq!(kind("Rosneft", &["the", "firm"], &[], false), EntityKind::Organization);
        assert_eq!(kind("Yukos", &[], &["said"], false), EntityKind::Organization, "an unknown name is an organisation at best");
        assert_eq!(kind("Liberal Democrat Party", &[], &[], false), EntityKind::Organization);
        assert_eq!(kind("Cambodia", &["in"], &[], false), EntityKind::Place);
        assert_eq!(kind("French", &[], &["president"], false), EntityKind::Other);
        assert_eq!(kind("Davis Cup", &["the"], &[], true), EntityKind::Other);
        assert_eq!(kind("Jacques Chirac", &[], &["said"], false), EntityKind::Person);
        assert_eq!(kind("Spider-Man", &["the", "film"], &[], false), EntityKind::Other);
        assert_eq!(kind("S Webster", &["Subs", ":"], &[], true), EntityKind::Person, "an initial and a surname");
        assert_eq!(kind("Cabir", &["the"], &["virus", "only"], false), EntityKind::Other, "a product noun after");
        assert_eq!(kind("Diana", &[], &["was"], false), EntityKind::Person, "a first name alone");
        assert_eq!(kind("Smithers", &[], &[",", "32", ",", "who"], false), EntityKind::Person, "an age beside");
        assert_eq!(kind("Liverpool", &[], &["striker"], false), EntityKind::Organization, "a place with a striker is a side");
        assert_eq!(kind("Arsenal", &["they", "play"], &["in"], true), EntityKind::Organization, "\"play\" without a determiner is a verb");
        assert_eq!(
            kind("Tama Umaga", &["Blacks", "captain"], &["has"], true),
            EntityKind::Person,
            "a role before a name, a place word in it"
        );
        assert_eq!(
            kind("Mike Lake", &[], &[",", "a", "spokesman", "for"], false),
            EntityKind::Person,
            "a role beside a first name and a place word"
        );
        assert_eq!(kind("Victoria Park", &[], &["was"], false), EntityKind::Place, "a first name before a place word, alone");
    }

    #[test]
    fn a_place_named_side_in_a_sports_report_is_a_team() {
        assert_eq!(kind("Liverpool", &[], &["beat"], true), EntityKind::Organization);
        assert_eq!(kind("Liverpool", &["in"], &[], true), EntityKind::Place);
        assert_eq!(kind("Liverpool", &[], &["beat"], false), EntityKind::Place);
    }

    #[test]
    fn a_name_before_a_player_or_coach_is_a_team_unless_possessive() {
        assert_eq!(kind("Chelsea", &[], &["boss", "Jose"], false), EntityKind::Organization);
        assert_eq!(kind("Andy Roddick", &[], &["'s", "coach"], false), EntityKind::Person);
    }

    #[test]
    fn each_kind_has_its_own_weight() {
        for (position, kind) in EntityKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.index(), position);
        }
    }

    #[test]
    fn confidence_grows_with_agreeing_cues() {
        let mut weak = Evidence::default();
        weak.add_fallback(EntityKind::Organization, 1.0);
        let mut strong = weak.clone();
        strong.add(EntityKind::Organization, 4.0, "known organisation");
        assert!(weak.best().1 < 0.6 && strong.best().1 > 0.8, "{:?} {:?}", weak.best(), strong.best());
    }

    #[test]
    fn the_fallback_counts_once_however_often_a_name_is_repeated() {
        let mut repeated = Evidence::default();
        for _ in 0..10 {
            let mut bare = Evidence::default();
            bare.add_fallback(EntityKind::Organization, 1.0);
            repeated.absorb(&bare);
        }
        repeated.add(EntityKind::Other, 2.5, "product noun after");
        assert_eq!(repeated.best().0, EntityKind::Other, "one \"the Cabir virus\" outweighs ten bare \"Cabir\"");
    }

    #[test]
    fn sports_reports_are_told_by_their_words() {
        assert!(is_sports_report("The striker scored two goals as the team won the match and the league title".split(' ')));
        assert!(!is_sports_report("Shares in the firm fell after the match of bids".split(' ')));
    }
}
