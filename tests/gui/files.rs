//! GUI flows with files: save and reopen, the unsaved-changes question, errors on broken files,
//! adding articles, the embedded sample.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use factdesk::core::session::Session;
use factdesk::ui::{FactdeskApp, Settings};

#[test]
fn save_as_through_the_path_field_then_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Wagner group");
    h.key_press(Key::Num2);
    h.run();
    assert!(h.state().session.is_dirty());
    assert!(h.state().window_title().starts_with("• "));
    // No path yet: Save asks where (in the app: no native dialogs in tests).
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    replace_text(&mut h, "Path", &path.display().to_string());
    h.get_by_label("Save").click();
    h.run();
    assert!(path.exists(), "saved");
    assert!(!h.state().session.is_dirty());
    assert!(!h.state().window_title().starts_with("• "));
    assert_eq!(h.state().settings.recent.first(), Some(&path));
    let saved = h.state().session.project.clone();

    // Reopen in a fresh app, as the next start would.
    let reopened = FactdeskApp::startup(Some(path.clone()), Settings::headless());
    assert!(reopened.error_message().is_none());
    assert_eq!(reopened.session.project, saved);

    // And through File › Open in the running app after an edit and a plain Save.
    h.key_press(Key::Num3);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        !h.state().session.is_dirty(),
        "saved to the known path without asking"
    );
    let mut h2 = harness(FactdeskApp::new(
        FactdeskApp::sample_session(),
        Settings::headless(),
    ));
    h2.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h2.run();
    assert!(
        h2.query_by_label("Unsaved changes").is_none(),
        "the untouched sample has nothing to lose"
    );
    replace_text(&mut h2, "Path", &path.display().to_string());
    h2.get_by_label("Open").click();
    h2.run();
    assert_eq!(h2.state().session.project, h.state().session.project);
    assert_eq!(h2.state().session.path(), Some(path.as_path()));
}

#[test]
fn quitting_with_unsaved_changes_asks_save_discard_cancel() {
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Wagner group");
    h.key_press(Key::Num1);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_none());
    assert!(!h.state().window.quit_requested);
    assert!(h.state().session.is_dirty());
    // Shortcuts are off while the question is open: "3" does not tag behind it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.key_press(Key::Num3);
    h.run();
    assert_eq!(
        claim_status(&h, "Wagner group"),
        Some(factdesk::core::model::Status::Sourced)
    );
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().window.quit_requested);
}

#[test]
fn new_project_with_unsaved_changes_can_save_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("first.ron");
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Wagner group");
    h.key_press(Key::Num1);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    // The project has no file yet: the path field asks where, then the new project opens.
    replace_text(&mut h, "Path", &path.display().to_string());
    h.get_by_label("Save").click();
    h.run();
    assert!(path.exists());
    assert!(
        h.state().session.project.articles.is_empty(),
        "the new project is open"
    );
    assert!(!h.state().session.is_dirty());
    let saved = factdesk::core::store::load(&path).expect("loads");
    assert_eq!(saved.claims.len(), 3);
}

#[test]
fn a_broken_project_file_is_reported_in_the_app_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.ron");
    let text = "(\n  format_version: 1,\n  title: \"half\",\n  articles: [\n    (id: ";
    std::fs::write(&path, text).expect("write");
    let mut h = harness(app(project_with_claims()));
    let before = h.state().session.project.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    replace_text(&mut h, "Path", &path.display().to_string());
    h.get_by_label("Open").click();
    h.run();
    let msg = h
        .state()
        .error_message()
        .expect("an error is shown")
        .to_string();
    assert!(msg.contains("broken.ron:"), "{msg}");
    assert!(
        h.query_by_label_contains("broken.ron:").is_some(),
        "visible in the window"
    );
    assert_eq!(h.state().session.project, before, "the open project stays");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "never written"
    );
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().error_message().is_none());

    // Started on a broken file: the error shows over the start screen, not over a sample
    // nobody asked for, and it says nothing else was opened.
    let started = FactdeskApp::startup(Some(path), Settings::headless());
    assert!(
        started
            .error_message()
            .is_some_and(|m| m.contains("broken.ron:") && m.contains("Nothing was opened"))
    );
    assert!(started.session.project.articles.is_empty());
    let mut h = harness(started);
    h.get_by_label("OK").click();
    h.run();
    assert!(
        h.query_by_label_contains("Open project").is_some(),
        "the start screen is shown"
    );
}

#[test]
fn add_article_from_a_text_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("statement.txt");
    std::fs::write(
        &file,
        "Kim Yo Jong’s statement\n\nThe tanks “cross the red line”, she said. 🚀",
    )
    .expect("write");
    let mut h = harness(app(project()));
    h.get_by_label("Add articles…").click();
    h.run();
    replace_text(&mut h, "Path", &file.display().to_string());
    h.get_by_label("Add").click();
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.articles.len(), 2);
    assert_eq!(p.articles[1].meta.title, "Kim Yo Jong’s statement");
    assert_eq!(h.state().article.current.as_ref(), Some(&p.articles[1].id));
    assert!(
        h.query_all_by_label_contains("Kim Yo Jong’s statement")
            .count()
            >= 2,
        "listed and shown"
    );
    // A missing file is reported, not added.
    h.get_by_label("Add articles…").click();
    h.run();
    replace_text(&mut h, "Path", "/nonexistent/none.txt");
    h.get_by_label("Add").click();
    h.run();
    assert!(
        h.state()
            .error_message()
            .is_some_and(|m| m.contains("/nonexistent/none.txt"))
    );
    assert_eq!(h.state().session.project.articles.len(), 2);
}

#[test]
fn the_embedded_sample_opens_without_a_file_and_without_changes() {
    let app = FactdeskApp::startup(None, Settings::headless());
    assert!(app.session.path().is_none());
    assert!(!app.session.is_dirty(), "nobody edited the sample yet");
    assert!(app.session.project.claims.len() >= 8);
    let s = Session::unsaved(app.session.project.clone());
    assert!(s.is_dirty());
}

#[test]
fn files_dropped_on_the_window_become_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "First dropped “article”").expect("write");
    std::fs::write(&b, "Second dropped article, café 🚀").expect("write");
    let mut h = harness(app(project()));
    h.input_mut().dropped_files = vec![
        std::sync::Arc::new(Dropped(a)),
        std::sync::Arc::new(Dropped(b)),
    ];
    h.run();
    let titles: Vec<&str> = h
        .state()
        .session
        .project
        .articles
        .iter()
        .map(|a| a.meta.title.as_str())
        .collect();
    assert_eq!(
        titles,
        vec![
            "North Korea denies arms",
            "First dropped “article”",
            "Second dropped article, café 🚀"
        ]
    );
    // Each file is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.articles.len(), 2);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Wagner group");
    h.key_press(Key::Num1);
    h.run();
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_some());
    assert!(!h.state().window.quit_requested);
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().window.quit_requested);

    // Nothing unsaved: the window just closes.
    let mut h = harness(app(project()));
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(h.state().window.quit_requested);
    assert!(h.query_by_label("Unsaved changes").is_none());
}
