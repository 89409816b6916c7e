//! Article versions: a new version from a file, a URL or a dropped file, as one undo step.

use crate::core::fetch::{self, FetchControl};
use crate::core::model::ArticleId;
use crate::ui::app::FactdeskApp;
use crate::ui::article::versions_ui::*;
use crate::ui::dispatch::import_files::Fetched;
use crate::ui::intent::{DropChoice, VersionsIntent};
use std::sync::mpsc;

impl FactdeskApp {
    /// Carries out what the versions parts asked for.
    pub(crate) fn apply_versions(&mut self, ctx: &egui::Context, intent: VersionsIntent) {
        match intent {
            VersionsIntent::FetchUpdate { article, url } => {
                self.start_version_fetch(ctx, article, url)
            }
            VersionsIntent::CancelFetch => {
                if let Some(f) = self.article.versions.fetch.take() {
                    f.control.cancel();
                    self.dialogs.toast("Update from URL cancelled".to_string());
                }
            }
            VersionsIntent::FetchDone => match self.article.versions.done.take() {
                Some((article, Ok(page))) => {
                    for w in &page.warnings {
                        self.dialogs.toast(format!("{}: {w}", page.url));
                    }
                    self.article.versions.url_open = false;
                    self.article.versions.url.clear();
                    let fetched = Fetched {
                        url: &page.url,
                        capture: page.capture.as_ref(),
                    };
                    if !self.update_article_to(&article, &page.body, &page.url, Some(fetched)) {
                        discard(self.session.path(), &page);
                    }
                }
                Some((_, Err(e))) => {
                    self.dialogs.error = Some(format!("Could not fetch the new version\n\n{e}"));
                }
                None => {}
            },
            VersionsIntent::DroppedOnArticle { article, path } => {
                self.article.versions.dropped = Some((article, path));
            }
            VersionsIntent::DropAnswer(choice) => {
                let Some((article, path)) = self.article.versions.dropped.take() else {
                    return;
                };
                match choice {
                    DropChoice::NextVersion => self.update_article_from_file(&article, &path),
                    DropChoice::NewArticle => self.add_article_paths(&[path]),
                    DropChoice::Cancel => {}
                }
            }
        }
    }

    /// Starts fetching `url` on a worker thread; the UI thread never waits for the network.
    fn start_version_fetch(&mut self, ctx: &egui::Context, article: ArticleId, url: String) {
        if self.article.versions.fetch.is_some() {
            self.dialogs
                .toast("A page is already being fetched: cancel it first".to_string());
            return;
        }
        if let Err(e) = fetch::check_url(&url) {
            self.dialogs.error = Some(format!("Could not fetch the new version\n\n{e}"));
            return;
        }
        let control = FetchControl::new();
        let (tx, rx) = mpsc::channel();
        let (worker_control, worker_url, ctx) = (control.clone(), url.clone(), ctx.clone());
        let project = self.session.path().map(std::path::Path::to_path_buf);
        let spawned = std::thread::Builder::new()
            .name("factdesk-update-fetch".into())
            .spawn(move || {
                let result = fetch_text(&worker_url, &worker_control, project.as_deref());
                // Cancelled, or nobody listens any more: its capture is not left behind.
                if worker_control.is_cancelled() {
                    if let Ok(page) = &result {
                        discard(project.as_deref(), page);
                    }
                } else if let Err(mpsc::SendError(Ok(page))) = tx.send(result) {
                    discard(project.as_deref(), &page);
                }
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.article.versions.fetch = Some(UrlFetch {
                    article,
                    url,
                    control,
                    rx,
                })
            }
            Err(e) => self.dialogs.error = Some(format!("Could not start the fetch: {e}")),
        }
    }
}
