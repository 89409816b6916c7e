//! The menu bar: File, Edit, Claim, View and Help menus, built from the command table.

use super::app::FactdeskApp;
use super::command::UiCommand;
use super::dispatch::Intent;

pub fn show(ui: &mut egui::Ui, app: &FactdeskApp) -> Vec<Intent> {
    let mut out = Vec::new();
    let has_claim = app.selected_claim.is_some();
    let item = |ui: &mut egui::Ui, cmd: UiCommand, enabled: bool, out: &mut Vec<Intent>| {
        if cmd.menu_item(ui, enabled) {
            out.push(Intent::Run(cmd));
            ui.close();
        }
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, UiCommand::NewProject, true, &mut out);
            item(ui, UiCommand::OpenProject, true, &mut out);
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
            ui.separator();
            item(ui, UiCommand::SaveProject, true, &mut out);
            item(ui, UiCommand::SaveProjectAs, true, &mut out);
            ui.separator();
            item(ui, UiCommand::AddArticles, true, &mut out);
            item(ui, UiCommand::CompareProject, true, &mut out);
            item(ui, UiCommand::Export, true, &mut out);
            ui.separator();
            item(ui, UiCommand::Settings, true, &mut out);
            item(ui, UiCommand::PasteArticle, true, &mut out);
            ui.separator();
            item(ui, UiCommand::Quit, true, &mut out);
        });
        ui.menu_button("Edit", |ui| {
            let h = &app.session.history;
            let undo = h.peek_undo().map(|a| format!("Undo {}", a.describe()));
            let redo = h.peek_redo().map(|a| format!("Redo {}", a.describe()));
            item(ui, UiCommand::Undo, h.can_undo(), &mut out);
            if let Some(t) = undo {
                ui.weak(t);
            }
            item(ui, UiCommand::Redo, h.can_redo(), &mut out);
            if let Some(t) = redo {
                ui.weak(t);
            }
            ui.separator();
            for cmd in [
                UiCommand::FindInArticle,
                UiCommand::FindNext,
                UiCommand::FindPrevious,
            ] {
                item(ui, cmd, true, &mut out);
            }
        });
        ui.menu_button("Claim", |ui| {
            item(ui, UiCommand::MarkClaim, app.selection.is_some(), &mut out);
            item(ui, UiCommand::MarkSentence, app.cursor.is_some(), &mut out);
            ui.separator();
            for cmd in [
                UiCommand::TagSourced,
                UiCommand::TagDisputed,
                UiCommand::TagDenied,
                UiCommand::TagUnreviewed,
                UiCommand::DeleteClaim,
                UiCommand::ToggleSignOff,
            ] {
                item(ui, cmd, has_claim, &mut out);
            }
            ui.separator();
            item(ui, UiCommand::NextClaim, true, &mut out);
            item(ui, UiCommand::NextUnreviewed, true, &mut out);
            item(ui, UiCommand::NextConflict, true, &mut out);
            item(ui, UiCommand::PreviousClaim, true, &mut out);
            item(ui, UiCommand::ExtendSelectionDown, has_claim, &mut out);
            item(ui, UiCommand::ExtendSelectionUp, has_claim, &mut out);
            item(ui, UiCommand::SelectAllListed, true, &mut out);
            item(ui, UiCommand::FocusSearch, true, &mut out);
            ui.separator();
            item(ui, UiCommand::ToggleSuggestions, true, &mut out);
            let open = app.suggest.open;
            for cmd in [
                UiCommand::NextSuggestion,
                UiCommand::PreviousSuggestion,
                UiCommand::AcceptSuggestion,
                UiCommand::AcceptAllSuggestions,
                UiCommand::RejectSuggestion,
                UiCommand::RejectAllSuggestions,
            ] {
                item(ui, cmd, open, &mut out);
            }
        });
        ui.menu_button("View", |ui| {
            let mut snap = app.settings.snap_to_words;
            if ui
                .checkbox(&mut snap, UiCommand::ToggleSnap.label())
                .on_hover_text(UiCommand::ToggleSnap.tooltip())
                .clicked()
            {
                out.push(Intent::Run(UiCommand::ToggleSnap));
            }
            item(ui, UiCommand::ToggleTheme, true, &mut out);
            item(ui, UiCommand::ZoomIn, true, &mut out);
            item(ui, UiCommand::ZoomOut, true, &mut out);
            item(ui, UiCommand::ZoomReset, true, &mut out);
            item(ui, UiCommand::ToggleStats, true, &mut out);
            ui.separator();
            item(ui, UiCommand::CommandPalette, true, &mut out);
        });
        ui.menu_button("Help", |ui| {
            item(ui, UiCommand::CheatSheet, true, &mut out);
            item(ui, UiCommand::About, true, &mut out);
            ui.weak(format!("factdesk {}", env!("CARGO_PKG_VERSION")));
        });
    });
    out
}
