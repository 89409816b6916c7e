//! The menu bar: one menu per `Menu`, its sections and entries read from the command table; this
//! file only says when an entry is enabled and what extra lines a few entries carry (recent
//! projects, what undo / redo would do, the snap checkbox).

use crate::ui::command::{Menu, UiCommand};
use crate::ui::intent::Intent;
use crate::ui::view::OpenProject;

/// What the entries that act on something need to know about it.
#[derive(Debug, Clone, Copy)]
pub struct Enabled {
    /// A claim is selected.
    pub claim: bool,
    /// Text is selected in the article.
    pub selection: bool,
    /// The article has a cursor.
    pub cursor: bool,
    /// The suggestions are open.
    pub suggestions: bool,
}

pub fn show(ui: &mut egui::Ui, open: &OpenProject, on: Enabled) -> Vec<Intent> {
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.title(), |ui| {
                // A menu taller than the window scrolls instead of running off its bottom (menus
                // open under the menu bar); its scroll bar takes room beside the shortcuts.
                let room = ui.ctx().content_rect().height() - 2.0 * ui.spacing().interact_size.y;
                ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                egui::ScrollArea::vertical()
                    .max_height(room.max(80.0))
                    .min_scrolled_height(room.max(80.0))
                    .show(ui, |ui| {
                        for (i, section) in UiCommand::menu_sections(menu).into_iter().enumerate() {
                            if i > 0 {
                                ui.separator();
                            }
                            for cmd in UiCommand::in_menu(menu, section) {
                                entry(ui, open, on, cmd, &mut out);
                            }
                        }
                        if menu == Menu::Help {
                            ui.weak(format!("factdesk {}", env!("CARGO_PKG_VERSION")));
                        }
                    });
            });
        }
    });
    out
}

/// One command's entry, and what follows it.
fn entry(
    ui: &mut egui::Ui,
    open: &OpenProject,
    on: Enabled,
    cmd: UiCommand,
    out: &mut Vec<Intent>,
) {
    if cmd == UiCommand::ToggleSnap {
        let mut snap = open.settings.snap_to_words;
        if ui
            .checkbox(&mut snap, cmd.label())
            .on_hover_text(cmd.tooltip())
            .clicked()
        {
            out.push(Intent::Run(cmd));
        }
        return;
    }
    if cmd.menu_item(ui, enabled(open, on, cmd)) {
        out.push(Intent::Run(cmd));
        ui.close();
    }
    let history = &open.session.history;
    match cmd {
        UiCommand::OpenProject => {
            ui.menu_button("Open recent", |ui| {
                if open.settings.recent.is_empty() {
                    ui.weak("No recent projects");
                }
                for p in &open.settings.recent {
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
fn enabled(open: &OpenProject, on: Enabled, cmd: UiCommand) -> bool {
    let has_claim = on.claim;
    match cmd {
        UiCommand::Undo => open.session.history.can_undo(),
        UiCommand::Redo => open.session.history.can_redo(),
        UiCommand::MarkClaim => on.selection,
        UiCommand::MarkSentence => on.cursor,
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
        | UiCommand::RejectAllSuggestions => on.suggestions,
        _ => true,
    }
}
