//! schema.org ClaimReview JSON-LD, the markup fact-checkers publish for Google Fact Check Explorer.
//!
//! Rating mapping (a 1–3 scale, higher = better supported):
//! sourced → 3 "Sourced", disputed → 2 "Disputed", denied → 1 "Denied"; bestRating 3, worstRating 1.
//! Unreviewed claims have no verdict and are left out.

use crate::core::model::{Article, Claim, Project, Status};
use serde_json::{Map, Value, json};

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

fn insert_nonempty(m: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.trim().is_empty() {
        m.insert(key.to_string(), Value::String(value.to_string()));
    }
}

fn appearance(article: &Article) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("NewsArticle"));
    insert_nonempty(&mut m, "url", &article.meta.url);
    insert_nonempty(&mut m, "headline", &article.meta.title);
    // Only ISO 8601 dates are valid here; a date as printed ("30 Jan, 2023") is left out.
    if iso_date(&article.meta.published).is_some() {
        insert_nonempty(&mut m, "datePublished", &article.meta.published);
    }
    if !article.meta.byline.trim().is_empty() {
        m.insert(
            "author".into(),
            json!({"@type": "Person", "name": article.meta.byline}),
        );
    }
    if !article.meta.source.trim().is_empty() {
        m.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": article.meta.source}),
        );
    }
    Value::Object(m)
}

/// One ClaimReview object, or `None` for an unreviewed claim.
pub fn review(project: &Project, claim: &Claim) -> Option<Value> {
    let rating = rating_value(claim.status)?;
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    if !claim.speaker.trim().is_empty() {
        item.insert(
            "author".into(),
            json!({"@type": speaker_type(&claim.speaker), "name": claim.speaker}),
        );
    }
    if let Some(a) = project.article(&claim.article) {
        if let Some(d) = iso_date(&a.meta.published) {
            item.insert("datePublished".into(), json!(d));
        }
        item.insert("appearance".into(), appearance(a));
    }
    let mut m = Map::new();
    m.insert("@context".into(), json!("https://schema.org"));
    m.insert("@type".into(), json!("ClaimReview"));
    let s = &project.settings;
    if !s.reviewer_url.trim().is_empty() {
        // The review's own page is not known; the reviewer's site plus the claim id is unique and
        // stable, to be replaced by the published review page's address.
        let base = s.reviewer_url.trim_end_matches('#');
        m.insert("url".into(), json!(format!("{base}#{}", claim.id)));
    }
    m.insert("claimReviewed".into(), json!(claim.anchor.quote));
    m.insert("itemReviewed".into(), Value::Object(item));
    let mut author = Map::new();
    author.insert("@type".into(), json!("Organization"));
    insert_nonempty(&mut author, "name", &s.reviewer_org);
    insert_nonempty(&mut author, "url", &s.reviewer_url);
    m.insert("author".into(), Value::Object(author));
    m.insert(
        "reviewRating".into(),
        json!({
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": claim.status.label(),
        }),
    );
    if let Some(d) = iso_date(claim.updated.as_str()) {
        m.insert("datePublished".into(), json!(d));
    }
    insert_nonempty(&mut m, "reviewBody", &claim.note);
    let cites: Vec<&str> = claim
        .sources
        .iter()
        .map(|s| s.url.as_str())
        .filter(|u| !u.is_empty())
        .collect();
    if !cites.is_empty() {
        m.insert("citation".into(), json!(cites));
    }
    Some(Value::Object(m))
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
    let reviews: Vec<Value> = claims.iter().filter_map(|c| review(project, c)).collect();
    let mut out = serde_json::to_vec_pretty(&reviews)?;
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
