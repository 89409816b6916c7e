//! A claim: a span of an article's body with a review status, a speaker, sources and a note.

use super::audit::{SignOff, StatusChange};
use super::ids::{ArticleId, ClaimId};
use super::status::Status;
use crate::core::text;
use crate::core::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Chars of context stored on each side of a quote, enough to find it again if the body shifts.
pub const CONTEXT_CHARS: usize = 32;

/// Where a claim sits in its article: char offsets (end-exclusive) plus the quoted text and some
/// context on each side, so the claim can be re-anchored if offsets ever stop matching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

impl Anchor {
    /// Builds the anchor of `range` (char offsets) in `body`; `None` when the range is empty or
    /// outside the body.
    pub fn new(body: &str, range: Range<usize>) -> Option<Anchor> {
        if range.start >= range.end {
            return None;
        }
        let quote = text::slice_chars(body, range.clone())?.to_string();
        let (prefix, suffix) = text::context(body, range.clone(), CONTEXT_CHARS);
        Some(Anchor {
            start: range.start,
            end: range.end,
            quote,
            prefix,
            suffix,
        })
    }

    /// [`Anchor::new`] through the article's char index: cheap on long bodies.
    pub fn in_article(article: &super::Article, range: Range<usize>) -> Option<Anchor> {
        if range.start >= range.end {
            return None;
        }
        Anchor::indexed(&article.body, article.index(), range)
    }

    /// [`Anchor::new`] through `index`, the char index of `body`: cheap on long bodies (carrying
    /// 10,000 claims to a new 1 MB text must not walk the text once per claim).
    pub fn indexed(body: &str, index: &text::CharIndex, range: Range<usize>) -> Option<Anchor> {
        if range.start >= range.end {
            return None;
        }
        let bytes = index.range_to_bytes(body, range.clone())?;
        let prefix_start = body[..bytes.start]
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(b, _)| b);
        let suffix_end = body[bytes.end..]
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(body.len(), |(b, _)| bytes.end + b);
        Some(Anchor {
            start: range.start,
            end: range.end,
            quote: body[bytes.clone()].to_string(),
            prefix: body[prefix_start..bytes.start].to_string(),
            suffix: body[bytes.end..suffix_end].to_string(),
        })
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// True when the stored offsets still select the stored quote in `article`'s body (fast).
    pub fn matches_article(&self, article: &super::Article) -> bool {
        self.start < self.end && article.slice(self.range()) == Some(self.quote.as_str())
    }

    /// True when the stored offsets still select the stored quote in `body`.
    pub fn matches(&self, body: &str) -> bool {
        self.start < self.end && text::slice_chars(body, self.range()) == Some(self.quote.as_str())
    }
}

/// A claim whose quote a new version of its article changed (or left ambiguous): the claim keeps
/// indexing the version it was marked in until the analyst re-places it or keeps it as changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnchorChange {
    /// The article version the claim's offsets index into.
    pub version: u32,
    /// The version whose text changed the quote.
    pub in_version: u32,
    /// Why it was not carried over ("the quote changed", "… now occurs 2 times").
    pub reason: String,
    /// The text of the new version where the quote was, for a side-by-side view.
    #[serde(default)]
    pub new_text: String,
    /// The analyst kept it as "claim changed by the outlet" (a visible, exported state).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kept: bool,
}

/// A source backing or contradicting a claim.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Source {
    pub url: String,
    pub title: String,
    pub note: String,
    /// Copies of the page kept as evidence, oldest first (`factdesk capture`); left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub captures: Vec<super::Capture>,
}

impl Source {
    pub fn from_url(url: &str) -> Self {
        Source {
            url: url.to_string(),
            ..Source::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: ClaimId,
    pub article: ArticleId,
    pub anchor: Anchor,
    #[serde(default)]
    pub status: Status,
    /// Who made the claim (a person or an organisation), as written in the article.
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub note: String,
    /// The analyst who marked the claim (empty in files from before analysts were recorded).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub creator: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// The editor's sign-off, distinct from the status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<SignOff>,
    /// Every status change, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusChange>,
    /// Set by repair when the quote could not be found again in its article: the claim is kept
    /// (never dropped) but its offsets are not trusted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub orphaned: bool,
    /// The verdict: a level name of the project's rating scale (empty: none). Not the status.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub verdict: String,
    /// What was checked, in one line (ClaimReview `claimReviewed`; under ~75 chars is best).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Where the fact-check is published (ClaimReview `url`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub review_url: String,
    /// Set when a newer version of the article changed the quote: the anchor then indexes
    /// `changed.version`, not the current text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<AnchorChange>,
}

impl Claim {
    /// A new unreviewed claim with a fresh id.
    pub fn new(article: ArticleId, anchor: Anchor, at: Timestamp) -> Self {
        Claim {
            id: ClaimId::generate(),
            article,
            anchor,
            status: Status::Unreviewed,
            speaker: String::new(),
            sources: Vec::new(),
            note: String::new(),
            creator: String::new(),
            created: at.clone(),
            updated: at,
            reviewed: None,
            history: Vec::new(),
            orphaned: false,
            verdict: String::new(),
            summary: String::new(),
            review_url: String::new(),
            changed: None,
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.anchor.range()
    }

    /// Changes the status, appending a [`StatusChange`] by `by` when it is a change.
    pub fn set_status(&mut self, status: Status, by: String, at: &Timestamp) {
        if self.status != status {
            self.history.push(StatusChange {
                by,
                at: at.clone(),
                from: self.status,
                to: status,
            });
            self.status = status;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_takes_quote_and_context_in_chars() {
        let body = "Él dijo: «no» — 北朝鮮 denied it 🚀 today.";
        let start = body.chars().position(|c| c == '北').unwrap_or(0);
        let a = Anchor::new(body, start..start + 3).expect("in range");
        assert_eq!(a.quote, "北朝鮮");
        assert!(a.prefix.ends_with("— "));
        assert!(a.suffix.starts_with(" denied"));
        assert!(a.matches(body));
        assert!(!a.matches("something else entirely, long enough"));
        assert!(Anchor::new(body, 3..3).is_none());
        assert!(Anchor::new(body, 0..1000).is_none());
        let art = super::super::Article::new(Default::default(), body);
        for r in [start..start + 3, 0..1, 0..body.chars().count(), 5..40] {
            assert_eq!(Anchor::in_article(&art, r.clone()), Anchor::new(body, r));
        }
        assert!(a.matches_article(&art));
    }
}
