//! Wall-clock timestamps as RFC 3339 UTC strings (second precision), the form stored in project files.

use serde::{Deserialize, Serialize};
use std::time::SystemTime;

/// English month names, lower case, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1–12) a lower-case English month name or abbreviation names: "jan", "sept",
/// "january"; `None` for anything else ("mayday", "ja").
pub fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let i = MONTH_NAMES.iter().position(|m| word.starts_with(&m[..3]))?;
    (MONTH_NAMES[i].starts_with(word) || word == "sept").then_some(i as u32 + 1)
}

/// An RFC 3339 UTC timestamp such as `2023-01-30T08:15:00Z`. Stored as text so files stay readable
/// and so that lexicographic order is chronological order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Timestamp(pub String);

impl Timestamp {
    pub fn now() -> Self {
        Timestamp(humantime::format_rfc3339_seconds(SystemTime::now()).to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_number("jan"), Some(1));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("september"), Some(9));
        assert_eq!(month_number("may"), Some(5));
        assert_eq!(month_number("mayday"), None);
        assert_eq!(month_number("ja"), None);
        assert_eq!(month_number("Jan"), None, "callers lower-case first");
    }

    #[test]
    fn now_is_rfc3339_utc() {
        let t = Timestamp::now();
        assert_eq!(t.as_str().len(), 20, "{t}");
        assert!(t.as_str().ends_with('Z'));
        assert!(humantime::parse_rfc3339(t.as_str()).is_ok());
    }
}
