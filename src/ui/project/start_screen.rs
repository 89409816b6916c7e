//! The start screen in the centre of the window: recent projects and the ways to begin (open,
//! new, the sample, add or paste articles). Shown at start when there is no project to reopen and
//! after File › New, until a project is opened or an article is added.

use crate::ui::command::UiCommand;
use crate::ui::intent::Intent;
use crate::ui::view::OpenProject;

/// Draws the start screen when `shown`; false when the article should be drawn instead (the
/// screen closes for good once the project has an article).
pub fn show_if_open(
    ui: &mut egui::Ui,
    open: &OpenProject,
    shown: &mut bool,
    out: &mut Vec<Intent>,
) -> bool {
    if !*shown || !open.project().articles.is_empty() {
        *shown = false;
        return false;
    }
    egui::ScrollArea::vertical()
        .id_salt("start_screen")
        .show(ui, |ui| {
            ui.add_space(16.0);
            ui.heading("Welcome to factdesk");
            ui.label("Mark the claims of news articles, tag them and export what you checked.");
            ui.add_space(12.0);
            ui.horizontal_wrapped(|ui| {
                for cmd in [
                    UiCommand::OpenProject,
                    UiCommand::NewProject,
                    UiCommand::AddArticles,
                    UiCommand::AddArticleFromUrl,
                    UiCommand::PasteArticle,
                ] {
                    let hint = match cmd.shortcut_text(ui.ctx()) {
                        Some(keys) => format!("{} ({keys})", cmd.tooltip()),
                        None => cmd.tooltip().to_string(),
                    };
                    if ui.button(cmd.label()).on_hover_text(hint).clicked() {
                        out.push(Intent::Run(cmd));
                    }
                }
                if ui
                    .button("Open the sample project")
                    .on_hover_text("An annotated AFP article, as an unsaved copy")
                    .clicked()
                {
                    out.push(Intent::OpenSample);
                }
            });
            ui.add_space(16.0);
            ui.strong("Recent projects");
            if open.settings.recent.is_empty() {
                ui.weak("None yet: projects you open or save appear here.");
            }
            for path in &open.settings.recent {
                if recent_row(ui, path, out) {
                    out.push(Intent::ForgetRecent(path.clone()));
                }
            }
            ui.add_space(16.0);
            ui.weak(
                "Tip: drop text, Markdown or HTML files on the window, or press Ctrl+V to paste \
                 an article.",
            );
        });
    true
}

/// One recent project; true when a missing one is to be dropped from the list.
fn recent_row(ui: &mut egui::Ui, path: &std::path::Path, out: &mut Vec<Intent>) -> bool {
    let mut forget = false;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let folder = path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    ui.horizontal(|ui| {
        if path.exists() {
            if ui
                .link(&name)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                out.push(Intent::OpenRecent(path.to_path_buf()));
            }
            ui.weak(folder);
        } else {
            ui.add_enabled(false, egui::Link::new(&name))
                .on_disabled_hover_text(path.display().to_string());
            ui.weak(format!("{folder} — not found"));
            forget = ui
                .small_button("Remove from list")
                .on_hover_text("Forget this recent project (the file is not touched)")
                .clicked();
        }
    });
    forget
}
