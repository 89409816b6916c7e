//! schema.org ClaimReview JSON-LD, the markup fact-checkers publish for Google Fact Check Explorer.
//!
//! A ClaimReview publishes a **verdict**, never a status. Mapping (docs/EXPORT.md):
//! - a claim with a verdict: `reviewRating.alternateName` is the level's name; `ratingValue`,
//!   `bestRating` and `worstRating` are the level's number and the scale's extremes when the
//!   project's scale has numbers, and are left out when it has none;
//! - a reviewed claim without a verdict: its status is stated for what it is (an `alternateName`
//!   such as "Denied by the party concerned (no verdict)", the same sentence in `reviewBody` when
//!   there is no note), with no number: a status is never mapped onto a truth scale;
//! - an unreviewed claim without a verdict is left out.
//!
//! `claimReviewed` is the claim's summary when it has one, else the quote; `url` is the claim's
//! review URL, else (until the review is published) the reviewer's site plus the claim id.

use crate::core::model::{Article, Claim, Project, Status};
use serde::Serialize;

/// How a status is stated when a reviewed claim has no verdict: what it is, not a rating.
pub fn status_statement(status: Status) -> Option<&'static str> {
    match status {
        Status::Unreviewed => None,
        Status::Sourced => Some("Sourced: backed by a cited source (no verdict)"),
        Status::Disputed => Some("Disputed: contested in the reporting (no verdict)"),
        Status::Denied => Some("Denied by the party concerned (no verdict)"),
    }
}

/// Google's advice: a claim summary under about this many characters reads best.
pub const SUMMARY_ADVISED_CHARS: usize = 75;

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
    review_rating: Rating<'a>,
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
    /// When the outlet changed the article after the claim was marked (a new version).
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Party<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Party<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rating<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rating_value: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    best_rating: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    worst_rating: Option<i32>,
    alternate_name: &'a str,
}

/// The rating a claim is published with: its verdict, else its status stated; `None` when it has
/// neither (unreviewed, no verdict).
fn rating<'a>(project: &'a Project, claim: &'a Claim) -> Option<Rating<'a>> {
    if let Some(verdict) = nonempty(&claim.verdict) {
        let scale = project.settings.rating_scale.as_ref();
        let level = scale.and_then(|s| s.level(verdict));
        let extremes = scale.and_then(|s| s.best_worst());
        let numeric = level.and_then(|l| l.value).zip(extremes);
        return Some(Rating {
            kind: "Rating",
            rating_value: numeric.map(|(v, _)| v),
            best_rating: numeric.map(|(_, (best, _))| best),
            worst_rating: numeric.map(|(_, (_, worst))| worst),
            alternate_name: level.map_or(verdict, |l| l.name.as_str()),
        });
    }
    status_statement(claim.status).map(|statement| Rating {
        kind: "Rating",
        rating_value: None,
        best_rating: None,
        worst_rating: None,
        alternate_name: statement,
    })
}

fn party<'a>(kind: &'static str, name: &'a str) -> Option<Party<'a>> {
    nonempty(name).map(|n| Party {
        kind,
        name: Some(n),
        url: None,
    })
}

fn appearance<'a>(article: &'a Article, claim: &Claim) -> Appearance<'a> {
    let m = &article.meta;
    Appearance {
        kind: "NewsArticle",
        url: nonempty(&m.url),
        headline: nonempty(&m.title),
        // Only ISO 8601 dates are valid here; a date as printed ("30 Jan, 2023") is left out.
        date_published: iso_date(&m.published).map(|_| m.published.as_str()),
        // A claim the analyst kept as "changed by the outlet": the article was modified after it
        // was checked (when its last version was added). A claim only flagged, not yet re-placed
        // or kept, says nothing yet: the analyst has not decided what the change means.
        date_modified: claim
            .changed
            .as_ref()
            .filter(|ch| ch.kept)
            .and_then(|_| iso_date(&article.version_added))
            .map(|_| article.version_added.as_str()),
        author: party("Person", &m.byline),
        publisher: party("Organization", &m.source),
    }
}

/// The review's `url`: the published review page, else the reviewer's site plus the claim id
/// (unique and stable, to be replaced by the page's address once published).
fn review_url(project: &Project, claim: &Claim) -> Option<String> {
    nonempty(&claim.review_url).map(str::to_string).or_else(|| {
        nonempty(&project.settings.reviewer_url)
            .map(|base| format!("{}#{}", base.trim_end_matches('#'), claim.id))
    })
}

/// One ClaimReview object, or `None` for a claim with neither verdict nor review.
fn review<'a>(project: &'a Project, claim: &'a Claim) -> Option<Review<'a>> {
    let review_rating = rating(project, claim)?;
    let article = project.article(&claim.article);
    let s = &project.settings;
    let body = nonempty(&claim.note).or_else(|| {
        // With no note and no verdict, say plainly what the status means.
        nonempty(&claim.verdict)
            .is_none()
            .then(|| status_statement(claim.status))
            .flatten()
    });
    Some(Review {
        context: "https://schema.org",
        kind: "ClaimReview",
        url: review_url(project, claim),
        claim_reviewed: nonempty(&claim.summary).unwrap_or(&claim.anchor.quote),
        item_reviewed: ItemReviewed {
            kind: "Claim",
            author: party(speaker_type(&claim.speaker), &claim.speaker),
            date_published: article.and_then(|a| iso_date(&a.meta.published)),
            appearance: article.map(|a| appearance(a, claim)),
        },
        author: Party {
            kind: "Organization",
            name: nonempty(&s.reviewer_org),
            url: nonempty(&s.reviewer_url),
        },
        review_rating,
        date_published: iso_date(claim.updated.as_str()),
        review_body: body,
        citation: claim
            .sources
            .iter()
            .map(|s| s.url.as_str())
            .filter(|u| !u.is_empty())
            .collect(),
    })
}

/// Whether Google requires a field of a ClaimReview or only recommends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Need {
    Required,
    Recommended,
}

impl Need {
    pub fn as_str(self) -> &'static str {
        match self {
            Need::Required => "required",
            Need::Recommended => "recommended",
        }
    }
}

/// One thing a claim's ClaimReview lacks before publication.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Missing {
    /// The claim id, or empty for the project (reviewer organisation).
    pub claim: String,
    pub need: Need,
    /// The ClaimReview field (`url`, `claimReviewed`, `reviewRating`, `author`, …).
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let who = if self.claim.is_empty() {
            "project"
        } else {
            &self.claim
        };
        write!(
            f,
            "{who}: {} {}: {}",
            self.need.as_str(),
            self.field,
            self.message
        )
    }
}

/// The publication check: per claim, what Google requires (`url`, `claimReviewed`,
/// `reviewRating` with `alternateName`) or recommends (a short summary, the reviewer
/// organisation, the appearance URL, the speaker, a date, a verdict rather than a status) that
/// the ClaimReview of `claims` would lack. Claims that would not be exported are listed too.
pub fn publication_check(project: &Project, claims: &[&Claim]) -> Vec<Missing> {
    let mut out = Vec::new();
    let mut push = |claim: &str, need, field, message: String| {
        out.push(Missing {
            claim: claim.to_string(),
            need,
            field,
            message,
        })
    };
    if project.settings.reviewer_org.trim().is_empty() {
        push(
            "",
            Need::Recommended,
            "author",
            "no reviewer organisation in the project settings".to_string(),
        );
    }
    for c in claims {
        let id = c.id.as_str();
        if rating(project, c).is_none() {
            push(
                id,
                Need::Required,
                "reviewRating",
                "unreviewed and no verdict: the claim is left out of the export".to_string(),
            );
            continue;
        }
        if nonempty(&c.review_url).is_none() {
            push(
                id,
                Need::Required,
                "url",
                match review_url(project, c) {
                    Some(u) => format!("no review URL; {u} stands in until one is set"),
                    None => "no review URL (and no reviewer URL to stand in)".to_string(),
                },
            );
        }
        if nonempty(&c.verdict).is_none() {
            push(
                id,
                Need::Recommended,
                "reviewRating",
                "no verdict: the status is stated, with no rating".to_string(),
            );
        } else if project
            .settings
            .rating_scale
            .as_ref()
            .is_none_or(|scale| scale.level(&c.verdict).is_none())
        {
            let why = if project.settings.rating_scale.is_some() {
                "is not on the project's scale"
            } else {
                "is on no scale (the project has none)"
            };
            push(
                id,
                Need::Recommended,
                "reviewRating",
                format!("the verdict '{}' {why}", c.verdict),
            );
        }
        let summary_chars = c.summary.trim().chars().count();
        if summary_chars == 0 {
            push(
                id,
                Need::Recommended,
                "claimReviewed",
                "no claim summary: the full quote is published".to_string(),
            );
        } else if summary_chars > SUMMARY_ADVISED_CHARS {
            push(
                id,
                Need::Recommended,
                "claimReviewed",
                format!(
                    "the summary has {summary_chars} characters; under {SUMMARY_ADVISED_CHARS} reads best"
                ),
            );
        }
        if c.speaker.trim().is_empty() {
            push(
                id,
                Need::Recommended,
                "itemReviewed.author",
                "no speaker".to_string(),
            );
        }
        let article = project.article(&c.article);
        if article.is_none_or(|a| a.meta.url.trim().is_empty()) {
            push(
                id,
                Need::Recommended,
                "itemReviewed.appearance",
                "the article has no URL".to_string(),
            );
        }
        if article.is_none_or(|a| iso_date(&a.meta.published).is_none()) {
            push(
                id,
                Need::Recommended,
                "itemReviewed.datePublished",
                "the article has no ISO date (YYYY-MM-DD) of publication".to_string(),
            );
        }
    }
    out
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
    let left_out = claims
        .iter()
        .filter(|c| rating(project, c).is_none())
        .count();
    if left_out > 0 {
        out.push(format!(
            "{left_out} unreviewed claim(s) left out: a ClaimReview needs a verdict or a review"
        ));
    }
    let no_verdict = claims
        .iter()
        .filter(|c| c.status.is_reviewed() && c.verdict.trim().is_empty())
        .count();
    if no_verdict > 0 {
        out.push(format!(
            "{no_verdict} reviewed claim(s) have no verdict: their status is stated, with no rating"
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
    fn dates() {
        assert_eq!(iso_date("2023-01-30T06:40"), Some("2023-01-30"));
        assert_eq!(iso_date("30 Jan, 2023"), None);
        assert_eq!(iso_date("2023"), None);
    }

    #[test]
    fn statuses_are_stated_never_rated() {
        assert_eq!(status_statement(Status::Unreviewed), None);
        for s in [Status::Sourced, Status::Disputed, Status::Denied] {
            let text = status_statement(s).expect("reviewed");
            assert!(text.contains("no verdict"), "{text}");
        }
        assert!(
            status_statement(Status::Denied)
                .is_some_and(|t| t.starts_with("Denied by the party concerned"))
        );
    }
}
