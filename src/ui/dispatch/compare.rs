//! Comparing with another annotator's copy of the project: loaded read-only, kept current.

use crate::core::model::ClaimId;
use crate::core::store;
use crate::core::team::agree::{self};
use crate::ui::app::FactdeskApp;
use crate::ui::intent::TextSelection;
use crate::ui::review::compare::*;
use std::ops::Range;
use std::path::Path;

impl FactdeskApp {
    /// Loads `path` (never written, never locked) and compares it with the open project. A file
    /// that does not load is reported once and leaves any earlier comparison as it was.
    pub(crate) fn open_comparison(&mut self, path: &Path) {
        match store::load(path) {
            Ok(theirs) => {
                let key = self.compare_key();
                let state = CompareState::new(path, &self.session.project, theirs, key);
                self.review.team.compare = Some(state);
            }
            Err(e) => {
                self.dialogs.error = Some(format!("Could not open the project to compare.\n\n{e}"))
            }
        }
    }

    fn compare_key(&self) -> (u64, u64) {
        (self.project.generation, self.session.history.revision())
    }

    /// Recomputes the comparison and its marks after the open project changed.
    pub(crate) fn refresh_comparison(&mut self) {
        let key = self.compare_key();
        if let Some(state) = self.review.team.compare.as_mut()
            && state.key != key
        {
            let ours = &self.session.project;
            state.comparison = agree::compare(ours, &state.theirs);
            state.marks = article_marks(ours, &state.theirs, &state.comparison);
            state.key = key;
        }
    }

    /// The other annotator's claims drawn in the article last frame (char ranges of its body,
    /// clipped to paragraphs): empty when no comparison is open.
    pub fn drawn_their_claims(&self) -> Vec<Range<usize>> {
        self.drawn(|d| &d.theirs)
    }

    /// My claims drawn last frame as having another status in the compared project.
    pub fn drawn_status_differences(&self) -> Vec<Range<usize>> {
        self.drawn(|d| &d.differs)
    }

    fn drawn(
        &self,
        pick: impl Fn(&crate::ui::article::highlight::BlockDecor) -> &Vec<crate::ui::text::Mark>,
    ) -> Vec<Range<usize>> {
        let Some(layout) = &self.article.layout else {
            return Vec::new();
        };
        layout
            .drawn_decor()
            .flat_map(|d| pick(d).iter().map(|m| m.start..m.end))
            .collect()
    }

    /// Shows one of their claims here: its article, its span selected (ready for Mark claim)
    /// and scrolled to.
    pub(crate) fn show_theirs(&mut self, id: &ClaimId) {
        let Some(state) = &mut self.review.team.compare else {
            return;
        };
        let Some(c) = state.theirs.claim(id) else {
            return;
        };
        let Some(article) = counterpart(&self.session.project, &state.theirs, &c.article) else {
            self.dialogs
                .toast("That claim's article is not in this project".to_string());
            return;
        };
        let range = c.range();
        state.current = Some(id.clone());
        state.scroll = true;
        self.article.current = Some(article.clone());
        self.claims.selected = None;
        self.article.selection = Some(TextSelection { article, range });
    }
}
