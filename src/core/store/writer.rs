//! Changing a project file from a command: take the write lock, read the file again under it,
//! change, save, let go. Every command-line writer (and the merge driver) goes through here, so
//! any number of them at once lose nothing: each either has its edit in the file or fails
//! without writing.

use super::lock::{WriteLock, WriteLockError, write_wait};
use super::{Loaded, StoreError, atomic, load_full, to_ron_string};
use crate::core::model::Project;
use std::path::{Path, PathBuf};

/// The write lock of one project file, held while a command reads, changes and saves it.
#[derive(Debug)]
pub struct ProjectWriter {
    /// The path as the user gave it (for messages).
    path: PathBuf,
    lock: WriteLock,
}

fn lock_error(path: &Path, e: WriteLockError) -> StoreError {
    match e {
        WriteLockError::Busy { waited } => StoreError::Busy {
            path: path.to_path_buf(),
            waited,
        },
        WriteLockError::Io(source) => StoreError::Io {
            path: super::lock_path(path),
            action: "lock (create the lock file)",
            source,
        },
    }
}

/// The write lock of the file at `path` (resolved through symlinks), waiting up to `wait`; unlike
/// [`ProjectWriter::lock`] it does not look at who has the project open.
pub(super) fn write_lock(path: &Path, wait: std::time::Duration) -> Result<WriteLock, StoreError> {
    let target = atomic::resolve_target(path)?;
    WriteLock::acquire(&target, wait).map_err(|e| lock_error(path, e))
}

impl ProjectWriter {
    /// Locks the existing project at `path` for writing. Refuses while a desktop app has it
    /// open ([`StoreError::OpenElsewhere`]) and gives up after the bounded wait
    /// ([`StoreError::Busy`]) when other writers keep it.
    pub fn lock(path: &Path) -> Result<ProjectWriter, StoreError> {
        let target = atomic::resolve_target(path)?;
        let mut lock =
            WriteLock::acquire(&target, write_wait()).map_err(|e| lock_error(path, e))?;
        if let Some(holder) = lock.foreign_holder() {
            return Err(StoreError::OpenElsewhere {
                path: path.to_path_buf(),
                holder,
            });
        }
        Ok(ProjectWriter {
            path: path.to_path_buf(),
            lock,
        })
    }

    /// Locks a project file that is about to be created; refuses when something is already
    /// there (checked under the lock, so two creators cannot both succeed).
    pub fn lock_new(path: &Path) -> Result<ProjectWriter, StoreError> {
        let writer = ProjectWriter::lock(path)?;
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(StoreError::Refused {
                path: path.to_path_buf(),
                reason: "already exists; not overwriting it".to_string(),
            });
        }
        Ok(writer)
    }

    /// The write lock itself, for a handle that keeps it (`ProjectFile::open_for_command`).
    pub(super) fn into_lock(self) -> WriteLock {
        self.lock
    }

    /// Reads the project as it is now, under the lock.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        load_full(&self.path)
    }

    /// Saves atomically, keeping the replaced version as `NAME.ron.bak`.
    pub fn save(&self, project: &Project) -> Result<(), StoreError> {
        atomic::write_atomic(&self.path, self.serialize(project)?.as_bytes())
    }

    /// Saves atomically without a `.bak` (a git merge driver's temporary file: git keeps every
    /// version itself).
    pub fn save_no_backup(&self, project: &Project) -> Result<(), StoreError> {
        atomic::write_atomic_no_backup(&self.path, self.serialize(project)?.as_bytes())
    }

    fn serialize(&self, project: &Project) -> Result<String, StoreError> {
        to_ron_string(project).map_err(|message| StoreError::Serialize {
            path: self.path.clone(),
            message,
        })
    }
}

/// Reads the project at `path` under its write lock, lets `change` edit it, and saves it when
/// `change` succeeds (refusing a file another program changed meanwhile). When `change` fails
/// nothing is written. The value `change` returns (e.g. a new claim id) is handed back only after
/// the save succeeded.
pub fn update<T, E: From<StoreError>>(
    path: &Path,
    change: impl FnOnce(&mut Project) -> Result<T, E>,
) -> Result<T, E> {
    let (mut file, mut project) = super::ProjectFile::open_for_command(path)?;
    let value = change(&mut project)?;
    file.save(&project).map_err(StoreError::from)?;
    Ok(value)
}

/// Checks that an export may be written to `output`: not the project being exported (nor its
/// backup, lock or recovery file), not a folder, FIFO, device or socket, and not another
/// factdesk project. `output` names a new file or an ordinary file to replace.
pub fn check_output_target(output: &Path, project: Option<&Path>) -> Result<(), StoreError> {
    let refused = |reason: String| StoreError::Refused {
        path: output.to_path_buf(),
        reason,
    };
    let target = atomic::resolve_target(output)?;
    let meta = match std::fs::metadata(&target) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::Io {
                path: output.to_path_buf(),
                action: "inspect",
                source,
            });
        }
    };
    if !meta.is_file() {
        return Err(StoreError::NotAFile {
            path: output.to_path_buf(),
            kind: super::read::kind_of(&meta.file_type()),
        });
    }
    if let Some(project) = project {
        let project_target = atomic::resolve_target(project)?;
        let companions = [
            project_target.clone(),
            atomic::backup_path(&project_target),
            super::lock_path(&project_target),
            super::recovery::path_for(&project_target),
        ];
        if companions.iter().any(|c| same_file(c, &target)) {
            return Err(refused(format!(
                "is the project being exported ({}) or one of its files; choose another output",
                project.display()
            )));
        }
    }
    if looks_like_project(&target) {
        return Err(refused(
            "is a factdesk project file; an export never replaces a project (choose another output)"
                .to_string(),
        ));
    }
    Ok(())
}

/// True when both paths name one existing file (same device and inode on Unix).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok()
    }
}

/// A project file starts (after an optional BOM and blank space) with `(` and names its
/// `format_version` first. Only the first kilobyte of a regular file is read.
fn looks_like_project(path: &Path) -> bool {
    let Ok(head) = super::read::read_head(path, 1024) else {
        return false;
    };
    let text = String::from_utf8_lossy(&head);
    let text = text.trim_start_matches('\u{FEFF}').trim_start();
    text.starts_with('(') && text[1..].trim_start().starts_with("format_version")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_saves_only_on_success_and_returns_after_saving() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        super::super::save(&path, &Project::new("one")).expect("save");
        let title = update(&path, |p| -> Result<String, StoreError> {
            p.title = "two".into();
            Ok(p.title.clone())
        })
        .expect("update");
        assert_eq!(title, "two");
        assert_eq!(super::super::load(&path).expect("load").title, "two");
        let err = update(&path, |p| -> Result<(), StoreError> {
            p.title = "three".into();
            Err(StoreError::Refused {
                path: PathBuf::from("x"),
                reason: "no".into(),
            })
        });
        assert!(err.is_err());
        assert_eq!(super::super::load(&path).expect("load").title, "two");
        assert!(
            !super::super::lock_path(&path).exists(),
            "no lock file left"
        );
    }

    #[test]
    fn a_live_holder_in_the_lock_file_refuses_writers() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        super::super::save(&path, &Project::new("one")).expect("save");
        // pid 1 on this host is alive; another machine's holder is never taken as stale.
        std::fs::write(
            super::super::lock_path(&path),
            "pid=1\nhost=elsewhere.example\nuser=ana\ntime=t\n",
        )
        .expect("lock");
        let err = update(&path, |p| -> Result<(), StoreError> {
            p.title = "two".into();
            Ok(())
        })
        .expect_err("open elsewhere");
        assert!(
            err.to_string().contains("already open by ana@elsewhere"),
            "{err}"
        );
        assert_eq!(super::super::load(&path).expect("load").title, "one");
        assert!(super::super::lock_path(&path).exists(), "their lock stays");
    }

    #[test]
    fn outputs_that_are_not_ours_to_replace_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project = dir.path().join("p.ron");
        super::super::save(&project, &Project::new("one")).expect("save");
        let err = check_output_target(&project, Some(&project)).expect_err("itself");
        assert!(err.to_string().contains("project being exported"), "{err}");
        let other = dir.path().join("q.ron");
        super::super::save(&other, &Project::new("other")).expect("save");
        let err = check_output_target(&other, Some(&project)).expect_err("a project");
        assert!(err.to_string().contains("is a factdesk project"), "{err}");
        let err = check_output_target(dir.path(), Some(&project)).expect_err("folder");
        assert!(err.to_string().contains("folder"), "{err}");
        check_output_target(&dir.path().join("out.csv"), Some(&project)).expect("new file");
        std::fs::write(dir.path().join("old.csv"), "a,b").expect("write");
        check_output_target(&dir.path().join("old.csv"), Some(&project)).expect("replace csv");
        #[cfg(unix)]
        {
            let err = check_output_target(Path::new("/dev/null"), None).expect_err("device");
            assert!(err.to_string().contains("character device"), "{err}");
            let link = dir.path().join("link.ron");
            std::os::unix::fs::symlink(&project, &link).expect("symlink");
            let err = check_output_target(&link, Some(&project)).expect_err("via link");
            assert!(err.to_string().contains("project being exported"), "{err}");
        }
    }
}
