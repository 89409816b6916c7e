//! Adding an article from a URL: the fetch off the UI thread and the article it makes.

use crate::core::action::Action;
use crate::core::fetch::{self, FetchControl};
use crate::core::store::human_bytes;
use crate::ui::app::FactdeskApp;
use crate::ui::evidence::add_url::*;
use crate::ui::project::import_files::same_content;
use std::sync::mpsc::{TryRecvError, channel};
use std::time::{Duration, Instant};

impl FactdeskApp {
    /// Opens the dialog (with `url` filled in, e.g. a pasted link).
    pub(crate) fn open_add_url(&mut self, url: Option<String>) {
        let d = self
            .dialogs
            .evidence
            .add_url
            .get_or_insert_with(AddUrl::default);
        if let Some(u) = url {
            d.url = u;
        }
        d.focus = true;
    }

    /// Starts fetching the dialog's address on a worker thread.
    fn start_fetch(&mut self, ctx: &egui::Context) {
        let options = self.dialogs.evidence.fetch_options();
        let project = self.session.path().map(std::path::Path::to_path_buf);
        let generation = self.project.generation;
        let Some(d) = self.dialogs.evidence.add_url.as_mut() else {
            return;
        };
        let url = match fetch::check_url(&d.url) {
            Ok(u) => u,
            Err(e) => {
                d.error = Some(e.to_string());
                return;
            }
        };
        d.error = None;
        let control = FetchControl::new();
        let (tx, rx) = channel();
        let worker_control = control.clone();
        let address = url.to_string();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("fetch-article".into())
            .spawn(move || {
                let result = fetch_page(&address, options, &worker_control, project.as_deref());
                let capture = result.as_ref().ok().and_then(|p| p.capture.clone());
                // Cancelled, or the dialog is gone: nothing of this fetch is kept.
                if worker_control.is_cancelled() || tx.send(result).is_err() {
                    discard(project.as_deref(), capture.as_ref());
                }
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                d.job = Some(FetchJob {
                    control,
                    rx,
                    started: Instant::now(),
                    host: url.host_str().unwrap_or_default().to_string(),
                    generation,
                });
            }
            Err(e) => d.error = Some(format!("Could not start the fetch: {e}")),
        }
    }

    /// Cancel or Escape: the dialog closes at once; a running fetch is told to stop and its
    /// answer is dropped (see the module header of `ui::evidence`).
    fn close_add_url(&mut self) {
        if let Some(job) = self.dialogs.evidence.add_url.take().and_then(|d| d.job) {
            job.control.cancel();
        }
    }

    /// The worker's answer: the article added (one undo step) or the error shown in the dialog.
    fn fetch_done(&mut self, result: Result<Page, String>) {
        let page = match result {
            Ok(p) => p,
            Err(e) => {
                if let Some(d) = self.dialogs.evidence.add_url.as_mut() {
                    d.error = Some(e);
                    d.focus = true;
                }
                return;
            }
        };
        let path = self.session.path().map(std::path::Path::to_path_buf);
        let mut article = page.article;
        if let Some(same) = same_content(&self.session.project, &[], &article) {
            let (id, title) = (
                same.id.clone(),
                crate::ui::evidence::short(same.display_title()),
            );
            discard(path.as_deref(), page.capture.as_ref());
            self.dialogs.evidence.add_url = None;
            self.article.current = Some(id);
            self.project.import.start_screen = false;
            self.dialogs
                .toast(format!("Already in the project (same content): “{title}”"));
            return;
        }
        let mut notes: Vec<String> = page
            .warnings
            .iter()
            .map(|w| format!("{}: {w}", article.meta.url))
            .collect();
        match &page.capture {
            Some(Ok(c)) => article.captures.push(c.clone()),
            Some(Err(e)) => notes.push(format!(
                "The article was added, but the page could not be kept as evidence: {e}"
            )),
            None => notes.push(
                "The page is not kept as evidence: this project has no file yet, and captures \
                 are kept beside it. Save the project, then capture its sources."
                    .to_string(),
            ),
        }
        let title = crate::ui::evidence::short(article.display_title());
        match self.commit(Action::AddArticle {
            article: Box::new(article),
        }) {
            Ok(applied) => {
                self.dialogs.evidence.add_url = None;
                self.article.current = applied.new_article;
                self.claims.selected = None;
                self.article.selection = None;
                self.article.cursor = None;
                self.project.import.start_screen = false;
                self.dialogs.toast(format!("Added from the web: “{title}”"));
                for n in notes {
                    self.dialogs.toast(n);
                }
            }
            Err(e) => {
                discard(path.as_deref(), page.capture.as_ref());
                if let Some(d) = self.dialogs.evidence.add_url.as_mut() {
                    d.error = Some(format!("Could not add the article: {e}"));
                }
            }
        }
    }
}

/// Takes in the worker's answer and draws the dialog.
pub(crate) fn frame(ctx: &egui::Context, app: &mut FactdeskApp) {
    let generation = app.project.generation;
    let mut answer = None;
    if let Some(d) = app.dialogs.evidence.add_url.as_mut()
        && let Some(job) = &d.job
    {
        match job.rx.try_recv() {
            Ok(result) => {
                if job.generation == generation {
                    answer = Some(result);
                }
                d.job = None;
            }
            Err(TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(200)),
            Err(TryRecvError::Disconnected) => {
                d.job = None;
                d.error = Some("The fetch stopped without an answer.".to_string());
            }
        }
    }
    if let Some(result) = answer {
        app.fetch_done(result);
    }
    let Some(d) = app.dialogs.evidence.add_url.as_mut() else {
        return;
    };
    let mut fetch = false;
    let mut cancel = false;
    let modal = egui::Modal::new(egui::Id::unique("add_url_dialog")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading("Add article from URL");
        ui.add_space(4.0);
        let label = ui.label("Web address");
        let busy = d.job.is_some();
        let r = ui
            .add_enabled(
                !busy,
                egui::TextEdit::singleline(&mut d.url)
                    .hint_text("https://…")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if d.focus {
            r.request_focus();
            d.focus = false;
        }
        if r.changed() {
            d.error = None;
        }
        let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let check = fetch::check_url(&d.url);
        if let (Err(e), false) = (&check, d.url.trim().is_empty()) {
            ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {e}"));
        }
        // One line of the same height idle or busy, so the dialog does not jump when it starts.
        ui.horizontal(|ui| {
            ui.set_min_height(ui.spacing().interact_size.y);
            let Some(job) = &d.job else {
                ui.weak("The page is fetched once, now; nothing else is contacted.");
                return;
            };
            ui.add(egui::Spinner::new());
            let bytes = job.control.bytes();
            let got = if bytes > 0 {
                format!(", {} received", human_bytes(bytes))
            } else {
                String::new()
            };
            ui.label(format!(
                "Fetching from {}{got} ({} s)",
                job.host,
                job.started.elapsed().as_secs()
            ));
        });
        if let Some(e) = &d.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let can = check.is_ok() && !busy;
            if ui
                .add_enabled(can, egui::Button::new("Fetch"))
                .on_hover_text("Fetch the page and add it as an article")
                .clicked()
                || (can && entered)
            {
                fetch = true;
            }
            if ui
                .button("Cancel")
                .on_hover_text("Close; a fetch under way is stopped and nothing is added")
                .clicked()
            {
                cancel = true;
            }
        });
    });
    if cancel || modal.should_close() {
        app.close_add_url();
    } else if fetch {
        app.start_fetch(ctx);
    }
}
