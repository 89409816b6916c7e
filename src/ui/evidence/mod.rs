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
use crate::ui::app::FactdeskApp;
use crate::ui::intent::{EvidenceIntent, Intent};

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

impl FactdeskApp {
    /// Sets the limits of the fetches the app makes (timeouts, size cap, proxies).
    pub fn set_fetch_options(&mut self, options: FetchOptions) {
        self.dialogs.evidence.options = Some(options);
    }

    /// Whether a fetch, a capture or the viewer's reading is under way.
    pub fn evidence_busy(&self) -> bool {
        let e = &self.dialogs.evidence;
        e.add_url.as_ref().is_some_and(add_url::AddUrl::busy)
            || e.capture.is_some()
            || e.viewer
                .as_ref()
                .is_some_and(viewer::CaptureViewer::loading)
    }

    pub(crate) fn apply_evidence(&mut self, intent: EvidenceIntent) {
        match intent {
            EvidenceIntent::Capture { claim, url } => self.capture_sources(vec![(claim, url)]),
            EvidenceIntent::CaptureAll => self.capture_all_sources(),
            EvidenceIntent::CancelCapture => self.cancel_capture(),
            EvidenceIntent::View { claim, url } => self.view_capture(&claim, &url),
        }
    }

    /// Explains that captures live beside the project file and offers to save it.
    pub(crate) fn ask_to_save_first(&mut self, what: &str) {
        self.dialogs.evidence.save_first = Some(format!(
            "{what} needs a project file: captured pages are kept beside it, in the \
             NAME.evidence folder next to NAME.ron. Save the project first, then try again."
        ));
    }
}

/// Once per frame, after the panels: worker answers taken in, the evidence windows drawn.
pub(crate) fn frame(ctx: &egui::Context, app: &mut FactdeskApp, out: &mut Vec<Intent>) {
    add_url::frame(ctx, app);
    capture::poll(ctx, app);
    viewer::frame(ctx, app);
    if let Some(text) = app.dialogs.evidence.save_first.clone() {
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("evidence_save_first")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading("Save the project first");
            ui.label(text);
            ui.horizontal(|ui| {
                if ui.button("Save as…").clicked() {
                    out.push(Intent::Run(crate::ui::command::UiCommand::SaveProjectAs));
                    close = true;
                }
                if ui.button("Not now").clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            app.dialogs.evidence.save_first = None;
        }
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
