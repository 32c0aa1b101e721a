//! Scores what the text says beyond names: who said each quote, and where
//! each date expression places it in calendar time.

use super::align::Aligner;
use super::gold::{GoldArticle, GoldDateValue};
use super::score::ratio;
use crate::model::{Corpus, EventDate};
use std::collections::{BTreeMap, HashMap};

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
        let said_by = found.speaker.as_deref().map(|id| real_entity.get(id).copied().unwrap_or(id));
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
