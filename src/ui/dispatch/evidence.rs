//! Evidence: what the evidence parts asked for, carried out.

use crate::core::fetch::FetchOptions;
use crate::ui::app::FactdeskApp;
use crate::ui::evidence::*;
use crate::ui::intent::{EvidenceIntent, Intent};

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
            EvidenceIntent::CaptureAll => self.capture_all_sources(false),
            EvidenceIntent::CaptureAllInProject => self.capture_all_sources(true),
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
    super::add_url::frame(ctx, app);
    super::capture::poll(ctx, app);
    super::viewer::frame(ctx, app);
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
