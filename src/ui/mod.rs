//! The desktop GUI (eframe/egui): a thin shell that reads the core's state and emits actions.
//!
//! `FactdeskApp` (app.rs) owns the open `Session`; panels (article list, article view, claim
//! list, claim panel, status bar, menus, dialogs) read it and return `Intent`s (intent.rs), which
//! the dispatcher (dispatch.rs) turns into edits through `FactdeskApp::commit` — the app's only
//! caller of `Session::edit` — or into app effects. Commands, with their labels, shortcuts and
//! menu places, are one table (command.rs).

mod app;
mod article;
mod claims;
mod command;
mod derived;
mod dialogs;
mod dispatch;
mod evidence;
mod intent;
mod layout;
mod look;
mod menu_bar;
mod project;
mod review;
mod settings;
mod status_bar;
mod text;
mod view;

pub use app::FactdeskApp;
pub use claims::claim_sort::{ClaimSort, SortColumn};
pub use command::UiCommand;
pub use intent::TextSelection;
pub use layout::{ARTICLE_TEXT_MIN_WIDTH, PanelRects};
pub use project::autosave::{Snapshot, flush_snapshot};
pub use settings::{Settings, StatusColors, ThemeChoice};

/// The colour a status is drawn in, from the colour set chosen in the settings.
pub fn status_color(s: crate::core::model::Status) -> egui::Color32 {
    look::theme::status_color(s)
}

use std::path::PathBuf;

/// Opens the main window, on `project` if given (else the last project, else the sample).
pub fn run(project: Option<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("factdesk")
            .with_app_id("factdesk")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([560.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "factdesk",
        options,
        Box::new(move |cc| {
            let settings = Settings::load(cc.storage);
            look::appearance::watch_system_theme(&cc.egui_ctx);
            look::fonts::install_system_fallback(&cc.egui_ctx);
            let app = FactdeskApp::startup_in(project, settings, eframe::storage_dir("factdesk"));
            install_panic_autosave(app.project.autosave.snapshot.clone());
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}

/// On a panic, writes the last autosaved project text once more before the default report, so
/// a crash loses at most the edits of the last idle seconds.
fn install_panic_autosave(snapshot: Snapshot) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if flush_snapshot(&snapshot) {
            eprintln!("factdesk: unsaved work was written to its recovery file");
        }
        previous(info);
    }));
}

/// The main window's own state.
#[derive(Default)]
pub struct WindowState {
    /// Set once the person chose to quit (after any unsaved-changes question).
    pub quit_requested: bool,
    /// The unsaved-changes question was answered: the next close request closes.
    pub(crate) allow_close: bool,
    /// The title last sent to the window (sent again only when it changes).
    pub(crate) title: String,
    /// The widget with keyboard focus last frame (typing in a new field starts a new undo step).
    pub(crate) last_focus: Option<egui::Id>,
    /// A side panel the person opened from its strip although the window is narrow.
    pub(crate) forced: Option<layout::Forced>,
    /// What the right-hand panel shows while suggestions are open.
    pub(crate) right_tab: layout::RightTab,
    /// Where each part of the window was drawn last frame.
    pub panels: layout::PanelRects,
}
