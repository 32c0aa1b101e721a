//! `corpus evaluate`: the pipeline scored against a hand-annotated gold set
//! (`tests/gold/`, format in `docs/annotation.md`). Pure: the CLI reads the
//! files, this module parses, builds one corpus of all gold articles, scores
//! each split and compares with a committed baseline.

pub mod align;
pub mod gold;
pub mod score;
pub mod statements;

use crate::pipeline::{self, ArticleInput};
use gold::{GoldArticle, Split};
use score::Scores;
use std::collections::BTreeMap;

pub struct Evaluation {
    pub dev: Scores,
    pub heldout: Scores,
    pub all: Scores,
}

impl Evaluation {
    pub fn splits(&self) -> [(&'static str, &Scores); 3] {
        [("dev", &self.dev), ("heldout", &self.heldout), ("all", &self.all)]
    }

    /// Every score as `split.name`, higher is better.
    pub fn named(&self) -> BTreeMap<String, f64> {
        self.splits().iter().flat_map(|(split, scores)| scores.named().into_iter().map(move |(k, v)| (format!("{split}.{k}"), v))).collect()
    }

    /// The scores that fell below `baseline` (name, baseline, now); a name
    /// the evaluation no longer gives counts as fallen to zero.
    pub fn regressions(&self, baseline: &BTreeMap<String, f64>) -> Vec<(String, f64, f64)> {
        let now = self.named();
        baseline
            .iter()
            .filter_map(|(name, &then)| {
                let current = now.get(name).copied().unwrap_or(0.0);
                (current + 1e-9 < then).then(|| (name.clone(), then, current))
            })
            .collect()
    }
}

/// Builds one corpus of all gold articles and scores it.
pub fn evaluate(articles: &[GoldArticle]) -> Evaluation {
    let inputs: Vec<ArticleInput> = articles
        .iter()
        .map(|gold| ArticleInput {
            id: gold.id.clone(),
            outlet: gold.outlet.clone(),
            url: None,
            published: gold.published,
            title: gold.title.clone(),
            raw: gold.raw.clone(),
        })
        .collect();
    let corpus = pipeline::build(&inputs).corpus;
    let of = |split: Option<Split>| -> Vec<&GoldArticle> { articles.iter().filter(|a| split.is_none_or(|s| a.split == s)).collect() };
    Evaluation {
        dev: score::score(&of(Some(Split::Dev)), &corpus),
        heldout: score::score(&of(Some(Split::Heldout)), &corpus),
        all: score::score(&of(None), &corpus),
    }
}

/// A baseline file: `name = score` lines, scores rounded down to 4 places
/// so that the same build always meets its own baseline.
pub fn baseline_text(evaluation: &Evaluation) -> String {
    let mut text = String::from("# Written by `corpus evaluate tests/gold --write-baseline`; a test fails if any score drops below.\n");
    for (name, value) in evaluation.named() {
        text.push_str(&format!("\"{name}\" = {:.4}\n", (value * 10_000.0).floor() / 10_000.0));
    }
    text
}

pub fn parse_baseline(file: &str, text: &str) -> Result<BTreeMap<String, f64>, String> {
    toml::from_str(text).map_err(|e| format!("{file}: {}", e.message()))
}
