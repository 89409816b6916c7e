//! The team commands driven from the command line: merge (also as a real git merge driver),
//! resolve, sign-off, agree, and how the analyst's name is found.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_factdesk");

const ARTICLE: &str = "Seoul, 30 Jan — North Korea denied supplying “rockets and missiles” to Wagner.\n\n\
“It is a rumour,” said Kwon Jong Gun. 北朝鮮は否定した 🚀. The US said rockets were sent.";

/// Runs factdesk in `dir` with a clean identity environment plus `env`.
fn run_in(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(dir)
        .env_remove("FACTDESK_ANALYST")
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run factdesk")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Self {
        Desk {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        run_in(self.dir.path(), &[], args)
    }

    /// Runs and asserts exit `code`; returns (stdout, stderr).
    fn code(&self, code: i32, args: &[&str]) -> (String, String) {
        let o = self.run(args);
        assert_eq!(
            o.status.code(),
            Some(code),
            "factdesk {args:?}: stdout {} stderr {}",
            text(&o.stdout),
            text(&o.stderr)
        );
        (text(&o.stdout), text(&o.stderr))
    }

    fn ok(&self, args: &[&str]) -> String {
        self.code(0, args).0
    }

    /// A project `name` with the article and three claims; returns the claim ids.
    fn project(&self, name: &str) -> Vec<String> {
        let art = self.path("article.txt");
        std::fs::write(&art, ARTICLE).expect("write article");
        self.ok(&["new", name, "article.txt", "--title", "Desk"]);
        let articles = self.ok(&["articles", name]);
        let a = articles.split('\t').next().expect("article id").to_string();
        ["North Korea denied", "It is a rumour", "北朝鮮は否定した"]
            .iter()
            .map(|q| {
                self.ok(&[
                    "--analyst",
                    "Ana",
                    "claim",
                    "add",
                    name,
                    "--article",
                    &a,
                    "--quote",
                    q,
                ])
                .trim()
                .to_string()
            })
            .collect()
    }

    fn claims(&self, name: &str) -> Vec<serde_json::Value> {
        serde_json::from_str(&self.ok(&["claims", name, "--json"])).expect("json")
    }

    fn claim(&self, name: &str, id: &str) -> serde_json::Value {
        self.claims(name)
            .into_iter()
            .find(|c| c["id"] == id)
            .expect("claim present")
    }

    fn copy(&self, from: &str, to: &str) {
        std::fs::copy(self.path(from), self.path(to)).expect("copy");
    }
}

#[test]
fn clean_merge_writes_ours_or_the_output_file() {
    let d = Desk::new();
    let ids = d.project("base.ron");
    d.copy("base.ron", "ours.ron");
    d.copy("base.ron", "theirs.ron");
    d.ok(&["claim", "set", "ours.ron", &ids[0], "--status", "denied"]);
    d.ok(&[
        "claim",
        "set",
        "theirs.ron",
        &ids[1],
        "--note",
        "Kwon’s words",
    ]);
    let ours_before = std::fs::read(d.path("ours.ron")).expect("read");
    d.ok(&[
        "merge",
        "base.ron",
        "ours.ron",
        "theirs.ron",
        "-o",
        "out.ron",
    ]);
    assert_eq!(
        std::fs::read(d.path("ours.ron")).expect("read"),
        ours_before
    );
    assert_eq!(d.claim("out.ron", &ids[0])["status"], "denied");
    assert_eq!(d.claim("out.ron", &ids[1])["note"], "Kwon’s words");
    // Without -o the result replaces OURS (git's %A).
    d.ok(&["merge", "base.ron", "ours.ron", "theirs.ron"]);
    assert_eq!(
        std::fs::read(d.path("ours.ron")).expect("read"),
        std::fs::read(d.path("out.ron")).expect("read")
    );
    d.ok(&["check", "out.ron"]);
}

#[test]
fn conflicts_exit_1_print_ids_are_checked_and_resolved() {
    let d = Desk::new();
    let ids = d.project("base.ron");
    d.copy("base.ron", "ours.ron");
    d.copy("base.ron", "theirs.ron");
    d.ok(&["claim", "set", "ours.ron", &ids[2], "--status", "denied"]);
    d.ok(&[
        "claim",
        "set",
        "theirs.ron",
        &ids[2],
        "--status",
        "sourced",
        "--speaker",
        "KCNA",
    ]);
    let (out, err) = d.code(
        1,
        &["merge", "base.ron", "ours.ron", "theirs.ron", "-o", "m.ron"],
    );
    assert!(out.contains(&ids[2]) && out.contains("status"), "{out}");
    assert!(err.contains(&ids[2]) && err.contains("1 conflict"), "{err}");
    // The merged file loads; the clean field (speaker) merged, the conflicting one kept ours.
    let c = d.claim("m.ron", &ids[2]);
    assert_eq!(
        (c["status"].as_str(), c["speaker"].as_str()),
        (Some("denied"), Some("KCNA"))
    );
    let (out, _) = d.code(1, &["check", "m.ron"]);
    assert!(
        out.contains("unresolved merge conflict") && out.contains(&ids[2]),
        "{out}"
    );
    let (_, err) = d.code(1, &["resolve", "m.ron", &ids[0], "--take", "theirs"]);
    assert!(err.contains("no unresolved conflict"), "{err}");
    d.ok(&[
        "resolve", "m.ron", &ids[2], "--field", "status", "--take", "theirs",
    ]);
    assert_eq!(d.claim("m.ron", &ids[2])["status"], "sourced");
    d.ok(&["check", "m.ron"]);
}

#[test]
fn a_bad_input_leaves_ours_untouched() {
    let d = Desk::new();
    d.project("base.ron");
    d.copy("base.ron", "ours.ron");
    std::fs::write(d.path("theirs.ron"), "(format_version: 1, title: 42)").expect("write");
    let before = std::fs::read(d.path("ours.ron")).expect("read");
    let (_, err) = d.code(1, &["merge", "base.ron", "ours.ron", "theirs.ron"]);
    assert!(err.contains("theirs.ron:1:"), "{err}");
    assert_eq!(std::fs::read(d.path("ours.ron")).expect("read"), before);
    // An empty base (git's %O when both sides added the file) is an empty project.
    std::fs::write(d.path("empty.ron"), "").expect("write");
    d.copy("base.ron", "theirs.ron");
    d.ok(&[
        "merge",
        "empty.ron",
        "ours.ron",
        "theirs.ron",
        "-o",
        "m.ron",
    ]);
}

/// Starts factdesk in `dir` (as [`run_in`]) without waiting for it; writers wait long for the lock.
#[cfg(unix)]
fn spawn_in(dir: &Path, args: &[&str]) -> std::process::Child {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("FACTDESK_ANALYST")
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("FACTDESK_LOCK_WAIT", "120")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn factdesk")
}

/// Waits (up to a minute) until process `pid` has `file` open; false when that cannot be seen
/// (no `/proc`) or did not happen in time.
#[cfg(unix)]
fn has_open(pid: u32, file: &Path) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let fds = PathBuf::from(format!("/proc/{pid}/fd"));
    while std::time::Instant::now() < deadline {
        let Ok(entries) = std::fs::read_dir(&fds) else {
            return false;
        };
        if entries
            .flatten()
            .any(|e| std::fs::read_link(e.path()).is_ok_and(|t| t == file))
        {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    false
}

#[cfg(unix)]
#[test]
fn merge_reads_ours_under_the_lock_so_an_edit_saved_before_it_survives() {
    use factdesk::core::store;
    let d = Desk::new();
    let ids = d.project("base.ron");
    d.copy("base.ron", "ours.ron");
    d.copy("base.ron", "theirs.ron");
    d.ok(&[
        "claim",
        "set",
        "theirs.ron",
        &ids[1],
        "--note",
        "Kwon’s words",
    ]);
    // What a `claim add` on OURS will have saved by the time the merge gets the lock.
    d.copy("ours.ron", "edited.ron");
    let articles = d.ok(&["articles", "edited.ron"]);
    let article = articles.split('\t').next().expect("article id");
    let added = d
        .ok(&[
            "claim",
            "add",
            "edited.ron",
            "--article",
            article,
            "--quote",
            "The US said rockets were sent",
        ])
        .trim()
        .to_string();

    // Another writer holds OURS while the merge starts: the merge waits for the lock.
    let ours = store::resolve_target(&d.path("ours.ron")).expect("resolve");
    let lock = store::WriteLock::acquire(&ours, std::time::Duration::from_secs(30)).expect("lock");
    let merge = spawn_in(
        d.dir.path(),
        &["merge", "base.ron", "ours.ron", "theirs.ron"],
    );
    // Once the merge has the lock file open it is waiting for the lock (an older factdesk had
    // read OURS by then). Without /proc, give it a moment instead.
    if !has_open(merge.id(), &store::lock_path(&ours)) {
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    // The other writer saves its edit (atomically, as factdesk does) and lets go.
    std::fs::copy(d.path("edited.ron"), d.path("ours.ron.new")).expect("copy");
    std::fs::rename(d.path("ours.ron.new"), d.path("ours.ron")).expect("rename");
    drop(lock);

    let o = merge.wait_with_output().expect("merge");
    assert!(o.status.success(), "merge: {}", text(&o.stderr));
    assert_eq!(
        d.claim("ours.ron", &added)["quote"],
        "The US said rockets were sent"
    );
    assert_eq!(d.claim("ours.ron", &ids[1])["note"], "Kwon’s words");
    d.ok(&["check", "ours.ron"]);
}

#[cfg(unix)]
#[test]
fn claim_adds_running_beside_merges_are_never_lost() {
    let d = Desk::new();
    let ids = d.project("base.ron");
    d.copy("base.ron", "ours.ron");
    d.copy("base.ron", "theirs.ron");
    d.ok(&[
        "claim",
        "set",
        "theirs.ron",
        &ids[1],
        "--note",
        "Kwon’s words",
    ]);
    let articles = d.ok(&["articles", "ours.ron"]);
    let article = articles.split('\t').next().expect("article id").to_string();
    const ADDS: usize = 16;
    const MERGES: usize = 6;
    // Interleave the two kinds so merges start while adds are still queued for the lock.
    let mut adds = Vec::new();
    let mut merges = Vec::new();
    for i in 0..ADDS {
        let range = format!("{}..{}", i * 2, i * 2 + 3);
        adds.push(spawn_in(
            d.dir.path(),
            &[
                "claim",
                "add",
                "ours.ron",
                "--article",
                &article,
                "--range",
                &range,
            ],
        ));
        if i % (ADDS / MERGES) == 0 && merges.len() < MERGES {
            merges.push(spawn_in(
                d.dir.path(),
                &["merge", "base.ron", "ours.ron", "theirs.ron"],
            ));
        }
    }
    let mut printed = Vec::new();
    for (i, child) in adds.into_iter().enumerate() {
        let o = child.wait_with_output().expect("claim add");
        let id = text(&o.stdout).trim().to_string();
        if o.status.success() {
            printed.push(id);
        } else {
            assert_eq!(
                id,
                "",
                "add {i} failed ({}) but printed an id",
                text(&o.stderr)
            );
        }
    }
    for child in merges {
        let o = child.wait_with_output().expect("merge");
        assert!(o.status.success(), "merge: {}", text(&o.stderr));
    }
    let claims = d.claims("ours.ron");
    for id in &printed {
        assert!(
            claims.iter().any(|c| c["id"] == id.as_str()),
            "claim {id} was added (exit 0) but is not in the merged file ({} claims, {} added)",
            claims.len(),
            printed.len()
        );
    }
    assert_eq!(d.claim("ours.ron", &ids[1])["note"], "Kwon’s words");
    d.ok(&["check", "ours.ron"]);
}

#[test]
fn sign_off_records_the_analyst_and_exports_carry_it() {
    let d = Desk::new();
    let ids = d.project("p.ron");
    assert_eq!(d.claim("p.ron", &ids[0])["creator"], "Ana");
    d.ok(&["sign-off", "p.ron", &ids[0], "--analyst", "Editor Ed"]);
    let c = d.claim("p.ron", &ids[0]);
    assert_eq!(c["reviewed_by"], "Editor Ed");
    assert!(
        c["reviewed_at"].as_str().is_some_and(|t| t.ends_with('Z')),
        "{c}"
    );
    d.ok(&["sign-off", "p.ron", &ids[0], "--clear"]);
    assert!(d.claim("p.ron", &ids[0]).get("reviewed_by").is_none());
    let (_, err) = d.code(1, &["sign-off", "p.ron", "c-nothere"]);
    assert!(err.contains("no claim"), "{err}");
}

#[test]
fn analyst_comes_from_flag_then_env_then_git() {
    let d = Desk::new();
    let ids = d.project("p.ron");
    let dir = d.dir.path();
    let status = |env: &[(&str, &str)], extra: &[&str], s: &str| {
        let mut args = vec!["claim", "set", "p.ron", ids[0].as_str(), "--status", s];
        args.extend_from_slice(extra);
        let o = run_in(dir, env, &args);
        assert!(o.status.success(), "{}", text(&o.stderr));
    };
    status(&[("FACTDESK_ANALYST", "Env Name")], &[], "sourced");
    status(
        &[("FACTDESK_ANALYST", "Env Name")],
        &["--analyst", "Flag Name"],
        "denied",
    );
    let git_ok = Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir)
        .env("HOME", dir)
        .status()
        .is_ok_and(|s| s.success())
        && Command::new("git")
            .args(["config", "user.name", "Git Name"])
            .current_dir(dir)
            .status()
            .is_ok_and(|s| s.success());
    if git_ok {
        status(&[], &[], "disputed");
    }
    let p = factdesk::core::store::load(&d.path("p.ron")).expect("load");
    let history: Vec<String> = p
        .claims
        .iter()
        .find(|c| c.id.0 == ids[0])
        .expect("claim")
        .history
        .iter()
        .map(|h| format!("{}>{}:{}", h.from, h.to, h.by))
        .collect();
    let mut expected = vec!["unreviewed>sourced:Env Name", "sourced>denied:Flag Name"];
    if git_ok {
        expected.push("denied>disputed:Git Name");
    }
    assert_eq!(history, expected);
}

#[test]
fn agree_json_has_exactly_the_public_keys() {
    let d = Desk::new();
    let ids = d.project("a.ron");
    d.copy("a.ron", "b.ron");
    d.ok(&["claim", "set", "a.ron", &ids[0], "--status", "denied"]);
    d.ok(&["claim", "set", "b.ron", &ids[0], "--status", "denied"]);
    d.ok(&["claim", "rm", "b.ron", &ids[1]]);
    let v: serde_json::Value =
        serde_json::from_str(&d.ok(&["agree", "a.ron", "b.ron", "--json"])).expect("json");
    let mut keys: Vec<&str> = v
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["matched", "only_a", "only_b", "span_f1", "status_kappa"]
    );
    assert_eq!(
        (
            v["matched"].as_u64(),
            v["only_a"].as_u64(),
            v["only_b"].as_u64()
        ),
        (Some(2), Some(1), Some(0))
    );
    assert!(
        (v["span_f1"].as_f64().unwrap_or(0.0) - 0.8).abs() < 1e-9,
        "{v}"
    );
    assert!(
        (v["status_kappa"].as_f64().unwrap_or(0.0) - 1.0).abs() < 1e-9,
        "{v}"
    );
    d.copy("a.ron", "c.ron");
    let v: serde_json::Value =
        serde_json::from_str(&d.ok(&["agree", "a.ron", "b.ron", "c.ron", "--json"])).expect("json");
    assert_eq!(v["pairs"].as_array().map(Vec::len), Some(3));
    assert_eq!(v["matched_all"], 2);
    let human = d.ok(&["agree", "a.ron", "b.ron"]);
    assert!(
        human.contains("only A") && human.contains("It is a rumour"),
        "{human}"
    );
    d.code(2, &["agree", "a.ron"]);
}

/// git with an isolated configuration, in `dir`.
fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("FACTDESK_ANALYST")
        .output()
        .expect("run git")
}

fn git_ok(dir: &Path, args: &[&str]) {
    let o = git(dir, args);
    assert!(o.status.success(), "git {args:?}: {}", text(&o.stderr));
}

#[test]
fn real_git_merge_uses_the_driver() {
    // git is how teams share projects (and how CI got this clone): its absence is a failure.
    assert!(
        Command::new("git").arg("--version").output().is_ok(),
        "git is not installed"
    );
    let d = Desk::new();
    let dir = d.dir.path();
    git_ok(dir, &["init", "-q"]);
    git_ok(dir, &["config", "user.name", "Desk Tester"]);
    git_ok(dir, &["config", "user.email", "desk@example.org"]);
    git_ok(dir, &["config", "commit.gpgsign", "false"]);
    let driver = format!("\"{BIN}\" merge %O %A %B");
    git_ok(dir, &["config", "merge.factdesk.driver", &driver]);
    git_ok(
        dir,
        &["config", "merge.factdesk.name", "factdesk project merge"],
    );
    std::fs::write(d.path(".gitattributes"), "*.ron merge=factdesk\n").expect("write");
    let ids = d.project("desk.ron");
    git_ok(dir, &["add", "."]);
    git_ok(dir, &["commit", "-q", "-m", "start"]);
    let main = text(&git(dir, &["rev-parse", "--abbrev-ref", "HEAD"]).stdout)
        .trim()
        .to_string();

    // Two branches edit neighbouring lines of the same claim: a line merge would conflict.
    git_ok(dir, &["checkout", "-q", "-b", "theirs"]);
    d.ok(&[
        "claim",
        "set",
        "desk.ron",
        &ids[1],
        "--speaker",
        "Kwon Jong Gun",
        "--analyst",
        "Bo",
    ]);
    git_ok(dir, &["commit", "-q", "-am", "speaker"]);
    git_ok(dir, &["checkout", "-q", &main]);
    d.ok(&[
        "claim",
        "set",
        "desk.ron",
        &ids[1],
        "--status",
        "denied",
        "--analyst",
        "Ana",
    ]);
    d.ok(&[
        "claim",
        "set",
        "desk.ron",
        &ids[1],
        "--note",
        "KCNA",
        "--analyst",
        "Ana",
    ]);
    git_ok(dir, &["commit", "-q", "-am", "status"]);
    let o = git(dir, &["merge", "-q", "--no-edit", "theirs"]);
    assert!(
        o.status.success(),
        "clean merge: {} {}",
        text(&o.stdout),
        text(&o.stderr)
    );
    let c = d.claim("desk.ron", &ids[1]);
    assert_eq!(
        (
            c["status"].as_str(),
            c["speaker"].as_str(),
            c["note"].as_str()
        ),
        (Some("denied"), Some("Kwon Jong Gun"), Some("KCNA"))
    );
    d.ok(&["check", "desk.ron"]);

    // Now a real conflict: both branches set a different status on the same claim.
    git_ok(dir, &["checkout", "-q", "-b", "other"]);
    d.ok(&["claim", "set", "desk.ron", &ids[0], "--status", "sourced"]);
    git_ok(dir, &["commit", "-q", "-am", "sourced"]);
    git_ok(dir, &["checkout", "-q", &main]);
    d.ok(&["claim", "set", "desk.ron", &ids[0], "--status", "disputed"]);
    git_ok(dir, &["commit", "-q", "-am", "disputed"]);
    let o = git(dir, &["merge", "--no-edit", "other"]);
    assert!(!o.status.success(), "git reports the conflict");
    let all = format!("{}{}", text(&o.stdout), text(&o.stderr));
    assert!(all.contains(&ids[0]), "the driver names the claim: {all}");
    let on_disk = std::fs::read_to_string(d.path("desk.ron")).expect("read");
    assert!(!on_disk.contains("<<<<<<<"), "no text conflict markers");
    let (out, _) = d.code(1, &["check", "desk.ron"]);
    assert!(out.contains("unresolved merge conflict"), "{out}");
    d.ok(&["resolve", "desk.ron", &ids[0], "--take", "theirs"]);
    assert_eq!(d.claim("desk.ron", &ids[0])["status"], "sourced");
    d.ok(&["check", "desk.ron"]);
    git_ok(dir, &["commit", "-q", "-am", "merged"]);
}
