//! Hostile articles: each builds a corpus whose every span slices its text,
//! or stops the build with an error that names the file. (Their build times
//! and memory are measured outside the tests, which keep no timing budget.)

use super::cli::{fails_with, folder, GOOD};
use super::spans::check_spans;
use super::*;

fn article(raw: &str) -> ArticleInput {
    ArticleInput {
        id: "hostile".into(),
        outlet: "Test".into(),
        url: None,
        published: chrono::NaiveDate::from_ymd_opt(2004, 3, 1),
        title: None,
        raw: raw.into(),
    }
}

/// Builds `raw` as one article, checks every span, and returns the corpus.
fn builds(raw: &str) -> Corpus {
    let corpus = build(&[article(raw)]);
    check_spans(&corpus);
    corpus
}

#[test]
fn an_article_over_the_size_limit_is_refused_naming_the_file() {
    let huge = "The mayor of Paris said on Tuesday that 40 people left. ".repeat(20_000_000 / 56);
    fails_with(
        &format!("{GOOD}\n[[article]]\nfile = \"huge.txt\"\noutlet = \"P\"\n"),
        &[("huge.txt", huge.as_bytes())],
        "DIR/huge.txt: 19.1 MiB, more than the 2 MiB an article may have",
    );
}

#[test]
fn a_million_one_word_lines_build() {
    let words = ["a", "I", "x", "o", "b"];
    let lines: String = (0..1_000_000).map(|i| format!("{}\n", words[i % words.len()])).collect();
    let corpus = builds(&lines);
    assert_eq!(corpus.articles.len(), 1);
}

#[test]
fn only_quotation_marks_or_only_digits_build() {
    let quotes = format!("{}\n\n{}\n", "\"".repeat(50_000), "\"“”‘’«»".repeat(5_000));
    let corpus = builds(&quotes);
    assert!(corpus.quotes.is_empty() && corpus.entities.is_empty());
    let digits: String = (0..5_000u64).map(|i| format!("{}\n\n", (i * 7_919).pow(2))).collect();
    builds(&digits);
}

#[test]
fn mixed_scripts_keep_their_text_and_the_english_is_read() {
    let raw = "Mixed scripts\n\nលោក ហ៊ុន សែន បាននិយាយថា ខ្មែរ។ قال الرئيس محمد إن 40 شخصا رحلوا في 2002. \
               The mayor 🇰🇭 said 👍🏽 on 3 March 2004 that \"we 🙏 will go\". Ms Sokha Chan met Ahmed Ali in Phnom Penh.\n";
    let corpus = builds(raw);
    let text = &corpus.articles[0].text;
    assert!(text.contains("លោក ហ៊ុន សែន") && text.contains("قال الرئيس") && text.contains("👍🏽"));
    let names: Vec<&str> = corpus.entities.iter().map(|e| e.name.as_str()).collect();
    for name in ["Sokha Chan", "Ahmed Ali", "Phnom Penh"] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert!(corpus.events.iter().any(|e| e.date.value.as_deref() == Some("2004-03-03")));
}

#[test]
fn crlf_line_ends_read_as_lf_ones() {
    let lf = "A headline\n\nThe mayor of Paris spoke on Tuesday 3 March 2004.\nHe said \"we will return\" to 40 families.\n\nMr Jones met Ms Chan in London.\n";
    let (with_lf, with_crlf) = (builds(lf), builds(&lf.replace('\n', "\r\n")));
    let summary = |c: &Corpus| {
        let entities: Vec<String> = c.entities.iter().map(|e| format!("{}:{}", e.kind.as_str(), e.name)).collect();
        let events: Vec<Option<String>> = c.events.iter().map(|e| e.date.value.clone()).collect();
        let quotes: Vec<&str> = c.quotes.iter().map(|q| q.text.as_str()).collect();
        format!("{entities:?} {events:?} {quotes:?}")
    };
    assert_eq!(summary(&with_crlf), summary(&with_lf));
    assert!(!with_crlf.articles[0].text.contains('\r'));
}

#[test]
fn nul_bytes_are_refused_with_their_line_in_listed_and_plain_folders() {
    let nul: &[u8] = b"A headline\n\nThe mayor spoke.\nHe left\0 early.\n";
    fails_with(
        &format!("{GOOD}\n[[article]]\nfile = \"nul.txt\"\noutlet = \"P\"\n"),
        &[("nul.txt", nul)],
        "DIR/nul.txt:4: binary file (NUL byte)",
    );
    let dir = folder(GOOD, &[("nul.txt", nul)]);
    std::fs::remove_file(dir.path().join("corpus.toml")).expect("plain folder");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_corpus"))
        .arg("build")
        .arg(dir.path())
        .args(["--plain", "Wire", "--out"])
        .arg(dir.path().join("c.json"))
        .output()
        .expect("runs");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("nul.txt:4: binary file (NUL byte)"));
    assert!(!dir.path().join("c.json").exists());
}
