//! An article: a fixed body text that claims index into, plus its bibliographic metadata.

use super::ids::ArticleId;
use crate::core::text::CharIndex;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::OnceLock;

/// The body's char index, built on first use. Derived data: it never makes two articles differ.
#[derive(Debug, Clone, Default)]
pub struct IndexCache(OnceLock<CharIndex>);

impl PartialEq for IndexCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for IndexCache {}

/// What is known about where an article comes from. Empty strings mean "unknown" and are left out
/// of project files to keep them short.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleMeta {
    pub title: String,
    /// The outlet or agency, e.g. "AFP".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub byline: String,
    /// Publication date/time as printed or as ISO 8601 when it could be parsed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub published: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// BCP 47 language tag, e.g. "en".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lang: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub section: String,
    /// The place line that opens wire copy, e.g. "SEOUL".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub dateline: String,
    /// The file or origin the article was imported from.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub imported_from: String,
}

/// An article in a project. A body is fixed: claim anchors are char offsets into it. A new version
/// of the text (the outlet edited the article) makes a new `Article` value with the next
/// `version` number and the old body kept in `versions` ([`Article::next_version`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    pub meta: ArticleMeta,
    /// Hex FNV-1a 64 hash of the body, used to notice the same text imported twice.
    #[serde(default)]
    pub content_hash: String,
    pub body: String,
    /// The number of the current body: 1 until a new version is added.
    #[serde(default = "first_version", skip_serializing_if = "is_first_version")]
    pub version: u32,
    /// When the current version was added (empty for the first, whose date is the import).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version_added: String,
    /// Earlier versions, oldest first, each as a delta against its successor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<super::ArticleVersion>,
    /// The page as fetched when the article was imported from a URL; left out when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub captures: Vec<super::Capture>,
    #[serde(skip)]
    index: IndexCache,
}

fn first_version() -> u32 {
    1
}

fn is_first_version(v: &u32) -> bool {
    *v == 1
}

impl Article {
    /// A new article with a fresh id. Line endings are normalised to `\n` so offsets are stable
    /// across platforms.
    pub fn new(meta: ArticleMeta, body: &str) -> Self {
        let body = normalize_newlines(body);
        Article {
            id: ArticleId::generate(),
            meta,
            content_hash: content_hash(&body),
            body,
            version: 1,
            version_added: String::new(),
            versions: Vec::new(),
            captures: Vec::new(),
            index: IndexCache::default(),
        }
    }

    /// This article with `body` as its next version: same id and metadata, the current body kept
    /// as a delta. The new body's line endings are normalised like any import.
    pub fn next_version(
        &self,
        body: &str,
        from: &str,
        at: &crate::core::time::Timestamp,
    ) -> Article {
        let body = normalize_newlines(body);
        let edits = crate::core::versions::char_edits(&self.body, &body);
        let mut versions = self.versions.clone();
        versions.push(super::ArticleVersion {
            number: self.version,
            content_hash: self.content_hash.clone(),
            added: crate::core::time::Timestamp(self.version_added.clone()),
            from: self.meta.imported_from.clone(),
            delta: crate::core::versions::delta_back(&self.body, &body, &edits),
        });
        let mut meta = self.meta.clone();
        if !from.is_empty() {
            meta.imported_from = from.to_string();
        }
        Article {
            id: self.id.clone(),
            meta,
            content_hash: content_hash(&body),
            body,
            version: self.version + 1,
            version_added: at.0.clone(),
            versions,
            // Earlier pages as fetched stay evidence of what the article said then.
            captures: self.captures.clone(),
            index: IndexCache::default(),
        }
    }

    /// The body of version `number` (the current one, or rebuilt from the deltas); `None` when
    /// there is no such version or a stored delta does not rebuild its hash.
    pub fn body_of(&self, number: u32) -> Option<std::borrow::Cow<'_, str>> {
        if number == self.version {
            return Some(std::borrow::Cow::Borrowed(&self.body));
        }
        let mut text = self.body.clone();
        for v in self.versions.iter().rev() {
            text = super::apply_delta(&text, &v.delta)?;
            if content_hash(&text) != v.content_hash {
                return None;
            }
            if v.number == number {
                return Some(std::borrow::Cow::Owned(text));
            }
        }
        None
    }

    /// The body's char index (built once; the body never changes after import).
    pub fn index(&self) -> &CharIndex {
        let idx = self.index.0.get_or_init(|| CharIndex::new(&self.body));
        if idx.fits(&self.body) {
            idx
        } else {
            // Only reachable if someone edited the body in place; never use a stale map.
            static EMPTY: OnceLock<CharIndex> = OnceLock::new();
            EMPTY.get_or_init(CharIndex::default)
        }
    }

    /// Length of the body in chars (the unit of every anchor offset).
    pub fn char_len(&self) -> usize {
        let idx = self.index();
        if idx.fits(&self.body) {
            idx.char_len()
        } else {
            self.body.chars().count()
        }
    }

    /// The text of a char range of the body.
    pub fn slice(&self, range: Range<usize>) -> Option<&str> {
        self.index().slice(&self.body, range)
    }

    /// The title, or a placeholder when the article has none.
    pub fn display_title(&self) -> &str {
        if self.meta.title.trim().is_empty() {
            "(untitled article)"
        } else {
            &self.meta.title
        }
    }
}

/// Turns CRLF and lone CR into LF.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A stable 64-bit FNV-1a hash of the text, as 16 hex digits.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_normalises_newlines_and_hashes() {
        let a = Article::new(ArticleMeta::default(), "one\r\ntwo\rthree");
        assert_eq!(a.body, "one\ntwo\nthree");
        assert_eq!(a.content_hash, content_hash("one\ntwo\nthree"));
        assert_ne!(content_hash("a"), content_hash("b"));
        assert_eq!(a.display_title(), "(untitled article)");
        assert_eq!(Article::new(ArticleMeta::default(), "né").char_len(), 2);
    }
}
