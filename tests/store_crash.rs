//! Kills a process that saves in a loop at random moments (SIGKILL) and checks that the project
//! file is always loadable, holding the old or the new version, and that the next save sweeps
//! stray temp files.

use factdesk::core::store;
use std::process::{Command, Stdio};
use std::time::Duration;

#[test]
fn killed_saves_always_leave_a_loadable_file() {
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "--example",
            "save_loop",
            "--no-default-features",
        ])
        .status()
        .expect("cargo build");
    assert!(status.success());
    let exe = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map(|t| t.join("debug").join("examples").join("save_loop"))
        .expect("target dir");
    assert!(exe.exists(), "{} not built", exe.display());
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.ron");
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut last_articles = 0;
    for round in 0..30 {
        let mut child = Command::new(&exe)
            .arg(&path)
            .stdout(Stdio::null())
            .spawn()
            .expect("spawn");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(5 + seed % 120));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        if !path.exists() {
            continue; // killed before its first save finished: nothing to lose yet
        }
        let p = store::load(&path)
            .unwrap_or_else(|e| panic!("round {round}: file not loadable after kill: {e}"));
        assert!(!p.articles.is_empty());
        if store::backup_path(&path).exists() {
            store::load(&store::backup_path(&path))
                .unwrap_or_else(|e| panic!("round {round}: backup not loadable: {e}"));
        }
        last_articles = p.articles.len();
    }
    assert!(last_articles > 0, "the loop never saved");
    store::save(&path, &store::load(&path).expect("load")).expect("save");
    let strays: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(strays.is_empty(), "next save sweeps temp files: {strays:?}");
}
