//! Bounded reads: the one way factdesk reads a file the user named (projects, imports, JSONL,
//! plain text, merge inputs). Only regular files are read, never more than a limit plus one byte,
//! so a symlink to `/dev/zero`, a FIFO or a device can neither fill memory nor block forever.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a bounded read refused or failed. Always names the file.
#[derive(Debug)]
pub enum ReadError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A folder, FIFO, device or socket (after following symlinks).
    NotAFile { path: PathBuf, kind: &'static str },
    /// More than `limit` bytes (checked on the bytes read, not only on the file's metadata).
    TooLarge { path: PathBuf, limit: u64 },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io { path, source } => {
                write!(f, "{}: cannot read: {source}", path.display())
            }
            ReadError::NotAFile { path, kind } => write!(
                f,
                "{}: is {kind}, not a regular file; factdesk reads only regular files",
                path.display()
            ),
            ReadError::TooLarge { path, limit } => write!(
                f,
                "{}: larger than the {} limit; refused",
                path.display(),
                human_bytes(*limit)
            ),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// "50 MB", "512 MB", "1000 bytes": limits as a person reads them.
pub fn human_bytes(n: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if n >= MB && n.is_multiple_of(MB) {
        format!("{} MB", n / MB)
    } else {
        format!("{n} bytes")
    }
}

/// What kind of thing a non-regular file is, in words for a message.
pub fn kind_of(file_type: &std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Opens `path` for reading only if it is a regular file (symlinks followed). On Unix the open
/// does not block even if the path was swapped for a FIFO after the check, and the opened file is
/// checked again, so the answer holds for what is actually read.
fn open_regular(path: &Path) -> Result<std::fs::File, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let not_a_file = |t: &std::fs::FileType| ReadError::NotAFile {
        path: path.to_path_buf(),
        kind: kind_of(t),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(not_a_file(&meta.file_type()));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(not_a_file(&meta.file_type()));
    }
    Ok(file)
}

/// Reads at most `limit` bytes of the regular file at `path`; more is [`ReadError::TooLarge`].
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let hint = file.metadata().map(|m| m.len()).unwrap_or(0);
    if hint > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    read_capped(file, path, limit)
}

/// Reads the first `limit` bytes (or fewer) of the regular file at `path`; the rest is left
/// unread and is no error (sniffing a file's kind by its start).
pub fn read_head(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_prefix(open_regular(path)?, path, limit)
}

/// Reads at most `limit` bytes from `reader`, an already opened file the caller checked is a
/// regular file (e.g. a lock file, opened for writing too); the rest is left unread.
pub(super) fn read_prefix(
    reader: impl Read,
    path: &Path,
    limit: u64,
) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(bytes)
}

/// Reads standard input, at most `limit` bytes (named "standard input" in messages).
pub fn read_stdin_limited(limit: u64) -> Result<Vec<u8>, ReadError> {
    read_capped(std::io::stdin().lock(), Path::new("standard input"), limit)
}

/// Reads through a hard cap of `limit + 1` bytes: the file may grow while it is read.
fn read_capped(reader: impl Read, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    Ok(bytes)
}

/// [`read_limited`] as UTF-8 text; a leading byte order mark is dropped.
pub fn read_text_limited(path: &Path, limit: u64) -> Result<String, ReadError> {
    bytes_to_text(read_limited(path, limit)?, path)
}

/// [`read_stdin_limited`] as UTF-8 text; a leading byte order mark is dropped.
pub fn read_stdin_text_limited(limit: u64) -> Result<String, ReadError> {
    bytes_to_text(read_stdin_limited(limit)?, Path::new("standard input"))
}

fn bytes_to_text(bytes: Vec<u8>, path: &Path) -> Result<String, ReadError> {
    let mut text = String::from_utf8(bytes).map_err(|e| ReadError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not valid UTF-8 text (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ),
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_read_up_to_the_limit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f.txt");
        std::fs::write(&path, b"12345").expect("write");
        assert_eq!(read_limited(&path, 5).expect("at limit"), b"12345");
        let err = read_limited(&path, 4).expect_err("over");
        assert!(matches!(err, ReadError::TooLarge { limit: 4, .. }), "{err}");
        std::fs::write(&path, "\u{FEFF}héllo").expect("write");
        assert_eq!(read_text_limited(&path, 100).expect("text"), "héllo");
    }

    #[test]
    fn folders_are_refused_by_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = read_limited(dir.path(), 10).expect_err("folder");
        assert!(
            err.to_string().contains("is a folder, not a regular file"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_reading() {
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("zero.ron");
        std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
        let err = read_limited(&link, 1 << 30).expect_err("device");
        assert!(err.to_string().contains("character device"), "{err}");
        let fifo = dir.path().join("pipe.ron");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("cstring");
        // SAFETY: mkfifo only reads the NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let err = read_limited(&fifo, 10).expect_err("fifo");
        assert!(err.to_string().contains("FIFO"), "{err}");
    }

    #[test]
    fn a_head_is_the_start_of_a_regular_file_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f.txt");
        std::fs::write(&path, b"12345").expect("write");
        assert_eq!(read_head(&path, 3).expect("head"), b"123");
        assert_eq!(read_head(&path, 10).expect("whole"), b"12345");
        assert!(read_head(dir.path(), 10).is_err(), "a folder");
        #[cfg(unix)]
        {
            let link = dir.path().join("zero");
            std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
            let err = read_head(&link, 10).expect_err("device");
            assert!(err.to_string().contains("character device"), "{err}");
        }
    }

    #[test]
    fn a_reader_longer_than_the_limit_is_cut_at_limit_plus_one() {
        let endless = std::io::repeat(0);
        let err = read_capped(endless, Path::new("x"), 1000).expect_err("endless");
        assert!(err.to_string().contains("1000 bytes limit"), "{err}");
    }
}
