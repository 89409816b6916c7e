//! schema.org ClaimReview JSON-LD, the markup fact-checkers publish for Google Fact Check Explorer.
//!
//! Rating mapping (a 1–3 scale, higher = better supported):
//! sourced → 3 "Sourced", disputed → 2 "Disputed", denied → 1 "Denied"; bestRating 3, worstRating 1.
//! Unreviewed claims have no verdict and are left out.

use crate::core::model::{Article, Claim, Project, Status};
use serde::Serialize;

pub const BEST_RATING: u8 = 3;
pub const WORST_RATING: u8 = 1;

/// The `ratingValue` of a status; `None` for unreviewed (no verdict, no ClaimReview).
pub fn rating_value(status: Status) -> Option<u8> {
    match status {
        Status::Unreviewed => None,
        Status::Sourced => Some(3),
        Status::Disputed => Some(2),
        Status::Denied => Some(1),
    }
}

/// Words that mark a speaker as an organisation rather than a person.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "agency", "ministry", "government", "office", "department", "council", "committee", "news",
    "party", "army", "military", "police", "house", "company", "corporation", "inc", "ltd",
    "group", "association", "union", "commission", "bureau", "embassy", "nato", "un", "court",
    "parliament", "congress", "senate", "foundation", "institute", "university", "organisation",
    "organization", "media", "press", "times", "post", "television", "radio", "kremlin",
    "republic", "kingdom", "states", "nations", "federation", "administration", "pentagon",
];

/// Places often quoted as speakers ("Washington said"): they stand for a government.
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "north korea", "south korea", "korea", "russia", "china", "ukraine", "iran", "israel",
    "washington", "moscow", "pyongyang", "seoul", "beijing", "kyiv", "tokyo", "london", "paris",
    "berlin", "brussels", "tehran", "japan", "france", "germany", "india", "syria", "turkey",
];

/// `Organization` for acronyms (KCNA) and names with an organisation word, else `Person`.
pub fn speaker_type(speaker: &str) -> &'static str {
    let letters: Vec<char> = speaker.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym =
        letters.len() >= 2 && !speaker.contains(' ') && letters.iter().all(|c| c.is_uppercase());
    let has_org_word = speaker
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()));
    let place = PLACES.contains(&speaker.trim().to_lowercase().as_str());
    if acronym || has_org_word || place {
        "Organization"
    } else {
        "Person"
    }
}

/// The date part of an ISO 8601 date-time, when the text starts with one (`YYYY-MM-DD`).
pub fn iso_date(s: &str) -> Option<&str> {
    let d = s.get(..10)?;
    let b = d.as_bytes();
    let ok = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    ok.then_some(d)
}

fn nonempty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Review<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    claim_reviewed: &'a str,
    item_reviewed: ItemReviewed<'a>,
    author: Party<'a>,
    review_rating: Rating,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    review_body: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    citation: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ItemReviewed<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Party<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    appearance: Option<Appearance<'a>>,
}

/// A Person or Organization.
#[derive(Serialize)]
struct Party<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Appearance<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Party<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Party<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rating {
    #[serde(rename = "@type")]
    kind: &'static str,
    rating_value: u8,
    best_rating: u8,
    worst_rating: u8,
    alternate_name: &'static str,
}

fn party<'a>(kind: &'static str, name: &'a str) -> Option<Party<'a>> {
    nonempty(name).map(|n| Party {
        kind,
        name: Some(n),
        url: None,
    })
}

fn appearance(article: &Article) -> Appearance<'_> {
    let m = &article.meta;
    Appearance {
        kind: "NewsArticle",
        url: nonempty(&m.url),
        headline: nonempty(&m.title),
        // Only ISO 8601 dates are valid here; a date as printed ("30 Jan, 2023") is left out.
        date_published: iso_date(&m.published).map(|_| m.published.as_str()),
        author: party("Person", &m.byline),
        publisher: party("Organization", &m.source),
    }
}

/// One ClaimReview object, or `None` for an unreviewed claim.
fn review<'a>(project: &'a Project, claim: &'a Claim) -> Option<Review<'a>> {
    let rating = rating_value(claim.status)?;
    let article = project.article(&claim.article);
    let s = &project.settings;
    // The review's own page is not known; the reviewer's site plus the claim id is unique and
    // stable, to be replaced by the published review page's address.
    let url = nonempty(&s.reviewer_url)
        .map(|base| format!("{}#{}", base.trim_end_matches('#'), claim.id));
    Some(Review {
        context: "https://schema.org",
        kind: "ClaimReview",
        url,
        claim_reviewed: &claim.anchor.quote,
        item_reviewed: ItemReviewed {
            kind: "Claim",
            author: party(speaker_type(&claim.speaker), &claim.speaker),
            date_published: article.and_then(|a| iso_date(&a.meta.published)),
            appearance: article.map(appearance),
        },
        author: Party {
            kind: "Organization",
            name: nonempty(&s.reviewer_org),
            url: nonempty(&s.reviewer_url),
        },
        review_rating: Rating {
            kind: "Rating",
            rating_value: rating,
            best_rating: BEST_RATING,
            worst_rating: WORST_RATING,
            alternate_name: claim.status.label(),
        },
        date_published: iso_date(claim.updated.as_str()),
        review_body: nonempty(&claim.note),
        citation: claim
            .sources
            .iter()
            .map(|s| s.url.as_str())
            .filter(|u| !u.is_empty())
            .collect(),
    })
}

/// What a fact-check database would reject or miss in this export.
pub fn warnings(project: &Project, claims: &[&Claim]) -> Vec<String> {
    let mut out = Vec::new();
    if project.settings.reviewer_org.trim().is_empty() {
        out.push(
            "no reviewer organisation in the project settings: ClaimReview `author` has no name"
                .to_string(),
        );
    }
    if project.settings.reviewer_url.trim().is_empty() {
        out.push(
            "no reviewer URL in the project settings: ClaimReview `url` is left out".to_string(),
        );
    }
    let unreviewed = claims.iter().filter(|c| !c.status.is_reviewed()).count();
    if unreviewed > 0 {
        out.push(format!(
            "{unreviewed} unreviewed claim(s) left out: a ClaimReview needs a verdict"
        ));
    }
    let mut no_url: Vec<&str> = claims
        .iter()
        .filter_map(|c| project.article(&c.article))
        .filter(|a| a.meta.url.trim().is_empty())
        .map(|a| a.display_title())
        .collect();
    no_url.dedup();
    for t in no_url {
        out.push(format!(
            "article '{t}' has no URL: `appearance` cannot link to it"
        ));
    }
    out
}

/// A JSON array with one ClaimReview per reviewed claim.
pub fn write(project: &Project, claims: &[&Claim]) -> Result<Vec<u8>, serde_json::Error> {
    let reviews: Vec<Review> = claims.iter().filter_map(|c| review(project, c)).collect();
    let mut out = Vec::with_capacity(reviews.len() * 1200);
    serde_json::to_writer_pretty(&mut out, &reviews)?;
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_are_typed() {
        assert_eq!(speaker_type("KCNA"), "Organization");
        assert_eq!(speaker_type("Korean Central News Agency"), "Organization");
        assert_eq!(speaker_type("White House"), "Organization");
        assert_eq!(speaker_type("North Korea"), "Organization");
        assert_eq!(speaker_type("United States"), "Organization");
        assert_eq!(speaker_type("John Kirby"), "Person");
        assert_eq!(speaker_type("Kim Yo Jong"), "Person");
        assert_eq!(speaker_type("X"), "Person");
    }

    #[test]
    fn dates_and_ratings() {
        assert_eq!(iso_date("2023-01-30T06:40"), Some("2023-01-30"));
        assert_eq!(iso_date("30 Jan, 2023"), None);
        assert_eq!(iso_date("2023"), None);
        assert_eq!(rating_value(Status::Unreviewed), None);
        let order: Vec<_> = [Status::Denied, Status::Disputed, Status::Sourced]
            .map(rating_value)
            .into_iter()
            .collect();
        assert_eq!(order, vec![Some(1), Some(2), Some(3)]);
    }
}
