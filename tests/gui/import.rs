//! GUI flows for bringing articles in: paste as a new article, dropping several files with
//! per-file results, the editable article header, removing an article, and the start screen.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use factdesk::ui::{FactdeskApp, Settings};
use std::path::{Path, PathBuf};

const PASTED: &str = "Kim Yo Jong’s “red line” — café talks 🚀\n\nShe said the déjà vu was “unacceptable”. 北朝鮮 agreed.\n";

fn paste(h: &mut egui_kittest::Harness<'static, FactdeskApp>, text: &str) {
    h.input_mut().events.push(egui::Event::Paste(text.into()));
    h.run();
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn open_details(h: &mut egui_kittest::Harness<'static, FactdeskApp>) {
    h.get_by_label("Article details").click();
    h.run();
}

#[test]
fn pasting_outside_text_fields_makes_an_article_and_undo_takes_it_back() {
    let mut h = harness(app(project()));
    let before = h.state().session.project.clone();
    paste(&mut h, PASTED);
    let p = &h.state().session.project;
    assert_eq!(p.articles.len(), 2);
    let a = &p.articles[1];
    assert_eq!(a.meta.title, "Kim Yo Jong’s “red line” — café talks 🚀");
    assert_eq!(a.body, PASTED.trim_end());
    assert_eq!(a.meta.imported_from, "clipboard");
    assert_eq!(h.state().article.current.as_ref(), Some(&a.id));
    assert!(
        h.query_all_by_label_contains("Kim Yo Jong’s “red line”")
            .count()
            >= 2,
        "listed and shown"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project, before, "one undo step");
}

#[test]
fn pasting_into_a_text_field_does_not_make_an_article() {
    let mut h = harness(app(project()));
    open_details(&mut h);
    h.get_by_label("Byline").focus();
    h.run();
    paste(&mut h, "Jürgen Groß");
    let p = &h.state().session.project;
    assert_eq!(p.articles.len(), 1, "the text went into the field");
    assert_eq!(p.articles[0].meta.byline, "Jürgen Groß");
}

#[test]
fn pasting_the_same_text_twice_warns_instead_of_duplicating() {
    let mut h = harness(app(project()));
    paste(&mut h, PASTED);
    paste(&mut h, PASTED);
    assert_eq!(h.state().session.project.articles.len(), 2);
    assert!(
        h.query_by_label_contains("Already in the project (same content)")
            .is_some()
    );
    // Pasting the text of an article that was imported from a file is caught as well.
    paste(&mut h, BODY);
    assert_eq!(h.state().session.project.articles.len(), 2);
}

#[test]
fn dropping_three_files_imports_two_and_names_the_binary_one() {
    let mut h = harness(app(project_with_claims()));
    let before = h.state().session.project.clone();
    h.input_mut().dropped_files = ["windows-1252.txt", "page-windows-1252.html", "binary.dat"]
        .iter()
        .map(|n| {
            std::sync::Arc::new(Dropped(fixture(n)))
                as std::sync::Arc<dyn egui::DroppedFile + Send + Sync>
        })
        .collect();
    h.run();
    let p = &h.state().session.project;
    let titles: Vec<&str> = p.articles.iter().map(|a| a.meta.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "North Korea denies arms",
            "Ministers “agree” on café deal — déjà vu in Zürich",
            "Stadtrat beschließt Haushalt",
        ]
    );
    assert_eq!(p.articles[0], before.articles[0]);
    assert_eq!(p.claims, before.claims);
    assert!(h.query_by_label("Import results").is_some());
    assert!(h.query_by_label("binary.dat").is_some(), "named");
    assert!(h.query_by_label_contains("✖ not imported").is_some());
    assert_eq!(
        h.query_all_by_label_contains("✔ imported").count(),
        2,
        "the other two are listed as imported"
    );
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("Import results").is_none());
    // Dropping the same page again is reported, not added.
    h.input_mut().dropped_files = vec![std::sync::Arc::new(Dropped(fixture(
        "page-windows-1252.html",
    )))];
    h.run();
    assert_eq!(h.state().session.project.articles.len(), 3);
    assert!(
        h.query_by_label_contains("already in the project (same content)")
            .is_some()
    );
    h.get_by_label("OK").click();
    h.run();
    // One undo step per imported file.
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(h.state().session.project, before);
}

#[test]
fn editing_the_title_in_the_header_is_one_undo_step_and_shows_in_the_list() {
    let mut h = harness(app(project_with_claims()));
    open_details(&mut h);
    replace_text(&mut h, "Article title", "Pyongyang ");
    h.get_by_label("Article title")
        .type_text("denies “arms” 🚀");
    h.run();
    let title = "Pyongyang denies “arms” 🚀";
    assert_eq!(h.state().session.project.articles[0].meta.title, title);
    assert!(
        h.query_all_by_label_contains(title).count() >= 2,
        "the article list and the heading show the new title"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().session.project.articles[0].meta.title,
        "North Korea denies arms"
    );
    assert!(
        !h.state().session.history.can_undo(),
        "the typing in the field was one undo step"
    );
}

#[test]
fn a_published_date_that_is_not_a_date_is_refused_with_a_hint() {
    let mut h = harness(app(project()));
    open_details(&mut h);
    replace_text(&mut h, "Published", "sometime last Tuesday");
    assert_eq!(h.state().session.project.articles[0].meta.published, "");
    assert!(h.query_by_label_contains("Not a date").is_some());
    assert!(!h.state().session.is_dirty(), "nothing was stored");
    replace_text(&mut h, "Published", "Jan 30, 2023 08:15am");
    assert_eq!(
        h.state().session.project.articles[0].meta.published,
        "Jan 30, 2023 08:15am"
    );
    assert!(h.query_by_label_contains("Not a date").is_none());
    replace_text(&mut h, "Published", "2023-02-01");
    assert_eq!(
        h.state().session.project.articles[0].meta.published,
        "2023-02-01"
    );
    // Typed one key at a time, spaces included, as a person types.
    replace_text(&mut h, "Published", "3");
    for c in "0 Jan 2023 08:15am".chars() {
        h.get_by_label("Published").type_text(&c.to_string());
        h.run();
    }
    assert_eq!(
        h.state().session.project.articles[0].meta.published,
        "30 Jan 2023 08:15am"
    );
    assert!(h.query_by_label_contains("Not a date").is_none());
}

#[test]
fn removing_an_article_asks_first_and_can_be_undone() {
    let mut h = harness(app(project_with_claims()));
    let before = h.state().session.project.clone();
    open_details(&mut h);
    h.get_by_label("Remove article…").click();
    h.run();
    assert!(h.query_by_label_contains("and its 3 claim(s)").is_some());
    h.get_by_label("Keep article").click();
    h.run();
    assert_eq!(h.state().session.project, before, "kept");
    h.get_by_label("Remove article…").click();
    h.run();
    h.get_by_label("Remove").click();
    h.run();
    let p = &h.state().session.project;
    assert!(p.articles.is_empty());
    assert!(p.claims.is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project, before);
}

#[test]
fn the_start_screen_lists_recent_projects_and_opens_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saved = dir.path().join("desk-café.ron");
    factdesk::core::store::save(&saved, &project_with_claims()).expect("save");
    let missing = dir.path().join("gone.ron");
    let mut settings = Settings::headless();
    settings.recent = vec![saved.clone(), missing];
    let mut h = harness(FactdeskApp::startup(None, settings));
    assert!(h.query_by_label("Welcome to factdesk").is_some());
    assert!(h.state().session.project.articles.is_empty());
    assert!(h.query_by_label_contains("— not found").is_some());
    assert!(h.query_by_label("gone.ron").is_some());
    h.get_by_label("Remove from list").click();
    h.run();
    assert!(h.query_by_label("gone.ron").is_none());
    assert_eq!(h.state().settings.recent, vec![saved.clone()]);
    h.get_by_label("desk-café.ron").click();
    h.run();
    assert_eq!(h.state().session.path(), Some(saved.as_path()));
    assert_eq!(h.state().session.project.claims.len(), 3);
    assert!(h.query_by_label("Welcome to factdesk").is_none());

    // File › New comes back to it; the sample opens from there.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.query_by_label("Welcome to factdesk").is_some());
    h.get_by_label("Open the sample project").click();
    h.run();
    assert!(h.state().session.project.claims.len() >= 8);
    assert!(h.query_by_label("Welcome to factdesk").is_none());
}

#[test]
fn the_first_start_still_shows_the_sample_and_a_paste_leaves_the_start_screen() {
    let first = FactdeskApp::startup(None, Settings::headless());
    assert!(first.session.project.claims.len() >= 8, "the sample");
    let mut settings = Settings::headless();
    settings.recent = vec![PathBuf::from("/nonexistent/old.ron")];
    let mut h = harness(FactdeskApp::startup(None, settings));
    assert!(h.query_by_label("Welcome to factdesk").is_some());
    paste(&mut h, PASTED);
    assert_eq!(h.state().session.project.articles.len(), 1);
    assert!(h.query_by_label("Welcome to factdesk").is_none());
    assert!(h.query_by_label("Article details").is_some());
}

#[test]
fn pasting_while_article_text_is_selected_leaves_no_stale_selection() {
    let mut h = harness(app(project()));
    let rect = h
        .get_all_by_role(egui::accesskit::Role::MultilineTextInput)
        .next()
        .expect("article text")
        .rect();
    let y = rect.top() + 10.0;
    let (a, b) = (
        egui::pos2(rect.left() + 5.0, y),
        egui::pos2(rect.left() + rect.width() * 0.4, y),
    );
    h.drag_at(a);
    h.step();
    h.hover_at(b);
    h.step();
    h.drop_at(b);
    h.run();
    assert!(
        h.state().article.selection.is_some(),
        "text selected in the article"
    );
    paste(&mut h, PASTED);
    h.run();
    assert_eq!(h.state().session.project.articles.len(), 2, "pasted");
    assert!(h.state().article.selection.is_none());
    assert!(h.state().article.cursor.is_none());
}

#[test]
fn new_article_from_clipboard_takes_the_answering_paste_even_in_a_field() {
    let mut h = harness(app(project()));
    open_details(&mut h);
    h.get_by_label("Byline").focus();
    h.run();
    // The command asks the platform for the clipboard; its answer is the next frame's paste.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    h.step();
    paste(
        &mut h,
        "Statement by the ministry\n\nThe “allegations” are false.",
    );
    let p = &h.state().session.project;
    assert_eq!(p.articles.len(), 2);
    assert_eq!(p.articles[1].meta.title, "Statement by the ministry");
    assert_eq!(
        p.articles[0].meta.byline, "",
        "nothing typed into the field"
    );
    // With nothing on the clipboard the command says so instead of waiting forever.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    h.run();
    h.run_steps(5);
    assert!(
        h.query_by_label_contains("The clipboard holds no text")
            .is_some()
    );
}

/// Controls on screen without an accessible name (text fields must have a label, not just text).
fn unnamed(h: &egui_kittest::Harness<'static, FactdeskApp>) -> Vec<String> {
    use egui::accesskit::Role;
    use egui_kittest::kittest::{NodeT, by};
    h.query_all(by().predicate(|n| {
        matches!(
            n.role(),
            Role::Button | Role::TextInput | Role::Link | Role::CheckBox
        ) && !n.is_hidden()
            && n.label().is_none_or(|l| l.trim().is_empty())
    }))
    .map(|n| {
        let node = n.accesskit_node();
        format!("{:?} at {:?}", node.role(), node.bounding_box())
    })
    .collect()
}

#[test]
fn article_details_and_the_start_screen_name_every_control() {
    let mut h = harness(app(project_with_claims()));
    open_details(&mut h);
    h.get_by_label("Remove article…").click();
    h.run();
    assert!(h.query_by_label("Dateline").is_some());
    assert_eq!(unnamed(&h), Vec::<String>::new());
    let mut settings = Settings::headless();
    settings.recent = vec![PathBuf::from("/nonexistent/old.ron")];
    let h = harness(FactdeskApp::startup(None, settings));
    assert!(h.query_by_label("Welcome to factdesk").is_some());
    assert_eq!(unnamed(&h), Vec::<String>::new());
}
