//! GUI flows of the claim list's sorting and multi-selection (bulk tag, bulk delete, one undo
//! step), next unreviewed across articles, the statistics window, the minimap and About.

use crate::common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{self, Queryable};
use factdesk::core::model::{Article, ArticleMeta, ClaimId, Project, Status};
use factdesk::ui::{FactdeskApp, Settings, SortColumn};

/// In text order: "Wagner group" (denied, Bob), "Kwon Jong Gun" (unreviewed, Zed),
/// "北朝鮮 denied it again" (sourced, alice).
fn sortable_project() -> Project {
    with_claims(
        project(),
        0,
        &[
            ("Wagner group", Status::Denied, "Bob"),
            ("Kwon Jong Gun", Status::Unreviewed, "Zed"),
            ("北朝鮮 denied it again", Status::Sourced, "alice"),
        ],
    )
}

/// Two articles: the first has a sourced and an unreviewed claim, the second one unreviewed.
fn two_articles() -> Project {
    let mut p = project();
    p.articles.push(Article::new(
        ArticleMeta {
            title: "Second report".into(),
            ..ArticleMeta::default()
        },
        "Officials in Kyiv said the drones came from the east. Moscow rejected the claim.",
    ));
    let p = with_claims(
        p,
        0,
        &[
            ("Kwon Jong Gun", Status::Sourced, "KCNA"),
            ("Wagner group", Status::Unreviewed, ""),
        ],
    );
    with_claims(
        p,
        1,
        &[("Moscow rejected the claim", Status::Unreviewed, "Moscow")],
    )
}

fn listed_quotes(h: &Harness<'static, FactdeskApp>) -> Vec<String> {
    let app = h.state();
    app.listed_claims()
        .iter()
        .filter_map(|id| app.session.project.claim(id))
        .map(|c| c.anchor.quote.clone())
        .collect()
}

fn id_of(h: &Harness<'static, FactdeskApp>, quote: &str) -> ClaimId {
    find_claim(h, quote).map(|c| c.id.clone()).expect("claim")
}

/// Clicks the list row of `quote` (a button; the claim panel shows the quote too) with `m` held.
fn click_row_with(h: &mut Harness<'static, FactdeskApp>, quote: &str, m: Modifiers) {
    let needle = format!("“{quote}");
    h.get(kittest::by().role(Role::Button).label_contains(&needle))
        .click_modifiers(m);
    h.run();
}

#[test]
fn header_clicks_sort_by_status_and_speaker_and_reverse() {
    let mut h = harness(app(sortable_project()));
    let by_position = ["Wagner group", "Kwon Jong Gun", "北朝鮮 denied it again"];
    assert_eq!(listed_quotes(&h), by_position);
    h.get_by_label("Sort by status").click();
    h.run();
    assert_eq!(
        listed_quotes(&h),
        ["Kwon Jong Gun", "北朝鮮 denied it again", "Wagner group"],
        "unreviewed, sourced, denied"
    );
    assert_eq!(h.state().settings.claim_sort.column, SortColumn::Status);
    h.get_by_label("Sort by status").click();
    h.run();
    assert_eq!(
        listed_quotes(&h),
        ["Wagner group", "北朝鮮 denied it again", "Kwon Jong Gun"],
        "a second click reverses"
    );
    assert!(h.state().settings.claim_sort.descending);
    h.get_by_label("Sort by speaker").click();
    h.run();
    assert_eq!(
        listed_quotes(&h),
        ["北朝鮮 denied it again", "Wagner group", "Kwon Jong Gun"],
        "alice, Bob, Zed: case does not matter"
    );
    h.get_by_label("Sort by position").click();
    h.run();
    assert_eq!(listed_quotes(&h), by_position);
}

#[test]
fn ctrl_click_two_claims_then_2_tags_both_and_one_undo_reverts_both() {
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Kwon Jong Gun");
    click_row_with(&mut h, "Wagner group", Modifiers::COMMAND);
    assert_eq!(h.state().claims.selected_set.len(), 2);
    assert_eq!(
        h.state().claims.selected.as_ref(),
        Some(&id_of(&h, "Wagner group"))
    );
    h.key_press(Key::Num2);
    h.run();
    assert_eq!(claim_status(&h, "Kwon Jong Gun"), Some(Status::Disputed));
    assert_eq!(claim_status(&h, "Wagner group"), Some(Status::Disputed));
    assert_eq!(
        claim_status(&h, "北朝鮮 denied it again"),
        Some(Status::Denied),
        "an unselected claim keeps its status"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(claim_status(&h, "Kwon Jong Gun"), Some(Status::Sourced));
    assert_eq!(claim_status(&h, "Wagner group"), Some(Status::Unreviewed));
    // Ctrl+click on a selected claim takes it out again.
    click_row_with(&mut h, "Wagner group", Modifiers::COMMAND);
    assert_eq!(h.state().claims.selected_set.len(), 1);
    // The panel's buttons tag the whole selection too.
    click_row_with(&mut h, "北朝鮮 denied it again", Modifiers::COMMAND);
    h.get_by_label("Sourced").click();
    h.run();
    assert_eq!(
        claim_status(&h, "北朝鮮 denied it again"),
        Some(Status::Sourced)
    );
    assert_eq!(claim_status(&h, "Kwon Jong Gun"), Some(Status::Sourced));
}

#[test]
fn shift_click_selects_a_range_and_delete_removes_it_in_one_step() {
    let mut h = harness(app(sortable_project()));
    click_row(&mut h, "Wagner group");
    click_row_with(&mut h, "北朝鮮 denied it again", Modifiers::SHIFT);
    assert_eq!(
        h.state().claims.selected_set.len(),
        3,
        "the range includes the middle row"
    );
    // A plain click starts over with one claim.
    click_row(&mut h, "Kwon Jong Gun");
    assert_eq!(h.state().claims.selected_set.len(), 1);
    click_row_with(&mut h, "北朝鮮 denied it again", Modifiers::SHIFT);
    assert_eq!(h.state().claims.selected_set.len(), 2);
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(listed_quotes(&h), ["Wagner group"]);
    assert!(h.state().claims.selected_set.is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.claims.len(), 3);
}

#[test]
fn u_jumps_to_the_next_unreviewed_claim_across_articles_and_wraps() {
    let mut h = harness(app(two_articles()));
    let second_article = h.state().session.project.articles[1].id.clone();
    // "Wagner group" comes before "Kwon Jong Gun" in the text.
    click_row(&mut h, "Kwon Jong Gun");
    h.key_press(Key::U);
    h.run();
    assert_eq!(
        h.state().claims.selected.as_ref(),
        Some(&id_of(&h, "Moscow rejected the claim")),
        "the next one is in the second article"
    );
    assert_eq!(h.state().article.current.as_ref(), Some(&second_article));
    h.key_press(Key::U);
    h.run();
    assert_eq!(
        h.state().claims.selected.as_ref(),
        Some(&id_of(&h, "Wagner group")),
        "wraps round to the first article"
    );
    h.key_press(Key::U);
    h.run();
    assert_eq!(
        h.state().claims.selected.as_ref(),
        Some(&id_of(&h, "Moscow rejected the claim"))
    );
}

#[test]
fn search_scope_all_articles_finds_claims_of_other_articles() {
    let mut h = harness(app(two_articles()));
    h.get_by_label("Search").focus();
    h.get_by_label("Search").type_text("moscow");
    h.run();
    assert!(listed_quotes(&h).is_empty(), "this article only");
    h.get_by_label("All articles").click();
    h.run();
    assert_eq!(listed_quotes(&h), ["Moscow rejected the claim"]);
    h.get_by_label("This article").click();
    h.run();
    assert!(listed_quotes(&h).is_empty());
}

fn sample_harness() -> Harness<'static, FactdeskApp> {
    harness(FactdeskApp::new(
        FactdeskApp::sample_session(),
        Settings::headless(),
    ))
}

#[test]
fn f9_opens_statistics_with_the_samples_figures() {
    let mut h = sample_harness();
    assert!(h.query_by_label("Reviewed 10 of 11").is_none());
    h.key_press(Key::F9);
    h.run();
    h.get_by_label("Reviewed 10 of 11");
    let title = h.state().session.project.articles[0]
        .display_title()
        .to_string();
    h.get_by_label(&format!(
        "{title}: 11 claims, 1 unreviewed, 5 sourced, 3 disputed, 2 denied"
    ));
    let stats = h.state().stats();
    assert_eq!(stats.speakers[0], ("AFP".to_string(), 2));
    assert!(stats.speakers.len() <= 10);
    // Tagging the last unreviewed claim updates the window.
    h.key_press(Key::U);
    h.run();
    h.key_press(Key::Num1);
    h.run();
    h.get_by_label("Reviewed 11 of 11");
    h.key_press(Key::F9);
    h.run();
    assert!(
        h.query_by_label("Reviewed 11 of 11").is_none(),
        "F9 closes it"
    );
}

#[test]
fn clicking_the_minimap_selects_a_claim_there_and_scrolls_the_article() {
    let mut h = sample_harness();
    for _ in 0..3 {
        h.run();
    }
    assert!(h.state().claims.selected.is_none());
    assert_eq!(h.state().article_scroll_offset(), 0.0);
    let rect = h.get_by_label("Article minimap").rect();
    // Walk up from the bottom until a click lands on a claim's mark.
    let mut y = rect.bottom() - 2.0;
    while h.state().claims.selected.is_none() && y > rect.center().y {
        let p = egui::pos2(rect.center().x, y);
        h.drag_at(p);
        h.step();
        h.drop_at(p);
        h.run();
        y -= 4.0;
    }
    let selected = h.state().claims.selected.clone().expect("a mark was hit");
    let project = &h.state().session.project;
    let claim = project.claim(&selected).expect("claim");
    assert!(
        claim.anchor.start > project.articles[0].char_len() / 2,
        "a claim in the lower half of the article"
    );
    for _ in 0..3 {
        h.run();
    }
    assert!(
        h.state().article_scroll_offset() > 0.0,
        "the article scrolled down"
    );
}

#[test]
fn about_shows_the_version_and_file_locations() {
    let mut h = harness(app(project()));
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About factdesk").click();
    h.run();
    h.get_by_label(&format!("factdesk {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label("Settings folder");
    h.get_by_label("(not saved yet)");
}

/// Dragging on the strip scrolls the article wherever the pointer goes, claims or not.
#[test]
fn dragging_the_minimap_scrolls_the_article() {
    let mut h = sample_harness();
    for _ in 0..3 {
        h.run();
    }
    let rect = h.get_by_label("Article minimap").rect();
    let a = egui::pos2(rect.center().x, rect.top() + 5.0);
    let b = egui::pos2(rect.center().x, rect.bottom() - 5.0);
    h.drag_at(a);
    h.step();
    h.hover_at(egui::pos2(a.x, (a.y + b.y) / 2.0));
    h.step();
    h.hover_at(b);
    h.step();
    h.drop_at(b);
    h.run();
    for _ in 0..3 {
        h.run();
    }
    assert!(
        h.state().article_scroll_offset() > 100.0,
        "scrolled towards the end: {}",
        h.state().article_scroll_offset()
    );
}

#[test]
fn shift_j_and_shift_k_extend_the_selection_by_keyboard_and_ctrl_shift_a_selects_all() {
    let mut h = harness(app(project_with_claims()));
    let order = listed_quotes(&h);
    assert_eq!(order.len(), 3);
    h.key_press(Key::J);
    h.run();
    assert_eq!(
        h.state().claims.selected.as_ref(),
        Some(&id_of(&h, &order[0]))
    );
    h.key_press_modifiers(Modifiers::SHIFT, Key::J);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::J);
    h.run();
    assert_eq!(
        h.state().claims.selected_set.len(),
        3,
        "three rows from the first"
    );
    assert_eq!(
        h.state().claims.selected.as_ref(),
        Some(&id_of(&h, &order[2]))
    );
    h.key_press_modifiers(Modifiers::SHIFT, Key::K);
    h.run();
    assert_eq!(
        h.state().claims.selected_set.len(),
        2,
        "Shift+K shrinks it again"
    );
    assert!(h.state().is_selected(&id_of(&h, &order[0])));
    assert!(!h.state().is_selected(&id_of(&h, &order[2])));
    // Tagging applies to the keyboard selection as one step.
    h.key_press(Key::Num3);
    h.run();
    assert_eq!(claim_status(&h, &order[0]), Some(Status::Denied));
    assert_eq!(claim_status(&h, &order[1]), Some(Status::Denied));
    h.key_press(Key::J);
    h.run();
    assert_eq!(
        h.state().claims.selected_set.len(),
        1,
        "a plain step selects one claim"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    h.run();
    assert_eq!(h.state().claims.selected_set.len(), 3, "all listed claims");
}
