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

    /// For people: `2023-01-30T08:15:00Z` reads "30 Jan 2023, 08:15 UTC". Anything not in that
    /// shape is shown as stored.
    pub fn readable(&self) -> String {
        let s = self.0.as_str();
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b.get(r.clone())
                .filter(|d| d.iter().all(u8::is_ascii_digit))
                .and_then(|_| s.get(r))
        };
        let shape = b.len() >= 16 && b[4] == b'-' && b[7] == b'-' && b[10] == b'T' && b[13] == b':';
        let parts = (
            digits(0..4),
            digits(5..7),
            digits(8..10),
            digits(11..13),
            digits(14..16),
        );
        let (true, (Some(y), Some(m), Some(d), Some(hh), Some(mm))) = (shape, parts) else {
            return s.to_string();
        };
        let Some(month) = m
            .parse::<usize>()
            .ok()
            .and_then(|m| m.checked_sub(1))
            .and_then(|i| MONTH_NAMES.get(i))
        else {
            return s.to_string();
        };
        let mut mon: String = month.chars().take(3).collect();
        mon[..1].make_ascii_uppercase();
        let zone = if s.ends_with('Z') { " UTC" } else { "" };
        format!("{} {mon} {y}, {hh}:{mm}{zone}", d.trim_start_matches('0'))
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
    fn readable_dates() {
        let t = |s: &str| Timestamp(s.to_string()).readable();
        assert_eq!(t("2023-01-30T08:15:00Z"), "30 Jan 2023, 08:15 UTC");
        assert_eq!(t("2026-12-09T23:59:59Z"), "9 Dec 2026, 23:59 UTC");
        assert_eq!(t("yesterday"), "yesterday");
        assert_eq!(t("2023-13-30T08:15:00Z"), "2023-13-30T08:15:00Z");
        assert_eq!(t("2023-01-30T08:1é:00Z"), "2023-01-30T08:1é:00Z");
    }

    #[test]
    fn now_is_rfc3339_utc() {
        let t = Timestamp::now();
        assert_eq!(t.as_str().len(), 20, "{t}");
        assert!(t.as_str().ends_with('Z'));
        assert!(humantime::parse_rfc3339(t.as_str()).is_ok());
    }
}
