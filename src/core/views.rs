//! The JSON shapes of articles and claims that scripts rely on (`factdesk articles --json`,
//! `factdesk claims --json`, JSONL export). Their keys are a public interface: never rename.

use crate::core::model::{Article, Claim, Project, Source};
use serde::{Deserialize, Serialize};

/// One article as `factdesk articles --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleView {
    pub id: String,
    pub title: String,
    pub source: String,
    pub byline: String,
    pub published: String,
    pub url: String,
    /// Body length in chars.
    pub chars: usize,
    /// Number of claims in the article.
    pub claims: usize,
    /// The full body the claim offsets index into.
    pub text: String,
    /// The number of the current version (1 until the article is updated).
    pub version: u32,
    /// How many versions the project keeps of it (current included).
    pub versions: usize,
}

impl ArticleView {
    pub fn new(project: &Project, article: &Article) -> Self {
        ArticleView {
            id: article.id.0.clone(),
            title: article.meta.title.clone(),
            source: article.meta.source.clone(),
            byline: article.meta.byline.clone(),
            published: article.meta.published.clone(),
            url: article.meta.url.clone(),
            chars: article.char_len(),
            claims: project.claims_of(&article.id).count(),
            text: article.body.clone(),
            version: article.version,
            versions: article.versions.len() + 1,
        }
    }
}

/// One claim as `factdesk claims --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimView {
    pub id: String,
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub status: crate::core::model::Status,
    pub speaker: String,
    pub sources: Vec<Source>,
    pub note: String,
    pub created: String,
    pub updated: String,
    /// The analyst who marked the claim; omitted when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub creator: String,
    /// Who signed the claim off, and when; omitted when it is not signed off.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reviewed_by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reviewed_at: String,
    /// The verdict on the project's rating scale; empty when none (it is not the status).
    #[serde(default)]
    pub verdict: String,
    /// What was checked, in one line; empty when none.
    #[serde(default)]
    pub summary: String,
    /// Where the fact-check is published; empty when not yet.
    #[serde(default)]
    pub review_url: String,
    /// Every status change, oldest first; omitted when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<crate::core::model::StatusChange>,
    /// The article version `start`/`end` index into.
    #[serde(default = "first_version")]
    pub version: u32,
    /// `current` when the offsets index the article's current text; `changed` when a later
    /// version changed the quote (the claim stays on `version` until re-placed).
    #[serde(default = "current_anchor")]
    pub anchor: String,
}

fn first_version() -> u32 {
    1
}

fn current_anchor() -> String {
    "current".to_string()
}

impl ClaimView {
    /// The view of `claim`, with the version its offsets index into.
    pub fn in_project(project: &Project, claim: &Claim) -> ClaimView {
        let mut v = ClaimView::from(claim);
        v.version = crate::core::versions::claim_version(project, claim);
        v
    }
}

impl From<&Claim> for ClaimView {
    fn from(c: &Claim) -> Self {
        ClaimView {
            id: c.id.0.clone(),
            article: c.article.0.clone(),
            start: c.anchor.start,
            end: c.anchor.end,
            quote: c.anchor.quote.clone(),
            status: c.status,
            speaker: c.speaker.clone(),
            sources: c.sources.clone(),
            note: c.note.clone(),
            created: c.created.0.clone(),
            updated: c.updated.0.clone(),
            creator: c.creator.clone(),
            reviewed_by: c
                .reviewed
                .as_ref()
                .map(|r| r.by.clone())
                .unwrap_or_default(),
            reviewed_at: c
                .reviewed
                .as_ref()
                .map(|r| r.at.0.clone())
                .unwrap_or_default(),
            verdict: c.verdict.clone(),
            summary: c.summary.clone(),
            review_url: c.review_url.clone(),
            history: c.history.clone(),
            version: c.changed.as_ref().map_or(1, |ch| ch.version),
            anchor: if c.changed.is_some() {
                "changed".to_string()
            } else {
                current_anchor()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::action::{Action, apply};
    use crate::core::model::ArticleMeta;
    use crate::core::time::Timestamp;

    #[test]
    fn json_keys_are_the_public_ones() {
        let mut p = Project::new("t");
        p.articles
            .push(Article::new(ArticleMeta::default(), "Seoul denied it."));
        let art = p.articles[0].id.clone();
        let act = Action::add_claim(&p, &art, 0..5, true, Timestamp::now()).expect("ok");
        apply(&mut p, act).expect("add");
        let a = serde_json::to_value(ArticleView::new(&p, &p.articles[0])).expect("json");
        let keys: Vec<&str> = a
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        for k in [
            "id",
            "title",
            "source",
            "byline",
            "published",
            "url",
            "chars",
            "claims",
            "text",
        ] {
            assert!(keys.contains(&k), "{k} missing in {keys:?}");
        }
        assert_eq!(a["claims"], 1);
        let c = serde_json::to_value(ClaimView::from(&p.claims[0])).expect("json");
        for k in [
            "id", "article", "start", "end", "quote", "status", "speaker", "sources", "note",
            "created", "updated",
        ] {
            assert!(c.get(k).is_some(), "{k} missing in {c}");
        }
        assert_eq!(c["status"], "unreviewed");
        assert_eq!(c["quote"], "Seoul");
        for k in ["creator", "reviewed_by", "reviewed_at"] {
            assert!(c.get(k).is_none(), "{k} is left out when empty: {c}");
        }
        let mut signed = p.claims[0].clone();
        signed.creator = "Ana".into();
        signed.reviewed = Some(crate::core::model::SignOff {
            by: "Ed".into(),
            at: Timestamp("2024-05-01T10:00:00Z".into()),
        });
        let c = serde_json::to_value(ClaimView::from(&signed)).expect("json");
        assert_eq!(c["creator"], "Ana");
        assert_eq!(c["reviewed_by"], "Ed");
        assert_eq!(c["reviewed_at"], "2024-05-01T10:00:00Z");
    }
}
