//! Every user command in one table: `UiCommand::spec` gives its label, tooltip, key bindings and
//! place in the menus. The menu bar, keyboard shortcuts, the cheat sheet (with its line of plain
//! keys), the command palette and the shortcut table of docs/GUI.md are all made from it, so they
//! cannot disagree.

use crate::core::model::Status;
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
    /// Sets the status of the selected claims.
    Tag(Status),
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
    ToggleArticlesPanel,
    ToggleClaimPanel,
    LibrarySpeakers,
    IndexLibraryFolder,
    UpdateLibrary,
    AddArticleFromUrl,
    CaptureAllSources,
    CaptureAllProjectSources,
}

/// The menus of the menu bar, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Menu {
    File,
    Edit,
    Claim,
    View,
    Help,
}

impl Menu {
    pub const ALL: [Menu; 5] = [Menu::File, Menu::Edit, Menu::Claim, Menu::View, Menu::Help];

    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::Claim => "Claim",
            Menu::View => "View",
            Menu::Help => "Help",
        }
    }
}

/// Everything the app shows or binds for one command.
#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    /// The name on buttons and menu entries (also the accessible name).
    pub label: &'static str,
    /// What it does, in a sentence.
    pub tooltip: &'static str,
    /// Key bindings; the first is the one shown in menus.
    pub keys: &'static [KeyboardShortcut],
    /// The menu and the section of it (separated by a line) the command is listed in; within a
    /// section, commands come in the order of [`UiCommand::ALL`].
    pub menu: (Menu, u8),
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

/// A shortcut as a struct literal, so a list of them is a `'static` constant.
macro_rules! ks {
    ($modifiers:expr, $key:expr) => {
        KeyboardShortcut {
            modifiers: $modifiers,
            logical_key: $key,
        }
    };
}

const fn spec(
    label: &'static str,
    tooltip: &'static str,
    keys: &'static [KeyboardShortcut],
    menu: (Menu, u8),
) -> CommandSpec {
    CommandSpec {
        label,
        tooltip,
        keys,
        menu,
    }
}

impl UiCommand {
    /// Every command, in menu order (menu by menu, top to bottom): the order of the cheat sheet,
    /// the palette and the shortcut table too.
    pub const ALL: [UiCommand; 55] = [
        UiCommand::NewProject,
        UiCommand::OpenProject,
        UiCommand::SaveProject,
        UiCommand::SaveProjectAs,
        UiCommand::AddArticles,
        UiCommand::AddArticleFromUrl,
        UiCommand::CompareProject,
        UiCommand::Export,
        UiCommand::Settings,
        UiCommand::PasteArticle,
        UiCommand::Quit,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::FindInArticle,
        UiCommand::FindNext,
        UiCommand::FindPrevious,
        UiCommand::MarkClaim,
        UiCommand::MarkSentence,
        UiCommand::Tag(Status::REVIEWED_FIRST[0]),
        UiCommand::Tag(Status::REVIEWED_FIRST[1]),
        UiCommand::Tag(Status::REVIEWED_FIRST[2]),
        UiCommand::Tag(Status::REVIEWED_FIRST[3]),
        UiCommand::DeleteClaim,
        UiCommand::ToggleSignOff,
        UiCommand::NextClaim,
        UiCommand::NextUnreviewed,
        UiCommand::NextConflict,
        UiCommand::PreviousClaim,
        UiCommand::ExtendSelectionDown,
        UiCommand::ExtendSelectionUp,
        UiCommand::SelectAllListed,
        UiCommand::FocusSearch,
        UiCommand::ToggleSuggestions,
        UiCommand::NextSuggestion,
        UiCommand::PreviousSuggestion,
        UiCommand::AcceptSuggestion,
        UiCommand::AcceptAllSuggestions,
        UiCommand::RejectSuggestion,
        UiCommand::RejectAllSuggestions,
        UiCommand::LibrarySpeakers,
        UiCommand::IndexLibraryFolder,
        UiCommand::UpdateLibrary,
        UiCommand::CaptureAllSources,
        UiCommand::CaptureAllProjectSources,
        UiCommand::ToggleSnap,
        UiCommand::ToggleTheme,
        UiCommand::ZoomIn,
        UiCommand::ZoomOut,
        UiCommand::ZoomReset,
        UiCommand::ToggleStats,
        UiCommand::ToggleArticlesPanel,
        UiCommand::ToggleClaimPanel,
        UiCommand::CommandPalette,
        UiCommand::CheatSheet,
        UiCommand::About,
    ];

    /// The command's entry in the table.
    pub const fn spec(self) -> CommandSpec {
        use Menu::{Claim, Edit, File, Help, View};
        match self {
            UiCommand::NewProject => spec(
                "New project",
                "Start an empty project",
                &[ks!(CMD, Key::N)],
                (File, 0),
            ),
            UiCommand::OpenProject => spec(
                "Open project…",
                "Open a project file (.ron)",
                &[ks!(CMD, Key::O)],
                (File, 0),
            ),
            UiCommand::SaveProject => spec(
                "Save",
                "Save the project to its file",
                &[ks!(CMD, Key::S)],
                (File, 1),
            ),
            UiCommand::SaveProjectAs => spec(
                "Save as…",
                "Save the project to a new file",
                &[ks!(CMD_SHIFT, Key::S)],
                (File, 1),
            ),
            UiCommand::AddArticles => spec(
                "Add articles…",
                "Add text, Markdown or HTML files as articles (or drop files on the window)",
                &[ks!(CMD_SHIFT, Key::O)],
                (File, 2),
            ),
            UiCommand::CompareProject => spec(
                "Compare with another annotator…",
                "Compare with another analyst's project of the same articles",
                &[],
                (File, 2),
            ),
            UiCommand::Export => spec(
                "Export claims…",
                "Write the reviewed claims to CSV, JSON, ClaimReview, a report…",
                &[ks!(CMD, Key::E)],
                (File, 2),
            ),
            UiCommand::Settings => spec(
                "Settings…",
                "Theme, zoom, colours, analyst name, reviewing organisation",
                &[ks!(CMD, Key::Comma)],
                (File, 3),
            ),
            UiCommand::PasteArticle => spec(
                "New article from clipboard",
                "Make an article of the text on the clipboard (Ctrl+V outside text fields too)",
                &[ks!(CMD_SHIFT, Key::V)],
                (File, 3),
            ),
            UiCommand::Quit => spec("Quit", "Close factdesk", &[ks!(CMD, Key::Q)], (File, 4)),
            UiCommand::Undo => spec("Undo", "Undo the last edit", &[ks!(CMD, Key::Z)], (Edit, 0)),
            UiCommand::Redo => spec(
                "Redo",
                "Redo the last undone edit",
                &[ks!(CMD_SHIFT, Key::Z), ks!(CMD, Key::Y)],
                (Edit, 0),
            ),
            UiCommand::FindInArticle => spec(
                "Find in article",
                "Find text in the article (case and accents ignored)",
                &[ks!(CMD, Key::F)],
                (Edit, 1),
            ),
            UiCommand::FindNext => spec(
                "Find next",
                "Go to the next match",
                &[ks!(NONE, Key::F3)],
                (Edit, 1),
            ),
            UiCommand::FindPrevious => spec(
                "Find previous",
                "Go to the previous match",
                &[ks!(SHIFT, Key::F3)],
                (Edit, 1),
            ),
            UiCommand::MarkClaim => spec(
                "Mark claim",
                "Mark the selected text as a claim",
                &[ks!(NONE, Key::M)],
                (Claim, 0),
            ),
            UiCommand::MarkSentence => spec(
                "Mark sentence",
                "Mark the sentence at the text cursor as a claim",
                &[ks!(SHIFT, Key::M)],
                (Claim, 0),
            ),
            UiCommand::Tag(status) => tag_spec(status),
            UiCommand::DeleteClaim => spec(
                "Delete claim",
                "Delete the selected claim",
                &[ks!(NONE, Key::Delete)],
                (Claim, 1),
            ),
            UiCommand::ToggleSignOff => spec(
                "Sign off claim",
                "Sign the selected claim off as reviewed by you, or remove the sign-off",
                &[ks!(NONE, Key::V)],
                (Claim, 1),
            ),
            UiCommand::NextClaim => spec(
                "Next claim",
                "Select the next claim in the list",
                &[ks!(NONE, Key::J)],
                (Claim, 2),
            ),
            UiCommand::NextUnreviewed => spec(
                "Next unreviewed claim",
                "Select the next unreviewed claim, across articles, wrapping round",
                &[ks!(NONE, Key::U)],
                (Claim, 2),
            ),
            UiCommand::NextConflict => spec(
                "Next conflict",
                "Select the next claim with a merge conflict",
                &[ks!(CMD, Key::J)],
                (Claim, 2),
            ),
            UiCommand::PreviousClaim => spec(
                "Previous claim",
                "Select the previous claim in the list",
                &[ks!(NONE, Key::K)],
                (Claim, 2),
            ),
            UiCommand::ExtendSelectionDown => spec(
                "Extend selection down",
                "Add the next claim of the list to the selection",
                &[ks!(SHIFT, Key::J)],
                (Claim, 2),
            ),
            UiCommand::ExtendSelectionUp => spec(
                "Extend selection up",
                "Add the previous claim of the list to the selection",
                &[ks!(SHIFT, Key::K)],
                (Claim, 2),
            ),
            UiCommand::SelectAllListed => spec(
                "Select all listed claims",
                "Select every claim the list shows, to tag or delete them together",
                &[ks!(CMD_SHIFT, Key::A)],
                (Claim, 2),
            ),
            UiCommand::FocusSearch => spec(
                "Search claims",
                "Type to filter the claim list",
                &[ks!(CMD_SHIFT, Key::F)],
                (Claim, 2),
            ),
            UiCommand::ToggleSuggestions => spec(
                "Suggest claims",
                "Show or hide the claims factdesk proposes for this article",
                &[ks!(CMD, Key::G)],
                (Claim, 3),
            ),
            UiCommand::NextSuggestion => spec(
                "Next suggestion",
                "Go to the next suggestion",
                &[ks!(NONE, Key::N)],
                (Claim, 3),
            ),
            UiCommand::PreviousSuggestion => spec(
                "Previous suggestion",
                "Go to the previous suggestion",
                &[ks!(SHIFT, Key::N)],
                (Claim, 3),
            ),
            UiCommand::AcceptSuggestion => spec(
                "Accept suggestion",
                "Make the current suggestion a claim, with its speaker",
                &[ks!(NONE, Key::A)],
                (Claim, 3),
            ),
            UiCommand::AcceptAllSuggestions => spec(
                "Accept all visible",
                "Make every listed suggestion a claim (one undo step)",
                &[ks!(SHIFT, Key::A)],
                (Claim, 3),
            ),
            UiCommand::RejectSuggestion => spec(
                "Reject suggestion",
                "Drop the current suggestion; it is not proposed again",
                &[ks!(NONE, Key::R)],
                (Claim, 3),
            ),
            UiCommand::RejectAllSuggestions => spec(
                "Reject all visible",
                "Drop every listed suggestion; they are not proposed again (one undo step)",
                &[ks!(SHIFT, Key::R)],
                (Claim, 3),
            ),
            UiCommand::LibrarySpeakers => spec(
                "Claim library: speakers…",
                "Everything each speaker said across the claim library, with statuses and verdicts",
                &[],
                (Claim, 4),
            ),
            UiCommand::IndexLibraryFolder => spec(
                "Claim library: index a folder…",
                "Add a folder of projects to the claim library that \"Seen before\" searches",
                &[],
                (Claim, 4),
            ),
            UiCommand::UpdateLibrary => spec(
                "Claim library: update index",
                "Read the library's folders again: new and changed projects in, deleted ones out",
                &[],
                (Claim, 4),
            ),
            UiCommand::AddArticleFromUrl => spec(
                "Add article from URL…",
                "Fetch a web page and add it as an article; the page as fetched is kept as evidence",
                &[],
                (File, 2),
            ),
            UiCommand::CaptureAllSources => spec(
                "Capture all sources",
                "Keep a copy of every source cited by this article's claims that has none yet",
                &[],
                (Claim, 5),
            ),
            UiCommand::CaptureAllProjectSources => spec(
                "Capture all sources in the project",
                "Keep a copy of every source cited by any claim in the project that has none yet",
                &[],
                (Claim, 5),
            ),
            UiCommand::ToggleSnap => spec(
                "Snap to words",
                "Widen marked text to whole words",
                &[],
                (View, 0),
            ),
            UiCommand::ToggleTheme => spec(
                "Light / dark theme",
                "Switch between the light and the dark theme",
                &[],
                (View, 0),
            ),
            UiCommand::ZoomIn => spec(
                "Zoom in",
                "Make everything larger",
                &[ks!(CMD, Key::Plus), ks!(CMD, Key::Equals)],
                (View, 0),
            ),
            UiCommand::ZoomOut => spec(
                "Zoom out",
                "Make everything smaller",
                &[ks!(CMD, Key::Minus)],
                (View, 0),
            ),
            UiCommand::ZoomReset => spec(
                "Reset zoom",
                "Back to 100 %",
                &[ks!(CMD, Key::Num0)],
                (View, 0),
            ),
            UiCommand::ToggleStats => spec(
                "Statistics",
                "Show or hide review progress and claim statistics",
                &[ks!(NONE, Key::F9)],
                (View, 0),
            ),
            UiCommand::ToggleArticlesPanel => spec(
                "Articles list",
                "Show or hide the list of articles at the left (it also folds away by itself when the window is narrow)",
                &[ks!(CMD_SHIFT, Key::L)],
                (View, 1),
            ),
            UiCommand::ToggleClaimPanel => spec(
                "Claim panel",
                "Show or hide the claim panel at the right (it also folds away by itself when the window is very narrow)",
                &[ks!(CMD_SHIFT, Key::R)],
                (View, 1),
            ),
            UiCommand::CommandPalette => spec(
                "Command palette",
                "Find and run any command by name",
                &[ks!(CMD_SHIFT, Key::P)],
                (View, 1),
            ),
            UiCommand::CheatSheet => spec(
                "Keyboard shortcuts",
                "Show every command and its shortcut",
                &[ks!(NONE, Key::F1)],
                (Help, 0),
            ),
            UiCommand::About => spec(
                "About factdesk",
                "Version, file locations and licence",
                &[],
                (Help, 0),
            ),
        }
    }

    pub fn label(self) -> &'static str {
        self.spec().label
    }

    pub fn tooltip(self) -> &'static str {
        self.spec().tooltip
    }

    /// Key bindings; the first is the one shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        self.spec().keys
    }

    /// The commands of one section of a menu, in table order.
    pub fn in_menu(menu: Menu, section: u8) -> impl Iterator<Item = UiCommand> {
        UiCommand::ALL
            .into_iter()
            .filter(move |c| c.spec().menu == (menu, section))
    }

    /// The sections of a menu, top to bottom.
    pub fn menu_sections(menu: Menu) -> Vec<u8> {
        let mut sections: Vec<u8> = UiCommand::ALL
            .iter()
            .map(|c| c.spec().menu)
            .filter(|(m, _)| *m == menu)
            .map(|(_, s)| s)
            .collect();
        sections.sort_unstable();
        sections.dedup();
        sections
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

    /// Every plain-key shortcut (see [`Self::is_plain`]) written by `format`, in table order:
    /// "M, Shift+M, 1…".
    pub fn plain_keys_text(format: impl Fn(&KeyboardShortcut) -> String) -> String {
        UiCommand::ALL
            .iter()
            .flat_map(|c| c.shortcuts())
            .filter(|s| Self::is_plain(s))
            .map(format)
            .collect::<Vec<_>>()
            .join(", ")
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
        let mut bindings: Vec<(UiCommand, &KeyboardShortcut)> = UiCommand::ALL
            .iter()
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*c, s)))
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

/// The tag commands: one per status, each with its digit key (reviewed statuses 1, 2, 3…;
/// unreviewed 0).
const fn tag_spec(status: Status) -> CommandSpec {
    let (label, tooltip, keys): (&str, &str, &[KeyboardShortcut]) = match status {
        Status::Sourced => (
            "Tag sourced",
            "Backed by a source you checked",
            &[ks!(NONE, Key::Num1)],
        ),
        Status::Disputed => (
            "Tag disputed",
            "Contradicted by another party, or unconfirmed",
            &[ks!(NONE, Key::Num2)],
        ),
        Status::Denied => (
            "Tag denied",
            "Denied by the party it concerns",
            &[ks!(NONE, Key::Num3)],
        ),
        Status::Unreviewed => (
            "Tag unreviewed",
            "Back to unreviewed",
            &[ks!(NONE, Key::Num0)],
        ),
    };
    spec(label, tooltip, keys, (Menu::Claim, 1))
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

    #[test]
    fn every_status_has_its_tag_command_listed() {
        for s in Status::ALL {
            assert!(UiCommand::ALL.contains(&UiCommand::Tag(s)), "{s}");
        }
        let commands: HashSet<_> = UiCommand::ALL.into_iter().collect();
        assert_eq!(
            commands.len(),
            UiCommand::ALL.len(),
            "a command listed twice"
        );
    }

    #[test]
    fn each_menu_lists_its_commands_in_sections_that_follow_the_table() {
        let mut listed = Vec::new();
        for menu in Menu::ALL {
            for section in UiCommand::menu_sections(menu) {
                listed.extend(UiCommand::in_menu(menu, section));
            }
        }
        assert_eq!(listed, UiCommand::ALL, "ALL is in menu order");
    }

    #[test]
    fn the_plain_keys_line_names_every_plain_key() {
        let text = UiCommand::plain_keys_text(|s| s.format(&egui::ModifierNames::NAMES, false));
        for key in [
            "M", "1", "0", "Delete", "J", "K", "U", "V", "N", "A", "R", "Shift+J",
        ] {
            assert!(
                text.split(", ").any(|k| k == key),
                "{key} missing in {text}"
            );
        }
        assert!(!text.contains("Ctrl"), "{text}");
        assert!(!text.contains("F1"), "{text}");
    }
}
