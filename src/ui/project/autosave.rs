//! Autosave: after a few idle seconds with unsaved edits, the project goes to its recovery file
//! (beside the project, or in the data folder for a never-saved one). The app stays idle
//! otherwise: a repaint is scheduled only while there is work not yet autosaved.

use crate::core::store::{self, StoreError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The latest project text (taken at most once a second while editing) and its recovery file,
/// for a last write if the UI panics.
pub type Snapshot = Arc<Mutex<Option<(PathBuf, String)>>>;

/// A project state: which session (generation) and which revision in it.
pub(crate) type Key = (u64, u64);

/// Autosave bookkeeping of the app.
#[derive(Debug, Default)]
pub struct Autosave {
    /// The state last seen and the time it was first seen (idle is counted from there).
    pub(crate) seen: Option<(Key, f64)>,
    /// The state last written, and the file it went to.
    pub(crate) written: Option<(Key, PathBuf)>,
    /// The recovery file of a never-saved project, kept for the life of that session.
    pub(crate) unsaved_path: Option<(u64, PathBuf)>,
    /// Shared with the panic hook.
    pub snapshot: Snapshot,
    /// The state the snapshot holds and when it was taken.
    pub(crate) snapped: Option<(Key, f64)>,
    /// Where never-saved projects autosave (the app's data folder); None: they do not.
    pub(crate) data_dir: Option<PathBuf>,
}

/// Least seconds between two snapshots, so typing does not serialize the project per key.
pub(crate) const SNAPSHOT_EVERY: f64 = 1.0;

impl Autosave {
    /// Treats `path` as holding the current state (a restored recovery file stays until saved).
    pub(crate) fn adopt(&mut self, key: Key, path: PathBuf) {
        self.written = Some((key, path));
    }

    /// Keeps autosaving a restored never-saved project into the file it came from.
    pub(crate) fn adopt_unsaved(&mut self, generation: u64, path: PathBuf) {
        self.unsaved_path = Some((generation, path));
    }

    /// The recovery file last written, if any.
    pub fn last_written(&self) -> Option<&Path> {
        self.written.as_ref().map(|(_, p)| p.as_path())
    }
}

/// Writes `text` to the recovery file `path` atomically, creating its folder. Used by autosave
/// and by the panic hook.
pub fn write_snapshot(path: &Path, text: &str) -> Result<(), StoreError> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            action: "create the folder of",
            source,
        })?;
    }
    store::write_atomic_no_backup(path, text.as_bytes())
}

/// Writes whatever the shared snapshot holds (the panic hook calls this); true if written.
pub fn flush_snapshot(snapshot: &Snapshot) -> bool {
    // A panic while the lock was held poisons it; the data inside is still whole text.
    let guard = match snapshot.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    match guard.as_ref() {
        Some((path, text)) => write_snapshot(path, text).is_ok(),
        None => false,
    }
}
