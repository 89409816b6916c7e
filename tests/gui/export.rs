//! GUI flows of the export dialog and the settings window: opened by shortcut and menu, live
//! claim count, files written through the in-app path field and read back, failures shown once,
//! zoom, analyst name, the project's reviewing organisation, status colour sets.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use factdesk::core::model::Status;
use factdesk::ui::{FactdeskApp, Settings, StatusColors, ThemeChoice};
use std::path::Path;

type H = Harness<'static, FactdeskApp>;

fn open_export_by_shortcut(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(h.query_by_label("Export claims").is_some(), "dialog open");
}

fn pick(h: &mut H, combo: &str, option: &str) {
    h.get_by_label(combo).click();
    h.run();
    // The popup is drawn last; the same text may also be elsewhere in the window.
    h.query_all_by_label(option)
        .last()
        .expect("option in the popup")
        .click();
    h.run();
}

/// Clicks a status checkbox of the dialog (the claim list behind it has the same ones; the
/// dialog is drawn last).
fn tick(h: &mut H, status: &str) {
    h.query_all_by_label(status)
        .last()
        .expect("status checkbox")
        .click();
    h.run();
}

fn count_shown(h: &H) -> Option<usize> {
    let node = h.query_by_label_contains("will be exported")?;
    let text = node.accesskit_node().value()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Export through the dialog's "Export…" button and the in-app path field.
fn export_via_prompt(h: &mut H, path: &Path) {
    h.get_by_label("Export…").click();
    h.run();
    replace_text(h, "Path", &path.display().to_string());
    h.get_by_label("Export").click();
    h.run();
}

#[test]
fn the_dialog_opens_by_shortcut_and_from_the_file_menu() {
    let mut h = harness(app(project_with_claims()));
    open_export_by_shortcut(&mut h);
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Export claims").is_none(), "closed");

    h.get_by_label("File").click();
    h.run();
    // Menu entries carry their shortcut: "Export claims… Ctrl+E".
    h.get_by_label_contains("Export claims…").click();
    h.run();
    assert!(
        h.query_by_label("Export claims").is_some(),
        "open from the menu"
    );
    // While it is open, shortcuts do not reach the project.
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Export claims").is_none(),
        "Escape closes it"
    );
}

#[test]
fn the_count_follows_format_and_filters_live() {
    let mut h = harness(app(project_with_claims()));
    open_export_by_shortcut(&mut h);
    // Reviewed only by default: sourced "Kwon Jong Gun" and denied "北朝鮮 denied it again".
    assert_eq!(count_shown(&h), Some(2));
    h.get_by_label("All claims").click();
    h.run();
    assert_eq!(count_shown(&h), Some(3));
    tick(&mut h, "✔ Sourced");
    assert_eq!(count_shown(&h), Some(2), "sourced unticked");
    // ClaimReview publishes reviewed claims only, and warns about the missing organisation.
    pick(&mut h, "Format", "ClaimReview JSON-LD (schema.org)");
    assert_eq!(count_shown(&h), Some(1));
    assert!(
        h.query_by_label_contains("⚠ no reviewer organisation")
            .is_some(),
        "the warning is shown"
    );
    // One article (the only one) keeps the count; no status ticked disables the export.
    let title = "North Korea denies arms";
    pick(&mut h, "Article", title);
    assert_eq!(count_shown(&h), Some(1));
    for s in ["? Unreviewed", "⚠ Disputed", "✖ Denied"] {
        tick(&mut h, s);
    }
    assert_eq!(count_shown(&h), None);
    assert!(h.query_by_label("⚠ Tick at least one status").is_some());
}

#[test]
fn csv_json_and_html_are_written_and_read_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(project_with_claims()));
    assert!(!h.state().session.is_dirty());

    // CSV with the Excel BOM.
    open_export_by_shortcut(&mut h);
    h.get_by_label("BOM for Excel").click();
    h.run();
    let csv_path = dir.path().join("claims.csv");
    export_via_prompt(&mut h, &csv_path);
    assert!(
        h.state().error_message().is_none(),
        "{:?}",
        h.state().error_message()
    );
    let bytes = std::fs::read(&csv_path).expect("csv written");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().expect("header").clone();
    let quote_col = headers
        .iter()
        .position(|h| h == "quote")
        .expect("quote column");
    let status_col = headers
        .iter()
        .position(|h| h == "status")
        .expect("status column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let quotes: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (&r[quote_col], &r[status_col]))
        .collect();
    assert_eq!(
        quotes,
        vec![
            ("Kwon Jong Gun", "sourced"),
            ("北朝鮮 denied it again", "denied")
        ]
    );
    // The success notice names the full path and offers the folder.
    assert!(
        h.query_by_label_contains(&format!("Exported 2 claims to {}", csv_path.display()))
            .is_some()
    );
    assert!(h.query_by_label("Open folder").is_some());
    assert_eq!(
        h.state().settings.last_export_dir.as_deref(),
        Some(dir.path())
    );

    // JSON of every claim.
    h.get_by_label("All claims").click();
    h.run();
    pick(&mut h, "Format", "JSON (full project)");
    let json_path = dir.path().join("claims.json");
    export_via_prompt(&mut h, &json_path);
    let text = std::fs::read_to_string(&json_path).expect("json written");
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["claims"].as_array().map(Vec::len), Some(3), "{v}");

    // HTML report, then the format is remembered for next time.
    pick(&mut h, "Format", "HTML report");
    let html_path = dir.path().join("report.html");
    export_via_prompt(&mut h, &html_path);
    let html = std::fs::read_to_string(&html_path).expect("html written");
    assert!(html.contains("<html") && html.contains("Kwon Jong Gun"));
    assert_eq!(h.state().settings.last_export_format, "html");

    assert!(!h.state().session.is_dirty(), "export is not an edit");
    assert!(!h.state().session.history.can_undo());
    h.get_by_label("Close").click();
    h.run();
    open_export_by_shortcut(&mut h);
    let format = h.get_by_label("Format").accesskit_node().value();
    assert_eq!(
        format.as_deref(),
        Some("HTML report"),
        "last format offered"
    );
}

#[test]
fn a_bad_destination_is_reported_once_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(app(project_with_claims()));
    open_export_by_shortcut(&mut h);

    // A folder, not a file.
    export_via_prompt(&mut h, dir.path());
    let err = h.state().error_message().expect("error shown").to_string();
    assert!(err.contains(&dir.path().display().to_string()), "{err}");
    assert!(err.contains("cannot"), "says why: {err}");
    assert_eq!(h.query_all_by_label_contains("Could not export").count(), 1);
    assert!(h.query_by_label_contains("✔ Exported").is_none());
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().error_message().is_none(), "dismissed for good");

    // A folder that does not exist.
    let missing = dir.path().join("no-such-folder").join("claims.csv");
    export_via_prompt(&mut h, &missing);
    let err = h.state().error_message().expect("error shown").to_string();
    assert!(err.contains("no-such-folder"), "{err}");
    assert_eq!(h.query_all_by_label_contains("Could not export").count(), 1);
    assert!(!missing.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        0,
        "no stray files"
    );
    assert!(!h.state().session.is_dirty());
}

#[test]
fn zoom_commands_change_the_zoom_factor_once() {
    let mut h = harness(app(project()));
    let zoom = |h: &H| h.ctx.zoom_factor();
    assert!((zoom(&h) - 1.0).abs() < 1e-4);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    // egui's own keyboard zoom is off: one step, not two.
    assert!((zoom(&h) - 1.1).abs() < 1e-4, "{}", zoom(&h));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run();
    assert!((zoom(&h) - 1.2).abs() < 1e-4, "{}", zoom(&h));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    assert!((zoom(&h) - 1.1).abs() < 1e-4, "{}", zoom(&h));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!((zoom(&h) - 1.0).abs() < 1e-4, "{}", zoom(&h));
    assert_eq!(h.state().settings.zoom, 1.0);
}

#[test]
fn the_analyst_name_is_recorded_on_the_next_status_change() {
    let mut h = harness(app(project_with_claims()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Comma);
    h.run();
    replace_text(&mut h, "Analyst name", "Mina Park");
    assert_eq!(h.state().settings.analyst, "Mina Park");
    h.get_by_label("Close").click();
    h.run();
    click_row(&mut h, "Wagner group");
    h.key_press(Key::Num2);
    h.run();
    assert_eq!(claim_status(&h, "Wagner group"), Some(Status::Disputed));
    let claim = find_claim(&h, "Wagner group").expect("claim");
    assert_eq!(
        claim.history.last().map(|c| c.by.as_str()),
        Some("Mina Park")
    );
}

#[test]
fn the_reviewing_organisation_is_a_project_setting_and_undoable() {
    let mut h = harness(app(project()));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Settings…").click();
    h.run();
    h.get_by_label("Reviewing organisation").focus();
    h.run();
    h.get_by_label("Reviewing organisation")
        .type_text("Example Fact Check");
    h.run();
    replace_text(&mut h, "Reviewer URL", "https://factcheck.example/");
    let settings = &h.state().session.project.settings;
    assert_eq!(settings.reviewer_org, "Example Fact Check");
    assert_eq!(settings.reviewer_url, "https://factcheck.example/");
    assert!(h.state().session.is_dirty(), "saved in the project");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.settings.reviewer_url, "");
    assert_eq!(
        h.state().session.project.settings.reviewer_org,
        "Example Fact Check"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.settings.reviewer_org, "");
    assert!(!h.state().session.is_dirty());
}

#[test]
fn a_colour_set_changes_the_colour_of_a_status_and_contrast_and_theme_apply() {
    let mut h = harness(app(project_with_claims()));
    let before = factdesk::ui::status_color(Status::Sourced);
    assert_eq!(before, StatusColors::OkabeIto.color(Status::Sourced));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Comma);
    h.run();
    pick(&mut h, "Status colours", "Tol bright");
    assert_eq!(h.state().settings.status_colors, StatusColors::TolBright);
    let after = factdesk::ui::status_color(Status::Sourced);
    assert_eq!(after, StatusColors::TolBright.color(Status::Sourced));
    assert_ne!(before, after);

    h.get_by_label("High contrast").click();
    h.run();
    assert!(h.ctx.global_style().visuals.override_text_color.is_some());
    h.get_by_label("Light").click();
    h.run();
    assert_eq!(h.state().settings.theme, ThemeChoice::Light);
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    assert_eq!(
        h.ctx.global_style().visuals.override_text_color,
        Some(egui::Color32::BLACK)
    );
    h.get_by_label("High contrast").click();
    h.run();
    assert_eq!(h.ctx.global_style().visuals.override_text_color, None);
}

#[test]
fn settings_stored_by_an_older_factdesk_still_load() {
    let old = r#"(recent: [], last_project: None, theme: Dark, snap_to_words: true,
        native_dialogs: false, autosave_seconds: 5.0)"#;
    let s: Settings = ron::from_str(old).expect("loads");
    assert_eq!(s.theme, ThemeChoice::Dark);
    assert_eq!(s.zoom, 1.0);
    assert_eq!(s.status_colors, StatusColors::OkabeIto);
    assert!(s.analyst.is_empty() && !s.high_contrast);
}

#[test]
fn exports_from_the_app_name_the_analyst_who_made_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut settings = Settings::headless();
    settings.analyst = "Ana Lyst".to_string();
    let app = FactdeskApp::new(
        factdesk::core::session::Session::opened(project_with_claims(), None),
        settings,
    );
    let mut h = harness(app);
    open_export_by_shortcut(&mut h);
    let csv_path = dir.path().join("claims.csv");
    export_via_prompt(&mut h, &csv_path);
    let bytes = std::fs::read(&csv_path).expect("csv written");
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let headers = reader.headers().expect("header").clone();
    let by = headers
        .iter()
        .position(|h| h == "exported_by")
        .expect("exported_by column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(&r[by], "Ana Lyst", "every row says who exported it");
    }
    pick(&mut h, "Format", "HTML report");
    let html_path = dir.path().join("report.html");
    export_via_prompt(&mut h, &html_path);
    let html = std::fs::read_to_string(&html_path).expect("html written");
    assert!(html.contains("by Ana Lyst"), "the report names the analyst");
}
