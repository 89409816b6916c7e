//! Article versions: an article edited after publication is imported again as a new version; the
//! older bodies are kept as deltas against their successor, so ten versions of a long article
//! cost about one body plus what changed.

use crate::core::time::Timestamp;
use serde::{Deserialize, Serialize};

/// One step of turning a version's successor into it: keep chars, drop chars, insert text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeltaOp {
    /// Keep this many chars of the successor.
    Keep(usize),
    /// Skip this many chars of the successor.
    Del(usize),
    /// Insert this text.
    Ins(String),
}

/// An earlier version of an article: where it came from, its hash, and how to rebuild its body
/// from the next version's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleVersion {
    /// 1 for the text first imported, then 2, 3, …
    pub number: u32,
    /// `content_hash` of this version's body: checked after every rebuild.
    pub content_hash: String,
    /// When this version was added to the project.
    pub added: Timestamp,
    /// The file or URL it came from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// Rebuilds this version's body from version `number + 1`'s.
    pub delta: Vec<DeltaOp>,
}

/// Applies `delta` to `successor`; `None` when the delta does not fit the text.
pub fn apply_delta(successor: &str, delta: &[DeltaOp]) -> Option<String> {
    let mut out = String::with_capacity(successor.len());
    let mut rest = successor.chars();
    for op in delta {
        match op {
            DeltaOp::Keep(n) => {
                for _ in 0..*n {
                    out.push(rest.next()?);
                }
            }
            DeltaOp::Del(n) => {
                for _ in 0..*n {
                    rest.next()?;
                }
            }
            DeltaOp::Ins(t) => out.push_str(t),
        }
    }
    rest.next().is_none().then_some(out)
}
