//! The index's manifest: which sources it covers and, per file, size, mtime, hash and speakers.

use crate::core::store;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Bumped whenever the index's fields, tokenisation or grouping change: an index with another
/// number is rebuilt from the files, never read.
pub const SCHEMA_VERSION: u32 = 1;

pub const MANIFEST_FILE: &str = "manifest.json";
/// A manifest is ours and small (a line per file); anything bigger is not one.
const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Project,
    ClaimReview,
}

/// Claims per status and per verdict for one speaker.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub claims: usize,
    #[serde(default)]
    pub by_status: BTreeMap<String, usize>,
    #[serde(default)]
    pub by_verdict: BTreeMap<String, usize>,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.claims += other.claims;
        for (k, v) in &other.by_status {
            *self.by_status.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.by_verdict {
            *self.by_verdict.entry(k.clone()).or_default() += v;
        }
    }
}

/// What the index knows of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub kind: Kind,
    pub size: u64,
    /// Nanoseconds since the epoch; with the size, a cheap "unchanged" test before hashing.
    pub mtime_ns: u64,
    pub sha256: String,
    pub records: usize,
    /// Kept per file so `speakers()` needs no pass over the index and updates are incremental.
    #[serde(default)]
    pub speakers: BTreeMap<String, Counts>,
    /// Why the file was skipped, reported again on each run until it changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema: u32,
    /// Folders of project files the index covers.
    #[serde(default)]
    pub roots: Vec<PathBuf>,
    /// ClaimReview feeds the index covers.
    #[serde(default)]
    pub feeds: Vec<PathBuf>,
    #[serde(default)]
    pub files: BTreeMap<String, FileEntry>,
}

impl Default for Manifest {
    fn default() -> Self {
        Manifest {
            schema: SCHEMA_VERSION,
            roots: Vec::new(),
            feeds: Vec::new(),
            files: BTreeMap::new(),
        }
    }
}

/// What reading the manifest found.
pub enum Loaded {
    Absent,
    Current(Manifest),
    /// Another schema, or unreadable: the reason; the sources when they could be read.
    Stale(String, Option<Manifest>),
}

pub fn load(dir: &Path) -> Loaded {
    let path = dir.join(MANIFEST_FILE);
    if !path.exists() {
        return Loaded::Absent;
    }
    let bytes = match store::read_limited(&path, MAX_MANIFEST_BYTES) {
        Ok(b) => b,
        Err(e) => return Loaded::Stale(e.to_string(), None),
    };
    // Only the version first: a manifest of another schema may not parse as this one.
    #[derive(Deserialize)]
    struct Version {
        schema: u32,
    }
    match serde_json::from_slice::<Version>(&bytes) {
        Ok(v) if v.schema == SCHEMA_VERSION => {}
        Ok(v) => {
            // The sources are worth keeping even from another schema, to rebuild from.
            let sources = serde_json::from_slice::<Manifest>(&bytes).ok();
            return Loaded::Stale(
                format!(
                    "the index was made with library schema {} (this factdesk uses {SCHEMA_VERSION})",
                    v.schema
                ),
                sources,
            );
        }
        Err(e) => {
            return Loaded::Stale(
                format!(
                    "{}:{}:{}: unreadable manifest: {e}",
                    path.display(),
                    e.line(),
                    e.column()
                ),
                None,
            );
        }
    }
    match serde_json::from_slice::<Manifest>(&bytes) {
        Ok(m) => Loaded::Current(m),
        Err(e) => Loaded::Stale(
            format!(
                "{}:{}:{}: unreadable manifest: {e}",
                path.display(),
                e.line(),
                e.column()
            ),
            None,
        ),
    }
}

pub fn save(dir: &Path, manifest: &Manifest) -> Result<(), store::StoreError> {
    let path = dir.join(MANIFEST_FILE);
    let text = serde_json::to_vec_pretty(manifest).map_err(|e| store::StoreError::Serialize {
        path: path.clone(),
        message: e.to_string(),
    })?;
    store::write_atomic_no_backup(&path, &text)
}

/// Size and modification time of a file (symlinks followed), when it can be asked.
pub fn stat(path: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
    Some((meta.len(), mtime))
}

/// Every `*.ron` project file under `root`: hidden files and folders (`.git`, stray temps) left
/// out, symlinked folders followed once each (a loop ends at a folder already seen), depth capped.
pub fn project_files(root: &Path, problems: &mut Vec<(PathBuf, String)>) -> Vec<PathBuf> {
    const MAX_DEPTH: usize = 64;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![(root.to_path_buf(), 0usize)];
    while let Some((dir, depth)) = stack.pop() {
        let Ok(real) = std::fs::canonicalize(&dir) else {
            problems.push((dir.clone(), "cannot open the folder".into()));
            continue;
        };
        if !seen.insert(real) {
            continue;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                problems.push((dir.clone(), format!("cannot list the folder: {e}")));
                continue;
            }
        };
        let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        names.sort();
        for path in names {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_none_or(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            // Following the link: a symlinked folder is walked, a dangling link is reported.
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    if depth < MAX_DEPTH {
                        stack.push((path, depth + 1));
                    }
                }
                Ok(_) if path.extension().is_some_and(|e| e == "ron") => out.push(path),
                Ok(_) => {}
                Err(e) if path.extension().is_some_and(|e| e == "ron") => {
                    problems.push((path, format!("cannot read: {e}")));
                }
                Err(_) => {}
            }
        }
    }
    out.sort();
    out
}
