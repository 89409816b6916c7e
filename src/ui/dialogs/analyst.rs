//! "Who is editing?": asked once, at the first edit, when no analyst name is configured, so
//! history and sign-offs name a person instead of "someone".

use crate::core::action::Action;

/// The name as typed, whether the field took the keyboard yet, and the edit that asked.
#[derive(Debug, Clone, Default)]
pub struct AnalystPrompt {
    pub name: String,
    focused: bool,
    /// The edit that asked (as sent, before it was attributed) and the revision it made. It went
    /// ahead under the guessed name; a chosen name files it again under that name.
    pub(crate) first_edit: Option<(u64, Action)>,
}

impl AnalystPrompt {
    /// Prefilled with `guess` (the system or git name, when there is one).
    pub fn new(guess: String) -> Self {
        AnalystPrompt {
            name: guess,
            focused: false,
            first_edit: None,
        }
    }
}

/// What the person answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Use this (non-empty, trimmed) name from now on.
    Name(String),
    /// Not now: ask again next time the app starts.
    Later,
}

/// Shows the question; Some once answered.
pub fn show(ctx: &egui::Context, prompt: &mut AnalystPrompt) -> Option<Answer> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("analyst_prompt")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("Who is editing?");
        ui.label(
            "Your name is recorded on the claims you mark, every status you set and your \
             sign-offs, so the desk can see who checked what. It stays in this app's settings \
             (Settings › Analyst).",
        );
        let label = ui.label("Your name");
        let edit = ui
            .add(egui::TextEdit::singleline(&mut prompt.name).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if !prompt.focused {
            edit.request_focus();
            prompt.focused = true;
        }
        let name = prompt.name.trim().to_string();
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(!name.is_empty(), egui::Button::new("Use this name"));
            if (ok.clicked() || enter) && !name.is_empty() {
                answer = Some(Answer::Name(name.clone()));
            }
            if ui.button("Not now").clicked() {
                answer = Some(Answer::Later);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(Answer::Later);
    }
    answer
}
