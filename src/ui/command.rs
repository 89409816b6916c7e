//! Every user command in one enum: its label, tooltip and key binding. Menus, keyboard shortcuts,
//! the cheat sheet and the command palette all read this table, so they cannot disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command a person can run from a menu, a shortcut or the command palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiCommand {
    NewProject,
    OpenProject,
    SaveProject,
    SaveProjectAs,
    AddArticles,
    Quit,
    Undo,
    Redo,
    MarkClaim,
    MarkSentence,
    TagSourced,
    TagDisputed,
    TagDenied,
    TagUnreviewed,
    DeleteClaim,
    NextClaim,
    PreviousClaim,
    FocusSearch,
    ToggleSnap,
    ToggleTheme,
    CheatSheet,
    CommandPalette,
    Export,
    Settings,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    NextUnreviewed,
    ToggleStats,
    About,
    ToggleSignOff,
    NextConflict,
    CompareProject,
    PasteArticle,
    ExtendSelectionDown,
    ExtendSelectionUp,
    SelectAllListed,
    ToggleSuggestions,
    NextSuggestion,
    PreviousSuggestion,
    AcceptSuggestion,
    AcceptAllSuggestions,
    RejectSuggestion,
    RejectAllSuggestions,
    FindInArticle,
    FindNext,
    FindPrevious,
}

fn ks(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

impl UiCommand {
    pub const ALL: [UiCommand; 47] = [
        UiCommand::NewProject,
        UiCommand::OpenProject,
        UiCommand::SaveProject,
        UiCommand::SaveProjectAs,
        UiCommand::AddArticles,
        UiCommand::Quit,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::MarkClaim,
        UiCommand::MarkSentence,
        UiCommand::TagSourced,
        UiCommand::TagDisputed,
        UiCommand::TagDenied,
        UiCommand::TagUnreviewed,
        UiCommand::DeleteClaim,
        UiCommand::NextClaim,
        UiCommand::PreviousClaim,
        UiCommand::FocusSearch,
        UiCommand::ToggleSnap,
        UiCommand::ToggleTheme,
        UiCommand::CheatSheet,
        UiCommand::CommandPalette,
        UiCommand::Export,
        UiCommand::Settings,
        UiCommand::ZoomIn,
        UiCommand::ZoomOut,
        UiCommand::ZoomReset,
        UiCommand::NextUnreviewed,
        UiCommand::ToggleStats,
        UiCommand::About,
        UiCommand::ToggleSignOff,
        UiCommand::NextConflict,
        UiCommand::CompareProject,
        UiCommand::PasteArticle,
        UiCommand::ExtendSelectionDown,
        UiCommand::ExtendSelectionUp,
        UiCommand::SelectAllListed,
        UiCommand::ToggleSuggestions,
        UiCommand::NextSuggestion,
        UiCommand::PreviousSuggestion,
        UiCommand::AcceptSuggestion,
        UiCommand::AcceptAllSuggestions,
        UiCommand::RejectSuggestion,
        UiCommand::RejectAllSuggestions,
        UiCommand::FindInArticle,
        UiCommand::FindNext,
        UiCommand::FindPrevious,
    ];

    pub fn label(self) -> &'static str {
        match self {
            UiCommand::NewProject => "New project",
            UiCommand::OpenProject => "Open project…",
            UiCommand::SaveProject => "Save",
            UiCommand::SaveProjectAs => "Save as…",
            UiCommand::AddArticles => "Add articles…",
            UiCommand::Quit => "Quit",
            UiCommand::Undo => "Undo",
            UiCommand::Redo => "Redo",
            UiCommand::MarkClaim => "Mark claim",
            UiCommand::MarkSentence => "Mark sentence",
            UiCommand::TagSourced => "Tag sourced",
            UiCommand::TagDisputed => "Tag disputed",
            UiCommand::TagDenied => "Tag denied",
            UiCommand::TagUnreviewed => "Tag unreviewed",
            UiCommand::DeleteClaim => "Delete claim",
            UiCommand::NextClaim => "Next claim",
            UiCommand::PreviousClaim => "Previous claim",
            UiCommand::FocusSearch => "Search claims",
            UiCommand::ToggleSnap => "Snap to words",
            UiCommand::ToggleTheme => "Light / dark theme",
            UiCommand::CheatSheet => "Keyboard shortcuts",
            UiCommand::CommandPalette => "Command palette",
            UiCommand::Export => "Export claims…",
            UiCommand::Settings => "Settings…",
            UiCommand::ZoomIn => "Zoom in",
            UiCommand::ZoomOut => "Zoom out",
            UiCommand::ZoomReset => "Reset zoom",
            UiCommand::NextUnreviewed => "Next unreviewed claim",
            UiCommand::ToggleStats => "Statistics",
            UiCommand::About => "About factdesk",
            UiCommand::ToggleSignOff => "Sign off claim",
            UiCommand::NextConflict => "Next conflict",
            UiCommand::CompareProject => "Compare with another annotator…",
            UiCommand::PasteArticle => "New article from clipboard",
            UiCommand::ExtendSelectionDown => "Extend selection down",
            UiCommand::ExtendSelectionUp => "Extend selection up",
            UiCommand::SelectAllListed => "Select all listed claims",
            UiCommand::ToggleSuggestions => "Suggest claims",
            UiCommand::NextSuggestion => "Next suggestion",
            UiCommand::PreviousSuggestion => "Previous suggestion",
            UiCommand::AcceptSuggestion => "Accept suggestion",
            UiCommand::AcceptAllSuggestions => "Accept all visible",
            UiCommand::RejectSuggestion => "Reject suggestion",
            UiCommand::RejectAllSuggestions => "Reject all visible",
            UiCommand::FindInArticle => "Find in article",
            UiCommand::FindNext => "Find next",
            UiCommand::FindPrevious => "Find previous",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            UiCommand::NewProject => "Start an empty project",
            UiCommand::OpenProject => "Open a project file (.ron)",
            UiCommand::SaveProject => "Save the project to its file",
            UiCommand::SaveProjectAs => "Save the project to a new file",
            UiCommand::AddArticles => {
                "Add text, Markdown or HTML files as articles (or drop files on the window)"
            }
            UiCommand::Quit => "Close factdesk",
            UiCommand::Undo => "Undo the last edit",
            UiCommand::Redo => "Redo the last undone edit",
            UiCommand::MarkClaim => "Mark the selected text as a claim",
            UiCommand::MarkSentence => "Mark the sentence at the text cursor as a claim",
            UiCommand::TagSourced => "Backed by a source you checked",
            UiCommand::TagDisputed => "Contradicted by another party, or unconfirmed",
            UiCommand::TagDenied => "Denied by the party it concerns",
            UiCommand::TagUnreviewed => "Back to unreviewed",
            UiCommand::DeleteClaim => "Delete the selected claim",
            UiCommand::NextClaim => "Select the next claim in the list",
            UiCommand::PreviousClaim => "Select the previous claim in the list",
            UiCommand::FocusSearch => "Type to filter the claim list",
            UiCommand::ToggleSnap => "Widen marked text to whole words",
            UiCommand::ToggleTheme => "Switch between the light and the dark theme",
            UiCommand::CheatSheet => "Show every command and its shortcut",
            UiCommand::CommandPalette => "Find and run any command by name",
            UiCommand::Export => "Write the reviewed claims to CSV, JSON, ClaimReview, a report…",
            UiCommand::Settings => "Theme, zoom, colours, analyst name, reviewing organisation",
            UiCommand::ZoomIn => "Make everything larger",
            UiCommand::ZoomOut => "Make everything smaller",
            UiCommand::ZoomReset => "Back to 100 %",
            UiCommand::NextUnreviewed => {
                "Select the next unreviewed claim, across articles, wrapping round"
            }
            UiCommand::ToggleStats => "Show or hide review progress and claim statistics",
            UiCommand::About => "Version, file locations and licence",
            UiCommand::ToggleSignOff => {
                "Sign the selected claim off as reviewed by you, or remove the sign-off"
            }
            UiCommand::NextConflict => "Select the next claim with a merge conflict",
            UiCommand::CompareProject => {
                "Compare with another analyst's project of the same articles"
            }
            UiCommand::PasteArticle => {
                "Make an article of the text on the clipboard (Ctrl+V outside text fields too)"
            }
            UiCommand::ExtendSelectionDown => "Add the next claim of the list to the selection",
            UiCommand::ExtendSelectionUp => "Add the previous claim of the list to the selection",
            UiCommand::SelectAllListed => {
                "Select every claim the list shows, to tag or delete them together"
            }
            UiCommand::ToggleSuggestions => {
                "Show or hide the claims factdesk proposes for this article"
            }
            UiCommand::NextSuggestion => "Go to the next suggestion",
            UiCommand::PreviousSuggestion => "Go to the previous suggestion",
            UiCommand::AcceptSuggestion => "Make the current suggestion a claim, with its speaker",
            UiCommand::AcceptAllSuggestions => {
                "Make every listed suggestion a claim (one undo step)"
            }
            UiCommand::RejectSuggestion => "Drop the current suggestion; it is not proposed again",
            UiCommand::RejectAllSuggestions => {
                "Drop every listed suggestion; they are not proposed again (one undo step)"
            }
            UiCommand::FindInArticle => "Find text in the article (case and accents ignored)",
            UiCommand::FindNext => "Go to the next match",
            UiCommand::FindPrevious => "Go to the previous match",
        }
    }

    /// Key bindings; the first is the one shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            UiCommand::NewProject => vec![ks(CMD, Key::N)],
            UiCommand::OpenProject => vec![ks(CMD, Key::O)],
            UiCommand::SaveProject => vec![ks(CMD, Key::S)],
            UiCommand::SaveProjectAs => vec![ks(CMD_SHIFT, Key::S)],
            UiCommand::AddArticles => vec![ks(CMD_SHIFT, Key::O)],
            UiCommand::Quit => vec![ks(CMD, Key::Q)],
            UiCommand::Undo => vec![ks(CMD, Key::Z)],
            UiCommand::Redo => vec![ks(CMD_SHIFT, Key::Z), ks(CMD, Key::Y)],
            UiCommand::MarkClaim => vec![ks(NONE, Key::M)],
            UiCommand::MarkSentence => vec![ks(SHIFT, Key::M)],
            UiCommand::TagSourced => vec![ks(NONE, Key::Num1)],
            UiCommand::TagDisputed => vec![ks(NONE, Key::Num2)],
            UiCommand::TagDenied => vec![ks(NONE, Key::Num3)],
            UiCommand::TagUnreviewed => vec![ks(NONE, Key::Num0)],
            UiCommand::DeleteClaim => vec![ks(NONE, Key::Delete)],
            UiCommand::NextClaim => vec![ks(NONE, Key::J)],
            UiCommand::PreviousClaim => vec![ks(NONE, Key::K)],
            UiCommand::FocusSearch => vec![ks(CMD_SHIFT, Key::F)],
            UiCommand::ToggleSnap => vec![],
            UiCommand::ToggleTheme => vec![],
            UiCommand::CheatSheet => vec![ks(NONE, Key::F1)],
            UiCommand::CommandPalette => vec![ks(CMD_SHIFT, Key::P)],
            UiCommand::Export => vec![ks(CMD, Key::E)],
            UiCommand::Settings => vec![ks(CMD, Key::Comma)],
            UiCommand::ZoomIn => vec![ks(CMD, Key::Plus), ks(CMD, Key::Equals)],
            UiCommand::ZoomOut => vec![ks(CMD, Key::Minus)],
            UiCommand::ZoomReset => vec![ks(CMD, Key::Num0)],
            UiCommand::NextUnreviewed => vec![ks(NONE, Key::U)],
            UiCommand::ToggleStats => vec![ks(NONE, Key::F9)],
            UiCommand::About => vec![],
            UiCommand::ToggleSignOff => vec![ks(NONE, Key::V)],
            UiCommand::NextConflict => vec![ks(CMD, Key::J)],
            UiCommand::CompareProject => vec![],
            UiCommand::PasteArticle => vec![ks(CMD_SHIFT, Key::V)],
            UiCommand::ExtendSelectionDown => vec![ks(SHIFT, Key::J)],
            UiCommand::ExtendSelectionUp => vec![ks(SHIFT, Key::K)],
            UiCommand::SelectAllListed => vec![ks(CMD_SHIFT, Key::A)],
            UiCommand::ToggleSuggestions => vec![ks(CMD, Key::G)],
            UiCommand::NextSuggestion => vec![ks(NONE, Key::N)],
            UiCommand::PreviousSuggestion => vec![ks(SHIFT, Key::N)],
            UiCommand::AcceptSuggestion => vec![ks(NONE, Key::A)],
            UiCommand::AcceptAllSuggestions => vec![ks(SHIFT, Key::A)],
            UiCommand::RejectSuggestion => vec![ks(NONE, Key::R)],
            UiCommand::RejectAllSuggestions => vec![ks(SHIFT, Key::R)],
            UiCommand::FindInArticle => vec![ks(CMD, Key::F)],
            UiCommand::FindNext => vec![ks(NONE, Key::F3)],
            UiCommand::FindPrevious => vec![ks(SHIFT, Key::F3)],
        }
    }

    /// A shortcut without Ctrl/Cmd would type a character: it only works while no field is edited.
    /// Function keys type nothing, so they work everywhere.
    fn is_plain(shortcut: &KeyboardShortcut) -> bool {
        let function_key = matches!(
            shortcut.logical_key,
            Key::F1 | Key::F2 | Key::F3 | Key::F4 | Key::F5 | Key::F6 | Key::F9
        );
        !shortcut.modifiers.command && !shortcut.modifiers.ctrl && !function_key
    }

    /// The primary shortcut as text ("Ctrl+S"), in the platform's notation.
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| ctx.format_shortcut(s))
    }

    /// All shortcuts as text, e.g. "Ctrl+Shift+Z, Ctrl+Y".
    pub fn all_shortcuts_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A menu entry for this command; true when clicked.
    pub fn menu_item(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        let mut button = egui::Button::new(self.label());
        if let Some(text) = self.shortcut_text(ui.ctx()) {
            button = button.shortcut_text(text);
        }
        ui.add_enabled(enabled, button)
            .on_hover_text(self.tooltip())
            .clicked()
    }

    /// The shortcut table of `docs/GUI.md` (PC key names; Ctrl is Cmd on a Mac).
    pub fn markdown_table() -> String {
        let mut out = String::from("| Command | Shortcut | What it does |\n|---|---|---|\n");
        for cmd in UiCommand::ALL {
            let keys: Vec<String> = cmd
                .shortcuts()
                .iter()
                .map(|s| format!("`{}`", s.format(&egui::ModifierNames::NAMES, false)))
                .collect();
            let keys = if keys.is_empty() {
                "(menu, palette)".to_string()
            } else {
                keys.join(" or ")
            };
            out.push_str(&format!(
                "| {} | {keys} | {} |\n",
                cmd.label(),
                cmd.tooltip()
            ));
        }
        out
    }

    /// Consumes the key presses of this frame that trigger commands. With `typing`, shortcuts
    /// without Ctrl/Cmd are left to the text field.
    pub fn from_input(ctx: &egui::Context, typing: bool) -> Vec<UiCommand> {
        let mut bindings: Vec<(UiCommand, KeyboardShortcut)> = UiCommand::ALL
            .iter()
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (*c, s)))
            .filter(|(_, s)| !(typing && Self::is_plain(s)))
            .collect();
        // Ctrl+Shift+Z must be tried before Ctrl+Z, Shift+M before M.
        bindings.sort_by_key(|(_, s)| {
            std::cmp::Reverse(
                usize::from(s.modifiers.shift)
                    + usize::from(s.modifiers.command || s.modifiers.ctrl)
                    + usize::from(s.modifiers.alt),
            )
        });
        let mut out = Vec::new();
        ctx.input_mut(|i| {
            for (cmd, s) in &bindings {
                if i.consume_shortcut(s) && !out.contains(cmd) {
                    out.push(*cmd);
                }
            }
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_guide_has_the_current_shortcut_table() {
        let guide = include_str!("../../docs/GUI.md");
        let table = UiCommand::markdown_table();
        assert!(
            guide.contains(&table),
            "docs/GUI.md is out of date; its shortcut table should be:\n{table}"
        );
    }

    #[test]
    fn labels_and_shortcuts_are_unique() {
        let labels: HashSet<_> = UiCommand::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(labels.len(), UiCommand::ALL.len());
        let mut seen = HashSet::new();
        for c in UiCommand::ALL {
            for s in c.shortcuts() {
                assert!(seen.insert((s.modifiers.command, s.modifiers.shift, s.logical_key)));
            }
            assert!(!c.tooltip().is_empty());
        }
    }
}
