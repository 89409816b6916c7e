//! Accessibility: every control a person can operate, in the main window and in each dialog that
//! commands open, carries an accessible name (what screen readers say and what tests find).

use crate::common::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use factdesk::ui::{FactdeskApp, UiCommand};

/// Roles a person operates with the mouse or keyboard.
fn is_control(role: Role) -> bool {
    matches!(
        role,
        Role::Button
            | Role::CheckBox
            | Role::RadioButton
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::SearchInput
            | Role::ComboBox
            | Role::Slider
            | Role::SpinButton
            | Role::Link
            | Role::Tab
            | Role::MenuItem
            | Role::Switch
    )
}

/// The controls on screen without a name, described for the failure message.
fn unnamed_controls(h: &Harness<'static, FactdeskApp>) -> Vec<String> {
    h.query_all(by().predicate(|n| {
        is_control(n.role())
            && !n.is_hidden()
            && n.label().is_none_or(|l| l.trim().is_empty())
            && n.value().is_none_or(|v| v.trim().is_empty())
    }))
    .map(|n| {
        let node = n.accesskit_node();
        format!("{:?} at {:?}", node.role(), node.bounding_box())
    })
    .collect()
}

fn sample_harness() -> Harness<'static, FactdeskApp> {
    let mut app = app(project_with_claims());
    let first = app.session.project.claims[0].id.clone();
    app.claims.selected = Some(first);
    harness(app)
}

fn control_count(h: &Harness<'static, FactdeskApp>) -> usize {
    h.query_all(by().predicate(|n| is_control(n.role()) && !n.is_hidden()))
        .count()
}

#[test]
fn the_main_window_names_every_control() {
    let h = sample_harness();
    // The check sees the real controls (menus, filters, claim rows, the claim editor...).
    assert!(
        control_count(&h) > 25,
        "only {} controls found",
        control_count(&h)
    );
    let missing = unnamed_controls(&h);
    assert!(missing.is_empty(), "controls without a name: {missing:#?}");
}

#[test]
fn every_dialog_a_command_opens_names_its_controls() {
    // Commands that open a window or panel over the main view; running each on a fresh app keeps
    // one dialog from hiding another.
    let opens_something = [
        UiCommand::CheatSheet,
        UiCommand::CommandPalette,
        UiCommand::SaveProjectAs,
        UiCommand::OpenProject,
        UiCommand::AddArticles,
        UiCommand::Export,
        UiCommand::Settings,
        UiCommand::ToggleStats,
        UiCommand::About,
    ];
    for cmd in opens_something {
        let mut h = sample_harness();
        let ctx = h.ctx.clone();
        h.state_mut().run_command(&ctx, cmd);
        h.run();
        h.run();
        let missing = unnamed_controls(&h);
        assert!(
            missing.is_empty(),
            "{}: controls without a name: {missing:#?}",
            cmd.label()
        );
    }
}
