//! `corpus build DIR --out FILE`: reads `DIR/corpus.toml` and the articles it
//! lists, runs the pipeline and writes the corpus JSON atomically. All I/O of
//! the pipeline happens here; errors are reported in one place.

use clap::{Parser, Subcommand};
use corpus_explorer::pipeline::{self, manifest, ArticleInput};
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
    },
}

fn main() -> ExitCode {
    let Command::Build { dir, out } = Cli::parse().command;
    match build(&dir, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn build(dir: &Path, out: &Path) -> Result<(), String> {
    let manifest_path = dir.join("corpus.toml");
    let manifest_name = manifest_path.display().to_string();
    let text = std::fs::read_to_string(&manifest_path).map_err(|e| format!("{manifest_name}: cannot read: {e}"))?;
    let entries = manifest::parse(&manifest_name, &text).map_err(|e| e.to_string())?;
    let mut inputs = Vec::with_capacity(entries.len());
    let mut ids = std::collections::HashMap::new();
    for entry in entries {
        let path = dir.join(&entry.file);
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).map_err(|e| format!("{manifest_name}:{}: cannot read `{}`: {e}", entry.line, name))?;
        let raw = manifest::decode_article(&name, bytes).map_err(|e| e.to_string())?;
        let id = manifest::article_id(&entry.file);
        if let Some(other) = ids.insert(id.clone(), entry.line) {
            return Err(format!("{manifest_name}:{}: article id `{id}` is also the id of the file on line {other}; rename one file", entry.line));
        }
        inputs.push(ArticleInput { id, outlet: entry.outlet, url: entry.url, published: entry.published, title: entry.title, raw });
    }
    let built = pipeline::build(&inputs);
    for warning in &built.warnings {
        eprintln!("warning: {warning}");
    }
    let mut json = serde_json::to_string(&built.corpus).map_err(|e| format!("cannot serialise the corpus: {e}"))?;
    json.push('\n');
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
