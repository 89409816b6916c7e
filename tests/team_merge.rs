//! Three-way merge of projects: clean merges, every kind of conflict, resolution with undo, and
//! merged files that always load.

use factdesk::core::action::{Action, ClaimEdit, apply};
use factdesk::core::model::{
    Article, ArticleId, ArticleMeta, ClaimId, ConflictField, FieldValue, Project, SignOff, Source,
    Status, Take,
};
use factdesk::core::session::Session;
use factdesk::core::store::{self, Problem};
use factdesk::core::team::merge::{MergeOutcome, merge};
use factdesk::core::time::Timestamp;
use std::path::Path;
#[path = "support/synth.rs"]
mod synth;

const BODY: &str = "Seoul, 30 Jan — North Korea denied supplying “rockets and missiles” to Wagner. \
“It is a rumour,” said Kwon Jong Gun. 北朝鮮は否定した 🚀. The US said rockets were sent.";

fn at(n: u32) -> Timestamp {
    Timestamp(format!("2024-03-01T10:00:{n:02}Z"))
}

/// A base project with three claims, and its article and claim ids.
fn base() -> (Project, ArticleId, Vec<ClaimId>) {
    let mut p = Project::new("Arms");
    p.articles.push(Article::new(ArticleMeta::default(), BODY));
    let art = p.articles[0].id.clone();
    let mut ids = Vec::new();
    for q in ["North Korea denied", "It is a rumour", "北朝鮮は否定した"] {
        let act = Action::add_claim_by_quote(&p, &art, q, 1, at(0)).expect("quote");
        if let Action::AddClaim { claim } = &act {
            ids.push(claim.id.clone());
        }
        apply(&mut p, act).expect("add");
    }
    (p, art, ids)
}

fn edit(p: &mut Project, action: Action) {
    apply(p, action).expect("edit applies");
}

fn status(id: &ClaimId, s: Status, by: &str, n: u32) -> Action {
    Action::SetStatus {
        id: id.clone(),
        status: s,
        by: by.into(),
        at: at(n),
    }
}

fn set(id: &ClaimId, e: ClaimEdit, n: u32) -> Action {
    Action::EditClaim {
        id: id.clone(),
        edit: e,
        at: at(n),
    }
}

/// The merged project survives a save and a load unchanged.
fn assert_loadable(out: &MergeOutcome) {
    let text = store::to_ron_string(&out.project).expect("serialise");
    let back = store::from_ron_str(&text, Path::new("merged.ron")).expect("merged file loads");
    assert_eq!(back, out.project);
    let structural: Vec<_> = store::check(&back)
        .into_iter()
        .filter(|p| !matches!(p, Problem::UnresolvedConflict { .. }))
        .collect();
    assert!(structural.is_empty(), "{structural:?}");
}

#[test]
fn edits_to_different_claims_and_fields_merge_cleanly() {
    let (b, art, ids) = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    edit(&mut o, status(&ids[0], Status::Denied, "Ana", 1));
    edit(
        &mut o,
        set(&ids[1], ClaimEdit::Speaker("Kwon Jong Gun".into()), 2),
    );
    edit(
        &mut t,
        set(&ids[0], ClaimEdit::Note("KCNA statement".into()), 3),
    );
    edit(&mut t, status(&ids[2], Status::Sourced, "Bo", 4));
    let added = Action::add_claim_by_quote(&t, &art, "rockets were sent", 1, at(5)).expect("q");
    edit(&mut t, added);
    edit(
        &mut o,
        Action::SetProjectTitle {
            title: "Arms claims".into(),
        },
    );

    let out = merge(&b, &o, &t);
    assert!(out.is_clean(), "{:?}", out.conflicts);
    assert_loadable(&out);
    let m = &out.project;
    assert_eq!(m.title, "Arms claims");
    assert_eq!(m.claims.len(), 4);
    let c0 = m.claim(&ids[0]).expect("c0");
    assert_eq!(
        (c0.status, c0.note.as_str()),
        (Status::Denied, "KCNA statement")
    );
    assert_eq!(c0.updated, at(3), "the later of the two edits");
    assert_eq!(c0.history.len(), 1);
    assert_eq!(
        m.claim(&ids[1]).map(|c| c.speaker.as_str()),
        Some("Kwon Jong Gun")
    );
    assert_eq!(m.claim(&ids[2]).map(|c| c.status), Some(Status::Sourced));
    // Claims stay in canonical (position) order whatever side they came from.
    let mut sorted = m.clone();
    sorted.sort_claims();
    assert_eq!(&sorted, m);
    // Merging the other way round gives the same claims.
    let back = merge(&b, &t, &o);
    assert_eq!(back.project.claims, m.claims);
}

#[test]
fn deletions_and_identical_changes_merge_cleanly() {
    let (b, _, ids) = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    edit(&mut o, Action::RemoveClaim { id: ids[1].clone() });
    edit(&mut t, Action::RemoveClaim { id: ids[1].clone() });
    edit(&mut t, Action::RemoveClaim { id: ids[2].clone() });
    for p in [&mut o, &mut t] {
        edit(p, set(&ids[0], ClaimEdit::Note("same".into()), 7));
    }
    let out = merge(&b, &o, &t);
    assert!(out.is_clean(), "{:?}", out.conflicts);
    assert_loadable(&out);
    let kept: Vec<_> = out.project.claims.iter().map(|c| c.id.clone()).collect();
    assert_eq!(kept, vec![ids[0].clone()]);
    assert_eq!(out.project.claims[0].note, "same");
}

#[test]
fn status_histories_are_unioned_in_time_order() {
    let (b, _, ids) = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    edit(&mut o, status(&ids[0], Status::Denied, "Ana", 1));
    edit(&mut o, status(&ids[0], Status::Sourced, "Ana", 5));
    // Theirs makes the same first change later on (same outcome), then nothing else.
    edit(&mut t, status(&ids[0], Status::Disputed, "Bo", 3));
    edit(&mut t, status(&ids[0], Status::Sourced, "Bo", 4));
    let out = merge(&b, &o, &t);
    assert!(out.is_clean(), "both ended on sourced: {:?}", out.conflicts);
    let h = &out.project.claims[0].history;
    let order: Vec<(u32, &str)> = h
        .iter()
        .map(|x| (x.at.0[17..19].parse().unwrap_or(0), x.by.as_str()))
        .collect();
    assert_eq!(order, vec![(1, "Ana"), (3, "Bo"), (4, "Bo"), (5, "Ana")]);
}

/// Runs a conflicting edit of one field and checks the recorded conflict.
fn conflict_case(b: &Project, field: ConflictField, ours: Action, theirs: Action) -> MergeOutcome {
    let (mut o, mut t) = (b.clone(), b.clone());
    edit(&mut o, ours);
    edit(&mut t, theirs);
    let out = merge(b, &o, &t);
    assert!(!out.is_clean(), "{field} should conflict");
    assert_eq!(out.conflicts.len(), 1, "{:?}", out.conflicts);
    assert_eq!(out.conflicts[0].field, field);
    assert_eq!(out.project.conflicts, out.conflicts);
    assert_ne!(out.conflicts[0].ours, out.conflicts[0].theirs);
    assert_loadable(&out);
    // `check` reports it.
    let problems = store::check(&out.project);
    assert!(
        problems.iter().any(
            |p| matches!(p, Problem::UnresolvedConflict { conflict } if conflict.field == field)
        ),
        "{problems:?}"
    );
    out
}

#[test]
fn same_field_changed_differently_is_a_conflict_for_each_field() {
    let (b, art, ids) = base();
    let id = &ids[0];
    let out = conflict_case(
        &b,
        ConflictField::Status,
        status(id, Status::Denied, "Ana", 1),
        status(id, Status::Sourced, "Bo", 2),
    );
    let c = out.project.claim(id).expect("claim");
    assert_eq!(c.status, Status::Denied, "ours is kept until resolved");
    assert_eq!(c.history.len(), 2, "both changes are in the history");
    assert_eq!(out.conflicted_ids(), vec![id.as_str()]);
    assert_eq!(
        out.conflicts[0].base,
        Some(FieldValue::Status(Status::Unreviewed))
    );

    conflict_case(
        &b,
        ConflictField::Speaker,
        set(id, ClaimEdit::Speaker("KCNA".into()), 1),
        set(id, ClaimEdit::Speaker("Kwon".into()), 2),
    );
    conflict_case(
        &b,
        ConflictField::Note,
        set(id, ClaimEdit::Note("ours".into()), 1),
        set(id, ClaimEdit::Note("theirs 北".into()), 2),
    );
    conflict_case(
        &b,
        ConflictField::Sources,
        set(
            id,
            ClaimEdit::Sources(vec![Source::from_url("https://a.example")]),
            1,
        ),
        set(
            id,
            ClaimEdit::Sources(vec![Source::from_url("https://b.example")]),
            2,
        ),
    );
    let sign = |who: &str| Action::SetReviewed {
        id: id.clone(),
        reviewed: Some(SignOff {
            by: who.into(),
            at: at(9),
        }),
    };
    conflict_case(&b, ConflictField::Reviewed, sign("Ed"), sign("Flo"));

    // Anchor: each side moved the span differently.
    let moved = |range: std::ops::Range<usize>| {
        let mut c = b.claim(id).cloned().expect("claim");
        let article = b.article(&art).expect("article");
        c.anchor = factdesk::core::model::Anchor::in_article(article, range).expect("anchor");
        Action::ReplaceClaim { claim: Box::new(c) }
    };
    let out = conflict_case(&b, ConflictField::Anchor, moved(16..27), moved(22..34));
    assert_eq!(out.project.claim(id).map(|c| c.anchor.end), Some(27));
}

#[test]
fn delete_against_edit_keeps_the_claim_and_records_a_conflict() {
    let (b, _, ids) = base();
    let out = conflict_case(
        &b,
        ConflictField::Claim,
        Action::RemoveClaim { id: ids[1].clone() },
        set(&ids[1], ClaimEdit::Note("needs a source".into()), 3),
    );
    let c = out
        .project
        .claim(&ids[1])
        .expect("the edited claim is kept");
    assert_eq!(c.note, "needs a source");
    assert_eq!(out.conflicts[0].ours, FieldValue::Claim(None));
}

#[test]
fn article_conflicts_meta_and_deletion() {
    let (b, art, _) = base();
    let meta = |t: &str| Action::SetArticleMeta {
        id: art.clone(),
        meta: Box::new(ArticleMeta {
            title: t.into(),
            ..ArticleMeta::default()
        }),
    };
    let out = conflict_case(&b, ConflictField::ArticleMeta, meta("Ours"), meta("Theirs"));
    assert_eq!(out.conflicts[0].id, art.0);
    assert_eq!(out.project.articles[0].meta.title, "Ours");

    // Theirs deletes the article while ours adds a claim to it: nothing is lost.
    let (mut o, mut t) = (b.clone(), b.clone());
    let add = Action::add_claim_by_quote(&o, &art, "rockets were sent", 1, at(4)).expect("q");
    edit(&mut o, add);
    edit(&mut t, Action::RemoveArticle { id: art.clone() });
    let out = merge(&b, &o, &t);
    assert_eq!(out.conflicts.len(), 1);
    assert_eq!(out.conflicts[0].field, ConflictField::Article);
    assert_eq!(
        out.project.claims.len(),
        4,
        "all claims kept with the article"
    );
    assert_loadable(&out);

    // Deleting an article nobody else touched just deletes it.
    let mut t2 = b.clone();
    edit(&mut t2, Action::RemoveArticle { id: art.clone() });
    let out = merge(&b, &b, &t2);
    assert!(out.is_clean());
    assert!(out.project.articles.is_empty() && out.project.claims.is_empty());
}

#[test]
fn resolving_takes_a_side_and_undoes_exactly() {
    let (b, _, ids) = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    edit(&mut o, status(&ids[0], Status::Denied, "Ana", 1));
    edit(&mut t, status(&ids[0], Status::Sourced, "Bo", 2));
    edit(&mut o, set(&ids[0], ClaimEdit::Note("ours".into()), 3));
    edit(&mut t, set(&ids[0], ClaimEdit::Note("theirs".into()), 4));
    let out = merge(&b, &o, &t);
    assert_eq!(out.conflicts.len(), 2);
    let mut s = Session::opened(out.project.clone(), None);
    let before = store::to_ron_string(&s.project).expect("ser");
    s.edit(Action::ResolveConflict {
        id: ids[0].0.clone(),
        field: ConflictField::Status,
        take: Take::Theirs,
    })
    .expect("resolve");
    assert_eq!(
        s.project.claim(&ids[0]).map(|c| c.status),
        Some(Status::Sourced)
    );
    assert_eq!(s.project.conflicts.len(), 1);
    s.edit(Action::ResolveConflict {
        id: ids[0].0.clone(),
        field: ConflictField::Note,
        take: Take::Ours,
    })
    .expect("resolve");
    assert!(s.project.conflicts.is_empty());
    assert!(store::check(&s.project).is_empty());
    let resolved = s.project.clone();
    // Resolving again is refused: there is nothing left to resolve.
    let again = s.edit(Action::ResolveConflict {
        id: ids[0].0.clone(),
        field: ConflictField::Note,
        take: Take::Ours,
    });
    assert!(again.is_err());
    s.undo().expect("undo");
    s.undo().expect("undo");
    assert_eq!(store::to_ron_string(&s.project).expect("ser"), before);
    s.redo().expect("redo");
    s.redo().expect("redo");
    assert_eq!(s.project, resolved);
    // Undo after redo is exact too (the reopen of a reopen).
    s.undo().expect("undo");
    s.undo().expect("undo");
    assert_eq!(store::to_ron_string(&s.project).expect("ser"), before);
}

#[test]
fn resolving_a_deletion_conflict_can_delete() {
    let (b, _, ids) = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    edit(&mut o, Action::RemoveClaim { id: ids[2].clone() });
    edit(&mut t, status(&ids[2], Status::Denied, "Bo", 2));
    let out = merge(&b, &o, &t);
    let mut p = out.project.clone();
    let inv = apply(
        &mut p,
        Action::ResolveConflict {
            id: ids[2].0.clone(),
            field: ConflictField::Claim,
            take: Take::Ours,
        },
    )
    .expect("resolve");
    assert!(p.claim(&ids[2]).is_none());
    assert!(p.conflicts.is_empty());
    apply(&mut p, inv).expect("reopen");
    assert_eq!(p, out.project);
}

#[test]
fn old_conflicts_resolved_on_one_side_stay_resolved() {
    let (b, _, ids) = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    edit(&mut o, status(&ids[0], Status::Denied, "Ana", 1));
    edit(&mut t, status(&ids[0], Status::Sourced, "Bo", 2));
    let conflicted = merge(&b, &o, &t).project;
    // One side resolves, the other adds an unrelated note.
    let (mut o2, mut t2) = (conflicted.clone(), conflicted.clone());
    edit(
        &mut o2,
        Action::ResolveConflict {
            id: ids[0].0.clone(),
            field: ConflictField::Status,
            take: Take::Theirs,
        },
    );
    edit(&mut t2, set(&ids[1], ClaimEdit::Note("n".into()), 8));
    let out = merge(&conflicted, &o2, &t2);
    assert!(out.is_clean(), "{:?}", out.conflicts);
    assert!(out.project.conflicts.is_empty());
    assert_eq!(
        out.project.claim(&ids[0]).map(|c| c.status),
        Some(Status::Sourced)
    );
    assert_eq!(
        out.project.claim(&ids[1]).map(|c| c.note.as_str()),
        Some("n")
    );
}

#[test]
fn both_sides_adding_from_nothing() {
    // git gives an empty base when both branches added the file.
    let (b, _, _) = base();
    let mut t = b.clone();
    edit(
        &mut t,
        set(&b.claims[0].id, ClaimEdit::Note("theirs".into()), 3),
    );
    let out = merge(&Project::default(), &b, &t);
    assert_eq!(out.conflicts.len(), 1, "{:?}", out.conflicts);
    assert_eq!(out.conflicts[0].base, None);
    assert_loadable(&out);
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    /// One edit: (kind, claim index or start offset, value).
    fn op() -> impl Strategy<Value = (u8, usize, u8)> {
        (0u8..5, 0usize..1_000, 0u8..4)
    }

    fn to_action(
        p: &Project,
        (kind, k, v): (u8, usize, u8),
        n: u32,
        allowed: &[usize],
    ) -> Option<Action> {
        let idx = allowed[k % allowed.len()];
        let id = p
            .claims
            .iter()
            .find(|c| c.id.0 == format!("c-base{idx:04}"))?
            .id
            .clone();
        Some(match kind {
            0 => status(&id, Status::ALL[v as usize], "x", n),
            1 => set(&id, ClaimEdit::Note(format!("note {v} 北")), n),
            2 => set(&id, ClaimEdit::Speaker(format!("speaker {v}")), n),
            3 => Action::RemoveClaim { id },
            _ => {
                let art = p.articles[0].id.clone();
                let start = k % (p.articles[0].char_len() - 20);
                Action::add_claim(p, &art, start..start + 12, true, at(n)).ok()?
            }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Edits to disjoint sets of claims merge cleanly into what applying both would give.
        #[test]
        fn disjoint_edits_merge_like_sequential_edits(
            ours_ops in proptest::collection::vec(op(), 0..12),
            theirs_ops in proptest::collection::vec(op(), 0..12),
        ) {
            let mut b = crate::synth::project(3_000, 20);
            for (i, c) in b.claims.iter_mut().enumerate() {
                c.id = ClaimId(format!("c-base{i:04}"));
            }
            b.sort_claims();
            let evens: Vec<usize> = (0..20).step_by(2).collect();
            let odds: Vec<usize> = (1..20).step_by(2).collect();
            let (mut o, mut t) = (b.clone(), b.clone());
            let mut expected = b.clone();
            for (n, x) in ours_ops.into_iter().enumerate() {
                if let Some(a) = to_action(&o, x, n as u32, &evens)
                    && apply(&mut o, a.clone()).is_ok()
                {
                    apply(&mut expected, a).expect("same edit applies to the expectation");
                }
            }
            for (n, x) in theirs_ops.into_iter().enumerate() {
                if let Some(a) = to_action(&t, x, 30 + n as u32, &odds)
                    && apply(&mut t, a.clone()).is_ok()
                {
                    apply(&mut expected, a).expect("same edit applies to the expectation");
                }
            }
            let out = merge(&b, &o, &t);
            prop_assert!(out.is_clean(), "{:?}", out.conflicts);
            prop_assert_eq!(&out.project, &expected);
            assert_loadable(&out);
        }
    }
}

#[test]
fn history_entries_of_the_same_second_are_not_collapsed() {
    let (b, _, ids) = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    // Two changes by one analyst within one second, then an unrelated edit on the other side.
    edit(&mut o, status(&ids[0], Status::Denied, "Ana", 1));
    edit(&mut o, status(&ids[0], Status::Sourced, "Ana", 1));
    edit(&mut t, set(&ids[0], ClaimEdit::Note("n".into()), 2));
    let out = merge(&b, &o, &t);
    assert!(out.is_clean());
    assert_eq!(out.project.claim(&ids[0]).map(|c| c.history.len()), Some(2));
}
