//! Data derived from the project once per revision (counts, per-article span index), so no frame
//! walks all claims: panels read these instead of scanning `Project::claims`.

use crate::core::model::{ArticleId, ClaimId, Project, Status, StatusCounts};
use std::collections::HashMap;
use std::ops::Range;

/// One claim's span in an article, pointing back into `Project::claims`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub status: Status,
    /// Index into `Project::claims` (valid for the revision this was built at).
    pub claim: usize,
}

/// The spans of one article sorted by start, with a running maximum of ends so that the spans
/// overlapping any range are found by binary search.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    pub spans: Vec<Span>,
    max_end: Vec<usize>,
}

impl SpanIndex {
    fn push(&mut self, span: Span) {
        let m = self.max_end.last().copied().unwrap_or(0).max(span.end);
        self.max_end.push(m);
        self.spans.push(span);
    }

    /// Spans that share at least one char with `range`.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Span> {
        // max_end is non-decreasing: skip every span that (with all before it) ends before us.
        let first = self.max_end.partition_point(|&e| e <= range.start);
        self.spans[first..]
            .iter()
            .take_while(move |s| s.start < range.end)
            .filter(move |s| s.end > range.start)
    }

    /// The innermost (shortest) span containing char `pos`.
    pub fn innermost_at(&self, pos: usize) -> Option<&Span> {
        self.overlapping(pos..pos + 1)
            .min_by_key(|s| (s.end - s.start, s.start))
    }
}

/// Everything the panels need that would otherwise cost a pass over all claims per frame.
#[derive(Debug, Default)]
pub struct Derived {
    key: Option<(u64, u64)>,
    pub counts: StatusCounts,
    pub per_article: HashMap<ArticleId, StatusCounts>,
    pub spans: HashMap<ArticleId, SpanIndex>,
    /// Each claim's index in `Project::claims`: finding the selected claim every frame by
    /// walking all claims cost a frame more the more claims there were.
    ids: HashMap<ClaimId, usize>,
    /// How many times it was rebuilt (tests and `frame_bench` check idle frames add none).
    pub rebuilds: usize,
}

impl Derived {
    /// Rebuilds when the project changed (`generation` names the open project, `revision` its state).
    /// Returns true when it rebuilt.
    pub fn refresh(&mut self, project: &Project, generation: u64, revision: u64) -> bool {
        if self.key == Some((generation, revision)) {
            return false;
        }
        self.key = Some((generation, revision));
        self.rebuilds += 1;
        self.counts = project.counts();
        self.per_article.clear();
        self.spans.clear();
        self.ids.clear();
        for (i, c) in project.claims.iter().enumerate() {
            self.ids.insert(c.id.clone(), i);
            let counts = self.per_article.entry(c.article.clone()).or_default();
            counts.add(c.status);
            if c.changed.is_some() {
                // Its offsets index an older version of the text: drawing them on the current
                // text would mark other words. It is listed (flagged), not highlighted.
                continue;
            }
            // Claims are kept sorted by (article, start, end): spans come out sorted by start.
            self.spans.entry(c.article.clone()).or_default().push(Span {
                start: c.anchor.start,
                end: c.anchor.end,
                status: c.status,
                claim: i,
            });
        }
        true
    }

    pub fn article_counts(&self, id: &ArticleId) -> StatusCounts {
        self.per_article.get(id).copied().unwrap_or_default()
    }

    /// The index of claim `id` in `Project::claims` at the revision this was built for.
    pub fn claim_index(&self, id: &ClaimId) -> Option<usize> {
        self.ids.get(id).copied()
    }

    pub fn article_spans(&self, id: &ArticleId) -> Option<&SpanIndex> {
        self.spans.get(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(ranges: &[(usize, usize)]) -> SpanIndex {
        let mut idx = SpanIndex::default();
        for (i, (s, e)) in ranges.iter().enumerate() {
            idx.push(Span {
                start: *s,
                end: *e,
                status: Status::Unreviewed,
                claim: i,
            });
        }
        idx
    }

    #[test]
    fn overlapping_finds_long_earlier_spans() {
        let idx = index(&[(0, 100), (5, 8), (10, 12), (50, 60)]);
        let hits: Vec<usize> = idx.overlapping(9..11).map(|s| s.claim).collect();
        assert_eq!(hits, vec![0, 2]);
        let hits: Vec<usize> = idx.overlapping(100..200).map(|s| s.claim).collect();
        assert!(hits.is_empty());
        assert_eq!(idx.innermost_at(6).map(|s| s.claim), Some(1));
        assert_eq!(idx.innermost_at(30).map(|s| s.claim), Some(0));
        assert!(idx.innermost_at(150).is_none());
    }

    #[test]
    fn refresh_rebuilds_only_when_the_revision_or_project_changes() {
        let project = crate::core::synth::project(20_000, 200);
        let mut d = Derived::default();
        assert!(d.refresh(&project, 1, 0));
        for _ in 0..5 {
            assert!(!d.refresh(&project, 1, 0), "same revision: nothing rebuilt");
        }
        assert_eq!(d.rebuilds, 1);
        for (i, c) in project.claims.iter().enumerate().step_by(37) {
            assert_eq!(d.claim_index(&c.id), Some(i));
        }
        assert!(d.refresh(&project, 1, 1));
        assert!(d.refresh(&project, 2, 1));
        assert_eq!(d.rebuilds, 3);
    }
}
