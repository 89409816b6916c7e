//! Team review: the analyst's name, sign-offs and merge conflicts to settle.

use crate::core::action::Action;
use crate::core::model::SignOff;
use crate::ui::app::FactdeskApp;
use crate::ui::intent::TeamIntent;
use crate::ui::review::team::*;

impl FactdeskApp {
    pub(crate) fn apply_team(&mut self, intent: TeamIntent) {
        match intent {
            TeamIntent::EditAnalyst => self.dialogs.settings_window = true,
            TeamIntent::Resolve { id, field, take } => {
                if let Err(e) = self.commit(Action::ResolveConflict { id, field, take }) {
                    self.dialogs
                        .toast(format!("Could not resolve the conflict: {e}"));
                }
                self.review.team.editing = None;
            }
            TeamIntent::EditConflict(which) => self.review.team.editing = which,
            TeamIntent::Compare(path) => {
                self.dialogs.path_prompt = None;
                self.open_comparison(&path);
            }
            TeamIntent::CloseComparison => self.review.team.compare = None,
            TeamIntent::ShowTheirs(id) => self.show_theirs(&id),
        }
    }

    /// Keeps the session's analyst in step with the preference (which the settings window may
    /// change at any time); resolving the default identity may run git, so only on a change.
    pub(crate) fn sync_analyst(&mut self) {
        if self.review.team.resolved_for.as_deref() != Some(self.settings.analyst.as_str()) {
            self.session.analyst = self.analyst_name();
            self.review.team.resolved_for = Some(self.settings.analyst.clone());
        }
    }

    /// Signs the selected claim off by the analyst, or removes its sign-off (undoable either way).
    pub(crate) fn toggle_sign_off(&mut self) {
        let Some(c) = self
            .claims
            .selected
            .as_ref()
            .and_then(|id| self.session.project.claim(id))
        else {
            self.dialogs
                .toast("Select a claim to sign off first".to_string());
            return;
        };
        let reviewed = match c.reviewed {
            Some(_) => None,
            None => Some(SignOff::now(&self.session.analyst)),
        };
        let action = Action::SetReviewed {
            id: c.id.clone(),
            reviewed,
        };
        if let Err(e) = self.commit(action) {
            self.dialogs.toast(format!("Could not sign off: {e}"));
        }
    }

    /// Selects the claim (or article) of the next unresolved conflict after the selected claim.
    pub(crate) fn next_conflict(&mut self) {
        let targets = conflict_targets(&self.session.project);
        if targets.is_empty() {
            self.dialogs.toast("No merge conflicts".to_string());
            return;
        }
        let here = self.claims.selected.as_ref().map(|c| c.0.as_str());
        let next = here
            .and_then(|h| targets.iter().position(|t| t.id() == h))
            .map_or(0, |i| (i + 1) % targets.len());
        match &targets[next] {
            Target::Claim(id) => self.select_claim(id.clone(), true),
            Target::Article(id) => {
                self.article.current = Some(id.clone());
                self.claims.selected = None;
            }
        }
    }
}
