//! JSON export: the whole reviewed project in one document (title, articles with metadata, claims,
//! the rating scale verdicts are given on, and who exported it when).

use super::{ClaimFilter, Provenance};
use crate::core::model::{Article, Claim, Project, RatingScale, Status};
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
    /// The project's rating scale, so a verdict can be placed on it; `null` without one.
    pub rating_scale: Option<JsonScale>,
    /// The analyst exporting (empty when unknown).
    pub exported_by: String,
    /// When the export was made (RFC 3339, UTC).
    pub exported_at: String,
    /// The factdesk version that wrote the file.
    pub factdesk_version: &'static str,
}

/// A rating scale: its levels worst first, each with its number (`null` when the scale has
/// none), and the best and worst numbers when every level has one.
#[derive(Debug, Serialize)]
pub struct JsonScale {
    pub name: String,
    pub levels: Vec<JsonLevel>,
    pub best: Option<i32>,
    pub worst: Option<i32>,
}

#[derive(Debug, Serialize)]
pub struct JsonLevel {
    pub name: String,
    pub value: Option<i32>,
}

impl JsonScale {
    fn new(scale: &RatingScale) -> Self {
        let extremes = scale.best_worst();
        JsonScale {
            name: scale.name.clone(),
            levels: scale
                .levels
                .iter()
                .map(|l| JsonLevel {
                    name: l.name.clone(),
                    value: l.value,
                })
                .collect(),
            best: extremes.map(|(best, _)| best),
            worst: extremes.map(|(_, worst)| worst),
        }
    }
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
    provenance: &Provenance,
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
        rating_scale: project.settings.rating_scale.as_ref().map(JsonScale::new),
        exported_by: provenance.analyst.clone(),
        exported_at: provenance.exported_at.as_str().to_string(),
        factdesk_version: provenance.version,
    };
    let mut out = serde_json::to_vec_pretty(&doc)?;
    out.push(b'\n');
    Ok(out)
}
