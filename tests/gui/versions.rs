//! Articles that change in the app: a new version read from a file in the article details, its
//! changes listed, a flagged claim shown with both wordings and re-placed on a selection.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn a_claim_changed_by_the_outlet_shows_both_wordings_and_is_re_placed_on_a_selection() {
    use factdesk::core::time::Timestamp;
    use factdesk::core::versions::plan_update;
    let mut p = project_with_claims();
    let id = p.articles[0].id.clone();
    let new_body = p.articles[0]
        .body
        .replacen("Wagner group", "Wagner army", 1);
    let plan = plan_update(&p, &id, &new_body, "v2.txt", &Timestamp::now()).expect("plan");
    factdesk::core::action::apply(&mut p, plan.action).expect("apply");
    let mut h = harness(app(p));
    click_row(&mut h, "Wagner group");
    assert!(
        h.query_by_label_contains("Quote changed in version 2")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Version 2 reads: “Wagner army")
            .is_some()
    );
    // Select the new words in the current text, then re-place: one step, flag cleared.
    let start = new_body[..new_body.find("Wagner army").expect("new words")]
        .chars()
        .count();
    h.state_mut().article.selection = Some(factdesk::ui::TextSelection {
        article: id.clone(),
        range: start..start + "Wagner army".chars().count(),
    });
    h.run();
    h.get_by_label("Re-place on the selection").click();
    h.run();
    let claim = find_claim(&h, "Wagner army").expect("re-placed");
    assert!(claim.changed.is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let back = find_claim(&h, "Wagner group").expect("undone");
    assert!(back.changed.is_some(), "undo brings the flag back");
}

#[test]
fn a_new_version_of_the_article_is_read_from_a_file_and_its_changes_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("corrected.txt");
    std::fs::write(&file, BODY.replacen("Wagner group", "Wagner army", 1)).expect("write");
    let mut h = harness(app(project_with_claims()));
    h.get_by_label_contains("Article details").click();
    h.run();
    assert!(h.query_by_label_contains("Version 1 of 1").is_some());
    h.get_by_label("Update from file…").click();
    h.run();
    replace_text(&mut h, "Path", &file.display().to_string());
    h.get_by_label("Update").click();
    h.run();
    let a = &h.state().session.project.articles[0];
    assert_eq!((a.version, a.versions.len()), (2, 1));
    assert!(h.query_by_label_contains("Version 2 of 2").is_some());
    assert!(h.query_by_label_contains("1 flagged for review").is_some());
    let flagged = find_claim(&h, "Wagner group").expect("kept on version 1");
    assert!(flagged.changed.is_some());
    assert!(find_claim(&h, "Kwon Jong Gun").is_some_and(|c| c.changed.is_none()));
    h.get_by_label_contains("Changes from version 1 to 2")
        .click();
    h.run();
    assert!(h.query_all_by_label_contains("touches 1 claim(s)").count() >= 1);
    assert!(
        h.query_all_by_label_contains("+ ").count() >= 1,
        "the new words are listed"
    );
    // One undo step takes the whole update back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.articles[0].version, 1);
    assert!(find_claim(&h, "Wagner group").is_some_and(|c| c.changed.is_none()));
}
