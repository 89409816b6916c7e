//! Project files: the versioned RON document, loading with file and line:col errors, atomic saves,
//! and the consistency check behind `factdesk check`.
//!
//! For the desktop app, [`ProjectFile`] ties it together: load, save with change-on-disk
//! detection, a lock against opening twice, and autosave to a [`recovery`] file.

mod atomic;
mod check;
mod document;
mod fingerprint;
mod lock;
mod migrate;
mod project_file;
mod read;
pub mod recovery;
mod repair;
mod writer;

pub use atomic::{backup_path, resolve_target, write_atomic, write_atomic_no_backup};
pub use check::{Problem, check, duplicate_ids};
pub use document::{MAX_NESTING, Parsed, from_ron_str, parse, to_ron_string};
pub use fingerprint::Fingerprint;
use lock::WRITE_WAIT_ENV;
pub use lock::{
    LockAttempt, LockInfo, ProjectLock, WriteLock, WriteLockError, lock_path, write_wait,
};
pub use migrate::FORMAT_VERSION;
pub(crate) use project_file::lock_unless_open_elsewhere;
pub use project_file::{OpenError, ProjectFile, Repaired, SaveError, repair_file};
pub use read::{
    ReadError, human_bytes, read_head, read_limited, read_stdin_text_limited, read_text_limited,
};
pub use repair::{RepairReport, repair};
pub use writer::{ProjectWriter, check_output_target, update};

use crate::core::model::Project;
use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before reading (a project is text; 512 MB is not one).
pub const MAX_PROJECT_BYTES: u64 = 512 * 1024 * 1024;

/// Why a project could not be loaded or saved. Always names the file.
#[derive(Debug)]
pub enum StoreError {
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    NewerVersion {
        path: PathBuf,
        found: u32,
    },
    TooLarge {
        path: PathBuf,
        limit: u64,
    },
    /// A folder, FIFO, device or socket where a project or output file was expected.
    NotAFile {
        path: PathBuf,
        kind: &'static str,
    },
    /// Another process kept the project's write lock for the whole wait.
    Busy {
        path: PathBuf,
        waited: std::time::Duration,
    },
    /// A desktop app has the project open; a command must not write behind its back.
    OpenElsewhere {
        path: PathBuf,
        holder: LockInfo,
    },
    /// An output would replace something that is not ours to replace (e.g. the project itself).
    Refused {
        path: PathBuf,
        reason: String,
    },
    Serialize {
        path: PathBuf,
        message: String,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io {
                path,
                action,
                source,
            } => write!(f, "{}: cannot {action}: {source}", path.display()),
            StoreError::Parse {
                path,
                line,
                col,
                message,
            } => write!(f, "{}:{line}:{col}: {message}", path.display()),
            StoreError::NewerVersion { path, found } => write!(
                f,
                "{}: made by a newer factdesk (format_version {found}; this version reads up to {FORMAT_VERSION})",
                path.display()
            ),
            StoreError::TooLarge { path, limit } => write!(
                f,
                "{}: larger than the {} limit for a project file; refused",
                path.display(),
                human_bytes(*limit)
            ),
            StoreError::NotAFile { path, kind } => write!(
                f,
                "{}: is {kind}, not a regular file; factdesk reads and replaces only regular files",
                path.display()
            ),
            StoreError::Busy { path, waited } => write!(
                f,
                "{}: another process kept writing it for {:.1} s; nothing was changed, try again \
                 (${WRITE_WAIT_ENV} sets the wait in seconds)",
                path.display(),
                waited.as_secs_f64()
            ),
            StoreError::OpenElsewhere { path, holder } => write!(
                f,
                "{}: {holder}; nothing was changed: close it there (or save from there) first. \
                 If that factdesk is no longer running, delete {}",
                path.display(),
                lock_path(path).display()
            ),
            StoreError::Refused { path, reason } => write!(f, "{}: {reason}", path.display()),
            StoreError::Serialize { path, message } => {
                write!(f, "{}: cannot write project: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Reads and parses a project file. Never writes anything.
pub fn load(path: &Path) -> Result<Project, StoreError> {
    load_full(path).map(|l| l.parsed.project)
}

/// A loaded project with its unknown-field warnings and the fingerprint of the bytes read.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub parsed: Parsed,
    pub fingerprint: Fingerprint,
}

impl From<ReadError> for StoreError {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Io { path, source } => StoreError::Io {
                path,
                action: "read",
                source,
            },
            ReadError::NotAFile { path, kind } => StoreError::NotAFile { path, kind },
            ReadError::TooLarge { path, limit } => StoreError::TooLarge { path, limit },
        }
    }
}

/// Reads the raw bytes of a project file: a regular file of at most [`MAX_PROJECT_BYTES`].
fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    Ok(read::read_limited(path, MAX_PROJECT_BYTES)?)
}

/// [`load`], keeping the warnings and fingerprint. Never writes anything.
pub fn load_full(path: &Path) -> Result<Loaded, StoreError> {
    let bytes = read_bytes(path)?;
    let fingerprint = Fingerprint::of(path, &bytes);
    let parsed = parse_bytes(&bytes, path)?;
    Ok(Loaded {
        parsed,
        fingerprint,
    })
}

/// Parses project bytes; invalid UTF-8 is reported at its line:col. `path` is for messages. A
/// UTF-8 byte order mark (added by some Windows editors) is skipped.
pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Parsed, StoreError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col_at_end(&bytes[..e.valid_up_to()]);
        StoreError::Parse {
            path: path.to_path_buf(),
            line,
            col,
            message: "the file is not valid UTF-8 text".to_string(),
        }
    })?;
    parse(text, path)
}

fn line_col_at_end(valid: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(valid);
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Writes the project atomically under its write lock: a temp file in the same folder, flushed
/// to disk, then renamed over `path`, then the folder flushed. A crash leaves either the old file
/// or the new one; the previous version is kept as `NAME.ron.bak`.
pub fn save(path: &Path, project: &Project) -> Result<(), StoreError> {
    let _lock = writer::write_lock(path, write_wait())?;
    save_full(path, project).map(|_| ())
}

/// [`save`] without taking the write lock (the caller holds it), returning the fingerprint of
/// what was written.
pub fn save_full(path: &Path, project: &Project) -> Result<Fingerprint, StoreError> {
    let text = to_ron_string(project).map_err(|message| StoreError::Serialize {
        path: path.to_path_buf(),
        message,
    })?;
    write_atomic(path, text.as_bytes())?;
    Ok(Fingerprint::of(path, text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Article, ArticleMeta};

    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        let mut p = Project::new("Ünïcode “title” 北");
        p.articles.push(Article::new(
            ArticleMeta::default(),
            "Body 🚀 text.\nLine two.",
        ));
        save(&path, &p).expect("save");
        let back = load(&path).expect("load");
        assert_eq!(back, p);
        // No temp files left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn load_errors_name_the_file_and_position() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("bad.ron");
        std::fs::write(&path, "(\n  format_version: 1,\n  title: 42,\n)").expect("write");
        let err = load(&path).expect_err("bad");
        let msg = err.to_string();
        assert!(msg.starts_with(&format!("{}:3:", path.display())), "{msg}");

        std::fs::write(&path, b"(title: \"\xff\")").expect("write");
        let msg = load(&path).expect_err("not utf8").to_string();
        assert!(msg.contains(":1:10: the file is not valid UTF-8"), "{msg}");

        let missing = dir.path().join("missing.ron");
        let msg = load(&missing).expect_err("missing").to_string();
        assert!(msg.contains("missing.ron: cannot read"), "{msg}");
    }

    #[test]
    fn failed_save_leaves_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("nested").join("p.ron");
        let err = save(&path, &Project::new("x")).expect_err("no folder");
        assert!(err.to_string().contains("p.ron"));
        assert!(!path.exists());
    }
}
