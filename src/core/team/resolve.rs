//! Turning a conflict and a chosen side into the ordinary edit that sets that side's value, so
//! resolving goes through `apply` and undoes like any other edit.

use crate::core::action::{Action, EditError, apply};
use crate::core::model::{ArticleId, ClaimId, Conflict, ConflictField, FieldValue, Project, Take};

/// Applies [`Action::ResolveConflict`]: sets the chosen value, drops the conflict, and returns the
/// [`Action::ReopenConflict`] that undoes both.
pub fn resolve(
    project: &mut Project,
    id: String,
    field: ConflictField,
    take: Take,
) -> Result<Action, EditError> {
    let index = project
        .conflict_index(&id, field)
        .ok_or(EditError::NoConflict { id, field })?;
    let change = change_for(project, &project.conflicts[index], take)?;
    let undo = apply(project, change)?;
    let conflict = project.conflicts.remove(index);
    Ok(Action::ReopenConflict {
        index,
        conflict: Box::new(conflict),
        undo: Box::new(undo),
    })
}

/// Applies [`Action::ReopenConflict`]: undoes the resolved value and puts the conflict back at
/// `index`. The returned inverse redoes the value, then resolves again keeping it.
pub fn reopen(
    project: &mut Project,
    index: usize,
    conflict: Conflict,
    undo: Action,
) -> Result<Action, EditError> {
    let redo = apply(project, undo)?;
    let (id, field) = (conflict.id.clone(), conflict.field);
    let at = index.min(project.conflicts.len());
    project.conflicts.insert(at, conflict);
    Ok(Action::Batch {
        actions: vec![
            redo,
            Action::ResolveConflict {
                id,
                field,
                take: Take::Current,
            },
        ],
    })
}

/// The action that gives the conflicted field the value `take` selects. [`Take::Current`] (or a
/// value the project already holds) gives an empty batch. Does not touch `Project::conflicts`:
/// [`Action::ResolveConflict`] does that around this change.
pub fn change_for(project: &Project, conflict: &Conflict, take: Take) -> Result<Action, EditError> {
    let nothing = Action::Batch {
        actions: Vec::new(),
    };
    if take == Take::Current {
        return Ok(nothing);
    }
    let value = conflict
        .value(take)
        .ok_or_else(|| EditError::NoConflictValue {
            id: conflict.id.clone(),
            field: conflict.field,
            side: "base",
        })?;
    let claim_id = ClaimId(conflict.id.clone());
    let current = project.claim(&claim_id);
    let edited = |set: &dyn Fn(&mut crate::core::model::Claim)| -> Result<Action, EditError> {
        let mut claim = current
            .cloned()
            .ok_or_else(|| EditError::UnknownClaim(claim_id.clone()))?;
        set(&mut claim);
        if Some(&claim) == current {
            return Ok(Action::Batch {
                actions: Vec::new(),
            });
        }
        Ok(Action::ReplaceClaim {
            claim: Box::new(claim),
        })
    };
    match value {
        FieldValue::Status(s) => edited(&|c| c.status = *s),
        FieldValue::Text(t) => match conflict.field {
            ConflictField::Note => edited(&|c| c.note = t.clone()),
            ConflictField::Verdict => edited(&|c| c.verdict = t.clone()),
            ConflictField::Summary => edited(&|c| c.summary = t.clone()),
            ConflictField::ReviewUrl => edited(&|c| c.review_url = t.clone()),
            _ => edited(&|c| c.speaker = t.clone()),
        },
        FieldValue::Sources(s) => edited(&|c| c.sources = s.clone()),
        FieldValue::Anchor(a) => edited(&|c| c.anchor = a.clone()),
        FieldValue::Reviewed(r) => edited(&|c| c.reviewed = r.clone()),
        FieldValue::Claim(None) => Ok(match current {
            Some(_) => Action::RemoveClaim { id: claim_id },
            None => nothing,
        }),
        FieldValue::Claim(Some(c)) => Ok(match current {
            Some(now) if now == c.as_ref() => nothing,
            Some(_) => Action::ReplaceClaim { claim: c.clone() },
            None => Action::AddClaim { claim: c.clone() },
        }),
        FieldValue::ArticleMeta(m) => {
            let id = ArticleId(conflict.id.clone());
            match project.article(&id) {
                Some(a) if a.meta == **m => Ok(nothing),
                Some(_) => Ok(Action::SetArticleMeta {
                    id,
                    meta: m.clone(),
                }),
                None => Err(EditError::UnknownArticle(id)),
            }
        }
        FieldValue::Present(keep) => {
            let id = ArticleId(conflict.id.clone());
            // A merge keeps a contested article, so "present" needs no change.
            Ok(match (keep, project.article(&id)) {
                (false, Some(_)) => Action::RemoveArticle { id },
                _ => nothing,
            })
        }
    }
}
