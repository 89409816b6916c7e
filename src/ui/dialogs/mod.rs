//! Modal dialogs and notices: unsaved changes, the in-app path prompt, errors and toasts, the
//! shortcut cheat sheet, the command palette, the export dialog and the settings window.

pub(crate) mod about;
pub mod analyst;
pub(crate) mod changed_on_disk;
pub(crate) mod cheat_sheet;
pub(crate) mod export;
pub(crate) mod locked;
pub(crate) mod messages;
pub(crate) mod palette;
pub(crate) mod path_prompt;
pub(crate) mod restore;
pub(crate) mod settings_window;
pub(crate) mod unsaved;

pub use changed_on_disk::DiskChoice;
pub use export::ExportDialog;
pub use path_prompt::PathPrompt;

use std::path::PathBuf;

/// What to do once the unsaved-changes question is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    New,
    Open,
    OpenPath(PathBuf),
    Quit,
    /// Open the built-in sample project.
    Sample,
}

/// A short notice that fades away by itself.
#[derive(Debug, Clone)]
pub struct Toast {
    pub text: String,
    /// Seconds it stays; counted from the first frame it is shown.
    pub shown_at: Option<f64>,
}

/// Which dialogs are open.
#[derive(Debug, Default)]
pub struct DialogState {
    pub unsaved: Option<Pending>,
    /// Waits for a Save As to finish before running.
    pub after_save: Option<Pending>,
    pub path_prompt: Option<PathPrompt>,
    /// An error to read and dismiss.
    pub error: Option<String>,
    pub toasts: Vec<Toast>,
    pub cheat_sheet: bool,
    pub palette: Option<palette::PaletteState>,
    /// A save found the file changed by another program: reload, overwrite or save elsewhere.
    pub changed_on_disk: bool,
    /// A project another factdesk holds: its path and who holds it.
    pub locked: Option<(PathBuf, String)>,
    /// A recovery file to offer: (recovery file, the project it belongs to if it has a file).
    pub restore: Option<(PathBuf, Option<PathBuf>)>,
    /// The export dialog and its choices.
    pub export: Option<ExportDialog>,
    pub settings_window: bool,
    /// The settings window's "own levels" field for a custom rating scale, as typed.
    pub custom_levels: String,
    pub about: bool,
    /// Per-file results of the last multi-file import.
    pub import_report: Option<crate::ui::project::import_files::ImportReport>,
    /// "Who is editing?", at the first edit without a configured name.
    pub analyst: Option<analyst::AnalystPrompt>,
    /// The analyst question was asked in this run (answered or put off).
    pub analyst_asked: bool,
    /// Article from URL, captures in progress, the capture viewer.
    pub(crate) evidence: crate::ui::evidence::EvidenceState,
}

impl DialogState {
    pub fn toast(&mut self, text: String) {
        self.toasts.push(Toast {
            text,
            shown_at: None,
        });
        if self.toasts.len() > 4 {
            self.toasts.remove(0);
        }
    }

    pub fn open_palette(&mut self) {
        self.palette = Some(palette::PaletteState::default());
    }

    /// While a modal is open, shortcuts are off.
    pub fn any_modal(&self) -> bool {
        self.unsaved.is_some()
            || self.path_prompt.is_some()
            || self.error.is_some()
            || self.palette.is_some()
            || self.changed_on_disk
            || self.locked.is_some()
            || self.restore.is_some()
            || self.export.is_some()
            || self.import_report.is_some()
            || self.analyst.is_some()
            || self.evidence.modal()
    }
}
