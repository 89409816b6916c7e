//! "Add article from URL…": a small dialog, the fetch on a worker thread with progress and
//! cancel, then the page through the same HTML importer as `factdesk import --url`, added as one
//! undoable article with the page as fetched kept as evidence when the project has a file.

use crate::core::evidence;
use crate::core::fetch::{self, FetchControl, FetchOptions};
use crate::core::model::Capture;
use std::path::Path;
use std::sync::mpsc::Receiver;
use std::time::Instant;

/// The dialog's state.
#[derive(Debug, Default)]
pub(crate) struct AddUrl {
    pub url: String,
    /// Give the address field the keyboard on the next frame.
    pub(crate) focus: bool,
    pub(crate) job: Option<FetchJob>,
    /// Why the last fetch failed, shown once in the dialog until the next try.
    pub(crate) error: Option<String>,
}

impl AddUrl {
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }
}

/// A fetch under way.
#[derive(Debug)]
pub(crate) struct FetchJob {
    pub(crate) control: FetchControl,
    pub(crate) rx: Receiver<Result<Page, String>>,
    pub(crate) started: Instant,
    pub(crate) host: String,
    /// The project it was started for: an answer for another one is dropped.
    pub(crate) generation: u64,
}

/// What the worker brings back: the article, and the capture of the page (None: the project
/// has no file, so nothing was kept).
pub(crate) type Page = evidence::FetchedArticle;

/// The address in `text` when it is one http(s) URL and nothing else (a pasted link).
pub(crate) fn single_url(text: &str) -> Option<String> {
    let t = text.trim();
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    if !web || t.chars().any(char::is_whitespace) {
        return None;
    }
    fetch::check_url(t).ok().map(|_| t.to_string())
}

/// Fetches and imports one page; keeps it as evidence beside `project` when there is one.
/// Runs on the worker thread.
pub(crate) fn fetch_page(
    url: &str,
    options: FetchOptions,
    control: &FetchControl,
    project: Option<&Path>,
) -> Result<Page, String> {
    evidence::fetch_article(url, &options, control, project)
}

/// Removes a capture file nobody will record (its fetch was cancelled or its article not added).
pub(crate) fn discard(project: Option<&Path>, capture: Option<&Result<Capture, String>>) {
    if let (Some(p), Some(Ok(c))) = (project, capture) {
        evidence::discard_unrecorded(p, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_lone_web_address_counts_as_a_pasted_url() {
        assert_eq!(
            single_url("  https://example.org/a?b=c \n").as_deref(),
            Some("https://example.org/a?b=c")
        );
        assert!(single_url("HTTP://Example.org/x").is_some());
        for not in [
            "see https://example.org/a",
            "https://example.org/a and more",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "example.org",
            "http://",
            "",
        ] {
            assert_eq!(single_url(not), None, "{not}");
        }
    }

    #[test]
    fn a_discarded_capture_leaves_no_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project: std::path::PathBuf = dir.path().join("desk.ron");
        let folder = evidence::evidence_dir(&project);
        std::fs::create_dir_all(&folder).expect("folder");
        let name = "20260101T000000Z-abcdefabcdef.warc.gz";
        std::fs::write(folder.join(name), b"x").expect("write");
        let c = Capture {
            file: name.to_string(),
            ..Capture::default()
        };
        discard(Some(&project), Some(&Ok(c)));
        assert!(!folder.join(name).exists());
    }
}
