//! Autosave recovery files: unsaved work written beside the project (`NAME.ron.recovery`) or, for
//! a project never saved, in a data folder; found again after a crash, discarded after a save.
//!
//! A recovery file is an ordinary project document, so `store::load` reads it.

use super::{StoreError, atomic, document};
use crate::core::model::Project;
use std::path::{Path, PathBuf};

/// Extension of recovery files kept in a data folder for never-saved projects.
pub const RECOVERY_EXT: &str = "recovery";

/// Where the recovery file of the project at `project` lives: `NAME.ron.recovery` beside it.
pub fn path_for(project: &Path) -> PathBuf {
    let mut s = project.as_os_str().to_owned();
    s.push(".recovery");
    PathBuf::from(s)
}

/// A fresh recovery path in `data_dir` for a project that has no file yet. Keep the returned path
/// for the life of that project so autosaves replace one file.
pub fn path_for_unsaved(data_dir: &Path) -> PathBuf {
    // The article id generator gives 12 random base32 chars; reuse it for a unique name.
    let id = crate::core::model::ArticleId::generate().0;
    let name = id.trim_start_matches("a-");
    data_dir.join(format!("untitled-{name}.ron.{RECOVERY_EXT}"))
}

/// The recovery file left for `project` by a crashed run, if any.
pub fn find_for(project: &Path) -> Option<PathBuf> {
    let p = path_for(project);
    p.is_file().then_some(p)
}

/// Recovery files of never-saved projects in `data_dir`, newest first.
pub fn list_in(data_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(data_dir) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && name.ends_with(&format!(".{RECOVERY_EXT}"))
        })
        .filter_map(|e| {
            let modified = e.metadata().ok()?.modified().ok()?;
            Some((modified, e.path()))
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    found.into_iter().map(|(_, p)| p).collect()
}

/// Writes `project` to the recovery file `path` atomically (creating its folder if needed).
pub fn write(path: &Path, project: &Project) -> Result<(), StoreError> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            action: "create the folder of",
            source,
        })?;
    }
    let text = document::to_ron_string(project).map_err(|message| StoreError::Serialize {
        path: path.to_path_buf(),
        message,
    })?;
    atomic::write_atomic_no_backup(path, text.as_bytes())
}

/// Removes a recovery file (after a save, or when the user declines to restore it).
pub fn discard(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(StoreError::Io {
            path: path.to_path_buf(),
            action: "remove",
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_find_list_discard() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project = dir.path().join("p.ron");
        assert_eq!(find_for(&project), None);
        let p = Project::new("Récupération 🚑");
        write(&path_for(&project), &p).expect("write");
        let found = find_for(&project).expect("found");
        assert_eq!(super::super::load(&found).expect("load"), p);
        discard(&found).expect("discard");
        assert_eq!(find_for(&project), None);
        discard(&found).expect("discarding twice is fine");

        let data = dir.path().join("data").join("recovery");
        let a = path_for_unsaved(&data);
        let b = path_for_unsaved(&data);
        assert_ne!(a, b);
        write(&a, &p).expect("a");
        write(&b, &p).expect("b");
        let mut listed = list_in(&data);
        listed.sort();
        let mut want = vec![a, b];
        want.sort();
        assert_eq!(listed, want);
    }
}
