//! Wall-clock timestamps as RFC 3339 UTC strings (second precision), the form stored in project
//! files; reading stored ISO 8601 dates and showing them in the reader's locale.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
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

/// A date as stored in an article: the calendar day, the time when known, and the UTC offset when
/// the source gave one (a time without an offset is the publisher's local time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredDate {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub offset: Option<FixedOffset>,
    /// Whether the source gave seconds: `2023-01-30T06:40` stays without them.
    pub seconds: bool,
}

/// Reads the ISO 8601 shapes pages and feeds use: `2019-01-03`, `2019-01-03T07:00`,
/// `2019-01-03T07:00:02.000Z`, `2021-11-01T10:52:50+0100`, `2017-11-03 03:01:00.000000`, and the
/// RFC 2822 form of HTTP headers and feeds. `None` for anything else.
pub fn parse_iso(text: &str) -> Option<StoredDate> {
    let s = text.trim();
    // Years outside this range are typos or placeholders, not publication dates.
    let plausible = |d: NaiveDate| (1800..=2999).contains(&d.year());
    let with_offset = |dt: DateTime<FixedOffset>, seconds: bool| {
        plausible(dt.date_naive()).then(|| StoredDate {
            date: dt.date_naive(),
            time: Some(dt.time().with_nanosecond(0).unwrap_or(dt.time())),
            offset: Some(*dt.offset()),
            seconds,
        })
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return with_offset(dt, true);
    }
    // `%.f` takes an optional fraction; `%#z` takes +01:00, +0100, +01 and Z.
    for (f, seconds) in [
        ("%Y-%m-%dT%H:%M:%S%.f%#z", true),
        ("%Y-%m-%d %H:%M:%S%.f%#z", true),
        ("%Y-%m-%dT%H:%M%#z", false),
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, f) {
            return with_offset(dt, seconds);
        }
    }
    if (s.contains(',') || s.ends_with("GMT"))
        && let Ok(dt) = DateTime::parse_from_rfc2822(s)
    {
        return with_offset(dt, true);
    }
    for (f, seconds) in [
        ("%Y-%m-%dT%H:%M:%S%.f", true),
        ("%Y-%m-%d %H:%M:%S%.f", true),
        ("%Y-%m-%dT%H:%M", false),
        ("%Y-%m-%d %H:%M", false),
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return plausible(dt.date()).then(|| StoredDate {
                date: dt.date(),
                time: Some(dt.time().with_nanosecond(0).unwrap_or(dt.time())),
                offset: None,
                seconds,
            });
        }
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    plausible(date).then_some(StoredDate {
        date,
        time: None,
        offset: None,
        seconds: false,
    })
}

impl StoredDate {
    /// The stored form: `2019-01-03`, `2019-01-03T07:00`, `2019-01-03T07:00:02Z` or
    /// `2021-11-01T10:52:50+01:00`. Seconds are kept when the source gave them, fractions of a
    /// second dropped (no page means them).
    pub fn to_iso(&self) -> String {
        let date = self.date.format("%Y-%m-%d");
        let Some(time) = self.time else {
            return date.to_string();
        };
        let time = time.format(if self.seconds { "%H:%M:%S" } else { "%H:%M" });
        match self.offset {
            None => format!("{date}T{time}"),
            Some(o) if o.local_minus_utc() == 0 => format!("{date}T{time}Z"),
            Some(o) => format!("{date}T{time}{o}"),
        }
    }
}

/// The language and region of a locale name: `en_GB.UTF-8` → ("en", "GB"), `de` → ("de", "").
fn locale_parts(locale: &str) -> (String, String) {
    let base = locale.split(['.', '@']).next().unwrap_or_default();
    let mut parts = base.split(['_', '-']);
    let lang = parts.next().unwrap_or_default().to_ascii_lowercase();
    let region = parts.next().unwrap_or_default().to_ascii_uppercase();
    (lang, region)
}

/// The locale dates are shown in, POSIX precedence: `LC_ALL`, then `LC_TIME`, then `LANG`; the
/// first that is set and not empty. "C" and "POSIX" (no preference) give `en_GB`.
pub fn locale_from_vars(lc_all: Option<&str>, lc_time: Option<&str>, lang: Option<&str>) -> String {
    let chosen = [lc_all, lc_time, lang]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    let (l, _) = locale_parts(chosen);
    if l.is_empty() || l == "c" || l == "posix" {
        "en_GB".to_string()
    } else {
        chosen.to_string()
    }
}

/// [`locale_from_vars`] over this process's environment.
pub fn locale_from_env() -> String {
    let var = |k: &str| std::env::var(k).ok();
    locale_from_vars(
        var("LC_ALL").as_deref(),
        var("LC_TIME").as_deref(),
        var("LANG").as_deref(),
    )
}

/// Month names for the languages whose date order and words are spelt out below, January first.
fn months(lang: &str) -> Option<[&'static str; 12]> {
    Some(match lang {
        "de" => [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
        "fr" => [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        "es" => [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        "it" => [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
        "pt" => [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
        "nl" => [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        _ => return None,
    })
}

/// A stored date for people, in the given locale (`en_GB.UTF-8`, `en-US`, `de_DE`; see
/// [`locale_from_env`]): "3 January 2019, 07:00 UTC" (en_GB and the default), "January 3, 2019,
/// 7:00 AM UTC" (en_US), "3. Januar 2019, 07:00 UTC" (de), "2019年1月3日 07:00 UTC" (ja, zh).
/// The time is the one stored, never moved to the reader's zone: the zone is named instead
/// ("UTC", "UTC+01:00"; nothing when the page gave none). Text that is not a stored date is
/// returned as it is.
pub fn display_date(stored: &str, locale: &str) -> String {
    let Some(d) = parse_iso(stored) else {
        return stored.trim().to_string();
    };
    let (lang, region) = locale_parts(locale);
    let (day, month, year) = (d.date.day(), d.date.month(), d.date.year());
    let us = lang == "en" && region == "US";
    let clock = d.time.map(|t| {
        let (h, m) = (t.hour(), t.minute());
        let mut c = if us {
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            format!("{h12}:{m:02} {}", if h < 12 { "AM" } else { "PM" })
        } else {
            format!("{h:02}:{m:02}")
        };
        match d.offset {
            Some(o) if o.local_minus_utc() == 0 => c.push_str(" UTC"),
            Some(o) => c.push_str(&format!(" UTC{o}")),
            None => {}
        }
        c
    });
    let english = {
        let mut name = MONTH_NAMES[month as usize - 1].to_string();
        name[..1].make_ascii_uppercase();
        name
    };
    let (date, joiner) = match (lang.as_str(), months(&lang)) {
        ("ja" | "zh", _) => (format!("{year}年{month}月{day}日"), " "),
        ("ko", _) => (format!("{year}년 {month}월 {day}일"), " "),
        ("de", Some(m)) => (format!("{day}. {} {year}", m[month as usize - 1]), ", "),
        ("fr", Some(m)) => (format!("{day} {} {year}", m[month as usize - 1]), " à "),
        ("es" | "pt", Some(m)) => (
            format!("{day} de {} de {year}", m[month as usize - 1]),
            ", ",
        ),
        (_, Some(m)) => (format!("{day} {} {year}", m[month as usize - 1]), ", "),
        _ if us => (format!("{english} {day}, {year}"), ", "),
        _ => (format!("{day} {english} {year}"), ", "),
    };
    match clock {
        Some(c) => format!("{date}{joiner}{c}"),
        None => date,
    }
}

/// [`display_date`] in the locale of this process's environment.
pub fn display_date_here(stored: &str) -> String {
    display_date(stored, &locale_from_env())
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
    fn stored_dates_read_and_normalise() {
        let iso = |s: &str| parse_iso(s).map(|d| d.to_iso());
        assert_eq!(
            iso("2019-01-03T07:00:02.000Z").as_deref(),
            Some("2019-01-03T07:00:02Z")
        );
        assert_eq!(
            iso("2021-11-01T10:52:50+0100").as_deref(),
            Some("2021-11-01T10:52:50+01:00")
        );
        assert_eq!(
            iso("2016-12-22T10:43:37-08:00").as_deref(),
            Some("2016-12-22T10:43:37-08:00")
        );
        assert_eq!(
            iso("2017-11-03 03:01:00.000000").as_deref(),
            Some("2017-11-03T03:01:00")
        );
        assert_eq!(
            iso("2023-06-07T20:54:26.829Z").as_deref(),
            Some("2023-06-07T20:54:26Z")
        );
        assert_eq!(iso("2023-01-30T06:40").as_deref(), Some("2023-01-30T06:40"));
        assert_eq!(iso("2019-04-28").as_deref(), Some("2019-04-28"));
        assert_eq!(
            iso("Thu, 03 Jan 2019 07:00:02 GMT").as_deref(),
            Some("2019-01-03T07:00:02Z")
        );
        for bad in [
            "",
            "yesterday",
            "2019-13-03",
            "2019-02-30T07:00Z",
            "0001-01-01",
            "2019",
        ] {
            assert_eq!(iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_shown_in_the_readers_locale() {
        let d = "2019-01-03T07:00:02Z";
        assert_eq!(display_date(d, "en_GB.UTF-8"), "3 January 2019, 07:00 UTC");
        assert_eq!(
            display_date(d, "en_US.UTF-8"),
            "January 3, 2019, 7:00 AM UTC"
        );
        assert_eq!(display_date(d, "de_DE.UTF-8"), "3. Januar 2019, 07:00 UTC");
        assert_eq!(display_date(d, "fr-FR"), "3 janvier 2019 à 07:00 UTC");
        assert_eq!(display_date(d, "es_ES"), "3 de enero de 2019, 07:00 UTC");
        assert_eq!(display_date(d, "ja_JP.UTF-8"), "2019年1月3日 07:00 UTC");
        assert_eq!(display_date(d, "sv_SE"), "3 January 2019, 07:00 UTC");
        assert_eq!(display_date(d, ""), "3 January 2019, 07:00 UTC");
        assert_eq!(
            display_date("2021-11-01T22:52:50+01:00", "en_US"),
            "November 1, 2021, 10:52 PM UTC+01:00"
        );
        assert_eq!(
            display_date("2023-01-30T00:05", "en_US"),
            "January 30, 2023, 12:05 AM"
        );
        assert_eq!(display_date("2019-04-28", "en_GB"), "28 April 2019");
        assert_eq!(display_date("2019-04-28", "en_US"), "April 28, 2019");
        assert_eq!(display_date("  Spring 2019 ", "en_GB"), "Spring 2019");
    }

    #[test]
    fn locale_follows_posix_precedence() {
        assert_eq!(locale_from_vars(None, None, None), "en_GB");
        assert_eq!(locale_from_vars(Some(""), None, Some("C.UTF-8")), "en_GB");
        assert_eq!(
            locale_from_vars(None, Some("en_US.UTF-8"), Some("de_DE.UTF-8")),
            "en_US.UTF-8"
        );
        assert_eq!(
            locale_from_vars(Some("fr_FR"), Some("en_US"), Some("de_DE")),
            "fr_FR"
        );
        assert_eq!(locale_from_vars(None, None, Some("pt_BR")), "pt_BR");
    }

    #[test]
    fn now_is_rfc3339_utc() {
        let t = Timestamp::now();
        assert_eq!(t.as_str().len(), 20, "{t}");
        assert!(t.as_str().ends_with('Z'));
        assert!(humantime::parse_rfc3339(t.as_str()).is_ok());
    }
}
