//! GUI flows through the command table: the command palette, the shortcut cheat sheet, and the
//! view's scaling (only what is on screen is laid out; idle frames do no work).

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use factdesk::core::session::Session;
use factdesk::ui::{FactdeskApp, Settings, UiCommand};

#[test]
fn command_palette_runs_a_command_by_name() {
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Wagner group");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Command").type_text("tag disp");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        claim_status(&h, "Wagner group"),
        Some(factdesk::core::model::Status::Disputed)
    );
    assert!(h.query_by_label("Command").is_none(), "the palette closed");
}

#[test]
fn cheat_sheet_lists_every_command_with_its_shortcut() {
    let mut h = harness(app(project()));
    h.key_press(Key::F1);
    h.run();
    assert!(
        h.query_all_by_label("Keyboard shortcuts").count() >= 2,
        "window and its entry"
    );
    let ctx = egui::Context::default();
    for cmd in UiCommand::ALL {
        assert!(
            h.query_all_by_label(cmd.label()).count() >= 1,
            "{} listed",
            cmd.label()
        );
        let keys = cmd.all_shortcuts_text(&ctx);
        if !keys.is_empty() {
            assert!(h.query_all_by_label(&keys).count() >= 1, "{keys} listed");
        }
    }
}

#[test]
fn a_big_article_lays_out_only_what_is_on_screen() {
    let project = crate::synth::project(300_000, 3_000);
    let app = FactdeskApp::new(Session::opened(project, None), Settings::headless());
    let mut h = harness(app);
    let first = h.state().layouts_built();
    assert!(first > 0 && first < 60, "laid out {first} blocks");
    // Idle frames reuse the cached layout.
    h.run();
    h.run();
    assert_eq!(h.state().layouts_built(), first);
    // Jumping to the last claim lays out the blocks around it, not everything in between.
    h.state_mut()
        .run_command(&egui::Context::default(), UiCommand::PreviousClaim);
    h.run();
    let after = h.state().layouts_built();
    assert!(after - first < 60, "laid out {} more", after - first);
    let id = h.state().claims.selected.clone().expect("selected");
    let last = h
        .state()
        .session
        .project
        .claims
        .last()
        .map(|c| c.id.clone());
    assert_eq!(Some(id), last);
}

#[test]
fn ctrl_shift_f_focuses_search_and_typed_digits_do_not_tag() {
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Wagner group");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    assert!(h.get_by_label("Search").is_focused());
    h.get_by_label("Search").type_text("3");
    h.run();
    assert_eq!(
        claim_status(&h, "Wagner group"),
        Some(factdesk::core::model::Status::Unreviewed),
        "typing into the search field is not a shortcut"
    );
    assert_eq!(h.state().claims.filter.search, "3");
}
