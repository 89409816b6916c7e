//! Language helpers over article bodies: sentence boundaries and claim suggestions (who said
//! what, with which cue and which suggested status). Rule-based, local, no models.

pub mod lexicon;
mod sentences;

pub use sentences::{SegmentOptions, sentence_at, sentences, sentences_with};
