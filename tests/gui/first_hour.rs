//! The first hour of a new analyst: who is editing, an untouched sample, path fields that take
//! the keyboard, the shortcut sheet, key caps, accepted suggestions, export names and colours.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use factdesk::core::model::Status;
use factdesk::core::session::Session;
use factdesk::ui::{FactdeskApp, Settings};

fn value_of(h: &egui_kittest::Harness<'static, FactdeskApp>, label: &str) -> Option<String> {
    h.query_by_label(label)?
        .accesskit_node()
        .value()
        .map(|v| v.to_string())
}

#[test]
fn the_first_edit_asks_who_is_editing_once_and_remembers_the_name() {
    let settings = Settings {
        ask_analyst: true,
        analyst: String::new(),
        ..Settings::headless()
    };
    let mut h = harness(FactdeskApp::new(Session::opened(project(), None), settings));
    assert!(
        h.query_by_label("Who is editing?").is_none(),
        "not before it matters"
    );
    h.state_mut().article.selection = Some(factdesk::ui::TextSelection {
        article: h.state().session.project.articles[0].id.clone(),
        range: 0..11,
    });
    h.key_press(Key::M);
    h.run();
    assert_eq!(
        h.state().session.project.claims.len(),
        1,
        "the edit went ahead"
    );
    assert!(
        h.query_by_label("Who is editing?").is_some(),
        "the first edit asks"
    );
    replace_text(&mut h, "Your name", "Ana Lyst");
    h.get_by_label("Use this name").click();
    h.run();
    assert!(h.query_by_label("Who is editing?").is_none());
    assert_eq!(h.state().settings.analyst, "Ana Lyst");
    // The next edit is recorded under that name, and nobody is asked again.
    h.key_press(Key::Num1);
    h.run();
    assert!(h.query_by_label("Who is editing?").is_none());
    let c = &h.state().session.project.claims[0];
    assert_eq!(c.status, Status::Sourced);
    assert!(
        c.history.iter().any(|e| e.by == "Ana Lyst"),
        "the status change names the analyst: {:?}",
        c.history
    );
    assert!(
        c.history.iter().all(|e| !e.by.trim().is_empty()),
        "never an empty name"
    );
    // The edit that asked went ahead under the guessed name; it is filed under the chosen one.
    assert_eq!(
        c.creator, "Ana Lyst",
        "the first claim names the chosen analyst"
    );
    // Filed again as one step: two undos take back the status and the claim.
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert!(
        h.state().session.project.claims.is_empty(),
        "the first edit is one undo step"
    );
}

#[test]
fn the_untouched_sample_closes_without_a_question() {
    let mut h = harness(FactdeskApp::startup(None, Settings::headless()));
    assert!(!h.state().session.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_none());
    assert!(h.state().window.quit_requested, "quit at once");
}

#[test]
fn path_fields_take_the_keyboard_when_they_appear() {
    let mut h = harness(app(project()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let before = value_of(&h, "Path").unwrap_or_default();
    h.event(egui::Event::Text("zz".into()));
    h.run();
    let after = value_of(&h, "Path").unwrap_or_default();
    assert_eq!(
        after,
        format!("{before}zz"),
        "typing went into the path field"
    );
}

#[test]
fn the_shortcut_sheet_scrolls_and_escape_closes_it() {
    let mut h = harness(app(project()));
    h.set_size(egui::vec2(800.0, 600.0));
    h.key_press(Key::F1);
    h.run();
    let plain = h
        .query_by_label_contains("Plain keys (")
        .expect("the sheet is open")
        .rect();
    assert!(
        plain.bottom() <= 600.0,
        "the sheet fits the window (its table scrolls): {plain:?}"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label_contains("Plain keys (").is_none(),
        "Escape closed it"
    );
}

#[test]
fn status_keys_show_as_key_caps_not_counts() {
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Kwon Jong Gun");
    for key in ["1", "2", "3", "0"] {
        assert!(
            h.query_by_label(&format!("key {key}")).is_some(),
            "key cap {key}"
        );
    }
}

#[test]
fn accepting_a_suggestion_selects_the_new_claim() {
    let mut h = harness(app(project()));
    press(&mut h, Modifiers::COMMAND, Key::G);
    for _ in 0..20 {
        h.run();
        if !h.state().session.project.claims.is_empty() {
            break;
        }
        h.key_press(Key::N);
        h.run();
        h.key_press(Key::A);
        h.run();
    }
    let claims = &h.state().session.project.claims;
    assert_eq!(claims.len(), 1, "a suggestion was accepted");
    assert_eq!(h.state().claims.selected.as_ref(), Some(&claims[0].id));
}

#[test]
fn the_export_file_is_named_after_the_project_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("desk-jan.ron");
    let mut h = harness(app(project_with_claims()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    replace_text(&mut h, "Path", &path.display().to_string());
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(h.state().session.path(), Some(path.as_path()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    let offered = value_of(&h, "Path").unwrap_or_default();
    assert!(offered.ends_with("desk-jan.csv"), "offered {offered:?}");
}

#[test]
fn the_export_dialog_keeps_its_place_as_its_content_changes() {
    let mut h = harness(app(project_with_claims()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let top = |h: &egui_kittest::Harness<'static, FactdeskApp>| {
        h.get_by_label("Export claims").rect().top()
    };
    let before = top(&h);
    // ClaimReview adds the publication check (a list of warnings): the content grows.
    h.get_by_label("Format").click();
    h.run();
    h.query_all_by_label("ClaimReview JSON-LD (schema.org)")
        .last()
        .expect("option in the popup")
        .click();
    h.run();
    h.run();
    assert!(
        h.query_by_label_contains("⚠ no reviewer organisation")
            .is_some(),
        "the content changed"
    );
    assert!(
        (top(&h) - before).abs() < 1.0,
        "the dialog moved from {before} to {}",
        top(&h)
    );
}
