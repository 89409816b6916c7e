//! Wire copy as pasted from news sites: a short header (date, section, headline, agency or byline,
//! "Published" line) above a body that often opens with a dateline such as "SEOUL:".

use super::dates::parse_date;
use crate::core::model::ArticleMeta;

/// Agencies whose name alone on a header line (or before "Published") is the source.
const AGENCIES: &[&str] = &[
    "AFP",
    "AP",
    "Associated Press",
    "Reuters",
    "dpa",
    "DPA",
    "Xinhua",
    "Bloomberg",
    "UPI",
    "EFE",
    "ANSA",
    "Kyodo",
    "Yonhap",
    "TASS",
    "Anadolu",
    "PTI",
    "ANI",
    "IANS",
    "APP",
    "AAP",
    "PA",
    "Press Association",
    "Agence France-Presse",
    "NEWS WIRES",
    "Staff Reporter",
    "Dawn Report",
];

/// Header lines are short; more than this many before the body means it is not a wire header.
const MAX_HEADER_LINES: usize = 8;

/// A recognised wire-copy article: metadata from the header and the body from the first body
/// paragraph on (the dateline stays in the body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wire {
    pub meta: ArticleMeta,
    pub body: String,
}

/// Recognises a wire header in normalised text. `None` when the text does not look like wire copy,
/// in which case it should be imported as plain text.
pub fn parse(text: &str) -> Option<Wire> {
    let lines: Vec<&str> = text.lines().collect();
    let mut header: Vec<(usize, &str)> = Vec::new();
    let mut body_start = None;
    let mut dateline = None;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(place) = dateline_of(t) {
            dateline = Some(place);
            body_start = Some(i);
            break;
        }
        if is_body_like(t) {
            body_start = Some(i);
            break;
        }
        header.push((i, t));
        if header.len() > MAX_HEADER_LINES {
            return None;
        }
    }
    let body_start = body_start?;
    if header.len() < 2 {
        return None;
    }

    let mut meta = ArticleMeta::default();
    let mut kept: Vec<&str> = Vec::new();
    let mut rest: Vec<&str> = Vec::new();
    let mut dated = false;
    for &(_, line) in &header {
        if let Some((who, when)) = split_published(line)
            && let Some(iso) = parse_date(when)
        {
            if meta.published.is_empty() || iso.len() > meta.published.len() {
                meta.published = iso;
            }
            dated = true;
            credit(&mut meta, who);
            continue;
        }
        if let Some(iso) = parse_date(line) {
            if meta.published.is_empty() || iso.len() > meta.published.len() {
                meta.published = iso;
            }
            dated = true;
            continue;
        }
        if let Some(name) = line
            .strip_prefix("By ")
            .or_else(|| line.strip_prefix("by "))
        {
            credit(&mut meta, name);
            dated = true;
            continue;
        }
        if is_agency(line) {
            meta.source = line.to_string();
            dated = true;
            continue;
        }
        rest.push(line);
    }
    // The headline is the longest remaining line; a short line above it is the section.
    let (hi, headline) = rest
        .iter()
        .enumerate()
        .filter(|(_, l)| (3..=25).contains(&l.split_whitespace().count()))
        .max_by_key(|(_, l)| l.chars().count())
        .map(|(i, l)| (i, *l))?;
    if !dated {
        return None;
    }
    meta.title = headline.to_string();
    for (i, line) in rest.iter().enumerate() {
        if i == hi {
            continue;
        }
        let short = line.split_whitespace().count() <= 3 && line.chars().count() <= 40;
        if i < hi && short && meta.section.is_empty() && !line.ends_with(['.', '!', '?']) {
            meta.section = line.to_string();
        } else {
            // Anything the header held that is not metadata stays readable in the body.
            kept.push(line);
        }
    }
    if let Some((place, agency)) = dateline {
        meta.dateline = place;
        if meta.source.is_empty()
            && let Some(a) = agency
        {
            meta.source = a;
        }
    }
    let mut body = kept.join("\n\n");
    let tail = lines[body_start..].join("\n");
    if !body.is_empty() {
        body.push_str("\n\n");
    }
    body.push_str(tail.trim());
    Some(Wire { meta, body })
}

/// Fills byline and/or source from "AFP", "John Smith", "John Smith | Reuters", "By J. Smith, AP".
fn credit(meta: &mut ArticleMeta, who: &str) {
    let who = who
        .trim()
        .trim_start_matches("By ")
        .trim_start_matches("by ")
        .trim();
    for part in who.split(['|', '/', '–', '—']).map(str::trim) {
        let (name, agency) = match part.rsplit_once(", ") {
            Some((n, a)) if is_agency(a) => (n.trim(), Some(a)),
            _ if is_agency(part) => ("", Some(part)),
            _ => (part, None),
        };
        if let Some(a) = agency
            && meta.source.is_empty()
        {
            meta.source = a.to_string();
        }
        if !name.is_empty() && meta.byline.is_empty() {
            meta.byline = name.to_string();
        }
    }
}

fn is_agency(s: &str) -> bool {
    let s = s.trim().trim_matches(|c| c == '(' || c == ')');
    AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(s))
}

/// "AFP Published 30 Jan, 2023 06:40am" → ("AFP", "30 Jan, 2023 06:40am").
fn split_published(line: &str) -> Option<(&str, &str)> {
    for word in [
        "Published",
        "Updated",
        "Posted",
        "published",
        "updated",
        "posted",
    ] {
        if let Some(i) = line.find(word) {
            let who = line[..i]
                .trim()
                .trim_end_matches(['|', '-', '·', '•'])
                .trim();
            let after = line[i + word.len()..].trim_start_matches(':').trim();
            let when = after.strip_prefix("on ").unwrap_or(after).trim();
            return Some((who, when));
        }
    }
    None
}

/// A body paragraph rather than a header line: long, or a full sentence (headlines carry no period).
fn is_body_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.chars().count() > 200 || words > 30 || (words >= 10 && line.ends_with('.'))
}

/// "SEOUL:", "WASHINGTON (Reuters) -", "PARIS, Jan 30 (AFP) –" at the start of a paragraph →
/// ("SEOUL", agency if named). The place is in capitals; the paragraph goes on after the mark.
fn dateline_of(line: &str) -> Option<(String, Option<String>)> {
    let cut = line
        .char_indices()
        .take(80)
        .find(|(i, c)| {
            matches!(c, ':' | '—' | '–')
                || (*c == '-' && line[..*i].ends_with(' ') && line[*i + 1..].starts_with(' '))
        })
        .map(|(i, _)| i)?;
    let head = line[..cut].trim();
    let after = line[cut..].chars().skip(1).collect::<String>();
    if after.split_whitespace().count() < 4 {
        return None;
    }
    let (place_part, agency) = match head.split_once('(') {
        Some((p, a)) => (p.trim(), Some(a.trim_end_matches(')').trim().to_string())),
        None => (head, None),
    };
    let place = place_part.split(',').next().unwrap_or_default().trim();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.len() > 30 || letters.iter().any(|c| c.is_lowercase()) {
        return None;
    }
    if !place
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
    {
        return None;
    }
    Some((place.to_string(), agency.filter(|a| is_agency(a))))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Jan 30, 2023\nWorld\n\nNorth Korea denies supplying to weapons to Russia\n\nAFP Published 30 Jan, 2023 06:40am\nSEOUL: North Korea on Sunday denied providing arms to Moscow after the “US” said so.\n\nSecond paragraph.";

    #[test]
    fn sample_header_becomes_metadata() {
        let w = parse(SAMPLE).expect("wire");
        assert_eq!(
            w.meta.title,
            "North Korea denies supplying to weapons to Russia"
        );
        assert_eq!(w.meta.section, "World");
        assert_eq!(w.meta.source, "AFP");
        assert_eq!(w.meta.published, "2023-01-30T06:40");
        assert_eq!(w.meta.dateline, "SEOUL");
        assert!(w.body.starts_with("SEOUL: North Korea on Sunday"));
        assert!(w.body.ends_with("Second paragraph."));
    }

    #[test]
    fn reuters_style_dateline_and_byline() {
        let t = "Markets rally as inflation cools sharply in March\nBy Jane Doe | Reuters\nMarch 3, 2024\n\nNEW YORK (Reuters) - Stocks rose on Friday after data showed prices easing.";
        let w = parse(t).expect("wire");
        assert_eq!(
            w.meta.title,
            "Markets rally as inflation cools sharply in March"
        );
        assert_eq!(
            (w.meta.byline.as_str(), w.meta.source.as_str()),
            ("Jane Doe", "Reuters")
        );
        assert_eq!(w.meta.published, "2024-03-03");
        assert_eq!(w.meta.dateline, "NEW YORK");
        assert!(w.body.starts_with("NEW YORK (Reuters) - Stocks"));
    }

    #[test]
    fn headline_byline_published_without_dateline() {
        let t = "Pakistan’s “new” budget: what changes for you\n\nReuters | Published June 10, 2024 at 9:15pm\n\nThe government unveiled its budget on Monday, raising taxes on salaried workers and retailers.\n\nMore text.";
        let w = parse(t).expect("wire");
        assert_eq!(
            w.meta.title,
            "Pakistan’s “new” budget: what changes for you"
        );
        assert_eq!(w.meta.source, "Reuters");
        assert_eq!(w.meta.published, "2024-06-10T21:15");
        assert_eq!(w.meta.dateline, "");
        assert!(w.body.starts_with("The government unveiled"));
    }

    #[test]
    fn ordinary_text_is_not_wire_copy() {
        let feature = "Tax cuts, spending increases and higher rates could make it harder to respond to recessions.\n\nImage\n\nInterest payments on the federal debt could surpass the Defense budget.CreditEPA\n\nSept. 25, 2018\n\nThe federal government could soon pay more in interest on its debt than it spends on the military, Medicaid or children’s programs.";
        assert!(parse(feature).is_none());
        assert!(
            parse("Shopping list\n\nEggs, milk, bread and a few other things for the weekend.")
                .is_none()
        );
        assert!(
            parse("Note: call Bob tomorrow about the plan and the budget numbers please.")
                .is_none()
        );
        assert!(
            parse("Dear all,\nThe meeting moved.\nSee you there on time please everyone.")
                .is_none()
        );
    }
}
