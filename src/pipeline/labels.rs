//! Event labels: a dated statement's sentence made short enough to read at
//! a glance beside its date. The date is taken out, since it is shown
//! beside the label, unless taking it out would change what the sentence
//! says; a long label is cut after a word that carries meaning.

use std::ops::Range;

const MAX_WORDS: usize = 14;
/// A cut never leaves fewer words than this; below it the label is cut at
/// `MAX_WORDS` as it falls.
const MIN_WORDS: usize = 6;

/// Words that only lead into a date ("on Tuesday", "since 2002"): they go
/// with it.
const LEADING_INTO_DATE: &[&str] = &["on", "in", "since", "during", "by", "until", "at", "of", "from", "only", "just"];

/// Words whose sense the date completes ("rescheduled for Thursday",
/// "before Christmas"): without the date they dangle, without both the
/// sentence says something else, so the date stays.
const COMPLETED_BY_DATE: &[&str] = &[
    "for",
    "before",
    "after",
    "till",
    "to",
    "between",
    "around",
    "within",
    "over",
    "through",
    "throughout",
    "into",
    "than",
    "ahead",
    "prior",
    "as",
    "like",
    "beyond",
    "toward",
    "towards",
];

/// Conjunctions a date may follow, with a comma after it ("And a year ago, she
/// won", "demand rose and on Tuesday, AFP reported").
const CONJUNCTIONS: &[&str] = &["and", "but", "so", "yet", "or", "then"];

/// Forms of "be" that make the participle after them passive ("was
/// reached in October").
const BE: &[&str] = &["be", "been", "being", "is", "are", "was", "were", "am"];

/// Past participles that do not end in "-ed".
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "born", "bought", "brought", "built", "done", "found", "given", "held", "kept", "known", "left", "lost", "made", "paid", "seen",
    "sent", "set", "shown", "sold", "spent", "taken", "told", "won", "written",
];

/// Words a cut label must not end on: they point on to the words cut.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "onto", "over", "under", "about", "as", "than",
    "since", "until", "after", "before", "between", "through", "during", "without", "within", "against", "among", "per", "via", "and",
    "or", "but", "nor", "so", "that", "which", "who", "whom", "whose", "where", "when", "while", "if", "because", "although", "though",
    "whether", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those",
    "such", "some", "any", "no", "every", "each", "not", "very", "also", "more", "most", "less", "least", "much", "many", "up", "out",
    "off", "it", "they", "he", "she", "we", "i", "you", "there", "\u{2013}", "-",
];

/// The label of a statement: `sentence` with the date expression at
/// `expression` (byte offsets within it) taken out when that keeps its
/// sense, cut to a dozen words, its first letter capital.
pub fn event_label(sentence: &str, expression: Range<usize>) -> String {
    let (before, after) = (&sentence[..expression.start], &sentence[expression.end..]);
    // What stays before the date when it goes: the words that only lead into it go with it.
    let kept_before = without_words_leading_into_date(before);
    let joined = if keeps_date(&sentence[..expression.end], before, kept_before, after) {
        sentence.to_string()
    } else {
        // `after` starts with the space or the punctuation that followed the date. A date set off by
        // commas leaves with one of them, and one that followed a conjunction with its comma.
        let last_word = kept_before.split_whitespace().next_back().unwrap_or("").to_lowercase();
        let after_conjunction = CONJUNCTIONS.contains(&last_word.as_str());
        let after = if kept_before.ends_with(',') || after_conjunction { after.strip_prefix(',').unwrap_or(after) } else { after };
        format!("{kept_before}{after}")
    };
    let words: Vec<&str> = joined.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric) || w.len() > 1).collect();
    let kept = if words.len() > MAX_WORDS { cut_at(&words) } else { words.len() };
    let mut label = words[..kept].join(" ").trim_start_matches([',', ' ']).trim_end_matches([',', ';', ':']).replace(" ,", ",");
    if kept < words.len() {
        label.push('\u{2026}');
    }
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => label,
    }
}

/// Whether the date must stay for the sentence to keep its sense: it is
/// possessive ("Tuesday's meeting", "Monday night's show"), inside a
/// quotation (a speaker's words are not changed), or it completes the word
/// before it or a participle that stands on it ("was reached in October",
/// "the report, released in May, said").
fn keeps_date(through_expression: &str, before: &str, kept_before: &str, after: &str) -> bool {
    let next_word = after.split_whitespace().next().unwrap_or("").trim_end_matches(|c: char| !c.is_alphanumeric());
    let word_before = before.split_whitespace().next_back().unwrap_or("").to_lowercase();
    is_possessive(through_expression, after)
        || next_word.ends_with("'s")
        || next_word.ends_with("\u{2019}s")
        || inside_quotation(before)
        || COMPLETED_BY_DATE.contains(&word_before.as_str())
        || ends_in_passive_or_parenthetical_participle(kept_before)
}

/// Whether `text` ends in a past participle after a form of "be" or after a
/// comma: the date completes that clause, which without it reads broken
/// ("the report, released, had noted").
fn ends_in_passive_or_parenthetical_participle(text: &str) -> bool {
    let mut words = text.split_whitespace().rev();
    let (Some(last), Some(before)) = (words.next(), words.next()) else { return false };
    let last = last.to_lowercase();
    let participle = (last.len() > 4 && last.ends_with("ed")) || IRREGULAR_PARTICIPLES.contains(&last.as_str());
    participle && (before.ends_with(',') || BE.contains(&before.to_lowercase().as_str()))
}

/// Whether the words ending `before` are possessive by what follows them:
/// `'s` ("Tuesday's"), or a bare apostrophe after a plural ("two years' time").
fn is_possessive(before: &str, after: &str) -> bool {
    let mut next = after.chars();
    match (next.next(), next.next()) {
        (Some('\'' | '\u{2019}'), Some('s')) => !next.next().is_some_and(char::is_alphanumeric),
        (Some('\'' | '\u{2019}'), following) => before.ends_with('s') && following.is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// Whether a quotation opened in `before` is still open at its end.
fn inside_quotation(before: &str) -> bool {
    let straight = before.matches('"').count() % 2 == 1;
    let curly = before.rfind('\u{201c}').is_some_and(|open| !before[open..].contains('\u{201d}'));
    straight || curly
}

/// `before` without the words at its end that only lead into the date.
fn without_words_leading_into_date(before: &str) -> &str {
    let mut rest = before.trim_end();
    loop {
        let (head, last) = rest.rsplit_once(char::is_whitespace).unwrap_or(("", rest));
        if last.is_empty() || !LEADING_INTO_DATE.contains(&last.to_lowercase().as_str()) {
            return rest;
        }
        rest = head.trim_end();
    }
}

/// How many of `words` (more than `MAX_WORDS`) a cut label keeps: up to
/// `MAX_WORDS`, less a name or number the cut would split and the function
/// words before it.
fn cut_at(words: &[&str]) -> usize {
    let mut end = MAX_WORDS;
    while end > MIN_WORDS && splits(words[end - 1], words[end]) {
        end -= 1;
    }
    // With or without a comma after it ("and," points on as "and" does), and as written unless it
    // opens a sentence: a capital mid-sentence makes a name ("since May" is the month, not "may").
    let points_on = |previous: &str, word: &str| {
        let word = word.trim_end_matches(',');
        let opens_sentence = previous.ends_with(['.', '!', '?', ':', '"', '\u{201c}']);
        let word = if opens_sentence { word.to_lowercase() } else { word.to_string() };
        word == "I" || FUNCTION_WORDS.contains(&word.as_str())
    };
    while end > MIN_WORDS && points_on(words[end - 2], words[end - 1]) {
        end -= 1;
    }
    if end > MIN_WORDS {
        end
    } else {
        MAX_WORDS
    }
}

/// Whether a cut between `last` and `next` splits a name ("the World |
/// Trade Centre") or a number from what it counts ("the 11 | September").
fn splits(last: &str, next: &str) -> bool {
    let capital = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let ends_phrase = last.ends_with(|c: char| ",.;:!?)\"\u{201d}".contains(c));
    !ends_phrase && ((capital(last) && capital(next)) || last.starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(sentence: &str, date: &str) -> String {
        let start = sentence.find(date).expect("the date is in the sentence");
        event_label(sentence, start..start + date.len())
    }

    /// Each sentence is its own label, its date kept.
    fn kept_whole(cases: &[(&str, &str)]) {
        for &(sentence, date) in cases {
            assert_eq!(label(sentence, date), sentence);
        }
    }

    #[test]
    fn the_date_goes_with_the_words_that_lead_into_it() {
        assert_eq!(label("The council met on Tuesday to discuss the plan.", "Tuesday"), "The council met to discuss the plan.");
        assert_eq!(label("Since 2002, prices have doubled.", "2002"), "Prices have doubled.");
    }

    #[test]
    fn a_date_set_off_by_commas_leaves_one_comma() {
        assert_eq!(label("However, in 2004, the group said it grew.", "2004"), "However, the group said it grew.");
        assert_eq!(label("And a year ago, she became champion.", "a year ago"), "And she became champion.");
        assert_eq!(label("Demand rose and on Tuesday, AFP reported a deal.", "Tuesday"), "Demand rose and AFP reported a deal.");
    }

    #[test]
    fn a_possessive_date_stays() {
        kept_whole(&[
            ("The issue will be discussed at Tuesday's meeting.", "Tuesday"),
            ("The band cut short Monday night's show in Sheffield.", "Monday"),
            ("The plant closes in two weeks' time.", "two weeks"),
        ]);
    }

    #[test]
    fn a_quotation_is_not_changed() {
        kept_whole(&[
            ("\"I hope I can play from Saturday,\" he said.", "Saturday"),
            ("\u{201c}We will be back in March,\u{201d} she said.", "March"),
        ]);
        assert_eq!(label("\"We won,\" he said on Monday.", "Monday"), "\"We won,\" he said.");
    }

    #[test]
    fn a_date_that_completes_the_word_before_it_stays() {
        kept_whole(&[("The gig has been rescheduled for Thursday.", "Thursday"), ("Sales slowed before Christmas.", "Christmas")]);
    }

    #[test]
    fn a_date_that_completes_a_passive_or_parenthetical_participle_stays() {
        kept_whole(&[
            ("The Bank's report, released in May, had noted a rise.", "May"),
            ("Prices fell from the peak, which was reached in October.", "October"),
        ]);
        assert_eq!(label("Exports declined in 2004, fuelling a deficit.", "2004"), "Exports declined, fuelling a deficit.");
    }

    #[test]
    fn a_long_label_is_cut_after_a_word_that_carries_meaning() {
        let sentence = "In 2004 the US Federal Reserve decided to boost interest rates by a quarter of a point to 2.25%.";
        assert_eq!(label(sentence, "2004"), "The US Federal Reserve decided to boost interest rates by a quarter\u{2026}");
        let month = "In 2004 output rose at its fastest rate for many years and has grown since May as demand rose.";
        assert_eq!(label(month, "2004"), "Output rose at its fastest rate for many years and has grown since May\u{2026}");
        let opening = "\"In 2004 he never told me he made an entry that was wrong. If he had, I would know.\"";
        assert_eq!(label(opening, "2004"), "\"In 2004 he never told me he made an entry that was wrong.\u{2026}");
    }

    #[test]
    fn a_cut_does_not_split_a_name_or_a_number() {
        let name = "Passenger numbers fell sharply in 2002 amid terrorism fears after the attacks on the World Trade Centre in New York.";
        assert_eq!(label(name, "2002"), "Passenger numbers fell sharply amid terrorism fears after the attacks\u{2026}");
        let comma =
            "In 2004 infrastructure is being built to handle the expected rise in demand and, Agence France Presse reported, a contract.";
        assert_eq!(label(comma, "2004"), "Infrastructure is being built to handle the expected rise in demand\u{2026}");
        let number = "In 2003 exports rose strongly in each of the regions to reach a total of 11 billion dollars.";
        assert_eq!(label(number, "2003"), "Exports rose strongly in each of the regions to reach a total\u{2026}");
    }

    #[test]
    fn possessive_is_an_apostrophe_s_or_an_apostrophe_after_a_plural() {
        assert!(is_possessive("Tuesday", "'s meeting"));
        assert!(is_possessive("Tuesday", "\u{2019}s meeting"));
        assert!(is_possessive("two weeks", "' time"));
        assert!(!is_possessive("Tuesday", "'sake"));
        assert!(!is_possessive("Tuesday", "' said"));
        assert!(!is_possessive("Tuesday", ", when"));
        assert!(!is_possessive("2004", ""));
    }

    #[test]
    fn a_short_sentence_that_would_lose_too_much_is_cut_where_it_falls() {
        let sentence = "In 2004 the the the the the the the the the the the the the the the end.";
        assert_eq!(label(sentence, "2004").split_whitespace().count(), MAX_WORDS);
    }
}
