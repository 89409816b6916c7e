//! Crash-safe file replacement: temp file in the same folder, fsync, rename, folder fsync, with the
//! previous version kept as `NAME.bak` and temp files left by killed saves swept away.

use super::StoreError;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `NAME.ron` → `NAME.ron.bak`: the version the last save replaced.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".to_string())
}

/// Temp files are `.NAME.XXXXXX.tmp` beside the target, so a sweep can recognise its own.
fn temp_prefix(path: &Path) -> String {
    format!(".{}.", file_name(path))
}

/// Removes temp files that an interrupted save of `path` left behind. Returns how many went.
pub fn sweep_stray_temps(path: &Path) -> usize {
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(folder_of(path)) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix)
            && name.ends_with(".tmp")
            && e.file_type().is_ok_and(|t| t.is_file())
            && std::fs::remove_file(e.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Writes `bytes` to a synced temp file beside `path` and renames it over `path`.
fn replace(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let io = |action, source| StoreError::Io {
        path: path.to_path_buf(),
        action,
        source,
    };
    let dir = folder_of(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| io("create a temporary file beside", e))?;
    tmp.write_all(bytes).map_err(|e| io("write", e))?;
    tmp.as_file().sync_all().map_err(|e| io("flush", e))?;
    tmp.persist(path).map_err(|e| io("replace", e.error))?;
    // Make the rename itself durable. Not every platform can open a folder; that is not an error.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Atomically replaces `path` with `bytes`, first keeping the current file as `NAME.bak`.
///
/// A crash at any instant leaves `path` holding either the old or the new bytes. On error the
/// file at `path` is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    sweep_stray_temps(path);
    if let Ok(old) = std::fs::read(path) {
        // The backup goes through the same temp+rename, so it is never half-written either.
        replace(&backup_path(path), &old)?;
    }
    replace(path, bytes)
}

/// Atomically replaces `path` with `bytes` without keeping a backup (recovery files, exports).
pub fn write_atomic_no_backup(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    sweep_stray_temps(path);
    replace(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_previous_version_and_sweeps_temps() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        write_atomic(&path, b"one").expect("first");
        assert!(!backup_path(&path).exists());
        std::fs::write(dir.path().join(".p.ron.abc123.tmp"), "junk").expect("stray");
        std::fs::write(dir.path().join(".other.ron.abc123.tmp"), "keep").expect("other");
        write_atomic(&path, b"two").expect("second");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        assert_eq!(std::fs::read(backup_path(&path)).expect("bak"), b"one");
        assert!(!dir.path().join(".p.ron.abc123.tmp").exists());
        assert!(dir.path().join(".other.ron.abc123.tmp").exists());
    }
}
