//! The explorer's view model, free of the browser: view state and its URL
//! encoding, filtering, timeline and graph geometry, exports and UI strings.
//! Everything here is unit-tested natively.

pub mod calendar;
pub mod case;
pub mod decimal;
pub mod export;
pub mod filter;
pub mod form;
pub mod gesture;
pub mod graph;
pub mod markup;
pub mod overview;
pub mod search;
pub mod sorted_set;
pub mod sorting;
pub mod state;
pub mod strings;
pub mod timeline;
pub mod window;
