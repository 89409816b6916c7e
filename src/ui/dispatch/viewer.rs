//! Opening a capture in the offline viewer, its hash checked first.

use crate::core::model::ClaimId;
use crate::ui::app::FactdeskApp;
use crate::ui::evidence::viewer::*;
use std::sync::mpsc::{TryRecvError, channel};
use std::time::Duration;

impl FactdeskApp {
    /// Opens the newest capture of this source in the viewer, read on a worker thread.
    pub(crate) fn view_capture(&mut self, claim: &ClaimId, url: &str) {
        let Some(project) = self.session.path().map(std::path::Path::to_path_buf) else {
            self.ask_to_save_first("Viewing a capture");
            return;
        };
        let Some(c) = self.session.project.claim(claim) else {
            return;
        };
        let found = c
            .sources
            .iter()
            .filter(|s| s.url.trim() == url.trim())
            .find_map(|s| crate::core::model::latest_capture(&s.captures));
        let Some(capture) = found.cloned() else {
            self.dialogs
                .toast("This source has no capture to show yet".to_string());
            return;
        };
        let quote = c.anchor.quote.clone();
        let (tx, rx) = channel();
        let worker_capture = capture.clone();
        let spawned = std::thread::Builder::new()
            .name("capture-viewer".into())
            .spawn(move || {
                let _ = tx.send(load(&project, &worker_capture));
            });
        if let Err(e) = spawned {
            self.dialogs
                .toast(format!("Could not open the capture: {e}"));
            return;
        }
        self.dialogs.evidence.viewer = Some(CaptureViewer {
            url: url.trim().to_string(),
            capture,
            rx: Some(rx),
            page: None,
            find: quote,
            matches: Vec::new(),
            matches_for: None,
            current: 0,
            scroll: true,
        });
    }
}

/// Takes in the page when read, and draws the viewer window.
pub(crate) fn frame(ctx: &egui::Context, app: &mut FactdeskApp) {
    let Some(v) = app.dialogs.evidence.viewer.as_mut() else {
        return;
    };
    if let Some(rx) = &v.rx {
        match rx.try_recv() {
            Ok(page) => {
                v.page = Some(page);
                v.rx = None;
            }
            Err(TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(100)),
            Err(TryRecvError::Disconnected) => {
                v.page = Some(Err("The capture could not be read.".to_string()));
                v.rx = None;
            }
        }
    }
    let mut open = true;
    egui::Window::new("Capture (offline)")
        .open(&mut open)
        .default_size([640.0, 560.0])
        .show(ctx, |ui| body(ui, v));
    if !open {
        app.dialogs.evidence.viewer = None;
    }
}
