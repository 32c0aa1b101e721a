//! Relations between corpus entities: typed ones from roles and appositions
//! (`spokesperson_of`, `adviser_to`, `head_of`, `member_of`,
//! `affiliated_with`) and `co_occurs` from shared sentences, each with every
//! supporting sentence. They are numbered in order of kind (its JSON string,
//! see `RelationKind`'s `Ord`), source and target.

use super::merge::Merged;
use super::ArticleAnalysis;
use crate::model::{Relation, RelationKind, Span};
use std::collections::{BTreeMap, BTreeSet};

pub fn derive(analyses: &[ArticleAnalysis], merged: &Merged) -> Vec<Relation> {
    let mut found: BTreeMap<(RelationKind, String, String), BTreeSet<Span>> = BTreeMap::new();
    for (article, analysis) in analyses.iter().enumerate() {
        let id = |local: usize| merged.entities[merged.local_to_global[article][local]].id.clone();
        for link in &analysis.entities.links {
            let (source, target) = (id(link.person), id(link.organization));
            if source != target {
                found.entry((link.kind, source, target)).or_default().insert(analysis.sentence_span(link.sentence));
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
                        .entry((RelationKind::CoOccurs, (*source).clone(), (*target).clone()))
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
            source: source.into(),
            target: target.into(),
            kind,
            evidence: evidence.into_iter().collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{build, ArticleInput};

    /// Relations as "source kind target ×evidence", sorted.
    fn check(text: &str, expected: &[&str]) {
        let input = ArticleInput {
            id: "a".into(),
            outlet: "T".into(),
            url: None,
            published: None,
            title: None,
            raw: format!("Headline\n\n{text}"),
        };
        let corpus = build(&[input]).corpus;
        let name = |id: &str| corpus.entity(id).map_or(id.to_string(), |e| e.name.clone());
        let mut got: Vec<String> = corpus
            .relations
            .iter()
            .map(|r| format!("{} {} {} ×{}", name(&r.source), r.kind.as_str(), name(&r.target), r.evidence.len()))
            .collect();
        got.sort();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_role_after_of_in_an_apposition_is_someone_elses() {
        check("Anne Robinson, a friend of the Labour Party leader, spoke.", &["Anne Robinson co_occurs Labour Party ×1"]);
    }

    #[test]
    fn a_former_boss_named_before_the_organisation_is_a_member() {
        check(
            "The court heard that former Yukos boss Mikhail Khodorkovsky was in jail.",
            &["Mikhail Khodorkovsky co_occurs Yukos ×1", "Mikhail Khodorkovsky member_of Yukos ×1"],
        );
    }

    #[test]
    fn roles_give_typed_relations_and_sentences_give_co_occurrence() {
        check(
            "Foreign Ministry spokesman Chum Sounry met Bill Herod, an adviser to Oxfam International. Chum Sounry and Bill Herod spoke again.",
            &[
                "Bill Herod adviser_to Oxfam International ×1",
                "Bill Herod co_occurs Chum Sounry ×2",
                "Bill Herod co_occurs Foreign Ministry ×1",
                "Bill Herod co_occurs Oxfam International ×1",
                "Chum Sounry co_occurs Foreign Ministry ×1",
                "Chum Sounry co_occurs Oxfam International ×1",
                "Chum Sounry spokesperson_of Foreign Ministry ×1",
                "Foreign Ministry co_occurs Oxfam International ×1",
            ],
        );
    }
}
