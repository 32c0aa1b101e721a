//! The shipped corpus file is exactly what `corpus build corpus/` writes, so it never goes stale.

use super::*;

#[test]
fn shipped_corpus_equals_a_fresh_build() {
    let fresh = source::to_json(&build(&seed_inputs())).expect("serialises");
    let shipped = std::fs::read_to_string(repo_path("corpus/corpus.json")).expect("corpus/corpus.json exists");
    assert!(
        fresh == shipped,
        "corpus/corpus.json is stale: run `cargo run --release --bin corpus -- build corpus --out corpus/corpus.json`"
    );
}

#[test]
fn the_corpus_round_trips_through_json() {
    let corpus = build(&seed_inputs());
    let json = source::to_json(&corpus).expect("serialises");
    let back: Corpus = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, corpus);
    assert_eq!(back.schema_version, corpus_explorer::model::SCHEMA_VERSION);
    assert_eq!(back.version.len(), 8);
}
