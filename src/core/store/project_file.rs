//! `ProjectFile`: the handle an open project keeps on its file. It remembers what was loaded so a
//! save can refuse to clobber changes made by another program, holds the lock file, and autosaves
//! to the recovery file.
//!
//! A command that reads, changes and saves a project at once opens it with
//! [`ProjectFile::open_for_command`]: the handle then holds the write lock from the read to the
//! save, so no other writer comes between them, and its save still refuses a file another program
//! changed meanwhile.
//!
//! Typical use by a front end (the core `Session` wraps these):
//! - `ProjectFile::open(path)`; on [`OpenError::Locked`] warn and offer `open_forced`.
//! - after `recovery::find_for(path)` returns a file, offer to restore it (`store::load` it).
//! - every few idle seconds while dirty: `file.autosave(&project)`.
//! - Save: `file.save(&project)`; on [`SaveError::ChangedOnDisk`] ask: reload (`file.reload()`),
//!   overwrite (`file.overwrite(&project)`) or save elsewhere (`file.save_as(new, &project)`).
//!   Only mark the session saved when the call returned `Ok`.

use super::{Fingerprint, LockAttempt, LockInfo, ProjectLock, StoreError, WriteLock, recovery};
use crate::core::model::Project;
use std::fmt;
use std::path::{Path, PathBuf};

/// An open project file.
#[derive(Debug)]
pub struct ProjectFile {
    path: PathBuf,
    fingerprint: Fingerprint,
    lock: Option<ProjectLock>,
    /// A command's handle holds the write lock from the read to the save; an app's takes it for
    /// each save.
    held: Option<WriteLock>,
    unknown_fields: Vec<String>,
}

/// Why a project could not be opened.
#[derive(Debug)]
pub enum OpenError {
    Store(StoreError),
    /// Another live factdesk has it open. `ProjectFile::open_forced` opens it anyway.
    Locked {
        path: PathBuf,
        holder: LockInfo,
    },
}

/// Why a save did not happen. In both cases the file on disk is untouched.
#[derive(Debug)]
pub enum SaveError {
    Store(StoreError),
    /// The file is not what was loaded or last saved: reload, overwrite or save elsewhere.
    ChangedOnDisk {
        path: PathBuf,
    },
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Store(e) => e.fmt(f),
            OpenError::Locked { path, holder } => write!(f, "{}: {holder}", path.display()),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Store(e) => e.fmt(f),
            SaveError::ChangedOnDisk { path } => write!(
                f,
                "{}: changed on disk since it was opened; reload it, overwrite it or save elsewhere",
                path.display()
            ),
        }
    }
}

impl std::error::Error for OpenError {}
impl std::error::Error for SaveError {}

impl From<StoreError> for OpenError {
    fn from(e: StoreError) -> Self {
        OpenError::Store(e)
    }
}

/// For writers that report one kind of error (commands): a changed file is a refusal.
impl From<SaveError> for StoreError {
    fn from(e: SaveError) -> Self {
        match e {
            SaveError::Store(e) => e,
            SaveError::ChangedOnDisk { path } => StoreError::Refused {
                path,
                reason: "changed on disk by another program while this ran; nothing was written"
                    .to_string(),
            },
        }
    }
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError::Store(e)
    }
}

impl ProjectFile {
    fn load(path: &Path, lock: Option<ProjectLock>) -> Result<(ProjectFile, Project), StoreError> {
        let loaded = super::load_full(path)?;
        let file = ProjectFile {
            path: path.to_path_buf(),
            fingerprint: loaded.fingerprint,
            lock,
            held: None,
            unknown_fields: loaded.parsed.unknown_fields,
        };
        Ok((file, loaded.parsed.project))
    }

    /// Loads `path` and locks it. Refuses with [`OpenError::Locked`] when another live process
    /// holds the lock; a stale lock from a dead process is taken over silently. A folder where
    /// no lock can be written (read-only) does not prevent opening.
    pub fn open(path: &Path) -> Result<(ProjectFile, Project), OpenError> {
        // Load first: a file that does not parse must not get a lock file written beside it.
        let (mut file, project) = ProjectFile::load(path, None)?;
        match ProjectLock::try_acquire(path) {
            Ok(LockAttempt::Acquired { lock, .. }) => file.lock = Some(lock),
            Ok(LockAttempt::HeldBy(holder)) => {
                return Err(OpenError::Locked {
                    path: path.to_path_buf(),
                    holder,
                });
            }
            Err(_) => {}
        }
        Ok((file, project))
    }

    /// Loads `path` whoever holds its lock, and takes the lock over.
    pub fn open_forced(path: &Path) -> Result<(ProjectFile, Project), StoreError> {
        let (mut file, project) = ProjectFile::load(path, None)?;
        file.lock = ProjectLock::force(path).ok();
        Ok((file, project))
    }

    /// Writes `project` to a new file at `path`; refuses if something already exists there.
    pub fn create(path: &Path, project: &Project) -> Result<ProjectFile, StoreError> {
        let fingerprint = {
            let _w = write_lock(path)?;
            if std::fs::symlink_metadata(path).is_ok() {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    action: "create (it already exists)",
                    source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
                });
            }
            super::save_full(path, project)?
        };
        let lock = match ProjectLock::try_acquire(path) {
            Ok(LockAttempt::Acquired { lock, .. }) => Some(lock),
            _ => None,
        };
        Ok(ProjectFile {
            path: path.to_path_buf(),
            fingerprint,
            lock,
            held: None,
            unknown_fields: Vec::new(),
        })
    }

    /// Opens `path` for a command that reads, changes and saves it at once: takes the write lock
    /// first (waiting a bounded time for other writers) and holds it until the handle is dropped.
    /// Refuses while a desktop app has the project open ([`StoreError::OpenElsewhere`]). Its
    /// saves never remove the recovery file, which belongs to the app's unsaved work.
    pub fn open_for_command(path: &Path) -> Result<(ProjectFile, Project), StoreError> {
        let held = super::writer::ProjectWriter::lock(path)?.into_lock();
        let (mut file, project) = ProjectFile::load(path, None)?;
        file.held = Some(held);
        Ok((file, project))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Fields in the loaded file that this version does not know (they are lost on save).
    pub fn unknown_fields(&self) -> &[String] {
        &self.unknown_fields
    }

    /// True when the file is no longer what was loaded or last saved (edited or deleted).
    pub fn changed_on_disk(&self) -> bool {
        self.fingerprint.changed_on_disk(&self.path)
    }

    /// Saves unless the file changed on disk since it was loaded or last saved. On success the
    /// recovery file is removed. Waits briefly for a command that is writing the file, then
    /// compares: a change it made is [`SaveError::ChangedOnDisk`], never overwritten.
    pub fn save(&mut self, project: &Project) -> Result<(), SaveError> {
        let _w = self.write_lock()?;
        if self.changed_on_disk() && self.path.exists() {
            return Err(SaveError::ChangedOnDisk {
                path: self.path.clone(),
            });
        }
        Ok(self.write(project)?)
    }

    /// Saves whatever is on disk now (the user chose "overwrite").
    pub fn overwrite(&mut self, project: &Project) -> Result<(), StoreError> {
        let _w = self.write_lock()?;
        self.write(project)
    }

    /// The write lock for one save: none to take when this handle holds it already.
    fn write_lock(&self) -> Result<Option<WriteLock>, StoreError> {
        match self.held {
            Some(_) => Ok(None),
            None => write_lock(&self.path).map(Some),
        }
    }

    /// Writes under the write lock the caller holds.
    fn write(&mut self, project: &Project) -> Result<(), StoreError> {
        self.fingerprint = super::save_full(&self.path, project)?;
        self.unknown_fields.clear();
        // The saved file now holds everything; a stale recovery file would only confuse. A
        // command's save leaves it: it may hold a crashed app's work.
        if self.held.is_none() {
            let _ = recovery::discard(&recovery::path_for(&self.path));
        }
        Ok(())
    }

    /// Saves to `new_path` and continues with that file (lock moved to it). Refuses a file that
    /// another live factdesk has open ([`StoreError::OpenElsewhere`]): it is that app's work.
    pub fn save_as(&mut self, new_path: &Path, project: &Project) -> Result<(), StoreError> {
        let new_lock = lock_unless_open_elsewhere(new_path)?;
        let fingerprint = {
            let _w = write_lock(new_path)?;
            super::save_full(new_path, project)?
        };
        if self.held.is_none() {
            let _ = recovery::discard(&recovery::path_for(&self.path));
        }
        self.held = None;
        self.path = new_path.to_path_buf();
        self.fingerprint = fingerprint;
        self.unknown_fields.clear();
        self.lock = new_lock;
        Ok(())
    }

    /// Reads the file again (the user chose "reload"); later saves compare against it.
    pub fn reload(&mut self) -> Result<Project, StoreError> {
        let loaded = super::load_full(&self.path)?;
        self.fingerprint = loaded.fingerprint;
        self.unknown_fields = loaded.parsed.unknown_fields;
        Ok(loaded.parsed.project)
    }

    /// Where [`ProjectFile::autosave`] writes.
    pub fn recovery_path(&self) -> PathBuf {
        recovery::path_for(&self.path)
    }

    /// Writes unsaved work to the recovery file beside the project; the project file itself is
    /// not touched.
    pub fn autosave(&self, project: &Project) -> Result<(), StoreError> {
        recovery::write(&self.recovery_path(), project)
    }

    /// True while this handle holds the lock file.
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }
}

/// A project repaired in its file ([`repair_file`]).
#[derive(Debug)]
pub struct Repaired {
    /// The project as it is on disk now (repaired, or as read when nothing needed repair).
    pub project: Project,
    pub report: super::RepairReport,
    /// Fields in the file as read that this version does not know.
    pub unknown_fields: Vec<String>,
}

/// Repairs the project at `path` ([`super::repair`]) as a command: under its write lock from the
/// read to the save, saved only when something was repaired (keeping the `.bak`), and refused
/// when another program changed the file meanwhile.
pub fn repair_file(path: &Path) -> Result<Repaired, StoreError> {
    let (mut file, mut project) = ProjectFile::open_for_command(path)?;
    let unknown_fields = file.unknown_fields().to_vec();
    let report = super::repair(&mut project);
    if !report.is_empty() {
        file.save(&project)?;
    }
    Ok(Repaired {
        project,
        report,
        unknown_fields,
    })
}

/// The "open" lock of `path` for a project about to be written there, or `None` where no lock
/// can be written; refused when another live factdesk holds it.
pub(crate) fn lock_unless_open_elsewhere(path: &Path) -> Result<Option<ProjectLock>, StoreError> {
    match ProjectLock::try_acquire(path) {
        Ok(LockAttempt::Acquired { lock, .. }) => Ok(Some(lock)),
        Ok(LockAttempt::HeldBy(holder)) => Err(StoreError::OpenElsewhere {
            path: path.to_path_buf(),
            holder,
        }),
        Err(_) => Ok(None),
    }
}

/// How long a save from the app waits for a command writing the same file.
const SAVE_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The write lock for a save from the app (see [`WriteLock`]).
fn write_lock(path: &Path) -> Result<WriteLock, StoreError> {
    super::writer::write_lock(path, SAVE_WAIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_refuses_after_outside_change_then_overwrite_or_reload() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        let mut file = ProjectFile::create(&path, &Project::new("one")).expect("create");
        assert!(ProjectFile::create(&path, &Project::new("x")).is_err());
        assert!(file.is_locked());
        file.save(&Project::new("two")).expect("unchanged: saves");
        super::super::save(&path, &Project::new("by someone else")).expect("other");
        assert!(file.changed_on_disk());
        let err = file.save(&Project::new("three")).expect_err("changed");
        assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
        assert_eq!(
            super::super::load(&path).expect("load").title,
            "by someone else"
        );
        assert_eq!(file.reload().expect("reload").title, "by someone else");
        file.save(&Project::new("four")).expect("after reload");
        super::super::save(&path, &Project::new("again")).expect("other");
        file.overwrite(&Project::new("five")).expect("overwrite");
        assert_eq!(super::super::load(&path).expect("load").title, "five");

        file.autosave(&Project::new("unsaved")).expect("autosave");
        assert_eq!(recovery::find_for(&path), Some(file.recovery_path()));
        file.save(&Project::new("six")).expect("save");
        assert_eq!(recovery::find_for(&path), None, "save clears recovery");

        let other = dir.path().join("q.ron");
        file.save_as(&other, &Project::new("seven"))
            .expect("save as");
        assert_eq!(file.path(), other);
        drop(file);
        assert!(!super::super::lock_path(&other).exists());
    }

    #[test]
    fn opening_twice_is_refused_then_forced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        super::super::save(&path, &Project::new("x")).expect("save");
        let (first, _) = ProjectFile::open(&path).expect("first");
        assert!(first.is_locked());
        // Same process reopening shares its own lock; a foreign holder is what gets refused.
        std::fs::write(
            super::super::lock_path(&path),
            "pid=1\nhost=elsewhere.example\nuser=bo\ntime=t\n",
        )
        .expect("foreign lock");
        let err = ProjectFile::open(&path).expect_err("locked");
        assert!(
            err.to_string().contains("already open by bo@elsewhere"),
            "{err}"
        );
        let (forced, p) = ProjectFile::open_forced(&path).expect("forced");
        assert_eq!(p.title, "x");
        assert!(forced.is_locked());
        drop(first);
    }
}
