//! How intents and commands turn into core actions and app effects: the flows.
//!
//! Every project change goes through `FactdeskApp::commit` here, the only caller of
//! `Session::edit` / `Session::edit_typing` in the app. Besides `app.rs`, this folder is the
//! only code that knows `FactdeskApp`: the feature folders hold their state and panels, and the
//! flows here carry out what the panels asked for, one file per flow.

mod add_url;
mod autosave;
mod capture;
mod compare;
pub(crate) mod dialogs;
mod evidence;
mod export_flow;
mod find;
mod import_files;
pub(crate) mod multi_select;
mod open_save;
mod paste;
mod project_io;
mod seen_before;
mod suggestions;
mod team;
mod versions;
mod viewer;

use crate::core::action::{Action, EditError};
use crate::core::model::{ArticleId, ClaimId, Status};
use crate::core::nlp;
use crate::core::session::Applied;
use crate::core::time::Timestamp;
use crate::ui::app::FactdeskApp;
use crate::ui::command::UiCommand;
use crate::ui::dialogs::Pending;
use crate::ui::intent::{EvidenceIntent, Intent};
use crate::ui::layout::Forced;
use crate::ui::project::file_dialogs::Purpose;
use crate::ui::settings::ThemeChoice;

impl FactdeskApp {
    pub(crate) fn apply_intent(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Run(cmd) => self.run_command(ctx, cmd),
            Intent::ShowPanel(which) => self.show_panel(which),
            Intent::SortClaims(sort) => self.settings.claim_sort = sort,
            Intent::ClaimColumns(widths) => self.settings.claim_columns = widths,
            Intent::ForgetRecent(path) => self.settings.forget(&path),
            Intent::SuggestFilter(filter) => self.settings.suggest_filter = filter,
            Intent::AcceptSuggestedStatus(on) => self.settings.accept_suggested_status = on,
            Intent::Edit(action) => {
                let result = self.commit(action);
                self.report_edit(result);
            }
            Intent::Typing(action) => {
                let result = self.commit_typing(action);
                self.report_edit(result);
            }
            Intent::SelectArticle(id) => {
                if self.article.current.as_ref() != Some(&id) {
                    self.article.current = Some(id);
                    self.article.selection = None;
                    self.article.cursor = None;
                }
            }
            Intent::SelectClaim { id, scroll } => {
                // A claim picked in the list or the article is shown in the claim tab.
                self.window.right_tab = crate::ui::layout::RightTab::Claim;
                self.select_claim(id, scroll)
            }
            Intent::TextSelected(sel) => {
                self.article.cursor = Some((sel.article.clone(), sel.range.end));
                self.article.selection = (!sel.range.is_empty()).then_some(sel);
            }
            Intent::ClickedAt { article, pos } => {
                self.article.cursor = Some((article.clone(), pos));
                self.article.selection = None;
                let hit = self
                    .project
                    .derived
                    .article_spans(&article)
                    .and_then(|s| s.innermost_at(pos))
                    .and_then(|s| self.session.project.claims.get(s.claim))
                    .map(|c| c.id.clone());
                if let Some(id) = hit {
                    self.select_claim(id, false);
                }
                self.select_suggestion_at(&article, pos);
            }
            Intent::OpenPath(path) => {
                self.dialogs.path_prompt = None;
                self.open_path(&path);
            }
            Intent::OpenRecent(path) => self.guard(ctx, Pending::OpenPath(path)),
            Intent::SaveTo(path) => {
                self.dialogs.path_prompt = None;
                if self.save_to(&path) {
                    self.continue_after_save(ctx);
                } else {
                    self.dialogs.after_save = None;
                }
            }
            Intent::AddArticlePaths(paths) => {
                self.dialogs.path_prompt = None;
                self.add_article_paths(&paths);
            }
            Intent::AskArticleUpdate => self.ask_path(ctx, Purpose::UpdateArticle),
            Intent::UpdateArticleFrom(path) => {
                self.dialogs.path_prompt = None;
                self.update_article_from(&path);
            }
            Intent::DialogAnswer(answer) => self.dialog_answered(ctx, answer),
            Intent::UnsavedDecision(choice) => {
                let Some(pending) = self.dialogs.unsaved.take() else {
                    return;
                };
                match choice {
                    Some(true) => {
                        self.dialogs.after_save = Some(pending);
                        if self.save_current(ctx) {
                            self.continue_after_save(ctx);
                        }
                    }
                    Some(false) => self.proceed(ctx, pending),
                    None => {}
                }
            }
            Intent::SetTheme(t) => self.settings.theme = t,
            Intent::ExportTo(path, options) => self.export_to(&path, &options),
            Intent::ClickClaimRow { id, kind } => self.click_claim_row(id, kind),
            Intent::Team(t) => self.apply_team(t),
            Intent::PasteArticle(text) => self.paste_article(&text),
            Intent::OpenSample => self.guard(ctx, Pending::Sample),
            Intent::SelectSuggestion(i) => self.select_suggestion(i, true),
            Intent::Library(l) => self.apply_library(l),
            Intent::Evidence(e) => self.apply_evidence(e),
            Intent::ExportDossierTo(path, filter) => self.export_dossier_to(&path, &filter),
            Intent::Versions(v) => self.apply_versions(ctx, v),
        }
    }

    /// The one door through which the app changes the project: applies one undoable edit, then
    /// refreshes what is derived from the project, once. Says what the edit created.
    pub(crate) fn commit(&mut self, action: Action) -> Result<Applied, EditError> {
        let first = self.ask_analyst_once().then(|| action.clone());
        let result = self.session.edit(action);
        self.remember_first_edit(first, &result);
        self.after_commit(result)
    }

    /// [`Self::commit`] for typing in a field: consecutive edits merge into one undo step.
    pub(crate) fn commit_typing(&mut self, action: Action) -> Result<Applied, EditError> {
        let first = self.ask_analyst_once().then(|| action.clone());
        let result = self.session.edit_typing(action);
        self.remember_first_edit(first, &result);
        self.after_commit(result)
    }

    /// The first edit without a configured analyst name asks who is editing (once a run),
    /// prefilled with the system or git name; true when it asks. The edit itself goes ahead
    /// under that name, and is filed again under the name the person chooses.
    fn ask_analyst_once(&mut self) -> bool {
        let ask = self.settings.ask_analyst
            && self.settings.analyst.trim().is_empty()
            && !self.dialogs.analyst_asked;
        if ask {
            self.dialogs.analyst_asked = true;
            let guess = crate::core::team::identity::resolve(None);
            self.dialogs.analyst = Some(crate::ui::dialogs::analyst::AnalystPrompt::new(guess));
        }
        ask
    }

    fn remember_first_edit(&mut self, first: Option<Action>, result: &Result<Applied, EditError>) {
        if let (Some(action), Ok(_), Some(prompt)) = (first, result, self.dialogs.analyst.as_mut())
        {
            prompt.first_edit = Some((self.session.history.revision(), action));
        }
    }

    /// The person named themselves: later edits are theirs, and so is the edit that asked, when
    /// it is still the last step (it is undone and made again under the name, one undo step).
    pub(crate) fn analyst_chosen(&mut self, name: String, first_edit: Option<(u64, Action)>) {
        self.settings.analyst = name;
        self.sync_analyst();
        let Some((revision, action)) = first_edit else {
            return;
        };
        if self.session.history.revision() == revision && matches!(self.session.undo(), Ok(true)) {
            let result = self.commit(action);
            self.report_edit(result);
        }
    }

    fn after_commit(&mut self, result: Result<Applied, EditError>) -> Result<Applied, EditError> {
        if result.is_ok() {
            self.refresh_derived();
        }
        result
    }

    /// Shows a failed edit as a notice.
    pub(crate) fn report_edit(&mut self, result: Result<Applied, EditError>) {
        if let Err(e) = result {
            self.dialogs.toast(format!("Could not apply the edit: {e}"));
        }
    }

    pub(crate) fn select_claim(&mut self, id: ClaimId, scroll: bool) {
        if let Some(c) = self.session.project.claim(&id) {
            self.article.current = Some(c.article.clone());
            self.claims.selected_set = multi_select::only(&id);
            self.claims.anchor = Some(id.clone());
            self.claims.selected = Some(id);
            self.claims.scroll_to_selected = scroll;
        }
    }

    /// Runs one command from a menu, a shortcut or the palette.
    pub fn run_command(&mut self, ctx: &egui::Context, cmd: UiCommand) {
        match cmd {
            UiCommand::NewProject => self.guard(ctx, Pending::New),
            UiCommand::OpenProject => self.guard(ctx, Pending::Open),
            UiCommand::SaveProject => {
                self.save_current(ctx);
            }
            UiCommand::SaveProjectAs => self.ask_path(ctx, Purpose::SaveProjectAs),
            UiCommand::AddArticles => self.ask_path(ctx, Purpose::AddArticles),
            UiCommand::Quit => self.guard(ctx, Pending::Quit),
            UiCommand::Undo => match self.session.undo() {
                Ok(true) => {}
                Ok(false) => self.dialogs.toast("Nothing to undo".to_string()),
                Err(e) => self.dialogs.toast(format!("Could not undo: {e}")),
            },
            UiCommand::Redo => match self.session.redo() {
                Ok(true) => {}
                Ok(false) => self.dialogs.toast("Nothing to redo".to_string()),
                Err(e) => self.dialogs.toast(format!("Could not redo: {e}")),
            },
            UiCommand::MarkClaim => self.mark_selection(),
            UiCommand::MarkSentence => self.mark_sentence(),
            UiCommand::Tag(status) => self.tag(status),
            UiCommand::DeleteClaim => self.delete_selection(),
            UiCommand::NextClaim => self.step_claim(1),
            UiCommand::PreviousClaim => self.step_claim(-1),
            UiCommand::FocusSearch => self.claims.focus_search = true,
            UiCommand::ToggleSnap => self.settings.snap_to_words = !self.settings.snap_to_words,
            UiCommand::ToggleTheme => {
                self.settings.theme = if ctx.theme() == egui::Theme::Dark {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::Dark
                };
            }
            UiCommand::CheatSheet => self.dialogs.cheat_sheet = !self.dialogs.cheat_sheet,
            UiCommand::CommandPalette => self.dialogs.open_palette(),
            UiCommand::Export => self.open_export_dialog(),
            UiCommand::Settings => self.dialogs.settings_window = !self.dialogs.settings_window,
            UiCommand::ZoomIn => self.settings.zoom_by(1),
            UiCommand::ZoomOut => self.settings.zoom_by(-1),
            UiCommand::ZoomReset => self.settings.zoom = 1.0,
            UiCommand::NextUnreviewed => self.next_unreviewed(),
            UiCommand::ToggleStats => self.review.stats.open = !self.review.stats.open,
            UiCommand::ToggleArticlesPanel => self.toggle_panel(Forced::Articles),
            UiCommand::ToggleClaimPanel => self.toggle_panel(Forced::Claim),
            UiCommand::About => self.dialogs.about = !self.dialogs.about,
            UiCommand::ToggleSignOff => self.toggle_sign_off(),
            UiCommand::NextConflict => self.next_conflict(),
            UiCommand::CompareProject => self.ask_path(ctx, Purpose::CompareProject),
            UiCommand::PasteArticle => self.request_paste(ctx),
            UiCommand::ExtendSelectionDown => self.extend_selection(1),
            UiCommand::ExtendSelectionUp => self.extend_selection(-1),
            UiCommand::SelectAllListed => self.select_all_listed(),
            UiCommand::ToggleSuggestions => self.toggle_suggestions(),
            UiCommand::NextSuggestion => self.step_suggestion(1),
            UiCommand::PreviousSuggestion => self.step_suggestion(-1),
            UiCommand::AcceptSuggestion => self.accept_suggestion(),
            UiCommand::AcceptAllSuggestions => self.accept_all_suggestions(),
            UiCommand::RejectSuggestion => self.reject_suggestion(),
            UiCommand::RejectAllSuggestions => self.reject_all_suggestions(),
            UiCommand::FindInArticle => self.open_find(),
            UiCommand::FindNext => self.find_step(ctx, 1),
            UiCommand::FindPrevious => self.find_step(ctx, -1),
            UiCommand::LibrarySpeakers => self.open_speakers(None),
            UiCommand::IndexLibraryFolder => self.ask_path(ctx, Purpose::IndexLibrary),
            UiCommand::UpdateLibrary => self.refresh_library(),
            UiCommand::AddArticleFromUrl => self.open_add_url(None),
            UiCommand::CaptureAllSources => self.apply_evidence(EvidenceIntent::CaptureAll),
            UiCommand::CaptureAllProjectSources => {
                self.apply_evidence(EvidenceIntent::CaptureAllInProject)
            }
        }
    }

    /// Tags the selected claim, or every selected claim as one undo step.
    fn tag(&mut self, status: Status) {
        self.tag_selection(status);
    }

    /// Marks the selected article text (trimmed, snapped to words by default) as a new claim.
    fn mark_selection(&mut self) {
        let Some(sel) = self.article.selection.clone() else {
            self.dialogs
                .toast("Select some article text first, then mark it".to_string());
            return;
        };
        self.mark_range(&sel.article, sel.range, self.settings.snap_to_words);
        self.article.selection = None;
    }

    /// Marks the sentence under the text cursor.
    fn mark_sentence(&mut self) {
        let Some((article, pos)) = self.article.cursor.clone() else {
            self.dialogs
                .toast("Click in the article to put the cursor in a sentence".to_string());
            return;
        };
        let Some(range) = self
            .session
            .project
            .article(&article)
            .and_then(|a| sentence_in_paragraph(a, pos))
        else {
            self.dialogs.toast("No sentence at the cursor".to_string());
            return;
        };
        self.mark_range(&article, range, false);
    }

    fn mark_range(&mut self, article: &ArticleId, range: std::ops::Range<usize>, snap: bool) {
        let action = Action::add_claim(
            &self.session.project,
            article,
            range,
            snap,
            Timestamp::now(),
        );
        match action.and_then(|a| self.commit(a)) {
            Ok(applied) => {
                if let Some(id) = applied.new_claims.into_iter().next() {
                    self.select_claim(id, false);
                }
            }
            Err(e) => self.dialogs.toast(format!("Could not mark the claim: {e}")),
        }
    }

    /// Moves the selection along the (filtered) claim list.
    fn step_claim(&mut self, delta: isize) {
        let rows = &self.claims.list.rows;
        if rows.is_empty() {
            return;
        }
        let pos = self
            .claims
            .selected
            .as_ref()
            .and_then(|id| self.session.project.claim_index(id))
            .and_then(|ci| rows.iter().position(|&r| r == ci));
        let next = match pos {
            Some(p) => (p as isize + delta).clamp(0, rows.len() as isize - 1) as usize,
            None if delta > 0 => 0,
            None => rows.len() - 1,
        };
        if let Some(id) = rows
            .get(next)
            .and_then(|&ci| self.session.project.claims.get(ci))
            .map(|c| c.id.clone())
        {
            self.select_claim(id, true);
        }
    }
}

/// The sentence at char `pos`, segmenting only the paragraph around it (sentences never cross a
/// blank line), so the cost does not grow with the article.
fn sentence_in_paragraph(
    article: &crate::core::model::Article,
    pos: usize,
) -> Option<std::ops::Range<usize>> {
    let body = &article.body;
    let idx = article.index();
    let b = idx.to_byte(body, pos)?;
    let start = body[..b].rfind("\n\n").map_or(0, |i| i + 2);
    let end = body[b..].find("\n\n").map_or(body.len(), |i| b + i);
    let base = idx.to_char(body, start)?;
    // The article's language decides abbreviations and quotation marks (de, fr, es, en).
    let opts = nlp::SegmentOptions::lang(nlp::Lang::from_tag(&article.meta.lang));
    let r = nlp::sentence_at_with(&body[start..end], pos - base, opts)?;
    Some(base + r.start..base + r.end)
}
