//! The menu bar: one menu per `Menu`, its sections and entries read from the command table; this
//! file only says when an entry is enabled and what extra lines a few entries carry (recent
//! projects, what undo / redo would do, the snap checkbox).

use crate::ui::app::FactdeskApp;
use crate::ui::command::{Menu, UiCommand};
use crate::ui::intent::Intent;

pub fn show(ui: &mut egui::Ui, app: &FactdeskApp) -> Vec<Intent> {
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.title(), |ui| {
                for (i, section) in UiCommand::menu_sections(menu).into_iter().enumerate() {
                    if i > 0 {
                        ui.separator();
                    }
                    for cmd in UiCommand::in_menu(menu, section) {
                        entry(ui, app, cmd, &mut out);
                    }
                }
                if menu == Menu::Help {
                    ui.weak(format!("factdesk {}", env!("CARGO_PKG_VERSION")));
                }
            });
        }
    });
    out
}

/// One command's entry, and what follows it.
fn entry(ui: &mut egui::Ui, app: &FactdeskApp, cmd: UiCommand, out: &mut Vec<Intent>) {
    if cmd == UiCommand::ToggleSnap {
        let mut snap = app.settings.snap_to_words;
        if ui
            .checkbox(&mut snap, cmd.label())
            .on_hover_text(cmd.tooltip())
            .clicked()
        {
            out.push(Intent::Run(cmd));
        }
        return;
    }
    if cmd.menu_item(ui, enabled(app, cmd)) {
        out.push(Intent::Run(cmd));
        ui.close();
    }
    let history = &app.session.history;
    match cmd {
        UiCommand::OpenProject => {
            ui.menu_button("Open recent", |ui| {
                if app.settings.recent.is_empty() {
                    ui.weak("No recent projects");
                }
                for p in &app.settings.recent {
                    if ui.button(p.display().to_string()).clicked() {
                        out.push(Intent::OpenRecent(p.clone()));
                        ui.close();
                    }
                }
            });
        }
        UiCommand::Undo => {
            if let Some(a) = history.peek_undo() {
                ui.weak(format!("Undo {}", a.describe()));
            }
        }
        UiCommand::Redo => {
            if let Some(a) = history.peek_redo() {
                ui.weak(format!("Redo {}", a.describe()));
            }
        }
        _ => {}
    }
}

/// Whether a menu entry can be used now (shortcuts and the palette always run the command,
/// which explains itself when there is nothing to act on).
fn enabled(app: &FactdeskApp, cmd: UiCommand) -> bool {
    let has_claim = app.claims.selected.is_some();
    match cmd {
        UiCommand::Undo => app.session.history.can_undo(),
        UiCommand::Redo => app.session.history.can_redo(),
        UiCommand::MarkClaim => app.article.selection.is_some(),
        UiCommand::MarkSentence => app.article.cursor.is_some(),
        UiCommand::Tag(_)
        | UiCommand::DeleteClaim
        | UiCommand::ToggleSignOff
        | UiCommand::ExtendSelectionDown
        | UiCommand::ExtendSelectionUp => has_claim,
        UiCommand::NextSuggestion
        | UiCommand::PreviousSuggestion
        | UiCommand::AcceptSuggestion
        | UiCommand::AcceptAllSuggestions
        | UiCommand::RejectSuggestion
        | UiCommand::RejectAllSuggestions => app.review.suggest.open,
        _ => true,
    }
}
