//! Every edit to a project is an [`Action`] value applied by [`apply`], which returns the inverse
//! action. The GUI, the CLI, undo/redo and autosave all go through this one function.

use crate::core::model::{
    Anchor, Article, ArticleId, ArticleMeta, Claim, ClaimId, Conflict, ConflictField, Project,
    ProjectSettings, RejectedSuggestion, SignOff, Source, Status, Take,
};
use crate::core::text;
use crate::core::time::Timestamp;
use std::ops::Range;

mod batch;
use batch::apply_batch;

/// A change to one field of a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimEdit {
    Speaker(String),
    Note(String),
    Sources(Vec<Source>),
    /// A level of the project's rating scale, or empty for no verdict.
    Verdict(String),
    /// What was checked, in one line.
    Summary(String),
    /// Where the fact-check is published.
    ReviewUrl(String),
}

/// Which field an edit touches; consecutive typing in one field merges into one undo step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Status,
    Speaker,
    Note,
    Sources,
    Summary,
    ReviewUrl,
    ArticleMeta,
    ProjectTitle,
    ProjectSettings,
}

/// One user edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SetProjectTitle {
        title: String,
    },
    SetProjectSettings {
        settings: ProjectSettings,
    },
    AddArticle {
        article: Box<Article>,
    },
    /// Removes an article together with its claims.
    RemoveArticle {
        id: ArticleId,
    },
    /// Puts back an article (at `index`) and its claims; the inverse of `RemoveArticle`.
    RestoreArticle {
        index: usize,
        article: Box<Article>,
        claims: Vec<Claim>,
    },
    SetArticleMeta {
        id: ArticleId,
        meta: Box<ArticleMeta>,
    },
    /// Replaces an article and some of its claims wholesale (a new version of the text, with its
    /// claims carried over or flagged); the inverse restores the previous values.
    ReplaceArticle {
        article: Box<Article>,
        claims: Vec<Claim>,
    },
    AddClaim {
        claim: Box<Claim>,
    },
    RemoveClaim {
        id: ClaimId,
    },
    EditClaim {
        id: ClaimId,
        edit: ClaimEdit,
        at: Timestamp,
    },
    /// Replaces a claim wholesale; the inverse of `EditClaim` (restores `updated` exactly).
    ReplaceClaim {
        claim: Box<Claim>,
    },
    /// Several actions as one undo step (e.g. "accept all suggestions").
    Batch {
        actions: Vec<Action>,
    },
    /// Sets a claim's status and appends a [`StatusChange`] by `by` to its history (nothing is
    /// appended when the status is unchanged). The inverse is `ReplaceClaim` with the old claim.
    /// [`crate::core::session::Session::edit`] turns `EditClaim` status edits into this, filling
    /// `by` with the session's analyst.
    SetStatus {
        id: ClaimId,
        status: Status,
        by: String,
        at: Timestamp,
    },
    /// Signs a claim off (`Some`) or clears the sign-off (`None`). The inverse restores the old mark.
    SetReviewed {
        id: ClaimId,
        reviewed: Option<SignOff>,
    },
    /// Settles the merge conflict on `id`'s `field` with the value `take` selects and removes it
    /// from `Project::conflicts`. The inverse is `ReopenConflict`.
    ResolveConflict {
        id: String,
        field: ConflictField,
        take: Take,
    },
    /// Puts a resolved conflict back at `index` after applying `undo` (what undoes the value the
    /// resolution set); the inverse of `ResolveConflict`.
    ReopenConflict {
        index: usize,
        conflict: Box<Conflict>,
        undo: Box<Action>,
    },
    /// Remembers a rejected claim suggestion so it is not proposed again.
    RejectSuggestion {
        rejected: RejectedSuggestion,
    },
    /// Forgets a rejection; the inverse of `RejectSuggestion`.
    UnrejectSuggestion {
        rejected: RejectedSuggestion,
    },
}

/// Why an action could not be applied. The project is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("no article with id '{0}'")]
    UnknownArticle(ArticleId),
    #[error("no claim with id '{0}'")]
    UnknownClaim(ClaimId),
    #[error("an article with id '{0}' already exists")]
    DuplicateArticle(ArticleId),
    #[error("a claim with id '{0}' already exists")]
    DuplicateClaim(ClaimId),
    #[error("range {start}..{end} is empty or outside the article ({len} chars)")]
    BadRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("the claim's quote does not match the article text at {start}..{end}")]
    QuoteMismatch { start: usize, end: usize },
    #[error("the selection contains no text")]
    EmptySelection,
    #[error("that suggestion is already rejected")]
    AlreadyRejected,
    #[error("that suggestion is not rejected")]
    NotRejected,
    #[error("'{quote}' occurs {found} time(s) in the article; occurrence {nth} was asked for")]
    QuoteNotFound {
        quote: String,
        nth: usize,
        found: usize,
    },
    #[error("'{verdict}' is not a level of the project's rating scale ({levels})")]
    NotOnScale { verdict: String, levels: String },
    #[error("the project has no rating scale: choose one before giving verdicts")]
    NoScale,
    #[error("the new text is the same as the article's current version")]
    SameVersion,
    #[error("no unresolved {field} conflict on '{id}'")]
    NoConflict { id: String, field: ConflictField },
    #[error("the {field} conflict on '{id}' has no {side} value")]
    NoConflictValue {
        id: String,
        field: ConflictField,
        side: &'static str,
    },
}

impl Action {
    /// Builds the action that marks `range` (char offsets) of an article as a new claim.
    /// With `snap`, the range is trimmed of whitespace and widened to whole words.
    pub fn add_claim(
        project: &Project,
        article: &ArticleId,
        range: Range<usize>,
        snap: bool,
        at: Timestamp,
    ) -> Result<Action, EditError> {
        let art = project
            .article(article)
            .ok_or_else(|| EditError::UnknownArticle(article.clone()))?;
        let len = art.char_len();
        if range.start >= range.end || range.end > len {
            return Err(EditError::BadRange {
                start: range.start,
                end: range.end,
                len,
            });
        }
        let range = art
            .index()
            .adjust(&art.body, range, snap)
            .ok_or(EditError::EmptySelection)?;
        let anchor = Anchor::in_article(art, range).ok_or(EditError::EmptySelection)?;
        Ok(Action::AddClaim {
            claim: Box::new(Claim::new(article.clone(), anchor, at)),
        })
    }

    /// Builds the action that marks the `nth` (1-based) occurrence of `quote` as a new claim.
    pub fn add_claim_by_quote(
        project: &Project,
        article: &ArticleId,
        quote: &str,
        nth: usize,
        at: Timestamp,
    ) -> Result<Action, EditError> {
        let art = project
            .article(article)
            .ok_or_else(|| EditError::UnknownArticle(article.clone()))?;
        let hits = text::find_all(&art.body, quote);
        let range = nth
            .checked_sub(1)
            .and_then(|i| hits.get(i))
            .cloned()
            .ok_or_else(|| EditError::QuoteNotFound {
                quote: quote.to_string(),
                nth,
                found: hits.len(),
            })?;
        Action::add_claim(project, article, range, false, at)
    }

    pub fn edit_claim(id: &ClaimId, edit: ClaimEdit) -> Action {
        Action::EditClaim {
            id: id.clone(),
            edit,
            at: Timestamp::now(),
        }
    }

    /// A status change by `by`, now.
    pub fn set_status(id: &ClaimId, status: Status, by: &str) -> Action {
        Action::SetStatus {
            id: id.clone(),
            status,
            by: by.to_string(),
            at: Timestamp::now(),
        }
    }

    /// The (target, field) this action types into, when consecutive edits of it may merge.
    pub fn merge_key(&self) -> Option<(String, Field)> {
        match self {
            Action::EditClaim { id, edit, .. } => {
                let field = match edit {
                    ClaimEdit::Verdict(_) => return None,
                    ClaimEdit::Speaker(_) => Field::Speaker,
                    ClaimEdit::Note(_) => Field::Note,
                    ClaimEdit::Sources(_) => Field::Sources,
                    ClaimEdit::Summary(_) => Field::Summary,
                    ClaimEdit::ReviewUrl(_) => Field::ReviewUrl,
                };
                Some((id.0.clone(), field))
            }
            Action::SetArticleMeta { id, .. } => Some((id.0.clone(), Field::ArticleMeta)),
            Action::SetProjectTitle { .. } => Some((String::new(), Field::ProjectTitle)),
            Action::SetProjectSettings { .. } => Some((String::new(), Field::ProjectSettings)),
            _ => None,
        }
    }

    /// A short description for menus ("Undo set status").
    pub fn describe(&self) -> &'static str {
        match self {
            Action::SetProjectTitle { .. } => "rename project",
            Action::SetProjectSettings { .. } => "edit project settings",
            Action::AddArticle { .. } | Action::RestoreArticle { .. } => "add article",
            Action::RemoveArticle { .. } => "remove article",
            Action::SetArticleMeta { .. } => "edit article details",
            Action::ReplaceArticle { .. } => "update article",
            Action::AddClaim { .. } => "mark claim",
            Action::RemoveClaim { .. } => "delete claim",
            Action::EditClaim { edit, .. } => match edit {
                ClaimEdit::Speaker(_) => "edit speaker",
                ClaimEdit::Note(_) => "edit note",
                ClaimEdit::Sources(_) => "edit sources",
                ClaimEdit::Verdict(_) => "set verdict",
                ClaimEdit::Summary(_) => "edit claim summary",
                ClaimEdit::ReviewUrl(_) => "edit review URL",
            },
            Action::ReplaceClaim { .. } => "edit claim",
            Action::Batch { .. } => "batch edit",
            Action::SetStatus { .. } => "set status",
            Action::SetReviewed {
                reviewed: Some(_), ..
            } => "sign off",
            Action::SetReviewed { reviewed: None, .. } => "clear sign-off",
            Action::ResolveConflict { .. } => "resolve conflict",
            Action::ReopenConflict { .. } => "reopen conflict",
            Action::RejectSuggestion { .. } => "reject suggestion",
            Action::UnrejectSuggestion { .. } => "restore suggestion",
        }
    }
}

/// Applies `action` to `project` and returns the action that undoes it. On error nothing changed.
pub fn apply(project: &mut Project, action: Action) -> Result<Action, EditError> {
    match action {
        Action::SetProjectTitle { title } => {
            let old = std::mem::replace(&mut project.title, title);
            Ok(Action::SetProjectTitle { title: old })
        }
        Action::SetProjectSettings { settings } => {
            let old = std::mem::replace(&mut project.settings, settings);
            Ok(Action::SetProjectSettings { settings: old })
        }
        Action::AddArticle { article } => {
            if project.article(&article.id).is_some() {
                return Err(EditError::DuplicateArticle(article.id.clone()));
            }
            let id = article.id.clone();
            project.articles.push(*article);
            Ok(Action::RemoveArticle { id })
        }
        Action::RemoveArticle { id } => {
            let index = project
                .article_index(&id)
                .ok_or_else(|| EditError::UnknownArticle(id.clone()))?;
            let (claims, kept): (Vec<Claim>, Vec<Claim>) = std::mem::take(&mut project.claims)
                .into_iter()
                .partition(|c| c.article == id);
            project.claims = kept;
            let article = project.articles.remove(index);
            // Claims of later articles move up one article position: re-sort.
            project.sort_claims();
            Ok(Action::RestoreArticle {
                index,
                article: Box::new(article),
                claims,
            })
        }
        Action::RestoreArticle {
            index,
            article,
            claims,
        } => {
            if project.article(&article.id).is_some() {
                return Err(EditError::DuplicateArticle(article.id.clone()));
            }
            let id = article.id.clone();
            project
                .articles
                .insert(index.min(project.articles.len()), *article);
            project.claims.extend(claims);
            project.sort_claims();
            Ok(Action::RemoveArticle { id })
        }
        Action::SetArticleMeta { id, meta } => {
            let index = project
                .article_index(&id)
                .ok_or_else(|| EditError::UnknownArticle(id.clone()))?;
            let old = std::mem::replace(&mut project.articles[index].meta, *meta);
            Ok(Action::SetArticleMeta {
                id,
                meta: Box::new(old),
            })
        }
        Action::ReplaceArticle { article, claims } => {
            let index = project
                .article_index(&article.id)
                .ok_or_else(|| EditError::UnknownArticle(article.id.clone()))?;
            // Validate every claim before changing anything: all or nothing.
            let positions: std::collections::HashMap<&str, usize> = project
                .claims
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.as_str(), i))
                .collect();
            let mut slots = Vec::with_capacity(claims.len());
            for c in &claims {
                let at = *positions
                    .get(c.id.as_str())
                    .ok_or_else(|| EditError::UnknownClaim(c.id.clone()))?;
                if project.claims[at].article != article.id || c.article != article.id {
                    return Err(EditError::UnknownClaim(c.id.clone()));
                }
                slots.push(at);
            }
            drop(positions);
            let old_article = std::mem::replace(&mut project.articles[index], *article);
            let old_claims = slots
                .into_iter()
                .zip(claims)
                .map(|(at, c)| std::mem::replace(&mut project.claims[at], c))
                .collect();
            // Offsets moved: restore the canonical order.
            project.sort_claims();
            Ok(Action::ReplaceArticle {
                article: Box::new(old_article),
                claims: old_claims,
            })
        }
        Action::AddClaim { claim } => {
            validate_new_claim(project, &claim)?;
            let id = claim.id.clone();
            project.insert_claim(*claim);
            Ok(Action::RemoveClaim { id })
        }
        Action::RemoveClaim { id } => {
            let index = project
                .claim_index(&id)
                .ok_or_else(|| EditError::UnknownClaim(id.clone()))?;
            let claim = project.claims.remove(index);
            Ok(Action::AddClaim {
                claim: Box::new(claim),
            })
        }
        Action::EditClaim { id, edit, at } => {
            let index = project
                .claim_index(&id)
                .ok_or_else(|| EditError::UnknownClaim(id.clone()))?;
            // A verdict is a level of the scale, stored under the scale's own spelling.
            let edit = match edit {
                ClaimEdit::Verdict(v) if !v.trim().is_empty() => {
                    let scale = project
                        .settings
                        .rating_scale
                        .as_ref()
                        .ok_or(EditError::NoScale)?;
                    let level = scale.level(&v).ok_or_else(|| EditError::NotOnScale {
                        verdict: v.clone(),
                        levels: scale.names(),
                    })?;
                    ClaimEdit::Verdict(level.name.clone())
                }
                ClaimEdit::Verdict(_) => ClaimEdit::Verdict(String::new()),
                other => other,
            };
            let claim = &mut project.claims[index];
            let old = claim.clone();
            match edit {
                ClaimEdit::Speaker(s) => claim.speaker = s,
                ClaimEdit::Note(s) => claim.note = s,
                ClaimEdit::Sources(s) => claim.sources = s,
                ClaimEdit::Verdict(v) => claim.verdict = v,
                ClaimEdit::Summary(s) => claim.summary = s,
                ClaimEdit::ReviewUrl(u) => claim.review_url = u,
            }
            claim.updated = at;
            Ok(Action::ReplaceClaim {
                claim: Box::new(old),
            })
        }
        Action::ReplaceClaim { claim } => {
            let index = project
                .claim_index(&claim.id)
                .ok_or_else(|| EditError::UnknownClaim(claim.id.clone()))?;
            if project.claims[index].anchor != claim.anchor {
                // A different span may change the canonical position: remove and re-insert.
                validate_anchor(project, &claim)?;
                let old = project.claims.remove(index);
                project.insert_claim(*claim);
                return Ok(Action::ReplaceClaim {
                    claim: Box::new(old),
                });
            }
            let old = std::mem::replace(&mut project.claims[index], *claim);
            Ok(Action::ReplaceClaim {
                claim: Box::new(old),
            })
        }
        Action::Batch { actions } => apply_batch(project, actions),
        Action::SetStatus { id, status, by, at } => {
            let index = project
                .claim_index(&id)
                .ok_or_else(|| EditError::UnknownClaim(id.clone()))?;
            let claim = &mut project.claims[index];
            let old = claim.clone();
            claim.set_status(status, by, &at);
            claim.updated = at;
            Ok(Action::ReplaceClaim {
                claim: Box::new(old),
            })
        }
        Action::SetReviewed { id, reviewed } => {
            let index = project
                .claim_index(&id)
                .ok_or_else(|| EditError::UnknownClaim(id.clone()))?;
            let old = std::mem::replace(&mut project.claims[index].reviewed, reviewed);
            Ok(Action::SetReviewed { id, reviewed: old })
        }
        Action::ResolveConflict { id, field, take } => {
            crate::core::team::resolve::resolve(project, id, field, take)
        }
        Action::ReopenConflict {
            index,
            conflict,
            undo,
        } => crate::core::team::resolve::reopen(project, index, *conflict, *undo),
        Action::RejectSuggestion { rejected } => {
            let list = &mut project.rejected_suggestions;
            // Kept sorted so undo restores the exact list whatever the order of edits.
            let at = match list.binary_search(&rejected) {
                Ok(_) => return Err(EditError::AlreadyRejected),
                Err(at) => at,
            };
            list.insert(at, rejected.clone());
            Ok(Action::UnrejectSuggestion { rejected })
        }
        Action::UnrejectSuggestion { rejected } => {
            let list = &mut project.rejected_suggestions;
            let at = list
                .iter()
                .position(|r| r == &rejected)
                .ok_or(EditError::NotRejected)?;
            list.remove(at);
            Ok(Action::RejectSuggestion { rejected })
        }
    }
}

fn validate_new_claim(project: &Project, claim: &Claim) -> Result<(), EditError> {
    if project.claim(&claim.id).is_some() {
        return Err(EditError::DuplicateClaim(claim.id.clone()));
    }
    validate_anchor(project, claim)
}

fn validate_anchor(project: &Project, claim: &Claim) -> Result<(), EditError> {
    let art = project
        .article(&claim.article)
        .ok_or_else(|| EditError::UnknownArticle(claim.article.clone()))?;
    if let Some(change) = &claim.changed {
        // Flagged by a new version: the anchor indexes that older version's text.
        let old = art
            .body_of(change.version)
            .ok_or(EditError::UnknownClaim(claim.id.clone()))?;
        return if claim.anchor.matches(&old) {
            Ok(())
        } else {
            Err(EditError::QuoteMismatch {
                start: claim.anchor.start,
                end: claim.anchor.end,
            })
        };
    }
    let a = &claim.anchor;
    let len = art.char_len();
    if a.start >= a.end || a.end > len {
        return Err(EditError::BadRange {
            start: a.start,
            end: a.end,
            len,
        });
    }
    if !a.matches_article(art) {
        return Err(EditError::QuoteMismatch {
            start: a.start,
            end: a.end,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> (Project, ArticleId) {
        let mut p = Project::new("t");
        let a = Article::new(
            ArticleMeta::default(),
            "North Korea on Sunday denied supplying “rockets and missiles” to Russia’s Wagner group.",
        );
        let id = a.id.clone();
        p.articles.push(a);
        (p, id)
    }

    #[test]
    fn add_claim_snaps_and_inverts() {
        let (mut p, art) = project();
        let before = p.clone();
        // "orth Korea on Sun" snaps to "North Korea on Sunday".
        let act = Action::add_claim(&p, &art, 1..17, true, Timestamp::now()).expect("valid");
        let inv = apply(&mut p, act.clone()).expect("applies");
        assert_eq!(p.claims.len(), 1);
        assert_eq!(p.claims[0].anchor.quote, "North Korea on Sunday");
        apply(&mut p, inv).expect("undo");
        assert_eq!(p, before);
        // Applying the same claim twice is refused.
        apply(&mut p, act.clone()).expect("again");
        assert!(matches!(
            apply(&mut p, act),
            Err(EditError::DuplicateClaim(_))
        ));
    }

    #[test]
    fn add_claim_by_quote_reports_missing() {
        let (p, art) = project();
        let ok = Action::add_claim_by_quote(&p, &art, "rockets and missiles", 1, Timestamp::now());
        assert!(ok.is_ok());
        let err = Action::add_claim_by_quote(&p, &art, "tanks", 1, Timestamp::now());
        assert!(matches!(
            err,
            Err(EditError::QuoteNotFound { found: 0, .. })
        ));
        let err = Action::add_claim(&p, &art, 5..500, false, Timestamp::now());
        assert!(matches!(err, Err(EditError::BadRange { .. })));
        let err = Action::add_claim(&p, &art, 5..6, false, Timestamp::now());
        assert!(matches!(err, Err(EditError::EmptySelection)), "{err:?}");
    }

    #[test]
    fn edit_undo_restores_exactly() {
        let (mut p, art) = project();
        let act = Action::add_claim(
            &p,
            &art,
            0..11,
            true,
            Timestamp("2020-01-01T00:00:00Z".into()),
        )
        .expect("valid");
        apply(&mut p, act).expect("add");
        let id = p.claims[0].id.clone();
        let before = p.clone();
        let edits = vec![
            ClaimEdit::Speaker("KCNA".into()),
            ClaimEdit::Note("see statement".into()),
            ClaimEdit::Sources(vec![Source::from_url("https://kcna.kp")]),
        ];
        for e in edits {
            let inv = apply(&mut p, Action::edit_claim(&id, e)).expect("edit");
            assert_ne!(p, before);
            assert_ne!(p.claims[0].updated, before.claims[0].updated);
            apply(&mut p, inv).expect("undo");
            assert_eq!(p, before);
        }
    }

    #[test]
    fn remove_article_takes_claims_and_restores_them() {
        let (mut p, art) = project();
        let other = Article::new(ArticleMeta::default(), "Second article body.");
        let other_id = other.id.clone();
        apply(
            &mut p,
            Action::AddArticle {
                article: Box::new(other),
            },
        )
        .expect("add");
        for (a, r) in [(&art, 0..5), (&other_id, 0..6), (&art, 6..11)] {
            let act = Action::add_claim(&p, a, r, true, Timestamp::now()).expect("valid");
            apply(&mut p, act).expect("add claim");
        }
        let before = p.clone();
        let inv = apply(&mut p, Action::RemoveArticle { id: art.clone() }).expect("remove");
        assert_eq!(p.articles.len(), 1);
        assert_eq!(p.claims.len(), 1);
        apply(&mut p, inv).expect("restore");
        assert_eq!(p, before);
    }

    #[test]
    fn batch_is_all_or_nothing() {
        let (mut p, art) = project();
        let good = Action::add_claim(&p, &art, 0..5, true, Timestamp::now()).expect("valid");
        let bad = Action::RemoveClaim {
            id: ClaimId("c-missing".into()),
        };
        let before = p.clone();
        let err = apply(
            &mut p,
            Action::Batch {
                actions: vec![good.clone(), bad],
            },
        );
        assert!(err.is_err());
        assert_eq!(p, before);
        let inv = apply(
            &mut p,
            Action::Batch {
                actions: vec![good],
            },
        )
        .expect("ok");
        assert_eq!(p.claims.len(), 1);
        apply(&mut p, inv).expect("undo");
        assert_eq!(p, before);
    }

    #[test]
    fn unknown_ids_are_errors() {
        let (mut p, _) = project();
        let id = ClaimId("c-nope".into());
        assert!(matches!(
            apply(&mut p, Action::set_status(&id, Status::Sourced, "")),
            Err(EditError::UnknownClaim(_))
        ));
        assert!(matches!(
            apply(
                &mut p,
                Action::RemoveArticle {
                    id: ArticleId("a-x".into())
                }
            ),
            Err(EditError::UnknownArticle(_))
        ));
    }

    /// Batches of claim additions, removals and replacements (valid and not) give exactly the
    /// project, inverse and error of applying their actions one by one.
    #[test]
    fn claim_runs_in_a_batch_match_one_by_one_application() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut rnd = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let body = "One two three four five six seven eight nine ten eleven twelve.";
        let mut applied_runs = 0;
        for round in 0..300 {
            let mut p = Project::new("t");
            for k in 0..2 {
                let mut a = Article::new(ArticleMeta::default(), body);
                a.id = ArticleId(format!("a-{k}"));
                p.articles.push(a);
            }
            let claim =
                |p: &Project, art: usize, id: String, rnd: &mut dyn FnMut(usize) -> usize| {
                    let start = rnd(40);
                    let anchor = Anchor::in_article(&p.articles[art], start..start + 1 + rnd(12))
                        .expect("in body");
                    let mut c = Claim::new(
                        p.articles[art].id.clone(),
                        anchor,
                        Timestamp("2024-01-01T00:00:00Z".into()),
                    );
                    c.id = ClaimId(id);
                    c
                };
            for i in 0..rnd(8) {
                let c = claim(&p, rnd(2), format!("c-{i}"), &mut rnd);
                p.insert_claim(c);
            }
            let mut actions = Vec::new();
            for _ in 0..rnd(12) {
                let op = rnd(3);
                // Mostly new ids to add and existing ones to remove or replace; some of each not.
                let id = if op == 0 {
                    format!("c-n{}", rnd(8))
                } else {
                    format!("c-{}", rnd(9))
                };
                let mut c = claim(&p, rnd(2), id.clone(), &mut rnd);
                if rnd(30) == 0 {
                    c.anchor.quote.push('!'); // no longer matches the text
                }
                actions.push(match op {
                    0 => Action::AddClaim { claim: Box::new(c) },
                    1 => Action::RemoveClaim { id: ClaimId(id) },
                    _ => Action::ReplaceClaim { claim: Box::new(c) },
                });
            }
            let mut slow = p.clone();
            let want = super::batch::apply_batch_slow(&mut slow, actions.clone()).map(|mut inv| {
                inv.reverse();
                Action::Batch { actions: inv }
            });
            let mut fast = p.clone();
            let n = actions.len();
            let got = apply(&mut fast, Action::Batch { actions });
            if got.is_ok() && n >= 2 {
                applied_runs += 1;
            }
            assert_eq!(got, want, "round {round}");
            assert_eq!(fast, slow, "round {round}");
            if let Ok(inverse) = got {
                apply(&mut fast, inverse).expect("undo");
                assert_eq!(fast, p, "round {round}: undo");
            } else {
                assert_eq!(fast, p, "round {round}: unchanged on error");
            }
        }
        assert!(applied_runs >= 20, "only {applied_runs} batches applied");
    }
}
