//! The corpus pipeline: raw scraped articles in, an evidence-linked corpus out.
//! Everything here is pure: the CLI (`src/bin/corpus.rs`) does the I/O.

pub mod clean;
pub mod entities;
pub mod lexicon;
pub mod text;
