//! factdesk: a fact-checking workbench. The `core` is headless; `cli` and (with the `gui` feature)
//! `ui` are thin shells over it.

pub mod cli;
pub mod core;
#[cfg(feature = "gui")]
pub mod ui;
