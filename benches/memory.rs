//! Where the explorer's memory goes when it loads a corpus, natively, with a
//! counting allocator: the peak while parsing (the whole JSON at once, and
//! piece by piece as the page embeds it), while building the lookups,
//! filtering and building the word index, what stays afterwards, and each
//! part of the model's share.
//! Native pointers are twice as wide as wasm32's, so the browser's numbers
//! are smaller; this shows proportions and what a change buys.
//!
//! `cargo bench --bench memory [-- CORPUS.json]` (default: the BBC corpus in `target/bbc`).

use corpus_explorer::model::Corpus;
use corpus_explorer::page::{corpus_pieces, CorpusReader, PIECE_BYTES};
use corpus_explorer::view::filter::{apply, Index};
use corpus_explorer::view::search::SearchIndex;
use corpus_explorer::view::state::Filters;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Runs `step`, returning its value, the bytes it left allocated and its peak above the start.
fn measure<T>(step: impl FnOnce() -> T) -> (T, isize, usize) {
    let start = LIVE.load(Relaxed);
    PEAK.store(start, Relaxed);
    let value = step();
    (value, LIVE.load(Relaxed) as isize - start as isize, PEAK.load(Relaxed) - start)
}

fn main() {
    let path = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or_else(|| "target/bbc/corpus.json".into());
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!("{path}: {} of JSON", mib(json.len()));
    let (corpus, kept, peak) = measure(|| serde_json::from_str::<Corpus>(&json).expect("a corpus"));
    println!("parse whole: keeps {}, peaks at {} above the JSON", mib(kept as usize), mib(peak));
    drop(json);
    let (head, pieces) = corpus_pieces(&corpus, PIECE_BYTES).expect("serialises");
    drop(corpus);
    let largest = pieces.iter().map(String::len).max().unwrap_or(0);
    println!("{} pieces, the largest {}", pieces.len(), mib(largest));
    let mut pieces = pieces.into_iter();
    let (corpus, _, peak) = measure(|| {
        let mut reader = CorpusReader::new(&head).expect("a head");
        // As the page does, each piece's text is dropped once read.
        for piece in pieces.by_ref() {
            reader.read(&piece).expect("a piece");
        }
        reader.corpus()
    });
    // What it keeps is the sum of the lists' shares below (the pieces' text is freed meanwhile).
    println!("read pieces: peaks at {} above the pieces' text", mib(peak));
    let (index, kept, peak) = measure(|| Index::new(&corpus));
    println!("index: keeps {}, peaks at {}", mib(kept as usize), mib(peak));
    let (filtered, kept, peak) = measure(|| apply(&corpus, &index, &Filters::default()));
    println!("filtered, no filter: keeps {}, peaks at {}", mib(kept as usize), mib(peak));
    drop(filtered);
    let (_, freed, _) = measure(|| drop(index));
    println!("  (dropping the index frees {})", mib(-freed as usize));
    let (words, kept, peak) = measure(|| SearchIndex::new(&corpus));
    println!("word index (built after the first view): keeps {}, peaks at {}", mib(kept as usize), mib(peak));
    drop(words);
    let mut corpus = corpus;
    /// A list's name, and how to drop it from the corpus.
    type Part = (&'static str, fn(&mut Corpus));
    let parts: [Part; 6] = [
        ("articles", |c| drop(std::mem::take(&mut c.articles))),
        ("entities", |c| drop(std::mem::take(&mut c.entities))),
        ("events", |c| drop(std::mem::take(&mut c.events))),
        ("quotes", |c| drop(std::mem::take(&mut c.quotes))),
        ("figures", |c| drop(std::mem::take(&mut c.figures))),
        ("relations", |c| drop(std::mem::take(&mut c.relations))),
    ];
    for (name, take) in parts {
        let (_, freed, _) = measure(|| take(&mut corpus));
        println!("  {name}: {}", mib(-freed as usize));
    }
}
