//! Typing a path in the app: the fallback when no native file dialog answers, with the recent
//! projects one click away.

use crate::ui::intent::Intent;
use crate::ui::project::file_dialogs::{Answer, Purpose};
use std::path::PathBuf;

/// The state of the path prompt.
#[derive(Debug, Clone)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub text: String,
    pub note: Option<String>,
    /// The field took the keyboard when the prompt appeared (once: typing goes there at once).
    focused: bool,
}

impl PathPrompt {
    pub fn new(purpose: Purpose, text: String) -> Self {
        PathPrompt {
            purpose,
            text,
            note: None,
            focused: false,
        }
    }

    fn intent(&self) -> Option<Intent> {
        let text = self.text.trim();
        if text.is_empty() {
            return None;
        }
        Some(match self.purpose {
            Purpose::OpenProject => Intent::OpenPath(PathBuf::from(text)),
            Purpose::SaveProjectAs => Intent::SaveTo(PathBuf::from(text)),
            Purpose::Export => Intent::DialogAnswer(Answer {
                purpose: Purpose::Export,
                paths: Some(vec![PathBuf::from(text)]),
                no_backend: false,
            }),
            Purpose::CompareProject => {
                Intent::Team(crate::ui::intent::TeamIntent::Compare(PathBuf::from(text)))
            }
            Purpose::UpdateArticle => Intent::UpdateArticleFrom(PathBuf::from(text)),
            Purpose::IndexLibrary => {
                Intent::Library(crate::ui::intent::LibraryIntent::Index(PathBuf::from(text)))
            }
            // Several files: one path per line or separated by ';'.
            Purpose::AddArticles => Intent::AddArticlePaths(
                text.split(['\n', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(PathBuf::from)
                    .collect(),
            ),
        })
    }
}

/// None while open; Some(None) cancelled; Some(Some(intent)) confirmed.
pub fn show(
    ctx: &egui::Context,
    prompt: &mut PathPrompt,
    recent: &[PathBuf],
) -> Option<Option<Intent>> {
    let mut result = None;
    let modal = egui::Modal::new(egui::Id::unique("path_prompt")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading(prompt.purpose.title());
        if let Some(note) = &prompt.note {
            ui.label(note);
        }
        let label = ui.label("Path");
        let edit = ui.add(
            egui::TextEdit::singleline(&mut prompt.text)
                .desired_width(f32::INFINITY)
                .hint_text("/path/to/file"),
        );
        let edit = edit.labelled_by(label.id);
        if !prompt.focused {
            edit.request_focus();
            prompt.focused = true;
        }
        if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            result = Some(prompt.intent());
        }
        ui.horizontal(|ui| {
            if ui.button(prompt.purpose.action()).clicked() {
                result = Some(prompt.intent());
            }
            if ui.button("Cancel").clicked() {
                result = Some(None);
            }
        });
        if prompt.purpose == Purpose::OpenProject && !recent.is_empty() {
            ui.separator();
            ui.label("Recent projects");
            for p in recent {
                if ui
                    .button(p.display().to_string())
                    .on_hover_text("Open this project")
                    .clicked()
                {
                    result = Some(Some(Intent::OpenPath(p.clone())));
                }
            }
        }
    });
    if result.is_none() && modal.should_close() {
        result = Some(None);
    }
    // An empty path is not an answer: keep the prompt open.
    if matches!(result, Some(None)) || matches!(result, Some(Some(_))) {
        return result;
    }
    None
}
