//! Language helpers over article bodies: sentence boundaries (and, later, claim suggestions).

mod sentences;

pub use sentences::{sentence_at, sentences};
