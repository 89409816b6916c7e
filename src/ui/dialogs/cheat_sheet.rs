//! The keyboard cheat sheet (F1): every command with its shortcuts, read from the command table.

use crate::ui::command::UiCommand;

/// Shows the cheat sheet; false once closed.
pub fn show(ctx: &egui::Context) -> bool {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcut_grid")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for cmd in UiCommand::ALL {
                        ui.label(cmd.label());
                        ui.monospace(cmd.all_shortcuts_text(ctx));
                        ui.weak(cmd.tooltip());
                        ui.end_row();
                    }
                });
            ui.weak("Plain keys (M, 1, 2, 3, 0, J, K, U, Delete) work while no text field is being edited.");
        });
    open
}
