//! The session's project file: opening with the lock against opening a project twice, saves that
//! refuse to clobber a file changed on disk, reload, autosave, and commands that read, change and
//! save a project under its write lock. The app and the command line both go through here.

use super::Session;
use crate::core::model::Project;
use crate::core::store::{self, OpenError, ProjectFile, SaveError, StoreError};
use std::path::Path;

impl Session {
    /// Opens a project file and locks it; refuses with [`OpenError::Locked`] while another live
    /// factdesk has it open.
    pub fn open(path: &Path) -> Result<Session, OpenError> {
        let (file, project) = ProjectFile::open(path)?;
        Ok(Session::opened(project, Some(file)))
    }

    /// Opens a project file whoever holds its lock, and takes the lock over (the person chose
    /// "Open anyway").
    pub fn open_forced(path: &Path) -> Result<Session, StoreError> {
        let (file, project) = ProjectFile::open_forced(path)?;
        Ok(Session::opened(project, Some(file)))
    }

    /// Opens a project for a command that edits it as `analyst` and saves at once: the write
    /// lock is held from this read to the save ([`ProjectFile::open_for_command`]), so parallel
    /// commands each find the others' edits in the file.
    pub fn open_for_command(path: &Path, analyst: String) -> Result<Session, StoreError> {
        let (file, project) = ProjectFile::open_for_command(path)?;
        let mut session = Session::opened(project, Some(file));
        session.analyst = analyst;
        Ok(session)
    }

    /// Restored unsaved work (a recovery file) over this session's file, which it keeps when
    /// it is the file the work belongs to: dirty until saved.
    pub fn restored(&mut self, work: Project, belongs_to: Option<&Path>) -> Session {
        let file = self.file.take().filter(|f| Some(f.path()) == belongs_to);
        let mut session = Session::opened(work, file);
        session.history.mark_unsaved();
        session
    }

    /// The open file, when there is one.
    pub fn file(&self) -> Option<&ProjectFile> {
        self.file.as_ref()
    }

    /// True when the project file is no longer what was loaded or last saved.
    pub fn changed_on_disk(&self) -> bool {
        self.file.as_ref().is_some_and(ProjectFile::changed_on_disk)
    }

    /// Saves to the session's own file, refusing ([`SaveError::ChangedOnDisk`]) when another
    /// program changed it since it was loaded or last saved; then the session is not dirty.
    pub fn save(&mut self) -> Result<(), SaveError> {
        let Some(file) = self.file.as_mut() else {
            return Err(SaveError::Store(StoreError::Refused {
                path: self.display_name().into(),
                reason: "has no file yet; choose where to save it".to_string(),
            }));
        };
        file.save(&self.project)?;
        self.history.mark_saved();
        Ok(())
    }

    /// Saves to `path`, a place the person chose: the session's own file (as [`Session::save`]),
    /// another file the session continues with (its lock moves there), or the first file of a
    /// project never saved, replacing what the person chose to replace there.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        match self.file.as_mut() {
            Some(file) if file.path() == path => return self.save(),
            Some(file) => file.save_as(path, &self.project)?,
            None => self.file = Some(create(path, &self.project)?),
        }
        self.history.mark_saved();
        Ok(())
    }

    /// Saves over whatever is on disk now (the person chose "overwrite" after a refused save).
    pub fn overwrite(&mut self) -> Result<(), StoreError> {
        let Some(file) = self.file.as_mut() else {
            return Ok(());
        };
        file.overwrite(&self.project)?;
        self.history.mark_saved();
        Ok(())
    }

    /// Reads the file again (the person chose "reload"): the project as it is on disk now, with
    /// a fresh history, edited by the same analyst. `Ok(false)` when there is no file.
    pub fn reload(&mut self) -> Result<bool, StoreError> {
        let Some(file) = self.file.as_mut() else {
            return Ok(false);
        };
        let project = file.reload()?;
        let analyst = std::mem::take(&mut self.analyst);
        let file = self.file.take();
        *self = Session::opened(project, file);
        self.analyst = analyst;
        Ok(true)
    }

    /// Writes unsaved work to the recovery file beside the project file (the file itself is
    /// untouched). `None` when the project has no file yet.
    pub fn autosave(&self) -> Option<Result<std::path::PathBuf, StoreError>> {
        let file = self.file.as_ref()?;
        Some(file.autosave(&self.project).map(|()| file.recovery_path()))
    }
}

/// The first file of a project never saved: a new file, or the existing one the person chose to
/// replace (then locked like any opened project) — unless another live factdesk has that one
/// open: it is that app's work.
fn create(path: &Path, project: &Project) -> Result<ProjectFile, StoreError> {
    if std::fs::symlink_metadata(path).is_err() {
        return ProjectFile::create(path, project);
    }
    let _held = store::lock_unless_open_elsewhere(path)?;
    store::save(path, project)?;
    match ProjectFile::open(path) {
        Ok((file, _)) => Ok(file),
        Err(OpenError::Locked { .. }) => Ok(ProjectFile::open_forced(path)?.0),
        Err(OpenError::Store(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::action::Action;

    #[test]
    fn a_session_saves_to_its_file_and_refuses_one_changed_on_disk() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        let mut s = Session::unsaved(Project::new("one"));
        assert!(s.save().is_err(), "no file yet");
        s.save_as(&path).expect("first save");
        assert_eq!(s.path(), Some(path.as_path()));
        assert!(!s.is_dirty());
        s.edit(Action::SetProjectTitle {
            title: "two".into(),
        })
        .expect("edit");
        store::save(&path, &Project::new("by someone else")).expect("other");
        assert!(s.changed_on_disk());
        assert!(matches!(s.save(), Err(SaveError::ChangedOnDisk { .. })));
        assert!(s.is_dirty(), "a refused save leaves the work unsaved");
        assert_eq!(store::load(&path).expect("load").title, "by someone else");
        s.analyst = "Ana".into();
        assert!(s.reload().expect("reload"));
        assert_eq!(s.project.title, "by someone else");
        assert_eq!(s.analyst, "Ana");
        assert!(!s.is_dirty());
    }

    #[test]
    fn a_command_holds_the_write_lock_until_it_is_done_and_leaves_recovery_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        store::save(&path, &Project::new("x")).expect("save");
        let rec = store::recovery::path_for(&path);
        store::recovery::write(&rec, &Project::new("crashed app's work")).expect("recovery");
        let mut s = Session::open_for_command(&path, "cli".into()).expect("open");
        // Another writer waits for the lock and gives up.
        let other = store::WriteLock::acquire(&path, std::time::Duration::from_millis(50));
        assert!(
            matches!(other, Err(store::WriteLockError::Busy { .. })),
            "the command holds the write lock: {other:?}"
        );
        s.edit(Action::SetProjectTitle { title: "y".into() })
            .expect("edit");
        s.save().expect("save");
        drop(s);
        assert_eq!(store::load(&path).expect("load").title, "y");
        assert!(rec.exists(), "a command leaves the app's recovery file");
    }

    #[test]
    fn a_command_refuses_a_file_another_program_changed_while_it_ran() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        store::save(&path, &Project::new("x")).expect("save");
        let mut s = Session::open_for_command(&path, "cli".into()).expect("open");
        s.edit(Action::SetProjectTitle { title: "y".into() })
            .expect("edit");
        // An editor that ignores factdesk's lock rewrites the file meanwhile.
        let theirs = store::to_ron_string(&Project::new("theirs")).expect("ron");
        std::fs::write(&path, format!("{theirs}\n")).expect("write");
        let err = store::StoreError::from(s.save().expect_err("refused"));
        assert!(err.to_string().contains("changed on disk"), "{err}");
        drop(s);
        assert_eq!(store::load(&path).expect("load").title, "theirs");
    }

    #[test]
    fn saving_as_a_file_open_in_another_factdesk_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let theirs = dir.path().join("theirs.ron");
        store::save(&theirs, &Project::new("their work")).expect("save");
        let before = std::fs::read(&theirs).expect("read");
        std::fs::write(
            store::lock_path(&theirs),
            "pid=1\nhost=elsewhere.example\nuser=bo\ntime=t\n",
        )
        .expect("their lock");
        // A project never saved, and one with a file of its own: neither replaces theirs.
        let mut unsaved = Session::unsaved(Project::new("mine"));
        let mine = dir.path().join("mine.ron");
        let mut saved = Session::unsaved(Project::new("mine too"));
        saved.save_as(&mine).expect("own file");
        for s in [&mut unsaved, &mut saved] {
            let err = s.save_as(&theirs).expect_err("open elsewhere");
            assert!(err.to_string().contains("bo@elsewhere"), "{err}");
            assert!(s.is_dirty() || s.path() == Some(mine.as_path()));
        }
        assert_eq!(std::fs::read(&theirs).expect("read"), before, "untouched");
        assert_eq!(saved.path(), Some(mine.as_path()), "still on its own file");
        assert!(unsaved.path().is_none());
    }
}
