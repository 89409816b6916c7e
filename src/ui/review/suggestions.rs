//! Claim suggestions in the GUI: computed per article on a worker thread (bodies never change, so
//! one result per article and project serves every revision), filtered against the current claims
//! and rejections once per revision, narrowed by the panel's filter (suggested status, minimum
//! score, text), and accepted or rejected as ordinary undoable edits.

use crate::core::model::{ArticleId, Project, Status};
use crate::core::nlp::{self, AcceptAs, Suggestion};
use crate::ui::app::FactdeskApp;
use crate::ui::article::view_cache::MarkIndex;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Which article of which open project a result belongs to.
type Key = (u64, ArticleId);

/// A finished computation sent back by the worker.
struct Done {
    key: Key,
    suggestions: Vec<Suggestion>,
}

/// What the suggestions panel lists, kept in the settings: suggested statuses, a minimum score and
/// a text search over quote, speaker and cue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SuggestFilter {
    /// Suggested statuses not listed.
    pub hidden: Vec<Status>,
    /// Suggestions scoring below this are not listed (0 lists all).
    pub min_score: f32,
    /// Text the quote, speaker or cue must contain (case and accents ignored).
    pub search: String,
}

impl SuggestFilter {
    pub fn shows_status(&self, s: Status) -> bool {
        !self.hidden.contains(&s)
    }

    pub fn set_status_shown(&mut self, s: Status, show: bool) {
        self.hidden.retain(|h| *h != s);
        if !show {
            self.hidden.push(s);
            self.hidden.sort_by_key(|h| h.index());
        }
    }

    /// A corrupt stored value (NaN, out of range) never hides everything.
    fn min_score(&self) -> f32 {
        if self.min_score.is_finite() {
            self.min_score.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// True when the filter can hide something.
    pub fn is_active(&self) -> bool {
        !self.hidden.is_empty() || self.min_score() > 0.0 || !self.search.trim().is_empty()
    }

    /// The suggestions of `open` this filter lists, in their order.
    pub fn apply(&self, open: &[Suggestion]) -> Vec<Suggestion> {
        let needle = crate::ui::article::find::fold(self.search.trim());
        // Compared in hundredths, as the rows and the slider show them: a score shown as 0.80
        // stays listed at a minimum shown as 0.80 whatever the float noise on either side.
        let hundredths = |x: f32| (x * 100.0).round() as i32;
        let min = hundredths(self.min_score());
        let has = |s: &str| crate::ui::article::find::fold(s).contains(&needle);
        open.iter()
            .filter(|s| {
                self.shows_status(s.status)
                    && hundredths(s.score) >= min
                    && (needle.is_empty() || has(&s.quote) || has(&s.speaker) || has(&s.cue))
            })
            .cloned()
            .collect()
    }
}

/// The suggestions mode: raw results per article, the visible (filtered) list and the current one.
pub struct SuggestState {
    pub open: bool,
    raw: HashMap<Key, Arc<Vec<Suggestion>>>,
    /// Articles being computed right now.
    pending: Vec<Key>,
    tx: Sender<Done>,
    rx: Receiver<Done>,
    /// (generation, revision, article, filter) the visible list was filtered for.
    visible_key: Option<(u64, u64, ArticleId, SuggestFilter)>,
    /// The current article's suggestions not yet claimed or rejected that the filter lists,
    /// sorted by position.
    pub visible: Vec<Suggestion>,
    /// How many are not yet claimed or rejected, listed or not.
    pub total: usize,
    /// Their spans, for the article view.
    pub(crate) marks: MarkIndex,
    /// Index into `visible`.
    pub current: Option<usize>,
    /// The article view should scroll to the current suggestion (once).
    pub(crate) scroll_article: bool,
    /// The panel list should scroll to the current row (once).
    pub(crate) scroll_list: bool,
}

impl Default for SuggestState {
    fn default() -> Self {
        let (tx, rx) = channel();
        SuggestState {
            open: false,
            raw: HashMap::new(),
            pending: Vec::new(),
            tx,
            rx,
            visible_key: None,
            visible: Vec::new(),
            total: 0,
            marks: MarkIndex::default(),
            current: None,
            scroll_article: false,
            scroll_list: false,
        }
    }
}

impl SuggestState {
    /// True while the current article's suggestions are still being computed.
    pub fn computing(&self, generation: u64, article: &ArticleId) -> bool {
        self.pending
            .iter()
            .any(|(g, a)| *g == generation && a == article)
    }

    /// The current suggestion.
    pub fn current(&self) -> Option<&Suggestion> {
        self.current.and_then(|i| self.visible.get(i))
    }

    fn set_current(&mut self, i: Option<usize>) {
        self.current = i;
        self.scroll_article = i.is_some();
        self.scroll_list = i.is_some();
    }
}

/// Drops suggestions an existing claim covers (sharing at least half of either span) and those
/// rejected before: the rule of `nlp::filter_known`, answered from the per-article span index so
/// it costs one binary search per suggestion instead of a pass over all claims.
fn filter_visible(
    project: &Project,
    spans: Option<&crate::ui::derived::SpanIndex>,
    raw: &[Suggestion],
) -> Vec<Suggestion> {
    // Rejections through the core's index: hash lookups, not a scan per suggestion.
    let known = crate::core::nlp::Known::new(project);
    raw.iter()
        .filter(|s| {
            let r = s.range();
            let claimed = spans.is_some_and(|idx| {
                idx.overlapping(r.clone()).any(|c| {
                    let ov = r.end.min(c.end).saturating_sub(r.start.max(c.start));
                    ov > 0 && (ov * 2 >= r.len() || ov * 2 >= c.end - c.start)
                })
            });
            !claimed && !known.covers(s)
        })
        .cloned()
        .collect()
}

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
                    self.claims.selected_set = crate::ui::claims::multi_select::only(last);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::store;
    use std::path::Path;

    #[test]
    fn span_index_filter_agrees_with_the_core_rule() {
        let project = store::from_ron_str(crate::ui::app::SAMPLE_PROJECT, Path::new("s.ron"))
            .expect("sample project loads");
        let mut derived = crate::ui::derived::Derived::default();
        derived.refresh(&project, 1, 0);
        for a in &project.articles {
            let raw = nlp::suggest_article(a);
            let ours = filter_visible(&project, derived.article_spans(&a.id), &raw);
            let core = nlp::filter_known(&project, raw);
            assert_eq!(ours, core);
        }
    }

    fn sugg(quote: &str, speaker: &str, cue: &str, status: Status, score: f32) -> Suggestion {
        Suggestion {
            article: ArticleId::generate(),
            start: 0,
            end: quote.chars().count(),
            quote: quote.into(),
            speaker: speaker.into(),
            cue: cue.into(),
            status,
            reason: String::new(),
            score,
        }
    }

    #[test]
    fn the_filter_narrows_by_status_score_and_folded_text() {
        let all = vec![
            sugg(
                "“Non-existent” rumour",
                "Kwon Jong Gun",
                "denied",
                Status::Denied,
                0.9,
            ),
            sugg(
                "北朝鮮 🚀 shipped rockets",
                "John Kirby",
                "according to",
                Status::Disputed,
                0.8,
            ),
            sugg("31 Abrams tanks", "", "figure", Status::Unreviewed, 0.4),
            sugg(
                "The café was open",
                "Zoë Lefèvre",
                "said",
                Status::Sourced,
                0.85,
            ),
        ];
        let quotes = |f: &SuggestFilter| -> Vec<String> {
            f.apply(&all).into_iter().map(|s| s.quote).collect()
        };
        let mut f = SuggestFilter::default();
        assert!(!f.is_active());
        assert_eq!(f.apply(&all), all);
        for s in [Status::Sourced, Status::Disputed, Status::Unreviewed] {
            f.set_status_shown(s, false);
        }
        assert!(f.is_active());
        assert_eq!(quotes(&f), ["“Non-existent” rumour"]);
        f.set_status_shown(Status::Disputed, true);
        f.set_status_shown(Status::Disputed, true);
        assert_eq!(f.hidden, [Status::Unreviewed, Status::Sourced]);
        f = SuggestFilter {
            min_score: 0.8,
            ..SuggestFilter::default()
        };
        assert_eq!(f.apply(&all).len(), 3, "0.8 itself is kept");
        f.min_score = 16.0 * 0.05 + 1e-6;
        assert_eq!(
            f.apply(&all).len(),
            3,
            "a slider's 0.80 keeps a score of 0.80"
        );
        f.min_score = 0.81;
        assert_eq!(f.apply(&all).len(), 2);
        f.min_score = f32::NAN;
        assert_eq!(f.apply(&all).len(), 4, "a corrupt minimum hides nothing");
        // Speaker, cue and quote; case, accents and CJK.
        f = SuggestFilter::default();
        for (needle, want) in [
            ("kirby", "北朝鮮 🚀 shipped rockets"),
            ("ZOE LEFEVRE", "The café was open"),
            ("Cafe", "The café was open"),
            ("北朝鮮", "北朝鮮 🚀 shipped rockets"),
            ("  figure ", "31 Abrams tanks"),
            ("\"non-existent\"", "“Non-existent” rumour"),
        ] {
            f.search = needle.into();
            assert_eq!(quotes(&f), [want], "search {needle:?}");
        }
        f.search = "zebra".into();
        assert!(f.apply(&all).is_empty());
    }
}
