//! Scores what the text says beyond names: who said each quote, where each
//! date expression places it in calendar time, each figure's value, unit and
//! claimant, which figures conflict, and the roles stated between entities.

use super::align::Aligner;
use super::gold::{GoldArticle, GoldDateValue, GoldRelation};
use super::score::ratio;
use crate::model::{Corpus, EventDate, RelationKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct QuoteCounts {
    /// Quotations in the gold.
    pub gold: usize,
    /// Quotes the pipeline gives in the scored articles.
    pub system: usize,
    /// Gold quotations the pipeline found.
    pub found: usize,
    /// Found ones whose speaker (or its absence) is right.
    pub speaker_right: usize,
    /// Found ones whose text names a speaker.
    pub named: usize,
    /// Of those, the ones the pipeline left without a speaker.
    pub named_unattributed: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DateCounts {
    /// Date expressions in the gold.
    pub gold: usize,
    /// Distinct date expressions the pipeline dates events by.
    pub system: usize,
    /// Gold expressions the pipeline found (overlapping spans).
    pub found: usize,
    /// Found ones whose value is right.
    pub value_right: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FigureCounts {
    /// Figures in the gold.
    pub gold: usize,
    /// Figures the pipeline gives in the scored articles.
    pub system: usize,
    /// Gold figures the pipeline found (overlapping spans).
    pub found: usize,
    pub value_right: usize,
    pub unit_right: usize,
    pub claimant_right: usize,
    /// Found ones with value, unit and claimant all right.
    pub all_right: usize,
    /// Pairs of gold figures in one conflict group.
    pub conflicts_gold: usize,
    /// Pairs the pipeline flags as conflicting.
    pub conflicts_system: usize,
    /// Flagged pairs whose figures are one gold conflict group.
    pub conflicts_right: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RelationCounts {
    /// Typed relations in the gold of the articles that annotate them.
    pub gold: usize,
    /// Typed relations the pipeline states in those articles.
    pub system: usize,
    /// Of those, the ones true as the gold states them.
    pub right: usize,
    /// Gold relations the pipeline states.
    pub found: usize,
}

/// "0.887 (125/141)"
fn fraction(part: usize, whole: usize) -> String {
    format!("{:.3} ({part}/{whole})", ratio(part, whole))
}

/// "148 in gold, 131 found (recall 0.885, precision 0.963)"
fn found(gold: usize, found: usize, system: usize) -> String {
    format!("{gold} in gold, {found} found (recall {:.3}, precision {:.3})", ratio(found, gold), ratio(found, system))
}

impl QuoteCounts {
    pub fn summary(&self) -> String {
        format!(
            "quotes: {}; speaker right {}; named but left without a speaker {}",
            found(self.gold, self.found, self.system),
            fraction(self.speaker_right, self.found),
            fraction(self.named_unattributed, self.named)
        )
    }

    pub fn named(&self, prefix: &str, out: &mut BTreeMap<String, f64>) {
        out.insert(format!("{prefix}.recall"), ratio(self.found, self.gold));
        out.insert(format!("{prefix}.precision"), ratio(self.found, self.system));
        out.insert(format!("{prefix}.speaker_accuracy"), ratio(self.speaker_right, self.found));
        out.insert(format!("{prefix}.named_attributed"), 1.0 - ratio(self.named_unattributed, self.named.max(1)));
    }
}

impl DateCounts {
    pub fn summary(&self) -> String {
        format!("dates: {}; value right {}", found(self.gold, self.found, self.system), fraction(self.value_right, self.found))
    }

    pub fn named(&self, prefix: &str, out: &mut BTreeMap<String, f64>) {
        out.insert(format!("{prefix}.recall"), ratio(self.found, self.gold));
        out.insert(format!("{prefix}.precision"), ratio(self.found, self.system));
        out.insert(format!("{prefix}.value_accuracy"), ratio(self.value_right, self.found));
    }
}

impl FigureCounts {
    pub fn summary(&self) -> String {
        format!(
            "figures: {}; value right {}, unit right {}, claimant right {}, all three right {}\nconflicts: {} true pairs, {} flagged, {} right (precision {:.3}, recall {:.3})",
            found(self.gold, self.found, self.system),
            fraction(self.value_right, self.found),
            fraction(self.unit_right, self.found),
            fraction(self.claimant_right, self.found),
            fraction(self.all_right, self.found),
            self.conflicts_gold,
            self.conflicts_system,
            self.conflicts_right,
            ratio(self.conflicts_right, self.conflicts_system),
            ratio(self.conflicts_right, self.conflicts_gold)
        )
    }

    pub fn named(&self, out: &mut BTreeMap<String, f64>) {
        out.insert("figures.recall".into(), ratio(self.found, self.gold));
        out.insert("figures.precision".into(), ratio(self.found, self.system));
        out.insert("figures.value_accuracy".into(), ratio(self.value_right, self.found));
        out.insert("figures.unit_accuracy".into(), ratio(self.unit_right, self.found));
        out.insert("figures.claimant_accuracy".into(), ratio(self.claimant_right, self.found));
        out.insert("figures.all_right".into(), ratio(self.all_right, self.found));
        out.insert("conflicts.precision".into(), ratio(self.conflicts_right, self.conflicts_system));
        out.insert("conflicts.recall".into(), ratio(self.conflicts_right, self.conflicts_gold));
    }
}

impl RelationCounts {
    pub fn summary(&self) -> String {
        format!(
            "typed relations: {} in gold, {} stated, true as stated {}, gold found {}",
            self.gold,
            self.system,
            fraction(self.right, self.system),
            fraction(self.found, self.gold)
        )
    }

    pub fn named(&self, out: &mut BTreeMap<String, f64>) {
        out.insert("relations.precision".into(), ratio(self.right, self.system));
        out.insert("relations.recall".into(), ratio(self.found, self.gold));
    }
}

/// The gold entity a corpus entity (by id) mostly holds, or the corpus id
/// when it holds none.
fn as_real<'a>(real_entity: &HashMap<&'a str, &'a str>, id: Option<&'a str>) -> Option<&'a str> {
    id.map(|id| real_entity.get(id).copied().unwrap_or(id))
}

/// Scores the quotes of one article. `real_entity` gives the gold entity a
/// corpus entity (by id) mostly holds.
pub fn quotes(
    gold: &GoldArticle,
    aligner: &Aligner,
    corpus: &Corpus,
    real_entity: &HashMap<&str, &str>,
    counts: &mut QuoteCounts,
    errors: &mut Vec<String>,
) {
    let system: Vec<_> = corpus.quotes.iter().filter(|q| q.span.article == gold.id).collect();
    counts.system += system.len();
    counts.gold += gold.quotes.len();
    for quote in &gold.quotes {
        let Some(mark) = aligner.map(quote.mark.start, quote.mark.end) else { continue };
        // The pipeline's span holds the quoted words, which start right after the mark.
        let Some(found) = system.iter().find(|q| q.span.start >= mark.end && q.span.start <= mark.end + 1) else {
            errors.push(format!("{}:{}: quote missed", gold.id, quote.line));
            continue;
        };
        counts.found += 1;
        let said_by = as_real(real_entity, found.speaker.as_deref());
        counts.named += usize::from(quote.speaker.is_some());
        counts.named_unattributed += usize::from(quote.speaker.is_some() && said_by.is_none());
        if said_by == quote.speaker.as_deref() {
            counts.speaker_right += 1;
        } else {
            let opening: String = found.text.chars().take(40).collect();
            errors.push(format!(
                "{}:{}: speaker {} found as {} \"{opening}…\"",
                gold.id,
                quote.line,
                quote.speaker.as_deref().unwrap_or("none"),
                said_by.unwrap_or("none")
            ));
        }
    }
}

fn same_value(gold: &GoldDateValue, found: &EventDate) -> bool {
    found.value.as_deref() == Some(gold.start.as_str())
        && gold.end.as_ref().is_none_or(|end| found.end.as_ref().is_some_and(|e| &e.value == end))
}

/// Scores the date expressions of one article against the dates its events carry.
pub fn dates(gold: &GoldArticle, aligner: &Aligner, corpus: &Corpus, counts: &mut DateCounts, errors: &mut Vec<String>) {
    let mut system: Vec<&EventDate> = Vec::new();
    for event in corpus.events.iter().filter(|e| e.article == gold.id) {
        if !system.iter().any(|d| d.span.start == event.date.span.start && d.span.end == event.date.span.end) {
            system.push(&event.date);
        }
    }
    counts.system += system.len();
    counts.gold += gold.dates.len();
    let mut used = vec![false; system.len()];
    for date in &gold.dates {
        let written = &gold.raw[date.span.clone()];
        let Some(span) = aligner.map(date.span.start, date.span.end) else { continue };
        let Some(i) = (0..system.len()).find(|&i| !used[i] && system[i].span.start < span.end && span.start < system[i].span.end) else {
            errors.push(format!("{}:{}: date missed {written:?}", gold.id, date.line));
            continue;
        };
        used[i] = true;
        counts.found += 1;
        let found = system[i];
        let right = match &date.value {
            Some(value) => same_value(value, found),
            None => found.value.is_none(),
        };
        if right {
            counts.value_right += 1;
        } else {
            let show = |value: Option<&str>, end: Option<&str>| match (value, end) {
                (Some(v), Some(e)) => format!("{v}/{e}"),
                (Some(v), None) => v.to_string(),
                (None, _) => "?".to_string(),
            };
            errors.push(format!(
                "{}:{}: date {written:?} is {} found as {:?} {}",
                gold.id,
                date.line,
                date.value.as_ref().map_or("?".to_string(), |v| show(Some(&v.start), v.end.as_deref())),
                found.as_written,
                show(found.value.as_deref(), found.end.as_ref().map(|e| e.value.as_str()))
            ));
        }
    }
    for (date, _) in system.iter().zip(&used).filter(|(_, used)| !**used) {
        errors.push(format!("{}: spurious date {:?}", gold.id, date.as_written));
    }
}

/// Units name the same thing: equal ignoring case, or noun phrases with the
/// same last word, singular or plural ("poorer countries", "countries").
fn same_unit(gold: Option<&str>, found: Option<&str>) -> bool {
    let head = |unit: &str| {
        let last = unit.rsplit(' ').next().unwrap_or(unit).to_lowercase();
        last.strip_suffix('s').filter(|stem| stem.len() > 1).map_or(last.clone(), str::to_string)
    };
    match (gold, found) {
        (Some(gold), Some(found)) => gold.eq_ignore_ascii_case(found) || head(gold) == head(found),
        (None, None) => true,
        _ => false,
    }
}

fn same_number(gold: f64, found: f64) -> bool {
    (gold - found).abs() <= 1e-6 * gold.abs().max(1.0)
}

/// Scores the figures of one article and the conflicts between them.
pub fn figures(
    gold: &GoldArticle,
    aligner: &Aligner,
    corpus: &Corpus,
    real_entity: &HashMap<&str, &str>,
    counts: &mut FigureCounts,
    errors: &mut Vec<String>,
) {
    let system: Vec<_> = corpus.figures.iter().filter(|f| f.span.article == gold.id).collect();
    counts.system += system.len();
    counts.gold += gold.figures.len();
    // Which gold figure each system figure was matched to.
    let mut matched: HashMap<&str, usize> = HashMap::new();
    for (index, figure) in gold.figures.iter().enumerate() {
        let written = &gold.raw[figure.span.clone()];
        let Some(span) = aligner.map(figure.span.start, figure.span.end) else { continue };
        let found = system.iter().find(|f| !matched.contains_key(f.id.as_str()) && f.span.start < span.end && span.start < f.span.end);
        let Some(found) = found else {
            errors.push(format!("{}:{}: figure missed {written:?}", gold.id, figure.line));
            continue;
        };
        matched.insert(&found.id, index);
        counts.found += 1;
        let claimant = as_real(real_entity, found.claimant.as_deref());
        let value = same_number(figure.value, found.value);
        let unit = same_unit(figure.unit.as_deref(), found.unit.as_deref());
        let claimed = claimant == figure.claimant.as_deref();
        counts.value_right += usize::from(value);
        counts.unit_right += usize::from(unit);
        counts.claimant_right += usize::from(claimed);
        counts.all_right += usize::from(value && unit && claimed);
        if !(value && unit && claimed) {
            errors.push(format!(
                "{}:{}: figure {written:?} is {} {} by {} found as {:?} {} {} by {}",
                gold.id,
                figure.line,
                figure.value,
                figure.unit.as_deref().unwrap_or("none"),
                figure.claimant.as_deref().unwrap_or("none"),
                found.text,
                found.value,
                found.unit.as_deref().unwrap_or("none"),
                claimant.unwrap_or("none")
            ));
        }
    }
    let group = |index: usize| gold.figures[index].conflict.as_deref();
    let rivals = |i: usize, j: usize| group(i).is_some() && group(i) == group(j);
    for i in 0..gold.figures.len() {
        counts.conflicts_gold += (i + 1..gold.figures.len()).filter(|&j| rivals(i, j)).count();
    }
    let flagged: BTreeSet<(&str, &str)> = system
        .iter()
        .flat_map(|f| {
            f.conflicts_with.iter().map(move |other| {
                if f.id.as_str() < other.as_str() {
                    (f.id.as_str(), other.as_str())
                } else {
                    (other.as_str(), f.id.as_str())
                }
            })
        })
        .collect();
    for (a, b) in flagged {
        counts.conflicts_system += 1;
        let same_group = match (matched.get(a), matched.get(b)) {
            (Some(&a), Some(&b)) => rivals(a, b),
            _ => false,
        };
        if same_group {
            counts.conflicts_right += 1;
        } else {
            let text = |id: &str| system.iter().find(|f| f.id == id).map_or(String::new(), |f| f.text.clone());
            errors.push(format!("{}: spurious conflict {:?} ↔ {:?}", gold.id, text(a), text(b)));
        }
    }
}

/// A stated relation is true when the gold has it, or has the pair with a
/// kind that implies it (a head or a spokesperson is a member).
fn relation_holds(gold: &[GoldRelation], source: &str, kind: RelationKind, target: &str) -> bool {
    gold.iter().any(|g| {
        g.source == source
            && g.target == target
            && (g.kind == kind || (kind == RelationKind::MemberOf && matches!(g.kind, RelationKind::HeadOf | RelationKind::SpokespersonOf)))
    })
}

/// Scores the typed relations the pipeline states in one article, when the
/// article annotates relations.
pub fn relations(
    gold: &GoldArticle,
    corpus: &Corpus,
    real_entity: &HashMap<&str, &str>,
    counts: &mut RelationCounts,
    errors: &mut Vec<String>,
) {
    let Some(expected) = &gold.relations else { return };
    let real = |id: &str| real_entity.get(id).copied().unwrap_or("(not a gold entity)").to_string();
    let stated: BTreeSet<(String, RelationKind, String)> = corpus
        .relations
        .iter()
        .filter(|r| r.kind != RelationKind::CoOccurs && r.evidence.iter().any(|span| span.article == gold.id))
        .map(|r| (real(&r.source), r.kind, real(&r.target)))
        .collect();
    counts.gold += expected.len();
    counts.system += stated.len();
    for (source, kind, target) in &stated {
        if relation_holds(expected, source, *kind, target) {
            counts.right += 1;
        } else {
            errors.push(format!("{}: spurious relation {source} {} {target}", gold.id, kind.as_str()));
        }
    }
    for relation in expected {
        if stated.iter().any(|(s, k, t)| relation_holds(std::slice::from_ref(relation), s, *k, t)) {
            counts.found += 1;
        } else {
            errors.push(format!("{}: relation missed {} {} {}", gold.id, relation.source, relation.kind.as_str(), relation.target));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_match_on_their_head_noun() {
        assert!(same_unit(Some("poorer countries"), Some("countries")));
        assert!(same_unit(Some("time"), Some("times")));
        assert!(same_unit(Some("%"), Some("%")));
        assert!(same_unit(None, None));
        assert!(!same_unit(Some("$"), Some("£")));
        assert!(!same_unit(Some("people"), None));
        assert!(!same_unit(Some("m"), Some("km")));
    }

    #[test]
    fn a_member_of_is_true_of_a_head() {
        let gold = [GoldRelation { source: "a".into(), kind: RelationKind::HeadOf, target: "b".into() }];
        assert!(relation_holds(&gold, "a", RelationKind::MemberOf, "b"));
        assert!(relation_holds(&gold, "a", RelationKind::HeadOf, "b"));
        assert!(!relation_holds(&gold, "a", RelationKind::AdviserTo, "b"));
        assert!(!relation_holds(&gold, "b", RelationKind::MemberOf, "a"));
    }
}
