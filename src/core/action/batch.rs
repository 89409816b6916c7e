//! Batches applied in one pass per run of claim actions, so importing or accepting many claims is
//! linear in the number of claims rather than quadratic.

use super::{Action, EditError, apply, validate_anchor};
use crate::core::model::{Article, ArticleId, Claim, ClaimId, Project};
use std::collections::{HashMap, HashSet, VecDeque};

/// Applies a batch in order, all or nothing. Runs of consecutive claim additions, removals or
/// replacements are applied in one pass each (one id table, at most one re-sort) rather than one
/// search and one insertion into the claim list per action: importing or accepting n claims into
/// a project of c claims costs O((n + c) log(n + c)), not O(n × c). The result and the inverse
/// are those of applying the actions one by one.
pub(super) fn apply_batch(
    project: &mut Project,
    actions: Vec<Action>,
) -> Result<Action, EditError> {
    let mut inverses: Vec<Action> = Vec::with_capacity(actions.len());
    let mut rest = actions.into_iter().peekable();
    while let Some(first) = rest.next() {
        let same_kind =
            |a: &Action, b: &Action| std::mem::discriminant(a) == std::mem::discriminant(b);
        let result = match first {
            Action::AddClaim { .. } | Action::RemoveClaim { .. } | Action::ReplaceClaim { .. } => {
                let mut run = vec![first];
                while let Some(next) = rest.next_if(|n| same_kind(n, &run[0])) {
                    run.push(next);
                }
                apply_claim_run(project, run)
            }
            other => apply(project, other).map(|inverse| vec![inverse]),
        };
        match result {
            Ok(mut done) => inverses.append(&mut done),
            Err(e) => {
                // Roll back what was applied so the batch is all or nothing.
                inverses.reverse();
                let _ = apply_batch(project, inverses);
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Action::Batch { actions: inverses })
}

/// The canonical order of claims (as `Project::insert_claim` keeps it): article position, span,
/// id. Articles are looked up in a table built once.
struct ClaimOrder<'a> {
    article_pos: HashMap<&'a ArticleId, usize>,
}

impl<'a> ClaimOrder<'a> {
    fn new(articles: &'a [Article]) -> Self {
        let mut article_pos = HashMap::with_capacity(articles.len());
        for (i, a) in articles.iter().enumerate() {
            article_pos.entry(&a.id).or_insert(i);
        }
        ClaimOrder { article_pos }
    }

    fn key<'c>(&self, c: &'c Claim) -> (usize, usize, usize, &'c str) {
        let art = self
            .article_pos
            .get(&c.article)
            .copied()
            .unwrap_or(usize::MAX);
        (art, c.anchor.start, c.anchor.end, c.id.0.as_str())
    }
}

/// True when the claims are in canonical order and no id occurs twice: what the one-pass runs
/// need to give exactly the result of one-by-one application.
fn claims_canonical(project: &Project) -> bool {
    let order = ClaimOrder::new(&project.articles);
    let mut ids = HashSet::with_capacity(project.claims.len());
    project
        .claims
        .is_sorted_by(|a, b| order.key(a) <= order.key(b))
        && project.claims.iter().all(|c| ids.insert(c.id.0.as_str()))
}

fn sort_canonical(project: &mut Project) {
    let order = ClaimOrder::new(&project.articles);
    // Stable, and mostly sorted runs: close to linear.
    project
        .claims
        .sort_by(|a, b| order.key(a).cmp(&order.key(b)));
}

/// A run of claim actions of one kind (see [`apply_batch`]); on error nothing is changed.
fn apply_claim_run(project: &mut Project, run: Vec<Action>) -> Result<Vec<Action>, EditError> {
    if run.len() < 2 || !claims_canonical(project) {
        // A hand-made project out of order (or a single action): one by one, as always.
        return apply_batch_slow(project, run);
    }
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut replaced = Vec::new();
    for a in run {
        match a {
            Action::AddClaim { claim } => added.push(*claim),
            Action::RemoveClaim { id } => removed.push(id),
            Action::ReplaceClaim { claim } => replaced.push(*claim),
            other => return apply_batch_slow(project, vec![other]),
        }
    }
    if !added.is_empty() {
        add_claims(project, added)
    } else if !removed.is_empty() {
        remove_claims(project, removed)
    } else {
        replace_claims(project, replaced)
    }
}

/// One by one, rolling back on error: the reference behaviour of a run.
pub(super) fn apply_batch_slow(
    project: &mut Project,
    run: Vec<Action>,
) -> Result<Vec<Action>, EditError> {
    let mut inverses = Vec::with_capacity(run.len());
    for a in run {
        match apply(project, a) {
            Ok(inverse) => inverses.push(inverse),
            Err(e) => {
                for inverse in inverses.into_iter().rev() {
                    let _ = apply(project, inverse);
                }
                return Err(e);
            }
        }
    }
    Ok(inverses)
}

fn add_claims(project: &mut Project, claims: Vec<Claim>) -> Result<Vec<Action>, EditError> {
    {
        let mut ids: HashSet<&str> = project.claims.iter().map(|c| c.id.0.as_str()).collect();
        for c in &claims {
            if !ids.insert(c.id.0.as_str()) {
                return Err(EditError::DuplicateClaim(c.id.clone()));
            }
            validate_anchor(project, c)?;
        }
    }
    let inverses = claims
        .iter()
        .map(|c| Action::RemoveClaim { id: c.id.clone() })
        .collect();
    project.claims.extend(claims);
    sort_canonical(project);
    Ok(inverses)
}

fn remove_claims(project: &mut Project, ids: Vec<ClaimId>) -> Result<Vec<Action>, EditError> {
    let present: HashSet<&str> = project.claims.iter().map(|c| c.id.0.as_str()).collect();
    let mut wanted: HashSet<&str> = HashSet::with_capacity(ids.len());
    for id in &ids {
        // Ids are unique here: a second removal of the same id finds nothing.
        if !present.contains(id.0.as_str()) || !wanted.insert(id.0.as_str()) {
            return Err(EditError::UnknownClaim(id.clone()));
        }
    }
    let wanted: HashSet<String> = wanted.into_iter().map(str::to_string).collect();
    drop(present);
    let mut gone: HashMap<String, VecDeque<Claim>> = HashMap::with_capacity(ids.len());
    let (out, kept): (Vec<Claim>, Vec<Claim>) = std::mem::take(&mut project.claims)
        .into_iter()
        .partition(|c| wanted.contains(&c.id.0));
    project.claims = kept;
    for c in out {
        gone.entry(c.id.0.clone()).or_default().push_back(c);
    }
    Ok(ids
        .iter()
        .filter_map(|id| gone.get_mut(&id.0).and_then(VecDeque::pop_front))
        .map(|claim| Action::AddClaim {
            claim: Box::new(claim),
        })
        .collect())
}

fn replace_claims(project: &mut Project, claims: Vec<Claim>) -> Result<Vec<Action>, EditError> {
    let index: HashMap<String, usize> = project
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.0.clone(), i))
        .collect();
    let mut olds: Vec<(usize, Claim)> = Vec::with_capacity(claims.len());
    let mut moved = false;
    for claim in claims {
        let step = match index.get(&claim.id.0) {
            None => Err(EditError::UnknownClaim(claim.id.clone())),
            Some(&i) if project.claims[i].anchor != claim.anchor => {
                validate_anchor(project, &claim).map(|()| (i, true))
            }
            Some(&i) => Ok((i, false)),
        };
        match step {
            Ok((i, anchor_changed)) => {
                moved |= anchor_changed;
                olds.push((i, std::mem::replace(&mut project.claims[i], claim)));
            }
            Err(e) => {
                for (i, old) in olds.into_iter().rev() {
                    project.claims[i] = old;
                }
                return Err(e);
            }
        }
    }
    if moved {
        // A different span may change the canonical position.
        sort_canonical(project);
    }
    Ok(olds
        .into_iter()
        .map(|(_, old)| Action::ReplaceClaim {
            claim: Box::new(old),
        })
        .collect())
}
