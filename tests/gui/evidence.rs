//! GUI flows of evidence against a small HTTP server on 127.0.0.1 (no other network): an article
//! added from a URL, a slow fetch cancelled, a source captured from the claim panel and read in
//! the offline viewer with its hash checked, a failed fetch shown once, and a dossier exported
//! from the export dialog.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::core::fetch::FetchOptions;
use factdesk::core::model::{Project, Source, Status};
use factdesk::core::store;
use factdesk::ui::{FactdeskApp, Settings};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::time::Duration;

type H = Harness<'static, FactdeskApp>;

const PAGE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Harbour bridge to reopen in March</title></head><body><article>\
<h1>Harbour bridge to reopen in March</h1>\
<p>The harbour bridge will reopen to traffic in March after eighteen months of repairs, the city \
council said on Tuesday, although engineers warned that the schedule depends on the weather.</p>\
<p>Kwon Jong Gun said the repairs had cost forty-two million euros so far, and residents of the \
northern districts complained about detours that add up to forty minutes a day.</p>\
</article></body></html>";

fn respond(path: &str, stream: &mut TcpStream) {
    let send = |stream: &mut TcpStream, status: &str, ctype: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    match path {
        "/article.html" | "/source.html" => send(
            stream,
            "200 OK",
            "text/html; charset=utf-8",
            PAGE.as_bytes(),
        ),
        // Answers late: long enough for the test to cancel first, short enough to end.
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            send(stream, "200 OK", "text/html", PAGE.as_bytes());
        }
        "/report.pdf" => send(stream, "200 OK", "application/pdf", b"%PDF-1.4\n"),
        _ => send(stream, "404 Not Found", "text/html", b"<p>gone</p>"),
    }
}

/// A server on a free port of 127.0.0.1, for the life of the test process; its base URL.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let Ok(clone) = stream.try_clone() else {
                    return;
                };
                let mut reader = BufReader::new(clone);
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                loop {
                    let mut h = String::new();
                    match reader.read_line(&mut h) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if h == "\r\n" => break,
                        Ok(_) => {}
                    }
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                respond(&path, &mut stream);
                let _ = stream.flush();
                let mut rest = Vec::new();
                let _ = stream.read_to_end(&mut rest);
            });
        }
    });
    format!("http://{addr}")
}

/// Short limits and no proxy: the server is local.
fn quick() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(5),
        read_timeout: Duration::from_secs(5),
        total_timeout: Duration::from_secs(20),
        env_proxy: false,
        ca_file: None,
        ..FetchOptions::default()
    }
}

/// The app over `project` saved to `path` (captures need a project file).
fn saved_app(project: Project, path: &Path) -> H {
    store::save(path, &project).expect("save");
    let mut app = FactdeskApp::startup(Some(path.to_path_buf()), Settings::headless());
    app.set_fetch_options(quick());
    harness(app)
}

/// Runs frames until the fetch, capture or viewer's read is done (bounded).
fn wait(h: &mut H) {
    for _ in 0..3000 {
        h.step();
        if !h.state().evidence_busy() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        !h.state().evidence_busy(),
        "the evidence job never finished"
    );
    // Notices fade over a few frames: let them, without requiring the window to settle.
    let _ = h.try_run();
}

fn open_add_url(h: &mut H) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Add article from URL…").click();
    h.run();
    assert!(h.query_by_label("Add article from URL").is_some(), "dialog");
}

#[test]
fn an_article_is_added_from_a_url_with_the_page_kept() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    let mut h = saved_app(project(), &path);
    open_add_url(&mut h);
    replace_text(&mut h, "Web address", &format!("{base}/article.html"));
    h.get_by_label("Fetch").click();
    h.step();
    wait(&mut h);
    assert!(h.query_by_label("Add article from URL").is_none(), "closed");
    let p = &h.state().session.project;
    assert_eq!(p.articles.len(), 2);
    let a = &p.articles[1];
    assert_eq!(a.meta.title, "Harbour bridge to reopen in March");
    assert!(a.body.contains("eighteen months of repairs"), "{}", a.body);
    assert_eq!(a.meta.url, format!("{base}/article.html"));
    assert_eq!(a.captures.len(), 1, "the page is kept as evidence");
    assert!(
        factdesk::core::evidence::evidence_dir(&path)
            .join(&a.captures[0].file)
            .is_file()
    );
    assert_eq!(h.state().article.current.as_ref(), Some(&a.id), "opened");

    // One undo step takes it back.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().session.project.articles.len(), 1);
}

#[test]
fn a_page_that_cannot_be_an_article_is_refused_with_its_reason() {
    let base = server();
    let mut app = app(project());
    app.set_fetch_options(quick());
    let mut h = harness(app);
    open_add_url(&mut h);
    // A refused scheme is named while typing, and Fetch waits for a web address.
    replace_text(&mut h, "Web address", "file:///etc/passwd");
    assert!(h.query_by_label_contains("file: refused").is_some());
    replace_text(&mut h, "Web address", &format!("{base}/report.pdf"));
    h.get_by_label("Fetch").click();
    h.step();
    wait(&mut h);
    assert!(h.query_by_label_contains("not a web page").is_some());
    replace_text(&mut h, "Web address", &format!("{base}/missing"));
    h.get_by_label("Fetch").click();
    h.step();
    wait(&mut h);
    assert_eq!(
        h.query_all_by_label_contains("404").count(),
        1,
        "shown once"
    );
    assert_eq!(h.state().session.project.articles.len(), 1);
}

#[test]
fn cancelling_a_slow_fetch_closes_at_once_and_adds_nothing() {
    let base = server();
    let mut app = app(project());
    app.set_fetch_options(quick());
    let mut h = harness(app);
    open_add_url(&mut h);
    replace_text(&mut h, "Web address", &format!("{base}/slow"));
    h.get_by_label("Fetch").click();
    // The dialog grows by the progress line and is centred again on the next frame.
    for _ in 0..3 {
        h.step();
    }
    assert!(h.state().evidence_busy(), "fetching");
    assert!(h.query_by_label_contains("Fetching from").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Add article from URL").is_none(), "closed");
    assert!(!h.state().evidence_busy());
    // The late answer (the server sends it after a pause) goes nowhere.
    for _ in 0..400 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(h.state().session.project.articles.len(), 1);
}

#[test]
fn a_pasted_url_is_offered_as_an_article_from_the_web() {
    let mut h = harness(app(project()));
    h.state_mut()
        .paste_article("https://example.org/news/bridge.html");
    h.run();
    assert!(h.query_by_label("Add article from URL").is_some());
    assert_eq!(
        h.state().session.project.articles.len(),
        1,
        "nothing fetched"
    );
    h.get_by_label("Cancel").click();
    h.run();
}

/// A saved project whose sourced claim "Kwon Jong Gun" cites the server's page.
fn project_citing(base: &str) -> Project {
    let mut p = with_claims(project(), 0, &[("Kwon Jong Gun", Status::Sourced, "")]);
    p.claims[0]
        .sources
        .push(Source::from_url(&format!("{base}/source.html")));
    p
}

#[test]
fn a_source_is_captured_viewed_offline_and_exported_in_a_dossier() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    let mut h = saved_app(project_citing(&base), &path);
    click_row(&mut h, "Kwon Jong Gun");
    assert!(h.query_by_label("Evidence: not captured yet").is_some());
    h.get_by_label("Capture").click();
    h.step();
    wait(&mut h);
    assert!(
        h.query_by_label_contains("Evidence: captured on").is_some(),
        "state shown"
    );
    let captures = &h.state().session.project.claims[0].sources[0].captures;
    assert_eq!(captures.len(), 1);
    assert!(captures[0].is_captured());

    h.get_by_label("View capture").click();
    h.step();
    wait(&mut h);
    assert!(h.query_by_label_contains("hash verified").is_some());
    assert!(
        h.query_by_label_contains("forty-two million euros")
            .is_some(),
        "the page's text"
    );
    // The find field starts with the claim's quote, found in the page.
    assert!(h.query_by_label("1 of 1").is_some());

    // The dossier, from the export dialog.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Format").click();
    h.run();
    h.query_all_by_label("Dossier (zip with the evidence)")
        .last()
        .expect("dossier entry")
        .click();
    h.run();
    let zip_path = dir.path().join("desk-dossier.zip");
    h.get_by_label("Export…").click();
    h.run();
    replace_text(&mut h, "Path", &zip_path.display().to_string());
    h.get_by_label("Export").click();
    h.run();
    assert_eq!(h.state().error_message(), None);
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(&zip_path).expect("zip written")).expect("a zip");
    let mut manifest = String::new();
    zip.by_name("manifest.json")
        .expect("manifest")
        .read_to_string(&mut manifest)
        .expect("read");
    assert!(manifest.contains(&captures_file(&h)), "{manifest}");
}

fn captures_file(h: &H) -> String {
    h.state().session.project.claims[0].sources[0].captures[0]
        .file
        .clone()
}

#[test]
fn capturing_without_a_project_file_asks_to_save_first() {
    let mut p = with_claims(project(), 0, &[("Kwon Jong Gun", Status::Sourced, "")]);
    p.claims[0]
        .sources
        .push(Source::from_url("http://127.0.0.1:9/x"));
    let mut h = harness(app(p));
    click_row(&mut h, "Kwon Jong Gun");
    h.get_by_label("Capture").click();
    h.run();
    assert!(h.query_by_label("Save the project first").is_some());
    assert!(!h.state().evidence_busy(), "nothing fetched");
    h.get_by_label("Not now").click();
    h.run();
}

/// Runs the command named `name` from the command palette.
fn palette(h: &mut H, name: &str) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Command").type_text(name);
    h.run();
    h.key_press(Key::Enter);
    // The command may start a capture whose spinner keeps the app repainting until the worker
    // is done: the caller waits for it (`wait`), so this frame need not settle.
    let _ = h.try_run();
}

#[test]
fn capture_all_takes_the_current_articles_sources_or_the_whole_projects() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    // A second article whose claim cites another page of the server.
    let mut p = project_citing(&base);
    p.articles.push(factdesk::core::model::Article::new(
        Default::default(),
        "The port authority said the bridge reopens in March.",
    ));
    let mut p = with_claims(p, 1, &[("bridge reopens in March", Status::Disputed, "")]);
    let second = p.claims.iter().position(|c| c.article == p.articles[1].id);
    let second = second.expect("second article's claim");
    p.claims[second]
        .sources
        .push(Source::from_url(&format!("{base}/article.html")));
    let mut h = saved_app(p, &path);
    click_row(&mut h, "Kwon Jong Gun");
    let captured = |h: &H| -> Vec<usize> {
        h.state()
            .session
            .project
            .claims
            .iter()
            .map(|c| c.sources[0].captures.len())
            .collect()
    };
    // The article's command leaves the other article's sources alone.
    palette(&mut h, "capture all sources");
    wait(&mut h);
    let first = h
        .state()
        .session
        .project
        .claims
        .iter()
        .position(|c| c.anchor.quote == "Kwon Jong Gun")
        .expect("first claim");
    let mut want = vec![0, 0];
    want[first] = 1;
    assert_eq!(captured(&h), want);
    // The project's takes the rest, and only what has no capture yet.
    palette(&mut h, "capture all sources in the project");
    wait(&mut h);
    assert_eq!(captured(&h), vec![1, 1]);
    assert_eq!(h.state().error_message(), None);
    // Nothing left: it says so instead of fetching again.
    palette(&mut h, "capture all sources in the project");
    let _ = h.try_run();
    assert!(
        h.query_by_label_contains("Every source of the project's claims is captured already")
            .is_some()
    );
    assert_eq!(captured(&h), vec![1, 1]);
}
