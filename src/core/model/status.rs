//! The review status of a claim.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where an analyst stands on a claim. The lowercase names are a public interface (CLI, JSON, RON).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Unreviewed,
    /// Backed by a source the analyst checked.
    Sourced,
    /// Contested: another party contradicts it, or it could not be confirmed.
    Disputed,
    /// Denied by the party it concerns.
    Denied,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Unreviewed,
        Status::Sourced,
        Status::Disputed,
        Status::Denied,
    ];

    /// The lowercase machine name used on the command line and in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unreviewed => "unreviewed",
            Status::Sourced => "sourced",
            Status::Disputed => "disputed",
            Status::Denied => "denied",
        }
    }

    /// The capitalised name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Status::Unreviewed => "Unreviewed",
            Status::Sourced => "Sourced",
            Status::Disputed => "Disputed",
            Status::Denied => "Denied",
        }
    }

    pub fn is_reviewed(self) -> bool {
        self != Status::Unreviewed
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown status '{0}' (expected unreviewed, sourced, disputed or denied)")]
pub struct UnknownStatus(pub String);

impl FromStr for Status {
    type Err = UnknownStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownStatus(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>(), Ok(s));
            assert_eq!(s.label().parse::<Status>(), Ok(s));
        }
        assert!("maybe".parse::<Status>().is_err());
        assert!(!Status::Unreviewed.is_reviewed());
        assert!(Status::Denied.is_reviewed());
    }

    #[test]
    fn serde_uses_lowercase() {
        assert_eq!(
            serde_json::to_string(&Status::Disputed).ok().as_deref(),
            Some("\"disputed\"")
        );
    }
}
