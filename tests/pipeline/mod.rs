//! Integration tests of the corpus pipeline and the `corpus` CLI.

mod bbc;
mod cli;
mod gold;
mod hostile;
mod scale;
mod seeds;
mod shipped;
mod spans;
mod variants;

use corpus_explorer::model::{Corpus, Entity, EntityKind};
use corpus_explorer::pipeline::{self, ArticleInput};
use corpus_explorer::source;
use std::path::{Path, PathBuf};

pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

pub fn seed_inputs() -> Vec<ArticleInput> {
    source::read_inputs(&repo_path("corpus")).expect("corpus/ reads")
}

pub fn build(inputs: &[ArticleInput]) -> Corpus {
    pipeline::build(inputs).corpus
}

pub fn entity<'c>(corpus: &'c Corpus, name: &str) -> &'c Entity {
    corpus
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity named {name:?}; have {:?}", corpus.entities.iter().map(|e| &e.name).collect::<Vec<_>>()))
}

pub fn persons(corpus: &Corpus) -> Vec<(String, Vec<String>)> {
    let mut persons: Vec<(String, Vec<String>)> =
        corpus.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| (e.name.clone(), e.aliases.clone())).collect();
    persons.sort();
    persons
}

/// Every quote as (speaker name or "nobody", first words).
pub fn quotes(corpus: &Corpus) -> Vec<(String, String)> {
    corpus
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().and_then(|id| corpus.entity(id)).map_or("nobody".to_string(), |e| e.name.clone());
            (speaker, q.text.split_whitespace().take(4).collect::<Vec<_>>().join(" "))
        })
        .collect()
}

/// Every event as "as written => value[..end] precision".
pub fn dates(corpus: &Corpus) -> Vec<String> {
    corpus
        .events
        .iter()
        .map(|e| {
            let end = e.date.end.as_ref().map_or(String::new(), |p| format!("..{}", p.value));
            format!("{} => {}{} {:?}", e.date.as_written, e.date.value.as_deref().unwrap_or("?"), end, e.date.precision)
        })
        .collect()
}

/// Every figure as "text value unit claimant [conflicting values]".
pub fn figures(corpus: &Corpus) -> Vec<String> {
    corpus
        .figures
        .iter()
        .map(|f| {
            let claimant = f.claimant.as_ref().and_then(|id| corpus.entity(id)).map_or("-", |e| e.name.as_str());
            let conflicts: Vec<String> =
                f.conflicts_with.iter().filter_map(|id| corpus.figures.iter().find(|o| &o.id == id)).map(|o| o.value.to_string()).collect();
            format!("{} = {} {} ({claimant}) {conflicts:?}", f.text, f.value, f.unit.as_deref().unwrap_or("-"))
        })
        .collect()
}

/// Typed (non co-occurrence) relations as "source kind target".
pub fn role_relations(corpus: &Corpus) -> Vec<String> {
    let name = |id: &str| corpus.entity(id).map_or(id.to_string(), |e| e.name.clone());
    let mut out: Vec<String> = corpus
        .relations
        .iter()
        .filter(|r| r.kind.is_typed())
        .map(|r| format!("{} {} {}", name(&r.source), r.kind.as_str(), name(&r.target)))
        .collect();
    out.sort();
    out
}
