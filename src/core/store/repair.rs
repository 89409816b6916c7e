//! Repairs what `check` finds: claims whose offsets no longer select their quote are re-anchored by
//! searching the quote and its stored context; those that cannot be found are flagged `orphaned`
//! (kept, never dropped); duplicate ids get fresh ones.

use crate::core::model::{Anchor, Article, ArticleId, ClaimId, Project};
use crate::core::text;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What [`repair`] changed, for printing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepairReport {
    /// Claims moved to where their quote is now: (claim, old range, new range).
    pub reanchored: Vec<(String, Range<usize>, Range<usize>)>,
    /// Claims newly flagged orphaned: their quote is not in their article (or the article is gone).
    pub orphaned: Vec<String>,
    /// Orphaned claims whose quote was found again; the flag was cleared.
    pub restored: Vec<String>,
    /// Duplicate ids replaced: (old, new).
    pub renamed_articles: Vec<(String, String)>,
    pub renamed_claims: Vec<(String, String)>,
}

impl RepairReport {
    pub fn is_empty(&self) -> bool {
        *self == RepairReport::default()
    }

    /// One human-readable line per change.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (old, new) in &self.renamed_articles {
            out.push(format!(
                "article id {old} was duplicated; the later one is now {new}"
            ));
        }
        for (old, new) in &self.renamed_claims {
            out.push(format!(
                "claim id {old} was duplicated; the later one is now {new}"
            ));
        }
        for (c, from, to) in &self.reanchored {
            out.push(format!(
                "claim {c}: re-anchored from {}..{} to {}..{}",
                from.start, from.end, to.start, to.end
            ));
        }
        for c in &self.restored {
            out.push(format!("claim {c}: quote found again; no longer orphaned"));
        }
        for c in &self.orphaned {
            out.push(format!(
                "claim {c}: quote not found in its article; kept and flagged orphaned"
            ));
        }
        out
    }
}

/// Chars shared at the end of `a` and `b`.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Where `anchor`'s quote is in `article`, preferring the occurrence whose surroundings match the
/// stored prefix and suffix, then the one nearest the old offsets.
pub fn find_anchor(article: &Article, anchor: &Anchor) -> Option<Anchor> {
    let mut best: Option<((usize, std::cmp::Reverse<usize>), Anchor)> = None;
    for r in text::find_all(&article.body, &anchor.quote) {
        let Some(cand) = Anchor::in_article(article, r.clone()) else {
            continue;
        };
        let context = common_suffix(&anchor.prefix, &cand.prefix)
            + common_prefix(&anchor.suffix, &cand.suffix);
        let key = (context, std::cmp::Reverse(r.start.abs_diff(anchor.start)));
        if best.as_ref().is_none_or(|(k, _)| key > *k) {
            best = Some((key, cand));
        }
    }
    best.map(|(_, a)| a)
}

/// Fixes every repairable problem in place and reports what changed. Claims are never removed.
pub fn repair(project: &mut Project) -> RepairReport {
    let mut report = RepairReport::default();
    let mut seen = HashSet::new();
    for a in &mut project.articles {
        if !seen.insert(a.id.0.clone()) {
            let new = ArticleId::generate();
            report
                .renamed_articles
                .push((a.id.0.clone(), new.0.clone()));
            a.id = new;
        }
    }
    let mut seen = HashSet::new();
    for c in &mut project.claims {
        if !seen.insert(c.id.0.clone()) {
            let new = ClaimId::generate();
            report.renamed_claims.push((c.id.0.clone(), new.0.clone()));
            c.id = new;
        }
    }
    let articles: HashMap<&str, &Article> = project
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    for c in &mut project.claims {
        if c.changed.is_some() {
            // It indexes an older version of its article on purpose: re-anchoring it on the
            // current text is exactly the guess a flagged claim must never get.
            continue;
        }
        let art = articles.get(c.article.as_str());
        if art.is_some_and(|a| c.anchor.matches_article(a)) {
            if c.orphaned {
                c.orphaned = false;
                report.restored.push(c.id.0.clone());
            }
            continue;
        }
        match art.and_then(|a| find_anchor(a, &c.anchor)) {
            Some(found) => {
                let (from, to) = (c.anchor.range(), found.range());
                c.anchor = found;
                if c.orphaned {
                    c.orphaned = false;
                    report.restored.push(c.id.0.clone());
                } else {
                    report.reanchored.push((c.id.0.clone(), from, to));
                }
            }
            None if !c.orphaned => {
                c.orphaned = true;
                report.orphaned.push(c.id.0.clone());
            }
            None => {}
        }
    }
    project.sort_claims();
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{ArticleMeta, Claim};
    use crate::core::time::Timestamp;

    #[test]
    fn reanchors_by_context_and_flags_the_rest() {
        let body = "“Yes” he said. Later: “Yes” she said — 北朝鮮 🚀.";
        let mut p = Project::new("r");
        p.articles.push(Article::new(ArticleMeta::default(), body));
        let art = &p.articles[0];
        let second = text::find_nth(body, "“Yes”", 2).expect("two");
        let good = Anchor::in_article(art, second.clone()).expect("anchor");
        let mut shifted = good.clone();
        shifted.start = 0;
        shifted.end = 3;
        let mut gone = good.clone();
        gone.quote = "Nope".into();
        let id = art.id.clone();
        for a in [shifted, gone] {
            p.claims
                .push(Claim::new(id.clone(), a, Timestamp("t".into())));
        }
        let report = repair(&mut p);
        assert_eq!(report.reanchored.len(), 1, "{report:?}");
        assert_eq!(
            report.reanchored[0].2, second,
            "picked the one with matching context"
        );
        assert_eq!(report.orphaned.len(), 1);
        assert_eq!(p.claims.len(), 2, "nothing dropped");
        assert_eq!(p.claims.iter().filter(|c| c.orphaned).count(), 1);
        assert!(
            super::super::check(&p).is_empty(),
            "{:?}",
            super::super::check(&p)
        );
        assert!(repair(&mut p).is_empty(), "idempotent");
    }
}
