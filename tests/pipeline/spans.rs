//! Property: every span anywhere slices its article's text to exactly its
//! surface form, on seeds and on generated news-like text.

use super::*;
use corpus_explorer::model::Span;
use proptest::prelude::*;

pub fn check_spans(corpus: &Corpus) {
    let slice = |span: &Span| -> &str {
        let article = corpus.article(&span.article).unwrap_or_else(|| panic!("span names unknown article {}", span.article));
        article.text.get(span.start..span.end).unwrap_or_else(|| panic!("span {span:?} is off the text or a char boundary"))
    };
    for entity in &corpus.entities {
        for mention in &entity.mentions {
            let surface = slice(mention);
            assert!(surface == entity.name || entity.aliases.iter().any(|a| a == surface), "mention {surface:?} of {entity:?}");
        }
    }
    let sentences = |article: &str| corpus.article(article).map(|a| a.sentences.clone()).unwrap_or_default();
    let is_sentence = |span: &Span| sentences(&span.article).contains(&[span.start, span.end]);
    for event in &corpus.events {
        assert_eq!(slice(&event.date.span), event.date.as_written);
        assert!(is_sentence(&event.evidence));
        assert!(event.evidence.start <= event.date.span.start && event.date.span.end <= event.evidence.end);
    }
    for quote in &corpus.quotes {
        assert_eq!(slice(&quote.span), quote.text);
        assert!(is_sentence(&quote.evidence));
    }
    for figure in &corpus.figures {
        assert_eq!(slice(&figure.span), figure.text);
        assert!(is_sentence(&figure.evidence));
    }
    for relation in &corpus.relations {
        assert!(!relation.evidence.is_empty());
        assert!(relation.evidence.iter().all(&is_sentence));
        assert!(corpus.entity(&relation.source).is_some() && corpus.entity(&relation.target).is_some());
    }
    for article in &corpus.articles {
        for &[start, end] in &article.sentences {
            assert!(article.text.get(start..end).is_some_and(|s| !s.trim().is_empty()));
        }
    }
}

#[test]
fn seed_spans_slice_to_their_surface() {
    check_spans(&build(&seed_inputs()));
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Mr. Herod".to_string()),
        Just("Gen. Sopheak".to_string()),
        Just("the U.S.".to_string()),
        Just("Interior Ministry".to_string()),
        Just("said".to_string()),
        Just("on Tuesday".to_string()),
        Just("last month".to_string()),
        Just("since 2002".to_string()),
        Just("47 people".to_string()),
        Just("$1.5bn".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d},".to_string()),
        Just("\"".to_string()),
        Just("(RISC)".to_string()),
        Just("Carney\u{2019}s".to_string()),
        Just("ខេមរភាសា".to_string()),
        Just("café".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("\n\n".to_string()),
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8}",
        "[0-9]{1,5}",
        "[A-Z]{2,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn generated_spans_slice_to_their_surface(words in prop::collection::vec(word(), 1..80), dated in any::<bool>()) {
        let raw = format!("Headline\n\n{}", words.join(" "));
        let input = ArticleInput {
            id: "generated".into(),
            outlet: "Test".into(),
            url: None,
            published: dated.then(|| chrono::NaiveDate::from_ymd_opt(2017, 2, 8)).flatten(),
            title: None,
            raw,
        };
        check_spans(&build(&[input]));
    }
}
