//! What a project file looked like when it was loaded or saved (size, mtime, content hash), to
//! notice when another program changed it behind our back.

use std::hash::Hasher;
use std::path::Path;
use std::time::SystemTime;

/// Size, modification time and a hash of the bytes last read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys: stable within a run, which is all a fingerprint needs.
    let mut h = std::hash::DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

impl Fingerprint {
    /// The fingerprint of `bytes`, just read from or written to `path`.
    pub fn of(path: &Path, bytes: &[u8]) -> Fingerprint {
        let modified = std::fs::metadata(path).ok().and_then(|m| m.modified().ok());
        Fingerprint {
            len: bytes.len() as u64,
            modified,
            hash: hash_bytes(bytes),
        }
    }

    /// Reads `path` and fingerprints it; `None` when it cannot be read (e.g. deleted).
    pub fn read(path: &Path) -> Option<Fingerprint> {
        let bytes = std::fs::read(path).ok()?;
        Some(Fingerprint::of(path, &bytes))
    }

    /// True when `path` no longer holds what this fingerprint describes (changed or deleted).
    /// Same size and mtime is taken as unchanged without reading; otherwise the content decides,
    /// so a `touch` alone is not a change.
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return true;
        };
        if meta.len() != self.len {
            return true;
        }
        if self.modified.is_some() && meta.modified().ok() == self.modified {
            return false;
        }
        match std::fs::read(path) {
            Ok(bytes) => hash_bytes(&bytes) != self.hash,
            Err(_) => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_edits_and_deletion_but_not_touch() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        std::fs::write(&path, "abc").expect("write");
        let fp = Fingerprint::read(&path).expect("fp");
        assert!(!fp.changed_on_disk(&path));
        let mut stale = fp.clone();
        stale.modified = Some(SystemTime::UNIX_EPOCH);
        assert!(!stale.changed_on_disk(&path), "same bytes, other mtime");
        std::fs::write(&path, "abd").expect("write");
        assert!(stale.changed_on_disk(&path));
        std::fs::remove_file(&path).expect("rm");
        assert!(fp.changed_on_disk(&path));
    }
}
