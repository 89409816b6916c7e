//! The audit trail (creator, status history, sign-off), undo exactness, and diff-friendly files.

use factdesk::core::action::{Action, ClaimEdit, apply};
use factdesk::core::model::{
    Article, ArticleMeta, ClaimId, Project, SignOff, Status, StatusChange,
};
use factdesk::core::session::Session;
use factdesk::core::store::{from_ron_str, to_ron_string};
use factdesk::core::time::Timestamp;
use std::path::Path;

const BODY: &str = "Seoul, 30 Jan — North Korea denied supplying “rockets and missiles” to Wagner. \
“It is a rumour,” said Kwon Jong Gun. 北朝鮮は否定した 🚀. The US said rockets were sent. \
Le ministère a démenti ces « informations ».";

fn ts(s: &str) -> Timestamp {
    Timestamp(format!("2024-03-0{s}T10:00:00Z"))
}

fn session(analyst: &str) -> Session {
    let mut p = Project::new("Audit");
    p.articles.push(Article::new(ArticleMeta::default(), BODY));
    let mut s = Session::opened(p, None);
    s.analyst = analyst.to_string();
    s
}

fn add(s: &mut Session, quote: &str) -> ClaimId {
    let art = s.project.articles[0].id.clone();
    let act = Action::add_claim_by_quote(&s.project, &art, quote, 1, ts("1")).expect("quote");
    let Action::AddClaim { claim } = &act else {
        panic!("not an add");
    };
    let id = claim.id.clone();
    s.edit(act).expect("add");
    id
}

fn ron(p: &Project) -> String {
    to_ron_string(p).expect("serialise")
}

#[test]
fn session_records_creator_and_status_history() {
    let mut s = session("Ana Lyst");
    let id = add(&mut s, "北朝鮮は否定した");
    let c = s.project.claim(&id).expect("claim");
    assert_eq!(c.creator, "Ana Lyst");
    assert!(c.history.is_empty());

    // GUI-style edit: the session attributes it to its analyst.
    s.edit(Action::set_status(&id, Status::Denied, ""))
        .expect("tag");
    s.analyst = "Bo".into();
    s.edit(Action::set_status(&id, Status::Disputed, ""))
        .expect("tag");
    // Setting the same status again is not a change.
    s.edit(Action::set_status(&id, Status::Disputed, "Bo"))
        .expect("same");
    let c = s.project.claim(&id).expect("claim");
    let trail: Vec<(&str, Status, Status)> = c
        .history
        .iter()
        .map(|h| (h.by.as_str(), h.from, h.to))
        .collect();
    assert_eq!(
        trail,
        vec![
            ("Ana Lyst", Status::Unreviewed, Status::Denied),
            ("Bo", Status::Denied, Status::Disputed),
        ]
    );
    assert_eq!(c.status, Status::Disputed);
    let text = ron(&s.project);
    assert!(text.contains("creator: \"Ana Lyst\""), "{text}");
    assert!(text.contains("from: denied"), "{text}");
    let back = from_ron_str(&text, Path::new("a.ron")).expect("load");
    assert_eq!(back, s.project);
}

#[test]
fn undo_of_status_change_and_sign_off_is_byte_identical() {
    let mut s = session("Ana");
    let id = add(&mut s, "rockets and missiles");
    let before = ron(&s.project);
    s.edit(Action::set_status(&id, Status::Sourced, "Ana"))
        .expect("tag");
    let tagged = ron(&s.project);
    assert_ne!(tagged, before);
    s.edit(Action::SetReviewed {
        id: id.clone(),
        reviewed: Some(SignOff::now("")),
    })
    .expect("sign off");
    let signed = s.project.clone();
    assert_eq!(
        signed
            .claim(&id)
            .and_then(|c| c.reviewed.as_ref())
            .map(|r| r.by.as_str()),
        Some("Ana"),
        "an anonymous sign-off is the analyst's"
    );
    s.edit(Action::SetReviewed {
        id: id.clone(),
        reviewed: None,
    })
    .expect("clear");
    assert!(s.project.claim(&id).is_some_and(|c| c.reviewed.is_none()));
    assert!(s.undo().expect("undo clear"));
    assert_eq!(s.project, signed);
    assert!(s.undo().expect("undo sign-off"));
    assert_eq!(ron(&s.project), tagged);
    assert!(s.undo().expect("undo status"));
    assert_eq!(ron(&s.project), before, "history entry removed exactly");
    assert!(s.redo().expect("redo"));
    assert_eq!(ron(&s.project), tagged, "redo restores the same entry");
}

#[test]
fn plain_apply_of_a_status_edit_still_keeps_history() {
    let mut s = session("");
    let id = add(&mut s, "rockets and missiles");
    let mut p = s.project.clone();
    let before = p.clone();
    let inv = apply(
        &mut p,
        Action::SetStatus {
            id: id.clone(),
            status: Status::Denied,
            by: String::new(),
            at: ts("2"),
        },
    )
    .expect("edit");
    let c = p.claim(&id).expect("claim");
    assert_eq!(
        c.history,
        vec![StatusChange {
            by: String::new(),
            at: ts("2"),
            from: Status::Unreviewed,
            to: Status::Denied,
        }]
    );
    apply(&mut p, inv).expect("undo");
    assert_eq!(p, before);
}

#[test]
fn files_without_team_fields_load_and_write_the_same_lines() {
    let text = include_str!("fixtures/team/pre-team.ron");
    let p = from_ron_str(text, Path::new("pre-team.ron")).expect("old file loads");
    assert!(
        p.claims
            .iter()
            .all(|c| c.creator.is_empty() && c.history.is_empty() && c.reviewed.is_none())
    );
    assert!(p.conflicts.is_empty());
    // Only the version line moves on (format 2 added verdicts): every other line is the same.
    assert_eq!(
        ron(&p),
        text.replacen("format_version: 1,", "format_version: 2,", 1),
        "unchanged claims are written exactly as read"
    );
}

/// The lines only in `a` and only in `b` (longest-common-subsequence diff).
fn line_diff(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
    let (x, y): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let mut lcs = vec![vec![0usize; y.len() + 1]; x.len() + 1];
    for i in (0..x.len()).rev() {
        for j in (0..y.len()).rev() {
            lcs[i][j] = if x[i] == y[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    while i < x.len() || j < y.len() {
        if i < x.len() && j < y.len() && x[i] == y[j] {
            i += 1;
            j += 1;
        } else if j < y.len() && (i == x.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            added.push(y[j].to_string());
            j += 1;
        } else {
            removed.push(x[i].to_string());
            i += 1;
        }
    }
    (removed, added)
}

/// The lines of one claim's record in a saved file, from its `id:` line to its closing `),`.
fn claim_lines(text: &str, id: &ClaimId) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == format!("id: \"{id}\","))
        .expect("claim in file");
    let start = at - 1; // the opening "(" line
    let end = (at..lines.len())
        .find(|&k| lines[k] == "    ),")
        .expect("closing line");
    lines[start..=end].iter().map(|s| s.to_string()).collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn one_claim_changes_only_its_own_lines() {
    let mut s = session("Ana");
    let ids: Vec<ClaimId> = [
        "Seoul",
        "rockets and missiles",
        "北朝鮮は否定した",
        "démenti",
    ]
    .into_iter()
    .map(|q| add(&mut s, q))
    .collect();
    let v1 = ron(&s.project);

    // Add one claim in the middle of the article.
    let new = add(&mut s, "It is a rumour");
    let v2 = ron(&s.project);
    let (removed, added) = line_diff(&v1, &v2);
    assert!(removed.is_empty(), "adding removed {removed:?}");
    // A minimal diff may attach the block's "(" at either end, so compare as multisets.
    assert_eq!(
        sorted(added),
        sorted(claim_lines(&v2, &new)),
        "only the new claim's lines are added"
    );

    // Edit one claim: status (with its history entry), speaker and note.
    let target = ids[2].clone();
    s.edit(Action::set_status(&target, Status::Denied, "Ana"))
        .expect("tag");
    s.edit(Action::edit_claim(
        &target,
        ClaimEdit::Speaker("KCNA".into()),
    ))
    .expect("speaker");
    let v3 = ron(&s.project);
    let (removed, added) = line_diff(&v2, &v3);
    let old = claim_lines(&v2, &target);
    let now = claim_lines(&v3, &target);
    assert!(!added.is_empty());
    assert!(removed.iter().all(|l| old.contains(l)), "{removed:?}");
    assert!(added.iter().all(|l| now.contains(l)), "{added:?}");

    // Delete one claim.
    s.edit(Action::RemoveClaim { id: ids[0].clone() })
        .expect("delete");
    let v4 = ron(&s.project);
    let (removed, added) = line_diff(&v3, &v4);
    assert!(added.is_empty(), "deleting added {added:?}");
    assert_eq!(sorted(removed), sorted(claim_lines(&v3, &ids[0])));
}

#[test]
fn batches_are_attributed_throughout() {
    let mut s = session("Cleo");
    let art = s.project.articles[0].id.clone();
    let add = Action::add_claim_by_quote(&s.project, &art, "démenti", 1, ts("1")).expect("quote");
    let Action::AddClaim { claim } = &add else {
        panic!("not an add");
    };
    let id = claim.id.clone();
    let tag = Action::SetStatus {
        id: id.clone(),
        status: Status::Disputed,
        by: String::new(),
        at: ts("1"),
    };
    s.edit(Action::Batch {
        actions: vec![add, tag],
    })
    .expect("batch");
    let c = s.project.claim(&id).expect("claim");
    assert_eq!(c.creator, "Cleo");
    assert_eq!(c.history.len(), 1);
    assert_eq!(c.history[0].by, "Cleo");
    assert!(s.undo().expect("undo"));
    assert!(s.project.claims.is_empty());
}
