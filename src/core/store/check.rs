//! Consistency checks on a loaded project: unique ids, claims that point at real articles, and
//! anchors whose offsets still select their stored quote.

use crate::core::model::Project;
use std::collections::HashSet;
use std::fmt;

/// One thing wrong with a project. Loading never fails on these; `factdesk check` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    DuplicateArticleId {
        id: String,
    },
    DuplicateClaimId {
        id: String,
    },
    UnknownArticle {
        claim: String,
        article: String,
    },
    AnchorOutOfRange {
        claim: String,
        start: usize,
        end: usize,
        len: usize,
    },
    QuoteMismatch {
        claim: String,
        quote: String,
        found: String,
    },
    /// A stored version of an article does not rebuild to its recorded hash.
    BrokenVersion {
        article: String,
        version: u32,
    },
    /// A claim flagged on a version of its article that the project does not hold.
    MissingVersion {
        claim: String,
        article: String,
        version: u32,
    },
    /// A merge conflict nobody has resolved yet (`factdesk resolve`).
    UnresolvedConflict {
        conflict: Box<crate::core::model::Conflict>,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::DuplicateArticleId { id } => {
                write!(f, "article id {id} is used more than once")
            }
            Problem::DuplicateClaimId { id } => write!(f, "claim id {id} is used more than once"),
            Problem::UnknownArticle { claim, article } => {
                write!(
                    f,
                    "claim {claim} points to article {article}, which is not in the project"
                )
            }
            Problem::AnchorOutOfRange {
                claim,
                start,
                end,
                len,
            } => write!(
                f,
                "claim {claim}: range {start}..{end} is empty or outside its article ({len} chars)"
            ),
            Problem::QuoteMismatch {
                claim,
                quote,
                found,
            } => write!(
                f,
                "claim {claim}: stored quote {quote:?} does not match the article text {found:?}"
            ),
            Problem::BrokenVersion { article, version } => write!(
                f,
                "article {article}: version {version} does not rebuild to its recorded hash (damaged)"
            ),
            Problem::MissingVersion {
                claim,
                article,
                version,
            } => write!(
                f,
                "claim {claim}: flagged on version {version} of article {article}, which the project does not hold"
            ),
            Problem::UnresolvedConflict { conflict } => {
                write!(f, "unresolved merge conflict: {conflict}")
            }
        }
    }
}

/// The article and claim ids used more than once, each named once. A merge refuses such files:
/// two records under one id cannot be told apart.
pub fn duplicate_ids(project: &Project) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let ids = project
        .articles
        .iter()
        .map(|a| a.id.as_str())
        .chain(project.claims.iter().map(|c| c.id.as_str()));
    for id in ids {
        if !seen.insert(id) && !out.iter().any(|o| o == id) {
            out.push(id.to_string());
        }
    }
    out
}

/// Lists every problem in the project (empty when all is well).
pub fn check(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for a in &project.articles {
        if !seen.insert(a.id.as_str()) {
            problems.push(Problem::DuplicateArticleId { id: a.id.0.clone() });
        }
    }
    let articles: std::collections::HashMap<&str, &crate::core::model::Article> = project
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    for a in &project.articles {
        for version in crate::core::versions::broken_versions(a) {
            problems.push(Problem::BrokenVersion {
                article: a.id.0.clone(),
                version,
            });
        }
    }
    // Bodies of older versions, rebuilt once each for the flagged claims that index them.
    let mut old_bodies: std::collections::HashMap<
        (&str, u32),
        Option<crate::core::model::Article>,
    > = std::collections::HashMap::new();
    let mut seen = HashSet::new();
    for c in &project.claims {
        if !seen.insert(c.id.as_str()) {
            problems.push(Problem::DuplicateClaimId { id: c.id.0.clone() });
        }
        if c.orphaned {
            // Already flagged by repair: kept on purpose, offsets not trusted.
            continue;
        }
        let Some(&current) = articles.get(c.article.as_str()) else {
            problems.push(Problem::UnknownArticle {
                claim: c.id.0.clone(),
                article: c.article.0.clone(),
            });
            continue;
        };
        let old;
        let art = match &c.changed {
            Some(ch) if ch.version == 0 || ch.version > current.version => {
                problems.push(Problem::MissingVersion {
                    claim: c.id.0.clone(),
                    article: current.id.0.clone(),
                    version: ch.version,
                });
                continue;
            }
            Some(ch) if ch.version != current.version => {
                let rebuilt = old_bodies
                    .entry((current.id.as_str(), ch.version))
                    .or_insert_with(|| {
                        current.body_of(ch.version).map(|body| {
                            crate::core::model::Article::new(current.meta.clone(), &body)
                        })
                    });
                match rebuilt {
                    Some(a) => {
                        old = a;
                        old
                    }
                    None => {
                        problems.push(Problem::BrokenVersion {
                            article: current.id.0.clone(),
                            version: ch.version,
                        });
                        continue;
                    }
                }
            }
            _ => current,
        };
        let a = &c.anchor;
        let len = art.char_len();
        if a.start >= a.end || a.end > len {
            problems.push(Problem::AnchorOutOfRange {
                claim: c.id.0.clone(),
                start: a.start,
                end: a.end,
                len,
            });
        } else if !a.matches_article(art) {
            let found = art.slice(a.range()).unwrap_or_default().to_string();
            problems.push(Problem::QuoteMismatch {
                claim: c.id.0.clone(),
                quote: a.quote.clone(),
                found,
            });
        }
    }
    problems.extend(
        project
            .conflicts
            .iter()
            .map(|c| Problem::UnresolvedConflict {
                conflict: Box::new(c.clone()),
            }),
    );
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::action::{Action, apply};
    use crate::core::model::{Article, ArticleId, ArticleMeta};
    use crate::core::time::Timestamp;

    #[test]
    fn finds_each_kind_of_problem() {
        let mut p = Project::new("t");
        p.articles
            .push(Article::new(ArticleMeta::default(), "alpha beta gamma"));
        let art = p.articles[0].id.clone();
        for r in [0..5, 6..10] {
            let act = Action::add_claim(&p, &art, r, true, Timestamp::now()).expect("ok");
            apply(&mut p, act).expect("add");
        }
        assert!(check(&p).is_empty());
        let mut bad = p.clone();
        bad.claims[1].id = bad.claims[0].id.clone();
        bad.claims[0].anchor.quote = "omega".into();
        let mut orphan = bad.claims[1].clone();
        orphan.article = ArticleId("a-gone".into());
        bad.claims.push(orphan);
        let mut far = bad.claims[1].clone();
        far.anchor.end = 99;
        bad.claims.push(far);
        bad.articles.push(bad.articles[0].clone());
        let found = check(&bad);
        let text: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert!(
            matches!(found[0], Problem::DuplicateArticleId { .. }),
            "{text:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| matches!(p, Problem::DuplicateClaimId { .. }))
        );
        assert!(
            found
                .iter()
                .any(|p| matches!(p, Problem::QuoteMismatch { .. }))
        );
        assert!(
            found
                .iter()
                .any(|p| matches!(p, Problem::UnknownArticle { .. }))
        );
        assert!(
            found
                .iter()
                .any(|p| matches!(p, Problem::AnchorOutOfRange { .. }))
        );
    }
}
