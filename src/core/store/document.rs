//! The on-disk document: `format_version` first, then the project title and settings, the
//! articles, and the claims. Pretty RON, one field per line, unicode written literally.

use crate::core::model::{Article, Claim, Conflict, Project, ProjectSettings, RejectedSuggestion};
use serde::{Deserialize, Serialize};
use std::path::Path;

use super::StoreError;
use super::migrate::{self, FORMAT_VERSION};

/// Brackets nested deeper than this are refused with a parse error at the line:col where the
/// limit is passed. A real project nests about 6 deep; the cap keeps a hostile file from
/// exhausting the stack. docs/FORMAT.md states this number.
pub const MAX_NESTING: usize = 128;

#[derive(Serialize)]
struct DocumentRef<'a> {
    format_version: u32,
    title: &'a str,
    settings: &'a ProjectSettings,
    articles: &'a [Article],
    claims: &'a [Claim],
    #[serde(skip_serializing_if = "<[Conflict]>::is_empty")]
    conflicts: &'a [Conflict],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    rejected_suggestions: &'a [RejectedSuggestion],
}

/// The document as read, before migration to the current version.
#[derive(Deserialize)]
pub(super) struct Document {
    pub(super) format_version: u32,
    #[serde(default)]
    pub(super) title: String,
    #[serde(default)]
    pub(super) settings: ProjectSettings,
    #[serde(default)]
    pub(super) articles: Vec<Article>,
    #[serde(default)]
    pub(super) claims: Vec<Claim>,
    #[serde(default)]
    pub(super) conflicts: Vec<Conflict>,
    #[serde(default)]
    pub(super) rejected_suggestions: Vec<RejectedSuggestion>,
}

/// A parsed project and what was noticed on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub project: Project,
    /// Fields this version does not know (e.g. `claims[3].confidence`); they are ignored, and
    /// dropped on the next save.
    pub unknown_fields: Vec<String>,
    /// The `format_version` the file had before migration.
    pub read_version: u32,
}

/// Just the version, read first so a newer file gets a clear message rather than a parse error.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ".to_string())
        .struct_names(false)
        .escape_strings(false)
}

/// Serialises a project as a pretty RON document.
pub fn to_ron_string(project: &Project) -> Result<String, String> {
    let doc = DocumentRef {
        format_version: FORMAT_VERSION,
        title: &project.title,
        settings: &project.settings,
        articles: &project.articles,
        claims: &project.claims,
        conflicts: &project.conflicts,
        rejected_suggestions: &project.rejected_suggestions,
    };
    let mut s = ron::ser::to_string_pretty(&doc, pretty()).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

/// Parses a RON document; `path` is only used in error messages.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Project, StoreError> {
    parse(text, path).map(|p| p.project)
}

/// Parses a RON document, collecting unknown fields instead of failing on them.
pub fn parse(text: &str, path: &Path) -> Result<Parsed, StoreError> {
    // A byte order mark some editors add is not part of the document.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let parse_error = |e: ron::error::SpannedError| StoreError::Parse {
        path: path.to_path_buf(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: match e.code {
            ron::Error::ExceededRecursionLimit => format!(
                "brackets nested more than {MAX_NESTING} deep; a factdesk project nests about 6 \
                 deep, so this file is damaged or is not a project"
            ),
            code => code.to_string(),
        },
    };
    let mut unknown_fields = Vec::new();
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    let result = (|| {
        let mut de = ron::Deserializer::from_str_with_options(text, &options)?;
        let doc: Document = serde_ignored::deserialize(&mut de, |p| {
            unknown_fields.push(p.to_string());
        })
        .map_err(|e| de.span_error(e))?;
        de.end().map_err(|e| de.span_error(e))?;
        Ok(doc)
    })();
    let mut doc = match result {
        Ok(d) => d,
        Err(e) => {
            // A file from a newer version may fail for reasons this version cannot describe.
            if let Ok(probe) = options.from_str::<VersionProbe>(text)
                && probe.format_version > FORMAT_VERSION
            {
                return Err(StoreError::NewerVersion {
                    path: path.to_path_buf(),
                    found: probe.format_version,
                });
            }
            return Err(parse_error(e));
        }
    };
    migrate::check_version(doc.format_version, path)?;
    let read_version = migrate::upgrade(&mut doc);
    let mut project = Project {
        title: doc.title,
        settings: doc.settings,
        articles: doc.articles,
        claims: doc.claims,
        conflicts: doc.conflicts,
        rejected_suggestions: doc.rejected_suggestions,
    };
    project.sort_claims();
    Ok(Parsed {
        project,
        unknown_fields,
        read_version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::action::{Action, apply};
    use crate::core::model::{ArticleMeta, Status};
    use crate::core::time::Timestamp;

    #[test]
    fn document_layout_is_stable_and_readable() {
        let mut p = Project::new("Arms claims");
        let meta = ArticleMeta {
            title: "N. Korea denies arms".into(),
            ..ArticleMeta::default()
        };
        p.articles
            .push(Article::new(meta, "“Rockets” to Wagner — 北朝鮮."));
        let art = p.articles[0].id.clone();
        let act = Action::add_claim(
            &p,
            &art,
            1..8,
            true,
            Timestamp("2023-01-30T00:00:00Z".into()),
        )
        .expect("ok");
        apply(&mut p, act).expect("add");
        let s = to_ron_string(&p).expect("ser");
        assert!(
            s.starts_with("(\n  format_version: 2,\n  title: \"Arms claims\","),
            "{s}"
        );
        assert!(
            s.contains("“Rockets” to Wagner — 北朝鮮."),
            "unicode literal: {s}"
        );
        assert!(s.contains("status: unreviewed"), "{s}");
        assert!(!s.contains("source:"), "empty metadata left out: {s}");
        let articles_at = s.find("articles:").unwrap_or(usize::MAX);
        let claims_at = s.find("claims:").unwrap_or(0);
        assert!(articles_at < claims_at);
        let back = from_ron_str(&s, Path::new("x.ron")).expect("parse");
        assert_eq!(back, p);
        assert_eq!(back.claims[0].status, Status::Unreviewed);
    }

    #[test]
    fn newer_versions_are_refused_clearly() {
        let text = "(format_version: 9, title: \"x\", future_thing: [1, 2])";
        let err = from_ron_str(text, Path::new("f.ron")).expect_err("newer");
        assert!(
            err.to_string().contains("made by a newer factdesk"),
            "{err}"
        );
        let text = "(format_version: 7, title: \"x\", articles: 5)";
        let err = from_ron_str(text, Path::new("f.ron")).expect_err("newer");
        assert!(err.to_string().contains("newer factdesk"), "{err}");
    }

    #[test]
    fn truncated_and_malformed_documents_fail_with_position() {
        let mut p = Project::new("t");
        p.articles
            .push(Article::new(ArticleMeta::default(), "abc def"));
        let s = to_ron_string(&p).expect("ser");
        for cut in [1, s.len() / 3, s.len() / 2, s.len() - 3] {
            let err = from_ron_str(&s[..cut], Path::new("t.ron")).expect_err("truncated");
            assert!(err.to_string().starts_with("t.ron:"), "{err}");
        }
        assert!(from_ron_str("", Path::new("e.ron")).is_err());
        assert!(from_ron_str("[1,2,3]", Path::new("e.ron")).is_err());
    }
}
