//! Find in article, driven through the real app: Ctrl+F, the match count, F3 / Enter to move,
//! Escape to close, case and accent folding, and long articles prepared off the UI thread.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn ctrl_f_finds_counts_and_f3_moves_escape_closes() {
    let mut h = harness(app(project()));
    press(&mut h, Modifiers::COMMAND, Key::F);
    assert!(h.state().find_open());
    assert!(h.get_by_label("Find text").is_focused());
    // Typing "n" and "d" in the field is text, not the N / D shortcuts.
    h.get_by_label("Find text").type_text("DENIED");
    h.run();
    assert_eq!(h.state().find_count(), 2);
    assert!(h.query_by_label("1 of 2").is_some());
    let chars: Vec<char> = BODY.chars().collect();
    let first = h.state().find_current().expect("a current match");
    // Emoji, curly quotes and CJK come before the matches: offsets are chars.
    assert_eq!(chars[first.clone()].iter().collect::<String>(), "denied");
    let byte = BODY.find("denied").expect("in body");
    assert_eq!(first.start, BODY[..byte].chars().count());
    press(&mut h, Modifiers::NONE, Key::F3);
    let second = h.state().find_current().expect("a current match");
    assert!(second.start > first.start);
    assert!(h.query_by_label("2 of 2").is_some());
    let before: String = chars[second.start - 4..second.start].iter().collect();
    assert_eq!(before, "北朝鮮 ");
    press(&mut h, Modifiers::SHIFT, Key::F3);
    assert_eq!(h.state().find_current(), Some(first.clone()));
    // Enter in the field moves on too, and wraps around.
    press(&mut h, Modifiers::NONE, Key::Enter);
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().find_current(), Some(first.clone()));
    assert!(h.get_by_label("Find text").is_focused());
    press(&mut h, Modifiers::SHIFT, Key::Enter);
    assert_eq!(h.state().find_current(), Some(second));
    press(&mut h, Modifiers::SHIFT, Key::Enter);
    assert_eq!(h.state().find_current(), Some(first));
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(!h.state().find_open());
    assert!(h.query_by_label("Find text").is_none());
    assert!(h.state().session.project.claims.is_empty());
}

#[test]
fn find_ignores_case_and_accents_and_reports_no_matches() {
    let mut h = harness(app(project()));
    press(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Find text").type_text("CAFE");
    h.run();
    let r = h.state().find_current().expect("café found");
    let chars: Vec<char> = BODY.chars().collect();
    assert_eq!(chars[r].iter().collect::<String>(), "café");
    replace_text(&mut h, "Find text", "北朝鮮");
    assert_eq!(h.state().find_count(), 1);
    replace_text(&mut h, "Find text", "zebra");
    assert!(h.query_by_label("No matches").is_some());
    assert!(h.state().find_current().is_none());
}

#[test]
fn ctrl_shift_f_still_focuses_the_claim_search() {
    let mut h = harness(app(project_with_claims()));
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    assert!(h.get_by_label("Search").is_focused());
    assert!(!h.state().find_open());
}

#[test]
fn a_long_article_is_prepared_off_the_ui_thread_then_searched() {
    use factdesk::core::model::{Article, ArticleMeta, Project};
    let body = format!(
        "{}北朝鮮 🚀 Needle “café”.",
        "plain words here. ".repeat(20_000)
    );
    let mut p = Project::new("Long");
    p.articles.push(Article::new(ArticleMeta::default(), &body));
    let mut h = harness(app(p));
    press(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Find text").type_text("needle");
    for _ in 0..1000 {
        h.step();
        if !h.state().find_preparing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    for _ in 0..6 {
        h.step();
    }
    h.run();
    assert_eq!(h.state().find_count(), 1);
    let r = h.state().find_current().expect("found");
    let chars: Vec<char> = body.chars().collect();
    assert_eq!(chars[r].iter().collect::<String>(), "Needle");
    assert!(h.query_by_label("1 of 1").is_some());
}
