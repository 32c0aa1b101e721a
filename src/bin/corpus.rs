//! `corpus build DIR --out FILE`: reads `DIR/corpus.toml` and the articles it
//! lists, runs the pipeline and writes the corpus JSON atomically. All I/O of
//! the pipeline happens here; errors are reported in one place.

use clap::{Parser, Subcommand};
use corpus_explorer::{pipeline, source};
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
}

fn main() -> ExitCode {
    let Command::Build { dir, out, plain } = Cli::parse().command;
    match build(&dir, &out, plain.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
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
    let json = source::to_json(&built.corpus)?;
    write_atomically(out, json.as_bytes())?;
    let corpus = &built.corpus;
    eprintln!(
        "corpus {}: {} articles, {} entities, {} events, {} quotes, {} figures, {} relations, {} warnings -> {}",
        corpus.version,
        corpus.articles.len(),
        corpus.entities.len(),
        corpus.events.len(),
        corpus.quotes.len(),
        corpus.figures.len(),
        corpus.relations.len(),
        built.warnings.len(),
        out.display()
    );
    Ok(())
}

/// Writes beside the target and renames, so readers never see half a file.
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), String> {
    let name = out.display();
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file_name = out.file_name().ok_or_else(|| format!("{name}: not a file path"))?;
    let temporary = parent.join(format!(".{}.{}.tmp", file_name.to_string_lossy(), std::process::id()));
    let result = (|| {
        std::fs::create_dir_all(parent)?;
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, out)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        format!("{name}: cannot write: {e}")
    })
}
