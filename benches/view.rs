//! What the explorer computes on each interaction, natively, on the corpus
//! of the 2,095 BBC articles: building the lookups (at startup) and the word
//! index, filtering with no filter and with an entity kind, narrowing the
//! timeline to a chosen entity and drawing its graph, search keystrokes from one letter to two
//! words (their hits, and filtering by them), and marking up an article for the reader. Budgets for the browser live in
//! BENCHMARKS.md, not in tests.

use corpus_explorer::model::{Corpus, EntityKind};
use corpus_explorer::view::filter::{apply, hits, Index};
use corpus_explorer::view::graph::Drawing;
use corpus_explorer::view::markup::marks;
use corpus_explorer::view::search::SearchIndex;
use corpus_explorer::view::state::{Action, ViewState};
use corpus_explorer::{pipeline, source};
use criterion::{criterion_group, criterion_main, Criterion};
use std::path::Path;

fn bbc() -> Corpus {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets/bbc-news-2004/news");
    let articles = source::read_plain_folder(&folder, "BBC News").expect("the BBC dataset in ../shared");
    pipeline::build(&articles).corpus
}

fn interactions(c: &mut Criterion) {
    let corpus = bbc();
    let index = Index::new(&corpus);
    let longest = corpus.articles.iter().max_by_key(|a| a.text.len()).expect("articles");
    let mut group = c.benchmark_group("view");
    group.sample_size(20);
    group.bench_function("index_bbc", |b| b.iter(|| Index::new(&corpus)));
    group.bench_function("apply_no_filter_bbc", |b| b.iter(|| apply(&corpus, &index, &ViewState::default().filters()).events.len()));
    let people = ViewState::default().reduce(Action::ToggleKind(EntityKind::Person)).filters();
    group.bench_function("apply_kind_facet_bbc", |b| b.iter(|| apply(&corpus, &index, &people).events.len()));
    // Choosing an entity narrows what was filtered; the most mentioned one has the most events.
    let unfiltered = apply(&corpus, &index, &ViewState::default().filters());
    let most_mentioned = corpus.entities.iter().max_by_key(|e| e.mentions.len()).map(|e| e.id.as_str());
    group.bench_function("select_entity_bbc", |b| b.iter(|| unfiltered.timeline_events(&corpus, &index, most_mentioned).events.len()));
    // Choosing an entity also draws the graph anew: its neighbourhood first, and the edges between the drawn.
    let relations = || unfiltered.relations.with_ends().map(|(relation, ends, evidence)| (relation, ends, evidence.len()));
    group.bench_function("draw_graph_selected_bbc", |b| {
        b.iter(|| Drawing::new(&unfiltered.entities, relations(), most_mentioned).edges.len())
    });
    group.bench_function("search_index_bbc", |b| b.iter(|| SearchIndex::new(&corpus)));
    let typed = [("b", "1_letter"), ("bl", "2_letters"), ("bla", "3_letters"), ("blai", "4_letters"), ("tony blai", "two_words")];
    for (query, name) in typed {
        let searching = ViewState::default().reduce(Action::SetQuery(query.into())).filters();
        // A keystroke finds the hits; the views filter by the query once typing pauses.
        group.bench_function(format!("hits_search_{name}_bbc"), |b| b.iter(|| hits(&corpus, &index, &searching).sentences.len()));
        group.bench_function(format!("apply_search_{name}_bbc"), |b| b.iter(|| apply(&corpus, &index, &searching).events.len()));
    }
    group.bench_function("marks_longest_article_bbc", |b| b.iter(|| marks(&corpus, &index, &longest.id, 0, longest.text.len()).len()));
    group.finish();
}

criterion_group!(benches, interactions);
criterion_main!(benches);
