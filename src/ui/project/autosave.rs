//! Autosave: after a few idle seconds with unsaved edits, the project goes to its recovery file
//! (beside the project, or in the data folder for a never-saved one). The app stays idle
//! otherwise: a repaint is scheduled only while there is work not yet autosaved.

use crate::core::store::{self, StoreError, recovery};
use crate::ui::app::FactdeskApp;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The latest project text (taken at most once a second while editing) and its recovery file,
/// for a last write if the UI panics.
pub type Snapshot = Arc<Mutex<Option<(PathBuf, String)>>>;

/// A project state: which session (generation) and which revision in it.
type Key = (u64, u64);

/// Autosave bookkeeping of the app.
#[derive(Debug, Default)]
pub struct Autosave {
    /// The state last seen and the time it was first seen (idle is counted from there).
    seen: Option<(Key, f64)>,
    /// The state last written, and the file it went to.
    written: Option<(Key, PathBuf)>,
    /// The recovery file of a never-saved project, kept for the life of that session.
    unsaved_path: Option<(u64, PathBuf)>,
    /// Shared with the panic hook.
    pub snapshot: Snapshot,
    /// The state the snapshot holds and when it was taken.
    snapped: Option<(Key, f64)>,
    /// Where never-saved projects autosave (the app's data folder); None: they do not.
    pub(crate) data_dir: Option<PathBuf>,
}

/// Least seconds between two snapshots, so typing does not serialize the project per key.
const SNAPSHOT_EVERY: f64 = 1.0;

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

impl FactdeskApp {
    /// Called once per frame: autosaves after the idle delay, drops recovery files that are no
    /// longer needed (saved, discarded or another project opened).
    pub(crate) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let key = (self.project.generation, self.session.history.revision());
        let dirty = self.session.is_dirty();
        if let Some((written_key, path)) = &self.project.autosave.written
            && (!dirty || written_key.0 != key.0)
        {
            let _ = recovery::discard(path);
            self.project.autosave.written = None;
        }
        if !dirty {
            if self.project.autosave.snapped.take().is_some() {
                self.clear_snapshot();
            }
            self.project.autosave.seen = None;
            return;
        }
        if self
            .project
            .autosave
            .written
            .as_ref()
            .is_some_and(|(k, _)| *k == key)
        {
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = match self.project.autosave.seen {
            Some((k, t)) if k == key => t,
            _ => {
                self.project.autosave.seen = Some((key, now));
                now
            }
        };
        let delay = f64::from(self.settings.autosave_seconds.max(0.5));
        let due = now - since >= delay;
        let snap_stale = self.project.autosave.snapped.is_none_or(|(k, _)| k != key);
        let snap_allowed = self
            .project
            .autosave
            .snapped
            .is_none_or(|(_, t)| now - t >= SNAPSHOT_EVERY);
        if snap_stale && (snap_allowed || due) {
            self.take_snapshot(key, now);
        }
        if !due {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(delay - (now - since)));
            return;
        }
        let text = match self.project.autosave.snapshot.lock() {
            Ok(s) => s.as_ref().map(|(p, t)| (p.clone(), t.clone())),
            Err(_) => None,
        };
        let Some((path, text)) = text else {
            return;
        };
        match write_snapshot(&path, &text) {
            Ok(()) => self.project.autosave.written = Some((key, path)),
            Err(e) => {
                // Reported once per state: the next try comes with the next edit.
                self.project.autosave.written = Some((key, PathBuf::new()));
                self.dialogs.toast(format!("Autosave failed: {e}"));
            }
        }
    }

    /// Puts the current project text into the shared snapshot.
    fn take_snapshot(&mut self, key: Key, now: f64) {
        self.project.autosave.snapped = Some((key, now));
        let Some(path) = self.recovery_target() else {
            return;
        };
        match store::to_ron_string(&self.session.project) {
            Ok(text) => {
                if let Ok(mut s) = self.project.autosave.snapshot.lock() {
                    *s = Some((path, text));
                }
            }
            Err(e) => self.dialogs.toast(format!("Autosave failed: {e}")),
        }
    }

    /// Where the current project autosaves; None for a never-saved project without a data folder.
    fn recovery_target(&mut self) -> Option<PathBuf> {
        if let Some(file) = &self.project.file {
            return Some(file.recovery_path());
        }
        if let Some(p) = &self.session.path {
            return Some(recovery::path_for(p));
        }
        match &self.project.autosave.unsaved_path {
            Some((g, p)) if *g == self.project.generation => Some(p.clone()),
            _ => {
                let dir = self.project.autosave.data_dir.clone()?;
                let p = recovery::path_for_unsaved(&dir);
                self.project.autosave.unsaved_path = Some((self.project.generation, p.clone()));
                Some(p)
            }
        }
    }

    fn clear_snapshot(&self) {
        if let Ok(mut s) = self.project.autosave.snapshot.lock() {
            *s = None;
        }
    }
}
