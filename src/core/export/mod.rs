//! Exporting the reviewed claims of a project: formats, claim selection and the one entry point.
//!
//! Callers (CLI, GUI dialog) build an [`ExportOptions`], show [`count`] as a live preview, then
//! call [`export`] and write [`Export::bytes`] where the user asked.

mod claimreview;
pub use claimreview::{Missing, Need, SUMMARY_ADVISED_CHARS, publication_check};
pub mod claims_import;
mod csv;
pub mod dossier;
mod escape;
mod html;
mod json;
mod jsonl;
mod markdown;
mod report;
mod webanno;

use crate::core::model::{Article, ArticleId, Claim, Project, Status};
use std::fmt;
use std::str::FromStr;

/// An export format. The lowercase names are the `--format` values of `factdesk export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    #[default]
    Csv,
    Json,
    Jsonl,
    ClaimReview,
    WebAnno,
    Markdown,
    Html,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Csv,
        Format::Json,
        Format::Jsonl,
        Format::ClaimReview,
        Format::WebAnno,
        Format::Markdown,
        Format::Html,
    ];

    /// The machine name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::ClaimReview => "claimreview",
            Format::WebAnno => "webanno",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// A short name for menus.
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV spreadsheet",
            Format::Json => "JSON (full project)",
            Format::Jsonl => "JSON Lines (one claim per line)",
            Format::ClaimReview => "ClaimReview JSON-LD (schema.org)",
            Format::WebAnno => "W3C Web Annotation JSON-LD",
            Format::Markdown => "Markdown report",
            Format::Html => "HTML report",
        }
    }

    /// The file extension to suggest, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::ClaimReview | Format::WebAnno => "jsonld",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    /// The media type of the output.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
            Format::Jsonl => "application/jsonl",
            Format::ClaimReview | Format::WebAnno => "application/ld+json",
            Format::Markdown => "text/markdown; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown export format '{0}' (expected csv, json, jsonl, claimreview, webanno, markdown or html)"
)]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == lower || (lower == "md" && *f == Format::Markdown))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// Which claims to export. The default is every reviewed claim (status other than unreviewed).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimFilter {
    /// Include unreviewed claims too (ignored when `statuses` is not empty).
    pub all: bool,
    /// Only these statuses; empty means "reviewed" (or every status with `all`).
    pub statuses: Vec<Status>,
    /// Only this article.
    pub article: Option<ArticleId>,
}

impl ClaimFilter {
    /// Every claim of the project, whatever its status.
    pub fn everything() -> Self {
        ClaimFilter {
            all: true,
            ..ClaimFilter::default()
        }
    }

    pub fn matches(&self, claim: &Claim) -> bool {
        let status_ok = if self.statuses.is_empty() {
            self.all || claim.status.is_reviewed()
        } else {
            self.statuses.contains(&claim.status)
        };
        status_ok && self.article.as_ref().is_none_or(|a| &claim.article == a)
    }

    /// The selected claims, in the project's canonical order.
    pub fn select<'a>(&self, project: &'a Project) -> Vec<&'a Claim> {
        project.claims.iter().filter(|c| self.matches(c)).collect()
    }

    /// The articles in scope: the filtered one, or all of them in project order.
    pub fn articles<'a>(&self, project: &'a Project) -> Vec<&'a Article> {
        project
            .articles
            .iter()
            .filter(|a| self.article.as_ref().is_none_or(|id| &a.id == id))
            .collect()
    }

    /// A short human description, e.g. "reviewed claims in article a-…".
    pub fn describe(&self) -> String {
        let what = if !self.statuses.is_empty() {
            let names: Vec<&str> = self.statuses.iter().map(|s| s.as_str()).collect();
            format!("{} claims", names.join(", "))
        } else if self.all {
            "all claims".to_string()
        } else {
            "reviewed claims".to_string()
        };
        match &self.article {
            Some(a) => format!("{what} in article {a}"),
            None => what,
        }
    }
}

/// Everything an export needs besides the project.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportOptions {
    pub format: Format,
    pub filter: ClaimFilter,
    /// CSV only: start with a UTF-8 byte order mark so Excel reads the file as UTF-8.
    pub csv_bom: bool,
}

/// Who exported, when and with what: reports and CSV carry it so a file handed on says where it
/// came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The analyst exporting (empty when unknown).
    pub analyst: String,
    pub exported_at: crate::core::time::Timestamp,
    /// factdesk's version.
    pub version: &'static str,
}

impl Provenance {
    /// An export made now by `analyst`.
    pub fn now(analyst: &str) -> Provenance {
        Provenance {
            analyst: analyst.trim().to_string(),
            exported_at: crate::core::time::Timestamp::now(),
            version: env!("CARGO_PKG_VERSION"),
        }
    }

    /// "Exported 2026-12-03T10:00:00Z by Ana with factdesk 0.1.0".
    pub fn line(&self) -> String {
        let by = if self.analyst.is_empty() {
            String::new()
        } else {
            format!(" by {}", self.analyst)
        };
        format!(
            "Exported {}{by} with factdesk {}",
            self.exported_at.as_str(),
            self.version
        )
    }
}

/// The output of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub bytes: Vec<u8>,
    /// How many claims the output contains.
    pub claims: usize,
    /// Things the user should know (the export still succeeded), e.g. a missing reviewer org.
    pub warnings: Vec<String>,
}

/// Why an export could not be produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("no article with id '{0}'")]
    UnknownArticle(ArticleId),
    #[error("cannot write {format}: {message}")]
    Write { format: Format, message: String },
}

impl ExportError {
    fn write(format: Format, e: impl fmt::Display) -> Self {
        ExportError::Write {
            format,
            message: e.to_string(),
        }
    }
}

/// A file name to offer in a save dialog: the project title made file-safe, plus the extension.
pub fn default_file_name(project: &Project, format: Format) -> String {
    let mut stem = String::new();
    for c in project.title.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
        if stem.chars().count() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "claims" } else { stem };
    let suffix = match format {
        Format::ClaimReview => ".claimreview",
        Format::WebAnno => ".annotations",
        _ => "",
    };
    format!("{stem}{suffix}.{}", format.extension())
}

/// How many claims an export with this filter would contain (for a live preview). ClaimReview
/// skips unreviewed claims; see [`warnings`].
pub fn count(project: &Project, filter: &ClaimFilter) -> usize {
    project.claims.iter().filter(|c| filter.matches(c)).count()
}

/// The claims an export with `options` would contain.
pub fn count_for(project: &Project, options: &ExportOptions) -> usize {
    project
        .claims
        .iter()
        .filter(|c| options.filter.matches(c))
        .filter(|c| options.format != Format::ClaimReview || c.status.is_reviewed())
        .count()
}

/// Warnings the export would give, without producing it (for the export dialog).
pub fn warnings(project: &Project, options: &ExportOptions) -> Vec<String> {
    let mut out = Vec::new();
    let selected = options.filter.select(project);
    if selected.is_empty() {
        out.push(format!(
            "no claims to export ({})",
            options.filter.describe()
        ));
    }
    if options.format == Format::ClaimReview {
        out.extend(claimreview::warnings(project, &selected));
    }
    out
}

/// Produces the export, made now by an unnamed analyst. Pure: writes nothing.
pub fn export(project: &Project, options: &ExportOptions) -> Result<Export, ExportError> {
    export_with(project, options, &Provenance::now(""))
}

/// Produces the export with its provenance (analyst, date, version). Pure: writes nothing; the
/// caller saves the bytes.
pub fn export_with(
    project: &Project,
    options: &ExportOptions,
    provenance: &Provenance,
) -> Result<Export, ExportError> {
    if let Some(a) = &options.filter.article
        && project.article(a).is_none()
    {
        return Err(ExportError::UnknownArticle(a.clone()));
    }
    let claims = options.filter.select(project);
    let f = options.format;
    let bytes = match f {
        Format::Csv => csv::write(project, &claims, options.csv_bom, provenance)
            .map_err(|e| ExportError::write(f, e))?,
        Format::Json => json::write(project, &options.filter, &claims, provenance)
            .map_err(|e| ExportError::write(f, e))?,
        Format::Jsonl => jsonl::write(project, &claims).map_err(|e| ExportError::write(f, e))?,
        Format::ClaimReview => {
            claimreview::write(project, &claims).map_err(|e| ExportError::write(f, e))?
        }
        Format::WebAnno => {
            webanno::write(project, &claims).map_err(|e| ExportError::write(f, e))?
        }
        Format::Markdown => markdown::write(&report::Report::new(
            project,
            &options.filter,
            &claims,
            provenance,
        ))
        .into_bytes(),
        Format::Html => html::write(&report::Report::new(
            project,
            &options.filter,
            &claims,
            provenance,
        ))
        .into_bytes(),
    };
    Ok(Export {
        bytes,
        claims: count_for(project, options),
        warnings: warnings(project, options),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_their_names() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>(), Ok(f));
            assert!(!f.label().is_empty());
            assert!(!f.extension().is_empty());
        }
        assert_eq!("MD".parse::<Format>(), Ok(Format::Markdown));
        assert!("xlsx".parse::<Format>().is_err());
        let p = Project::new("North Korea: “arms” denial / 2023");
        assert_eq!(
            default_file_name(&p, Format::ClaimReview),
            "north-korea-arms-denial-2023.claimreview.jsonld"
        );
        assert_eq!(
            default_file_name(&Project::new("  "), Format::Csv),
            "claims.csv"
        );
    }

    #[test]
    fn default_filter_keeps_reviewed_claims() {
        let p = crate::core::synth::project(2_000, 8);
        assert_eq!(count(&p, &ClaimFilter::default()), 6);
        assert_eq!(count(&p, &ClaimFilter::everything()), 8);
        let only = ClaimFilter {
            statuses: vec![Status::Unreviewed, Status::Denied],
            ..ClaimFilter::default()
        };
        assert_eq!(count(&p, &only), 4);
        let other = ClaimFilter {
            article: Some(ArticleId("a-none".into())),
            ..ClaimFilter::everything()
        };
        assert_eq!(count(&p, &other), 0);
        let opts = ExportOptions {
            filter: other,
            ..ExportOptions::default()
        };
        assert!(matches!(
            export(&p, &opts),
            Err(ExportError::UnknownArticle(_))
        ));
    }
}
