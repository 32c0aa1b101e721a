//! `corpus build DIR --out FILE`: reads `DIR/corpus.toml` and the articles it
//! lists, runs the pipeline and writes the corpus JSON atomically.
//! `corpus evaluate GOLD_DIR`: scores the pipeline on a hand-annotated gold
//! set. `corpus scale INPUT --events N --entities M --out FILE`: a larger
//! corpus made from INPUT, for benchmarks. All I/O of the pipeline happens
//! here; errors are reported in one place.

use clap::{Parser, Subcommand, ValueEnum};
use corpus_explorer::model::Corpus;
use corpus_explorer::output::write_atomically;
use corpus_explorer::{evaluation, pipeline, scale, source};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "corpus", about = "Turns scraped news articles into an evidence-linked corpus")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the corpus JSON from DIR/corpus.toml and the articles it lists.
    Build {
        /// Folder holding corpus.toml; article paths are relative to it.
        dir: PathBuf,
        /// Where to write the corpus JSON (written atomically).
        #[arg(long)]
        out: PathBuf,
        /// Take every .txt file under DIR instead, undated, headline on the
        /// first line (datasets such as the BBC collection come so).
        #[arg(long, value_name = "OUTLET")]
        plain: Option<String>,
    },
    /// Score the pipeline on the gold articles (*.gold) of GOLD_DIR: precision,
    /// recall and F1 per entity kind, and how entities are merged.
    Evaluate {
        gold_dir: PathBuf,
        /// Which articles to report; the corpus is always built from all of them.
        #[arg(long, value_enum, default_value_t = Report::Both)]
        split: Report,
        /// Also list every disagreement (missed, spurious, wrong kind, bounds, merges).
        #[arg(long)]
        errors: bool,
        /// Fail if any score is below the one this file gives.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Write the current scores as a baseline file (atomically).
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
    },
    /// Make a larger corpus from INPUT (a corpus JSON), for benchmarks:
    /// copies of its articles with new ids, dates moved and, as far as
    /// --entities asks, entities renamed. Every span stays valid.
    Scale {
        input: PathBuf,
        /// Exactly this many events.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
        events: u64,
        /// At least this many entities (more only when INPUT has more).
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
        entities: u64,
        /// The same seed gives the same bytes.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the corpus JSON (written atomically).
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Report {
    Dev,
    Heldout,
    All,
    /// dev, heldout and all
    Both,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Build { dir, out, plain } => build(&dir, &out, plain.as_deref()),
        Command::Evaluate { gold_dir, split, errors, baseline, write_baseline } => {
            evaluate(&gold_dir, split, errors, baseline.as_deref(), write_baseline.as_deref())
        }
        Command::Scale { input, events, entities, seed, out } => {
            scale_corpus(&input, scale::Target { events: events as usize, entities: entities as usize, seed }, &out)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn evaluate(dir: &Path, report: Report, errors: bool, baseline: Option<&Path>, write_baseline: Option<&Path>) -> Result<(), String> {
    let articles = source::read_gold_folder(dir)?;
    let evaluation = evaluation::evaluate(&articles);
    let mut out = std::io::stdout().lock();
    for (name, scores) in evaluation.splits() {
        let wanted = match report {
            Report::Dev => name == "dev",
            Report::Heldout => name == "heldout",
            Report::All => name == "all",
            Report::Both => true,
        };
        if !wanted {
            continue;
        }
        let _ = writeln!(out, "== {name}: {} articles\n{}", scores.articles, scores.table());
        if errors {
            for error in &scores.errors {
                let _ = writeln!(out, "  {error}");
            }
        }
    }
    if let Some(path) = write_baseline {
        write_atomically(path, evaluation::baseline_text(&evaluation).as_bytes())?;
    }
    if let Some(path) = baseline {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
        let fallen = evaluation.regressions(&evaluation::parse_baseline(&name, &text)?);
        if !fallen.is_empty() {
            let lines: Vec<String> = fallen.iter().map(|(score, then, now)| format!("  {score}: {then:.4} -> {now:.4}")).collect();
            return Err(format!("{name}: {} scores fell below the baseline:\n{}", fallen.len(), lines.join("\n")));
        }
    }
    Ok(())
}

fn build(dir: &Path, out: &Path, plain: Option<&str>) -> Result<(), String> {
    let inputs = match plain {
        Some(outlet) => source::read_plain_folder(dir, outlet)?,
        None => source::read_inputs(dir)?,
    };
    let built = pipeline::build(&inputs);
    for warning in &built.warnings {
        eprintln!("warning: {warning}");
    }
    write_corpus(&built.corpus, out, &format!(", {} warnings", built.warnings.len()))
}

fn scale_corpus(input: &Path, target: scale::Target, out: &Path) -> Result<(), String> {
    let name = input.display();
    let text = std::fs::read_to_string(input).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let corpus: Corpus = serde_json::from_str(&text).map_err(|e| format!("{name}: not a corpus JSON: {e}"))?;
    write_corpus(&scale::scale(&corpus, &target)?, out, &format!(" (seed {})", target.seed))
}

/// Writes the corpus JSON atomically and says what it holds.
fn write_corpus(corpus: &Corpus, out: &Path, note: &str) -> Result<(), String> {
    write_atomically(out, source::to_json(corpus)?.as_bytes())?;
    eprintln!(
        "corpus {}: {} articles, {} entities, {} events, {} quotes, {} figures, {} relations{note} -> {}",
        corpus.version,
        corpus.articles.len(),
        corpus.entities.len(),
        corpus.events.len(),
        corpus.quotes.len(),
        corpus.figures.len(),
        corpus.relations.len(),
        out.display()
    );
    Ok(())
}
