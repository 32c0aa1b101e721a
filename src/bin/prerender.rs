//! `prerender --site DIR [--corpus FILE]`: renders the explorer's default
//! view of the corpus into `DIR/index.html` and embeds the corpus beside it,
//! atomically, with its Content-Security-Policy (`csp`). Trunk runs it after each build (a hook in `Trunk.toml`), with
//! `DIR` its staging folder; `EXPLORER_CORPUS` chooses another corpus.

use clap::Parser;
use corpus_explorer::app::prerender;
use corpus_explorer::csp;
use corpus_explorer::model::{Corpus, SCHEMA_VERSION};
use corpus_explorer::output::write_atomically;
use corpus_explorer::page;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "prerender", about = "Prerenders the explorer's default view and embeds the corpus in the built page")]
struct Cli {
    /// The built site's folder, holding the index.html Trunk wrote.
    #[arg(long, env = "TRUNK_STAGING_DIR")]
    site: PathBuf,
    /// The corpus JSON to embed.
    #[arg(long, env = "EXPLORER_CORPUS", default_value = "corpus/corpus.json")]
    corpus: PathBuf,
}

fn main() -> ExitCode {
    match run(&Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> Result<(), String> {
    let corpus_name = cli.corpus.display();
    let corpus_json = std::fs::read_to_string(&cli.corpus).map_err(|e| format!("{corpus_name}: cannot read: {e}"))?;
    let corpus: Corpus = serde_json::from_str(&corpus_json).map_err(|e| format!("{corpus_name}: not a corpus: {e}"))?;
    if corpus.schema_version != SCHEMA_VERSION {
        return Err(format!(
            "{corpus_name}: schema_version {} but this explorer reads {SCHEMA_VERSION}; rebuild it with `corpus build`",
            corpus.schema_version
        ));
    }
    let page_path = cli.site.join("index.html");
    let page_name = page_path.display();
    let template = std::fs::read_to_string(&page_path).map_err(|e| format!("{page_name}: cannot read: {e}"))?;
    let (head, pieces) =
        page::corpus_pieces(&corpus, page::PIECE_BYTES).map_err(|e| format!("{corpus_name}: cannot cut into pieces: {e}"))?;
    let view = prerender::default_view(corpus).map_err(|e| format!("cannot start the renderer: {e}"))?;
    let page = page::assemble(&template, &view, &head, &pieces).map_err(|e| format!("{page_name}: {e}"))?;
    let page = csp::with_policy(&page).ok_or_else(|| {
        format!("{page_name}: no `<meta charset>` or `<head>` to put the Content-Security-Policy after, or a policy already")
    })?;
    write_atomically(&page_path, page.as_bytes())?;
    let embedded: usize = pieces.iter().map(String::len).sum();
    eprintln!("prerender: {page_name}: default view {} KiB, corpus {} KiB in {} pieces", view.len() / 1024, embedded / 1024, pieces.len());
    Ok(())
}
