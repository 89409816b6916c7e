//! Bulk claim work at scale: importing tens of thousands of JSONL lines (added, then updated in
//! place) and filtering suggestions against tens of thousands of claims and rejections. Each used
//! to cost a pass over every claim per line or per suggestion (minutes at these sizes); now each
//! is one indexed pass, and these tests finish in seconds even unoptimised.

use factdesk::core::action::{self, Action};
use factdesk::core::export::{self, ClaimFilter, ExportOptions, Format, claims_import};
use factdesk::core::model::{
    Anchor, ArticleId, Claim, ClaimId, Project, RejectedSuggestion, Status,
};
use factdesk::core::nlp::{Suggestion, filter_known};
#[path = "support/synth.rs"]
mod synth;
use factdesk::core::time::Timestamp;

fn jsonl(project: &Project) -> String {
    let options = ExportOptions {
        format: Format::Jsonl,
        filter: ClaimFilter::everything(),
        csv_bom: false,
    };
    let out = export::export(project, &options).expect("export");
    String::from_utf8(out.bytes).expect("utf-8")
}

#[test]
fn thirty_thousand_lines_import_then_update_in_place() {
    let n = 30_000;
    let original = synth::project(n * 40, n);
    let lines = jsonl(&original);
    let mut p = original.clone();
    p.claims.clear();

    let plan = claims_import::plan_import(&p, &lines).expect("valid lines");
    assert_eq!((plan.added, plan.updated), (n, 0));
    let undo = action::apply(&mut p, plan.into_action()).expect("applies");
    assert_eq!(p.claims, original.claims, "every claim, in canonical order");

    // The same lines again, each with a note: every claim updated, none added.
    let noted = lines.replace("\"note\":\"\"", "\"note\":\"checked\"");
    let plan = claims_import::plan_import(&p, &noted).expect("valid lines");
    assert_eq!((plan.added, plan.updated), (0, n));
    let undo_notes = action::apply(&mut p, plan.into_action()).expect("applies");
    assert_eq!(p.claims.len(), n);
    assert!(p.claims.iter().all(|c| c.note == "checked"));

    // Undo restores each state exactly.
    action::apply(&mut p, undo_notes).expect("undo notes");
    assert_eq!(p.claims, original.claims);
    action::apply(&mut p, undo).expect("undo import");
    assert!(p.claims.is_empty());
}

#[test]
fn a_duplicate_late_in_a_large_batch_changes_nothing() {
    let n = 20_000;
    let original = synth::project(n * 40, n);
    let mut p = original.clone();
    let mut actions: Vec<Action> = Vec::new();
    for c in &original.claims {
        let mut fresh = c.clone();
        fresh.id = ClaimId(format!("{}-copy", c.id));
        actions.push(Action::AddClaim {
            claim: Box::new(fresh),
        });
    }
    actions.push(Action::AddClaim {
        claim: Box::new(original.claims[n / 2].clone()),
    });
    let err = action::apply(&mut p, Action::Batch { actions }).expect_err("duplicate id");
    assert_eq!(
        err,
        action::EditError::DuplicateClaim(original.claims[n / 2].id.clone())
    );
    assert_eq!(p, original);
}

fn suggestion(article: &ArticleId, start: usize, end: usize, quote: String) -> Suggestion {
    Suggestion {
        article: article.clone(),
        start,
        end,
        quote,
        speaker: String::new(),
        cue: String::new(),
        status: Status::Unreviewed,
        reason: String::new(),
        score: 0.5,
    }
}

#[test]
fn seventy_thousand_claims_and_rejections_filter_suggestions() {
    let n = 70_000;
    let article = ArticleId("a-big".into());
    let mut p = Project::new("t");
    let at = Timestamp("2024-01-01T00:00:00Z".into());
    for i in 0..n {
        // Claims every 10 chars: [10i, 10i+4).
        let anchor = Anchor {
            start: 10 * i,
            end: 10 * i + 4,
            quote: "xxxx".into(),
            prefix: String::new(),
            suffix: String::new(),
        };
        let mut c = Claim::new(article.clone(), anchor, at.clone());
        c.id = ClaimId(format!("c-{i:06}"));
        p.claims.push(c);
    }
    p.rejected_suggestions = (0..n / 2)
        .map(|i| RejectedSuggestion {
            article: article.clone(),
            start: 0,
            end: 0,
            quote: format!("rejected {i}"),
        })
        .collect();
    let mut all = Vec::new();
    for i in 0..n {
        // On a claim (dropped), between claims (kept), straddling two claims by one char each
        // (kept), and a rejected quote elsewhere (dropped).
        all.push(suggestion(&article, 10 * i + 1, 10 * i + 4, String::new()));
        all.push(suggestion(
            &article,
            10 * i + 5,
            10 * i + 9,
            format!("kept {i}"),
        ));
        all.push(suggestion(&article, 10 * i + 3, 10 * i + 11, String::new()));
        all.push(suggestion(
            &article,
            10 * i + 5,
            10 * i + 8,
            format!("rejected {}", i % (n / 2)),
        ));
    }
    let kept = filter_known(&p, all);
    assert_eq!(kept.len(), 2 * n);
    assert!(
        kept.iter()
            .all(|s| (s.start % 10 == 5 && s.end % 10 == 9) || (s.start % 10 == 3))
    );
}
