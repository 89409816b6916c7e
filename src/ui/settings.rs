//! App preferences kept between runs with eframe persistence: recent projects, theme, snapping.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The key under which the settings are stored.
pub const STORAGE_KEY: &str = "factdesk.settings";
const MAX_RECENT: usize = 10;

/// Light or dark look; `System` follows the desktop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ThemeChoice {
    #[default]
    System,
    Dark,
    Light,
}

/// Preferences of the person using the app (never saved into project files).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The project open when the app last closed; reopened at start.
    pub last_project: Option<PathBuf>,
    pub theme: ThemeChoice,
    /// Widen marked spans to whole words (after trimming whitespace).
    pub snap_to_words: bool,
    /// Use the desktop's file dialogs; off means the in-app path field only.
    pub native_dialogs: bool,
    /// Idle seconds after an edit before unsaved work goes to the recovery file.
    pub autosave_seconds: f32,
    /// The analyst's name, recorded on new claims, status changes and sign-offs. Empty: taken
    /// from `FACTDESK_ANALYST`, git's `user.name` or the system user.
    pub analyst: String,
    /// Where never-saved projects autosave (the app's data folder); None: they do not.
    #[serde(skip)]
    pub recovery_dir: Option<PathBuf>,
    /// How the claim list is sorted.
    pub claim_sort: super::claim_sort::ClaimSort,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            last_project: None,
            theme: ThemeChoice::System,
            snap_to_words: true,
            native_dialogs: true,
            autosave_seconds: 5.0,
            analyst: String::new(),
            recovery_dir: None,
            claim_sort: Default::default(),
        }
    }
}

impl Settings {
    /// Settings for tests and headless runs: no native dialogs, nothing remembered.
    pub fn headless() -> Self {
        Settings {
            native_dialogs: false,
            ..Settings::default()
        }
    }

    /// Puts `path` first in the recent list and makes it the project to reopen.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
        self.last_project = Some(path.to_path_buf());
    }

    /// Drops a path that could not be opened from the recent list.
    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        if self.last_project.as_deref() == Some(path) {
            self.last_project = None;
        }
    }

    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default()
    }

    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_is_most_recent_first_without_duplicates() {
        let mut s = Settings::default();
        s.remember(Path::new("/a.ron"));
        s.remember(Path::new("/b.ron"));
        s.remember(Path::new("/a.ron"));
        assert_eq!(
            s.recent,
            vec![PathBuf::from("/a.ron"), PathBuf::from("/b.ron")]
        );
        assert_eq!(s.last_project.as_deref(), Some(Path::new("/a.ron")));
        s.forget(Path::new("/a.ron"));
        assert_eq!(s.recent, vec![PathBuf::from("/b.ron")]);
        assert!(s.last_project.is_none());
    }
}
