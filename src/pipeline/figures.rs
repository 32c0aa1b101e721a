//! Numeric claims: the number, what it counts ("47 people", "10 a month",
//! "$1.5bn", "70 poorer countries", an age, a distance), who claims it
//! ("according to …", "Gen. Sopheak added") and which figures for the same
//! quantity disagree.

use super::attribution::{is_claim_verb, names_a_listener, Attributor};
use super::lexicon::lexicon;
use super::quotes::FoundQuote;
use super::text::{Analysed, TokenKind};
use crate::model::EntityKind;
use std::collections::HashSet;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct FoundFigure {
    /// Tokens of the figure as written: number and what it counts.
    pub tokens: Range<usize>,
    pub sentence: usize,
    pub value: f64,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub claimant: Option<usize>,
    /// Indexes of figures that disagree with this one.
    pub conflicts: Vec<usize>,
}

const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Words after a number that end it without naming what it counts.
const NOT_UNITS: &[&str] = &[
    "because", "and", "or", "but", "who", "whom", "that", "which", "to", "in", "of", "on", "at", "for", "the", "by", "from", "with",
    "were", "was", "are", "is", "be", "been", "have", "has", "had", "will", "would", "can", "could", "should", "may", "might", "as",
    "than", "if", "so", "then", "when", "while", "into", "out", "up", "down", "over", "under", "after", "before", "since", "until", "this",
    "these", "those", "their", "its", "his", "her", "our", "your", "my", "they", "he", "she", "it", "we", "i", "you", "not", "also",
    "only", "still", "across", "through", "between", "among", "around", "against", "via", "without", "within", "about", "like", "off",
    "onto", "towards", "toward", "despite", "below", "above", "beyond", "behind", "near", "past", "ago", "more", "less", "fewer", "each",
    "yet", "now",
];

fn multiplier(word: &str) -> Option<f64> {
    Some(match word.to_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "million" | "m" | "mn" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// The value of a number token such as "20,000", "1.5", "1m", "45bn", and
/// the letters after its digits.
fn parse_number(word: &str) -> Option<(f64, &str)> {
    let digits_end = word.find(|c: char| c.is_alphabetic()).unwrap_or(word.len());
    let (digits, suffix) = word.split_at(digits_end);
    if matches!(suffix, "st" | "nd" | "rd" | "th" | "s") {
        return None; // ordinals and decades count nothing
    }
    let value: f64 = digits.replace(',', "").parse().ok()?;
    (suffix.is_empty() || multiplier(suffix).is_some() || DISTANCES.contains(&suffix) || MEASURES.contains(&suffix))
        .then_some((value, suffix))
}

/// Units written onto a number that count what it measures ("160GB",
/// "25lb", "300p" in pence): the unit is the letters.
const MEASURES: &[&str] = &[
    "p", "kg", "g", "lb", "lbs", "oz", "cm", "mm", "ft", "in", "mph", "kph", "ml", "GB", "MB", "KB", "TB", "Gb", "Mb", "GHz", "MHz", "kW",
    "MW", "GW", "kWh",
];

const CURRENCY_SIGNS: &[&str] = &["$", "£", "€", "¥"];

/// Units of distance written onto a number ("800m", "10km").
const DISTANCES: &[&str] = &["m", "km"];

/// Words that make a sentence one about running or swimming.
const ATHLETICS_WORDS: &[&str] = &[
    "seconds",
    "sprint",
    "sprinter",
    "sprinting",
    "race",
    "races",
    "runner",
    "running",
    "athletics",
    "athlete",
    "relay",
    "hurdles",
    "marathon",
    "swimming",
    "swimmer",
    "metres",
    "track",
];

/// Words that make "800m" a race, not 800 million.
const RACE_WORDS: &[&str] = &[
    "race",
    "final",
    "title",
    "record",
    "freestyle",
    "hurdles",
    "relay",
    "sprint",
    "run",
    "event",
    "heat",
    "heats",
    "gold",
    "silver",
    "bronze",
    "champion",
    "world",
    "indoor",
    "outdoor",
    "butterfly",
    "backstroke",
    "breaststroke",
    "medley",
];

pub fn find(attributor: &Attributor, quotes: &[FoundQuote], date_tokens: &HashSet<usize>) -> Vec<FoundFigure> {
    let (doc, entities) = (attributor.doc, attributor.entities);
    let word = |i: usize| doc.word(i);
    let in_name: HashSet<usize> = entities.mentions.iter().flat_map(|m| m.surface.clone()).collect();
    let reports = &attributor.reports;
    let mut figures: Vec<FoundFigure> = Vec::new();
    for (sentence_index, sentence) in doc.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        let mut i = range.start;
        while i < range.end {
            let token = doc.tokens[i];
            let text = word(i);
            let parsed = match token.kind {
                TokenKind::Number if !date_tokens.contains(&i) && !in_name.contains(&i) => parse_number(text),
                TokenKind::Word => {
                    let lower = text.to_lowercase();
                    // A number word is a figure only when it counts a noun phrase (checked below); not
                    // "one of the favourites" or "no one", nor a name's capitalised word ("the Six Nations").
                    let part_of_name = i > range.start && text.starts_with(char::is_uppercase) && !matches!(word(i - 1), "\"" | "(");
                    let pronoun_one =
                        lower == "one" && (word(i + 1) == "of" || (i > range.start && word(i - 1).eq_ignore_ascii_case("no")));
                    let spelled = NUMBER_WORDS.iter().position(|w| *w == lower).map(|p| (p as f64 + 1.0, ""));
                    spelled.filter(|_| !part_of_name && !pronoun_one)
                }
                _ => None,
            };
            let Some((mut value, suffix)) = parsed else {
                i += 1;
                continue;
            };
            // Clock times and scores ("10:30", "2-1", "1830 GMT") are not counts.
            if matches!(word(i + 1), ":" | "-" | "/") && doc.tokens.get(i + 2).is_some_and(|t| t.kind == TokenKind::Number) {
                i += 3;
                continue;
            }
            if super::dates::time_zone_follows(word(i + 1), word(i + 2)) {
                i += 1;
                continue;
            }
            if i > range.start && matches!(word(i - 1), "No." | "no." | "#" | "number") {
                i += 1;
                continue;
            }
            let mut start = i;
            let mut unit: Option<String> = None;
            let currency = i > range.start && CURRENCY_SIGNS.contains(&word(i - 1));
            if currency {
                start = i - 1;
                unit = Some(word(i - 1).to_string());
                // "A$7.17", "HK$3bn": a country's letters written onto the sign name the currency.
                let country = i - 1 > range.start
                    && doc.tokens[i - 2].end == doc.tokens[i - 1].start
                    && doc.tokens[i - 2].kind == TokenKind::Word
                    && word(i - 2).len() <= 3
                    && word(i - 2).chars().all(|c| c.is_ascii_uppercase());
                if country {
                    start = i - 2;
                    unit = Some(format!("{}{}", word(i - 2), word(i - 1)));
                }
            }
            let mut end = i + 1;
            // "800m", "the 800 m final", "10km" are distances; "$5m", "5m people" millions.
            let (suffix, spaced) = if suffix.is_empty() && matches!(word(end), "m" | "km") { (word(end), true) } else { (suffix, false) };
            let after = word(end + usize::from(spaced)).to_lowercase();
            // "under 20 seconds (for 200m)": in a sentence about running and not about money, metres.
            let athletic = || {
                range.clone().any(|k| ATHLETICS_WORDS.contains(&word(k).to_lowercase().as_str()))
                    && !range.clone().any(|k| CURRENCY_SIGNS.contains(&word(k)))
            };
            let raced = RACE_WORDS.contains(&after.as_str())
                || (i > range.start && matches!(word(i - 1).to_lowercase().as_str(), "the" | "a" | "an"))
                || (suffix == "m" && athletic());
            if suffix == "km" || (suffix == "m" && !currency && raced) {
                unit = Some(suffix.to_string());
                end += usize::from(spaced);
                // "25.6 km/h": a speed.
                if word(end) == "/" && word(end + 1) == "h" {
                    unit = Some(format!("{suffix}/h"));
                    end += 2;
                }
            } else if let Some(factor) = multiplier(suffix) {
                value *= factor;
                end += usize::from(spaced);
            } else if MEASURES.contains(&suffix) {
                unit = Some(suffix.to_string());
            } else if let Some(factor) = multiplier(word(end)) {
                value *= factor;
                end += 1;
            }
            // "the 34-year-old", "34 years old", "aged 34", "the age of 40", "Mr Smith, 52, said": an age.
            let hyphen_age = word(end) == "-" && matches!(word(end + 1), "year-old" | "years-old");
            let spaced_age = matches!(word(end), "years" | "year") && word(end + 1) == "old";
            // "aged 34", "the age of 40", "at age 18".
            let aged = i > range.start
                && (word(i - 1).eq_ignore_ascii_case("aged")
                    || word(i - 1).eq_ignore_ascii_case("age")
                    || (i > range.start + 1 && word(i - 1) == "of" && word(i - 2) == "age"));
            let apposed_age = start > range.start + 1
                && word(start - 1) == ","
                && word(end) == ","
                && value.fract() == 0.0
                && (1.0..=120.0).contains(&value)
                && entities.mentions.iter().any(|m| m.surface.end == start - 1 && entities.list[m.entity].kind == EntityKind::Person);
            if unit.is_none() && (hyphen_age || spaced_age) {
                unit = Some("years old".into());
                end += 2;
            } else if unit.is_none() && (aged || apposed_age) {
                unit = Some("years old".into());
            }
            match word(end).to_lowercase().as_str() {
                "%" | "percent" => {
                    unit = Some("%".into());
                    end += 1;
                }
                "per" if word(end + 1) == "cent" => {
                    unit = Some("%".into());
                    end += 2;
                }
                _ => {}
            }
            if unit.is_none() {
                let first = word(end);
                let lower = first.to_lowercase();
                let is_word = doc.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Word) && end < range.end;
                // Not "a 19-strong panel", "40-odd calls": those words count nothing.
                let counts_nothing = matches!(word(end + 1), "strong" | "odd" | "plus");
                if joins_a_word(doc, end) && is_plain_lower(word(end + 1)) && !NOT_UNITS.contains(&word(end + 1)) && !counts_nothing {
                    // "an 18-month partnership", "a 12-episode run": the word the number is joined to.
                    unit = Some(word(end + 1).to_string());
                    end += 2;
                } else if is_word
                    && matches!(lower.as_str(), "a" | "per" | "each")
                    && matches!(word(end + 1), "day" | "week" | "month" | "year")
                    && !matches!(word(end + 2), "ago" | "earlier" | "later" | "before")
                {
                    unit = Some(format!("per {}", word(end + 1)));
                    end += 2;
                } else if is_word
                    && lexicon().is_demonym(first)
                    && doc.tokens.get(end + 1).is_some_and(|t| t.kind == TokenKind::Word)
                    && word(end + 1).chars().all(char::is_lowercase)
                    && !NOT_UNITS.contains(&word(end + 1))
                {
                    unit = Some(format!("{} {}", first, word(end + 1)));
                    end += 2;
                } else if is_word && lower == "of" {
                    // "13 of Britain's 659 MPs", "17 of the players": a part of what the
                    // plural noun after "of" counts.
                    let counted = (end + 1..(end + 6).min(range.end))
                        .take_while(|&t| {
                            (doc.tokens[t].kind != TokenKind::Punct || word(t) == "'s")
                                && !PARTITIVE_STOPS.contains(&word(t).to_lowercase().as_str())
                        })
                        .find(|&t| is_plural_noun(word(t)) && (is_plain_lower(word(t)) || is_plural_acronym(word(t))));
                    unit = counted.map(|t| word(t).to_string());
                } else if is_word
                    && !NOT_UNITS.contains(&lower.as_str())
                    && (is_plain_lower(first) || lexicon().is_demonym(first) || is_plural_acronym(first))
                {
                    // "70 poorer countries", "300,000 registered software patents": the counted
                    // noun phrase, up to its plural noun; with no plural, no unit ("2,600 across").
                    let fits = |t: usize, w: &str| {
                        t < range.end
                            && doc.tokens[t].kind == TokenKind::Word
                            && (is_plain_lower(w) || is_plural_acronym(w))
                            && !NOT_UNITS.contains(&w)
                            && !lexicon().is_speech_verb(w)
                    };
                    // "70 euro cents": a currency in the singular heads the phrase only when no counted noun follows it.
                    let counted_after = |t: usize| t + 1 < range.end && is_plain_lower(word(t + 1)) && is_plural_noun(word(t + 1));
                    let head = (end..end + 3)
                        .take_while(|&t| t == end || fits(t, word(t)))
                        .find(|&t| is_plural_noun(word(t)) && !(CURRENCIES_BEFORE_A_NOUN.contains(&word(t)) && counted_after(t)));
                    if let Some(head) = head {
                        unit = Some((end..=head).map(word).collect::<Vec<_>>().join(" "));
                        end = head + 1;
                    }
                } else if is_word && first.starts_with(char::is_uppercase) {
                    // "30 Labour MPs", "two Golden Globes", "34 John Wayne films", "100 MW": names
                    // before the counted noun belong to it; with no counted noun, no unit ("21 Jump Street").
                    let modifier =
                        |t: usize| word(t).starts_with(char::is_uppercase) || doc.tokens[t].kind == TokenKind::Number || word(t) == "-";
                    // The counted noun ends the run of names: not "News" in "1.90 News Corp shares".
                    let counted = |t: usize| {
                        let w = word(t);
                        let ends_run = !(t + 1 < range.end && word(t + 1).starts_with(char::is_uppercase));
                        ends_run
                            && ((is_plain_lower(w) && is_plural_noun(w))
                                || is_plural_acronym(w)
                                || COUNTED_WITHOUT_S.contains(&w.to_lowercase().as_str())
                                || (is_plural_noun(w) && lexicon().is_common_word(w)))
                    };
                    let head = (end..(end + 5).min(range.end))
                        .take_while(|&t| modifier(t) || (t > end && is_plain_lower(word(t)) && !NOT_UNITS.contains(&word(t))))
                        .find(|&t| counted(t));
                    if let Some(head) = head {
                        unit = Some((end..=head).map(word).collect::<Vec<_>>().join(" ").replace(" - ", "-"));
                        end = head + 1;
                    }
                }
            }
            // "two officials", "three West End theatres": a number word counts a noun phrase, or at
            // least comes before a plural ("five previous Star Wars films"), or it is no figure ("the other two").
            let before_a_plural = || {
                let next = word(i + 1);
                next.ends_with('s') && next.chars().all(char::is_lowercase) && !NOT_UNITS.contains(&next)
            };
            if token.kind == TokenKind::Word && unit.is_none() && !before_a_plural() {
                i += 1;
                continue;
            }
            // "Chapter 11", "Xbox 2", "Pier 1 Imports": a number right after a capitalised word
            // mid-sentence numbers a name, whatever name follows it.
            let numbers_a_name = unit.as_deref().is_none_or(|u| u.starts_with(char::is_uppercase))
                && start > range.start + 1
                && doc.tokens[start - 1].kind == TokenKind::Word
                && word(start - 1).starts_with(char::is_uppercase)
                // "Deporting Over 30 Cambodians": a headline's capitalised function word names nothing.
                && !lexicon().is_sentence_starter(word(start - 1))
                && !matches!(doc.tokens[start - 2].kind, TokenKind::Quote { open: true, .. });
            if numbers_a_name {
                i = end;
                continue;
            }
            // "accepted 36 … put the number at only 34": a bare number with no word of its own
            // counts what the sentence's previous figure counts, if it is of a like size;
            // not "250,000 repossessed", nor "its 290,000 members … pension age to 65".
            // "a 19-strong panel": a word joined by a hyphen is the number's own too.
            let own_word = joins_a_word(doc, end)
                || (doc.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Word) && !NOT_UNITS.contains(&word(end)));
            // "SBC said 5,125 positions would go. Another 1,700 will go …", "a further 40,000":
            // more of what the paragraph's previous figure counts.
            let more_of = start > range.start && matches!(word(start - 1).to_lowercase().as_str(), "another" | "further");
            if unit.is_none() && !own_word {
                let alike = |f: &FoundFigure| f.sentence == sentence_index && f.value / value <= 10.0 && value / f.value <= 10.0;
                let same_paragraph = |f: &FoundFigure| doc.sentences[f.sentence].paragraph == sentence.paragraph;
                unit = figures.last().filter(|f| alike(f) || (more_of && same_paragraph(f))).and_then(|f| f.unit.clone());
            }
            let qualifier = qualifier_before(&word, range.start, start);
            // An age is the reporter's description of someone, nobody's claim.
            let age = unit.as_deref() == Some("years old");
            // "40% think she should": a poll's finding, the paragraph's poll owner's.
            let poll_finding = unit.as_deref() == Some("%") && OPINION_VERBS.contains(&word(end).to_lowercase().as_str());
            let report_owner = reports.cited[sentence_index].or(if poll_finding { reports.in_paragraph[sentence_index] } else { None });
            figures.push(FoundFigure {
                tokens: start..end,
                sentence: sentence_index,
                value,
                unit,
                qualifier,
                claimant: if age { None } else { claimant(attributor, quotes, sentence.tokens.clone(), i).or(report_owner) },
                conflicts: Vec::new(),
            });
            i = end;
        }
    }
    // "10 to 15%", "between 300 and 400 jobs": the first end of a range counts what the second does.
    for k in 1..figures.len() {
        let (first, second) = (&figures[k - 1], &figures[k]);
        let joined = second.tokens.start == first.tokens.end + 1 && matches!(word(first.tokens.end), "to" | "and" | "or" | "-");
        if first.unit.is_none() && first.sentence == second.sentence && joined {
            figures[k - 1].unit = figures[k].unit.clone();
        }
    }
    flag_conflicts(&mut figures, |from, to| (from..to).any(|i| CONTRAST.contains(&word(i).to_lowercase().as_str())));
    figures
}

/// Counted nouns that do not end in "s": irregular plurals, currencies named
/// in words ("420bn yuan") and abbreviated measures ("70 mph").
const COUNTED_WITHOUT_S: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "staff",
    "police",
    "cattle",
    "personnel",
    "crew",
    "data",
    "pence",
    "yuan",
    "yen",
    "baht",
    "rand",
    "renminbi",
    "riel",
    "won",
    "kroner",
    "krona",
    "kronor",
    "sterling",
    "mph",
    "kg",
    "lb",
    "ft",
    "cm",
    "mm",
    "mw",
    "kw",
    "kwh",
    "mpg",
    "ha",
];

/// Words that end the phrase after "N of" before any counted noun: "one in 50
/// of those driving during weekend evenings" counts no evenings.
const PARTITIVE_STOPS: &[&str] = &["those", "during", "in", "at", "on", "for", "with", "from", "by", "to", "who", "which", "that"];

/// A word in lower case, hyphenated or not: "poorer", "home-buyers".
fn is_plain_lower(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && word.chars().all(|c| c.is_lowercase() || c == '-')
}

/// "PCs", "MEPs", "DVDs": an abbreviation made plural.
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()))
}

/// Whether token `at` is a hyphen joining the number before it to a word:
/// "18-month", "19-strong".
fn joins_a_word(doc: &Analysed, at: usize) -> bool {
    let tokens = &doc.tokens;
    doc.word(at) == "-"
        && at > 0
        && tokens[at].start == tokens[at - 1].end
        && tokens.get(at + 1).is_some_and(|t| t.kind == TokenKind::Word && t.start == tokens[at].end)
}

/// Currencies named in the singular before what they price: "a 2bn euro pay-off".
const CURRENCIES_BEFORE_A_NOUN: &[&str] = &["euro", "dollar", "pound", "rupee", "rouble", "peso"];

/// A word that reads as a counted noun: "countries", "people", "yuan"; not "is", "has", "across".
fn is_plural_noun(word: &str) -> bool {
    COUNTED_WITHOUT_S.contains(&word)
        || CURRENCIES_BEFORE_A_NOUN.contains(&word)
        || is_plural_acronym(word)
        || (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !NOT_UNITS.contains(&word))
}

/// Verbs after a share of people that make it a poll's finding: "40% think".
const OPINION_VERBS: &[&str] = &[
    "think",
    "thought",
    "believe",
    "believed",
    "say",
    "said",
    "want",
    "wanted",
    "support",
    "supported",
    "oppose",
    "opposed",
    "agree",
    "agreed",
    "disagree",
    "disagreed",
    "favour",
    "favor",
    "prefer",
    "preferred",
    "back",
    "backed",
    "feel",
    "felt",
    "expect",
    "expected",
];

/// "roughly", "more than", "at least", "up to" … just before `start`.
fn qualifier_before<'w>(word: &impl Fn(usize) -> &'w str, floor: usize, start: usize) -> Option<String> {
    let mut q = start;
    loop {
        let pair = q >= floor + 2 && matches!((word(q - 2).to_lowercase().as_str(), word(q - 1)), ("at", "least" | "most") | ("up", "to"));
        if pair {
            q -= 2;
        } else if q > floor && lexicon().is_approximator(word(q - 1)) {
            q -= 1;
        } else {
            break;
        }
    }
    (q < start).then(|| (q..start).map(word).collect::<Vec<_>>().join(" "))
}

/// Words that set one claim against another: "though a spokesman put the number at 34".
const CONTRAST: &[&str] = &[
    "but",
    "though",
    "although",
    "however",
    "while",
    "whereas",
    "disputed",
    "disputes",
    "disputing",
    "contradicted",
    "denied",
    "denies",
    "instead",
    "contrast",
    "put",
    "puts",
    "estimated",
    "estimates",
    "closer",
];

/// A figure conflicts with the nearest earlier figure for the same
/// quantity: the same unit, in the same or the previous sentence, from a
/// different claimant, of a different value at most twice the other, with a
/// word of contrast between the two ("but", "though", "put the number at").
fn flag_conflicts(figures: &mut [FoundFigure], contrast_between: impl Fn(usize, usize) -> bool) {
    for index in 0..figures.len() {
        let (Some(claimant), Some(unit)) = (figures[index].claimant, figures[index].unit.clone()) else { continue };
        let rival = (0..index).rev().find(|&other| {
            let o = &figures[other];
            figures[index].sentence - o.sentence <= 1
                && o.unit.as_deref() == Some(unit.as_str())
                && o.claimant.is_some_and(|c| c != claimant)
        });
        let Some(rival) = rival else { continue };
        let (low, high) = (figures[rival].value.min(figures[index].value), figures[rival].value.max(figures[index].value));
        let same_quantity = low > 0.0 && high / low <= 2.0 && low != high;
        if same_quantity && contrast_between(figures[rival].tokens.end, figures[index].tokens.start) {
            figures[index].conflicts.push(rival);
            figures[rival].conflicts.push(index);
        }
    }
}

/// The clause around token `at`, cut at any of `breaks`.
fn clause_around(doc: &Analysed, sentence: &Range<usize>, at: usize, breaks: &[&str]) -> Range<usize> {
    let cuts: Vec<usize> = sentence.clone().filter(|&i| breaks.contains(&doc.tokens[i].text(doc.text))).collect();
    let start = cuts.iter().rev().find(|&&b| b < at).copied().unwrap_or(sentence.start);
    let end = cuts.iter().find(|&&b| b > at).copied().unwrap_or(sentence.end);
    start..end
}

/// Who claims the number at token `at`: "according to X", else the speaker
/// of a claim verb in its clause, else the speaker of the quote it stands in.
/// A verb that opens what it reports ("Pound said the rule …") covers its
/// own clause up to a "but"; one that closes the sentence ("…, Gen. Sopheak
/// added.") covers all of it. A figure in a description set off after a name
/// (", a veteran of 43 caps,") is the reporter's.
fn claimant(attributor: &Attributor, quotes: &[FoundQuote], sentence: Range<usize>, at: usize) -> Option<usize> {
    let doc = attributor.doc;
    let wide = clause_around(doc, &sentence, at, &["though", "although", "whereas", "while", ";"]);
    let narrow = clause_around(doc, &sentence, at, &["though", "although", "whereas", "while", ";", "but"]);
    // A place or a work claims nothing: "Strategy Analytics of Boston" is the analysts'.
    let claims = |e: &usize| attributor.speaks(*e);
    let in_quote = quotes.iter().find(|q| q.tokens.contains(&at)).and_then(|q| q.speaker);
    if in_quote.is_none() && in_description_after_name(attributor, narrow.start, at) {
        return None;
    }
    let closing = (wide.start..wide.end).rev().find(|&k| is_claim_verb(doc.word(k))).is_some_and(|verb| wide.end - verb <= 6);
    attributor
        .according_to(&sentence)
        .filter(claims)
        .or_else(|| attributor.speaker_in_where(&narrow, |verb| claims_figure_at(doc, verb, at), false).filter(claims))
        .or_else(|| {
            closing.then(|| attributor.speaker_in_where(&wide, |verb| reports_a_claim(doc, verb, at), false).filter(claims)).flatten()
        })
        .or(in_quote)
}

/// Whether the word at `verb` is a claim verb that covers the figure at
/// token `at`: one before it ("Brown said £3bn was lost"), or one after it
/// that reports nothing of its own ("£3bn was lost, Brown said"); not "shares
/// rose 8% after it said it was to …", which reports the clause after it.
fn claims_figure_at(doc: &Analysed, verb: usize, at: usize) -> bool {
    let opens_clause = || {
        let next = doc.word(verb + 1).to_lowercase();
        matches!(
            next.as_str(),
            "it" | "he" | "she" | "they" | "we" | "i" | "that" | "there" | "the" | "a" | "an" | "its" | "his" | "her" | "their"
        )
    };
    // '…, said the report': a verb after a comma or quote has its speaker after it;
    // not a participle (", saying it would …"), which opens a clause of its own.
    let inverted = || matches!(doc.word(verb - 1), "," | "\"" | "”" | "'" | "’") && !doc.word(verb).ends_with("ing");
    // "he will tell the congregation of 2,000 that …": the number is the listener's, not the claim.
    let in_listener = || {
        names_a_listener(doc.word(verb))
            && !(verb + 1..at).any(|k| matches!(doc.word(k), "that" | ":") || matches!(doc.tokens[k].kind, TokenKind::Quote { .. }))
    };
    // "World Indoor 800m record holder Ceplak said": a verb after the figure claims it only
    // when set off from it ("£3bn was lost, Brown said").
    let set_off =
        || (at..verb).any(|k| matches!(doc.word(k), "," | "-" | "\u{2013}") || matches!(doc.tokens[k].kind, TokenKind::Quote { .. }));
    reports_a_claim(doc, verb, at) && ((verb < at && !in_listener()) || (verb > at && set_off() && (inverted() || !opens_clause())))
}

/// Whether the word at `verb` is a claim verb used to report a claim about
/// the figure at `at`. "Ngom put Sable ahead five minutes later", "van
/// Gisbergen added 18 points": "put" claims only a number it puts "at", and
/// "added" with a number for its object reports nothing.
fn reports_a_claim(doc: &Analysed, verb: usize, at: usize) -> bool {
    let word = doc.word(verb);
    is_claim_verb(word)
        && match word.to_lowercase().as_str() {
            "put" | "puts" => (verb + 1..at).any(|k| doc.word(k) == "at"),
            // "City has pleaded with fans not to protest when the two teams play": a request claims no number.
            "urged" | "urges" | "pleaded" | "asked" | "asks" | "called" | "calls" | "praised" => false,
            "added" | "adds" | "add" => {
                doc.tokens.get(verb + 1).is_none_or(|t| t.kind != TokenKind::Number) && !NUMBER_WORDS.contains(&doc.word(verb + 1))
            }
            _ => true,
        }
}

/// ", a veteran of 43 caps,", ", who has run it for five years,": token `at` stands in a description that
/// follows a person's name between commas.
fn in_description_after_name(attributor: &Attributor, floor: usize, at: usize) -> bool {
    let doc = attributor.doc;
    let Some(comma) = (floor..at).rev().find(|&k| doc.word(k) == ",") else { return false };
    // ", a veteran of 43 caps," and ", who has run the Bloggies for five years,".
    let described = matches!(doc.word(comma + 1), "a" | "an" | "the" | "who");
    let closed = (at..doc.tokens.len().min(at + 8)).any(|k| doc.word(k) == ",");
    let after_person = attributor
        .entities
        .mentions
        .iter()
        .any(|m| m.surface.end == comma && attributor.entities.list[m.entity].kind == EntityKind::Person);
    described && closed && after_person
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::text::analyse_paragraphs;
    use crate::pipeline::{dates, entities, quotes};

    /// Each figure as "written = value unit (claimant) !conflicting-index".
    fn check(text: &str, expected: &[&str]) {
        let doc = analyse_paragraphs(text);
        let found = entities::find(&doc);
        let attributor = Attributor::new(&doc, &found);
        let quotes = quotes::find(&attributor);
        let date_tokens = dates::tag(&doc, None).iter().flat_map(|d| d.tokens.clone()).collect();
        let got: Vec<String> = find(&attributor, &quotes, &date_tokens)
            .iter()
            .map(|f| {
                let written = &text[doc.tokens[f.tokens.start].start..doc.tokens[f.tokens.end - 1].end];
                let claimant = f.claimant.map_or("-".to_string(), |c| found.list[c].name.clone());
                let conflicts: String = f.conflicts.iter().map(|c| format!(" !{c}")).collect();
                format!("{written} = {} {} ({claimant}){conflicts}", f.value, f.unit.as_deref().unwrap_or("-"))
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn metres_in_running_rates_inheritance_and_reporters_facts() {
        check(
            "He said he must run under 20 seconds (for 200m). Gordon Brown said £3bn was lost and 250,000 repossessed. Users rose to 54 million, up from 34 million a year ago. The Games ended more than four years ago, but Dick Pound said the rule may not apply. Thomas Castaignede, a veteran of 43 caps, admitted France were underdogs.",
            &[
                "20 seconds = 20 seconds (-)",
                "200m = 200 m (-)",
                "£3bn = 3000000000 £ (Gordon Brown)",
                "250,000 = 250000 - (Gordon Brown)",
                "54 million = 54000000 - (-)",
                "34 million = 34000000 - (-)",
                "four years = 4 years (-)",
                "43 caps = 43 caps (-)",
            ],
        );
    }

    #[test]
    fn counts_with_units_claimants_and_conflicts() {
        check(
            "The U.S. had requested that 47 people be deported, but the government only accepted 36 because of papers, Gen. Khieu Sopheak added, though a spokesman, Keo Vannthan, put the number at only 34.",
            &[
                "47 people = 47 people (Khieu Sopheak)",
                "36 = 36 people (Khieu Sopheak) !2",
                "34 = 34 people (Keo Vannthan) !1",
            ],
        );
    }

    #[test]
    fn according_to_rates_money_and_percentages() {
        check(
            "Since 2002, 538 Cambodians have been deported, according to the Returnee Integration Support Center (RISC). They send 10 a month. Profits rose 15% to $1.5bn in the 45th year, at 10:30. It closed at $1.36 by 1830 GMT. Shares rose to 300p. The 160GB box weighs 25lb.",
            &[
                "538 Cambodians = 538 Cambodians (Returnee Integration Support Center)",
                "10 a month = 10 per month (-)",
                "15% = 15 % (-)",
                "$1.5bn = 1500000000 $ (-)",
                "$1.36 = 1.36 $ (-)",
                "300p = 300 p (-)",
                "160GB = 160 GB (-)",
                "25lb = 25 lb (-)",
            ],
        );
    }

    #[test]
    fn ages_distances_and_counted_phrases() {
        check(
            "The 34-year-old won the 800m final. Aid reached 70 poorer countries, and one has to wait. Sales hit $5m. He quit at the age of 40 and drove at 25.6 km/h.",
            &[
                "34-year-old = 34 years old (-)",
                "800m = 800 m (-)",
                "70 poorer countries = 70 poorer countries (-)",
                "$5m = 5000000 $ (-)",
                "40 = 40 years old (-)",
                "25.6 km/h = 25.6 km/h (-)",
            ],
        );
        check(
            "Mr Smith, 52, said the firm filed for Chapter 11 and sold 300 shares.",
            &["52 = 52 years old (-)", "300 shares = 300 shares (Smith)"],
        );
    }

    #[test]
    fn numbers_in_play_descriptions_and_titles_are_the_reporters() {
        check(
            "Bernard Ngom put Sable ahead five minutes later. Mark van Gisbergen added 18 points. Nikolai Nolan, who has run the Bloggies for the past five years, told the BBC he was surprised. But World Indoor 800m record holder Jolanda Ceplak said: \"It is hard.\" Human Rights Watch put the number at 40. SBC said 5,125 positions would go.",
            &[
                "five minutes = 5 minutes (-)",
                "18 points = 18 points (-)",
                "five years = 5 years (-)",
                "800m = 800 m (-)",
                "40 = 40 - (Human Rights Watch)",
                "5,125 positions = 5125 positions (SBC)",
            ],
        );
    }

    #[test]
    fn partitives_ranges_and_abbreviated_plurals() {
        check(
            "Just 13 of Britain's 659 MPs are from minorities. Growth of 3.5 to 4.0% is likely. China will add 178 million new PCs and 400,000 home-buyers. About one in 50 of those driving during weekend evenings is over the limit.",
            &[
                "13 = 13 MPs (-)",
                "659 MPs = 659 MPs (-)",
                "3.5 = 3.5 % (-)",
                "4.0% = 4 % (-)",
                "178 million new PCs = 178000000 new PCs (-)",
                "400,000 home-buyers = 400000 home-buyers (-)",
                "50 = 50 - (-)",
            ],
        );
    }

    #[test]
    fn a_number_word_counts_a_noun_phrase_or_nothing() {
        check(
            "All three West End theatres were full. She is one of the favourites. No one came. Wales face England in the Six Nations. The other two left.",
            &["three West End theatres = 3 West End theatres (-)"],
        );
    }

    #[test]
    fn unrelated_amounts_do_not_conflict() {
        check(
            "The CML said lending stood at £17.9bn. The BSA said approvals were £2bn.",
            &["£17.9bn = 17900000000 £ (CML)", "£2bn = 2000000000 £ (BSA)"],
        );
    }

    #[test]
    fn the_passive_and_requests_claim_nothing() {
        check(
            "Gordon Brown is said to have worked 18 hours a day.\n\nSwiss Re has said claims are likely to be less than $10bn.\n\nManchester City has pleaded with fans not to protest when the two teams play.",
            &["18 hours = 18 hours (-)", "$10bn = 10000000000 $ (Swiss Re)", "two teams = 2 teams (-)"],
        );
    }

    #[test]
    fn a_bare_number_borrows_only_a_like_figures_unit_and_currencies_keep_their_country() {
        check(
            "The union will ballot its 290,000 members over plans to raise their pension age to 65. Shares were valued at A$7.17.",
            &["290,000 members = 290000 members (-)", "65 = 65 - (-)", "A$7.17 = 7.17 A$ (-)"],
        );
    }

    #[test]
    fn another_and_a_further_count_more_of_the_same() {
        check(
            "SBC said 5,125 positions would go. Another 1,700 will go from sales. It found 500 idle farms and a further 40,000. He wants another 10 Tests.",
            &["5,125 positions = 5125 positions (SBC)", "1,700 = 1700 positions (-)", "500 idle farms = 500 idle farms (-)", "40,000 = 40000 idle farms (-)", "10 Tests = 10 Tests (-)"],
        );
    }

    #[test]
    fn names_before_the_counted_noun_belong_to_the_unit_and_hyphens_join_it() {
        check(
            "Up to 30 Labour MPs could oppose it, and 1.90 News Corp shares were offered, with a 70 euro cents dividend. Sales sank at Pier 1 Imports. He ended an 18-month partnership on a 19-strong panel. Fiat expected a 2bn euro pay-off. Children get the money at age 18.",
            &[
                "30 Labour MPs = 30 Labour MPs (-)",
                "1.90 News Corp shares = 1.9 News Corp shares (-)",
                "70 euro cents = 70 euro cents (-)",
                "18-month = 18 month (-)",
                "19 = 19 - (-)",
                "2bn euro = 2000000000 euro (-)",
                "18 = 18 years old (-)",
            ],
        );
    }
}
