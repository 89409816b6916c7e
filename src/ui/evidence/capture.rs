//! Capturing cited sources from the app: one source ("Capture" / "Capture again" in the claim
//! panel) or every source of the current article's claims not captured yet ("Capture all
//! sources"). The pages are fetched one after another on a worker thread and written beside the
//! project as `factdesk capture` does; the captures (failures too) are then recorded on the
//! sources as one undoable edit.

use crate::core::evidence;
use crate::core::fetch::{FetchControl, FetchOptions};
use crate::core::model::{Capture, ClaimId};
use crate::core::store::human_bytes;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Receiver;
use std::time::Instant;

/// What the worker brings back: one capture per URL, in order, and Internet Archive warnings.
type Finished = (Vec<Capture>, Vec<String>);

/// A batch of captures under way.
#[derive(Debug)]
pub(crate) struct CaptureJob {
    pub(crate) control: FetchControl,
    pub(crate) rx: Receiver<Finished>,
    /// The sources to record on: (claim, URL as cited, trimmed).
    pub(crate) targets: Vec<(ClaimId, String)>,
    /// Each URL once, in the order fetched.
    pub(crate) urls: Vec<String>,
    /// URLs finished so far.
    pub(crate) done: Arc<AtomicUsize>,
    pub(crate) started: Instant,
    pub(crate) generation: u64,
    pub(crate) project: PathBuf,
}

impl CaptureJob {
    /// Whether `url` is part of this batch.
    pub fn covers(&self, url: &str) -> bool {
        self.urls.iter().any(|u| u == url.trim())
    }

    /// "Capturing 2 of 5 pages: 40 KB received (3 s)".
    pub fn progress(&self) -> String {
        let n = self.urls.len();
        let at = (self.done.load(Ordering::Relaxed) + 1).min(n);
        let bytes = self.control.bytes();
        let got = if bytes > 0 {
            format!(": {} received", human_bytes(bytes))
        } else {
            String::new()
        };
        let what = if n == 1 {
            "Capturing the page".to_string()
        } else {
            format!("Capturing page {at} of {n}")
        };
        format!("{what}{got} ({} s)", self.started.elapsed().as_secs())
    }
}

/// Removes capture files nobody will record.
pub(crate) fn discard(project: &Path, captures: &[Capture]) {
    let dir = evidence::evidence_dir(project);
    for c in captures.iter().filter(|c| c.is_captured()) {
        let _ = std::fs::remove_file(dir.join(&c.file));
    }
}

/// Fetches and stores each URL in turn; runs on the worker thread. None when cancelled (the
/// files already written are removed).
pub(crate) fn capture_each(
    project: &Path,
    urls: &[String],
    options: &FetchOptions,
    control: &FetchControl,
    archive: bool,
    done: &AtomicUsize,
) -> Option<Finished> {
    let mut out: Vec<Capture> = Vec::new();
    let mut warnings = Vec::new();
    for url in urls {
        let mut c = evidence::capture_url(project, url, options, control);
        if control.is_cancelled() {
            out.push(c);
            discard(project, &out);
            return None;
        }
        if archive && c.is_captured() {
            match evidence::ask_internet_archive(url, options) {
                Ok(a) => c.archive_url = a,
                Err(e) => warnings.push(format!("Internet Archive: {e}")),
            }
        }
        out.push(c);
        done.fetch_add(1, Ordering::Relaxed);
    }
    Some((out, warnings))
}
