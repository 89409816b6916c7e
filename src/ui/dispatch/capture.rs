//! Capturing cited sources as WARC evidence off the UI thread, recorded as one undo step.

use crate::core::action::{Action, ClaimEdit};
use crate::core::fetch::FetchControl;
use crate::core::model::{Capture, ClaimId};
use crate::ui::app::FactdeskApp;
use crate::ui::evidence::capture::*;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::sync::mpsc::{TryRecvError, channel};
use std::time::{Duration, Instant};

impl FactdeskApp {
    /// Captures these sources (claim, URL) on a worker thread, captured before or not.
    pub(crate) fn capture_sources(&mut self, targets: Vec<(ClaimId, String)>) {
        let Some(project) = self.session.path().map(std::path::Path::to_path_buf) else {
            self.ask_to_save_first("Capturing a source");
            return;
        };
        if self.dialogs.evidence.capture.is_some() {
            self.dialogs
                .toast("A capture is under way; wait for it or cancel it first".to_string());
            return;
        }
        let targets: Vec<(ClaimId, String)> = targets
            .into_iter()
            .map(|(c, u)| (c, u.trim().to_string()))
            .filter(|(_, u)| !u.is_empty())
            .collect();
        // Each URL is fetched once, however many claims cite it.
        let mut urls: Vec<String> = Vec::new();
        for (_, u) in &targets {
            if !urls.contains(u) {
                urls.push(u.clone());
            }
        }
        if urls.is_empty() {
            self.dialogs
                .toast("This source has no web address to capture".to_string());
            return;
        }
        let options = self.dialogs.evidence.fetch_options();
        let archive = self.session.project.settings.internet_archive;
        let control = FetchControl::new();
        let done = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = channel();
        let (w_control, w_done, w_urls, w_project) =
            (control.clone(), done.clone(), urls.clone(), project.clone());
        let spawned = std::thread::Builder::new()
            .name("capture-sources".into())
            .spawn(move || {
                let result =
                    capture_each(&w_project, &w_urls, &options, &w_control, archive, &w_done);
                if let Some(finished) = result {
                    // Cancelled meanwhile, or the window is gone: nothing is kept.
                    if w_control.is_cancelled() {
                        discard(&w_project, &finished.0);
                    } else if let Err(unsent) = tx.send(finished) {
                        discard(&w_project, &unsent.0.0);
                    }
                }
            });
        match spawned {
            Ok(_) => {
                self.dialogs.evidence.capture = Some(CaptureJob {
                    control,
                    rx,
                    targets,
                    urls,
                    done,
                    started: Instant::now(),
                    generation: self.project.generation,
                    project,
                });
            }
            Err(e) => self
                .dialogs
                .toast(format!("Could not start the capture: {e}")),
        }
    }

    /// "Capture all sources": every source with a web address and no successful capture yet,
    /// among the claims of the article being read, or of the whole project.
    pub(crate) fn capture_all_sources(&mut self, whole_project: bool) {
        let article = self.article.current.clone();
        if !whole_project && article.is_none() {
            self.dialogs
                .toast("Open an article first: its claims' sources are captured".to_string());
            return;
        }
        let mut cited = 0;
        let targets: Vec<(ClaimId, String)> = self
            .session
            .project
            .claims
            .iter()
            .filter(|c| whole_project || Some(&c.article) == article.as_ref())
            .flat_map(|c| c.sources.iter().map(move |s| (c, s)))
            .filter(|(_, s)| !s.url.trim().is_empty())
            .inspect(|_| cited += 1)
            .filter(|(_, s)| !s.captures.iter().any(Capture::is_captured))
            .map(|(c, s)| (c.id.clone(), s.url.clone()))
            .collect();
        if targets.is_empty() {
            let whose = if whole_project {
                "the project's claims"
            } else {
                "this article's claims"
            };
            let why = if cited == 0 {
                format!("No source of {whose} has a web address")
            } else {
                format!(
                    "Every source of {whose} is captured already (use Capture again on a source for a new copy)"
                )
            };
            self.dialogs.toast(why);
            return;
        }
        self.capture_sources(targets);
    }

    /// Stops the running capture at once; nothing of it is recorded.
    pub(crate) fn cancel_capture(&mut self) {
        if let Some(job) = self.dialogs.evidence.capture.take() {
            job.control.cancel();
            self.dialogs
                .toast("Capture cancelled: nothing was recorded".to_string());
        }
    }

    /// Records a finished batch on the sources that cite each URL, as one undo step.
    fn record_captures(&mut self, job: CaptureJob, captures: Vec<Capture>, warnings: Vec<String>) {
        let same_file = self.session.path() == Some(job.project.as_path());
        if job.generation != self.project.generation || !same_file {
            discard(&job.project, &captures);
            return;
        }
        let mut actions = Vec::new();
        let mut recorded = vec![false; job.urls.len()];
        let mut claims: Vec<&ClaimId> = job.targets.iter().map(|(c, _)| c).collect();
        claims.dedup();
        for id in claims {
            let Some(claim) = self.session.project.claim(id) else {
                continue;
            };
            let mut sources = claim.sources.clone();
            let mut any = false;
            for s in &mut sources {
                let url = s.url.trim().to_string();
                let wanted = job.targets.iter().any(|(c, u)| c == id && *u == url);
                let Some(i) = job.urls.iter().position(|u| *u == url) else {
                    continue;
                };
                if wanted && let Some(c) = captures.get(i) {
                    s.captures.push(c.clone());
                    recorded[i] = true;
                    any = true;
                }
            }
            if any {
                actions.push(Action::edit_claim(id, ClaimEdit::Sources(sources)));
            }
        }
        // Files of sources removed meanwhile are not kept.
        let unrecorded: Vec<Capture> = captures
            .iter()
            .zip(&recorded)
            .filter(|(_, r)| !**r)
            .map(|(c, _)| c.clone())
            .collect();
        discard(&job.project, &unrecorded);
        if actions.is_empty() {
            self.dialogs.toast(
                "The sources were changed or removed while capturing; nothing was recorded"
                    .to_string(),
            );
            return;
        }
        let action = if actions.len() == 1 {
            actions.remove(0)
        } else {
            Action::Batch { actions }
        };
        if let Err(e) = self.commit(action) {
            discard(&job.project, &captures);
            self.dialogs
                .toast(format!("Could not record the captures: {e}"));
            return;
        }
        let failed: Vec<&Capture> = captures.iter().filter(|c| !c.is_captured()).collect();
        let n = captures.len();
        let summary = match failed.len() {
            0 if n == 1 => "Page captured".to_string(),
            0 => format!("{n} pages captured"),
            f => format!("{} of {n} captured; {f} failed (recorded as failed)", n - f),
        };
        self.dialogs.toast(summary);
        for c in failed {
            self.dialogs.toast(format!("Capture failed: {}", c.error));
        }
        for w in warnings {
            self.dialogs.toast(w);
        }
    }
}

/// Takes in a finished batch; keeps the window repainting while one runs.
pub(crate) fn poll(ctx: &egui::Context, app: &mut FactdeskApp) {
    let Some(job) = &app.dialogs.evidence.capture else {
        return;
    };
    match job.rx.try_recv() {
        Ok((captures, warnings)) => {
            if let Some(job) = app.dialogs.evidence.capture.take() {
                app.record_captures(job, captures, warnings);
            }
        }
        Err(TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(200)),
        Err(TryRecvError::Disconnected) => {
            app.dialogs.evidence.capture = None;
            app.dialogs
                .toast("The capture stopped without an answer; nothing was recorded".to_string());
        }
    }
}
