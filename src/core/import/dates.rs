//! Reading the dates printed in article headers ("Jan 30, 2023", "30 Jan, 2023 06:40am") as ISO 8601,
//! and bringing the published dates of every import to one stored form.

use crate::core::time::{month_number as month_of, parse_iso};

/// The published date as stored: ISO 8601 (`2019-01-03T07:00:02Z`, `2021-11-01T10:52:50+01:00`,
/// `2019-01-03T07:00` when the page named no zone or seconds, `2019-01-03`), read from the machine forms
/// pages carry or from a printed date ("Jan 30, 2023 06:40am"). Text that is neither is kept as it
/// is, so nothing the page said is lost; `core::time::display_date` shows either for people.
pub fn normalize_published(raw: &str) -> String {
    let s = raw.trim();
    if let Some(d) = parse_iso(s) {
        return d.to_iso();
    }
    parse_date(s).unwrap_or_else(|| s.to_string())
}

/// Parses a printed date with an optional time into `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`. Returns
/// `None` unless the whole text (apart from weekday names, "at" and punctuation) is a date.
pub fn parse_date(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '|')
        .filter(|t| !t.is_empty())
        .collect();
    let (mut year, mut month, mut day, mut time) = (None, None, None, None);
    let mut pm: Option<bool> = None;
    for tok in tokens {
        let t = tok.trim_matches(|c: char| c == '.' || c == '(' || c == ')');
        if t.is_empty()
            || matches!(
                t,
                "at" | "on"
                    | "gmt"
                    | "utc"
                    | "ist"
                    | "kst"
                    | "pkt"
                    | "est"
                    | "et"
                    | "edt"
                    | "bst"
                    | "cet"
            )
        {
            continue;
        }
        if is_weekday(t) {
            continue;
        }
        if let Some(iso) = iso_date(t) {
            (year, month, day) = (Some(iso.0), Some(iso.1), Some(iso.2));
            if let Some((_, tm)) = t.split_once('t') {
                time = clock(tm.get(..5).unwrap_or(tm)).map(|(h, m, _)| (h, m));
            }
            continue;
        }
        if let Some(m) = month_of(t) {
            month = Some(m);
            continue;
        }
        if let Some((h, m, suffix)) = clock(t) {
            time = Some((h, m));
            pm = suffix.or(pm);
            continue;
        }
        if matches!(t, "am" | "a.m" | "pm" | "p.m") {
            pm = Some(t.starts_with('p'));
            continue;
        }
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let n: u32 = digits.parse().ok()?;
        if digits.len() == 4 && year.is_none() {
            year = Some(n);
        } else if (1..=31).contains(&n) && day.is_none() && digits.len() <= 2 {
            day = Some(n);
        } else {
            return None;
        }
    }
    let (y, m, d) = (year?, month?, day?);
    if !(1900..=2200).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    Some(match time {
        Some((mut h, min)) => {
            if pm == Some(true) && h < 12 {
                h += 12;
            } else if pm == Some(false) && h == 12 {
                h = 0;
            }
            format!("{date}T{h:02}:{min:02}")
        }
        None => date,
    })
}

fn is_weekday(t: &str) -> bool {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .any(|d| t.starts_with(d) && t.len() <= 9 && t.chars().all(|c| c.is_alphabetic()))
}

/// "06:40", "6:40am", "18:05" → (hour, minute, Some(pm) when a suffix was glued on).
fn clock(t: &str) -> Option<(u32, u32, Option<bool>)> {
    let (hm, suffix) = if let Some(s) = t.strip_suffix("am") {
        (s, Some(false))
    } else if let Some(s) = t.strip_suffix("pm") {
        (s, Some(true))
    } else {
        (t, None)
    };
    let (h, m) = hm.split_once(':')?;
    let m = m.get(..2).unwrap_or(m);
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m, suffix))
}

/// "2023-01-30" (optionally followed by "T...").
fn iso_date(t: &str) -> Option<(u32, u32, u32)> {
    let date = t.get(..10)?;
    let mut parts = date.split('-');
    let y = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
    let m = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
    let d = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
    (t.len() == 10 || t[10..].starts_with('t')).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_dates_are_stored_as_iso() {
        assert_eq!(
            normalize_published("2019-01-03T07:00:02.000Z"),
            "2019-01-03T07:00:02Z"
        );
        assert_eq!(
            normalize_published(" 2021-11-01T10:52:50+0100 "),
            "2021-11-01T10:52:50+01:00"
        );
        assert_eq!(
            normalize_published("Jan 30, 2023 06:40am"),
            "2023-01-30T06:40"
        );
        assert_eq!(normalize_published("2023-01-30T06:40"), "2023-01-30T06:40");
        assert_eq!(normalize_published("last Tuesday"), "last Tuesday");
        assert_eq!(normalize_published(""), "");
    }

    #[test]
    fn printed_dates() {
        assert_eq!(parse_date("Jan 30, 2023").as_deref(), Some("2023-01-30"));
        assert_eq!(
            parse_date("30 Jan, 2023 06:40am").as_deref(),
            Some("2023-01-30T06:40")
        );
        assert_eq!(
            parse_date("Monday, 5 June 2023 at 6:05 pm").as_deref(),
            Some("2023-06-05T18:05")
        );
        assert_eq!(
            parse_date("2021-11-01T10:52:50+0100").as_deref(),
            Some("2021-11-01T10:52")
        );
        assert_eq!(parse_date("Sept. 3rd, 2019").as_deref(), Some("2019-09-03"));
        assert_eq!(parse_date("World"), None);
        assert_eq!(parse_date("May the force be with you 2023"), None);
        assert_eq!(
            parse_date("North Korea denies supplying to weapons to Russia"),
            None
        );
    }
}
