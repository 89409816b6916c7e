//! Modal dialogs and notices: unsaved changes, the in-app path prompt, errors and toasts, the
//! shortcut cheat sheet, the command palette, the export dialog and the settings window.

mod about;
pub mod analyst;
mod changed_on_disk;
mod cheat_sheet;
mod export;
mod locked;
mod messages;
mod palette;
mod path_prompt;
mod restore;
mod settings_window;
mod unsaved;

pub use changed_on_disk::DiskChoice;
pub use export::ExportDialog;
pub use path_prompt::PathPrompt;

use crate::ui::app::FactdeskApp;
use crate::ui::intent::Intent;
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

/// Draws whichever dialogs are open.
pub fn show(ctx: &egui::Context, app: &mut FactdeskApp) -> Vec<Intent> {
    let mut out = Vec::new();
    let name = app.session.display_name();
    if app.dialogs.unsaved.is_some()
        && let Some(choice) = unsaved::show(ctx, &name)
    {
        out.push(Intent::UnsavedDecision(choice));
    }
    if let Some(prompt) = app.dialogs.path_prompt.as_mut() {
        match path_prompt::show(ctx, prompt, &app.settings.recent) {
            Some(Some(intent)) => out.push(intent),
            Some(None) => {
                app.dialogs.path_prompt = None;
                app.dialogs.after_save = None;
            }
            None => {}
        }
    }
    if let Some(err) = app.dialogs.error.as_deref()
        && messages::error_modal(ctx, err)
    {
        app.dialogs.error = None;
    }
    if app.dialogs.changed_on_disk
        && let Some(choice) = changed_on_disk::show(ctx, &name)
    {
        app.dialogs.changed_on_disk = false;
        app.disk_choice(ctx, choice);
    }
    if let Some(prompt) = app.dialogs.analyst.as_mut()
        && let Some(answer) = analyst::show(ctx, prompt)
    {
        app.dialogs.analyst = None;
        if let analyst::Answer::Name(name) = answer {
            app.settings.analyst = name;
        }
    }
    if let Some((path, holder)) = app.dialogs.locked.clone() {
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if let Some(open) = locked::show(ctx, &file.unwrap_or_default(), &holder) {
            app.dialogs.locked = None;
            if open {
                app.open_forced(&path);
            }
        }
    }
    if let Some((recovery, project)) = app.dialogs.restore.clone() {
        let name = project
            .as_deref()
            .or(Some(recovery.as_path()))
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(restore) = restore::show(ctx, &name) {
            app.dialogs.restore = None;
            app.restore_choice(restore, &recovery, project.as_deref());
        }
    }
    if let Some(state) = app.dialogs.export.as_mut() {
        match export::show(ctx, state, &app.session.project) {
            export::Outcome::Open => {}
            export::Outcome::Close => app.dialogs.export = None,
            export::Outcome::ChooseDestination => app.choose_export_destination(ctx),
            export::Outcome::OpenFolder(dir) => app.open_folder(&dir),
        }
    }
    if app.dialogs.settings_window {
        settings_window::show(ctx, app, &mut out);
    }
    crate::ui::project::import_files::show_report(ctx, &mut app.dialogs.import_report);
    crate::ui::review::seen_before::frame(ctx, app);
    crate::ui::evidence::frame(ctx, app, &mut out);
    messages::toasts(ctx, &mut app.dialogs.toasts);
    if app.dialogs.about {
        let settings_dir = eframe::storage_dir("factdesk");
        let info = about::AboutInfo {
            project: app.session.path.as_deref(),
            data_dir: app.project.autosave.data_dir.as_deref(),
            settings_dir: settings_dir.as_deref(),
        };
        app.dialogs.about = about::show(ctx, &info);
    }
    if app.dialogs.cheat_sheet {
        app.dialogs.cheat_sheet = cheat_sheet::show(ctx);
    }
    if let Some(state) = app.dialogs.palette.as_mut() {
        match palette::show(ctx, state) {
            palette::Outcome::Open => {}
            palette::Outcome::Close => app.dialogs.palette = None,
            palette::Outcome::Run(cmd) => {
                app.dialogs.palette = None;
                out.push(Intent::Run(cmd));
            }
        }
    }
    out
}
