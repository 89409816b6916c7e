//! Evidence in the app: adding an article from a URL, capturing cited sources, and the offline
//! viewer of a capture. Every fetch runs on a worker thread that answers through a channel; the
//! window only polls it, shows progress and can walk away from it (cancel).
//!
//! Cancelling: the core's fetch checks its cancel flag between reads, so a server that is slow to
//! answer at all keeps the worker waiting until its timeout. The window does not wait for that: a
//! cancelled job is dropped at once, its answer (if it ever comes) goes nowhere, and the worker
//! removes any capture file it wrote, so nothing of a cancelled fetch is kept.

pub(crate) mod add_url;
pub(crate) mod capture;
pub(crate) mod viewer;

use crate::core::fetch::FetchOptions;

/// The evidence windows and jobs.
#[derive(Debug, Default)]
pub struct EvidenceState {
    /// "Add article from URL": the address, and the fetch while it runs.
    pub(crate) add_url: Option<add_url::AddUrl>,
    /// Sources being captured.
    pub(crate) capture: Option<capture::CaptureJob>,
    /// The offline viewer of one capture.
    pub(crate) viewer: Option<viewer::CaptureViewer>,
    /// "Save the project first": what was asked for, explained.
    pub(crate) save_first: Option<String>,
    /// Limits of every fetch (tests shorten them and turn proxies off).
    pub(crate) options: Option<FetchOptions>,
}

impl EvidenceState {
    /// Windows that take the keyboard: shortcuts are off while they are open.
    pub fn modal(&self) -> bool {
        self.add_url.is_some() || self.save_first.is_some()
    }

    pub(crate) fn fetch_options(&self) -> FetchOptions {
        self.options.clone().unwrap_or_default()
    }
}

/// A title cut to fit a one-line notice.
pub(crate) fn short(title: &str) -> String {
    const MAX: usize = 60;
    if title.chars().count() <= MAX {
        title.to_string()
    } else {
        let cut: String = title.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
