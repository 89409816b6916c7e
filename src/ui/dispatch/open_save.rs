//! Opening and saving in the app, around the core `Session`'s file operations: the open-anyway
//! question for a locked project, restoring unsaved work, failed opens and saves shown once, and
//! the changed-on-disk question after a refused save.

use crate::core::session::Session;
use crate::core::store::recovery;
use crate::core::store::{self, OpenError, SaveError, StoreError};
use crate::ui::app::FactdeskApp;
use crate::ui::dialogs::DiskChoice;
use crate::ui::project::file_dialogs::Purpose;
use std::path::Path;

/// True when `a` was modified after `b` (or `b`'s time is unknown).
fn newer_than(a: &Path, b: &Path) -> bool {
    let time = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (time(a), time(b)) {
        (Some(ta), Some(tb)) => ta > tb,
        (Some(_), None) => true,
        _ => false,
    }
}

impl FactdeskApp {
    /// Opens a project file with its lock; a lock held by another live factdesk asks first.
    pub fn open_path(&mut self, path: &Path) {
        match Session::open(path) {
            Ok(session) => self.opened(session),
            Err(OpenError::Locked { path, holder }) => {
                self.dialogs.locked = Some((path, holder.to_string()));
            }
            Err(OpenError::Store(e)) => self.open_failed(path, &e),
        }
    }

    /// Opens a project whoever holds its lock (the person chose "Open anyway").
    pub fn open_forced(&mut self, path: &Path) {
        match Session::open_forced(path) {
            Ok(session) => self.opened(session),
            Err(e) => self.open_failed(path, &e),
        }
    }

    fn opened(&mut self, session: Session) {
        let Some(path) = session.path().map(Path::to_path_buf) else {
            return;
        };
        // Replacing the session drops the previous file handle, releasing its lock.
        self.replace_session(session);
        self.settings.remember(&path);
        self.dialogs.toast(format!("Opened {}", path.display()));
        if let Some(rec) = recovery::find_for(&path)
            && newer_than(&rec, &path)
        {
            self.dialogs.restore = Some((rec, Some(path)));
        }
    }

    /// At start with no project file: offers the newest recovery file of a never-saved project.
    pub(crate) fn offer_unsaved_recovery(&mut self) {
        let Some(dir) = self.project.autosave.data_dir.clone() else {
            return;
        };
        if let Some(rec) = recovery::list_in(&dir).into_iter().next() {
            self.dialogs.restore = Some((rec, None));
        }
    }

    /// Acts on the restore question: the recovery content becomes the open, unsaved project
    /// (the project file is untouched until a save), or the recovery file is deleted.
    pub(crate) fn restore_choice(&mut self, restore: bool, rec: &Path, project: Option<&Path>) {
        if !restore {
            if let Err(e) = recovery::discard(rec) {
                self.dialogs.error = Some(format!("Could not delete the recovery file.\n\n{e}"));
            }
            return;
        }
        let restored = match store::load(rec) {
            Ok(p) => p,
            Err(e) => {
                // Kept on disk: it may still be read by hand or a later version.
                self.dialogs.error = Some(format!("Could not restore the unsaved work.\n\n{e}"));
                return;
            }
        };
        let session = self.session.restored(restored, project);
        self.replace_session(session);
        let key = (self.project.generation, self.session.history.revision());
        if project.is_none() {
            self.project
                .autosave
                .adopt_unsaved(self.project.generation, rec.to_path_buf());
        }
        self.project.autosave.adopt(key, rec.to_path_buf());
        self.dialogs.toast("Restored unsaved work".to_string());
    }

    fn open_failed(&mut self, path: &Path, e: &StoreError) {
        self.settings.forget(path);
        let stays = if self.project.import.start_screen {
            "Nothing was opened.".to_string()
        } else {
            format!("“{}” stays open.", self.session.display_name())
        };
        self.dialogs.error = Some(format!("Could not open {}. {stays}\n\n{e}", path.display()));
    }

    /// Saves to `path` (atomically, keeping a .bak); true on success. When the file changed on
    /// disk since it was loaded, nothing is written and the changed-on-disk question opens.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match self.session.save_as(path) {
            Ok(()) => {
                self.saved(path);
                true
            }
            Err(SaveError::ChangedOnDisk { .. }) => {
                self.dialogs.changed_on_disk = true;
                false
            }
            Err(SaveError::Store(e)) => {
                self.save_failed(&e);
                false
            }
        }
    }

    fn saved(&mut self, path: &Path) {
        self.settings.remember(path);
        self.dialogs.toast(format!("Saved {}", path.display()));
        self.library_after_save(path);
    }

    fn save_failed(&mut self, e: &dyn std::fmt::Display) {
        self.dialogs.error = Some(format!(
            "Could not save the project. Your changes are still here, unsaved.\n\n{e}"
        ));
        self.dialogs.after_save = None;
    }

    /// Acts on the changed-on-disk answer.
    pub(crate) fn disk_choice(&mut self, ctx: &egui::Context, choice: DiskChoice) {
        match choice {
            DiskChoice::Reload => {
                self.dialogs.after_save = None;
                match self.session.reload() {
                    Ok(false) => {}
                    Ok(true) => {
                        let session = std::mem::take(&mut self.session);
                        self.replace_session(session);
                        if let Some(path) = self.session.path() {
                            let toast = format!("Reloaded {}", path.display());
                            self.dialogs.toast(toast);
                        }
                    }
                    Err(e) => {
                        self.dialogs.error = Some(format!("Could not reload the project.\n\n{e}"));
                    }
                }
            }
            DiskChoice::Overwrite => {
                let Some(path) = self.session.path().map(Path::to_path_buf) else {
                    return;
                };
                match self.session.overwrite() {
                    Ok(()) => {
                        self.saved(&path);
                        self.continue_after_save(ctx);
                    }
                    Err(e) => self.save_failed(&e),
                }
            }
            DiskChoice::SaveAs => self.ask_path(ctx, Purpose::SaveProjectAs),
            DiskChoice::Cancel => self.dialogs.after_save = None,
        }
    }
}
