//! Marking up article text for the reader and evidence cards: splits a
//! stretch of text into segments, each with the marks that cover it (entity
//! mentions by kind, quotes, figures), as displaCy does.

use crate::model::{Corpus, EntityKind, Span};

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

/// The marks of `article` that fall within `start..end`.
pub fn marks(corpus: &Corpus, article: &str, start: usize, end: usize) -> Vec<(usize, usize, Mark)> {
    let inside = |span: &Span| span.article == article && span.start >= start && span.end <= end;
    let mut out = Vec::new();
    for entity in &corpus.entities {
        for mention in entity.mentions.iter().filter(|m| inside(m)) {
            out.push((mention.start, mention.end, Mark::Mention { entity: entity.id.clone(), kind: entity.kind }));
        }
    }
    out.extend(corpus.quotes.iter().filter(|q| inside(&q.span)).map(|q| (q.span.start, q.span.end, Mark::Quote)));
    out.extend(corpus.figures.iter().filter(|f| inside(&f.span)).map(|f| (f.span.start, f.span.end, Mark::Figure)));
    out
}

/// Cuts `start..end` at every mark boundary; each piece lists the marks over it.
pub fn segments(start: usize, end: usize, marks: &[(usize, usize, Mark)]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![start, end];
    for (a, b, _) in marks {
        cuts.extend([(*a).clamp(start, end), (*b).clamp(start, end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| Segment {
            start: w[0],
            end: w[1],
            marks: marks.iter().filter(|(a, b, _)| *a <= w[0] && *b >= w[1]).map(|(_, _, m)| m.clone()).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let found = marks(&corpus, &article.id, 0, article.text.len());
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
