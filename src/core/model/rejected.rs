//! Suggestions the analyst rejected: remembered in the project so they are not proposed again.

use super::ids::ArticleId;
use serde::{Deserialize, Serialize};

/// A rejected suggestion: where it was and what it said, enough to recognise it again even if
/// the suggester's span rules change slightly.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RejectedSuggestion {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

impl RejectedSuggestion {
    /// True when a suggestion in `article` at `start..end` quoting `quote` is this one: the same
    /// span, or the same words in the same article.
    pub fn is(&self, article: &ArticleId, start: usize, end: usize, quote: &str) -> bool {
        &self.article == article
            && ((self.start == start && self.end == end)
                || (!quote.is_empty() && self.quote == quote))
    }

    /// [`RejectedSuggestion::is`] for a suggestion.
    pub fn matches(&self, s: &crate::core::nlp::Suggestion) -> bool {
        self.is(&s.article, s.start, s.end, &s.quote)
    }
}
