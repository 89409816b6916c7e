//! The claim library in the app: "Seen before" beside a claim, adopting a prior check as one undo
//! step, suggestions marked as seen before, the empty state, indexing a folder, the speakers
//! window, and the index updated when a project under the library's folders is saved.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::core::library::{Library, SearchFilters};
use factdesk::core::model::{
    Anchor, Article, ArticleMeta, Claim, Project, RatingScale, Source, Status,
};
use factdesk::core::store;
use factdesk::core::time::Timestamp;
use factdesk::ui::{FactdeskApp, Settings};
use std::path::{Path, PathBuf};

/// The claim the library has checked twice (two outlets, two projects).
const PRIOR: &str =
    "North Korea shipped twenty thousand containers of munitions to Russia last year";
/// How the open project's article words it.
const PARAPHRASE: &str = "North Korea shipped twenty thousand containers of munitions to Russia";
const SOURCE_URL: &str = "https://example.org/customs-records";

/// A project with one article of `body` and one claim on `quote` with this check.
fn checked_project(title: &str, body: &str, quote: &str, status: Status, verdict: &str) -> Project {
    let meta = ArticleMeta {
        title: title.to_string(),
        source: "Wire".into(),
        published: "2024-05-01".into(),
        ..ArticleMeta::default()
    };
    let article = Article::new(meta, body);
    let start = body[..body.find(quote).expect("quote in body")]
        .chars()
        .count();
    let anchor = Anchor::new(body, start..start + quote.chars().count()).expect("anchor");
    let mut c = Claim::new(
        article.id.clone(),
        anchor,
        Timestamp("2024-05-02T08:00:00Z".into()),
    );
    c.speaker = "John Kirby".into();
    c.status = status;
    c.verdict = verdict.into();
    c.sources = vec![Source {
        url: SOURCE_URL.into(),
        title: "Customs records".into(),
        ..Source::default()
    }];
    let mut p = Project::new(title);
    p.settings.rating_scale = RatingScale::preset("six-level");
    p.claims.push(c);
    p.articles.push(article);
    p
}

/// A desk of two projects repeating [`PRIOR`], indexed into `index/`.
struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Desk {
        let dir = tempfile::tempdir().expect("tempdir");
        let projects = dir.path().join("projects");
        std::fs::create_dir_all(&projects).expect("mkdir");
        for (name, outlet) in [("march.ron", "March wire"), ("may.ron", "May wire")] {
            let body = format!("{PRIOR}, John Kirby said on Tuesday. Moscow did not comment.");
            let p = checked_project(outlet, &body, PRIOR, Status::Denied, "False");
            store::save(&projects.join(name), &p).expect("save");
        }
        let desk = Desk { dir };
        let mut lib = Library::open(&desk.index()).expect("open");
        lib.index(&[projects], &[]).expect("index");
        desk
    }

    fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    fn projects(&self) -> PathBuf {
        self.dir.path().join("projects")
    }
}

fn settings(index: &Path) -> Settings {
    Settings {
        library_dir: Some(index.to_path_buf()),
        ..Settings::headless()
    }
}

/// The open project: an unreviewed claim paraphrasing the prior check.
fn paraphrase_project() -> Project {
    let body = format!("Officials said {PARAPHRASE}. Pyongyang called it a self-made rumour.");
    let mut p = checked_project("June", &body, PARAPHRASE, Status::Unreviewed, "");
    p.claims[0].sources.clear();
    p.claims[0].speaker.clear();
    p
}

fn library_harness(project: Project, index: &Path) -> Harness<'static, FactdeskApp> {
    harness(FactdeskApp::new(
        factdesk::core::session::Session::opened(project, None),
        settings(index),
    ))
}

/// Runs frames until the library's worker is done.
fn wait_for_library(h: &mut Harness<'static, FactdeskApp>) {
    for _ in 0..2000 {
        h.step();
        if !h.state().library_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!h.state().library_busy(), "the library never finished");
    h.run();
}

#[test]
fn seen_before_lists_the_prior_checks_and_adopting_is_one_undo_step() {
    let desk = Desk::new();
    let mut h = library_harness(paraphrase_project(), &desk.index());
    click_row(&mut h, PARAPHRASE);
    h.get_by_label("Seen before");
    // Both prior checks, as the same claim, with what they found and where.
    assert_eq!(h.get_all_by_label("same claim").count(), 2);
    h.get_by_label_contains("Same claim, checked 2 time(s) before");
    assert!(h.get_all_by_label_contains(&format!("“{PRIOR}”")).count() >= 2);
    assert!(h.get_all_by_label_contains("verdict: False").count() >= 2);
    h.get_by_label_contains("march.ron, “March wire”");
    h.get_by_label_contains("may.ron, “May wire”");

    h.get_all_by_label("Adopt status/verdict/sources")
        .next()
        .expect("an adopt button")
        .click();
    h.run();
    let c = find_claim(&h, PARAPHRASE).expect("claim").clone();
    assert_eq!(c.status, Status::Denied);
    assert_eq!(c.verdict, "False");
    assert_eq!(c.sources.len(), 1);
    assert_eq!(c.sources[0].url, SOURCE_URL);

    // Adopting the other one adds no duplicate source.
    h.get_all_by_label("Adopt status/verdict/sources")
        .nth(1)
        .expect("a second adopt button")
        .click();
    h.run();
    assert_eq!(find_claim(&h, PARAPHRASE).expect("claim").sources.len(), 1);

    // One Ctrl+Z undoes status, verdict and sources together.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let c = find_claim(&h, PARAPHRASE).expect("claim");
    assert_eq!(c.status, Status::Unreviewed);
    assert_eq!(c.verdict, "");
    assert!(c.sources.is_empty());
}

#[test]
fn open_shows_the_prior_check_read_only_in_its_paragraph() {
    let desk = Desk::new();
    let march = desk.projects().join("march.ron");
    let before = std::fs::read(&march).expect("read");
    let mut h = library_harness(paraphrase_project(), &desk.index());
    click_row(&mut h, PARAPHRASE);
    h.get_all_by_label("Open").next().expect("open").click();
    wait_for_library(&mut h);
    h.get_by_label("Prior check (read-only)");
    h.get_by_label_contains("John Kirby said on Tuesday");
    h.get_by_label_contains("Speaker: John Kirby");
    h.get_by_label_contains("• Customs records");
    assert_eq!(
        std::fs::read(&march).expect("read"),
        before,
        "never written"
    );
}

#[test]
fn the_prior_checks_project_opens_at_its_claim_from_the_viewer() {
    let desk = Desk::new();
    let mut h = library_harness(paraphrase_project(), &desk.index());
    click_row(&mut h, PARAPHRASE);
    h.get_all_by_label("Open").next().expect("open").click();
    wait_for_library(&mut h);
    h.get_by_label("Open this project at the claim").click();
    h.run();
    let opened = h.state().session.path().map(Path::to_path_buf);
    let prior = opened.clone().expect("a prior check's project is open");
    assert!(prior.starts_with(desk.projects()), "{prior:?}");
    assert!(
        h.query_by_label("Prior check (read-only)").is_none(),
        "the viewer closed"
    );
    let selected = h
        .state()
        .claims
        .selected
        .clone()
        .expect("a claim is selected");
    let claim = h.state().session.project.claim(&selected).expect("claim");
    assert_eq!(
        claim.anchor.quote, PRIOR,
        "the prior check's claim is selected"
    );
    assert_eq!(claim.status, Status::Denied);
}

#[test]
fn suggestions_repeating_a_prior_check_are_marked() {
    let desk = Desk::new();
    let body = format!(
        "{PRIOR}, John Kirby said on Friday.\n\nThe weather in Seoul was mild, residents said."
    );
    let meta = ArticleMeta {
        title: "Friday".into(),
        ..ArticleMeta::default()
    };
    let mut p = Project::new("Friday");
    p.articles.push(Article::new(meta, &body));
    let mut h = library_harness(p, &desk.index());
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    for _ in 0..1000 {
        h.step();
        if !h.state().suggestions_computing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    let visible: Vec<String> = h
        .state()
        .visible_suggestions()
        .iter()
        .map(|s| s.quote.clone())
        .collect();
    assert!(
        visible.iter().any(|q| q.contains("twenty thousand")),
        "suggestions: {visible:?}"
    );
    let marked: Vec<_> = h.get_all_by_label_contains("⟲ seen before").collect();
    // Only the repeated claim is marked, not the weather.
    assert_eq!(marked.len(), 1, "suggestions: {visible:?}");
}

#[test]
fn without_an_index_the_panel_says_how_to_make_one_and_indexing_a_folder_fills_it() {
    let desk = Desk::new();
    let empty = desk.dir.path().join("no-index-yet");
    let mut h = library_harness(paraphrase_project(), &empty);
    click_row(&mut h, PARAPHRASE);
    h.get_by_label_contains("No claim library yet");
    assert!(h.query_all_by_label("same claim").next().is_none());

    // Index a folder: the path prompt (no native dialogs here), then a worker thread.
    h.get_by_label("Index a folder…").click();
    h.run();
    replace_text(&mut h, "Path", &desk.projects().display().to_string());
    h.get_by_label("Index").click();
    wait_for_library(&mut h);
    assert!(Library::exists(&empty));
    assert_eq!(h.get_all_by_label("same claim").count(), 2);
}

#[test]
fn the_speakers_window_lists_a_speakers_claims_across_the_library() {
    let desk = Desk::new();
    let mut p = paraphrase_project();
    p.claims[0].speaker = "John Kirby".into();
    let mut h = library_harness(p, &desk.index());
    click_row(&mut h, PARAPHRASE);
    h.get_by_label("Speaker in the claim library…").click();
    h.run();
    h.get_by_label("Claim library: speakers");
    h.get_by_label_contains("John Kirby — 2 claim(s): 2 denied");
    // The chosen speaker's claims, with status and verdict.
    assert_eq!(
        h.get_all_by_label_contains(&format!("“{PRIOR}”")).count(),
        4,
        "two in Seen before, two in the speakers window"
    );
}

#[test]
fn saving_a_project_under_the_library_updates_the_index() {
    let desk = Desk::new();
    let mut h = library_harness(paraphrase_project(), &desk.index());
    let path = desk.projects().join("june.ron");
    h.state_mut().save_to(&path);
    wait_for_library(&mut h);
    let lib = Library::open(&desk.index()).expect("open");
    let hits = lib
        .search("\"shipped twenty thousand\"", &SearchFilters::default())
        .expect("search");
    assert!(
        hits.iter().any(|hit| hit.project.ends_with("june.ron")),
        "{hits:?}"
    );
}
