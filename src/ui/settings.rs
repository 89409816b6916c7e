//! App preferences kept between runs with eframe persistence: recent projects, theme, zoom,
//! colours, snapping, analyst name, export defaults, the claim list's sort and column widths.

pub use crate::ui::look::status_colors::StatusColors;
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
    /// Accepted suggestions take their suggested status; off: they start unreviewed.
    pub accept_suggested_status: bool,
    /// Size of everything on screen (1.0 = 100 %), between [`MIN_ZOOM`] and [`MAX_ZOOM`].
    pub zoom: f32,
    /// Which colour set marks the claim statuses.
    pub status_colors: StatusColors,
    /// Stronger text/background contrast and a thicker focus outline.
    pub high_contrast: bool,
    /// The folder of the last export, offered first next time.
    pub last_export_dir: Option<PathBuf>,
    /// The format of the last export (its command-line name, e.g. "csv").
    pub last_export_format: String,
    /// CSV exports start with a byte order mark so Excel reads them as UTF-8.
    pub export_csv_bom: bool,
    /// How the claim list is sorted.
    pub claim_sort: crate::ui::claims::claim_sort::ClaimSort,
    /// The widths the claim list's Status, Speaker and Updated columns were dragged to.
    pub claim_columns: crate::ui::claims::claim_columns::ColumnWidths,
    /// What the suggestions panel lists.
    pub suggest_filter: crate::ui::review::suggestions::SuggestFilter,
    /// Ask "Who is editing?" at the first edit while `analyst` is empty. A switch of the run,
    /// not a preference (off for tests and headless runs): never stored, so it is always on in
    /// the app.
    #[serde(skip)]
    pub ask_analyst: bool,
    /// The articles list at the left is shown (when the window is wide enough).
    pub show_articles_panel: bool,
    /// The claim panel at the right is shown (when the window is wide enough).
    pub show_claim_panel: bool,
    /// The claim library's index folder ("Seen before", speakers). None: `FACTDESK_LIBRARY`,
    /// else `factdesk/library` in the data folder, as for `factdesk library`.
    pub library_dir: Option<PathBuf>,
}

pub const MIN_ZOOM: f32 = 0.5;
pub const MAX_ZOOM: f32 = 3.0;
/// The autosave interval range offered (seconds).
pub const AUTOSAVE_RANGE: std::ops::RangeInclusive<f32> = 2.0..=600.0;

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
            accept_suggested_status: false,
            zoom: 1.0,
            status_colors: StatusColors::default(),
            high_contrast: false,
            last_export_dir: None,
            last_export_format: String::new(),
            export_csv_bom: false,
            ask_analyst: true,
            show_articles_panel: true,
            show_claim_panel: true,
            claim_sort: Default::default(),
            claim_columns: Default::default(),
            suggest_filter: Default::default(),
            library_dir: None,
        }
    }
}

impl Settings {
    /// Settings for tests and headless runs: no native dialogs, nothing remembered.
    pub fn headless() -> Self {
        Settings {
            native_dialogs: false,
            ask_analyst: false,
            // Never the person's own claim library: a test sees only the library it builds.
            library_dir: Some(std::env::temp_dir().join("factdesk-headless-no-library")),
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

    /// The zoom kept in its range (a hand-edited or corrupt value never makes the app unusable).
    pub fn zoom_factor(&self) -> f32 {
        if self.zoom.is_finite() {
            self.zoom.clamp(MIN_ZOOM, MAX_ZOOM)
        } else {
            1.0
        }
    }

    /// One zoom step in (`steps` > 0) or out, rounded to 10 %.
    pub fn zoom_by(&mut self, steps: i32) {
        let z = self.zoom_factor() + 0.1 * steps as f32;
        self.zoom = ((z * 10.0).round() / 10.0).clamp(MIN_ZOOM, MAX_ZOOM);
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

    #[test]
    fn settings_stored_before_the_newer_fields_still_load() {
        // What an earlier factdesk stored through eframe persistence (RON).
        let old = r#"(recent: ["/p/a.ron"], last_project: Some("/p/a.ron"), theme: Light,
            snap_to_words: false, native_dialogs: true, autosave_seconds: 12.0, analyst: "Ana")"#;
        let s: Settings = ron::from_str(old).expect("old settings load");
        assert_eq!(s.theme, ThemeChoice::Light);
        assert!(!s.snap_to_words);
        assert_eq!(s.analyst, "Ana");
        assert_eq!(s.autosave_seconds, 12.0);
        assert_eq!(s.zoom, 1.0);
        assert_eq!(s.status_colors, StatusColors::OkabeIto);
        assert!(!s.high_contrast);
        assert!(s.last_export_dir.is_none());
        assert!(
            !s.suggest_filter.is_active(),
            "old settings list every suggestion"
        );
        assert_eq!(
            s.claim_columns,
            Default::default(),
            "old settings keep the default column widths"
        );
        // And the new fields survive a round trip.
        let mut n = s.clone();
        n.zoom = 1.4;
        n.status_colors = StatusColors::TolBright;
        n.high_contrast = true;
        n.last_export_dir = Some(PathBuf::from("/exports"));
        n.last_export_format = "html".into();
        n.suggest_filter
            .set_status_shown(crate::core::model::Status::Denied, false);
        n.suggest_filter.min_score = 0.6;
        n.suggest_filter.search = "Kirby".into();
        n.claim_columns.speaker = 260.0;
        let text = ron::to_string(&n).expect("serialise");
        assert_eq!(ron::from_str::<Settings>(&text).expect("reload"), n);
        // A filter stored with only some of its fields.
        let partial: Settings =
            ron::from_str("(suggest_filter: (min_score: 0.5))").expect("partial filter loads");
        assert_eq!(partial.suggest_filter.min_score, 0.5);
        assert!(partial.suggest_filter.hidden.is_empty());
        // Column widths stored with only some of the columns.
        let partial: Settings =
            ron::from_str("(claim_columns: (speaker: 250.0))").expect("partial widths load");
        assert_eq!(partial.claim_columns.speaker, 250.0);
        assert_eq!(
            partial.claim_columns.status,
            crate::ui::claims::claim_columns::STATUS_W
        );
    }

    #[test]
    fn the_run_switch_to_ask_who_is_editing_is_never_stored() {
        let headless = Settings::headless();
        let text = ron::to_string(&headless).expect("serialise");
        assert!(!text.contains("ask_analyst"), "{text}");
        // Stored by an earlier version that kept it: ignored, the app asks.
        let old: Settings = ron::from_str("(ask_analyst: false)").expect("old settings load");
        assert!(old.ask_analyst);
        assert!(
            ron::from_str::<Settings>(&text)
                .expect("reload")
                .ask_analyst
        );
    }

    #[test]
    fn zoom_steps_stay_in_range() {
        let mut s = Settings::default();
        s.zoom_by(1);
        assert!((s.zoom - 1.1).abs() < 1e-6);
        for _ in 0..40 {
            s.zoom_by(1);
        }
        assert_eq!(s.zoom, MAX_ZOOM);
        for _ in 0..40 {
            s.zoom_by(-1);
        }
        assert_eq!(s.zoom, MIN_ZOOM);
        s.zoom = f32::NAN;
        assert_eq!(s.zoom_factor(), 1.0);
    }
}
