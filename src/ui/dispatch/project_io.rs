//! Opening, saving, creating projects and adding articles, with the unsaved-changes question
//! in front of anything that would drop edits. Load errors are shown once and never write.

use crate::core::model::Project;
use crate::core::session::Session;
use crate::ui::app::FactdeskApp;
use crate::ui::dialogs::{PathPrompt, Pending};
use crate::ui::project::file_dialogs::{Answer, Purpose};
use std::path::{Path, PathBuf};

impl FactdeskApp {
    /// Saves to the project's file, or asks where when it has none. True when saved right away.
    pub(crate) fn save_current(&mut self, ctx: &egui::Context) -> bool {
        match self.session.path().map(Path::to_path_buf) {
            Some(path) => self.save_to(&path),
            None => {
                self.ask_path(ctx, Purpose::SaveProjectAs);
                false
            }
        }
    }

    /// Asks for a path with the native dialog, or the in-app prompt when there is none.
    pub(crate) fn ask_path(&mut self, ctx: &egui::Context, purpose: Purpose) {
        let start = self
            .session
            .path()
            .and_then(|p| p.parent().map(Path::to_path_buf));
        if !self.project.files.request(ctx, purpose, start) {
            self.dialogs.path_prompt = Some(PathPrompt::new(purpose, self.suggested_path(purpose)));
        }
    }

    fn suggested_path(&self, purpose: Purpose) -> String {
        match purpose {
            Purpose::SaveProjectAs => self
                .session
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| {
                    std::env::current_dir()
                        .unwrap_or_default()
                        .join("project.ron")
                })
                .display()
                .to_string(),
            Purpose::OpenProject
            | Purpose::AddArticles
            | Purpose::UpdateArticle
            | Purpose::Export
            | Purpose::CompareProject
            | Purpose::IndexLibrary => String::new(),
        }
    }

    pub(crate) fn dialog_answered(&mut self, ctx: &egui::Context, answer: Answer) {
        if answer.purpose == Purpose::Export {
            return self.export_answered(ctx, answer);
        }
        match (answer.paths, answer.purpose) {
            (Some(paths), Purpose::OpenProject) => {
                if let Some(p) = paths.first() {
                    self.open_path(p);
                }
            }
            (Some(paths), Purpose::SaveProjectAs) => {
                if let Some(p) = paths.first() {
                    let p = with_ron_extension(p);
                    if self.save_to(&p) {
                        self.continue_after_save(ctx);
                    } else {
                        self.dialogs.after_save = None;
                    }
                }
            }
            (Some(paths), Purpose::AddArticles) => self.add_article_paths(&paths),
            (Some(paths), Purpose::UpdateArticle) => {
                if let Some(p) = paths.first() {
                    self.update_article_from(p);
                }
            }
            (Some(_), Purpose::Export) => {}
            (Some(paths), Purpose::IndexLibrary) => {
                if let Some(p) = paths.first() {
                    self.index_library_folder(p.clone());
                }
            }
            (Some(paths), Purpose::CompareProject) => {
                if let Some(p) = paths.first() {
                    self.open_comparison(p);
                }
            }
            (None, purpose) if answer.no_backend => {
                // No desktop dialog answered: fall back to typing a path.
                let mut prompt = PathPrompt::new(purpose, self.suggested_path(purpose));
                prompt.note = Some("No file dialog is available here: type a path.".to_string());
                self.dialogs.path_prompt = Some(prompt);
            }
            (None, _) => self.dialogs.after_save = None,
        }
    }

    pub(crate) fn continue_after_save(&mut self, ctx: &egui::Context) {
        if let Some(p) = self.dialogs.after_save.take() {
            self.proceed(ctx, p);
        }
    }

    /// Runs `pending` now, or first asks about unsaved changes.
    pub(crate) fn guard(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.session.is_dirty() {
            self.dialogs.unsaved = Some(pending);
        } else {
            self.proceed(ctx, pending);
        }
    }

    pub(crate) fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New => {
                self.replace_session(Session::opened(Project::new("Untitled project"), None));
                self.settings.last_project = None;
                self.project.import.start_screen = true;
            }
            Pending::Sample => self.replace_session(FactdeskApp::sample_session()),
            Pending::Open => self.ask_path(ctx, Purpose::OpenProject),
            Pending::OpenPath(p) => self.open_path(&p),
            Pending::Quit => self.close_window(ctx),
        }
    }
}

fn with_ron_extension(p: &Path) -> PathBuf {
    if p.extension().is_none() {
        p.with_extension("ron")
    } else {
        p.to_path_buf()
    }
}
