//! The desktop GUI (eframe/egui): a thin shell that reads the core's state and emits actions.
//!
//! `FactdeskApp` (app.rs) owns the open `Session`; panels (article list, article view, claim
//! list, claim panel, status bar, menus, dialogs) read it and return `Intent`s (intent.rs), which
//! the dispatcher (dispatch.rs) turns into edits through `FactdeskApp::commit` — the app's only
//! caller of `Session::edit` — or into app effects. Commands, with their labels, shortcuts and
//! menu places, are one table (command.rs).

mod app;
mod appearance;
mod article_header;
mod article_list;
mod article_view;
mod autosave;
mod claim_history;
mod claim_list;
mod claim_panel;
mod claim_sort;
mod command;
mod compare;
mod conflicts;
mod derived;
mod dialogs;
mod dispatch;
mod export_flow;
mod file_dialogs;
mod find;
mod fonts;
mod highlight;
mod import_files;
mod intent;
mod menu_bar;
mod minimap;
mod multi_select;
mod paste;
mod project_io;
mod safety;
mod settings;
mod start_screen;
mod stats;
mod status_bar;
mod status_colors;
mod suggestions;
mod suggestions_panel;
#[cfg(target_os = "linux")]
mod system_theme;
mod team;
mod theme;
mod view_cache;

pub use app::FactdeskApp;
pub use autosave::{Snapshot, flush_snapshot};
pub use claim_sort::{ClaimSort, SortColumn};
pub use command::UiCommand;
pub use intent::TextSelection;
pub use settings::{Settings, StatusColors, ThemeChoice};

/// The colour a status is drawn in, from the colour set chosen in the settings.
pub fn status_color(s: crate::core::model::Status) -> egui::Color32 {
    theme::status_color(s)
}

use std::path::PathBuf;

/// Opens the main window, on `project` if given (else the last project, else the sample).
pub fn run(project: Option<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("factdesk")
            .with_app_id("factdesk")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "factdesk",
        options,
        Box::new(move |cc| {
            let settings = Settings::load(cc.storage);
            appearance::watch_system_theme(&cc.egui_ctx);
            fonts::install_system_fallback(&cc.egui_ctx);
            let app = FactdeskApp::startup_in(project, settings, eframe::storage_dir("factdesk"));
            install_panic_autosave(app.autosave.snapshot.clone());
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
