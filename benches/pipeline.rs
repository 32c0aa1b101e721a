//! Throughput of the corpus pipeline, single-threaded: articles analysed per
//! second on real BBC articles, and the graph layout of 5,000 entities.

use corpus_explorer::pipeline::{self, layout, ArticleInput};
use corpus_explorer::source;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::path::Path;

fn articles() -> Vec<ArticleInput> {
    let bbc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets/bbc-news-2004/news");
    source::read_plain_folder(&bbc, "BBC News").expect("the BBC dataset in ../shared")
}

fn analyse(c: &mut Criterion) {
    let articles = articles();
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function(BenchmarkId::new("analyse_bbc_articles", articles.len()), |b| {
        b.iter(|| articles.iter().map(|a| pipeline::analyse(a).entities.mentions.len()).sum::<usize>())
    });
    group.finish();
}

fn graph_layout(c: &mut Criterion) {
    const NODES: usize = 5000;
    // A sparse graph like a news corpus: three edges per node, deterministic.
    let edges: Vec<layout::Edge> =
        (0..NODES * 3).map(|i| (i % NODES, (i * 7919 + 13) % NODES, 1.0 + (i % 3) as f32)).filter(|(a, b, _)| a != b).collect();
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("barnes_hut", NODES), |b| b.iter(|| layout::layout(NODES, &edges)));
    group.finish();
}

criterion_group!(benches, analyse, graph_layout);
criterion_main!(benches);
