//! The desktop GUI (eframe/egui): a thin shell that reads the core's state and emits actions.

use std::path::PathBuf;

/// Opens the main window, on `project` if given.
pub fn run(project: Option<PathBuf>) -> Result<(), String> {
    let _ = project;
    Err("the desktop window is not built yet".to_string())
}
