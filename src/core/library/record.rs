//! What the library indexes: one flat record per claim of a project or per published ClaimReview.

use super::speakers;
use crate::core::model::{Claim, Project};
use std::collections::HashMap;

/// One claim, from a project or a ClaimReview feed, flattened for the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Unique in the library: the file's path, `#`, and the claim id (or the review's number).
    pub key: String,
    /// The file it came from; every record of a file is replaced when the file changes.
    pub source: String,
    pub quote: String,
    /// More searchable text that is not shown: the claim's summary and note, a review's body.
    pub extra: String,
    pub status: Option<String>,
    pub verdict: Option<String>,
    /// As resolved within its article ("Obama" → "Barack Obama").
    pub speaker: Option<String>,
    /// The project file or feed path.
    pub project: String,
    /// The article's title (a review: the appearance's headline or the item's name).
    pub article: Option<String>,
    pub claim: Option<String>,
    pub date: Option<String>,
    /// A project claim: the article's outlet; a review: the fact-checker that published it.
    pub publisher: Option<String>,
    /// The published review, else the article's address.
    pub url: Option<String>,
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The records of a project saved at `source`: every claim, speakers resolved per article.
pub fn project_records(source: &str, project: &Project) -> Vec<Record> {
    let mut by_article: HashMap<&str, Vec<&Claim>> = HashMap::new();
    for claim in &project.claims {
        by_article
            .entry(claim.article.0.as_str())
            .or_default()
            .push(claim);
    }
    let mut out = Vec::with_capacity(project.claims.len());
    for article in &project.articles {
        let Some(claims) = by_article.get(article.id.0.as_str()) else {
            continue;
        };
        let names: Vec<&str> = claims.iter().map(|c| c.speaker.as_str()).collect();
        let resolved = speakers::resolve_speakers(&names, &article.body);
        let meta = &article.meta;
        for (claim, speaker) in claims.iter().zip(resolved) {
            let extra = [claim.summary.as_str(), claim.note.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("\n");
            out.push(Record {
                key: format!("{source}#{}", claim.id.0),
                source: source.to_string(),
                quote: claim.anchor.quote.clone(),
                extra,
                status: Some(claim.status.as_str().to_string()),
                verdict: opt(&claim.verdict),
                speaker: opt(&speaker),
                project: source.to_string(),
                article: opt(&meta.title),
                claim: Some(claim.id.0.clone()),
                date: opt(&meta.published),
                publisher: opt(&meta.source),
                url: opt(&claim.review_url).or_else(|| opt(&meta.url)),
            });
        }
    }
    out
}
