//! The audit trail of a claim: who changed its status and when, and the editor's sign-off.

use super::status::Status;
use crate::core::time::Timestamp;
use serde::{Deserialize, Serialize};

/// One status change of a claim, appended by [`crate::core::action::Action::SetStatus`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// The analyst who made the change (empty when unknown, e.g. an edit applied outside a session).
    #[serde(default)]
    pub by: String,
    pub at: Timestamp,
    pub from: Status,
    pub to: Status,
}

impl StatusChange {
    /// The key two copies of a history are merged on: the same change made by the same person at
    /// the same second is the same record.
    pub fn key(&self) -> (&Timestamp, &str) {
        (&self.at, self.by.as_str())
    }
}

/// An editor's "reviewed by" mark, separate from the status: the claim's review was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    pub by: String,
    pub at: Timestamp,
}

impl SignOff {
    /// A sign-off by `by` now.
    pub fn now(by: &str) -> Self {
        SignOff {
            by: by.to_string(),
            at: Timestamp::now(),
        }
    }
}
