//! The find bar's commands: open, next and previous match.

use crate::ui::app::FactdeskApp;
use std::ops::Range;

impl FactdeskApp {
    /// True while the find bar is open.
    pub fn find_open(&self) -> bool {
        self.article.find.open
    }

    /// The current match of the find bar, a char range of the current article's body.
    pub fn find_current(&self) -> Option<Range<usize>> {
        self.article
            .find
            .current_range()
            .filter(|_| self.article.find.open)
    }

    /// Opens the find bar on `query` (as if typed), for scripts and benchmarks.
    pub fn find_text(&mut self, query: &str) {
        self.article.find.open = true;
        self.article.find.query = query.to_string();
    }

    /// True while a long article is being prepared for searching (matches come after).
    pub fn find_preparing(&self) -> bool {
        self.article.find.preparing()
    }

    /// How many matches the find bar has.
    pub fn find_count(&self) -> usize {
        self.article.find.count()
    }

    /// Opens the find bar (or focuses it again), its text selected for replacing.
    pub(crate) fn open_find(&mut self) {
        self.article.find.open = true;
        self.article.find.focus = true;
    }

    /// Next (1) or previous (-1) match; opens the bar when it is closed.
    pub(crate) fn find_step(&mut self, ctx: &egui::Context, delta: isize) {
        if !self.article.find.open {
            self.open_find();
            return;
        }
        if let Some(a) = self.current_article_index() {
            let generation = self.project.generation;
            self.article
                .find
                .refresh(ctx, generation, &self.session.project.articles[a]);
        }
        self.article.find.step(delta);
    }
}
