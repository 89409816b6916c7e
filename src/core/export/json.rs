//! JSON export: the whole reviewed project in one document (title, articles with metadata, claims).

use super::ClaimFilter;
use crate::core::model::{Article, Claim, Project, Status};
use crate::core::views::{ArticleView, ClaimView};
use serde::Serialize;
use std::collections::BTreeMap;

/// The top-level JSON document. Keys are a public interface.
#[derive(Debug, Serialize)]
pub struct JsonExport {
    pub title: String,
    pub reviewer_org: String,
    pub reviewer_url: String,
    /// What was selected, e.g. "reviewed claims".
    pub selection: String,
    /// Exported claims per status (all four keys always present) plus `total`.
    pub counts: BTreeMap<&'static str, usize>,
    pub articles: Vec<JsonArticle>,
    pub claims: Vec<ClaimView>,
}

/// An article: the `factdesk articles --json` keys plus the rest of its metadata.
#[derive(Debug, Serialize)]
pub struct JsonArticle {
    #[serde(flatten)]
    pub view: ArticleView,
    pub lang: String,
    pub section: String,
    pub dateline: String,
}

impl JsonArticle {
    fn new(project: &Project, a: &Article) -> Self {
        JsonArticle {
            view: ArticleView::new(project, a),
            lang: a.meta.lang.clone(),
            section: a.meta.section.clone(),
            dateline: a.meta.dateline.clone(),
        }
    }
}

/// Claims per status as ordered `name -> count`, with `total`.
pub fn counts(claims: &[&Claim]) -> BTreeMap<&'static str, usize> {
    let mut m: BTreeMap<&'static str, usize> =
        Status::ALL.iter().map(|s| (s.as_str(), 0)).collect();
    for c in claims {
        *m.entry(c.status.as_str()).or_default() += 1;
    }
    m.insert("total", claims.len());
    m
}

pub fn write(
    project: &Project,
    filter: &ClaimFilter,
    claims: &[&Claim],
) -> Result<Vec<u8>, serde_json::Error> {
    let doc = JsonExport {
        title: project.title.clone(),
        reviewer_org: project.settings.reviewer_org.clone(),
        reviewer_url: project.settings.reviewer_url.clone(),
        selection: filter.describe(),
        counts: counts(claims),
        articles: filter
            .articles(project)
            .into_iter()
            .map(|a| JsonArticle::new(project, a))
            .collect(),
        claims: claims
            .iter()
            .map(|c| ClaimView::in_project(project, c))
            .collect(),
    };
    let mut out = serde_json::to_vec_pretty(&doc)?;
    out.push(b'\n');
    Ok(out)
}
