//! Verdicts apart from statuses in the app: the project's rating scale in Settings, the verdict,
//! claim summary and review URL in the claim panel, and the publication check in the export
//! dialog.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use factdesk::core::model::RatingScale;

fn open_settings(h: &mut egui_kittest::Harness<'static, factdesk::ui::FactdeskApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Settings…").click();
    h.run();
}

#[test]
fn the_rating_scale_is_chosen_in_settings_and_undoable() {
    let mut h = harness(app(project_with_claims()));
    open_settings(&mut h);
    h.get_by_label("Rating scale").click();
    h.run();
    h.get_by_label("six-level").click();
    h.run();
    let scale = h.state().session.project.settings.rating_scale.clone();
    assert_eq!(scale.map(|s| s.name), Some("six-level".to_string()));
    assert!(
        h.query_by_label_contains("Worst to best: Pants on fire")
            .is_some()
    );
    // The desk's own levels, worst first.
    replace_text(&mut h, "Own levels", "Wrong, Unproven, Right");
    h.get_by_label("Use these levels").click();
    h.run();
    let scale = h.state().session.project.settings.rating_scale.clone();
    assert_eq!(
        scale.map(|s| s.names()),
        Some("Wrong, Unproven, Right".to_string())
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let scale = h.state().session.project.settings.rating_scale.clone();
    assert_eq!(
        scale.map(|s| s.name),
        Some("six-level".to_string()),
        "one undo step"
    );
}

#[test]
fn a_claim_gets_a_verdict_a_summary_and_a_review_url() {
    let mut p = project_with_claims();
    p.settings.rating_scale = RatingScale::preset("six-level");
    let mut h = harness(app(p));
    click_row(&mut h, "北朝鮮 denied it again");
    h.get_by_label("Verdict").click();
    h.run();
    h.get_by_label("Mostly false (3)").click();
    h.run();
    let claim = find_claim(&h, "北朝鮮 denied it again").expect("claim");
    assert_eq!(claim.verdict, "Mostly false");
    assert_eq!(
        claim.status,
        factdesk::core::model::Status::Denied,
        "status unchanged"
    );
    let long = "North Korea says it sent no rockets or missiles to the Wagner group in Ukraine";
    replace_text(&mut h, "Claim summary", long);
    assert!(
        h.query_by_label_contains(&format!("⚠ {} characters", long.chars().count()))
            .is_some(),
        "a summary past 75 characters is warned about"
    );
    replace_text(&mut h, "Claim summary", "No arms to Wagner, says Pyongyang");
    assert!(h.query_by_label_contains("characters: under").is_none());
    replace_text(&mut h, "Review URL", "https://factcheck.example/arms");
    let claim = find_claim(&h, "北朝鮮 denied it again").expect("claim");
    assert_eq!(claim.summary, "No arms to Wagner, says Pyongyang");
    assert_eq!(claim.review_url, "https://factcheck.example/arms");
    // Each field is one undo step; the verdict too.
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    let claim = find_claim(&h, "北朝鮮 denied it again").expect("claim");
    assert_eq!(
        (
            claim.verdict.as_str(),
            claim.summary.as_str(),
            claim.review_url.as_str()
        ),
        ("", "", "")
    );
}

#[test]
fn without_a_scale_the_panel_says_where_to_choose_one() {
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Kwon Jong Gun");
    assert!(h.query_by_label_contains("No rating scale").is_some());
    assert!(h.query_by_label("Claim summary").is_some());
}

#[test]
fn the_export_dialog_runs_the_publication_check_for_claimreview() {
    let mut h = harness(app(project_with_claims()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(
        h.query_by_label_contains("Publication check").is_none(),
        "CSV: no check"
    );
    h.get_by_label("Format").click();
    h.run();
    h.get_by_label_contains("ClaimReview").click();
    h.run();
    // Two reviewed claims are selected by default, neither with a review URL.
    assert!(
        h.query_by_label_contains("Publication check: 2 required")
            .is_some(),
        "check shown with its count"
    );
    assert_eq!(
        h.query_all_by_label_contains("required url").count(),
        2,
        "one per claim"
    );
}

#[test]
fn each_source_shows_whether_its_page_is_kept_as_evidence() {
    use factdesk::core::model::{Capture, CaptureState, Source};
    use factdesk::core::time::Timestamp;
    let mut p = project_with_claims();
    let kwon = p
        .claims
        .iter_mut()
        .find(|c| c.anchor.quote == "Kwon Jong Gun")
        .expect("claim");
    kwon.sources = vec![
        Source {
            url: "https://kcna.example/statement".into(),
            captures: vec![Capture {
                time: Timestamp("2026-12-01T09:30:00Z".into()),
                state: CaptureState::Captured,
                status: 200,
                bytes: 2048,
                sha256: "ab".repeat(32),
                file: "20261201T093000Z-abcdefghijkl.warc.gz".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
        Source {
            url: "https://gone.example/".into(),
            captures: vec![Capture {
                time: Timestamp("2026-12-01T09:31:00Z".into()),
                state: CaptureState::Failed,
                error: "HTTP 404 Not Found".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
        Source::from_url("https://new.example/"),
    ];
    let mut h = harness(app(p));
    click_row(&mut h, "Kwon Jong Gun");
    assert!(h.query_by_label_contains("Evidence: captured").is_some());
    let found = h
        .query_by_label_contains("Evidence: captured")
        .expect("captured");
    assert!(
        format!("{found:?}").contains("SHA-256 abababababab"),
        "{found:?}"
    );
    assert!(h.query_by_label_contains("HTTP 404 Not Found").is_some());
    assert!(
        h.query_by_label_contains("Evidence: not captured")
            .is_some()
    );
}
