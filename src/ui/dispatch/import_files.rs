//! Adding articles from files and folders, and their import report.

use crate::core::action::Action;
use crate::core::import;
use crate::core::model::{Article, ArticleId, Capture};
use crate::ui::app::FactdeskApp;
use crate::ui::project::import_files::*;
use std::path::PathBuf;

impl FactdeskApp {
    /// Imports files as articles, one undo step each (so one wrong file can be taken back alone);
    /// the last one is opened. When any file is not imported (refused, or already in the project),
    /// a per-file result list opens; a single file that fails gets the plain error. Failures never touch the project.
    pub fn add_article_paths(&mut self, paths: &[PathBuf]) {
        let mut report = ImportReport::default();
        let mut articles: Vec<Article> = Vec::new();
        let mut warnings = Vec::new();
        let mut errors: Vec<String> = Vec::new();
        for path in paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            let outcome = match import::read_path(path) {
                Ok(imported) => {
                    warnings.extend(imported.warnings.iter().map(|w| format!("{name}: {w}")));
                    let article = imported.into_article();
                    let title = article.display_title().to_string();
                    match same_content(&self.session.project, &articles, &article) {
                        Some(same) => FileOutcome::Duplicate {
                            title: same.display_title().to_string(),
                        },
                        None => {
                            articles.push(article);
                            FileOutcome::Imported { title }
                        }
                    }
                }
                Err(e) => {
                    errors.push(e.to_string());
                    FileOutcome::Failed {
                        reason: reason_of(&e),
                    }
                }
            };
            report.rows.push((name, outcome));
        }
        let mut added = 0;
        for article in articles {
            match self.commit(Action::AddArticle {
                article: Box::new(article),
            }) {
                Ok(applied) => {
                    self.article.current = applied.new_article;
                    added += 1;
                }
                Err(e) => {
                    self.dialogs.error = Some(format!("An article could not be added: {e}"));
                }
            }
        }
        if added > 0 {
            self.claims.selected = None;
            self.article.selection = None;
            self.article.cursor = None;
            self.project.import.start_screen = false;
            self.dialogs.toast(if added == 1 {
                "Added 1 article".to_string()
            } else {
                format!("Added {added} articles")
            });
        }
        for w in warnings {
            self.dialogs.toast(w);
        }
        match (paths.len(), errors.pop()) {
            // One file that failed: the plain error, with its full path.
            (1, Some(e)) => {
                self.dialogs.error = Some(format!("The file could not be added.\n\n{e}"))
            }
            // All imported: the notice says so, no window to dismiss.
            _ if report.imported() == report.rows.len() => {}
            _ => self.dialogs.import_report = Some(report),
        }
    }
}

impl FactdeskApp {
    /// Reads `path` as the next version of the current article: one undoable edit; claims move
    /// exactly or are flagged, and a notice says how many of each.
    pub fn update_article_from(&mut self, path: &std::path::Path) {
        let Some(id) = self.article.current.clone() else {
            self.dialogs.error = Some("Choose the article to update first.".to_string());
            return;
        };
        self.update_article_from_file(&id, path);
    }

    /// Reads `path` (like an import) as the next version of article `id`.
    pub fn update_article_from_file(&mut self, id: &ArticleId, path: &std::path::Path) {
        let imported = match crate::core::import::read_path(path) {
            Ok(i) => i,
            Err(e) => {
                self.dialogs.error = Some(format!("Could not read the new version\n\n{e}"));
                return;
            }
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        for w in &imported.warnings {
            self.dialogs.toast(format!("{name}: {w}"));
        }
        self.update_article_to(id, &imported.body, &path.display().to_string(), None);
    }

    /// Makes `body` the next version of article `id` (read from `from`) as one undo step: the one
    /// path every update takes, a file, a dropped file or a page alike. `fetched` names the page
    /// it came from, which becomes the article's address, and its capture (recorded on the
    /// version). False when nothing changed.
    pub(crate) fn update_article_to(
        &mut self,
        id: &ArticleId,
        body: &str,
        from: &str,
        fetched: Option<Fetched<'_>>,
    ) -> bool {
        let plan = crate::core::versions::plan_update(
            &self.session.project,
            id,
            body,
            from,
            &crate::core::time::Timestamp::now(),
        );
        let mut plan = match plan {
            Ok(plan) => plan,
            Err(e) => {
                self.dialogs.error = Some(format!("Could not update the article\n\n{e}"));
                return false;
            }
        };
        let mut notes = Vec::new();
        if let (Some(page), Action::ReplaceArticle { article, .. }) = (&fetched, &mut plan.action) {
            article.meta.url = page.url.to_string();
            match page.capture {
                Some(Ok(c)) => article.captures.push(c.clone()),
                Some(Err(e)) => notes.push(format!(
                    "The new version was applied, but the page could not be kept as evidence: {e}"
                )),
                None => notes.push(
                    "The page is not kept as evidence: this project has no file yet, and \
                     captures are kept beside it."
                        .to_string(),
                ),
            }
        }
        let (version, moved, flagged) = (plan.version, plan.moved.len(), plan.flagged.len());
        match self.commit(plan.action) {
            Ok(_) => {
                // The person sees the article they updated.
                if self.article.current.as_ref() != Some(id) {
                    self.article.current = Some(id.clone());
                    self.article.selection = None;
                    self.article.cursor = None;
                }
                self.dialogs.toast(format!(
                    "Version {version}: {moved} claim(s) moved, {flagged} flagged for review"
                ));
                for n in notes {
                    self.dialogs.toast(n);
                }
                true
            }
            Err(e) => {
                self.dialogs.error = Some(format!("Could not update the article\n\n{e}"));
                false
            }
        }
    }
}

/// The page a new version was fetched from, and its capture.
pub(crate) struct Fetched<'a> {
    pub(crate) url: &'a str,
    pub(crate) capture: Option<&'a Result<Capture, String>>,
}
