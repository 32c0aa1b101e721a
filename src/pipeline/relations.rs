//! Relations between corpus entities: typed ones from roles and appositions
//! (`spokesperson_of`, `adviser_to`, `head_of`, `member_of`) and `co_occurs`
//! from shared sentences, each with every supporting sentence.

use super::merge::Merged;
use super::ArticleAnalysis;
use crate::model::{Relation, Span};
use std::collections::{BTreeMap, BTreeSet};

pub fn derive(analyses: &[ArticleAnalysis], merged: &Merged) -> Vec<Relation> {
    let mut found: BTreeMap<(String, String, String), BTreeSet<Span>> = BTreeMap::new();
    for (article, analysis) in analyses.iter().enumerate() {
        let id = |local: usize| merged.entities[merged.local_to_global[article][local]].id.clone();
        for link in &analysis.entities.links {
            let (source, target) = (id(link.person), id(link.organization));
            if source != target {
                found.entry((link.kind.to_string(), source, target)).or_default().insert(analysis.sentence_span(link.sentence));
            }
        }
        let mut by_sentence: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
        for mention in &analysis.entities.mentions {
            by_sentence.entry(mention.sentence).or_default().insert(id(mention.entity));
        }
        for (sentence, ids) in by_sentence {
            let ids: Vec<&String> = ids.iter().collect();
            for (i, source) in ids.iter().enumerate() {
                for target in &ids[i + 1..] {
                    found
                        .entry(("co_occurs".to_string(), (*source).clone(), (*target).clone()))
                        .or_default()
                        .insert(analysis.sentence_span(sentence));
                }
            }
        }
    }
    found
        .into_iter()
        .enumerate()
        .map(|(index, ((kind, source, target), evidence))| Relation {
            id: format!("rel-{}", index + 1),
            source,
            target,
            kind,
            evidence: evidence.into_iter().collect(),
        })
        .collect()
}
