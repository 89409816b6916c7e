//! Pasting an article: Ctrl+V outside text fields, or "New article from clipboard", which asks the
//! platform for the clipboard (egui cannot read it synchronously) and takes the `Event::Paste`
//! that answers on the next frame.

use crate::core::action::Action;
use crate::core::import;
use crate::ui::app::FactdeskApp;
use crate::ui::intent::Intent;
use crate::ui::project::import_files::same_content;

/// Frames to wait for the clipboard's answer before saying there was nothing to paste.
const ANSWER_WITHIN_PASSES: u64 = 3;

impl FactdeskApp {
    /// "New article from clipboard": the platform reads the clipboard and answers with a paste.
    pub(crate) fn request_paste(&mut self, ctx: &egui::Context) {
        self.project.import.paste_requested_at = Some(ctx.cumulative_pass_nr());
        ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste);
        ctx.request_repaint();
    }

    /// Takes this frame's pasted text when it is meant for a new article: asked for by the
    /// command, or pasted while no text field (other than the read-only article) has focus.
    pub(crate) fn poll_paste(&mut self, ctx: &egui::Context, intents: &mut Vec<Intent>) {
        let requested = self.project.import.paste_requested_at;
        let pass = ctx.cumulative_pass_nr();
        if self.dialogs.any_modal() && requested.is_none() {
            return;
        }
        let focused = ctx.memory(|m| m.focused());
        let typing = ctx.text_edit_focused()
            && focused.is_none_or(|id| !self.article.text_ids.contains(&id));
        if typing && requested.is_none() {
            return;
        }
        let mut pasted = None;
        ctx.input_mut(|i| {
            i.events.retain(|e| match e {
                egui::Event::Paste(text) if pasted.is_none() => {
                    pasted = Some(text.clone());
                    false
                }
                _ => true,
            });
        });
        match pasted {
            Some(text) => {
                self.project.import.paste_requested_at = None;
                // The article's text blocks keep their selection by position: let go of it so it
                // does not reappear in the new article.
                if let Some(id) = focused.filter(|id| self.article.text_ids.contains(id)) {
                    ctx.memory_mut(|m| m.surrender_focus(id));
                }
                intents.push(Intent::PasteArticle(text));
            }
            None => {
                if let Some(at) = requested
                    && pass > at + ANSWER_WITHIN_PASSES
                {
                    self.project.import.paste_requested_at = None;
                    self.dialogs
                        .toast("The clipboard holds no text to paste".to_string());
                } else if requested.is_some() {
                    ctx.request_repaint();
                }
            }
        }
    }

    /// Makes an article of pasted text (title from its first line, `imported_from` "clipboard")
    /// and opens it; one undo step. Text already in the project is not added twice.
    pub fn paste_article(&mut self, text: &str) {
        // A lone web address is offered as an article from that page, fetched only on "Fetch".
        if let Some(url) = crate::ui::evidence::add_url::single_url(text) {
            self.open_add_url(Some(url));
            return;
        }
        let imported = match import::import_pasted(text) {
            Ok(i) => i,
            Err(e) => {
                self.dialogs.toast(format!("Nothing to paste: {e}"));
                return;
            }
        };
        for w in &imported.warnings {
            self.dialogs.toast(format!("Pasted text: {w}"));
        }
        let article = imported.into_article();
        if let Some(same) = same_content(&self.session.project, &[], &article) {
            let id = same.id.clone();
            self.dialogs.toast(format!(
                "Already in the project (same content): “{}”",
                short(same.display_title())
            ));
            self.article.current = Some(id);
            self.project.import.start_screen = false;
            return;
        }
        let title = short(article.display_title());
        match self.commit(Action::AddArticle {
            article: Box::new(article),
        }) {
            Ok(applied) => {
                self.article.current = applied.new_article;
                self.claims.selected = None;
                self.article.selection = None;
                self.article.cursor = None;
                self.project.import.start_screen = false;
                self.dialogs
                    .toast(format!("New article from the clipboard: “{title}”"));
            }
            Err(e) => self
                .dialogs
                .toast(format!("Could not add the article: {e}")),
        }
    }
}

/// A title cut to fit a one-line notice.
fn short(title: &str) -> String {
    const MAX: usize = 60;
    if title.chars().count() <= MAX {
        title.to_string()
    } else {
        let cut: String = title.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
