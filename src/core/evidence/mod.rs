//! Evidence kept beside a project: captured pages as WARC files in `NAME.evidence/`, their
//! records on sources and articles, verification of their hashes, and their readable text offline.
//!
//! Order of writing: the WARC file first (atomically), then the project under its write lock. A
//! failure between the two leaves an unreferenced file, never a source pointing at a missing one.

pub mod warc;

use crate::core::fetch::{self, FetchControl, FetchError, FetchOptions, Fetched};
use crate::core::import::{self, Imported};
use crate::core::model::{Article, Capture, CaptureState, Project};
use crate::core::store;
use crate::core::time::Timestamp;
use std::path::{Path, PathBuf};

/// The evidence folder of a project: `NAME.evidence/` beside `NAME.ron`.
pub fn evidence_dir(project: &Path) -> PathBuf {
    let name = project
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".ron").unwrap_or(&name);
    project.with_file_name(format!("{stem}.evidence"))
}

/// A new capture file name: UTC time then 12 random characters, e.g.
/// `20261203T184512Z-g1vkdn7tyjan.warc.gz`; sorted by name is sorted by time.
fn new_file_name(time: &Timestamp) -> String {
    let compact: String = time
        .as_str()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let id = crate::core::model::ArticleId::generate();
    let random = id.as_str().trim_start_matches("a-");
    format!("{compact}-{random}.warc.gz")
}

/// A capture file name is ours (no folder parts, the shape we write); anything else in a project
/// file is refused rather than followed out of the evidence folder.
pub fn is_capture_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.ends_with(".warc.gz")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
        && !name.starts_with('.')
}

/// Writes the WARC of `fetched` into the evidence folder of `project` (created when missing)
/// and returns the capture to record. The file is complete on disk before this returns.
pub fn store_fetched(project: &Path, fetched: &Fetched) -> Result<Capture, String> {
    let time = Timestamp::now();
    let file = new_file_name(&time);
    let bytes = warc::build(fetched, &file)?;
    let dir = evidence_dir(project);
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("{}: cannot create the evidence folder: {e}", dir.display()))?;
    store::write_atomic_no_backup(&dir.join(&file), &bytes).map_err(|e| e.to_string())?;
    Ok(Capture {
        time,
        state: CaptureState::Captured,
        final_url: fetched.final_url().to_string(),
        status: fetched.page.status,
        content_type: fetched.content_type(),
        sha256: warc::sha256_hex(&fetched.page.body),
        bytes: fetched.page.body.len() as u64,
        file,
        error: String::new(),
        archive_url: String::new(),
    })
}

/// A web page fetched and read like an import: the article (its `url` the page's final address),
/// the importer's warnings, and the page as fetched kept as a capture beside the project (none
/// when there is no project file; an error when it could not be written).
#[derive(Debug)]
pub struct FetchedArticle {
    pub article: Article,
    pub warnings: Vec<String>,
    pub capture: Option<Result<Capture, String>>,
}

/// Fetches `url` (web pages only) and imports it: the one path from an address to an article,
/// for `import --url`, `update --url` and the app. Errors are the analyst's words, with the URL.
pub fn fetch_article(
    url: &str,
    options: &FetchOptions,
    control: &FetchControl,
    project: Option<&Path>,
) -> Result<FetchedArticle, String> {
    let options = FetchOptions {
        pages_only: true,
        ..options.clone()
    };
    let fetched = fetch::fetch(url, &options, control).map_err(|e| e.to_string())?;
    let final_url = fetched.final_url().to_string();
    let body = fetched
        .decoded_body()
        .map_err(|e| format!("{final_url}: {e}"))?;
    let imported = import::import_bytes_with_charset(&final_url, &body, fetched.header_charset())
        .map_err(|e| e.to_string())?;
    if control.is_cancelled() {
        return Err(format!("{url}: cancelled"));
    }
    let warnings = imported.warnings.clone();
    let mut article = imported.into_article();
    article.meta.url = final_url;
    Ok(FetchedArticle {
        article,
        warnings,
        capture: project.map(|p| store_fetched(p, &fetched)),
    })
}

/// Removes the file of a capture `store_fetched` wrote that nothing will record (its fetch was
/// cancelled, or the edit that would have named it was not made). Only well-formed capture
/// names inside the evidence folder are touched.
pub fn discard_unrecorded(project: &Path, capture: &Capture) {
    if capture.is_captured() && is_capture_file_name(&capture.file) {
        let _ = std::fs::remove_file(evidence_dir(project).join(&capture.file));
    }
}

/// Fetches `url` and stores it; every failure becomes a failed capture that says why.
pub fn capture_url(
    project: &Path,
    url: &str,
    options: &FetchOptions,
    control: &FetchControl,
) -> Capture {
    match fetch::fetch(url, options, control) {
        Ok(fetched) => store_fetched(project, &fetched).unwrap_or_else(Capture::failed),
        Err(e) => Capture::failed(e.to_string()),
    }
}

/// The Internet Archive's "save page" service; the page's address is appended.
pub const ARCHIVE_SAVE_URL: &str = "https://web.archive.org/save/";

/// The save service to ask: `FACTDESK_ARCHIVE_SAVE_URL` when set (tests point it at a local
/// server), else [`ARCHIVE_SAVE_URL`].
pub fn archive_save_url() -> String {
    std::env::var("FACTDESK_ARCHIVE_SAVE_URL")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| ARCHIVE_SAVE_URL.to_string())
}

/// Asks the Internet Archive to save `url` and returns the public copy's address. Only called
/// when the project's `internet_archive` setting is on; never needed for offline work.
pub fn ask_internet_archive(url: &str, options: &FetchOptions) -> Result<String, FetchError> {
    ask_archive_at(&archive_save_url(), url, options)
}

/// [`ask_internet_archive`] with the save service at `save_base` (ending in `/save/`).
pub fn ask_archive_at(
    save_base: &str,
    url: &str,
    options: &FetchOptions,
) -> Result<String, FetchError> {
    let checked = fetch::check_url(url)?;
    let save = format!("{}{checked}", save_base.trim());
    let fetched = fetch::fetch(&save, options, &FetchControl::new())?;
    // The save endpoint answers with the snapshot (after redirects) or names it, as a path on
    // its own host.
    let named = fetched.page.header("content-location").and_then(|p| {
        url::Url::parse(fetched.final_url())
            .and_then(|base| base.join(p.trim()))
            .ok()
            .map(|u| u.to_string())
    });
    Ok(named.unwrap_or_else(|| fetched.final_url().to_string()))
}

/// Where a capture is recorded in a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// Source `index` of claim `claim`.
    Source { claim: String, url: String },
    /// The article itself (imported from a URL).
    Article { article: String },
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Holder::Source { claim, url } => write!(f, "claim {claim}, source {url}"),
            Holder::Article { article } => write!(f, "article {article}"),
        }
    }
}

/// Every capture in a project with where it is recorded.
pub fn all_captures(project: &Project) -> Vec<(Holder, &Capture)> {
    let mut out = Vec::new();
    for a in &project.articles {
        for c in &a.captures {
            out.push((
                Holder::Article {
                    article: a.id.as_str().to_string(),
                },
                c,
            ));
        }
    }
    for claim in &project.claims {
        for s in &claim.sources {
            for c in &s.captures {
                out.push((
                    Holder::Source {
                        claim: claim.id.as_str().to_string(),
                        url: s.url.clone(),
                    },
                    c,
                ));
            }
        }
    }
    out
}

/// What is wrong with one recorded capture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceProblem {
    pub holder: Holder,
    pub file: String,
    pub kind: EvidenceProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceProblemKind {
    Missing,
    /// The file's payload no longer has the recorded SHA-256.
    Altered {
        found: String,
    },
    /// The file cannot be read as a capture (damaged, not a WARC, or a bad name).
    Unreadable {
        reason: String,
    },
}

impl std::fmt::Display for EvidenceProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            EvidenceProblemKind::Missing => {
                write!(f, "{}: evidence file {} is missing", self.holder, self.file)
            }
            EvidenceProblemKind::Altered { found } => write!(
                f,
                "{}: evidence file {} was altered (its payload's SHA-256 is now {found})",
                self.holder, self.file
            ),
            EvidenceProblemKind::Unreadable { reason } => write!(
                f,
                "{}: evidence file {} cannot be read: {reason}",
                self.holder, self.file
            ),
        }
    }
}

/// Reads a capture's WARC file (bounded, regular files only).
pub fn read_capture_file(project: &Path, file: &str) -> Result<Vec<u8>, ReadCaptureError> {
    if !is_capture_file_name(file) {
        return Err(ReadCaptureError::Unreadable(format!(
            "'{file}' is not a capture file name"
        )));
    }
    let path = evidence_dir(project).join(file);
    match store::read_limited(&path, warc::MAX_WARC_BYTES) {
        Ok(b) => Ok(b),
        Err(store::ReadError::Io { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            Err(ReadCaptureError::Missing)
        }
        Err(e) => Err(ReadCaptureError::Unreadable(e.to_string())),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadCaptureError {
    Missing,
    Unreadable(String),
}

/// Checks every successful capture: its file exists and its payload has the recorded SHA-256.
pub fn verify(project_path: &Path, project: &Project) -> Vec<EvidenceProblem> {
    let mut out = Vec::new();
    for (holder, c) in all_captures(project) {
        if c.state != CaptureState::Captured {
            continue;
        }
        let problem = |kind| EvidenceProblem {
            holder: holder.clone(),
            file: c.file.clone(),
            kind,
        };
        let bytes = match read_capture_file(project_path, &c.file) {
            Ok(b) => b,
            Err(ReadCaptureError::Missing) => {
                out.push(problem(EvidenceProblemKind::Missing));
                continue;
            }
            Err(ReadCaptureError::Unreadable(reason)) => {
                out.push(problem(EvidenceProblemKind::Unreadable { reason }));
                continue;
            }
        };
        match warc::final_response(&bytes) {
            Ok(r) => {
                let found = warc::sha256_hex(&r.payload);
                if found != c.sha256 {
                    out.push(problem(EvidenceProblemKind::Altered { found }));
                }
            }
            Err(reason) => out.push(problem(EvidenceProblemKind::Unreadable { reason })),
        }
    }
    out
}

/// The readable text of a captured page, offline: the WARC's final payload through the same
/// extraction as an imported page (charset from the stored headers first).
pub fn readable_text(project: &Path, file: &str) -> Result<Imported, String> {
    let bytes = read_capture_file(project, file).map_err(|e| match e {
        ReadCaptureError::Missing => format!("evidence file {file} is missing"),
        ReadCaptureError::Unreadable(r) => format!("evidence file {file}: {r}"),
    })?;
    let response = warc::final_response(&bytes).map_err(|e| format!("{file}: {e}"))?;
    let payload = fetch::decode_content(
        &response.payload,
        response.header("content-encoding").unwrap_or(""),
        import::MAX_IMPORT_BYTES,
    )
    .map_err(|e| format!("{file}: {e}"))?;
    let charset = fetch::charset_of(response.header("content-type").unwrap_or(""));
    import::import_bytes_with_charset(&response.url, &payload, charset).map_err(|e| e.to_string())
}

/// The newest successful capture of `url` anywhere in the project (sources and articles).
pub fn latest_capture_of<'a>(project: &'a Project, url: &str) -> Option<&'a Capture> {
    let url = url.trim();
    all_captures(project)
        .into_iter()
        .filter(|(holder, c)| {
            let cited = matches!(holder, Holder::Source { url: u, .. } if u.trim() == url);
            c.is_captured() && (cited || c.final_url == url)
        })
        .map(|(_, c)| c)
        .max_by(|a, b| a.time.cmp(&b.time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_evidence_folder_sits_beside_the_project() {
        assert_eq!(
            evidence_dir(Path::new("/x/desk.ron")),
            PathBuf::from("/x/desk.evidence")
        );
        assert_eq!(
            evidence_dir(Path::new("desk")),
            PathBuf::from("desk.evidence")
        );
    }

    #[test]
    fn capture_file_names_never_leave_the_folder() {
        let t = Timestamp("2026-12-03T18:45:12Z".into());
        let name = new_file_name(&t);
        assert!(name.starts_with("20261203T184512Z-"), "{name}");
        assert!(is_capture_file_name(&name));
        for bad in [
            "../x.warc.gz",
            "/etc/x.warc.gz",
            "a/b.warc.gz",
            ".warc.gz",
            "x.txt",
            "",
        ] {
            assert!(!is_capture_file_name(bad), "{bad}");
        }
    }
}
