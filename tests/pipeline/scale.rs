//! `corpus scale` on the shipped corpus: the counts asked for, the same bytes
//! for the same seed, unique ids, valid spans, and a corpus the explorer's
//! view model reads; bad arguments name the option.

use super::spans::check_spans;
use super::*;
use corpus_explorer::scale::{scale, Target};
use corpus_explorer::view::filter::{apply, Index};
use corpus_explorer::view::state::ViewState;
use std::collections::HashSet;
use std::process::Command;

fn shipped() -> Corpus {
    serde_json::from_str(&std::fs::read_to_string(repo_path("corpus/corpus.json")).expect("corpus/corpus.json")).expect("parses")
}

const TARGET: Target = Target { events: 500, entities: 400, seed: 7 };

#[test]
fn scaled_corpus_has_the_counts_unique_ids_and_valid_spans() {
    let scaled = scale(&shipped(), &TARGET).expect("scales");
    assert_eq!(scaled.events.len(), TARGET.events);
    assert_eq!(scaled.entities.len(), TARGET.entities);
    let all_unique = |ids: Vec<&str>| ids.len() == ids.iter().collect::<HashSet<_>>().len();
    assert!(all_unique(scaled.articles.iter().map(|a| a.id.as_str()).collect()));
    assert!(all_unique(scaled.entities.iter().map(|e| e.id.as_str()).collect()));
    assert!(all_unique(scaled.events.iter().map(|e| e.id.as_str()).collect()));
    assert!(all_unique(scaled.quotes.iter().map(|q| q.id.as_str()).collect()));
    assert!(all_unique(scaled.figures.iter().map(|f| f.id.as_str()).collect()));
    assert!(all_unique(scaled.relations.iter().map(|r| r.id.as_str()).collect()));
    check_spans(&scaled);

    let back: Corpus = serde_json::from_str(&source::to_json(&scaled).expect("serialises")).expect("parses");
    assert_eq!(back, scaled);
    let index = Index::new(&back);
    assert_eq!(apply(&back, &index, &ViewState::default().filters()).events.len(), TARGET.events);
}

fn corpus_scale(args: &[&str], out: &Path) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .arg("scale")
        .arg(repo_path("corpus/corpus.json"))
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("runs");
    (output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn the_cli_writes_the_same_bytes_for_the_same_seed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let args = ["--events", "300", "--entities", "250", "--seed", "3"];
    let (first, second) = (dir.path().join("a.json"), dir.path().join("b.json"));
    let (ok, stderr) = corpus_scale(&args, &first);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("250 entities, 300 events"), "{stderr}");
    assert!(corpus_scale(&args, &second).0);
    assert_eq!(std::fs::read(&first).expect("written"), std::fs::read(&second).expect("written"));
}

#[test]
fn bad_arguments_name_the_option() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.json");
    for (args, expected) in [
        (["--events", "0", "--entities", "5"], "'--events <EVENTS>'"),
        (["--events", "5", "--entities", "-1"], "--entities"),
        (["--events", "99999999", "--entities", "5"], "--events 99999999 needs"),
    ] {
        let (ok, stderr) = corpus_scale(&args, &out);
        assert!(!ok && stderr.contains(expected), "{args:?}: {stderr}");
    }
    assert!(!out.exists(), "nothing written on error");
}
