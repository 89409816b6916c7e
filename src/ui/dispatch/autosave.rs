//! Autosave: the recovery file written after idle seconds, removed once the project is saved.

use crate::core::store::{self, recovery};
use crate::ui::app::FactdeskApp;
use crate::ui::project::autosave::*;
use std::path::PathBuf;

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
        if let Some(file) = self.session.file() {
            return Some(file.recovery_path());
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
