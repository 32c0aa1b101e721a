//! Direct quotations: straight and curly quotes, multi-sentence and partial
//! quotes, attributed before or after ("…,” Gen. Sopheak said", "said X",
//! "X said in a message"), and a paragraph-long quote with no attribution to
//! the speaker of the quote before it.

use super::attribution::{is_speech_verb, Attributor};
use super::entities::Entities;
use super::text::{Analysed, TokenKind};
use crate::model::EntityKind;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct FoundQuote {
    /// Byte range of the quoted words.
    pub inner: Range<usize>,
    /// Token range from the opening to the closing mark.
    pub tokens: Range<usize>,
    pub sentence: usize,
    pub speaker: Option<usize>,
}

/// Opening and closing token of every quotation, by paragraph.
fn pairs(doc: &Analysed) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, bool)> = None;
    for (index, token) in doc.tokens.iter().enumerate() {
        let paragraph_changed =
            open.is_some_and(|(o, _)| doc.sentences[doc.sentence_of(o)].paragraph != doc.sentences[doc.sentence_of(index)].paragraph);
        if paragraph_changed {
            // A quotation left open runs to the end of its paragraph.
            let (o, _) = open.take().unwrap_or_default();
            out.push((o, index));
        }
        if let TokenKind::Quote { open: is_open, double } = token.kind {
            match open {
                None if is_open => open = Some((index, double)),
                Some((o, d)) if !is_open && d == double => {
                    out.push((o, index));
                    open = None;
                }
                _ => {}
            }
        }
    }
    if let Some((o, _)) = open {
        out.push((o, doc.tokens.len()));
    }
    out
}

pub fn find(doc: &Analysed, entities: &Entities) -> Vec<FoundQuote> {
    let attributor = Attributor { doc, entities };
    let mut quotes: Vec<FoundQuote> = Vec::new();
    for (open, close) in pairs(doc) {
        if close <= open + 1 {
            continue;
        }
        let start = doc.tokens[open].end;
        let end = doc.tokens[close - 1].end;
        let mut inner = start..end;
        while doc.text[..inner.end].ends_with([',', ' ']) {
            inner.end -= 1;
        }
        let sentence_index = doc.sentence_of(open);
        let sentence = &doc.sentences[sentence_index];
        let span = sentence.tokens.clone();
        let after = close.min(span.end)..span.end;
        let before = span.start..open;
        let whole_paragraph = open == span.start && (close + 1 >= span.end || close == doc.tokens.len());
        let mut speaker = attributor
            .speaker_in(&after, is_speech_verb, false)
            .or_else(|| attributor.speaker_in(&before, is_speech_verb, true))
            .or_else(|| attributor.speaker_in(&span, is_speech_verb, false))
            .or_else(|| attributor.according_to(&span));
        if speaker.is_none() && whole_paragraph {
            let paragraph = sentence.paragraph;
            speaker = quotes.last().filter(|q| doc.sentences[q.sentence].paragraph + 1 == paragraph).and_then(|q| q.speaker);
        }
        if speaker.is_none() {
            speaker = entities
                .mentions
                .iter()
                .filter(|m| before.contains(&m.surface.start))
                .find(|m| entities.list[m.entity].kind == EntityKind::Person)
                .map(|m| m.entity);
        }
        quotes.push(FoundQuote { inner, tokens: open..close, sentence: sentence_index, speaker });
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::entities;
    use crate::pipeline::text::analyse_paragraphs;

    /// Each quote as "text <- speaker".
    fn check(text: &str, expected: &[&str]) {
        let doc = analyse_paragraphs(text);
        let found = entities::find(&doc);
        let got: Vec<String> = find(&doc, &found)
            .iter()
            .map(|q| format!("{} <- {}", &text[q.inner.clone()], q.speaker.map_or("nobody", |s| found.list[s].name.as_str())))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn attribution_after_the_quote() {
        check(
            "“This should be renegotiated,” Khieu Sopheak, an Interior Ministry spokesman, said on Tuesday.\n\n“We wish to have only voluntary repatriation” of nationals, General Sopheak said.\n\n“It is unfair,” said Bill Herod, an adviser.",
            &[
                "This should be renegotiated <- Khieu Sopheak",
                "We wish to have only voluntary repatriation <- Khieu Sopheak",
                "It is unfair <- Bill Herod",
            ],
        );
    }

    #[test]
    fn attribution_before_and_by_pronoun_and_continuation() {
        check(
            "Preap Kol of Transparency International said the government “appointed the officials”.\n\n“Such claims should be investigated,” Kol said in a message.\n\nWith a “logjam” of deportees, this may change, he said.\n\n“They might want to move them soon.”",
            &[
                "appointed the officials <- Preap Kol",
                "Such claims should be investigated <- Preap Kol",
                "logjam <- Preap Kol",
                "They might want to move them soon. <- Preap Kol",
            ],
        );
    }

    #[test]
    fn unnamed_speakers_attach_to_their_organisation_and_scare_quotes_to_nobody() {
        check(
            "A U.S. Embassy spokesman said in December that the deal remained “in force.”\n\nThe detainees claim officials wanted “gifts”.",
            &["in force. <- U.S. Embassy", "gifts <- nobody"],
        );
    }

    #[test]
    fn straight_quotes_and_subject_speakers() {
        check("Foreign Ministry spokesman Chum Sounry praised the ruling and called the sanctions \"unfair\".", &["unfair <- Chum Sounry"]);
    }
}
