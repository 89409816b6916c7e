//! Native file dialogs (rfd) run on a worker thread and answer through a channel, so the window
//! never blocks. Without a desktop portal rfd answers `None` at once: that is reported as
//! `no_backend` and the app falls back to its in-app path field.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// A `None` faster than this cannot have been a person pressing Cancel.
const NO_BACKEND_WITHIN: Duration = Duration::from_millis(400);

/// What a path is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    OpenProject,
    SaveProjectAs,
    AddArticles,
    Export,
    CompareProject,
    /// A new version of the current article (the outlet edited it).
    UpdateArticle,
    /// A folder of projects to add to the claim library.
    IndexLibrary,
}

/// What a save dialog offers: the file name and the one file type.
#[derive(Debug, Clone, Default)]
pub struct SaveHint {
    pub file_name: String,
    pub filter_name: String,
    pub extension: String,
}

impl Purpose {
    pub fn title(self) -> &'static str {
        match self {
            Purpose::OpenProject => "Open project",
            Purpose::SaveProjectAs => "Save project as",
            Purpose::AddArticles => "Add articles",
            Purpose::Export => "Export claims to",
            Purpose::CompareProject => "Compare with another annotator",
            Purpose::UpdateArticle => "New version of the article",
            Purpose::IndexLibrary => "Folder of projects to add to the claim library",
        }
    }

    /// The confirm button of the in-app prompt.
    pub fn action(self) -> &'static str {
        match self {
            Purpose::OpenProject => "Open",
            Purpose::SaveProjectAs => "Save",
            Purpose::AddArticles => "Add",
            Purpose::Export => "Export",
            Purpose::CompareProject => "Compare",
            Purpose::UpdateArticle => "Update",
            Purpose::IndexLibrary => "Index",
        }
    }
}

/// A dialog's answer: chosen paths, or `None` (cancelled, or no dialog backend).
#[derive(Debug, Clone)]
pub struct Answer {
    pub purpose: Purpose,
    pub paths: Option<Vec<PathBuf>>,
    pub no_backend: bool,
}

/// Starts native dialogs and collects their answers.
pub struct FileDialogs {
    native: bool,
    tx: Sender<Answer>,
    rx: Receiver<Answer>,
    open: bool,
}

impl FileDialogs {
    pub fn new(native: bool) -> Self {
        let (tx, rx) = channel();
        FileDialogs {
            native,
            tx,
            rx,
            open: false,
        }
    }

    /// Starts a native dialog; false when native dialogs are off (ask in-app instead).
    pub fn request(&mut self, ctx: &egui::Context, purpose: Purpose, dir: Option<PathBuf>) -> bool {
        self.request_with(ctx, purpose, dir, SaveHint::default())
    }

    /// Turns native dialogs on or off (a settings change).
    pub fn set_native(&mut self, native: bool) {
        self.native = native;
    }

    /// Like [`FileDialogs::request`], with the file name and type a save dialog offers.
    pub fn request_with(
        &mut self,
        ctx: &egui::Context,
        purpose: Purpose,
        dir: Option<PathBuf>,
        hint: SaveHint,
    ) -> bool {
        if !self.native {
            return false;
        }
        if self.open {
            return true; // one dialog at a time; the open one will answer
        }
        self.open = true;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let mut d = rfd::FileDialog::new();
                if let Some(dir) = dir {
                    d = d.set_directory(dir);
                }
                let paths = match purpose {
                    Purpose::OpenProject | Purpose::CompareProject => d
                        .add_filter("factdesk project", &["ron"])
                        .pick_file()
                        .map(|p| vec![p]),
                    Purpose::SaveProjectAs => d
                        .add_filter("factdesk project", &["ron"])
                        .set_file_name("project.ron")
                        .save_file()
                        .map(|p| vec![p]),
                    Purpose::UpdateArticle => d
                        .add_filter(
                            "Articles",
                            &["txt", "text", "md", "markdown", "html", "htm"],
                        )
                        .add_filter("All files", &["*"])
                        .pick_file()
                        .map(|p| vec![p]),
                    Purpose::AddArticles => d
                        .add_filter(
                            "Articles",
                            &["txt", "text", "md", "markdown", "html", "htm"],
                        )
                        .add_filter("All files", &["*"])
                        .pick_files(),
                    Purpose::IndexLibrary => d.pick_folder().map(|p| vec![p]),
                    Purpose::Export => d
                        .add_filter(&hint.filter_name, &[hint.extension.as_str()])
                        .set_file_name(&hint.file_name)
                        .save_file()
                        .map(|p| vec![p]),
                };
                let no_backend = paths.is_none() && started.elapsed() < NO_BACKEND_WITHIN;
                let _ = tx.send(Answer {
                    purpose,
                    paths,
                    no_backend,
                });
                ctx.request_repaint();
            });
        if spawned.is_err() {
            self.open = false;
            return false;
        }
        true
    }

    /// The next answer, if one arrived.
    pub fn poll(&mut self) -> Option<Answer> {
        let a = self.rx.try_recv().ok()?;
        self.open = false;
        Some(a)
    }
}
