//! All native integration tests build into this one binary, a module per topic.

#[cfg(not(target_arch = "wasm32"))]
mod pipeline;

#[cfg(target_arch = "wasm32")]
mod web;
