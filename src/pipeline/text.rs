//! Tokens and sentences with byte offsets. Abbreviations and honorifics keep
//! their full stop and do not end a sentence; a quotation that closes within
//! its paragraph is never cut in two.

use super::lexicon::lexicon;
use crate::model::{Paragraph, ParagraphKind};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// A quotation mark; `double` tells “” and "" from ‘’.
    Quote {
        open: bool,
        double: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Indexes into the article's token list.
    pub tokens: Range<usize>,
    pub paragraph: usize,
    /// In the headline paragraph.
    pub headline: bool,
}

/// A cleaned article cut into tokens and sentences.
#[derive(Debug, Clone)]
pub struct Analysed<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl<'t> Analysed<'t> {
    pub fn new(text: &'t str, paragraphs: &[Paragraph]) -> Analysed<'t> {
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            let first = tokens.len();
            tokenize(text, paragraph.start, paragraph.end, &mut tokens);
            for range in split_sentences(text, &tokens[first..]) {
                let tokens_range = first + range.start..first + range.end;
                sentences.push(Sentence {
                    start: tokens[tokens_range.start].start,
                    end: tokens[tokens_range.end - 1].end,
                    tokens: tokens_range,
                    paragraph: index,
                    headline: paragraph.kind == ParagraphKind::Headline,
                });
            }
        }
        Analysed { text, tokens, sentences }
    }

    /// The text of token `index`, or "" past the end: rules peek at the next word freely.
    pub fn word(&self, index: usize) -> &'t str {
        self.tokens.get(index).map_or("", |t| t.text(self.text))
    }

    pub fn sentence_of(&self, token: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= token)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Appends the tokens of `text[start..end]` to `out`.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let slice = &text[start..end];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| start + chars.get(i).map_or(slice.len(), |&(o, _)| o);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let begin = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let possessive = is_apostrophe(c)
            && at(i + 1) == Some('s')
            && !at(i + 2).is_some_and(char::is_alphanumeric)
            && begin.checked_sub(1).and_then(&at).is_some_and(char::is_alphanumeric);
        let kind = if possessive {
            i += 2;
            TokenKind::Word
        } else if c.is_alphabetic() {
            i = scan_word(&chars, i);
            TokenKind::Word
        } else if c.is_ascii_digit() {
            i += 1;
            while let Some(next) = at(i) {
                let continues_number = (next == ',' || next == '.') && at(i + 1).is_some_and(|d| d.is_ascii_digit());
                if next.is_ascii_digit() || continues_number {
                    i += if continues_number { 2 } else { 1 };
                } else if next.is_alphabetic() {
                    // "1m", "45th", "1990s": suffixes stay with the number.
                    i += 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else {
            i += 1;
            match c {
                '\u{201c}' => TokenKind::Quote { open: true, double: true },
                '\u{201d}' => TokenKind::Quote { open: false, double: true },
                '\u{2018}' => TokenKind::Quote { open: true, double: false },
                '\u{2019}' => TokenKind::Quote { open: false, double: false },
                '"' => {
                    let before = begin.checked_sub(1).and_then(&at);
                    let open = before.is_none_or(|b| b.is_whitespace() || "([{-\u{2014}".contains(b));
                    TokenKind::Quote { open, double: true }
                }
                '\'' if begin.checked_sub(1).and_then(&at).is_none_or(char::is_whitespace) => {
                    TokenKind::Quote { open: true, double: false }
                }
                // "'Budget leak' answers": after a word and before no letter, a closing mark
                // (or a plural's apostrophe, "players' union", which closes nothing open).
                '\'' if begin.checked_sub(1).and_then(&at).is_some_and(char::is_alphanumeric)
                    && !at(i).is_some_and(char::is_alphanumeric) =>
                {
                    TokenKind::Quote { open: false, double: false }
                }
                _ => TokenKind::Punct,
            }
        };
        out.push(Token { start: offset(begin), end: offset(i), kind });
    }
}

/// Scans one word from `i`: letters, digits, inner apostrophes and hyphens,
/// dotted initials ("U.S.") and an abbreviation's full stop. A possessive
/// "'s" is left for the next token, so "Carney's" yields the name alone.
fn scan_word(chars: &[(usize, char)], mut i: usize) -> usize {
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let begin = i;
    while let Some(c) = at(i) {
        if c.is_alphanumeric() {
            i += 1;
        } else if is_apostrophe(c) && at(i + 1).is_some_and(char::is_alphabetic) {
            let possessive = at(i + 1).is_some_and(|s| s == 's') && !at(i + 2).is_some_and(char::is_alphanumeric);
            if possessive && i > begin {
                break;
            }
            i += 1;
        } else if c == '-' && at(i + 1).is_some_and(|n| n.is_lowercase() || n.is_ascii_digit()) {
            i += 1;
        } else if c == '.' && at(i + 1).is_some_and(char::is_alphabetic) && at(i + 2) == Some('.') {
            // U.S. / U.K. / e.g.
            i += 2;
        } else {
            break;
        }
    }
    if at(i) == Some('.') {
        let word: String = chars[begin..i].iter().map(|&(_, c)| c).collect();
        let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if word.contains('.') || single_initial || lexicon().is_abbreviation(&word) {
            i += 1;
        }
    }
    i
}

fn is_terminal(text: &str, token: &Token) -> bool {
    token.kind == TokenKind::Punct && matches!(token.text(text), "." | "!" | "?" | "\u{2026}")
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether quotation marks in `tokens` pair up, so splitting may respect them.
fn quotes_balance(tokens: &[Token]) -> bool {
    let mut depth: i32 = 0;
    for token in tokens {
        if let TokenKind::Quote { open, double: true } = token.kind {
            depth += if open { 1 } else { -1 };
            if depth < 0 {
                return false;
            }
        }
    }
    depth == 0
}

/// Splits one paragraph's tokens into sentence ranges (relative to `tokens`).
fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let respect_quotes = quotes_balance(tokens);
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if let TokenKind::Quote { open, double: true } = token.kind {
            depth = (depth + if open { 1 } else { -1 }).max(0);
        }
        let word = token.text(text);
        let abbreviation_end = token.kind == TokenKind::Word && word.ends_with('.');
        if is_terminal(text, token) || abbreviation_end {
            // Closing quotes and brackets belong to the sentence they end.
            let mut j = i + 1;
            while j < tokens.len() {
                match tokens[j].kind {
                    TokenKind::Quote { open: false, double } => {
                        if double {
                            depth = (depth - 1).max(0);
                        }
                        j += 1;
                    }
                    TokenKind::Punct if tokens[j].text(text) == ")" => j += 1,
                    _ => break,
                }
            }
            let ends = match tokens.get(j) {
                None => true,
                Some(_) if respect_quotes && depth > 0 => false,
                Some(next) => {
                    let next_word = next.text(text);
                    let capital_follows = starts_upper(next_word) || matches!(next.kind, TokenKind::Quote { open: true, .. });
                    if abbreviation_end {
                        // "in the U.S. They …" ends; "Gen. Sopheak" and "U.S. Embassy" do not.
                        let bare = word.trim_end_matches('.');
                        capital_follows
                            && !lexicon().is_honorific(word)
                            && bare.chars().count() > 1
                            && next.kind == TokenKind::Word
                            && lexicon().is_sentence_starter(next_word)
                    } else {
                        capital_follows
                    }
                }
            };
            if ends {
                ranges.push(start..j);
                start = j;
                depth = 0;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        ranges.push(start..tokens.len());
    }
    ranges
}

/// Test helper: analyses `text` with blank lines as paragraph breaks.
#[cfg(test)]
pub fn analyse_paragraphs(text: &str) -> Analysed<'_> {
    let paragraphs: Vec<Paragraph> = text
        .split("\n\n")
        .scan(0, |offset, p| {
            let start = *offset;
            *offset += p.len() + 2;
            Some(Paragraph { start, end: start + p.len(), kind: crate::model::ParagraphKind::Body })
        })
        .collect();
    Analysed::new(text, &paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let analysed = analyse_paragraphs(text);
        analysed.sentences.iter().map(|s| &text[s.start..s.end]).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &mut tokens);
        tokens.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_split_possessives() {
        assert_eq!(
            words("Gen. Sopheak met U.S. officials in Carney\u{2019}s court, 20,000 people."),
            ["Gen.", "Sopheak", "met", "U.S.", "officials", "in", "Carney", "\u{2019}s", "court", ",", "20,000", "people", "."]
        );
        assert_eq!(words("US-Cambodian top-ranking"), ["US", "-", "Cambodian", "top-ranking"]);
        assert_eq!(words("“We wish,” he said"), ["\u{201c}", "We", "wish", ",", "\u{201d}", "he", "said"]);
    }

    #[test]
    fn abbreviations_and_honorifics_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Herod met Lt. Gen. Vannthan in Feb. in the U.S. capital. They talked."),
            ["Mr. Herod met Lt. Gen. Vannthan in Feb. in the U.S. capital.", "They talked."]
        );
        assert_eq!(
            sentences("They were deported from the U.S. They arrived in Phnom Penh."),
            ["They were deported from the U.S.", "They arrived in Phnom Penh."]
        );
    }

    #[test]
    fn quotations_stay_balanced() {
        assert_eq!(
            sentences("“Now, they wait. We will send it soon,” Vannthan said. Nothing more."),
            ["“Now, they wait. We will send it soon,” Vannthan said.", "Nothing more."]
        );
        assert_eq!(sentences("He called it “unfair.” Then he left."), ["He called it “unfair.”", "Then he left."]);
    }

    #[test]
    fn paragraphs_are_hard_boundaries() {
        assert_eq!(sentences("First line\n\nSecond one."), ["First line", "Second one."]);
        // A headline ending in an abbreviation or an open quotation still ends its sentence.
        assert_eq!(
            sentences("Cambodians deported by the U.S.\n\nThey arrived on Tuesday."),
            ["Cambodians deported by the U.S.", "They arrived on Tuesday."]
        );
        assert_eq!(sentences("Minister: \u{201c}no deal\n\nTalks ended.\u{201d}"), ["Minister: \u{201c}no deal", "Talks ended.\u{201d}"]);
    }

    #[test]
    fn a_headline_is_its_own_sentence() {
        let text = "U.S. Deporting Over 30 Cambodians, Despite Government Appeals\n\nCambodia reiterated its wish.";
        let paragraphs = [
            Paragraph { start: 0, end: 61, kind: crate::model::ParagraphKind::Headline },
            Paragraph { start: 63, end: text.len(), kind: crate::model::ParagraphKind::Body },
        ];
        let analysed = Analysed::new(text, &paragraphs);
        let got: Vec<(&str, usize)> = analysed.sentences.iter().map(|s| (&text[s.start..s.end], s.paragraph)).collect();
        assert_eq!(got, [("U.S. Deporting Over 30 Cambodians, Despite Government Appeals", 0), ("Cambodia reiterated its wish.", 1)]);
    }
}
