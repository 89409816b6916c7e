//! Three-way merge of project files by id, the engine behind `factdesk merge` and the git driver.
//!
//! Records are matched by id, never by position. For each record present in both copies each field
//! is merged on its own: a field one side changed and the other left as in the base takes the
//! change; a field both changed the same way takes it; a field both changed differently is a
//! [`Conflict`] (the merged copy keeps ours until resolved). A claim's status history is the
//! union of both histories (see [`union_history`]), `updated` the later of the two. Deleting a record the other side left alone deletes it; deleting one the other side
//! changed is a conflict and the changed record is kept, so a merge never loses work.

use crate::core::model::{
    Article, ArticleId, Claim, ClaimId, Conflict, ConflictField, FieldValue, Project,
    RejectedSuggestion, StatusChange,
};
use crate::core::store::{self, StoreError};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The merged project and what the merge could not settle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeOutcome {
    /// Always a valid project; its `conflicts` hold the new conflicts and the still-open old ones.
    pub project: Project,
    /// The conflicts this merge found (also in `project.conflicts`).
    pub conflicts: Vec<Conflict>,
    /// Things settled by rule that a person may want to know (e.g. the title both sides changed).
    pub notes: Vec<String>,
}

impl MergeOutcome {
    /// True when the merge found no new conflicts (exit 0 for a git merge driver).
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The ids with new conflicts, each once, in the order found.
    pub fn conflicted_ids(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.conflicts
            .iter()
            .map(|c| c.id.as_str())
            .filter(|id| seen.insert(*id))
            .collect()
    }
}

/// Loads the common ancestor. git hands a merge driver an empty file when there is none (both
/// sides added the file), which stands for an empty project.
pub fn load_base(path: &Path) -> Result<Project, StoreError> {
    let bytes = store::read_limited(path, store::MAX_PROJECT_BYTES)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Project::default());
    }
    Ok(store::parse_bytes(&bytes, path)?.project)
}

/// Three-way value merge: `Err(())` when both sides changed it differently.
fn pick<T: PartialEq + Clone>(base: Option<&T>, ours: &T, theirs: &T) -> Result<T, ()> {
    if ours == theirs || base == Some(theirs) {
        Ok(ours.clone())
    } else if base == Some(ours) {
        Ok(theirs.clone())
    } else {
        Err(())
    }
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &Project, ours: &Project, theirs: &Project) -> MergeOutcome {
    let mut conflicts = Vec::new();
    let mut notes = Vec::new();
    let title = pick(Some(&base.title), &ours.title, &theirs.title).unwrap_or_else(|()| {
        notes.push(format!(
            "both sides renamed the project; kept {:?} (theirs: {:?})",
            ours.title, theirs.title
        ));
        ours.title.clone()
    });
    let settings =
        pick(Some(&base.settings), &ours.settings, &theirs.settings).unwrap_or_else(|()| {
            notes.push("both sides changed the project settings; kept ours".to_string());
            ours.settings.clone()
        });

    let (articles, contested) = merge_articles(base, ours, theirs, &mut conflicts);
    // A deleted article's claims were deleted with it on that side, so each merges as a deletion
    // of an untouched claim; an article kept by a conflict keeps them. Claims that already pointed
    // nowhere in an input are kept for `factdesk check` to report, never silently dropped.
    let claims = merge_claims(base, ours, theirs, &contested, &mut conflicts);
    let mut project = Project {
        title,
        settings,
        articles,
        claims,
        conflicts: carry_conflicts(base, ours, theirs, &conflicts),
        rejected_suggestions: merge_rejections(base, ours, theirs),
    };
    project.sort_claims();
    MergeOutcome {
        project,
        conflicts,
        notes,
    }
}

/// Rejections are kept unless one side withdrew a rejection both started from: a suggestion
/// rejected on either side stays rejected.
fn merge_rejections(base: &Project, ours: &Project, theirs: &Project) -> Vec<RejectedSuggestion> {
    let mut out: Vec<RejectedSuggestion> = ours
        .rejected_suggestions
        .iter()
        .chain(&theirs.rejected_suggestions)
        .filter(|r| {
            let in_base = base.rejected_suggestions.contains(r);
            !in_base
                || (ours.rejected_suggestions.contains(r)
                    && theirs.rejected_suggestions.contains(r))
        })
        .cloned()
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Which side deleted an article the other side worked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DeletedBy {
    Ours,
    Theirs,
}

fn by_id<K: std::hash::Hash + Eq, T>(items: &[T], key: impl Fn(&T) -> &K) -> HashMap<&K, &T> {
    items.iter().map(|t| (key(t), t)).collect()
}

/// Merged articles in ours' order then theirs' additions, and the articles kept despite a deletion.
fn merge_articles(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    conflicts: &mut Vec<Conflict>,
) -> (Vec<Article>, HashMap<ArticleId, DeletedBy>) {
    let b = by_id(&base.articles, |a| &a.id);
    let o = by_id(&ours.articles, |a| &a.id);
    let t = by_id(&theirs.articles, |a| &a.id);
    let mut order: Vec<&ArticleId> = ours.articles.iter().map(|a| &a.id).collect();
    order.extend(
        theirs
            .articles
            .iter()
            .map(|a| &a.id)
            .filter(|id| !o.contains_key(id)),
    );
    let mut out = Vec::new();
    let mut contested = HashMap::new();
    for id in order {
        match (b.get(id), o.get(id), t.get(id)) {
            (base_a, Some(oa), Some(ta)) => {
                let base_meta = base_a.map(|a| &a.meta);
                let meta = pick(base_meta, &oa.meta, &ta.meta).unwrap_or_else(|()| {
                    conflicts.push(Conflict {
                        id: id.0.clone(),
                        field: ConflictField::ArticleMeta,
                        ours: FieldValue::ArticleMeta(Box::new(oa.meta.clone())),
                        theirs: FieldValue::ArticleMeta(Box::new(ta.meta.clone())),
                        base: base_meta.map(|m| FieldValue::ArticleMeta(Box::new(m.clone()))),
                    });
                    oa.meta.clone()
                });
                // Bodies are fixed after import; take theirs only if ours never changed it.
                let theirs_body = oa.body != ta.body && base_a.is_some_and(|a| a.body == oa.body);
                let mut a = if theirs_body {
                    (*ta).clone()
                } else {
                    (*oa).clone()
                };
                a.meta = meta;
                out.push(a);
            }
            (None, Some(a), None) | (None, None, Some(a)) => out.push((*a).clone()),
            (Some(ba), Some(kept), None) | (Some(ba), None, Some(kept)) => {
                let (kept_side, deleted_by) = if o.contains_key(id) {
                    (ours, DeletedBy::Theirs)
                } else {
                    (theirs, DeletedBy::Ours)
                };
                let untouched = *kept == *ba
                    && claims_on(kept_side, id) == claims_on(base, id)
                    && !kept_side.conflicts.iter().any(|c| c.id == id.0);
                if untouched {
                    continue;
                }
                let (ours_v, theirs_v) = match deleted_by {
                    DeletedBy::Theirs => (true, false),
                    DeletedBy::Ours => (false, true),
                };
                conflicts.push(Conflict {
                    id: id.0.clone(),
                    field: ConflictField::Article,
                    ours: FieldValue::Present(ours_v),
                    theirs: FieldValue::Present(theirs_v),
                    base: Some(FieldValue::Present(true)),
                });
                contested.insert(id.clone(), deleted_by);
                out.push((*kept).clone());
            }
            (_, None, None) => {}
        }
    }
    (out, contested)
}

fn claims_on<'a>(p: &'a Project, article: &'a ArticleId) -> Vec<&'a Claim> {
    p.claims_of(article).collect()
}

fn merge_claims(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    contested: &HashMap<ArticleId, DeletedBy>,
    conflicts: &mut Vec<Conflict>,
) -> Vec<Claim> {
    let b = by_id(&base.claims, |c| &c.id);
    let o = by_id(&ours.claims, |c| &c.id);
    let t = by_id(&theirs.claims, |c| &c.id);
    let mut order: Vec<&ClaimId> = ours.claims.iter().map(|c| &c.id).collect();
    order.extend(
        theirs
            .claims
            .iter()
            .map(|c| &c.id)
            .filter(|id| !o.contains_key(id)),
    );
    let mut out = Vec::new();
    for id in order {
        let bc = b.get(id).copied();
        let mut oc = o.get(id).copied();
        let mut tc = t.get(id).copied();
        // On an article kept despite a deletion, the deleting side's claims count as untouched.
        if let Some(base_claim) = bc {
            match contested.get(&base_claim.article) {
                Some(DeletedBy::Ours) if oc.is_none() => oc = Some(base_claim),
                Some(DeletedBy::Theirs) if tc.is_none() => tc = Some(base_claim),
                _ => {}
            }
        }
        match (bc, oc, tc) {
            (bc, Some(oc), Some(tc)) => out.push(merge_claim(bc, oc, tc, conflicts)),
            (None, Some(c), None) | (None, None, Some(c)) => out.push(c.clone()),
            (Some(bc), Some(kept), None) | (Some(bc), None, Some(kept)) => {
                if kept == bc {
                    continue;
                }
                let ours_kept = oc.is_some();
                let present = FieldValue::Claim(Some(Box::new(kept.clone())));
                let (ours_v, theirs_v) = if ours_kept {
                    (present, FieldValue::Claim(None))
                } else {
                    (FieldValue::Claim(None), present)
                };
                conflicts.push(Conflict {
                    id: id.0.clone(),
                    field: ConflictField::Claim,
                    ours: ours_v,
                    theirs: theirs_v,
                    base: Some(FieldValue::Claim(Some(Box::new(bc.clone())))),
                });
                out.push(kept.clone());
            }
            (_, None, None) => {}
        }
    }
    out
}

/// Merges one claim present on both sides, field by field.
fn merge_claim(
    base: Option<&Claim>,
    ours: &Claim,
    theirs: &Claim,
    conflicts: &mut Vec<Conflict>,
) -> Claim {
    let mut merged = ours.clone();
    if ours == theirs {
        return merged;
    }
    let mut field = |field: ConflictField, get: &dyn Fn(&Claim) -> FieldValue| -> FieldValue {
        let b = base.map(get);
        let (o, t) = (get(ours), get(theirs));
        pick(b.as_ref(), &o, &t).unwrap_or_else(|()| {
            conflicts.push(Conflict {
                id: ours.id.0.clone(),
                field,
                ours: o.clone(),
                theirs: t,
                base: b,
            });
            o
        })
    };
    if let FieldValue::Status(s) = field(ConflictField::Status, &|c| FieldValue::Status(c.status)) {
        merged.status = s;
    }
    if let FieldValue::Text(s) = field(ConflictField::Speaker, &|c| {
        FieldValue::Text(c.speaker.clone())
    }) {
        merged.speaker = s;
    }
    if let FieldValue::Sources(s) = field(ConflictField::Sources, &|c| {
        FieldValue::Sources(c.sources.clone())
    }) {
        merged.sources = s;
    }
    if let FieldValue::Text(s) = field(ConflictField::Note, &|c| FieldValue::Text(c.note.clone())) {
        merged.note = s;
    }
    if let FieldValue::Text(s) = field(ConflictField::Verdict, &|c| {
        FieldValue::Text(c.verdict.clone())
    }) {
        merged.verdict = s;
    }
    if let FieldValue::Text(s) = field(ConflictField::Summary, &|c| {
        FieldValue::Text(c.summary.clone())
    }) {
        merged.summary = s;
    }
    if let FieldValue::Text(s) = field(ConflictField::ReviewUrl, &|c| {
        FieldValue::Text(c.review_url.clone())
    }) {
        merged.review_url = s;
    }
    if let FieldValue::Anchor(a) = field(ConflictField::Anchor, &|c| {
        FieldValue::Anchor(c.anchor.clone())
    }) {
        merged.anchor = a;
    }
    // The orphaned flag describes the anchor, so it travels with whichever side's anchor won.
    merged.orphaned = if merged.anchor != ours.anchor && merged.anchor == theirs.anchor {
        theirs.orphaned
    } else {
        ours.orphaned
    };
    if let FieldValue::Reviewed(r) = field(ConflictField::Reviewed, &|c| {
        FieldValue::Reviewed(c.reviewed.clone())
    }) {
        merged.reviewed = r;
    }
    // A flag from a new article version goes with that version: the side that updated the
    // article flagged (or re-placed) the claim, the other left it as the base had it.
    merged.changed = pick(base.map(|c| &c.changed), &ours.changed, &theirs.changed)
        .unwrap_or_else(|()| ours.changed.clone());
    merged.creator = pick(base.map(|c| &c.creator), &ours.creator, &theirs.creator)
        .unwrap_or_else(|()| ours.creator.clone());
    merged.updated = ours.updated.clone().max(theirs.updated.clone());
    merged.history = union_history(&ours.history, &theirs.history);
    merged
}

/// Both histories in time order. An entry on both sides (equal `at`, `by`, `from` and `to`) is kept
/// once; matching is one-to-one, so two equal entries on one side stay two. The sort is stable:
/// entries of the same second keep ours-then-theirs order.
pub fn union_history(ours: &[StatusChange], theirs: &[StatusChange]) -> Vec<StatusChange> {
    let mut unmatched: Vec<&StatusChange> = ours.iter().collect();
    let mut all: Vec<StatusChange> = ours.to_vec();
    for h in theirs {
        match unmatched.iter().position(|o| *o == h) {
            Some(k) => {
                unmatched.swap_remove(k);
            }
            None => all.push(h.clone()),
        }
    }
    all.sort_by(|a, b| a.at.cmp(&b.at));
    all
}

/// Conflicts already recorded on either side stay open unless one side resolved them (they were in
/// the base and that side no longer has them); new ones replace old ones on the same field.
fn carry_conflicts(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    new: &[Conflict],
) -> Vec<Conflict> {
    let mut out: Vec<Conflict> = Vec::new();
    for c in ours.conflicts.iter().chain(&theirs.conflicts) {
        let resolved_by_one = base.conflicts.contains(c)
            && !(ours.conflicts.contains(c) && theirs.conflicts.contains(c));
        let replaced = new.iter().any(|n| n.id == c.id && n.field == c.field);
        if !resolved_by_one && !replaced && !out.contains(c) {
            out.push(c.clone());
        }
    }
    out.extend(new.iter().cloned());
    out
}
