//! Robustness on 2,095 real BBC articles nobody here wrote: no crash, and
//! under 1% junk entity names. (Throughput is measured in `benches/pipeline.rs`.)

use super::*;
use corpus_explorer::model::ParagraphKind;
use corpus_explorer::pipeline::lexicon::lexicon;

fn bbc_inputs() -> Vec<ArticleInput> {
    let root = repo_path("../shared/datasets/bbc-news-2004/news");
    source::read_plain_folder(&root, "BBC News")
        .unwrap_or_else(|e| panic!("{e} (the BBC dataset is expected in ../shared beside the repo)"))
}

const CONNECTORS: &[&str] = &[
    "of", "and", "the", "de", "la", "van", "von", "bin", "al", "for", "du", "da", "di", "del", "der", "le", "y", "&", "ibn", "on", "upon",
    "in", "at",
];

/// Why a name is junk (a fragment, a sentence starter or a clause), if it is.
/// It errs towards calling names junk: a lone surname that is also a
/// dictionary word ("Brown") counts.
fn junk_reason(entity: &Entity) -> Option<&'static str> {
    let lex = lexicon();
    let words: Vec<&str> = entity.name.split_whitespace().collect();
    let capital_word = |w: &&str| !w.chars().any(char::is_lowercase);
    if words.len() > 6 {
        Some("clause: more than six words")
    } else if lex.is_sentence_starter(words[0]) && !capital_word(&words[0]) {
        Some("sentence starter")
    } else if words[1..].iter().any(|w| lex.is_sentence_starter(w) && w.chars().next().is_some_and(char::is_uppercase) && !capital_word(w))
    {
        Some("clause: capitalised function word inside")
    } else if words.iter().any(|w| w.chars().next().is_some_and(char::is_lowercase) && !CONNECTORS.contains(w)) {
        Some("clause: lower-case word")
    } else if CONNECTORS.contains(&words[words.len() - 1].to_lowercase().as_str()) {
        Some("fragment: ends in a connector")
    } else if words.len() == 1
        && lex.is_common_word(words[0])
        && lex.place(words[0]).is_none()
        && !lex.is_first_name(words[0])
        && !capital_word(&words[0])
        && entity.kind != EntityKind::Organization
    {
        Some("fragment: a lone dictionary word")
    } else if ["-born", "-based", "-style", "-led", "-backed", "-owned", "-made", "-run"].iter().any(|s| entity.name.ends_with(s)) {
        Some("fragment: adjective")
    } else {
        None
    }
}

#[test]
fn bbc_articles_build_with_under_one_percent_junk_entities() {
    let inputs = bbc_inputs();
    assert_eq!(inputs.len(), 2095);
    let corpus = build(&inputs);
    let junk: Vec<(&str, &str)> = corpus.entities.iter().filter_map(|e| junk_reason(e).map(|why| (e.name.as_str(), why))).collect();
    let rate = junk.len() as f64 / corpus.entities.len() as f64;
    let mut reasons: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (_, why) in &junk {
        *reasons.entry(why).or_default() += 1;
    }
    eprintln!("BBC: {} entities, {} junk ({:.2}%): {reasons:?}", corpus.entities.len(), junk.len(), rate * 100.0);
    assert!(corpus.entities.len() > 5000, "too few entities: {}", corpus.entities.len());
    // `other` is for nationalities, events, works and products, never the fallback.
    let other = corpus.entities.iter().filter(|e| e.kind == EntityKind::Other).count();
    assert!(other * 5 < corpus.entities.len(), "{other} of {} entities are `other`", corpus.entities.len());
    assert!(corpus.entities.iter().all(|e| (0.0..=1.0).contains(&e.confidence) && !e.kind_cues.is_empty()));
    assert!(rate < 0.01, "{:.2}% junk entity names, e.g. {:?}", rate * 100.0, &junk[..junk.len().min(20)]);
    // Every article keeps its headline and a body after it.
    for article in &corpus.articles {
        let headline = &article.paragraphs[0];
        assert_eq!((headline.kind, &article.text[headline.start..headline.end]), (ParagraphKind::Headline, article.title.as_str()));
        assert!(article.sentences.iter().any(|s| s[0] > headline.end), "{} has no body", article.id);
    }
    assert!(corpus.events.iter().all(|e| e.date.resolved == e.date.value.is_some()));
}

#[test]
fn junk_detector_flags_what_it_should() {
    let named = |name: &str, kind| Entity {
        id: String::new(),
        name: name.into(),
        kind,
        aliases: vec![],
        mentions: vec![],
        role: None,
        roles: vec![],
        confidence: 1.0,
        kind_cues: vec![],
        x: 0.0,
        y: 0.0,
    };
    for junk in ["However Microsoft", "Men In Black", "Office of the", "Brisbane-based", "Motor", "Lord of the big old dark long road"] {
        assert!(junk_reason(&named(junk, EntityKind::Other)).is_some(), "{junk}");
    }
    for fine in ["Khieu Sopheak", "Ministry of Culture and Fine Arts", "US", "Tony Blair", "BBC", "Interior Ministry"] {
        assert!(junk_reason(&named(fine, EntityKind::Organization)).is_none(), "{fine}");
    }
}
