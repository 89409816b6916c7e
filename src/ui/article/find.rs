//! Find in article: a bar over the article, case- and accent-insensitive matching (curly quotes
//! match straight ones), every match highlighted, the current one emphasised and scrolled to.
//! The body is folded once per article (a long one on a worker thread) and searched once per
//! query change, never per frame.

use crate::core::model::{Article, ArticleId};
use crate::ui::text::MarkIndex;
use crate::ui::text::{fold, fold_char};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// Bodies longer than this (in bytes) are folded on a worker thread, so opening the find bar on
/// a long article never stalls a frame; shorter ones take well under a millisecond.
const FOLD_IN_BACKGROUND: usize = 200_000;

type FoldKey = (u64, ArticleId);

/// A body folded for searching, with the way back to char offsets of the original.
pub struct FoldedBody {
    text: String,
    /// For each byte of `text`, the char offset in the original body it came from.
    to_char: Vec<u32>,
}

impl FoldedBody {
    pub fn new(body: &str) -> Self {
        let mut text = String::with_capacity(body.len());
        let mut to_char = Vec::with_capacity(body.len());
        for (i, c) in body.chars().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            fold_char(c, &mut text, || to_char.push(i));
        }
        FoldedBody { text, to_char }
    }

    /// Every non-overlapping match of `query` (folded here), as char ranges of the original body.
    pub fn find_all(&self, query: &str) -> Vec<Range<usize>> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(q.as_str())
            .filter_map(|(b, m)| {
                let first = *self.to_char.get(b)? as usize;
                let last = *self.to_char.get(b + m.len() - 1)? as usize;
                Some(first..last + 1)
            })
            .collect()
    }
}

/// The find bar's state.
#[derive(Default)]
pub struct FindState {
    pub open: bool,
    pub query: String,
    /// Focus the field on the next frame.
    pub(crate) focus: bool,
    folded: Option<(FoldKey, Arc<FoldedBody>)>,
    /// A long body being folded on a worker thread.
    folding: Option<(FoldKey, Receiver<FoldedBody>)>,
    /// (generation, article, query) the matches are for.
    searched: Option<(u64, ArticleId, String)>,
    pub(crate) matches: MarkIndex,
    pub current: Option<usize>,
    /// The article view should scroll to the current match (once).
    pub(crate) scroll: bool,
}

impl FindState {
    /// Number of matches.
    pub fn count(&self) -> usize {
        self.matches.len()
    }

    /// "3 of 12", "No matches" or nothing for an empty query.
    pub fn count_text(&self) -> String {
        match (self.current, self.count()) {
            _ if self.query.is_empty() => String::new(),
            _ if self.preparing() => "Preparing…".to_string(),
            (_, 0) => "No matches".to_string(),
            (Some(i), n) => format!("{} of {n}", i + 1),
            (None, n) => format!("{n} matches"),
        }
    }

    /// The current match, a char range of the body.
    pub fn current_range(&self) -> Option<Range<usize>> {
        self.current.and_then(|i| self.matches.get(i).cloned())
    }

    /// Searches `article` again if the query, the article or the project changed.
    pub(crate) fn refresh(&mut self, ctx: &egui::Context, generation: u64, article: &Article) {
        if !self.open {
            return;
        }
        let key = (generation, article.id.clone(), self.query.clone());
        if self.searched.as_ref() == Some(&key) {
            return;
        }
        let same_article = self
            .searched
            .as_ref()
            .is_some_and(|(g, a, _)| *g == generation && a == &article.id);
        let before = self.current_range().filter(|_| same_article);
        if !self.ensure_folded(ctx, (generation, article.id.clone()), article) {
            return;
        }
        let ranges = self
            .folded
            .as_ref()
            .map(|(_, f)| f.find_all(&self.query))
            .unwrap_or_default();
        // Typing on keeps the place: the first match at or after the previous one.
        let from = before.map_or(0, |r| r.start);
        let i = ranges.partition_point(|r| r.start < from);
        self.current = if ranges.is_empty() {
            None
        } else if i < ranges.len() {
            Some(i)
        } else {
            Some(0)
        };
        self.matches = MarkIndex::new(ranges);
        self.scroll = self.current.is_some();
        self.searched = Some(key);
    }

    /// True once the folded body of `article` is at hand; starts folding it otherwise.
    fn ensure_folded(&mut self, ctx: &egui::Context, key: FoldKey, article: &Article) -> bool {
        if self.folded.as_ref().is_some_and(|(k, _)| k == &key) {
            return true;
        }
        if let Some((k, rx)) = &self.folding
            && k == &key
        {
            return match rx.try_recv() {
                Ok(f) => {
                    self.folded = Some((key, Arc::new(f)));
                    self.folding = None;
                    true
                }
                Err(_) => false,
            };
        }
        if article.body.len() <= FOLD_IN_BACKGROUND {
            self.folded = Some((key, Arc::new(FoldedBody::new(&article.body))));
            return true;
        }
        let (tx, rx) = channel();
        let body = article.body.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The bar may have been closed meanwhile: then nobody listens.
            let _ = tx.send(FoldedBody::new(&body));
            ctx.request_repaint();
        });
        self.folding = Some((key, rx));
        false
    }

    /// True while a long body is being prepared for searching.
    pub fn preparing(&self) -> bool {
        self.folding.is_some()
    }

    /// Next (`delta` 1) or previous (-1) match, wrapping around.
    pub(crate) fn step(&mut self, delta: isize) {
        let n = self.count();
        if n == 0 {
            return;
        }
        let next = match self.current {
            Some(i) => (i as isize + delta).rem_euclid(n as isize) as usize,
            None if delta > 0 => 0,
            None => n - 1,
        };
        self.current = Some(next);
        self.scroll = true;
    }

    pub(crate) fn close(&mut self) {
        self.open = false;
        self.matches = MarkIndex::default();
        self.current = None;
        self.searched = None;
    }
}

/// The find bar, drawn above the article text while open.
/// `reading`: the article text's own widgets (Escape there closes the bar); `modal`: a dialog
/// is open and Escape is its.
pub fn show_bar(
    ui: &mut egui::Ui,
    find: &mut FindState,
    reading: &HashSet<egui::Id>,
    modal: bool,
    generation: u64,
    article: &Article,
) {
    if !find.open {
        return;
    }
    let mut close = false;
    let mut step = 0isize;
    ui.horizontal(|ui| {
        let label = ui.label("Find text");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut find.query)
                    .hint_text("case and accents ignored")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut find.focus) {
            field.request_focus();
            select_all(ui, &field, find.query.chars().count());
        }
        // Enter moves on and keeps typing in the field; Escape closes the bar.
        if field.lost_focus() {
            let (enter, shift, esc) = ui.input(|i| {
                (
                    i.key_pressed(egui::Key::Enter),
                    i.modifiers.shift,
                    i.key_pressed(egui::Key::Escape),
                )
            });
            if esc {
                close = true;
            } else if enter {
                step = if shift { -1 } else { 1 };
                field.request_focus();
            }
        } else if !field.has_focus() && !modal {
            // Escape also closes from the article text (or with nothing focused).
            let focus = ui.ctx().memory(|m| m.focused());
            let in_text = focus.is_none_or(|id| reading.contains(&id));
            if in_text && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                close = true;
            }
        }
        ui.label(find.count_text());
        if ui
            .button("⏶ Previous")
            .on_hover_text("Previous match (Shift+F3)")
            .clicked()
        {
            step = -1;
        }
        if ui
            .button("⏷ Next")
            .on_hover_text("Next match (F3, Enter)")
            .clicked()
        {
            step = 1;
        }
        if ui
            .button("✖ Close")
            .on_hover_text("Close the find bar (Escape)")
            .clicked()
        {
            close = true;
        }
    });
    find.refresh(ui.ctx(), generation, article);
    if step != 0 {
        find.step(step);
    }
    if close {
        find.close();
    }
}

/// Selects all of a single-line field's text, so typing replaces the last search.
fn select_all(ui: &egui::Ui, field: &egui::Response, chars: usize) {
    if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), field.id) {
        let range = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(chars),
        );
        state.cursor.set_char_range(Some(range));
        state.store(ui.ctx(), field.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::text::LATIN_EXT_A;

    #[test]
    fn latin_table_covers_the_block() {
        assert_eq!(LATIN_EXT_A.len(), 0x80);
        assert_eq!(fold("ŠžŁőğĀſ"), "szlogas");
        assert_eq!(fold("Café CRÈME “Ñ”"), "cafe creme \"n\"");
        assert_eq!(fold("e\u{0301}te\u{0301}"), "ete");
    }

    #[test]
    fn matches_are_char_ranges_of_the_original() {
        // CJK, emoji, curly quotes and accents before the matches: chars and bytes differ.
        let body = "北朝鮮 🚀 “Café” said KIM; the cafe’s owner, Kim.";
        let f = FoldedBody::new(body);
        let chars: Vec<char> = body.chars().collect();
        let text = |r: &Range<usize>| chars[r.clone()].iter().collect::<String>();
        let m = f.find_all("cafe");
        assert_eq!(m.iter().map(text).collect::<Vec<_>>(), vec!["Café", "cafe"]);
        let m = f.find_all("kim");
        assert_eq!(m.iter().map(text).collect::<Vec<_>>(), vec!["KIM", "Kim"]);
        assert_eq!(m[0], 18..21);
        let m = f.find_all("cafe's");
        assert_eq!(m.iter().map(text).collect::<Vec<_>>(), vec!["cafe’s"]);
        assert_eq!(f.find_all("鮮 🚀").len(), 1);
        assert!(f.find_all("").is_empty());
    }

    #[test]
    fn step_wraps_and_count_reads_naturally() {
        let mut s = FindState {
            open: true,
            query: "a".into(),
            ..FindState::default()
        };
        let art = Article::new(Default::default(), "a b a c a");
        s.refresh(&egui::Context::default(), 1, &art);
        assert_eq!(s.count_text(), "1 of 3");
        s.step(-1);
        assert_eq!(s.count_text(), "3 of 3");
        s.step(1);
        assert_eq!(s.current_range(), Some(0..1));
        s.query = "zz".into();
        s.refresh(&egui::Context::default(), 1, &art);
        assert_eq!(s.count_text(), "No matches");
    }
}
