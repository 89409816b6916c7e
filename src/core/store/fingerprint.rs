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

/// The bytes of the project file at `path`, through the bounded reader (regular files only).
fn read_project_bytes(path: &Path) -> Result<Vec<u8>, super::ReadError> {
    super::read::read_limited(path, super::MAX_PROJECT_BYTES)
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

    /// Reads `path` and fingerprints it; `None` when it cannot be read (e.g. deleted, or not a
    /// regular file, or larger than a project may be).
    pub fn read(path: &Path) -> Option<Fingerprint> {
        let bytes = read_project_bytes(path).ok()?;
        Some(Fingerprint::of(path, &bytes))
    }

    /// True when `path` no longer holds what this fingerprint describes (changed or deleted).
    /// Same size and mtime is taken as unchanged without reading; otherwise the content decides,
    /// so a `touch` alone is not a change. What cannot be read as a project (a FIFO, a device, a
    /// file over the size limit) is a change, found without reading it.
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
        match read_project_bytes(path) {
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

    /// Runs `check` on a thread and fails (instead of hanging) when it blocks.
    #[cfg(unix)]
    fn within_a_minute<T: Send + 'static>(check: impl FnOnce() -> T + Send + 'static) -> T {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(check());
        });
        rx.recv_timeout(std::time::Duration::from_secs(60))
            .expect("the check blocked on a file that is not a regular one")
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_device_in_place_of_the_file_is_a_change_found_without_reading() {
        let dir = tempfile::tempdir().expect("tempdir");
        // What an empty project file looked like: same size (0) as a FIFO or a device.
        let empty = Fingerprint {
            len: 0,
            modified: None,
            hash: hash_bytes(b""),
        };
        let fifo = dir.path().join("p.ron");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("cstring");
        // SAFETY: mkfifo only reads the NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let (fp, path) = (empty.clone(), fifo.clone());
        assert!(within_a_minute(move || fp.changed_on_disk(&path)), "FIFO");
        assert!(within_a_minute(move || Fingerprint::read(&fifo)).is_none());
        let zero = dir.path().join("zero.ron");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        let path = zero.clone();
        assert!(
            within_a_minute(move || empty.changed_on_disk(&path)),
            "device"
        );
        assert!(within_a_minute(move || Fingerprint::read(&zero)).is_none());
    }
}
