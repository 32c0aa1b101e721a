//! Marking up article text for the reader and evidence cards: splits a
//! stretch of text into segments, each with the marks that cover it (entity
//! mentions by kind, quotes, figures), as displaCy does.

use super::filter::{Index, Marked};
use crate::model::{Corpus, EntityKind};

#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Mention { entity: String, kind: EntityKind },
    Quote,
    Figure,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub marks: Vec<Mark>,
}

/// The marks of `article` that fall within `start..end`, from the index's
/// per-article list rather than a scan of the corpus.
pub fn marks(corpus: &Corpus, index: &Index, article: &str, start: usize, end: usize) -> Vec<(usize, usize, Mark)> {
    index
        .marks_within(article, start, end)
        .map(|(start, end, marked)| {
            let mark = match marked {
                Marked::Mention(position) => {
                    let entity = &corpus.entities[position];
                    Mark::Mention { entity: entity.id.clone(), kind: entity.kind }
                }
                Marked::Quote => Mark::Quote,
                Marked::Figure => Mark::Figure,
            };
            (start, end, mark)
        })
        .collect()
}

/// Cuts `start..end` at every mark boundary; each piece lists the marks over it.
pub fn segments(start: usize, end: usize, marks: &[(usize, usize, Mark)]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![start, end];
    for (a, b, _) in marks {
        cuts.extend([(*a).clamp(start, end), (*b).clamp(start, end)]);
    }
    super::sorting::sort(&mut cuts);
    cuts.dedup();
    cuts.windows(2)
        .map(|w| Segment {
            start: w[0],
            end: w[1],
            marks: marks.iter().filter(|(a, b, _)| *a <= w[0] && *b >= w[1]).map(|(_, _, m)| m.clone()).collect(),
        })
        .collect()
}

/// The end of the text before a search match, at most `keep` characters from
/// a word start, so that a hit shown on one line shows its match; the cut is
/// marked with "…".
pub fn lead_in(before: &str, keep: usize) -> String {
    let Some((cut, dropped)) = before.char_indices().rev().nth(keep) else { return before.to_string() };
    let tail = &before[cut + dropped.len_utf8()..];
    let from_word = if dropped == ' ' { tail } else { tail.find(' ').map_or(tail, |space| &tail[space + 1..]) };
    format!("\u{2026}{from_word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_lead_in_is_cut_at_a_word() {
        assert_eq!(lead_in("Deported to ", 20), "Deported to ");
        assert_eq!(lead_in("The ministry said on Monday that the ", 16), "\u{2026}Monday that the ");
        assert_eq!(lead_in("The ministry said on Monday that the ", 14), "\u{2026}that the ");
        assert_eq!(lead_in("é".repeat(10).as_str(), 3), "\u{2026}ééé");
    }

    #[test]
    fn segments_nest_marks() {
        let marks =
            vec![(0, 20, Mark::Quote), (5, 10, Mark::Mention { entity: "x".into(), kind: EntityKind::Person }), (15, 25, Mark::Figure)];
        let got: Vec<(usize, usize, usize)> = segments(0, 30, &marks).iter().map(|s| (s.start, s.end, s.marks.len())).collect();
        assert_eq!(got, [(0, 5, 1), (5, 10, 2), (10, 15, 1), (15, 20, 2), (20, 25, 1), (25, 30, 0)]);
    }

    #[test]
    fn reader_marks_come_from_the_corpus() {
        let corpus: Corpus = serde_json::from_str(include_str!("../../corpus/corpus.json")).expect("parses");
        let article = &corpus.articles[0];
        let index = Index::new(&corpus);
        let found = marks(&corpus, &index, &article.id, 0, article.text.len());
        let mentions = corpus.entities.iter().flat_map(|e| &e.mentions).filter(|m| m.article == article.id).count();
        let spans = corpus.quotes.iter().map(|q| &q.span).chain(corpus.figures.iter().map(|f| &f.span));
        assert_eq!(found.len(), mentions + spans.filter(|s| s.article == article.id).count(), "every mark of the article, once");
        let first_sentence = article.sentences[0];
        let within = marks(&corpus, &index, &article.id, first_sentence[0], first_sentence[1]);
        assert!(within.iter().all(|(a, b, _)| *a >= first_sentence[0] && *b <= first_sentence[1]) && within.len() < found.len());
        assert!(found.iter().any(|(_, _, m)| *m == Mark::Quote));
        assert!(found.iter().any(|(_, _, m)| *m == Mark::Figure));
        for (a, b, m) in &found {
            if let Mark::Mention { entity, .. } = m {
                let e = corpus.entity(entity).expect("entity");
                let surface = &article.text[*a..*b];
                // A mention spans the name without its title: "Sopheak" of "Gen. Sopheak".
                let named = |form: &str| form == surface || form.ends_with(&format!(" {surface}"));
                assert!(named(&e.name) || e.aliases.iter().any(|x| named(x)), "{surface:?} is not a form of {}", e.name);
            }
        }
    }
}
