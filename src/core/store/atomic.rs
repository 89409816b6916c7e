//! Crash-safe file replacement: temp file in the same folder, fsync, rename, folder fsync.
//!
//! The rules every writer follows (projects, exports, recovery files, the merge driver):
//! - only a regular file (or a path where nothing exists yet) is ever replaced; a folder, FIFO,
//!   device or socket is refused, so `-o /dev/null` can never turn a device into a file;
//! - a symlink is written through: its target gets the new bytes, the link stays a link;
//! - an existing file keeps its permission bits and group; a new file gets the umask's mode;
//! - project saves keep the replaced version as `NAME.bak`; temp files left by killed saves are
//!   swept away.

use super::StoreError;
use super::read::kind_of;
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

/// How many symlinks are followed before giving up (the same bound as Linux's ELOOP).
const MAX_SYMLINKS: usize = 40;

/// The file a write to `path` must replace: `path` itself, or the end of its chain of symlinks
/// (which may not exist yet: a dangling link is written through to create its target).
pub fn resolve_target(path: &Path) -> Result<PathBuf, StoreError> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_SYMLINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current).map_err(|source| StoreError::Io {
                    path: current.clone(),
                    action: "follow the symlink",
                    source,
                })?;
                current = if link.is_absolute() {
                    link
                } else {
                    folder_of(&current).join(link)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(StoreError::Io {
        path: path.to_path_buf(),
        action: "follow the symlinks (too many levels)",
        source: std::io::Error::other("symlink loop"),
    })
}

/// Refuses `target` unless it is a regular file or nothing. Returns its metadata when it exists.
fn check_replaceable(target: &Path) -> Result<Option<std::fs::Metadata>, StoreError> {
    match std::fs::metadata(target) {
        // A file nobody may write was made read-only on purpose: renaming over it would bypass
        // that (the folder's permission is all a rename needs), so it is refused.
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => Err(StoreError::Refused {
            path: target.to_path_buf(),
            reason: "is read-only; not replacing it (make it writable first)".to_string(),
        }),
        Ok(meta) if meta.is_file() => Ok(Some(meta)),
        Ok(meta) => Err(StoreError::NotAFile {
            path: target.to_path_buf(),
            kind: kind_of(&meta.file_type()),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(StoreError::Io {
            path: target.to_path_buf(),
            action: "inspect",
            source,
        }),
    }
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

/// Gives the temp file the mode and group of the file it replaces (a 0644 project stays 0644).
#[cfg(unix)]
fn copy_owner_and_mode(tmp: &std::fs::File, old: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    tmp.set_permissions(old.permissions())?;
    // Keeping the group is best effort: a user may not belong to the old file's group.
    let _ = std::os::unix::fs::fchown(tmp, None, Some(old.gid()));
    Ok(())
}

#[cfg(not(unix))]
fn copy_owner_and_mode(tmp: &std::fs::File, old: &std::fs::Metadata) -> std::io::Result<()> {
    tmp.set_permissions(old.permissions())
}

/// Writes `bytes` to a synced temp file beside `target` and renames it over `target`, which has
/// been checked to be a regular file (`old`) or absent.
fn replace(target: &Path, old: Option<&std::fs::Metadata>, bytes: &[u8]) -> Result<(), StoreError> {
    let io = |action, source| StoreError::Io {
        path: target.to_path_buf(),
        action,
        source,
    };
    let dir = folder_of(target);
    let prefix = temp_prefix(target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // A new file is created as 0666 less the umask, like any other program's; an existing
        // one's mode is copied below.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(&dir)
        .map_err(|e| io("create a temporary file beside", e))?;
    if let Some(old) = old {
        copy_owner_and_mode(tmp.as_file(), old).map_err(|e| io("keep the permissions of", e))?;
    }
    tmp.write_all(bytes).map_err(|e| io("write", e))?;
    tmp.as_file().sync_all().map_err(|e| io("flush", e))?;
    tmp.persist(target).map_err(|e| io("replace", e.error))?;
    // Make the rename itself durable. Not every platform can open a folder; that is not an error.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Atomically replaces `path` with `bytes`, first keeping the current file as `NAME.bak`. For
/// project files only.
///
/// A crash at any instant leaves `path` holding either the old or the new bytes. On error the
/// file at `path` is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write(path, bytes, true)
}

/// Atomically replaces `path` with `bytes` without keeping a backup (recovery files, exports,
/// a merge driver's temporary files).
pub fn write_atomic_no_backup(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write(path, bytes, false)
}

fn write(path: &Path, bytes: &[u8], backup: bool) -> Result<(), StoreError> {
    let target = resolve_target(path)?;
    let old = check_replaceable(&target)?;
    sweep_stray_temps(&target);
    if backup && let Some(old_meta) = &old {
        let previous = super::read::read_limited(&target, super::MAX_PROJECT_BYTES)?;
        let bak = backup_path(&target);
        check_replaceable(&bak)?;
        // The backup goes through the same temp+rename, so it is never half-written either, and
        // carries the project's mode and group rather than whatever an old backup had.
        replace(&bak, Some(old_meta), &previous)?;
    }
    replace(&target, old.as_ref(), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file's bytes, read as factdesk reads files (bounded, regular files only).
    fn read(path: impl AsRef<Path>) -> Vec<u8> {
        super::super::read_limited(path.as_ref(), 1 << 20).expect("read")
    }

    #[test]
    fn keeps_previous_version_and_sweeps_temps() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        write_atomic(&path, b"one").expect("first");
        assert!(!backup_path(&path).exists());
        std::fs::write(dir.path().join(".p.ron.abc123.tmp"), "junk").expect("stray");
        std::fs::write(dir.path().join(".other.ron.abc123.tmp"), "keep").expect("other");
        write_atomic(&path, b"two").expect("second");
        assert_eq!(read(&path), b"two");
        assert_eq!(read(backup_path(&path)), b"one");
        assert!(!dir.path().join(".p.ron.abc123.tmp").exists());
        assert!(dir.path().join(".other.ron.abc123.tmp").exists());
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_written_through_and_modes_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let real_dir = dir.path().join("real");
        std::fs::create_dir(&real_dir).expect("mkdir");
        let real = real_dir.join("p.ron");
        std::fs::write(&real, "one").expect("write");
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("real/p.ron", &link).expect("symlink");
        write_atomic(&link, b"two").expect("save through link");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("lstat")
                .file_type()
                .is_symlink()
        );
        assert_eq!(read(&real), b"two");
        let mode = std::fs::metadata(&real).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(read(backup_path(&real)), b"one");
        assert!(!backup_path(&link).exists(), "backup beside the real file");
        // A dangling link creates its target.
        let dangling = dir.path().join("new.ron");
        std::os::unix::fs::symlink("real/new.ron", &dangling).expect("symlink");
        write_atomic_no_backup(&dangling, b"x").expect("create through link");
        assert_eq!(read(real_dir.join("new.ron")), b"x");
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_never_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("null.csv");
        std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
        let err = write_atomic_no_backup(&link, b"x").expect_err("device");
        assert!(err.to_string().contains("character device"), "{err}");
        assert!(std::fs::symlink_metadata("/dev/null").is_ok_and(|m| !m.is_file()));
        let err = write_atomic_no_backup(dir.path(), b"x").expect_err("folder");
        assert!(err.to_string().contains("folder"), "{err}");
    }
}
