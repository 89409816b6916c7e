//! The keyboard cheat sheet (F1): every command with its shortcuts and the line of plain keys,
//! all read from the command table.

use crate::ui::command::UiCommand;

/// Shows the cheat sheet; false once closed.
pub fn show(ctx: &egui::Context) -> bool {
    let mut open = true;
    // Escape closes it, like every other dialog.
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        return false;
    }
    // Taller than most windows: the table scrolls inside a window that fits the screen.
    let screen = ctx.content_rect();
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .max_width((screen.width() - 40.0).max(200.0))
        .max_height((screen.height() - 60.0).max(150.0))
        .show(ctx, |ui| {
            egui::ScrollArea::both()
                .max_height((screen.height() - 140.0).max(80.0))
                .show(ui, |ui| {
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
                });
            let plain = UiCommand::plain_keys_text(|s| ctx.format_shortcut(s));
            ui.weak(format!(
                "Plain keys ({plain}) work while no text field is being edited."
            ));
        });
    open
}
