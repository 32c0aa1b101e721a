//! The gold set (`tests/gold/`): it parses, each file gives back its raw
//! article byte for byte, and no score falls below the committed baseline.

use super::repo_path;
use corpus_explorer::{evaluation, source};

#[test]
fn gold_files_strip_back_to_their_sources() {
    let articles = source::read_gold_folder(&repo_path("tests/gold")).expect("gold set reads");
    assert!(articles.len() >= 42, "{} gold articles", articles.len());
    assert!(articles.iter().filter(|a| a.split == evaluation::gold::Split::Heldout).count() >= 10);
    for article in &articles {
        let path = repo_path("../shared").join(&article.source);
        if let Ok(raw) = std::fs::read_to_string(&path) {
            assert!(raw == article.raw, "{}: markup does not strip back to {}", article.id, path.display());
        }
    }
}

#[test]
fn no_score_falls_below_the_baseline() {
    let articles = source::read_gold_folder(&repo_path("tests/gold")).expect("gold set reads");
    let text = std::fs::read_to_string(repo_path("tests/gold/baseline.toml")).expect("baseline reads");
    let baseline = evaluation::parse_baseline("tests/gold/baseline.toml", &text).expect("baseline parses");
    let evaluation = evaluation::evaluate(&articles);
    let fallen = evaluation.regressions(&baseline);
    assert!(fallen.is_empty(), "scores below the baseline (name, baseline, now): {fallen:#?}\n{}", evaluation.all.table());
}
