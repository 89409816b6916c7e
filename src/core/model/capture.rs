//! A capture: one fetch of a web page kept as evidence (a WARC file beside the project), or the
//! record of why that fetch failed.

use crate::core::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Whether a capture holds the page or only says why it could not be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaptureState {
    /// The HTTP exchange is stored in `file`, with the payload's SHA-256.
    #[default]
    Captured,
    /// Nothing was stored; `error` says why.
    Failed,
}

impl CaptureState {
    pub fn as_str(self) -> &'static str {
        match self {
            CaptureState::Captured => "captured",
            CaptureState::Failed => "failed",
        }
    }
}

/// One capture of a URL. Captures are only ever added: capturing again appends a new, dated one,
/// so every earlier copy stays listed and on disk.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Capture {
    /// When the fetch ended (RFC 3339 UTC).
    pub time: Timestamp,
    pub state: CaptureState,
    /// The URL the page was finally served from, after redirects.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub final_url: String,
    /// The HTTP status of the final response (0 when no response came).
    #[serde(skip_serializing_if = "is_zero")]
    pub status: u16,
    /// The response's `Content-Type`, as sent.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub content_type: String,
    /// Lowercase hex SHA-256 of the HTTP payload (the body as received).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sha256: String,
    /// Payload size in bytes.
    #[serde(skip_serializing_if = "is_zero_u64")]
    pub bytes: u64,
    /// The WARC file's name inside the project's `NAME.evidence/` folder.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub file: String,
    /// Why the capture failed (state `failed`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub error: String,
    /// The public copy the Internet Archive made, when the project asks for one.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub archive_url: String,
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

fn is_zero_u64(n: &u64) -> bool {
    *n == 0
}

impl Capture {
    pub fn is_captured(&self) -> bool {
        self.state == CaptureState::Captured && !self.file.is_empty()
    }

    /// A failed capture, dated now.
    pub fn failed(error: impl Into<String>) -> Capture {
        Capture {
            time: Timestamp::now(),
            state: CaptureState::Failed,
            error: error.into(),
            ..Capture::default()
        }
    }

    /// One line for people: "captured 30 Jan 2023, 08:15 UTC (200, 41 KB)" or "failed …: why".
    pub fn describe(&self) -> String {
        match self.state {
            CaptureState::Captured => format!(
                "captured {} (HTTP {}, {})",
                self.time.readable(),
                self.status,
                crate::core::store::human_bytes(self.bytes)
            ),
            CaptureState::Failed => format!("failed {}: {}", self.time.readable(), self.error),
        }
    }
}

/// The newest successful capture in a list (captures are appended in time order).
pub fn latest(captures: &[Capture]) -> Option<&Capture> {
    captures.iter().rev().find(|c| c.is_captured())
}
