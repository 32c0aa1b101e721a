//! The news-corpus explorer: a native pipeline that turns scraped articles
//! into an evidence-linked corpus, and a browser app that explores it.
//! See ARCHITECTURE.md for the map and the invariants.

#[cfg(feature = "app")]
pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod csp;
#[cfg(feature = "pipeline")]
pub mod evaluation;
pub mod json;
pub mod model;
#[cfg(any(feature = "pipeline", feature = "ssr"))]
pub mod output;
pub mod page;
#[cfg(feature = "pipeline")]
pub mod pipeline;
#[cfg(feature = "pipeline")]
pub mod scale;
#[cfg(feature = "pipeline")]
pub mod source;
pub mod view;
