//! Running an export from the GUI: the dialog's choices, asking for the destination (native
//! dialog or the in-app path prompt), writing the file atomically and opening its folder.
//! An export reads the project only: it is not an edit and never makes the project unsaved.

use crate::core::export::{self, ClaimFilter, ExportOptions, Format};
use crate::core::store::{self, StoreError};
use crate::ui::app::FactdeskApp;
use crate::ui::dialogs::{ExportDialog, PathPrompt};
use crate::ui::intent::Intent;
use crate::ui::project::file_dialogs::{Answer, Purpose, SaveHint};
use std::path::{Path, PathBuf};

impl FactdeskApp {
    /// Opens the export dialog with the format and options of the last export.
    pub(crate) fn open_export_dialog(&mut self) {
        let format: Format = self.settings.last_export_format.parse().unwrap_or_default();
        self.dialogs.export = Some(ExportDialog::new(format, self.settings.export_csv_bom));
    }

    /// Where to start looking: the last export folder, else the project's folder.
    fn export_dir(&self) -> Option<PathBuf> {
        self.settings
            .last_export_dir
            .clone()
            .filter(|d| d.is_dir())
            .or_else(|| {
                self.session
                    .path()
                    .and_then(|p| p.parent().map(Path::to_path_buf))
                    .filter(|d| !d.as_os_str().is_empty())
            })
    }

    fn export_file_name(&self) -> Option<(String, Format)> {
        let dialog = self.dialogs.export.as_ref()?;
        let format = dialog.format;
        // Named after the project's file when it has one (desk.ron → desk.csv), which is how the
        // person knows the project; else after its title.
        let name = self
            .session
            .path()
            .and_then(|p| p.file_stem())
            .map(|stem| format!("{}.{}", stem.to_string_lossy(), format.extension()))
            .unwrap_or_else(|| export::default_file_name(&self.session.project, format));
        if dialog.dossier {
            let stem = name.split('.').next().unwrap_or("claims");
            return Some((format!("{stem}-dossier.zip"), format));
        }
        Some((name, format))
    }

    /// Asks where to write, with the native save dialog or the in-app prompt.
    pub(crate) fn choose_export_destination(&mut self, ctx: &egui::Context) {
        let Some((file_name, format)) = self.export_file_name() else {
            return;
        };
        let dossier = self.dialogs.export.as_ref().is_some_and(|d| d.dossier);
        let hint = if dossier {
            SaveHint {
                file_name,
                filter_name: "Dossier (zip)".to_string(),
                extension: "zip".to_string(),
            }
        } else {
            SaveHint {
                file_name,
                filter_name: format.label().to_string(),
                extension: format.extension().to_string(),
            }
        };
        if !self
            .project
            .files
            .request_with(ctx, Purpose::Export, self.export_dir(), hint)
        {
            self.export_prompt(None);
        }
    }

    fn export_prompt(&mut self, note: Option<String>) {
        let Some((file_name, _)) = self.export_file_name() else {
            return;
        };
        let dir = self
            .export_dir()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let mut prompt =
            PathPrompt::new(Purpose::Export, dir.join(file_name).display().to_string());
        prompt.note = note;
        self.dialogs.path_prompt = Some(prompt);
    }

    /// The destination chosen in a file dialog or typed in the prompt.
    pub(crate) fn export_answered(&mut self, ctx: &egui::Context, answer: Answer) {
        match answer.paths.and_then(|p| p.into_iter().next()) {
            Some(path) => {
                self.dialogs.path_prompt = None;
                let dialog = self.dialogs.export.as_ref();
                let dossier = dialog.is_some_and(|d| d.dossier);
                match dialog.and_then(ExportDialog::options) {
                    Some(o) if dossier => {
                        self.apply_intent(ctx, Intent::ExportDossierTo(path, o.filter));
                    }
                    Some(o) => self.apply_intent(ctx, Intent::ExportTo(path, o)),
                    None => {}
                }
            }
            None if answer.no_backend => {
                self.export_prompt(Some(
                    "No file dialog is available here: type a path.".to_string(),
                ));
            }
            None => {}
        }
    }

    /// Writes the export to `path` (atomically, no backup). Success is shown in the dialog with
    /// the full path; a failure once, as an error naming the file and the reason.
    pub(crate) fn export_to(&mut self, path: &Path, options: &ExportOptions) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let project_path = self.session.path().map(Path::to_path_buf);
        let written = store::check_output_target(&path, project_path.as_deref())
            .map_err(|e| store_reason(&e))
            .and_then(|()| {
                // The analyst is recorded in every export (CSV's exported_by, the report's
                // "by"), as the command line and the dossier record it.
                let provenance = export::Provenance::now(&self.analyst_name());
                export::export_with(&self.session.project, options, &provenance)
                    .map_err(|e| e.to_string())
            })
            .and_then(|out| {
                store::write_atomic_no_backup(&path, &out.bytes)
                    .map(|()| out)
                    .map_err(|e| store_reason(&e))
            });
        match written {
            Ok(out) => {
                self.settings.last_export_dir = path.parent().map(Path::to_path_buf);
                self.settings.last_export_format = options.format.as_str().to_string();
                if options.format == Format::Csv {
                    self.settings.export_csv_bom = options.csv_bom;
                }
                match self.dialogs.export.as_mut() {
                    Some(d) => d.done = Some((path, out.claims)),
                    None => self.dialogs.toast(format!(
                        "Exported {} claims to {}",
                        out.claims,
                        path.display()
                    )),
                }
            }
            Err(reason) => {
                self.dialogs.error = Some(format!(
                    "Could not export to {}\n\n{reason}",
                    path.display()
                ));
            }
        }
    }

    /// Writes a dossier of the selected claims to `path`, with the core function the CLI uses;
    /// the captures are read from the evidence folder beside the project file, so one is needed.
    pub(crate) fn export_dossier_to(&mut self, path: &Path, filter: &ClaimFilter) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let Some(project_path) = self.session.path().map(Path::to_path_buf) else {
            self.ask_to_save_first("A dossier");
            return;
        };
        let provenance = export::Provenance::now(&self.analyst_name());
        let written = store::check_output_target(&path, Some(&project_path))
            .map_err(|e| store_reason(&e))
            .and_then(|()| {
                export::dossier::build(&self.session.project, &project_path, filter, &provenance)
            })
            .and_then(|d| {
                store::write_atomic_no_backup(&path, &d.bytes)
                    .map(|()| d.claims)
                    .map_err(|e| store_reason(&e))
            });
        match written {
            Ok(claims) => {
                self.settings.last_export_dir = path.parent().map(Path::to_path_buf);
                match self.dialogs.export.as_mut() {
                    Some(d) => d.done = Some((path, claims)),
                    None => self.dialogs.toast(format!(
                        "Exported a dossier of {claims} claims to {}",
                        path.display()
                    )),
                }
            }
            Err(reason) => {
                self.dialogs.error = Some(format!(
                    "Could not export the dossier to {}\n\n{reason}",
                    path.display()
                ));
            }
        }
    }

    /// Opens `dir` in the desktop's file manager.
    pub(crate) fn open_folder(&mut self, dir: &Path) {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(windows) {
            "explorer"
        } else {
            "xdg-open"
        };
        match std::process::Command::new(opener).arg(dir).spawn() {
            Ok(mut child) => {
                // Reap it without blocking the window.
                let _ = std::thread::Builder::new()
                    .name("open-folder".into())
                    .spawn(move || child.wait());
            }
            Err(e) => self.dialogs.toast(format!(
                "Could not open the folder {} ({opener}: {e})",
                dir.display()
            )),
        }
    }
}

/// The reason of a failed write without repeating the path.
fn store_reason(e: &StoreError) -> String {
    match e {
        StoreError::Io { action, source, .. } => format!("cannot {action} it: {source}"),
        StoreError::Refused { reason, .. } => reason.clone(),
        StoreError::NotAFile { kind, .. } => {
            format!("cannot export there: it is {kind}, not a regular file")
        }
        other => other.to_string(),
    }
}
