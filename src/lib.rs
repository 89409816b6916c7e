//! factdesk: a fact-checking workbench. The `core` is headless; `cli` and (with the `gui` feature)
//! `ui` are thin shells over it.

// Lets files shared with the integration tests (tests/support) name the crate the same way there
// and in unit tests.
#[cfg(test)]
extern crate self as factdesk;

pub mod cli;
pub mod core;
#[cfg(feature = "gui")]
pub mod ui;
