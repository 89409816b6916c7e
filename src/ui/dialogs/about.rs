//! About factdesk (Help menu): version, where the open project, its autosaves and the app's
//! settings live, where to read more, and the licence.

use crate::core::store::recovery;
use std::path::Path;

/// What the window shows, gathered by the caller.
pub struct AboutInfo<'a> {
    pub project: Option<&'a Path>,
    /// The folder of never-saved projects' autosaves.
    pub data_dir: Option<&'a Path>,
    /// Where eframe keeps the settings.
    pub settings_dir: Option<&'a Path>,
}

/// The app's version, from the package.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
pub const LICENSE: &str = env!("CARGO_PKG_LICENSE");

fn row(ui: &mut egui::Ui, name: &str, value: String) {
    ui.label(name);
    ui.add(egui::Label::new(egui::RichText::new(value).monospace()).wrap());
    ui.end_row();
}

/// Shows the window; false once closed.
pub fn show(ctx: &egui::Context, info: &AboutInfo) -> bool {
    let mut open = true;
    egui::Window::new("About factdesk")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(560.0)
        .show(ctx, |ui| {
            ui.heading(format!("factdesk {VERSION}"));
            ui.label("A fact-checking workbench: mark claims in news articles, tag them sourced, disputed or denied, and export the reviewed claims.");
            ui.add_space(6.0);
            let none = |what: &str| format!("({what})");
            egui::Grid::new("about_grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    row(ui, "Version", VERSION.to_string());
                    row(
                        ui,
                        "Project file",
                        info.project
                            .map_or_else(|| none("not saved yet"), |p| p.display().to_string()),
                    );
                    let autosave = match (info.project, info.data_dir) {
                        (Some(p), _) => recovery::path_for(p).display().to_string(),
                        (None, Some(d)) => d.display().to_string(),
                        (None, None) => none("no data folder: unsaved projects are not autosaved"),
                    };
                    row(ui, "Autosave (recovery)", autosave);
                    row(
                        ui,
                        "Unsaved projects' autosaves",
                        info.data_dir
                            .map_or_else(|| none("none"), |d| d.display().to_string()),
                    );
                    row(
                        ui,
                        "Settings folder",
                        info.settings_dir
                            .map_or_else(|| none("unknown on this system"), |d| d.display().to_string()),
                    );
                    row(
                        ui,
                        "Documentation",
                        "README.md; docs/GUI.md (this window, shortcuts), docs/FORMAT.md, docs/EXPORT.md, docs/IMPORT.md, docs/TEAM.md"
                            .to_string(),
                    );
                    row(ui, "Help in the app", "F1 keyboard shortcuts, Ctrl+Shift+P command palette".to_string());
                    row(ui, "Licence", LICENSE.to_string());
                });
        });
    open
}
