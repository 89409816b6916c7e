//! The command palette (Ctrl+Shift+P): find any command by name and run it.

use crate::ui::command::UiCommand;

#[derive(Debug, Default)]
pub struct PaletteState {
    pub query: String,
    focused: bool,
}

pub enum Outcome {
    Open,
    Close,
    Run(UiCommand),
}

fn matches(cmd: UiCommand, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty()
        || cmd.label().to_lowercase().contains(&q)
        || cmd.tooltip().to_lowercase().contains(&q)
}

pub fn show(ctx: &egui::Context, state: &mut PaletteState) -> Outcome {
    let mut outcome = Outcome::Open;
    let modal = egui::Modal::new(egui::Id::unique("command_palette")).show(ctx, |ui| {
        ui.set_width(420.0);
        let label = ui.label("Command");
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut state.query)
                    .hint_text("Type to find a command")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if !state.focused {
            edit.request_focus();
            state.focused = true;
        }
        let hits: Vec<UiCommand> = UiCommand::ALL
            .into_iter()
            .filter(|c| matches(*c, &state.query))
            .collect();
        if ui.input(|i| i.key_pressed(egui::Key::Enter))
            && let Some(first) = hits.first()
        {
            outcome = Outcome::Run(*first);
        }
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                // Leave the scroll bar its own room so the shortcut column is never under it.
                let width = ui.available_width() - ui.spacing().scroll.allocated_width() - 4.0;
                for cmd in hits {
                    let mut button = egui::Button::new(cmd.label()).frame(false);
                    if let Some(s) = cmd.shortcut_text(ctx) {
                        button = button.shortcut_text(s);
                    }
                    if ui
                        .add_sized([width, 20.0], button)
                        .on_hover_text(cmd.tooltip())
                        .clicked()
                    {
                        outcome = Outcome::Run(cmd);
                    }
                }
            });
    });
    if matches!(outcome, Outcome::Open) && modal.should_close() {
        outcome = Outcome::Close;
    }
    outcome
}
