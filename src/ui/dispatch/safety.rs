//! The open project's file handle in the app: saves that refuse to clobber a file changed on
//! disk, the lock against opening a project twice, and what the related dialogs decide.

use crate::core::model::Project;
use crate::core::session::Session;
use crate::core::store::recovery;
use crate::core::store::{self, OpenError, ProjectFile, SaveError, StoreError};
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
        match ProjectFile::open(path) {
            Ok((file, project)) => self.opened(file, project),
            Err(OpenError::Locked { path, holder }) => {
                self.dialogs.locked = Some((path, holder.to_string()));
            }
            Err(OpenError::Store(e)) => self.open_failed(path, &e),
        }
    }

    /// Opens a project whoever holds its lock (the person chose "Open anyway").
    pub fn open_forced(&mut self, path: &Path) {
        match ProjectFile::open_forced(path) {
            Ok((file, project)) => self.opened(file, project),
            Err(e) => self.open_failed(path, &e),
        }
    }

    fn opened(&mut self, file: ProjectFile, project: Project) {
        let path = file.path().to_path_buf();
        // Replacing the session drops the previous file handle, releasing its lock.
        self.replace_session(Session::opened(project, Some(path.clone())));
        self.project.file = Some(file);
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
        let file = self.project.file.take();
        let mut session = Session::opened(restored, project.map(Path::to_path_buf));
        session.history.mark_unsaved();
        self.replace_session(session);
        self.project.file = file.filter(|f| Some(f.path()) == project);
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
        let result = match self.project.file.as_mut() {
            Some(file) if file.path() == path => file.save(&self.session.project),
            Some(file) => file
                .save_as(path, &self.session.project)
                .map_err(SaveError::Store),
            None => self.create_file(path).map_err(SaveError::Store),
        };
        match result {
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

    /// First save of a project without a file: a new file, or one the person chose to replace.
    fn create_file(&mut self, path: &Path) -> Result<(), StoreError> {
        let file = if path.exists() {
            store::save(path, &self.session.project)?;
            match ProjectFile::open(path) {
                Ok((file, _)) => file,
                Err(OpenError::Locked { .. }) => ProjectFile::open_forced(path)?.0,
                Err(OpenError::Store(e)) => return Err(e),
            }
        } else {
            ProjectFile::create(path, &self.session.project)?
        };
        self.project.file = Some(file);
        Ok(())
    }

    fn saved(&mut self, path: &Path) {
        self.session.mark_saved(path.to_path_buf());
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
                let Some(mut file) = self.project.file.take() else {
                    return;
                };
                match file.reload() {
                    Ok(project) => {
                        let path = file.path().to_path_buf();
                        self.replace_session(Session::opened(project, Some(path.clone())));
                        self.project.file = Some(file);
                        self.dialogs.toast(format!("Reloaded {}", path.display()));
                    }
                    Err(e) => {
                        self.project.file = Some(file);
                        self.dialogs.error = Some(format!("Could not reload the project.\n\n{e}"));
                    }
                }
            }
            DiskChoice::Overwrite => {
                let Some(file) = self.project.file.as_mut() else {
                    return;
                };
                let path = file.path().to_path_buf();
                match file.overwrite(&self.session.project) {
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
