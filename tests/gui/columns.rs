//! The claim list's columns: dragging a header handle resizes its column live and the width is
//! remembered in the settings; a double-click or the header's menu gives back the defaults; on a
//! narrow list the quote still shows whatever widths were chosen.

use crate::common::*;
use egui::{Pos2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::ui::FactdeskApp;

/// The default width of the speaker column.
const SPEAKER_W: f32 = 170.0;

fn header_width(h: &Harness<'static, FactdeskApp>, label: &str) -> f32 {
    h.get_by_label(label).rect().width()
}

fn handle_center(h: &Harness<'static, FactdeskApp>, column: &str) -> Pos2 {
    h.get_by_label(&format!("Resize the {column} column"))
        .rect()
        .center()
}

/// Drags `column`'s resize handle by `dx` points, in steps, and lets go.
fn drag_handle(h: &mut Harness<'static, FactdeskApp>, column: &str, dx: f32) {
    let from = handle_center(h, column);
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.step();
    h.hover_at(pos2(from.x + dx / 2.0, from.y));
    h.step();
    h.hover_at(pos2(from.x + dx, from.y));
    h.step();
    h.drop_at(pos2(from.x + dx, from.y));
    h.run();
}

/// Two primary clicks on `column`'s resize handle in one frame (a double-click).
fn double_click_handle(h: &mut Harness<'static, FactdeskApp>, column: &str) {
    let at = handle_center(h, column);
    h.hover_at(at);
    h.step();
    for pressed in [true, false, true, false] {
        h.input_mut().events.push(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.step();
    h.remove_cursor();
    h.run();
}

/// The quote column's width: from the status column's handle to the speaker's, or to the end
/// of the row when the speaker column gave way.
fn quote_width(h: &Harness<'static, FactdeskApp>) -> f32 {
    let end = match h.query_by_label("Resize the Speaker column") {
        Some(handle) => handle.rect().center().x,
        None => h.get_by_label_contains("“Kwon Jong Gun").rect().right(),
    };
    end - handle_center(h, "Status").x
}

fn stored_speaker(h: &Harness<'static, FactdeskApp>) -> f32 {
    h.state().settings.claim_columns.speaker
}

#[test]
fn dragging_the_speaker_handle_resizes_its_column_and_remembers_the_width() {
    let mut h = harness(app(project_with_claims()));
    let before = header_width(&h, "Sort by speaker");
    let quote_before = quote_width(&h);
    assert_eq!(stored_speaker(&h), SPEAKER_W);
    // The handle shows the horizontal resize cursor.
    h.hover_at(handle_center(&h, "Speaker"));
    h.run();
    assert_eq!(
        h.output().platform_output.cursor_icon,
        egui::CursorIcon::ResizeHorizontal
    );
    // The handle is the speaker column's left edge (the quote takes what is left): dragging it
    // left widens the column.
    drag_handle(&mut h, "Speaker", -60.0);
    let wider = header_width(&h, "Sort by speaker");
    assert!(
        (wider - before - 60.0).abs() < 2.0,
        "60 points wider: {before} -> {wider}"
    );
    assert!(
        (stored_speaker(&h) - (SPEAKER_W + 60.0)).abs() < 2.0,
        "the width is a setting: {}",
        stored_speaker(&h)
    );
    let quote_after = quote_width(&h);
    assert!(
        (quote_before - quote_after - 60.0).abs() < 2.0,
        "the quote gave the room: {quote_before} -> {quote_after}"
    );
    // Dragging right narrows it, down to the minimum and no further.
    drag_handle(&mut h, "Speaker", 100.0);
    let narrower = header_width(&h, "Sort by speaker");
    assert!(
        (wider - narrower - 100.0).abs() < 2.0,
        "100 points narrower: {wider} -> {narrower}"
    );
    assert!((stored_speaker(&h) - (SPEAKER_W - 40.0)).abs() < 2.0);
    drag_handle(&mut h, "Speaker", 400.0);
    assert_eq!(stored_speaker(&h), 40.0, "never narrower than 40 points");
    // Dragging far left stops where the quote keeps its minimum width.
    drag_handle(&mut h, "Speaker", -3000.0);
    let quote = quote_width(&h);
    assert!(
        (quote - 200.0).abs() < 2.0,
        "the quote keeps its minimum: {quote}"
    );
    assert!(h.query_by_label("Resize the Updated column").is_some());
}

#[test]
fn double_clicking_a_handle_gives_its_column_the_default_width() {
    let mut a = app(project_with_claims());
    a.settings.claim_columns.speaker = 260.0;
    a.settings.claim_columns.status = 150.0;
    let mut h = harness(a);
    let wide = header_width(&h, "Sort by speaker");
    double_click_handle(&mut h, "Speaker");
    assert_eq!(stored_speaker(&h), SPEAKER_W);
    assert_eq!(
        h.state().settings.claim_columns.status,
        150.0,
        "only that column"
    );
    let back = header_width(&h, "Sort by speaker");
    assert!((wide - back - 90.0).abs() < 2.0, "{wide} -> {back}");
}

#[test]
fn the_header_menu_resets_every_column_width() {
    let mut a = app(project_with_claims());
    a.settings.claim_columns.speaker = 260.0;
    a.settings.claim_columns.status = 150.0;
    a.settings.claim_columns.updated = 90.0;
    let mut h = harness(a);
    h.get_by_label("Sort by status").click_secondary();
    h.run();
    h.get_by_label("Reset column widths").click();
    h.run();
    let w = h.state().settings.claim_columns;
    assert_eq!((w.status, w.speaker, w.updated), (120.0, SPEAKER_W, 130.0));
    assert_eq!(
        h.state().settings.claim_sort,
        Default::default(),
        "the right-click sorted nothing"
    );
}

#[test]
fn on_a_narrow_list_the_quote_still_shows_whatever_the_widths() {
    let mut a = app(project_with_claims());
    a.settings.claim_columns.status = 130.0;
    a.settings.claim_columns.speaker = 250.0;
    a.settings.claim_columns.updated = 140.0;
    let mut h = harness(a);
    // Wide enough for every column at its chosen width.
    assert!(h.query_by_label("Resize the Updated column").is_some());
    assert!((header_width(&h, "Sort by speaker") - 242.0).abs() < 2.0);
    h.set_size(egui::vec2(800.0, 600.0));
    h.run();
    h.run();
    let quote = quote_width(&h);
    assert!(quote >= 190.0, "the quote keeps room: {quote}");
    assert!(h.query_by_label_contains("Quote ·").is_some());
    assert!(
        h.query_by_label("Resize the Updated column").is_none(),
        "the date column gave way"
    );
    // The row still reads its quote.
    let row = h.get_by_label_contains("“Kwon Jong Gun").rect();
    assert!(row.width() > 300.0, "{row:?}");
    // The stored widths are untouched: a wide window shows them again.
    h.set_size(egui::vec2(1400.0, 900.0));
    h.run();
    h.run();
    assert!((header_width(&h, "Sort by speaker") - 242.0).abs() < 2.0);
    assert_eq!(stored_speaker(&h), 250.0);
}

#[test]
fn assistive_technologies_step_a_column_width() {
    let mut h = harness(app(project_with_claims()));
    let before = header_width(&h, "Sort by updated");
    h.get_by_label("Resize the Updated column")
        .increment_accesskit();
    h.run();
    assert_eq!(h.state().settings.claim_columns.updated, 140.0);
    let after = header_width(&h, "Sort by updated");
    assert!((after - before - 10.0).abs() < 1.0, "{before} -> {after}");
    h.get_by_label("Resize the Updated column")
        .decrement_accesskit();
    h.run();
    assert_eq!(h.state().settings.claim_columns.updated, 130.0);
}
