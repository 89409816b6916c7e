//! The headless core: model, edits, text positions and project files. Never names the GUI toolkit.

pub mod action;
pub mod evidence;
pub mod export;
pub mod fetch;
pub mod history;
pub mod import;
pub mod library;
pub mod model;
pub mod nlp;
pub mod session;
pub mod store;
/// Synthetic projects for unit tests; integration tests, benchmarks and examples include the same
/// file. Not part of the shipped library.
#[cfg(test)]
#[path = "../../tests/support/synth.rs"]
pub mod synth;
pub mod team;
pub mod text;
pub mod time;
pub mod versions;
pub mod views;
