//! Scores a built corpus against gold articles: precision, recall and F1 of
//! entity mentions per kind (exact span and overlap), and whether the
//! mentions of one real entity land in one corpus entity and no corpus
//! entity holds two real ones. `Errors` lists every disagreement, for a
//! reader to look at. Quotes, dates, figures and relations are scored by
//! `statements`.

use super::align::Aligner;
use super::gold::{GoldArticle, GoldMention};
use super::statements::{self, DateCounts, FigureCounts, QuoteCounts, RelationCounts};
use crate::model::{Corpus, EntityKind};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::ops::Range;

/// Counts for one row of the table.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub exact: usize,
    pub overlap: usize,
}

pub(super) fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

impl Counts {
    /// (precision, recall, F1) for exact spans, or for overlapping ones.
    pub fn prf(&self, exact: bool) -> (f64, f64, f64) {
        let hits = if exact { self.exact } else { self.overlap };
        let (p, r) = (ratio(hits, self.system), ratio(hits, self.gold));
        (p, r, f1(p, r))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// How many gold articles were scored.
    pub articles: usize,
    /// Per kind, in `EntityKind::ALL` order.
    pub kinds: [Counts; 4],
    /// Span only, kind ignored.
    pub spans: Counts,
    /// Gold mentions on lines the cleaner dropped.
    pub unaligned: usize,
    /// Mentions of one real entity in its most common corpus entity, over
    /// entities with at least two found mentions: (kept together, all).
    pub together: (usize, usize),
    /// Corpus entities that hold one real entity only: (pure, all).
    pub apart: (usize, usize),
    pub quotes: QuoteCounts,
    pub dates: DateCounts,
    pub figures: FigureCounts,
    pub relations: RelationCounts,
    pub errors: Vec<String>,
}

impl Scores {
    pub fn typed(&self) -> Counts {
        self.kinds.iter().fold(Counts::default(), |sum, c| Counts {
            gold: sum.gold + c.gold,
            system: sum.system + c.system,
            exact: sum.exact + c.exact,
            overlap: sum.overlap + c.overlap,
        })
    }

    /// Every score by a stable name, higher is better: what a baseline keeps.
    pub fn named(&self) -> BTreeMap<String, f64> {
        let mut named = BTreeMap::new();
        let rows = EntityKind::ALL.iter().map(|k| k.as_str()).zip(self.kinds.iter().copied());
        for (label, counts) in rows.chain([("typed", self.typed()), ("span", self.spans)]) {
            for (mode, exact) in [("exact", true), ("overlap", false)] {
                let (p, r, f) = counts.prf(exact);
                named.insert(format!("{label}.{mode}.precision"), p);
                named.insert(format!("{label}.{mode}.recall"), r);
                named.insert(format!("{label}.{mode}.f1"), f);
            }
        }
        named.insert("merge.together".into(), ratio(self.together.0, self.together.1));
        named.insert("merge.apart".into(), ratio(self.apart.0, self.apart.1));
        self.quotes.named("quotes", &mut named);
        self.dates.named("dates", &mut named);
        self.figures.named(&mut named);
        self.relations.named(&mut named);
        named
    }

    pub fn table(&self) -> String {
        let mut out = String::from("kind            gold  found |  exact P     R    F1 | overlap P   R    F1\n");
        let rows = EntityKind::ALL.iter().map(|k| k.as_str()).zip(self.kinds.iter().copied());
        for (label, counts) in rows.chain([("all (typed)", self.typed()), ("spans only", self.spans)]) {
            let (p, r, f) = counts.prf(true);
            let (op, or, of) = counts.prf(false);
            let _ =
                writeln!(out, "{label:<14} {:>5} {:>6} | {p:>8.3} {r:.3} {f:.3} | {op:>8.3} {or:.3} {of:.3}", counts.gold, counts.system);
        }
        let merges = [
            ("mentions of one real entity in one corpus entity:", self.together),
            ("corpus entities holding one real entity only:    ", self.apart),
        ];
        for (label, (part, whole)) in merges {
            let _ = writeln!(out, "{label} {:.3} ({part}/{whole})", ratio(part, whole));
        }
        let _ = writeln!(out, "{}", self.quotes.summary());
        let _ = writeln!(out, "{}", self.dates.summary());
        let _ = writeln!(out, "{}", self.figures.summary());
        let _ = writeln!(out, "{}", self.relations.summary());
        if self.unaligned > 0 {
            let _ = writeln!(out, "gold mentions on lines the cleaner dropped: {}", self.unaligned);
        }
        out
    }
}

struct SystemMention {
    span: Range<usize>,
    kind: EntityKind,
    entity: usize,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Scores `corpus` (built from exactly these articles, ids alike) on `articles`.
pub fn score(articles: &[&GoldArticle], corpus: &Corpus) -> Scores {
    let mut scores = Scores { articles: articles.len(), ..Scores::default() };
    let mut system_by_article: HashMap<&str, Vec<SystemMention>> = HashMap::new();
    for (entity, e) in corpus.entities.iter().enumerate() {
        for span in &e.mentions {
            system_by_article.entry(span.article.as_str()).or_default().push(SystemMention {
                span: span.start..span.end,
                kind: e.kind,
                entity,
            });
        }
    }
    // Real entity → corpus entity → mentions found there; and the reverse.
    let mut placed: BTreeMap<&str, BTreeMap<usize, usize>> = BTreeMap::new();
    let mut held: BTreeMap<usize, BTreeMap<&str, usize>> = BTreeMap::new();
    for gold in articles {
        let Some(article) = corpus.article(&gold.id) else {
            scores.errors.push(format!("{}: not in the built corpus", gold.id));
            continue;
        };
        let text = &article.text;
        let aligner = Aligner::new(&gold.raw, text);
        let system = system_by_article.remove(gold.id.as_str()).unwrap_or_default();
        for s in &system {
            scores.kinds[s.kind.index()].system += 1;
            scores.spans.system += 1;
        }
        let mapped: Vec<(&GoldMention, Option<Range<usize>>)> = gold.mentions.iter().map(|m| (m, aligner.map(m.start, m.end))).collect();
        let mut used_typed = vec![false; system.len()];
        let mut used_any = vec![false; system.len()];
        let best = |span: &Range<usize>, used: &[bool], kind: Option<EntityKind>| {
            system
                .iter()
                .enumerate()
                .filter(|(i, s)| !used[*i] && overlaps(&s.span, span) && kind.is_none_or(|k| k == s.kind))
                .max_by_key(|(_, s)| (s.span == *span, s.span.end.min(span.end) - s.span.start.max(span.start)))
                .map(|(i, _)| i)
        };
        for (mention, span) in &mapped {
            let row = mention.kind.index();
            scores.kinds[row].gold += 1;
            scores.spans.gold += 1;
            let surface = &gold.raw[mention.start..mention.end];
            let Some(span) = span else {
                scores.unaligned += 1;
                scores.errors.push(format!("{}:{}: dropped by cleaning  {} {surface:?}", gold.id, mention.line, mention.kind.as_str()));
                continue;
            };
            if let Some(i) = best(span, &used_typed, Some(mention.kind)) {
                used_typed[i] = true;
                scores.kinds[row].overlap += 1;
                scores.kinds[row].exact += usize::from(system[i].span == *span);
            }
            let Some(i) = best(span, &used_any, None) else {
                scores.errors.push(format!("{}:{}: missed  {} {surface:?}", gold.id, mention.line, mention.kind.as_str()));
                continue;
            };
            used_any[i] = true;
            scores.spans.overlap += 1;
            scores.spans.exact += usize::from(system[i].span == *span);
            let found = &system[i];
            *placed.entry(&mention.entity).or_default().entry(found.entity).or_default() += 1;
            *held.entry(found.entity).or_default().entry(&mention.entity).or_default() += 1;
            let found_text = &text[found.span.clone()];
            if found.kind != mention.kind {
                scores.errors.push(format!(
                    "{}:{}: kind    {} {surface:?} found as {} {found_text:?}",
                    gold.id,
                    mention.line,
                    mention.kind.as_str(),
                    found.kind.as_str()
                ));
            } else if found.span != *span {
                scores.errors.push(format!(
                    "{}:{}: bounds  {} {surface:?} found as {found_text:?}",
                    gold.id,
                    mention.line,
                    mention.kind.as_str()
                ));
            }
        }
        for (_, s) in system.iter().enumerate().filter(|(i, _)| !used_any[*i]) {
            let line = text[..s.span.start].matches("\n\n").count() + 1;
            scores.errors.push(format!("{}: paragraph {line}: spurious {} {:?}", gold.id, s.kind.as_str(), &text[s.span.clone()]));
        }
    }
    for (real, found) in &placed {
        let total: usize = found.values().sum();
        if total >= 2 {
            let kept = found.values().copied().max().unwrap_or(0);
            scores.together.0 += kept;
            scores.together.1 += total;
            if kept < total {
                let names: Vec<String> = found.iter().map(|(e, n)| format!("{} ×{n}", corpus.entities[*e].id)).collect();
                scores.errors.push(format!("split   {real} into {}", names.join(", ")));
            }
        }
    }
    // Quotes and dates, once it is known which real entity each corpus entity holds.
    let real_entity: HashMap<&str, &str> = held
        .iter()
        .filter_map(|(entity, reals)| reals.iter().max_by_key(|(_, n)| **n).map(|(real, _)| (corpus.entities[*entity].id.as_str(), *real)))
        .collect();
    for gold in articles {
        let Some(article) = corpus.article(&gold.id) else { continue };
        let aligner = Aligner::new(&gold.raw, &article.text);
        statements::quotes(gold, &aligner, corpus, &real_entity, &mut scores.quotes, &mut scores.errors);
        statements::dates(gold, &aligner, corpus, &mut scores.dates, &mut scores.errors);
        statements::figures(gold, &aligner, corpus, &real_entity, &mut scores.figures, &mut scores.errors);
        statements::relations(gold, corpus, &real_entity, &mut scores.relations, &mut scores.errors);
    }
    for (entity, reals) in &held {
        scores.apart.1 += 1;
        if reals.len() == 1 {
            scores.apart.0 += 1;
        } else {
            let names: Vec<String> = reals.iter().map(|(r, n)| format!("{r} ×{n}")).collect();
            scores.errors.push(format!("merged  {} holds {}", corpus.entities[*entity].id, names.join(", ")));
        }
    }
    scores
}
