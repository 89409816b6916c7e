//! Inter-annotator agreement between projects annotating the same articles.
//!
//! **Matching rule.** An article of one project corresponds to the article of the other with the
//! same id or, failing that, the same body (content hash). Two claims can match only if their
//! articles correspond and their spans overlap by at least one char. Among all such pairs, the
//! pair with the largest overlap (in chars) is matched first, then the next largest among claims
//! still free, and so on (greedy, one-to-one); ties go to the pair whose ends are closest, then to
//! the smaller claim ids, so the result is deterministic.
//!
//! **Statistics.** `span_f1` = 2 × matched / (claims in A + claims in B), the F1 of either side's
//! claims against the other's. `status_kappa` is Cohen's kappa of the statuses of the matched
//! pairs over the four statuses. With three or more annotators, claims are grouped by the same
//! greedy rule across all annotators (a group holds at most one claim per annotator), and Fleiss'
//! kappa is computed over the groups every annotator contributed to. Undefined statistics (no
//! claims, no matched pairs, or every rating in one category) are `None` (`null` in JSON).

use crate::core::model::{Article, Claim, ClaimId, Project, Status};
use serde::Serialize;
use std::collections::HashMap;

/// The comparison of two annotators.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Matched pairs (claim of A, claim of B), in A's order.
    pub matched: Vec<(ClaimId, ClaimId)>,
    pub only_a: Vec<ClaimId>,
    pub only_b: Vec<ClaimId>,
    pub span_f1: Option<f64>,
    pub status_kappa: Option<f64>,
    /// The share of matched pairs with the same status.
    pub status_observed: Option<f64>,
}

impl Comparison {
    /// The matched pairs whose statuses differ, with both statuses: what a side-by-side view
    /// highlights (adopting the other status is `Action::set_status`, adopting an unmatched claim
    /// of the other project is `Action::AddClaim` with a clone of it).
    pub fn status_differences(
        &self,
        a: &Project,
        b: &Project,
    ) -> Vec<(ClaimId, Status, ClaimId, Status)> {
        self.matched
            .iter()
            .filter_map(|(ia, ib)| {
                let (sa, sb) = (a.claim(ia)?.status, b.claim(ib)?.status);
                (sa != sb).then(|| (ia.clone(), sa, ib.clone(), sb))
            })
            .collect()
    }
}

/// The JSON that `factdesk agree A B --json` prints: exactly these keys.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairSummary {
    pub matched: usize,
    pub only_a: usize,
    pub only_b: usize,
    pub span_f1: Option<f64>,
    pub status_kappa: Option<f64>,
}

impl From<&Comparison> for PairSummary {
    fn from(c: &Comparison) -> Self {
        PairSummary {
            matched: c.matched.len(),
            only_a: c.only_a.len(),
            only_b: c.only_b.len(),
            span_f1: c.span_f1,
            status_kappa: c.status_kappa,
        }
    }
}

/// Agreement among three or more annotators.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupAgreement {
    /// Every pair (i, j) with i < j, indexes into the input.
    pub pairs: Vec<(usize, usize, Comparison)>,
    /// Groups of claims every annotator contributed one claim to.
    pub matched_all: usize,
    pub fleiss_kappa: Option<f64>,
}

fn articles_correspond(a: &Article, b: &Article) -> bool {
    a.id == b.id || (!a.content_hash.is_empty() && a.content_hash == b.content_hash)
}

fn overlap(a: &Claim, b: &Claim) -> usize {
    let start = a.anchor.start.max(b.anchor.start);
    let end = a.anchor.end.min(b.anchor.end);
    end.saturating_sub(start)
}

/// A candidate match: (overlap, end distance, claim ids) orders it; (annotator, index) locate it.
struct Edge<'a> {
    overlap: usize,
    distance: usize,
    ids: (&'a str, &'a str),
    left: (usize, usize),
    right: (usize, usize),
}

/// Every overlapping pair between annotators `i` and `j`, best first.
fn edges<'a>(projects: &[&'a Project], i: usize, j: usize, out: &mut Vec<Edge<'a>>) {
    let (a, b) = (projects[i], projects[j]);
    // For each A article, the B article it corresponds to (same id first, then same body).
    let mut counterpart = HashMap::new();
    for aa in &a.articles {
        let found = b
            .articles
            .iter()
            .find(|ba| ba.id == aa.id)
            .or_else(|| b.articles.iter().find(|ba| articles_correspond(aa, ba)));
        if let Some(ba) = found {
            counterpart.insert(&aa.id, &ba.id);
        }
    }
    // B's claims per article, sorted by start, with the longest span: a claim overlapping an A
    // claim starts within [a.start - longest, a.end), found by binary search.
    let mut b_by_article: HashMap<_, (Vec<(usize, &Claim)>, usize)> = HashMap::new();
    for (k, c) in b.claims.iter().enumerate() {
        let entry = b_by_article.entry(&c.article).or_default();
        entry.0.push((k, c));
        entry.1 = entry.1.max(c.anchor.end.saturating_sub(c.anchor.start));
    }
    for (list, _) in b_by_article.values_mut() {
        list.sort_by_key(|(_, c)| c.anchor.start);
    }
    for (ka, ca) in a.claims.iter().enumerate() {
        let Some((list, longest)) = counterpart
            .get(&ca.article)
            .and_then(|b| b_by_article.get(b))
        else {
            continue;
        };
        let from = ca.anchor.start.saturating_sub(*longest);
        let lo = list.partition_point(|(_, c)| c.anchor.start < from);
        let hi = list.partition_point(|(_, c)| c.anchor.start < ca.anchor.end);
        for &(kb, cb) in &list[lo..hi.max(lo)] {
            let ov = overlap(ca, cb);
            if ov > 0 {
                out.push(Edge {
                    overlap: ov,
                    distance: ca.anchor.start.abs_diff(cb.anchor.start)
                        + ca.anchor.end.abs_diff(cb.anchor.end),
                    ids: (ca.id.as_str(), cb.id.as_str()),
                    left: (i, ka),
                    right: (j, kb),
                });
            }
        }
    }
}

fn sort_edges(edges: &mut [Edge]) {
    edges.sort_by(|x, y| {
        y.overlap
            .cmp(&x.overlap)
            .then(x.distance.cmp(&y.distance))
            .then(x.ids.cmp(&y.ids))
    });
}

/// Compares two annotators' projects (see the module docs for the rule).
pub fn compare(a: &Project, b: &Project) -> Comparison {
    let mut es = Vec::new();
    edges(&[a, b], 0, 1, &mut es);
    sort_edges(&mut es);
    let mut match_of_a: Vec<Option<usize>> = vec![None; a.claims.len()];
    let mut b_used = vec![false; b.claims.len()];
    for e in &es {
        let (ka, kb) = (e.left.1, e.right.1);
        if match_of_a[ka].is_none() && !b_used[kb] {
            match_of_a[ka] = Some(kb);
            b_used[kb] = true;
        }
    }
    let mut matched = Vec::new();
    let mut only_a = Vec::new();
    let mut confusion = vec![vec![0usize; Status::ALL.len()]; Status::ALL.len()];
    for (ka, m) in match_of_a.iter().enumerate() {
        let ca = &a.claims[ka];
        match m {
            Some(kb) => {
                let cb = &b.claims[*kb];
                matched.push((ca.id.clone(), cb.id.clone()));
                confusion[status_index(ca.status)][status_index(cb.status)] += 1;
            }
            None => only_a.push(ca.id.clone()),
        }
    }
    let only_b = b
        .claims
        .iter()
        .zip(&b_used)
        .filter(|(_, used)| !**used)
        .map(|(c, _)| c.id.clone())
        .collect();
    let total = a.claims.len() + b.claims.len();
    let span_f1 = (total > 0).then(|| 2.0 * matched.len() as f64 / total as f64);
    let n = matched.len();
    let agree: usize = (0..Status::ALL.len()).map(|k| confusion[k][k]).sum();
    Comparison {
        status_observed: (n > 0).then(|| agree as f64 / n as f64),
        status_kappa: cohen_kappa(&confusion),
        matched,
        only_a,
        only_b,
        span_f1,
    }
}

fn status_index(s: Status) -> usize {
    s.index()
}

/// Agreement among any number of annotators: every pairwise comparison, plus Fleiss' kappa over
/// the claim groups all of them share.
pub fn compare_all(projects: &[&Project]) -> GroupAgreement {
    let mut pairs = Vec::new();
    let mut es = Vec::new();
    for i in 0..projects.len() {
        for j in i + 1..projects.len() {
            pairs.push((i, j, compare(projects[i], projects[j])));
            edges(projects, i, j, &mut es);
        }
    }
    sort_edges(&mut es);
    // Greedy grouping: a group may hold at most one claim per annotator.
    let mut group_of: HashMap<(usize, usize), usize> = HashMap::new();
    let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
    for e in &es {
        match (
            group_of.get(&e.left).copied(),
            group_of.get(&e.right).copied(),
        ) {
            (None, None) => {
                group_of.insert(e.left, groups.len());
                group_of.insert(e.right, groups.len());
                groups.push(vec![e.left, e.right]);
            }
            (Some(g), None) | (None, Some(g)) => {
                let free = if group_of.contains_key(&e.left) {
                    e.right
                } else {
                    e.left
                };
                if groups[g].iter().all(|m| m.0 != free.0) {
                    group_of.insert(free, g);
                    groups[g].push(free);
                }
            }
            (Some(g), Some(h)) if g != h => {
                let disjoint = groups[h]
                    .iter()
                    .all(|m| groups[g].iter().all(|n| n.0 != m.0));
                if disjoint {
                    let moved = std::mem::take(&mut groups[h]);
                    for m in &moved {
                        group_of.insert(*m, g);
                    }
                    groups[g].extend(moved);
                }
            }
            _ => {}
        }
    }
    let full: Vec<Vec<usize>> = groups
        .iter()
        .filter(|g| g.len() == projects.len() && projects.len() >= 2)
        .map(|g| {
            let mut counts = vec![0usize; Status::ALL.len()];
            for &(p, k) in g {
                counts[status_index(projects[p].claims[k].status)] += 1;
            }
            counts
        })
        .collect();
    GroupAgreement {
        pairs,
        matched_all: full.len(),
        fleiss_kappa: fleiss_kappa(&full),
    }
}

/// Cohen's kappa from a square confusion matrix (`m[i][j]`: rater 1 said i, rater 2 said j).
/// `None` when there are no ratings or chance agreement is already total.
pub fn cohen_kappa(m: &[Vec<usize>]) -> Option<f64> {
    let n: usize = m.iter().flatten().sum();
    if n == 0 {
        return None;
    }
    let n = n as f64;
    let k = m.len();
    let observed = (0..k)
        .map(|i| m[i].get(i).copied().unwrap_or(0))
        .sum::<usize>() as f64
        / n;
    let expected: f64 = (0..k)
        .map(|i| {
            let row: usize = m[i].iter().sum();
            let col: usize = m.iter().map(|r| r.get(i).copied().unwrap_or(0)).sum();
            (row as f64 / n) * (col as f64 / n)
        })
        .sum();
    if (1.0 - expected).abs() < f64::EPSILON {
        return None;
    }
    Some((observed - expected) / (1.0 - expected))
}

/// Fleiss' kappa from per-item category counts (`counts[i][k]`: raters putting item i in category
/// k; every item rated by the same number of raters, at least two). `None` when undefined.
pub fn fleiss_kappa(counts: &[Vec<usize>]) -> Option<f64> {
    let items = counts.len();
    let raters: usize = counts.first()?.iter().sum();
    if raters < 2 || counts.iter().any(|r| r.iter().sum::<usize>() != raters) {
        return None;
    }
    let cats = counts.iter().map(Vec::len).max().unwrap_or(0);
    let total = (items * raters) as f64;
    let p_cat: Vec<f64> = (0..cats)
        .map(|k| {
            counts
                .iter()
                .map(|r| r.get(k).copied().unwrap_or(0))
                .sum::<usize>() as f64
                / total
        })
        .collect();
    let r = raters as f64;
    let p_bar = counts
        .iter()
        .map(|row| {
            let sq: usize = row.iter().map(|c| c * c).sum();
            (sq as f64 - r) / (r * (r - 1.0))
        })
        .sum::<f64>()
        / items as f64;
    let p_e: f64 = p_cat.iter().map(|p| p * p).sum();
    if (1.0 - p_e).abs() < f64::EPSILON {
        return None;
    }
    Some((p_bar - p_e) / (1.0 - p_e))
}
