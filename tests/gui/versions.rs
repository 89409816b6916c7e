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

/// A 127.0.0.1 server answering every request with `answer` (status line, content type, body);
/// "hang" accepts and never answers. Returns the base address.
fn server(answer: &'static str, body: String) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let body = body.clone();
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                loop {
                    let mut line = String::new();
                    match reader.read_line(&mut line) {
                        Ok(0) | Err(_) => return,
                        Ok(_) if line == "\r\n" => break,
                        Ok(_) => {}
                    }
                }
                if answer == "hang" {
                    std::thread::sleep(std::time::Duration::from_secs(30));
                    return;
                }
                let head = format!(
                    "HTTP/1.1 {answer}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(body.as_bytes());
            });
        }
    });
    format!("http://{addr}/article")
}

/// Runs frames until the fetch in flight is over (bounded; no timing is asserted).
fn until_fetched(h: &mut egui_kittest::Harness<'static, factdesk::ui::FactdeskApp>) {
    for _ in 0..500 {
        // A spinner keeps frames coming while the page is on its way: step, not run.
        h.step();
        if !h.state().article.versions.fetching() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the fetch did not finish");
}

fn open_url_row(h: &mut egui_kittest::Harness<'static, factdesk::ui::FactdeskApp>, url: &str) {
    h.get_by_label_contains("Article details").click();
    h.run();
    h.get_by_label("Update from URL…").click();
    h.run();
    replace_text(h, "New version URL", url);
}

#[test]
fn a_new_version_is_fetched_from_a_url_off_the_ui_thread_and_applied_like_a_file() {
    let url = server("200 OK", BODY.replacen("Wagner group", "Wagner army", 1));
    let mut h = harness(app(project_with_claims()));
    open_url_row(&mut h, &url);
    h.get_by_label("Fetch").click();
    h.step();
    h.step();
    until_fetched(&mut h);
    assert!(
        h.state().error_message().is_none(),
        "{:?}",
        h.state().error_message()
    );
    let a = &h.state().session.project.articles[0];
    assert_eq!(a.version, 2);
    assert_eq!(a.meta.url, url, "the page's address is the article's");
    assert!(h.query_by_label_contains("Version 2 of 2").is_some());
    assert!(h.query_by_label_contains("1 flagged for review").is_some());
    assert!(find_claim(&h, "Wagner group").is_some_and(|c| c.changed.is_some()));
    // The same undo step as an update from a file.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.articles[0].version, 1);
}

/// The app over `project` saved in a fresh folder (captures are kept beside the project file).
fn saved(
    project: factdesk::core::model::Project,
) -> (
    tempfile::TempDir,
    std::path::PathBuf,
    egui_kittest::Harness<'static, factdesk::ui::FactdeskApp>,
) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    factdesk::core::store::save(&path, &project).expect("save");
    let app =
        factdesk::ui::FactdeskApp::startup(Some(path.clone()), factdesk::ui::Settings::headless());
    (dir, path, harness(app))
}

/// The capture files in the project's evidence folder.
fn evidence_files(path: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(factdesk::core::evidence::evidence_dir(path))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_version_fetched_from_a_url_keeps_the_page_as_evidence() {
    let url = server("200 OK", BODY.replacen("Wagner group", "Wagner army", 1));
    let (_dir, path, mut h) = saved(project_with_claims());
    open_url_row(&mut h, &url);
    h.get_by_label("Fetch").click();
    h.step();
    h.step();
    until_fetched(&mut h);
    let a = &h.state().session.project.articles[0];
    assert_eq!(a.version, 2);
    let capture = a.captures.last().expect("the page is kept as evidence");
    assert!(capture.is_captured());
    assert_eq!(capture.final_url, url);
    assert_eq!(evidence_files(&path), vec![capture.file.clone()]);
    // Read back, the capture holds the text of the new version.
    let text = factdesk::core::evidence::readable_text(&path, &capture.file).expect("readable");
    assert!(text.body.contains("Wagner army"), "{}", text.body);
}

#[test]
fn a_fetched_page_that_changes_nothing_leaves_no_capture_behind() {
    let (_dir, path, mut h) = saved(project_with_claims());
    let same = h.state().session.project.articles[0].body.clone();
    let url = server("200 OK", same);
    open_url_row(&mut h, &url);
    h.get_by_label("Fetch").click();
    h.step();
    h.step();
    until_fetched(&mut h);
    assert_eq!(h.state().session.project.articles[0].version, 1);
    assert!(h.state().session.project.articles[0].captures.is_empty());
    assert_eq!(evidence_files(&path), Vec::<String>::new());
}

#[test]
fn a_fetch_can_be_cancelled_and_its_result_is_dropped() {
    let url = server("hang", String::new());
    let mut h = harness(app(project_with_claims()));
    open_url_row(&mut h, &url);
    h.get_by_label("Fetch").click();
    h.step();
    h.step();
    assert!(h.state().article.versions.fetching());
    assert!(h.query_by_label_contains("Fetching").is_some());
    h.get_by_label("Cancel fetch").click();
    h.run();
    assert!(!h.state().article.versions.fetching());
    assert!(h.state().error_message().is_none());
    assert_eq!(h.state().session.project.articles[0].version, 1);
}

#[test]
fn a_failed_fetch_is_shown_once_and_changes_nothing() {
    let url = server("404 Not Found", "gone".to_string());
    let mut h = harness(app(project_with_claims()));
    open_url_row(&mut h, &url);
    h.get_by_label("Fetch").click();
    h.step();
    h.step();
    until_fetched(&mut h);
    let error = h.state().error_message().unwrap_or_default().to_string();
    assert!(error.contains("Could not fetch the new version"), "{error}");
    assert!(error.contains("404"), "{error}");
    assert_eq!(h.state().session.project.articles[0].version, 1);
}

/// The centre of the Articles list row whose text contains `title`.
fn article_row(
    h: &egui_kittest::Harness<'static, factdesk::ui::FactdeskApp>,
    title: &str,
) -> egui::Pos2 {
    // The row's text is the title, a line break, then its counts.
    h.get_by_label_contains(&format!("{title}\n"))
        .rect()
        .center()
}

#[test]
fn a_file_dropped_on_an_article_row_asks_then_becomes_its_next_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("corrected.txt");
    std::fs::write(&file, BODY.replacen("Wagner group", "Wagner army", 1)).expect("write");
    let mut h = harness(app(project_with_claims()));
    let row = article_row(&h, "North Korea denies arms");
    h.hover_at(row);
    h.run();
    h.input_mut().dropped_files = vec![std::sync::Arc::new(Dropped(file.clone()))];
    h.run();
    assert!(
        h.query_by_label_contains(
            "Make “corrected.txt” the next version of “North Korea denies arms”?"
        )
        .is_some()
    );
    assert_eq!(
        h.state().session.project.articles.len(),
        1,
        "nothing added yet"
    );
    h.get_by_label("Next version").click();
    h.run();
    let p = &h.state().session.project;
    assert_eq!((p.articles.len(), p.articles[0].version), (1, 2));
    assert!(h.query_by_label_contains("Make “corrected.txt”").is_none());

    // The same drop answered "Add as new article" adds it instead.
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "A different story altogether.").expect("write");
    let row = article_row(&h, "North Korea denies arms");
    h.hover_at(row);
    h.run();
    h.input_mut().dropped_files = vec![std::sync::Arc::new(Dropped(other))];
    h.run();
    h.get_by_label("Add as new article").click();
    h.run();
    let p = &h.state().session.project;
    assert_eq!((p.articles.len(), p.articles[0].version), (2, 2));
}

#[test]
fn a_file_dropped_away_from_the_articles_list_is_added_as_an_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("new.txt");
    std::fs::write(&file, "Another article, dropped on the text.").expect("write");
    let mut h = harness(app(project_with_claims()));
    h.hover_at(egui::pos2(700.0, 300.0));
    h.run();
    h.input_mut().dropped_files = vec![std::sync::Arc::new(Dropped(file))];
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.articles.len(), 2);
    assert_eq!(p.articles[0].version, 1);
}

#[test]
fn any_two_versions_are_compared_by_word_with_the_last_two_first() {
    use factdesk::core::time::Timestamp;
    use factdesk::core::versions::plan_update;
    let mut p = project_with_claims();
    let id = p.articles[0].id.clone();
    let v2 = BODY.replacen("Wagner group", "Wagner army", 1);
    let v3 = v2.replacen("shrugged", "laughed", 1);
    for body in [&v2, &v3] {
        let plan = plan_update(&p, &id, body, "next.txt", &Timestamp::now()).expect("plan");
        factdesk::core::action::apply(&mut p, plan.action).expect("apply");
    }
    let mut h = harness(app(p));
    h.get_by_label_contains("Article details").click();
    h.run();
    assert!(h.query_by_label_contains("Version 3 of 3").is_some());
    // The last two by default: only the word changed in version 3.
    h.get_by_label_contains("Changes from version 2 to 3")
        .click();
    h.run();
    assert!(h.query_by_label("− shrugged.").is_some() || h.query_by_label("− shrugged").is_some());
    assert!(h.query_by_label_contains("+ laughed").is_some());
    assert!(h.query_by_label_contains("+ army").is_none());
    // From version 1: both changes, the one touching a claim first.
    h.get_by_label("From version").click();
    h.run();
    h.get_by_label("v1").click();
    h.run();
    assert!(
        h.query_by_label_contains("Changes from version 1 to 3")
            .is_some()
    );
    assert!(h.query_by_label_contains("touches 1 claim(s)").is_some());
    assert!(h.query_by_label_contains("+ army").is_some());
    assert!(h.query_by_label_contains("+ laughed").is_some());
    // Idle frames do not diff again.
    let built = h.state().article.versions.diffs_built;
    h.run();
    h.run();
    assert_eq!(h.state().article.versions.diffs_built, built);
}

#[test]
fn the_published_date_is_shown_in_the_readers_locale_and_stored_as_iso() {
    let mut p = project();
    p.articles[0].meta.published = "2019-01-03T07:00:02Z".into();
    p.articles[0].meta.source = "KCNA Watch".into();
    let h = harness(app(p));
    let shown = factdesk::core::time::display_date_here("2019-01-03T07:00:02Z");
    assert_ne!(shown, "2019-01-03T07:00:02Z");
    assert!(shown.contains("2019"), "{shown}");
    assert!(
        h.query_by_label(&format!("KCNA Watch · {shown}")).is_some(),
        "the source line reads the date in the locale"
    );
    assert!(h.query_by_label_contains("07:00:02Z").is_none());
    assert_eq!(
        h.state().session.project.articles[0].meta.published,
        "2019-01-03T07:00:02Z"
    );
}
