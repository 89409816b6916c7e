//! Language helpers over article bodies: sentence boundaries and claim suggestions (who said
//! what, with which cue and which suggested status). Rule-based, local, no models.
//!
//! For a suggestions panel: [`suggest_project`] (or [`suggest_article`] + [`filter_known`]) lists
//! what to propose; [`accept_action`], [`accept_all_action`], [`reject_action`] and
//! [`reject_all_action`] build the undoable [`crate::core::action::Action`]s to apply.

mod attribution;
mod cues;
pub mod lexicon;
pub mod names;
mod review;
mod sentences;
mod speakers;
mod suggest;
pub mod tokens;

pub use lexicon::Lang;
pub use review::{AcceptAs, accept_action, accept_all_action, reject_action, reject_all_action};
pub use sentences::{
    SegmentOptions, sentence_at, sentence_at_with, sentence_text, sentences, sentences_with,
};
pub use suggest::{
    Known, Suggestion, filter_known, suggest_article, suggest_project, suggest_text,
    suggest_text_in,
};
