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
    std::fs::read_to_string("/proc/sys/kernel/hostname")
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

/// A held lock; dropping it removes the lock file (if it is still ours).
#[derive(Debug)]
pub struct ProjectLock {
    path: PathBuf,
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

impl ProjectLock {
    /// Takes the lock of `project` unless someone alive holds it.
    pub fn try_acquire(project: &Path) -> std::io::Result<LockAttempt> {
        let path = lock_path(project);
        let info = LockInfo::current();
        match create_new(&path, &info) {
            Ok(()) => Ok(LockAttempt::Acquired {
                lock: ProjectLock { path, info },
                took_over: None,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let holder = LockInfo::parse(&std::fs::read_to_string(&path).unwrap_or_default());
                if holder.pid == info.pid && holder.host == info.host {
                    // Our own process opened it before (e.g. reopen): share it.
                    return Ok(LockAttempt::Acquired {
                        lock: ProjectLock::force(project)?,
                        took_over: None,
                    });
                }
                if holder.is_stale() {
                    return Ok(LockAttempt::Acquired {
                        lock: ProjectLock::force(project)?,
                        took_over: Some(holder),
                    });
                }
                Ok(LockAttempt::HeldBy(holder))
            }
            Err(e) => Err(e),
        }
    }

    /// Takes the lock regardless of who holds it ("open anyway").
    pub fn force(project: &Path) -> std::io::Result<ProjectLock> {
        let path = lock_path(project);
        let info = LockInfo::current();
        std::fs::write(&path, info.to_text())?;
        Ok(ProjectLock { path, info })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn create_new(path: &Path, info: &LockInfo) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(info.to_text().as_bytes())
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        let ours = std::fs::read_to_string(&self.path)
            .map(|t| LockInfo::parse(&t) == self.info)
            .unwrap_or(false);
        if ours {
            let _ = std::fs::remove_file(&self.path);
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
