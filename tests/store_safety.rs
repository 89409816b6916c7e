//! Every writer is safe: parallel command-line writers lose nothing, outputs never replace what
//! is not theirs, every read is bounded, merges refuse duplicate ids. Driven through the real
//! binary, as a careful tester (or a script gone wrong) would.
#![cfg(unix)]

use factdesk::core::model::Project;
use factdesk::core::store;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

#[path = "support/cli.rs"]
mod support;
use support::{finish, stderr as err, stdout as out};

/// The binary with a fixed analyst, so no command looks for git's name.
fn bin() -> Command {
    let mut c = support::bin();
    c.env("FACTDESK_ANALYST", "Tester");
    c
}

/// Runs with standard input closed, under the shared deadline (a blocked read fails the test).
fn run(args: &[&str]) -> Output {
    let child = bin()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn factdesk");
    finish(child, args)
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert!(o.status.success(), "factdesk {args:?}: {}", err(&o));
    out(&o)
}

/// Runs, expects exit 1 and nothing on stdout; returns stderr.
fn refused(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(
        o.status.code(),
        Some(1),
        "factdesk {args:?}: {} {}",
        out(&o),
        err(&o)
    );
    assert_eq!(out(&o), "", "a refused command prints no result");
    err(&o)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

const ARTICLE: &str = "Seoul, 30 Jan — North Korea denied supplying rockets and missiles to Wagner. \
The US said rockets and missiles were sent. A spokesman called it a rumour. 北朝鮮 🚀.";

/// A project with one article, in its own folder.
struct Desk {
    dir: tempfile::TempDir,
    project: PathBuf,
    article: String,
}

impl Desk {
    fn new() -> Desk {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = dir.path().join("article.txt");
        std::fs::write(&text, ARTICLE).expect("write");
        let project = dir.path().join("p.ron");
        let line = ok(&["new", s(&project), s(&text)]);
        let article = line.split('\t').next().expect("id").to_string();
        Desk {
            dir,
            project,
            article,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn p(&self) -> &str {
        s(&self.project)
    }

    fn load(&self) -> Project {
        store::load(&self.project).expect("load")
    }

    fn names(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

#[test]
fn parallel_writers_lose_nothing() {
    let desk = Desk::new();
    const WRITERS: usize = 40;
    // Each writer marks a different range, so every edit is distinct and all can succeed.
    let children: Vec<(usize, Child)> = (0..WRITERS)
        .map(|i| {
            let range = format!("{}..{}", i, i + 3);
            let child = bin()
                .args([
                    "claim",
                    "add",
                    desk.p(),
                    "--article",
                    &desk.article,
                    "--range",
                    &range,
                    "--note",
                    &format!("writer {i}"),
                ])
                .env("FACTDESK_LOCK_WAIT", "120")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn");
            (i, child)
        })
        .collect();
    let mut printed = Vec::new();
    for (i, child) in children {
        let o = finish(child, &["claim", "add"]);
        let id = out(&o).trim().to_string();
        if o.status.success() {
            assert!(id.starts_with("c-"), "writer {i} printed {id:?}");
            printed.push(id);
        } else {
            assert_eq!(id, "", "writer {i} failed ({}) but printed an id", err(&o));
        }
    }
    let project = desk.load();
    for id in &printed {
        assert!(
            project.claims.iter().any(|c| &c.id.0 == id),
            "claim {id} reported added is missing: {} of {} in the file",
            project.claims.len(),
            printed.len()
        );
    }
    // With a generous wait every writer gets its turn.
    assert_eq!(printed.len(), WRITERS, "every writer succeeded");
    assert_eq!(project.claims.len(), WRITERS);
    // No temp files, no lock file left; only the project, its backup and the article.
    assert_eq!(desk.names(), ["article.txt", "p.ron", "p.ron.bak"]);
}

#[test]
fn a_writer_that_cannot_get_the_lock_fails_cleanly() {
    let desk = Desk::new();
    let before = std::fs::read(&desk.project).expect("read");
    // Another writer holds the OS lock for the whole wait.
    let held = store::WriteLock::acquire(&desk.project, Duration::from_secs(5)).expect("lock");
    let o = bin()
        .args([
            "claim",
            "add",
            desk.p(),
            "--article",
            &desk.article,
            "--range",
            "0..5",
        ])
        .env("FACTDESK_LOCK_WAIT", "0.3")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(out(&o), "", "no id for an edit that is not on disk");
    assert!(
        err(&o).contains("another process kept writing it"),
        "{}",
        err(&o)
    );
    drop(held);
    assert_eq!(std::fs::read(&desk.project).expect("read"), before);
    assert!(
        !store::lock_path(&desk.project).exists(),
        "lock file removed"
    );
}

#[test]
fn a_project_open_in_the_app_is_not_written_behind_its_back() {
    let desk = Desk::new();
    let before = std::fs::read(&desk.project).expect("read");
    // The app's lock file, as a live factdesk on another machine writes it.
    std::fs::write(
        store::lock_path(&desk.project),
        "pid=4242\nhost=desk-7.example\nuser=ana\ntime=2026-12-01T09:00:00Z\n",
    )
    .expect("lock file");
    let e = refused(&[
        "claim",
        "add",
        desk.p(),
        "--article",
        &desk.article,
        "--range",
        "0..5",
    ]);
    assert!(e.contains("already open by ana@desk-7.example"), "{e}");
    refused(&["import", desk.p(), s(&desk.path("article.txt"))]);
    refused(&["check", "--repair", desk.p()]);
    assert_eq!(std::fs::read(&desk.project).expect("read"), before);
    // A dead holder on this machine does not block anyone.
    std::fs::write(
        store::lock_path(&desk.project),
        format!(
            "pid={}\nhost={}\nuser=ana\ntime=t\n",
            u32::MAX - 7,
            std::fs::read_to_string("/proc/sys/kernel/hostname")
                .unwrap_or_default()
                .trim()
        ),
    )
    .expect("stale lock");
    if cfg!(target_os = "linux") {
        ok(&[
            "claim",
            "add",
            desk.p(),
            "--article",
            &desk.article,
            "--range",
            "0..5",
        ]);
    }
}

#[test]
fn export_never_replaces_what_is_not_its_own() {
    let desk = Desk::new();
    ok(&[
        "claim",
        "add",
        desk.p(),
        "--article",
        &desk.article,
        "--range",
        "0..5",
        "--status",
        "sourced",
    ]);
    let before = std::fs::read(&desk.project).expect("read");
    let e = refused(&["export", desk.p(), "-f", "csv", "-o", desk.p()]);
    assert!(e.contains("project being exported"), "{e}");
    // Through a symlink, and onto its backup.
    let link = desk.path("link.csv");
    std::os::unix::fs::symlink(&desk.project, &link).expect("symlink");
    refused(&["export", desk.p(), "-f", "csv", "-o", s(&link)]);
    refused(&[
        "export",
        desk.p(),
        "-f",
        "csv",
        "-o",
        s(&store::backup_path(&desk.project)),
    ]);
    // Another project file.
    let other = desk.path("other.ron");
    store::save(&other, &Project::new("other")).expect("save");
    let e = refused(&["export", desk.p(), "-f", "json", "-o", s(&other)]);
    assert!(e.contains("is a factdesk project"), "{e}");
    // A folder, a FIFO, a device (behind a symlink, so a regression replaces only the link).
    let e = refused(&["export", desk.p(), "-f", "csv", "-o", s(desk.dir.path())]);
    assert!(e.contains("folder"), "{e}");
    let fifo = desk.path("pipe.csv");
    mkfifo(&fifo);
    let e = refused(&["export", desk.p(), "-f", "csv", "-o", s(&fifo)]);
    assert!(e.contains("FIFO"), "{e}");
    assert!(is_fifo(&fifo), "the FIFO is still a FIFO");
    let null = desk.path("null.csv");
    std::os::unix::fs::symlink("/dev/null", &null).expect("symlink");
    let e = refused(&["export", desk.p(), "-f", "csv", "-o", s(&null)]);
    assert!(e.contains("character device"), "{e}");
    assert!(
        std::fs::symlink_metadata(&null)
            .expect("lstat")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&desk.project).expect("read"), before);
    // `-o -` is standard output.
    let csv = ok(&["export", desk.p(), "-f", "csv", "-o", "-"]);
    assert!(csv.contains("Seoul"), "{csv}");
    assert!(!desk.path("-").exists());
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("cstring");
    // SAFETY: mkfifo only reads the NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

#[test]
fn every_read_is_bounded() {
    let desk = Desk::new();
    let zero = desk.path("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    let random = desk.path("random.txt");
    std::os::unix::fs::symlink("/dev/urandom", &random).expect("symlink");
    let fifo = desk.path("fifo.ron");
    mkfifo(&fifo);
    let fifo_txt = desk.path("fifo.txt");
    mkfifo(&fifo_txt);
    // Each of these would read gigabytes or block forever if reads were not bounded.
    for args in [
        vec!["claims", s(&zero)],
        vec!["check", s(&fifo)],
        vec!["articles", s(&fifo)],
        vec!["extract", s(&random)],
        vec!["extract", s(&fifo_txt)],
        vec!["import", desk.p(), s(&random)],
        vec!["import", desk.p(), s(&fifo_txt)],
        vec!["sentences", s(&random)],
        vec!["sentences", s(&fifo_txt)],
        vec!["sentences", s(&zero)],
        vec!["agree", desk.p(), s(&zero)],
        vec!["claims", "import", desk.p(), s(&fifo_txt)],
        vec!["claims", "import", desk.p(), s(&random)],
        vec![
            "merge",
            s(&fifo),
            desk.p(),
            desk.p(),
            "-o",
            s(&desk.path("m.ron")),
        ],
    ] {
        let e = refused(&args);
        assert!(
            e.contains("not a regular file") || e.contains("device") || e.contains("FIFO"),
            "{args:?}: {e}"
        );
    }
    // Standard input is capped too: an endless stream ends in a clear error, not a full memory.
    let child = bin()
        .args(["sentences"])
        .stdin(std::fs::File::open("/dev/zero").expect("open /dev/zero"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let o = finish(child, &["sentences", "< /dev/zero"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("standard input: larger than the 50 MB limit"),
        "{}",
        err(&o)
    );
}

#[test]
fn merge_refuses_duplicate_ids_and_leaves_ours_alone() {
    let desk = Desk::new();
    ok(&[
        "claim",
        "add",
        desk.p(),
        "--article",
        &desk.article,
        "--range",
        "0..5",
    ]);
    ok(&[
        "claim",
        "add",
        desk.p(),
        "--article",
        &desk.article,
        "--range",
        "6..10",
    ]);
    let text = std::fs::read_to_string(&desk.project).expect("read");
    let p = desk.load();
    let (a, b) = (&p.claims[0].id.0, &p.claims[1].id.0);
    // The second claim takes the first one's id: two records, one id.
    let dup = text.replace(b.as_str(), a.as_str());
    let ours = desk.path("ours.ron");
    std::fs::write(&ours, &dup).expect("write");
    let e = refused(&["merge", desk.p(), s(&ours), desk.p()]);
    assert!(
        e.contains("duplicate ids") && e.contains("check --repair"),
        "{e}"
    );
    assert_eq!(
        std::fs::read_to_string(&ours).expect("read"),
        dup,
        "ours untouched"
    );
    // Theirs or base with duplicates is refused as well.
    let theirs = desk.path("theirs.ron");
    std::fs::write(&theirs, &dup).expect("write");
    refused(&[
        "merge",
        desk.p(),
        desk.p(),
        s(&theirs),
        "-o",
        s(&desk.path("out.ron")),
    ]);
    refused(&[
        "merge",
        s(&theirs),
        desk.p(),
        desk.p(),
        "-o",
        s(&desk.path("out.ron")),
    ]);
    assert!(!desk.path("out.ron").exists());
    // Two articles with one id, too.
    let mut two = desk.load();
    let mut copy = two.articles[0].clone();
    copy.body = "Another text entirely.".into();
    two.articles.push(copy);
    let two_path = desk.path("two.ron");
    std::fs::write(&two_path, store::to_ron_string(&two).expect("ron")).expect("write");
    refused(&["merge", desk.p(), s(&two_path), desk.p()]);
    // After a repair the merge goes through.
    ok(&["check", "--repair", s(&ours)]);
    ok(&["merge", desk.p(), s(&ours), desk.p()]);
}

#[test]
fn merge_as_a_git_driver_leaves_no_backup() {
    let desk = Desk::new();
    let tmp = desk.path(".merge_file_a1b2c3");
    std::fs::copy(&desk.project, &tmp).expect("copy");
    ok(&["merge", desk.p(), s(&tmp), desk.p()]);
    assert!(!desk.path(".merge_file_a1b2c3.bak").exists());
    assert!(
        desk.names()
            .iter()
            .all(|n| !n.ends_with(".lock") && !n.ends_with(".tmp"))
    );
}

#[test]
fn saving_through_a_symlink_keeps_the_link_and_the_mode() {
    use std::os::unix::fs::PermissionsExt;
    let desk = Desk::new();
    std::fs::set_permissions(&desk.project, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let link = desk.path("link.ron");
    std::os::unix::fs::symlink("p.ron", &link).expect("symlink");
    ok(&[
        "claim",
        "add",
        s(&link),
        "--article",
        &desk.article,
        "--range",
        "0..5",
    ]);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("lstat")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        desk.load().claims.len(),
        1,
        "the real project got the change"
    );
    let mode = |p: &Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode(&desk.project), 0o644);
    // An export over an existing 0644 file stays 0644; a new one follows the umask.
    let csv = desk.path("out.csv");
    std::fs::write(&csv, "old").expect("write");
    std::fs::set_permissions(&csv, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    ok(&["export", desk.p(), "-f", "csv", "--all", "-o", s(&csv)]);
    assert_eq!(mode(&csv), 0o644);
    let fresh = desk.path("fresh.csv");
    ok(&["export", desk.p(), "-f", "csv", "--all", "-o", s(&fresh)]);
    // SAFETY: umask only swaps the process mask; set back at once (tests here never create files
    // in between on this thread, and the expected mode only needs the value).
    let mask = unsafe {
        let m = libc::umask(0o022);
        libc::umask(m);
        m
    };
    assert_eq!(mode(&fresh), 0o666 & !(mask as u32) & 0o777);
}

#[test]
fn small_things_a_careful_user_notices() {
    let desk = Desk::new();
    // A UTF-8 BOM in front of a project (a Windows editor saved it) loads and checks.
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(std::fs::read(&desk.project).expect("read"));
    let bom = desk.path("bom.ron");
    std::fs::write(&bom, bytes).expect("write");
    ok(&["check", s(&bom)]);
    // Ids by unique prefix, with or without the a-/c- part.
    let article_prefix = &desk.article[2..8];
    let id = ok(&[
        "claim",
        "add",
        desk.p(),
        "--article",
        article_prefix,
        "--range",
        "0..5",
    ]);
    let id = id.trim();
    ok(&["claim", "set", desk.p(), &id[..6], "--status", "denied"]);
    ok(&["sign-off", desk.p(), &id[2..8]]);
    let listed = ok(&["claims", desk.p(), "--status", "denied"]);
    assert!(listed.starts_with(id), "{listed}");
    ok(&["claim", "rm", desk.p(), &id[..5]]);
    assert!(desk.load().claims.is_empty());
    // Agreement over projects with different articles says so.
    let other_text = desk.path("other.txt");
    std::fs::write(
        &other_text,
        "A different article about something else entirely.",
    )
    .expect("w");
    let other = desk.path("other.ron");
    ok(&["new", s(&other), s(&other_text)]);
    let o = run(&["agree", desk.p(), s(&other)]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        err(&o).contains("do not hold the same articles"),
        "{}",
        err(&o)
    );
    let o = run(&["agree", desk.p(), desk.p()]);
    assert!(
        !err(&o).contains("do not hold the same articles"),
        "{}",
        err(&o)
    );
    // Two `new` of one file: one wins, the other is refused, nothing overwritten.
    let e = refused(&["new", desk.p()]);
    assert!(e.contains("already exists"), "{e}");
}

#[test]
fn planted_lock_files_and_read_only_projects_are_refused_not_hung_on() {
    use std::os::unix::fs::PermissionsExt;
    let desk = Desk::new();
    let before = std::fs::read(&desk.project).expect("read");
    // A FIFO where the lock file goes would block a reader forever.
    let lock = store::lock_path(&desk.project);
    mkfifo(&lock);
    let e = refused(&[
        "claim",
        "add",
        desk.p(),
        "--article",
        &desk.article,
        "--range",
        "0..5",
    ]);
    assert!(
        e.contains("FIFO") && e.contains("not a regular file"),
        "{e}"
    );
    std::fs::remove_file(&lock).expect("rm");
    // A symlink planted as the lock file is not followed.
    std::os::unix::fs::symlink("/dev/zero", &lock).expect("symlink");
    let e = refused(&[
        "claim",
        "add",
        desk.p(),
        "--article",
        &desk.article,
        "--range",
        "0..5",
    ]);
    assert!(e.contains("symlink"), "{e}");
    std::fs::remove_file(&lock).expect("rm");
    assert_eq!(std::fs::read(&desk.project).expect("read"), before);
    // A project made read-only is not renamed over (a rename needs only the folder's permission).
    std::fs::set_permissions(&desk.project, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let e = refused(&[
        "claim",
        "add",
        desk.p(),
        "--article",
        &desk.article,
        "--range",
        "0..5",
    ]);
    assert!(e.contains("read-only"), "{e}");
    assert_eq!(std::fs::read(&desk.project).expect("read"), before);
    std::fs::set_permissions(&desk.project, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    ok(&[
        "claim",
        "add",
        desk.p(),
        "--article",
        &desk.article,
        "--range",
        "0..5",
    ]);
}
