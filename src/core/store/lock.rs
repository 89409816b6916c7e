//! A lock file beside an open project (`NAME.ron.lock`: pid, host, user, time) so that opening the
//! same project twice gives a clear warning; locks left by dead processes are taken over.

use std::path::{Path, PathBuf};

/// Who holds a lock, as written in the lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockInfo {
    pub pid: u32,
    pub host: String,
    pub user: String,
    /// RFC 3339 time the lock was taken.
    pub time: String,
}

impl LockInfo {
    fn current() -> LockInfo {
        LockInfo {
            pid: std::process::id(),
            host: host_name(),
            user: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_default(),
            time: crate::core::time::Timestamp::now().0,
        }
    }

    fn to_text(&self) -> String {
        format!(
            "pid={}\nhost={}\nuser={}\ntime={}\n",
            self.pid, self.host, self.user, self.time
        )
    }

    fn parse(text: &str) -> LockInfo {
        let field = |k: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(k)?.strip_prefix('='))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        LockInfo {
            pid: field("pid").parse().unwrap_or(0),
            host: field("host"),
            user: field("user"),
            time: field("time"),
        }
    }

    /// True when the holder is certainly gone: same host and no such process (Linux only; other
    /// systems keep the lock, which only costs a warning).
    fn is_stale(&self) -> bool {
        if self.pid == 0 {
            return true;
        }
        if self.host != host_name() {
            return false;
        }
        cfg!(target_os = "linux") && !Path::new(&format!("/proc/{}", self.pid)).exists()
    }
}

impl std::fmt::Display for LockInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "already open by {}@{} (process {}) since {}",
            if self.user.is_empty() {
                "?"
            } else {
                &self.user
            },
            if self.host.is_empty() {
                "?"
            } else {
                &self.host
            },
            self.pid,
            self.time
        )
    }
}

fn host_name() -> String {
    super::read::read_text_limited(Path::new("/proc/sys/kernel/hostname"), 4096)
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

/// `NAME.ron` → `NAME.ron.lock`.
pub fn lock_path(project: &Path) -> PathBuf {
    let mut s = project.as_os_str().to_owned();
    s.push(".lock");
    PathBuf::from(s)
}

/// How long a writer waits for another writer of the same project before giving up. A write
/// (read, change, save) takes milliseconds; the wait covers a queue of them.
pub const WRITE_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

/// The environment variable that overrides [`WRITE_WAIT`] (seconds, fractions allowed).
pub const WRITE_WAIT_ENV: &str = "FACTDESK_LOCK_WAIT";

/// [`WRITE_WAIT`], or the number of seconds in `FACTDESK_LOCK_WAIT`.
pub fn write_wait() -> std::time::Duration {
    std::env::var(WRITE_WAIT_ENV)
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(WRITE_WAIT, std::time::Duration::from_secs_f64)
}

/// Why the write lock could not be had.
#[derive(Debug)]
pub enum WriteLockError {
    /// Another process kept writing the project for the whole wait.
    Busy {
        waited: std::time::Duration,
    },
    Io(std::io::Error),
}

/// An exclusive OS advisory lock (`flock` on Unix) on `NAME.ron.lock`, held by whoever reads,
/// changes and saves the project: the CLI for a whole command, the desktop app for each save.
///
/// The lock file also holds the [`LockInfo`] of a desktop app that has the project open (the
/// "open elsewhere" message). When a writer lets go of a lock file that names no holder, it
/// removes it, so no empty lock files are left behind. Because a waiting writer may have opened
/// the file just before it was removed, the lock counts only once the locked file is still the
/// one at the path.
#[derive(Debug)]
pub struct WriteLock {
    file: std::fs::File,
    path: PathBuf,
}

fn same_file(file: &std::fs::File, path: &Path) -> bool {
    let (Ok(a), Ok(b)) = (file.metadata(), std::fs::metadata(path)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        // Without inode numbers, the lock file is never removed (see Drop), so any is the one.
        let _ = (a, b);
        true
    }
}

/// Opens (creating) the lock file, which must be a regular file: a FIFO or device planted at
/// `NAME.ron.lock` (or a symlink to one) would block reads or swallow writes. On Unix the open
/// never blocks and symlinks are not followed.
fn open_lock_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(path).map_err(|e| {
        if e.raw_os_error() == Some(libc_eloop()) {
            std::io::Error::other(format!(
                "{} is a symlink; a lock file must be a regular file (remove it)",
                path.display()
            ))
        } else {
            e
        }
    })?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other(format!(
            "{} is {}, not a regular file (remove it)",
            path.display(),
            super::read::kind_of(&meta.file_type())
        )));
    }
    Ok(file)
}

/// The error an `O_NOFOLLOW` open of a symlink gives.
fn libc_eloop() -> i32 {
    #[cfg(unix)]
    {
        libc::ELOOP
    }
    #[cfg(not(unix))]
    {
        -1
    }
}

impl WriteLock {
    /// Takes the write lock of the project at `project` (already resolved through symlinks),
    /// waiting up to `wait` for other writers.
    pub fn acquire(project: &Path, wait: std::time::Duration) -> Result<WriteLock, WriteLockError> {
        use std::fs::TryLockError;
        let path = lock_path(project);
        let start = std::time::Instant::now();
        let mut pause = std::time::Duration::from_millis(2);
        loop {
            let file = open_lock_file(&path).map_err(WriteLockError::Io)?;
            match file.try_lock() {
                Ok(()) if same_file(&file, &path) => return Ok(WriteLock { file, path }),
                // Removed or replaced by the writer before us: lock the file that is there now.
                Ok(()) => continue,
                Err(TryLockError::WouldBlock) => {}
                // A file system without advisory locks (some network mounts): the lock file's
                // holder check still applies, the OS lock cannot.
                Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                    return Ok(WriteLock { file, path });
                }
                Err(TryLockError::Error(e)) => return Err(WriteLockError::Io(e)),
            }
            let waited = start.elapsed();
            if waited >= wait {
                return Err(WriteLockError::Busy { waited });
            }
            // Back off with a little jitter so a crowd of writers does not wake in step.
            let jitter = std::time::Duration::from_micros(u64::from(std::process::id() % 997));
            std::thread::sleep(pause.min(wait - waited) + jitter);
            pause = (pause * 2).min(std::time::Duration::from_millis(50));
        }
    }

    /// The desktop app named in the lock file, if any.
    pub fn holder(&mut self) -> Option<LockInfo> {
        use std::io::Seek;
        self.file.seek(std::io::SeekFrom::Start(0)).ok()?;
        // The file was checked to be a regular one when it was opened; read its start only.
        let bytes = super::read::read_prefix(&self.file, &self.path, 64 * 1024).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        (!text.trim().is_empty()).then(|| LockInfo::parse(&text))
    }

    /// A holder that is alive and is not this process: someone else has the project open.
    pub fn foreign_holder(&mut self) -> Option<LockInfo> {
        let me = (std::process::id(), host_name());
        self.holder()
            .filter(|h| !(h.is_stale() || (h.pid == me.0 && h.host == me.1)))
    }

    /// Writes (or with `None` clears) the holder named in the lock file.
    fn set_holder(&mut self, info: Option<&LockInfo>) -> std::io::Result<()> {
        use std::io::{Seek, Write};
        self.file.set_len(0)?;
        self.file.seek(std::io::SeekFrom::Start(0))?;
        if let Some(info) = info {
            self.file.write_all(info.to_text().as_bytes())?;
        }
        self.file.sync_all()
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // Remove a lock file that names nobody, while still holding the lock; waiters notice
        // the file is gone and lock the next one. On other systems the file stays.
        if cfg!(unix) && self.file.metadata().is_ok_and(|m| m.len() == 0) {
            let _ = std::fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

/// How long opening or closing in the desktop app waits for a writer: short, the app is waiting.
const OPEN_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

fn write_lock_io(e: WriteLockError) -> std::io::Error {
    match e {
        WriteLockError::Io(e) => e,
        WriteLockError::Busy { .. } => std::io::Error::new(
            std::io::ErrorKind::WouldBlock,
            "another process is writing the project",
        ),
    }
}

/// A held "open" lock: this process named in `NAME.ron.lock`. Dropping it clears the name (and
/// so removes the file) if it is still ours.
#[derive(Debug)]
pub struct ProjectLock {
    /// The project, resolved through symlinks, so every path to one file shares one lock.
    project: PathBuf,
    info: LockInfo,
}

/// The result of trying to lock a project.
#[derive(Debug)]
pub enum LockAttempt {
    /// We hold the lock. `took_over` names a dead holder whose stale lock was replaced.
    Acquired {
        lock: ProjectLock,
        took_over: Option<LockInfo>,
    },
    /// A live process (or one on another machine) holds it.
    HeldBy(LockInfo),
}

fn resolved(project: &Path) -> PathBuf {
    super::atomic::resolve_target(project).unwrap_or_else(|_| project.to_path_buf())
}

impl ProjectLock {
    /// Takes the lock of `project` unless someone alive holds it.
    pub fn try_acquire(project: &Path) -> std::io::Result<LockAttempt> {
        let project = resolved(project);
        let mut w = WriteLock::acquire(&project, OPEN_WAIT).map_err(write_lock_io)?;
        let info = LockInfo::current();
        let took_over = match w.holder() {
            None => None,
            // Our own process opened it before (e.g. reopen): share it.
            Some(h) if h.pid == info.pid && h.host == info.host => None,
            Some(h) if h.is_stale() => Some(h),
            Some(h) => return Ok(LockAttempt::HeldBy(h)),
        };
        w.set_holder(Some(&info))?;
        Ok(LockAttempt::Acquired {
            lock: ProjectLock { project, info },
            took_over,
        })
    }

    /// Takes the lock regardless of who holds it ("open anyway").
    pub fn force(project: &Path) -> std::io::Result<ProjectLock> {
        let project = resolved(project);
        let mut w = WriteLock::acquire(&project, OPEN_WAIT).map_err(write_lock_io)?;
        let info = LockInfo::current();
        w.set_holder(Some(&info))?;
        Ok(ProjectLock { project, info })
    }

    /// The lock file.
    pub fn path(&self) -> PathBuf {
        lock_path(&self.project)
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        if let Ok(mut w) = WriteLock::acquire(&self.project, OPEN_WAIT)
            && w.holder().is_some_and(|h| h == self.info)
        {
            let _ = w.set_holder(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_open_is_warned_stale_lock_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project = dir.path().join("p.ron");
        let lp = lock_path(&project);
        // A live holder on this host: pid 1 always exists on Linux.
        let live = LockInfo {
            pid: 1,
            host: host_name(),
            user: "ana".into(),
            time: "2026-01-01T00:00:00Z".into(),
        };
        std::fs::write(&lp, live.to_text()).expect("write");
        match ProjectLock::try_acquire(&project).expect("io") {
            LockAttempt::HeldBy(h) => {
                assert_eq!(h, live);
                assert!(h.to_string().contains("already open by ana@"));
            }
            LockAttempt::Acquired { .. } if !cfg!(target_os = "linux") => {}
            other => panic!("expected held: {other:?}"),
        }
        let dead = LockInfo {
            pid: u32::MAX - 1,
            ..live
        };
        std::fs::write(&lp, dead.to_text()).expect("write");
        if cfg!(target_os = "linux") {
            let LockAttempt::Acquired { lock, took_over } =
                ProjectLock::try_acquire(&project).expect("io")
            else {
                panic!("stale lock not taken over");
            };
            assert_eq!(took_over, Some(dead));
            assert!(lp.exists());
            drop(lock);
            assert!(!lp.exists(), "lock removed on drop");
        }
    }
}
