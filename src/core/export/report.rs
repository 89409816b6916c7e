//! What the Markdown and HTML reports show, gathered once: summary counts and claims per article.

use super::ClaimFilter;
use crate::core::model::{Article, Claim, Project, Status};

/// Statuses in report order: reviewed statuses first, unreviewed last.
pub const REPORT_ORDER: [Status; Status::COUNT] = Status::REVIEWED_FIRST;

pub struct Report<'a> {
    pub project: &'a Project,
    /// Who exported, when, with which version.
    pub provenance: &'a super::Provenance,
    pub selection: String,
    /// Claims per status, in [`REPORT_ORDER`].
    pub counts: Vec<(Status, usize)>,
    pub total: usize,
    pub articles: Vec<ArticleSection<'a>>,
    /// In a dossier: the folder (relative to the report) holding the captured copies, so each
    /// source links to its copies. `None` in a plain report, whose reader has no such folder.
    pub evidence_folder: Option<&'static str>,
}

pub struct ArticleSection<'a> {
    pub article: &'a Article,
    /// The selected claims of this article, in position order.
    pub claims: Vec<&'a Claim>,
}

impl<'a> ArticleSection<'a> {
    /// Non-empty groups of claims by status, in [`REPORT_ORDER`].
    pub fn groups(&self) -> Vec<(Status, Vec<&'a Claim>)> {
        REPORT_ORDER
            .iter()
            .map(|s| {
                let cs: Vec<&Claim> = self
                    .claims
                    .iter()
                    .copied()
                    .filter(|c| c.status == *s)
                    .collect();
                (*s, cs)
            })
            .filter(|(_, cs)| !cs.is_empty())
            .collect()
    }
}

impl<'a> Report<'a> {
    /// Articles without selected claims are left out, unless the filter names the article.
    pub fn new(
        project: &'a Project,
        filter: &ClaimFilter,
        claims: &[&'a Claim],
        provenance: &'a super::Provenance,
    ) -> Self {
        let counts = REPORT_ORDER
            .iter()
            .map(|s| (*s, claims.iter().filter(|c| c.status == *s).count()))
            .collect();
        let articles = filter
            .articles(project)
            .into_iter()
            .map(|article| ArticleSection {
                article,
                claims: claims
                    .iter()
                    .copied()
                    .filter(|c| c.article == article.id)
                    .collect(),
            })
            .filter(|s| !s.claims.is_empty() || filter.article.is_some())
            .collect();
        Report {
            project,
            provenance,
            selection: filter.describe(),
            counts,
            total: claims.len(),
            articles,
            evidence_folder: None,
        }
    }

    pub fn title(&self) -> &str {
        if self.project.title.trim().is_empty() {
            "Untitled project"
        } else {
            &self.project.title
        }
    }

    /// The largest per-status count, to scale the chart.
    pub fn max_count(&self) -> usize {
        self.counts.iter().map(|(_, n)| *n).max().unwrap_or(0)
    }
}

/// The review lines of a claim as (label, value): a change by the outlet, verdict, summary,
/// review URL, who marked it; unknown ones left out. The status is shown by the group the claim
/// is listed in.
///
/// A claim the analyst kept as changed reads "Changed by the outlet"; one a new version only
/// flagged (not yet re-placed or kept) reads "Quote changed, not yet reviewed", so a reader
/// can tell a decided change from a pending one. Both show the new wording.
pub fn review_rows(c: &Claim) -> Vec<(&'static str, String)> {
    let changed = c.changed.as_ref();
    let change = changed.map(|ch| {
        let label = if ch.kept {
            "Changed by the outlet"
        } else {
            "Quote changed, not yet reviewed"
        };
        (
            label,
            format!("in version {}: {}", ch.in_version, ch.reason),
        )
    });
    change
        .into_iter()
        .chain([
            (
                "Now reads",
                changed.map_or(String::new(), |ch| ch.new_text.clone()),
            ),
            ("Verdict", c.verdict.clone()),
            ("Claim checked", c.summary.clone()),
            ("Review", c.review_url.clone()),
            ("Marked by", c.creator.clone()),
        ])
        .filter(|(_, v)| !v.trim().is_empty())
        .collect()
}

/// The claims of the report kept as "changed by the outlet", in report order: the report lists
/// them together after its summary.
pub fn changed_by_outlet<'a>(report: &Report<'a>) -> Vec<&'a Claim> {
    report
        .articles
        .iter()
        .flat_map(|sec| sec.claims.iter().copied())
        .filter(|c| c.changed.as_ref().is_some_and(|ch| ch.kept))
        .collect()
}

/// Metadata lines of an article as (label, value), skipping unknown ones.
pub fn meta_rows(a: &Article) -> Vec<(&'static str, &str)> {
    let m = &a.meta;
    [
        ("Source", m.source.as_str()),
        ("Byline", m.byline.as_str()),
        ("Published", m.published.as_str()),
        ("Dateline", m.dateline.as_str()),
        ("URL", m.url.as_str()),
        ("Article id", a.id.as_str()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .collect()
}

/// What a claim changed by the outlet became: "now reads “…”", or that the words are gone.
pub fn now_reads(c: &Claim) -> String {
    let now = c.changed.as_ref().map_or("", |ch| ch.new_text.as_str());
    if now.trim().is_empty() {
        "is no longer in the article".to_string()
    } else {
        format!("now reads “{now}”")
    }
}
