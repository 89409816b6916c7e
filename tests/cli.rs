//! The project and claim commands of the `factdesk` CLI, driven as a script would drive them.

use std::path::{Path, PathBuf};

#[path = "support/cli.rs"]
mod support;
use support::{fails, ok, run, stderr, stdout};

const ARTICLE: &str = "Seoul, 30 Jan — North Korea denied supplying “rockets and missiles” to Wagner.\n\n\
“It is a rumour,” said Kwon Jong Gun. The US said rockets and missiles were sent. 北朝鮮 🚀 rockets.";

struct Fixture {
    _dir: tempfile::TempDir,
    project: PathBuf,
    article_file: PathBuf,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let article_file = dir.path().join("article.txt");
        std::fs::write(&article_file, ARTICLE).expect("write article");
        let project = dir.path().join("p.ron");
        Fixture {
            _dir: dir,
            project,
            article_file,
        }
    }

    fn p(&self) -> &str {
        self.project.to_str().expect("utf-8 path")
    }

    fn a(&self) -> &str {
        self.article_file.to_str().expect("utf-8 path")
    }

    fn dir(&self) -> &Path {
        self.project.parent().expect("parent")
    }

    /// A project with the article imported; returns the article id.
    fn with_article(&self) -> String {
        ok(&["new", self.p(), "--title", "Test desk"]);
        let out = ok(&["import", self.p(), self.a()]);
        let (id, title) = out.trim_end().split_once('\t').expect("ID<TAB>TITLE");
        assert!(id.starts_with("a-"), "{out}");
        assert!(title.starts_with("Seoul, 30 Jan"), "{out}");
        id.to_string()
    }

    fn claims_json(&self, extra: &[&str]) -> Vec<serde_json::Value> {
        let mut args = vec!["claims", self.p(), "--json"];
        args.extend_from_slice(extra);
        serde_json::from_str(&ok(&args)).expect("claims --json is JSON")
    }
}

#[test]
fn new_creates_and_refuses_to_overwrite() {
    let f = Fixture::new();
    ok(&["new", f.p(), "--title", "Desk", f.a()]);
    let before = std::fs::read(&f.project).expect("read");
    let text = String::from_utf8(before.clone()).expect("utf-8");
    assert!(text.starts_with("(\n  format_version: 2,"), "{text}");
    assert!(text.contains("title: \"Desk\""));
    let err = fails(1, &["new", f.p()]);
    assert!(err.contains("already exists"), "{err}");
    assert!(err.contains("p.ron"), "{err}");
    assert_eq!(
        std::fs::read(&f.project).expect("read"),
        before,
        "untouched"
    );
    ok(&["check", f.p()]);
}

#[test]
fn articles_json_has_the_public_keys() {
    let f = Fixture::new();
    let id = f.with_article();
    let v: serde_json::Value =
        serde_json::from_str(&ok(&["articles", f.p(), "--json"])).expect("json");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 1);
    let a = &arr[0];
    for k in [
        "id",
        "title",
        "source",
        "byline",
        "published",
        "url",
        "chars",
        "claims",
        "text",
    ] {
        assert!(a.get(k).is_some(), "{k} missing: {a}");
    }
    assert_eq!(a["id"], id.as_str());
    assert_eq!(a["chars"], ARTICLE.chars().count());
    assert_eq!(a["text"], ARTICLE);
    assert_eq!(a["claims"], 0);
    let plain = ok(&["articles", f.p()]);
    assert!(plain.starts_with(&id), "{plain}");
}

#[test]
fn claim_add_by_quote_nth_and_range() {
    let f = Fixture::new();
    let art = f.with_article();
    let id1 = ok(&[
        "claim",
        "add",
        f.p(),
        "--article",
        &art,
        "--quote",
        "rockets and missiles",
        "--nth",
        "2",
        "--status",
        "disputed",
        "--speaker",
        "The US",
        "--source",
        "https://example.org/a",
        "--source",
        "https://example.org/b",
        "--note",
        "two sources",
    ]);
    let id1 = id1.trim();
    assert!(id1.starts_with("c-"), "{id1}");
    // Char offsets: the second occurrence, after curly quotes and an em dash.
    let body: Vec<char> = ARTICLE.chars().collect();
    let second = ARTICLE
        .match_indices("rockets and missiles")
        .nth(1)
        .map(|(b, _)| ARTICLE[..b].chars().count());
    let start = second.expect("second occurrence");
    let end = start + "rockets and missiles".chars().count();
    let cjk = body
        .iter()
        .position(|c| *c == '北')
        .expect("CJK in fixture");
    let range = format!("{cjk}..{}", cjk + 3);
    let id2 = ok(&[
        "claim",
        "add",
        f.p(),
        "--article",
        &art[..6],
        "--range",
        &range,
    ]);
    let claims = f.claims_json(&[]);
    assert_eq!(claims.len(), 2);
    let c1 = claims.iter().find(|c| c["id"] == id1).expect("claim 1");
    assert_eq!(c1["start"], start);
    assert_eq!(c1["end"], end);
    assert_eq!(c1["quote"], "rockets and missiles");
    assert_eq!(c1["status"], "disputed");
    assert_eq!(c1["speaker"], "The US");
    assert_eq!(c1["note"], "two sources");
    assert_eq!(c1["sources"].as_array().map(Vec::len), Some(2));
    assert_eq!(c1["sources"][1]["url"], "https://example.org/b");
    for k in [
        "id", "article", "start", "end", "quote", "status", "speaker", "sources", "note",
        "created", "updated",
    ] {
        assert!(c1.get(k).is_some(), "{k} missing");
    }
    let c2 = claims
        .iter()
        .find(|c| c["id"] == id2.trim())
        .expect("claim 2");
    let expect: String = body[cjk..cjk + 3].iter().collect();
    assert_eq!(c2["quote"], expect.as_str());
    assert_eq!(expect, "北朝鮮");
    assert_eq!(c2["status"], "unreviewed");
    ok(&["check", f.p()]);
}

#[test]
fn claim_set_rm_and_filters() {
    let f = Fixture::new();
    let art = f.with_article();
    let id = ok(&[
        "claim",
        "add",
        f.p(),
        "--article",
        &art,
        "--quote",
        "It is a rumour",
    ]);
    let id = id.trim();
    ok(&[
        "claim",
        "set",
        f.p(),
        id,
        "--status",
        "denied",
        "--speaker",
        "Kwon Jong Gun",
    ]);
    let other = ok(&[
        "claim",
        "add",
        f.p(),
        "--article",
        &art,
        "--quote",
        "Wagner",
        "--status",
        "sourced",
    ]);
    assert_eq!(f.claims_json(&["--status", "denied"]).len(), 1);
    assert_eq!(f.claims_json(&["--status", "sourced"]).len(), 1);
    assert_eq!(f.claims_json(&["--article", &art]).len(), 2);
    let c = &f.claims_json(&["--status", "denied"])[0];
    assert_eq!(c["speaker"], "Kwon Jong Gun");
    assert_ne!(c["created"], serde_json::Value::Null);
    let plain = ok(&["claims", f.p()]);
    assert!(
        plain.contains(&format!("{id}\tdenied\tKwon Jong Gun\tIt is a rumour")),
        "{plain}"
    );
    ok(&["claim", "rm", f.p(), other.trim()]);
    assert_eq!(f.claims_json(&[]).len(), 1);
    let err = fails(1, &["claim", "set", f.p(), id]);
    assert!(err.contains("nothing to set"), "{err}");
}

#[test]
fn unknown_ids_missing_quotes_and_bad_values_fail_without_writing() {
    let f = Fixture::new();
    let art = f.with_article();
    let before = std::fs::read(&f.project).expect("read");
    let err = fails(
        1,
        &[
            "claim",
            "add",
            f.p(),
            "--article",
            "a-nope",
            "--quote",
            "Wagner",
        ],
    );
    assert!(err.contains("no article with id 'a-nope'"), "{err}");
    let err = fails(
        1,
        &["claim", "add", f.p(), "--article", &art, "--quote", "tanks"],
    );
    assert!(err.contains("'tanks' occurs 0 time(s)"), "{err}");
    let err = fails(
        1,
        &[
            "claim",
            "add",
            f.p(),
            "--article",
            &art,
            "--quote",
            "Wagner",
            "--nth",
            "2",
        ],
    );
    assert!(err.contains("occurs 1 time(s)"), "{err}");
    let err = fails(
        1,
        &[
            "claim",
            "add",
            f.p(),
            "--article",
            &art,
            "--range",
            "10..9999",
        ],
    );
    assert!(err.contains("outside the article"), "{err}");
    let err = fails(
        1,
        &["claim", "set", f.p(), "c-unknown", "--status", "sourced"],
    );
    assert!(err.contains("no claim with id 'c-unknown'"), "{err}");
    fails(1, &["claim", "rm", f.p(), "c-unknown"]);
    let err = fails(
        2,
        &[
            "claim",
            "add",
            f.p(),
            "--article",
            &art,
            "--quote",
            "x",
            "--status",
            "maybe",
        ],
    );
    assert!(err.contains("maybe"), "{err}");
    fails(2, &["claim", "add", f.p(), "--article", &art]);
    fails(
        2,
        &["claim", "add", f.p(), "--article", &art, "--range", "5-9"],
    );
    fails(2, &["frobnicate"]);
    assert_eq!(
        std::fs::read(&f.project).expect("read"),
        before,
        "file untouched"
    );
}

#[test]
fn broken_project_files_are_reported_with_position() {
    let f = Fixture::new();
    let art = f.with_article();
    ok(&[
        "claim",
        "add",
        f.p(),
        "--article",
        &art,
        "--quote",
        "Wagner",
    ]);
    let good = std::fs::read_to_string(&f.project).expect("read");

    // Truncated.
    let cut = good.len() / 2;
    let cut = (0..=cut)
        .rev()
        .find(|i| good.is_char_boundary(*i))
        .unwrap_or(0);
    std::fs::write(&f.project, &good[..cut]).expect("write");
    let err = fails(1, &["claims", f.p()]);
    assert!(err.contains(&format!("{}:", f.p())), "{err}");
    let err = fails(
        1,
        &["claim", "add", f.p(), "--article", &art, "--quote", "Seoul"],
    );
    assert!(err.contains("p.ron:"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&f.project).expect("read"),
        &good[..cut],
        "not overwritten"
    );

    // Malformed: a status that does not exist, on a known line.
    let bad = good.replacen("status: unreviewed", "status: maybe", 1);
    std::fs::write(&f.project, &bad).expect("write");
    let line = bad
        .lines()
        .position(|l| l.contains("status: maybe"))
        .expect("line")
        + 1;
    let err = fails(1, &["check", f.p()]);
    assert!(err.contains(&format!("p.ron:{line}:")), "{err}");

    // Missing file.
    let missing = f.dir().join("missing.ron");
    let err = fails(1, &["claims", missing.to_str().expect("path")]);
    assert!(err.contains("missing.ron: cannot read"), "{err}");
}

#[test]
fn check_lists_problems_and_exits_1() {
    let f = Fixture::new();
    let art = f.with_article();
    ok(&[
        "claim",
        "add",
        f.p(),
        "--article",
        &art,
        "--quote",
        "Wagner",
    ]);
    let out = ok(&["check", f.p()]);
    assert!(out.contains("ok: 1 articles, 1 claims"), "{out}");
    let good = std::fs::read_to_string(&f.project).expect("read");
    let bad = good.replacen("quote: \"Wagner\"", "quote: \"Moscow\"", 1);
    assert_ne!(good, bad);
    std::fs::write(&f.project, &bad).expect("write");
    let o = run(&["check", f.p()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("does not match the article text"),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("1 problem(s) found"), "{}", stderr(&o));
}

#[test]
fn sample_project_is_valid_and_rich() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.ron");
    let sample = sample.to_str().expect("path");
    ok(&["check", sample]);
    let claims: Vec<serde_json::Value> =
        serde_json::from_str(&ok(&["claims", sample, "--json"])).expect("json");
    assert!(claims.len() >= 8, "{}", claims.len());
    for st in ["sourced", "disputed", "denied"] {
        assert!(claims.iter().any(|c| c["status"] == st), "no {st} claim");
    }
    assert!(
        claims.iter().all(|c| c["speaker"] != ""),
        "every sample claim has a speaker"
    );
    assert!(
        claims
            .iter()
            .any(|c| !c["sources"].as_array().is_none_or(Vec::is_empty))
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("long.txt");
    // Far more output than a pipe buffers, so the writer meets the closed pipe.
    let text = "The ministry denied the report. Officials said it was false.\n\n".repeat(20_000);
    std::fs::write(&file, text).expect("write");
    let mut child = support::bin()
        .args(["sentences", file.to_str().expect("utf-8 path")])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    let mut out = child.stdout.take().expect("stdout");
    std::io::Read::read_exact(&mut out, &mut first).expect("some output");
    drop(out);
    let o = child.wait_with_output().expect("wait");
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "stderr: {err}");
    assert_eq!(o.status.code(), Some(0), "stderr: {err}");
}
