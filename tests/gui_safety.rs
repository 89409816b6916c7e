//! GUI flows that keep work safe: a file changed on disk before a save, a project already open
//! in another factdesk, autosave to the recovery file and restoring it.
#![cfg(feature = "gui")]

mod gui_common;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use factdesk::core::model::Status;
use factdesk::core::store;
use factdesk::ui::{FactdeskApp, Settings};
use gui_common::*;
use std::path::Path;

/// Saves the test project to `path` and returns an app that opened it.
fn opened_app(path: &Path) -> FactdeskApp {
    store::save(path, &project_with_claims()).expect("save fixture");
    let app = FactdeskApp::startup(Some(path.to_path_buf()), Settings::headless());
    assert!(app.error_message().is_none(), "{:?}", app.error_message());
    app
}

/// Another program edits the file: its title changes.
fn edit_behind_the_back(path: &Path, title: &str) {
    let mut theirs = store::load(path).expect("load");
    theirs.title = title.into();
    store::save(path, &theirs).expect("save theirs");
}

#[test]
fn save_after_a_change_on_disk_asks_then_overwrite_writes_ours() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    let mut h = harness(opened_app(&path));
    click_row(&mut h, "Wagner group");
    h.key_press(Key::Num2);
    h.run();
    edit_behind_the_back(&path, "Their desk 北朝鮮 🚀");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label("Changed on disk").is_some());
    assert_eq!(
        store::load(&path).expect("load").title,
        "Their desk 北朝鮮 🚀"
    );
    assert!(h.state().session.is_dirty(), "nothing saved yet");

    h.get_by_label("Overwrite").click();
    h.run();
    assert!(h.query_by_label("Changed on disk").is_none());
    assert!(!h.state().session.is_dirty());
    let on_disk = store::load(&path).expect("load");
    assert_eq!(on_disk, h.state().session.project);
    assert_eq!(on_disk.title, "Test desk");

    // Saved ours: the next save compares against it and goes through without asking.
    h.key_press(Key::Num3);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label("Changed on disk").is_none());
    assert!(!h.state().session.is_dirty());
}

#[test]
fn save_after_a_change_on_disk_then_reload_shows_theirs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    let mut h = harness(opened_app(&path));
    click_row(&mut h, "Wagner group");
    h.key_press(Key::Num2);
    h.run();
    edit_behind_the_back(&path, "Their desk 北朝鮮 🚀");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Reload").click();
    h.run();
    assert_eq!(h.state().session.project.title, "Their desk 北朝鮮 🚀");
    assert_eq!(claim_status(&h, "Wagner group"), Some(Status::Unreviewed));
    assert!(!h.state().session.is_dirty());
    assert_eq!(store::load(&path).expect("load"), h.state().session.project);

    // Cancel keeps our edits unsaved and the file untouched.
    click_row(&mut h, "Wagner group");
    h.key_press(Key::Num1);
    h.run();
    edit_behind_the_back(&path, "Théirs again");
    let before = std::fs::read(&path).expect("read");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().session.is_dirty());
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_failed_save_reports_once_and_keeps_the_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("gone");
    std::fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("desk.ron");
    let mut h = harness(opened_app(&path));
    click_row(&mut h, "Wagner group");
    h.key_press(Key::Num2);
    h.run();
    std::fs::remove_dir_all(&folder).expect("remove folder");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let err = h.state().error_message().expect("error shown").to_string();
    assert!(err.contains("Could not save"), "{err}");
    assert!(h.state().session.is_dirty());
    assert_eq!(claim_status(&h, "Wagner group"), Some(Status::Disputed));
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().error_message().is_none(), "shown once");
}

#[test]
fn a_project_open_elsewhere_warns_with_open_anyway() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    store::save(&path, &project_with_claims()).expect("save");
    // Another factdesk on another machine holds it (as the lock file says).
    std::fs::write(
        store::lock_path(&path),
        "pid=4242\nhost=workstation-2\nuser=ana\ntime=2026-11-29T08:00:00Z\n",
    )
    .expect("write lock");

    let mut h = harness(app(project()));
    h.state_mut().open_path(&path);
    h.run();
    assert!(h.query_by_label("⚠ Project already open").is_some());
    assert!(
        h.query_by_label_contains("ana@workstation-2 (process 4242)")
            .is_some(),
        "names the holder"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().session.project.claims.len(), 0, "not opened");

    h.state_mut().open_path(&path);
    h.run();
    h.get_by_label("Open anyway").click();
    h.run();
    assert_eq!(h.state().session.project.claims.len(), 3, "opened");

    // Opening another project releases the lock on this one.
    let second = dir.path().join("second.ron");
    store::save(&second, &project()).expect("save");
    assert!(store::lock_path(&path).exists());
    h.state_mut().open_path(&second);
    h.run();
    assert!(!store::lock_path(&path).exists(), "released");
    assert!(store::lock_path(&second).exists());
}
