//! Suggestions: computed off the UI thread per article, filtered, accepted and rejected.

use crate::core::model::ArticleId;
use crate::core::nlp::{self, AcceptAs, Suggestion};
use crate::ui::app::FactdeskApp;
use crate::ui::review::suggestions::*;
use crate::ui::text::MarkIndex;
use std::sync::Arc;

impl FactdeskApp {
    /// Collects finished computations, starts the current article's if needed, and refilters the
    /// visible list when the project changed. Cheap when nothing changed.
    pub(crate) fn refresh_suggestions(&mut self, ctx: &egui::Context) {
        let st = &mut self.review.suggest;
        while let Ok(done) = st.rx.try_recv() {
            st.pending.retain(|k| k != &done.key);
            // A result for a project no longer open is stale: drop it.
            if done.key.0 == self.project.generation {
                st.raw.insert(done.key, Arc::new(done.suggestions));
            }
        }
        st.raw.retain(|k, _| k.0 == self.project.generation);
        if !st.open {
            return;
        }
        let Some(article) = self.article.current.clone() else {
            st.visible.clear();
            st.total = 0;
            st.marks = MarkIndex::default();
            st.current = None;
            st.visible_key = None;
            return;
        };
        let key = (self.project.generation, article.clone());
        let Some(raw) = st.raw.get(&key).cloned() else {
            if !st.pending.contains(&key)
                && let Some(a) = self.session.project.article(&article)
            {
                st.pending.push(key.clone());
                let a = a.clone();
                let tx = st.tx.clone();
                let ctx = ctx.clone();
                std::thread::spawn(move || {
                    let mut suggestions = nlp::suggest_article(&a);
                    suggestions.sort_by_key(|s| (s.start, s.end));
                    // The app may be gone (closed window): nothing to tell then.
                    let _ = tx.send(Done { key, suggestions });
                    ctx.request_repaint();
                });
            }
            if st.visible_key.as_ref().is_some_and(|k| k.2 != article) {
                st.visible.clear();
                st.total = 0;
                st.marks = MarkIndex::default();
                st.current = None;
                st.visible_key = None;
            }
            return;
        };
        let vkey = (
            self.project.generation,
            self.session.history.revision(),
            article.clone(),
            self.settings.suggest_filter.clone(),
        );
        if st.visible_key.as_ref() == Some(&vkey) {
            return;
        }
        let same_article = st.visible_key.as_ref().is_some_and(|k| k.2 == article);
        // Keep the place: the current suggestion, or the first one after where it was.
        let anchor = st.current().map(|s| (s.start, s.end));
        let open = filter_visible(
            &self.session.project,
            self.project.derived.article_spans(&article),
            &raw,
        );
        st.total = open.len();
        st.visible = vkey.3.apply(&open);
        st.marks = MarkIndex::new(st.visible.iter().map(|s| s.range()).collect());
        st.current = match anchor.filter(|_| same_article) {
            Some(a) => {
                let i = st.visible.partition_point(|s| (s.start, s.end) < a);
                (i < st.visible.len())
                    .then_some(i)
                    .or(st.visible.len().checked_sub(1))
            }
            None => None,
        };
        st.visible_key = Some(vkey);
    }

    /// The suggestions listed for the current article, as the panel's filter narrows them (empty
    /// until computed or when closed).
    pub fn visible_suggestions(&self) -> &[Suggestion] {
        &self.review.suggest.visible
    }

    /// True while suggestions for the current article are being computed.
    pub fn suggestions_computing(&self) -> bool {
        self.article
            .current
            .as_ref()
            .is_some_and(|a| self.review.suggest.computing(self.project.generation, a))
    }

    /// The current suggestion, if any.
    pub fn current_suggestion(&self) -> Option<&Suggestion> {
        self.review.suggest.current()
    }

    pub(crate) fn toggle_suggestions(&mut self) {
        self.review.suggest.open = !self.review.suggest.open;
        self.review.suggest.visible_key = None;
        if self.review.suggest.open {
            // They are a tab of the claim panel: show that tab, and the panel if it is folded.
            self.window.right_tab = crate::ui::layout::RightTab::Suggestions;
            if self.window.panels.claim.is_none() {
                self.show_panel(crate::ui::layout::Forced::Claim);
            }
        }
    }

    fn accept_as(&self) -> AcceptAs {
        if self.settings.accept_suggested_status {
            AcceptAs::Suggested
        } else {
            AcceptAs::Unreviewed
        }
    }

    /// Next (`delta` 1) or previous (-1) suggestion; opens the panel if closed.
    pub(crate) fn step_suggestion(&mut self, delta: isize) {
        if !self.review.suggest.open {
            self.toggle_suggestions();
            return;
        }
        let n = self.review.suggest.visible.len();
        if n == 0 {
            return;
        }
        let next = match self.review.suggest.current {
            Some(i) => (i as isize + delta).clamp(0, n as isize - 1) as usize,
            None if delta > 0 => 0,
            None => n - 1,
        };
        self.review.suggest.set_current(Some(next));
    }

    /// Makes suggestion `i` of the list current; the view that was not clicked follows it.
    pub(crate) fn select_suggestion(&mut self, i: usize, from_list: bool) {
        if i < self.review.suggest.visible.len() {
            self.review.suggest.set_current(Some(i));
            self.review.suggest.scroll_article = from_list;
            self.review.suggest.scroll_list = !from_list;
        }
    }

    /// The innermost visible suggestion at char `pos` of the current article, made current.
    /// True when there was one.
    pub(crate) fn select_suggestion_at(&mut self, article: &ArticleId, pos: usize) -> bool {
        if !self.review.suggest.open || self.article.current.as_ref() != Some(article) {
            return false;
        }
        let hit = self
            .review
            .suggest
            .marks
            .overlapping(pos..pos + 1)
            .min_by_key(|&i| {
                self.review.suggest.visible[i].end - self.review.suggest.visible[i].start
            });
        match hit {
            Some(i) => {
                self.select_suggestion(i, false);
                true
            }
            None => false,
        }
    }

    fn require_current(&mut self) -> Option<Suggestion> {
        if !self.review.suggest.open {
            self.dialogs
                .toast("Open the suggestions first (Suggest claims)".to_string());
            return None;
        }
        let s = self.review.suggest.current().cloned();
        if s.is_none() {
            self.dialogs
                .toast("Select a suggestion first (N / Shift+N)".to_string());
        }
        s
    }

    /// Accepts the current suggestion as a claim with its speaker (one undo step).
    pub(crate) fn accept_suggestion(&mut self) {
        let Some(s) = self.require_current() else {
            return;
        };
        let result = nlp::accept_action(&self.session.project, &s, self.accept_as())
            .and_then(|a| self.commit(a));
        self.after_suggestion_edit(result, "accept");
    }

    /// Accepts every suggestion of the current article the filter lists, as one undo step.
    pub(crate) fn accept_all_suggestions(&mut self) {
        if !self.review.suggest.open || self.review.suggest.visible.is_empty() {
            self.dialogs.toast("No suggestions to accept".to_string());
            return;
        }
        // Two suggestions over the same words would make two claims: keep the first of each span.
        let mut all = self.review.suggest.visible.clone();
        all.dedup_by_key(|s| (s.start, s.end));
        let result = nlp::accept_all_action(&self.session.project, &all, self.accept_as())
            .and_then(|a| self.commit(a));
        self.after_suggestion_edit(result, "accept");
    }

    /// Rejects the current suggestion for good (remembered in the project, undoable).
    pub(crate) fn reject_suggestion(&mut self) {
        let Some(s) = self.require_current() else {
            return;
        };
        let result = self.commit(nlp::reject_action(&s));
        self.after_suggestion_edit(result, "reject");
    }

    /// Rejects every suggestion of the current article the filter lists, as one undo step.
    pub(crate) fn reject_all_suggestions(&mut self) {
        if !self.review.suggest.open || self.review.suggest.visible.is_empty() {
            self.dialogs.toast("No suggestions to reject".to_string());
            return;
        }
        let result = self.commit(nlp::reject_all_action(&self.review.suggest.visible));
        self.after_suggestion_edit(result, "reject");
    }

    fn after_suggestion_edit(
        &mut self,
        result: Result<crate::core::session::Applied, crate::core::action::EditError>,
        verb: &str,
    ) {
        match result {
            Ok(applied) => {
                self.review.suggest.scroll_article = true;
                self.review.suggest.scroll_list = true;
                // The claim just made is the one the person will tag next: select it (in the
                // list and the claim tab), without leaving the suggestions.
                if let [.., last] = applied.new_claims.as_slice() {
                    self.claims.selected_set = super::multi_select::only(last);
                    self.claims.anchor = Some(last.clone());
                    self.claims.selected = Some(last.clone());
                }
            }
            Err(e) => self
                .dialogs
                .toast(format!("Could not {verb} the suggestion: {e}")),
        }
    }
}
