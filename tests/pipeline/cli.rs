//! The `corpus` binary: good input builds; bad input fails with the file and
//! line named and leaves any existing output untouched.

use super::*;
use std::process::Command;

struct Run {
    success: bool,
    stderr: String,
}

fn corpus_build(dir: &Path, out: &Path) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_corpus")).arg("build").arg(dir).arg("--out").arg(out).output().expect("runs");
    Run { success: output.status.success(), stderr: String::from_utf8_lossy(&output.stderr).into_owned() }
}

/// A corpus folder with one good article and the given manifest and extra files.
pub(super) fn folder(manifest: &str, files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("corpus.toml"), manifest).expect("write manifest");
    std::fs::write(dir.path().join("good.txt"), "A headline\n\nThe mayor of Paris spoke on Tuesday.\n").expect("write");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
    dir
}

pub(super) const GOOD: &str = "[[article]]\nfile = \"good.txt\"\noutlet = \"Daily\"\npublished = \"2017-02-08\"\n";

/// Fails with `expected` in stderr and leaves a previous output as it was.
pub(super) fn fails_with(manifest: &str, files: &[(&str, &[u8])], expected: &str) {
    let dir = folder(manifest, files);
    let out = dir.path().join("out.json");
    std::fs::write(&out, "previous").expect("write");
    let run = corpus_build(dir.path(), &out);
    assert!(!run.success, "should fail: {manifest}");
    let stderr = run.stderr.replace(&dir.path().display().to_string(), "DIR");
    assert!(stderr.contains(expected), "stderr {stderr:?} lacks {expected:?}");
    assert_eq!(std::fs::read_to_string(&out).expect("still there"), "previous");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn builds_and_reports_counts() {
    let dir = folder(
        &format!("{GOOD}\n[[article]]\nfile = \"sub/two.txt\"\noutlet = \"Post\"\n"),
        &[("sub/two.txt", b"Second\n\nMr. Jones said \"no\" in 2004.\n")],
    );
    let out = dir.path().join("corpus.json");
    let run = corpus_build(dir.path(), &out);
    assert!(run.success, "{}", run.stderr);
    assert!(run.stderr.contains("2 articles"), "{}", run.stderr);
    let corpus: Corpus = serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("valid corpus");
    assert_eq!(corpus.articles.len(), 2);
    assert_eq!(corpus.articles[1].id, "two");
    assert_eq!(corpus.quotes.len(), 1);
}

#[test]
fn warns_about_articles_left_empty_by_cleaning() {
    let dir = folder(
        &format!("{GOOD}\n[[article]]\nfile = \"sidebar.txt\"\noutlet = \"Post\"\n"),
        &[("sidebar.txt", b"Only a headline\n\nMOST VIEWED\n\nOther story\n")],
    );
    let run = corpus_build(dir.path(), &dir.path().join("c.json"));
    assert!(run.success);
    assert!(run.stderr.contains("warning: sidebar: no body sentences left after cleaning"), "{}", run.stderr);
    assert!(run.stderr.contains("1 warnings"), "{}", run.stderr);
}

#[test]
fn missing_article_file() {
    fails_with(
        &format!("{GOOD}\n[[article]]\nfile = \"gone.txt\"\noutlet = \"P\"\n"),
        &[],
        "DIR/corpus.toml:7: cannot read `DIR/gone.txt`",
    );
}

#[test]
fn empty_binary_and_non_utf8_files() {
    fails_with(&format!("{GOOD}\n[[article]]\nfile = \"e.txt\"\noutlet = \"P\"\n"), &[("e.txt", b"\n\n")], "DIR/e.txt: file is empty");
    fails_with(
        &format!("{GOOD}\n[[article]]\nfile = \"b.txt\"\noutlet = \"P\"\n"),
        &[("b.txt", b"PNG\n\x00\x01")],
        "DIR/b.txt:2: binary file",
    );
    fails_with(
        &format!("{GOOD}\n[[article]]\nfile = \"l.txt\"\noutlet = \"P\"\n"),
        &[("l.txt", b"ok\ncaf\xe9\n")],
        "DIR/l.txt:2: not valid UTF-8",
    );
}

#[test]
fn bad_manifests() {
    fails_with(
        "[[article]]\nfile = \"good.txt\"\noutlet = \"P\"\npublished = \"8 Feb 2017\"\n",
        &[],
        "DIR/corpus.toml:4: malformed `published` date",
    );
    fails_with("[[article]]\nfile = \"good.txt\"\noutlet = \"P\"\nauthr = \"x\"\n", &[], "DIR/corpus.toml:4: unknown field `authr`");
    fails_with(&format!("{GOOD}\n{GOOD}"), &[], "DIR/corpus.toml:7: duplicate file `good.txt` (first listed on line 2)");
    fails_with("[[article]\n", &[], "DIR/corpus.toml:1:");
    fails_with(
        &format!("{GOOD}url = \"javascript:alert(document.domain)\"\n"),
        &[],
        "DIR/corpus.toml:5: `url` \"javascript:alert(document.domain)\" is not an absolute http or https address",
    );
}

#[test]
fn missing_manifest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = corpus_build(dir.path(), &dir.path().join("c.json"));
    assert!(!run.success);
    assert!(run.stderr.contains("corpus.toml: cannot read"), "{}", run.stderr);
}

#[test]
fn plain_folders_build_without_a_manifest() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("tech")).expect("mkdir");
    std::fs::write(dir.path().join("tech/one.txt"), "Chip maker grows\n\nIntel said sales rose 15% in 2004.\n").expect("write");
    std::fs::write(dir.path().join("two.txt"), "Second story\n\nMr Blair spoke.\n").expect("write");
    let out = dir.path().join("c.json");
    let output = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .arg("build")
        .arg(dir.path())
        .arg("--out")
        .arg(&out)
        .args(["--plain", "Wire"])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let corpus: Corpus = serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("valid corpus");
    let titles: Vec<&str> = corpus.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Chip maker grows", "Second story"]);
    assert!(corpus.articles.iter().all(|a| a.outlet == "Wire" && a.published.is_none()));
}
