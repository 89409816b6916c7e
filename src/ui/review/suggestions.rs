//! Claim suggestions in the GUI: computed per article on a worker thread (bodies never change, so
//! one result per article and project serves every revision), filtered against the current claims
//! and rejections once per revision, narrowed by the panel's filter (suggested status, minimum
//! score, text), and accepted or rejected as ordinary undoable edits.

use crate::core::model::{ArticleId, Project, Status};
use crate::core::nlp::Suggestion;
use crate::ui::text::MarkIndex;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Which article of which open project a result belongs to.
type Key = (u64, ArticleId);

/// A finished computation sent back by the worker.
pub(crate) struct Done {
    pub(crate) key: Key,
    pub(crate) suggestions: Vec<Suggestion>,
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
        let needle = crate::ui::text::fold(self.search.trim());
        // Compared in hundredths, as the rows and the slider show them: a score shown as 0.80
        // stays listed at a minimum shown as 0.80 whatever the float noise on either side.
        let hundredths = |x: f32| (x * 100.0).round() as i32;
        let min = hundredths(self.min_score());
        let has = |s: &str| crate::ui::text::fold(s).contains(&needle);
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
    pub(crate) raw: HashMap<Key, Arc<Vec<Suggestion>>>,
    /// Articles being computed right now.
    pub(crate) pending: Vec<Key>,
    pub(crate) tx: Sender<Done>,
    pub(crate) rx: Receiver<Done>,
    /// (generation, revision, article, filter) the visible list was filtered for.
    pub(crate) visible_key: Option<(u64, u64, ArticleId, SuggestFilter)>,
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

    pub(crate) fn set_current(&mut self, i: Option<usize>) {
        self.current = i;
        self.scroll_article = i.is_some();
        self.scroll_list = i.is_some();
    }
}

/// Drops suggestions an existing claim covers (sharing at least half of either span) and those
/// rejected before: the rule of `nlp::filter_known`, answered from the per-article span index so
/// it costs one binary search per suggestion instead of a pass over all claims.
pub(crate) fn filter_visible(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::nlp;
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
