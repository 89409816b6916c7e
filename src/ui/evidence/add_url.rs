//! "Add article from URL…": a small dialog, the fetch on a worker thread with progress and
//! cancel, then the page through the same HTML importer as `factdesk import --url`, added as one
//! undoable article with the page as fetched kept as evidence when the project has a file.

use crate::core::action::Action;
use crate::core::evidence;
use crate::core::fetch::{self, FetchControl, FetchOptions};
use crate::core::import;
use crate::core::model::{Article, Capture};
use crate::core::store::human_bytes;
use crate::ui::app::FactdeskApp;
use crate::ui::project::import_files::same_content;
use std::path::Path;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// The dialog's state.
#[derive(Debug, Default)]
pub(crate) struct AddUrl {
    pub url: String,
    /// Give the address field the keyboard on the next frame.
    focus: bool,
    job: Option<FetchJob>,
    /// Why the last fetch failed, shown once in the dialog until the next try.
    error: Option<String>,
}

impl AddUrl {
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }
}

/// A fetch under way.
#[derive(Debug)]
struct FetchJob {
    control: FetchControl,
    rx: Receiver<Result<Page, String>>,
    started: Instant,
    host: String,
    /// The project it was started for: an answer for another one is dropped.
    generation: u64,
}

/// What the worker brings back: the article, and the capture of the page (None: the project
/// has no file, so nothing was kept).
#[derive(Debug)]
struct Page {
    article: Article,
    capture: Option<Result<Capture, String>>,
    warnings: Vec<String>,
}

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
fn fetch_page(
    url: &str,
    mut options: FetchOptions,
    control: &FetchControl,
    project: Option<&Path>,
) -> Result<Page, String> {
    options.pages_only = true;
    let fetched = fetch::fetch(url, &options, control).map_err(|e| e.to_string())?;
    let final_url = fetched.final_url().to_string();
    let body = fetched
        .decoded_body()
        .map_err(|e| format!("{final_url}: {e}"))?;
    let imported = import::import_bytes_with_charset(&final_url, &body, fetched.header_charset())
        .map_err(|e| e.to_string())?;
    let warnings = imported.warnings.clone();
    let mut article = imported.into_article();
    article.meta.url = final_url;
    if control.is_cancelled() {
        return Err(format!("{url}: cancelled"));
    }
    let capture = project.map(|p| evidence::store_fetched(p, &fetched));
    Ok(Page {
        article,
        capture,
        warnings,
    })
}

/// Removes a capture file nobody will record (its fetch was cancelled or its article not added).
fn discard(project: Option<&Path>, capture: Option<&Result<Capture, String>>) {
    if let (Some(p), Some(Ok(c))) = (project, capture)
        && c.is_captured()
    {
        let _ = std::fs::remove_file(evidence::evidence_dir(p).join(&c.file));
    }
}

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
        let project = self.session.path.clone();
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
        let path = self.session.path.clone();
        let mut article = page.article;
        if let Some(same) = same_content(&self.session.project, &[], &article) {
            let (id, title) = (same.id.clone(), super::short(same.display_title()));
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
        let title = super::short(article.display_title());
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
