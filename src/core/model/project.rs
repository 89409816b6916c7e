//! The project: articles in the order they were added, and all claims in a canonical order.

use super::article::Article;
use super::claim::Claim;
use super::conflict::{Conflict, ConflictField};
use super::ids::{ArticleId, ClaimId};
use super::rejected::RejectedSuggestion;
use super::status::Status;
use super::verdict::RatingScale;
use serde::{Deserialize, Serialize};

/// Settings saved with the project (not UI preferences: those live with the app).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectSettings {
    /// The organisation publishing the reviews (ClaimReview `author`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reviewer_org: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reviewer_url: String,
    /// The scale verdicts are given on; none by default (claims then carry only statuses).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating_scale: Option<RatingScale>,
    /// Also ask the Internet Archive to save each captured page (off by default; the only
    /// network call factdesk makes beyond the page itself). Written only when on.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub internet_archive: bool,
}

/// A fact-checking project.
///
/// Invariant: `claims` is kept sorted by (article position, start, end, id) so that files are
/// stable whatever order claims were added in; use [`Project::insert_claim`] to add.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Project {
    pub title: String,
    pub settings: ProjectSettings,
    pub articles: Vec<Article>,
    pub claims: Vec<Claim>,
    /// Disagreements left by a merge, in the order found; empty when there are none.
    pub conflicts: Vec<Conflict>,
    /// Claim suggestions the analyst rejected, kept sorted; never proposed again.
    pub rejected_suggestions: Vec<RejectedSuggestion>,
}

/// Claims per status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatusCounts {
    pub unreviewed: usize,
    pub sourced: usize,
    pub disputed: usize,
    pub denied: usize,
}

impl StatusCounts {
    pub fn get(&self, s: Status) -> usize {
        match s {
            Status::Unreviewed => self.unreviewed,
            Status::Sourced => self.sourced,
            Status::Disputed => self.disputed,
            Status::Denied => self.denied,
        }
    }

    pub fn total(&self) -> usize {
        self.unreviewed + self.sourced + self.disputed + self.denied
    }

    pub fn reviewed(&self) -> usize {
        self.total() - self.unreviewed
    }

    /// Counts one more claim of status `s`.
    pub fn add(&mut self, s: Status) {
        match s {
            Status::Unreviewed => self.unreviewed += 1,
            Status::Sourced => self.sourced += 1,
            Status::Disputed => self.disputed += 1,
            Status::Denied => self.denied += 1,
        }
    }
}

impl Project {
    pub fn new(title: &str) -> Self {
        Project {
            title: title.to_string(),
            ..Project::default()
        }
    }

    pub fn article(&self, id: &ArticleId) -> Option<&Article> {
        self.articles.iter().find(|a| &a.id == id)
    }

    pub fn article_index(&self, id: &ArticleId) -> Option<usize> {
        self.articles.iter().position(|a| &a.id == id)
    }

    /// Finds an article by exact id, or by a unique id prefix (handy on the command line), with or
    /// without its `a-`.
    pub fn find_article(&self, id_or_prefix: &str) -> Option<&Article> {
        find_by_id(&self.articles, |a| a.id.as_str(), "a-", id_or_prefix)
    }

    /// Finds a claim by exact id, or by a unique id prefix, with or without its `c-`.
    pub fn find_claim(&self, id_or_prefix: &str) -> Option<&Claim> {
        find_by_id(&self.claims, |c| c.id.as_str(), "c-", id_or_prefix)
    }

    pub fn claim(&self, id: &ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|c| &c.id == id)
    }

    pub fn claim_index(&self, id: &ClaimId) -> Option<usize> {
        self.claims.iter().position(|c| &c.id == id)
    }

    /// The claims of one article, in position order.
    pub fn claims_of<'a>(&'a self, article: &'a ArticleId) -> impl Iterator<Item = &'a Claim> + 'a {
        self.claims.iter().filter(move |c| &c.article == article)
    }

    pub fn counts(&self) -> StatusCounts {
        self.count_where(|_| true)
    }

    pub fn counts_for(&self, article: &ArticleId) -> StatusCounts {
        self.count_where(|c| &c.article == article)
    }

    fn count_where(&self, keep: impl Fn(&Claim) -> bool) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for c in self.claims.iter().filter(|c| keep(c)) {
            counts.add(c.status);
        }
        counts
    }

    /// The position of the unresolved conflict on `id`'s `field`.
    pub fn conflict_index(&self, id: &str, field: ConflictField) -> Option<usize> {
        self.conflicts
            .iter()
            .position(|c| c.id == id && c.field == field)
    }

    /// The unresolved conflicts on one claim (or article), for the claim panel.
    pub fn conflicts_on<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Conflict> + 'a {
        self.conflicts.iter().filter(move |c| c.id == id)
    }

    /// The canonical sort key of a claim: article position, then span, then id.
    fn claim_key(&self, c: &Claim) -> (usize, usize, usize, String) {
        let art = self.article_index(&c.article).unwrap_or(usize::MAX);
        (art, c.anchor.start, c.anchor.end, c.id.0.clone())
    }

    /// Inserts a claim at its canonical position and returns that index.
    pub fn insert_claim(&mut self, claim: Claim) -> usize {
        let key = self.claim_key(&claim);
        let at = self.claims.partition_point(|c| self.claim_key(c) < key);
        self.claims.insert(at, claim);
        at
    }

    /// Restores the canonical claim order (after loading a hand-edited file, say).
    pub fn sort_claims(&mut self) {
        let mut keyed: Vec<_> = std::mem::take(&mut self.claims)
            .into_iter()
            .map(|c| (self.claim_key(&c), c))
            .collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        self.claims = keyed.into_iter().map(|(_, c)| c).collect();
    }
}

/// Exact id first; then the one id starting with `query`; then the one starting with `kind`
/// followed by `query`. An ambiguous or empty prefix finds nothing.
fn find_by_id<'a, T>(
    items: &'a [T],
    id: impl Fn(&T) -> &str,
    kind: &str,
    query: &str,
) -> Option<&'a T> {
    if query.is_empty() {
        return None;
    }
    if let Some(hit) = items.iter().find(|t| id(t) == query) {
        return Some(hit);
    }
    let unique = |prefix: &str| {
        let mut hits = items.iter().filter(|t| id(t).starts_with(prefix));
        match (hits.next(), hits.next()) {
            (Some(t), None) => Some(t),
            _ => None,
        }
    };
    unique(query).or_else(|| {
        if query.starts_with(kind) {
            None
        } else {
            unique(&format!("{kind}{query}"))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Anchor, ArticleMeta};
    use crate::core::time::Timestamp;

    fn claim(p: &Project, art: usize, start: usize, end: usize) -> Claim {
        let a = &p.articles[art];
        let anchor = Anchor::new(&a.body, start..end).expect("range in body");
        Claim::new(a.id.clone(), anchor, Timestamp::now())
    }

    #[test]
    fn claims_stay_in_canonical_order() {
        let mut p = Project::new("t");
        p.articles
            .push(Article::new(ArticleMeta::default(), "alpha beta gamma"));
        p.articles
            .push(Article::new(ArticleMeta::default(), "delta epsilon"));
        let c1 = claim(&p, 1, 0, 5);
        let c2 = claim(&p, 0, 6, 10);
        let c3 = claim(&p, 0, 0, 5);
        for c in [c1.clone(), c2.clone(), c3.clone()] {
            p.insert_claim(c);
        }
        let order: Vec<_> = p.claims.iter().map(|c| c.id.clone()).collect();
        assert_eq!(order, vec![c3.id.clone(), c2.id.clone(), c1.id.clone()]);
        p.claims.reverse();
        p.sort_claims();
        let again: Vec<_> = p.claims.iter().map(|c| c.id.clone()).collect();
        assert_eq!(again, order);
        assert_eq!(p.counts().total(), 3);
        assert_eq!(p.counts_for(&p.articles[0].id.clone()).total(), 2);
    }

    #[test]
    fn find_article_by_unique_prefix() {
        let mut p = Project::new("t");
        let mut a = Article::new(ArticleMeta::default(), "x");
        a.id = ArticleId("a-abc".into());
        let mut b = Article::new(ArticleMeta::default(), "y");
        b.id = ArticleId("a-abd".into());
        p.articles.push(a);
        p.articles.push(b);
        assert!(p.find_article("a-ab").is_none(), "ambiguous");
        assert_eq!(p.find_article("a-abd").map(|a| a.body.as_str()), Some("y"));
        assert_eq!(p.find_article("a-abc").map(|a| a.body.as_str()), Some("x"));
        assert!(p.find_article("").is_none());
        assert_eq!(p.find_article("abd").map(|a| a.body.as_str()), Some("y"));
        assert!(p.find_article("ab").is_none(), "ambiguous without a- too");
    }

    #[test]
    fn find_claim_by_unique_prefix() {
        let mut p = Project::new("t");
        p.articles
            .push(Article::new(ArticleMeta::default(), "alpha beta gamma"));
        let mut one = claim(&p, 0, 0, 5);
        one.id = ClaimId("c-xy1".into());
        let mut two = claim(&p, 0, 6, 10);
        two.id = ClaimId("c-xz2".into());
        p.claims = vec![one, two];
        assert_eq!(p.find_claim("c-xy").map(|c| c.anchor.start), Some(0));
        assert_eq!(p.find_claim("xz").map(|c| c.anchor.start), Some(6));
        assert!(p.find_claim("c-x").is_none(), "ambiguous");
        assert!(p.find_claim("x").is_none(), "ambiguous");
        assert!(p.find_claim("").is_none());
    }
}
