//! Reports, surveys and polls: which organisation or person owns the one a
//! sentence cites ("a Daily Telegraph poll suggests", "the report by telecoms
//! giant BT", "a survey for Age Concern"), so that the numbers it gives are
//! credited to that owner. "The report" with no owner in its phrase is the
//! one last owned in the article; "a study" with none is nobody's.

use super::entities::Entities;
use super::text::{Analysed, TokenKind};
use crate::model::EntityKind;
use std::ops::Range;

/// Nouns for a document whose findings are its owner's claims.
const REPORT_NOUNS: &[&str] = &[
    "report",
    "reports",
    "study",
    "studies",
    "survey",
    "surveys",
    "poll",
    "polls",
    "research",
    "figures",
    "data",
    "analysis",
    "census",
    "forecast",
    "forecasts",
    "findings",
    "audit",
    "review",
];

/// Words that set a figure against a report rather than take it from one.
const COMPARISONS: &[&str] = &["ahead", "above", "below", "than", "beat", "beating", "missed", "exceeded", "compared", "against", "versus"];

/// Words that tie a report to its owner after the noun: "the report by BT".
const OWNER_LINKS: &[&str] = &["by", "for", "from", "commissioned"];

/// What the sentences credit their findings to.
#[derive(Debug, Clone, Default)]
pub struct ReportCredit {
    /// Per sentence: the owner of the report the sentence cites.
    pub cited: Vec<Option<usize>>,
    /// Per sentence: the owner of the last owned report cited in its paragraph, up to and including it.
    pub in_paragraph: Vec<Option<usize>>,
}

pub fn credit(doc: &Analysed, entities: &Entities) -> ReportCredit {
    let mut credit = ReportCredit::default();
    let mut last_owner: Option<usize> = None;
    let mut paragraph_owner: Option<(usize, usize)> = None;
    for sentence in &doc.sentences {
        let mut cited = None;
        for noun in report_nouns(doc, sentence.tokens.clone()) {
            let owner = owner_of(doc, entities, noun, sentence.tokens.clone());
            // "ahead of IMF forecasts": a figure set against a report is not the report's.
            let phrase_start =
                owner.and_then(|_| entities.mentions.iter().find(|m| m.surface.end == noun)).map_or(noun, |m| m.surface.start);
            if (phrase_start.saturating_sub(3).max(sentence.tokens.start)..phrase_start).any(|k| COMPARISONS.contains(&doc.word(k))) {
                continue;
            }
            // "the report" refers back; "the report for a panel" names an owner of its own.
            let definite = noun > sentence.tokens.start
                && matches!(doc.word(noun - 1).to_lowercase().as_str(), "the" | "this" | "that" | "its")
                && owner_link(doc, noun, sentence.tokens.end).is_none();
            cited = owner.or(if definite { last_owner } else { None });
            if let Some(owner) = owner {
                last_owner = Some(owner);
            }
            if cited.is_some() {
                break;
            }
        }
        if let Some(owner) = cited {
            paragraph_owner = Some((sentence.paragraph, owner));
        }
        credit.cited.push(cited);
        credit.in_paragraph.push(paragraph_owner.filter(|(p, _)| *p == sentence.paragraph).map(|(_, o)| o));
    }
    credit
}

/// Report nouns of a range, outside quotations, in order.
fn report_nouns(doc: &Analysed, range: Range<usize>) -> Vec<usize> {
    let mut inside = false;
    let mut found = Vec::new();
    for i in range {
        if let TokenKind::Quote { open, double: true } = doc.tokens[i].kind {
            inside = open;
        } else if !inside && doc.tokens[i].kind == TokenKind::Word && REPORT_NOUNS.contains(&doc.word(i)) {
            found.push(i);
        }
    }
    found
}

/// "by", "for" … within a few words after a report noun.
fn owner_link(doc: &Analysed, noun: usize, sentence_end: usize) -> Option<usize> {
    (noun + 1..sentence_end.min(noun + 8)).find(|&i| OWNER_LINKS.contains(&doc.word(i)))
}

/// "a [Daily Telegraph] poll", "[BT]'s report", "the report by telecoms giant [BT]",
/// "a poll of 1,313 people for the [Daily Telegraph]".
fn owner_of(doc: &Analysed, entities: &Entities, noun: usize, sentence: Range<usize>) -> Option<usize> {
    let owns = |e: usize| matches!(entities.list[e].kind, EntityKind::Organization | EntityKind::Person);
    let ending_at =
        |end: usize| entities.mentions.iter().find(|m| m.surface.end == end && m.surface.start >= sentence.start).map(|m| m.entity);
    let before =
        ending_at(noun).or_else(|| (noun > sentence.start + 1 && doc.word(noun - 1) == "'s").then(|| ending_at(noun - 1)).flatten());
    if let Some(owner) = before.filter(|&e| owns(e)) {
        return Some(owner);
    }
    let link = owner_link(doc, noun, sentence.end)?;
    // Only a description may stand between the link and the owner: "by telecoms giant BT".
    for i in link + 1..sentence.end.min(link + 6) {
        if let Some(mention) = entities.mentions.iter().find(|m| m.surface.start == i) {
            return owns(mention.entity).then_some(mention.entity);
        }
        let word = doc.word(i);
        if doc.tokens[i].kind != TokenKind::Word || !word.chars().all(char::is_lowercase) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::entities;
    use crate::pipeline::text::analyse_paragraphs;

    /// The owner's name each sentence's findings are credited to, and the paragraph's poll owner.
    fn check(text: &str, expected: &[(&str, &str)]) {
        let doc = analyse_paragraphs(text);
        let found = entities::find(&doc);
        let credit = credit(&doc, &found);
        let name = |e: Option<usize>| e.map_or("-".to_string(), |e| found.list[e].name.clone());
        let got: Vec<(String, String)> = credit.cited.iter().zip(&credit.in_paragraph).map(|(c, p)| (name(*c), name(*p))).collect();
        let expected: Vec<(String, String)> = expected.iter().map(|(c, p)| (c.to_string(), p.to_string())).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_report_is_its_owners_and_the_report_is_the_last_owned() {
        check(
            "By 2025, 40% of people will be offline, says a study. Around 23 million Britons will miss out, predicts the report by telecoms giant BT. Prices rose 5% last year.\n\nThe disabled will make up 16%, the report forecasts.",
            &[("-", "-"), ("BT", "BT"), ("-", "BT"), ("BT", "BT")],
        );
        check("A report by BT came out. The pace grew, said the report for a government panel.", &[("BT", "BT"), ("-", "BT")]);
    }

    #[test]
    fn a_poll_named_for_its_owner_credits_the_paragraph() {
        check(
            "A Daily Telegraph poll of 1,313 people suggests two-thirds of Britons agree. But only 40% think so.\n\nShares fell 3%.",
            &[("Daily Telegraph", "Daily Telegraph"), ("-", "Daily Telegraph"), ("-", "-")],
        );
        check("A survey of 2,000 adults for Age Concern found 69% would vote.", &[("Age Concern", "Age Concern")]);
        check("Growth averaged 6% in the past three years, ahead of IMF forecasts.", &[("-", "-")]);
    }
}
