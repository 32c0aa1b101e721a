//! Reading a corpus folder (`DIR/corpus.toml` and the article files it
//! lists, or a plain folder) into pipeline inputs, and a gold folder into
//! gold articles. This is the pipeline's only file input; every error names
//! the file and line.

use crate::evaluation::gold::{self, GoldArticle};
use crate::pipeline::{manifest, ArticleInput};
use std::collections::HashMap;
use std::path::Path;

pub fn read_inputs(dir: &Path) -> Result<Vec<ArticleInput>, String> {
    let manifest_path = dir.join("corpus.toml");
    let manifest_name = manifest_path.display().to_string();
    let text = std::fs::read_to_string(&manifest_path).map_err(|e| format!("{manifest_name}: cannot read: {e}"))?;
    let entries = manifest::parse(&manifest_name, &text).map_err(|e| e.to_string())?;
    let mut inputs = Vec::with_capacity(entries.len());
    let mut ids = HashMap::new();
    for entry in entries {
        let path = dir.join(&entry.file);
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).map_err(|e| format!("{manifest_name}:{}: cannot read `{name}`: {e}", entry.line))?;
        let raw = manifest::decode_article(&name, bytes).map_err(|e| e.to_string())?;
        let id = manifest::article_id(&entry.file);
        if let Some(other) = ids.insert(id.clone(), entry.line) {
            return Err(format!(
                "{manifest_name}:{}: article id `{id}` is also the id of the file on line {other}; rename one file",
                entry.line
            ));
        }
        inputs.push(ArticleInput { id, outlet: entry.outlet, url: entry.url, published: entry.published, title: entry.title, raw });
    }
    Ok(inputs)
}

/// The corpus JSON exactly as `corpus build` writes it.
pub fn to_json(corpus: &crate::model::Corpus) -> Result<String, String> {
    let mut json = serde_json::to_string(corpus).map_err(|e| format!("cannot serialise the corpus: {e}"))?;
    json.push('\n');
    Ok(json)
}

/// Every `.txt` file under `root` (sorted, recursively) as an undated article
/// whose first line is its headline: how plain datasets such as the BBC
/// collection come. Non-UTF-8 bytes are replaced, never fatal.
pub fn read_plain_folder(root: &Path, outlet: &str) -> Result<Vec<ArticleInput>, String> {
    let mut files = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .iter()
        .map(|path| {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
            Ok(ArticleInput {
                id: manifest::article_id(&path.to_string_lossy()),
                outlet: outlet.to_string(),
                url: None,
                published: None,
                title: None,
                raw: manifest::decode_article(&name, bytes).map_err(|e| e.to_string())?,
            })
        })
        .collect()
}

/// Every `*.gold` file of `dir`, sorted by name, parsed.
pub fn read_gold_folder(dir: &Path) -> Result<Vec<GoldArticle>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
    let mut files: Vec<_> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "gold")).collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .gold files", dir.display()));
    }
    files
        .iter()
        .map(|path| {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
            let text = manifest::decode_article(&name, bytes).map_err(|e| e.to_string())?;
            let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            gold::parse(&name, &id, &text).map_err(|e| e.to_string())
        })
        .collect()
}
