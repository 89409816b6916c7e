//! GUI flows that keep work safe: a file changed on disk before a save, a project already open
//! in another factdesk, autosave to the recovery file and restoring it.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use factdesk::core::model::{Project, Status};
use factdesk::core::session::Session;
use factdesk::core::store::{self, recovery};
use factdesk::ui::{FactdeskApp, Settings};
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

#[test]
fn idle_after_an_edit_autosaves_to_the_recovery_file_and_a_save_removes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    let mut h = harness(opened_app(&path));
    let rec = recovery::path_for(&path);
    h.run_steps(30);
    assert!(!rec.exists(), "nothing to autosave while clean");
    click_row(&mut h, "Wagner group");
    h.key_press(Key::Num2);
    h.run();
    assert!(!rec.exists(), "not before the idle delay");
    // Each step advances the app's clock by a quarter second: 8 s of idle.
    h.run_steps(32);
    assert!(rec.exists(), "autosaved");
    let restored = store::load(&rec).expect("recovery loads");
    assert_eq!(restored, h.state().session.project);
    assert_eq!(
        restored
            .claims
            .iter()
            .find(|c| c.anchor.quote == "Wagner group")
            .map(|c| c.status),
        Some(Status::Disputed)
    );
    assert_ne!(
        store::load(&path).expect("load"),
        restored,
        "project untouched"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().session.is_dirty());
    assert!(!rec.exists(), "a save discards the recovery file");
}

#[test]
fn a_never_saved_project_autosaves_in_the_data_folder() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut h = harness(
        FactdeskApp::new(
            Session::opened(project_with_claims(), None),
            Settings::headless(),
        )
        .with_data_dir(Some(data.path().to_path_buf())),
    );
    click_row(&mut h, "Kwon Jong Gun");
    h.key_press(Key::Num3);
    h.run();
    h.run_steps(32);
    let found = recovery::list_in(data.path());
    assert_eq!(found.len(), 1, "{found:?}");
    let restored = store::load(&found[0]).expect("loads");
    assert_eq!(restored, h.state().session.project);
    // Another edit replaces the same file rather than adding one.
    h.key_press(Key::Num1);
    h.run();
    h.run_steps(32);
    assert_eq!(recovery::list_in(data.path()), found);
    assert_eq!(
        store::load(&found[0]).expect("loads"),
        h.state().session.project
    );
}

#[test]
fn the_panic_snapshot_writes_the_last_autosaved_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("sub").join("desk.ron.recovery");
    let snapshot: factdesk::ui::Snapshot = Default::default();
    assert!(!factdesk::ui::flush_snapshot(&snapshot), "nothing to write");
    let project = project_with_claims();
    let text = store::to_ron_string(&project).expect("ron");
    *snapshot.lock().expect("lock") = Some((target.clone(), text));
    assert!(factdesk::ui::flush_snapshot(&snapshot));
    assert_eq!(store::load(&target).expect("loads"), project);
}

/// A project file and a newer recovery file beside it holding an edited copy (as a crash leaves).
fn crashed_with_unsaved_work(path: &Path) -> (Project, Project) {
    let saved = project_with_claims();
    store::save(path, &saved).expect("save");
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(hour_ago))
        .expect("age the project file");
    let mut edited = saved.clone();
    edited.title = "Edited before the crash — 北朝鮮 ✓".into();
    edited.claims.retain(|c| c.anchor.quote != "Wagner group");
    recovery::write(&recovery::path_for(path), &edited).expect("write recovery");
    (saved, edited)
}

#[test]
fn reopening_after_a_crash_restores_the_unsaved_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    let (_, edited) = crashed_with_unsaved_work(&path);
    let before = std::fs::read(&path).expect("read");
    let mut h = harness(FactdeskApp::startup(
        Some(path.clone()),
        Settings::headless(),
    ));
    assert!(h.query_by_label("Unsaved work found").is_some());
    h.get_by_label("Restore unsaved work").click();
    h.run();
    assert_eq!(h.state().session.project, edited);
    assert!(h.state().session.is_dirty(), "restored work is unsaved");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file untouched"
    );
    // Idle time does not delete the recovery file while the work is still unsaved.
    h.run_steps(32);
    assert!(recovery::path_for(&path).exists());

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().session.is_dirty());
    assert_eq!(store::load(&path).expect("load"), edited);
    assert!(
        !recovery::path_for(&path).exists(),
        "discarded after the save"
    );
}

#[test]
fn reopening_after_a_crash_can_discard_the_unsaved_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    let (saved, _) = crashed_with_unsaved_work(&path);
    let mut h = harness(FactdeskApp::startup(
        Some(path.clone()),
        Settings::headless(),
    ));
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.query_by_label("Unsaved work found").is_none());
    assert_eq!(h.state().session.project, saved);
    assert!(!h.state().session.is_dirty());
    assert!(!recovery::path_for(&path).exists());
    // Reopening does not ask again.
    let again = harness(FactdeskApp::startup(Some(path), Settings::headless()));
    assert!(again.query_by_label("Unsaved work found").is_none());
}

#[test]
fn a_never_saved_project_is_offered_at_start() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut edited = project_with_claims();
    edited.title = "Never saved ✓".into();
    recovery::write(&recovery::path_for_unsaved(data.path()), &edited).expect("write");
    let mut h = harness(FactdeskApp::startup_in(
        None,
        Settings::headless(),
        Some(data.path().to_path_buf()),
    ));
    h.get_by_label("Restore unsaved work").click();
    h.run();
    assert_eq!(h.state().session.project, edited);
    assert!(h.state().session.is_dirty());
    assert_eq!(h.state().session.path(), None);
    // Further autosaves go to the same file.
    click_row(&mut h, "Kwon Jong Gun");
    h.key_press(Key::Num2);
    h.run();
    h.run_steps(32);
    let found = recovery::list_in(data.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        store::load(&found[0]).expect("load"),
        h.state().session.project
    );
}

#[test]
fn a_save_waits_for_a_command_writing_the_file_then_asks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    let mut h = harness(opened_app(&path));
    click_row(&mut h, "Wagner group");
    h.key_press(Key::Num2);
    h.run();
    // A command holds the write lock and is in the middle of changing the file.
    let lock = store::WriteLock::acquire(&path, std::time::Duration::from_secs(5)).expect("lock");
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut theirs = store::load(&path).expect("load");
            theirs.title = "Written by a command".into();
            std::thread::sleep(std::time::Duration::from_millis(300));
            store::write_atomic(
                &path,
                store::to_ron_string(&theirs).expect("ron").as_bytes(),
            )
            .expect("write");
            drop(lock);
        })
    };
    // The app's save waits for the command, then sees its change instead of overwriting it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    writer.join().expect("writer");
    assert!(h.query_by_label("Changed on disk").is_some());
    assert_eq!(
        store::load(&path).expect("load").title,
        "Written by a command"
    );
    assert!(h.state().session.is_dirty(), "nothing of ours saved yet");
}

#[test]
fn exporting_onto_the_open_project_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    let mut h = harness(opened_app(&path));
    let before = std::fs::read(&path).expect("read");
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    replace_text(&mut h, "Path", &path.display().to_string());
    h.get_by_label("Export").click();
    h.run();
    let err = h.state().error_message().expect("error shown").to_string();
    assert!(err.contains("project being exported"), "{err}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "project untouched"
    );
}
