//! The desktop GUI (eframe/egui): a thin shell that reads the core's state and emits actions.
//!
//! `FactdeskApp` (app.rs) owns the open `Session`; panels (article list, article view, claim
//! list, claim panel, status bar, menus, dialogs) read it and return `Intent`s, which
//! `dispatch.rs` turns into `Session::edit` calls or app effects. Commands, with their labels and
//! shortcuts, are one table (command.rs).

mod app;
mod article_list;
mod article_view;
mod claim_list;
mod claim_panel;
mod command;
mod derived;
mod dialogs;
mod dispatch;
mod file_dialogs;
mod highlight;
mod menu_bar;
mod project_io;
mod safety;
mod settings;
mod status_bar;
mod theme;
mod view_cache;

pub use app::{FactdeskApp, SAMPLE_PROJECT, TextSelection};
pub use command::UiCommand;
pub use dispatch::Intent;
pub use settings::{Settings, ThemeChoice};

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
            Ok(Box::new(FactdeskApp::startup(project, settings)))
        }),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}
