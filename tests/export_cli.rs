//! `factdesk export` and `factdesk claims import`, driven as a script would drive them.

use std::path::{Path, PathBuf};

const FIXTURE: &str = "tests/fixtures/export/desk.ron";
const ARTICLE: &str = "a-wwn2a76jj9h4";

#[path = "support/cli.rs"]
mod support;
use support::{fails, ok, ok_output};

/// A private copy of the fixture project.
struct Copy {
    dir: tempfile::TempDir,
    project: PathBuf,
}

impl Copy {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let project = dir.path().join("desk.ron");
        std::fs::copy(FIXTURE, &project).expect("copy fixture");
        Copy { dir, project }
    }

    fn p(&self) -> &str {
        self.project.to_str().expect("utf-8 path")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn every_format_goes_to_stdout() {
    for f in [
        "csv",
        "json",
        "jsonl",
        "claimreview",
        "webanno",
        "markdown",
        "html",
    ] {
        let text = ok(&["export", FIXTURE, "--format", f]);
        assert!(!text.is_empty(), "{f}");
        if matches!(f, "json" | "claimreview" | "webanno") {
            serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{f}: {e}"));
        }
    }
    let html = ok(&["export", FIXTURE, "--format", "html"]);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
}

#[test]
fn filters_select_claims() {
    let lines = |extra: &[&str]| {
        let mut args = vec!["export", FIXTURE, "--format", "jsonl"];
        args.extend_from_slice(extra);
        ok(&args).lines().count()
    };
    assert_eq!(lines(&[]), 4, "reviewed by default");
    assert_eq!(lines(&["--all"]), 5);
    assert_eq!(lines(&["--status", "sourced"]), 2);
    assert_eq!(lines(&["--status", "sourced", "--status", "unreviewed"]), 3);
    assert_eq!(lines(&["--article", ARTICLE]), 4);
    assert_eq!(lines(&["--article", "a-wwn", "--status", "denied"]), 1);
}

#[test]
fn output_file_is_written_and_bom_is_optional() {
    let c = Copy::new();
    let target = c.path("claims.csv");
    let o = ok_output(&[
        "export",
        c.p(),
        "--format",
        "csv",
        "--bom",
        "-o",
        s(&target),
    ]);
    assert!(o.stdout.is_empty(), "nothing on stdout with -o");
    assert!(String::from_utf8_lossy(&o.stderr).contains("exported 4 claim(s)"));
    let bytes = std::fs::read(&target).expect("written");
    assert!(bytes.starts_with(b"\xEF\xBB\xBFid,article_title,"));
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>().expect("csv");
    assert_eq!(rows.len(), 4);
    assert!(
        rows.iter()
            .any(|r| &r[3] == "'=SUM(A1)" && &r[5] == "'@prankster")
    );
    assert!(rows.iter().any(|r| &r[7] == "'-5 points"));
    // Overwriting replaces the file; no temp files stay behind.
    ok_output(&["export", c.p(), "--format", "json", "--output", s(&target)]);
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .starts_with('{')
    );
    let names = std::fs::read_dir(c.dir.path()).expect("list").count();
    assert_eq!(names, 2);
}

#[test]
fn claimreview_warns_on_stderr() {
    let c = Copy::new();
    let text = std::fs::read_to_string(&c.project).expect("read");
    let stripped = text.replace("    reviewer_org: \"Example Fact Desk\",\n", "");
    std::fs::write(&c.project, stripped).expect("write");
    let o = ok_output(&["export", c.p(), "--format", "claimreview", "--all"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("warning: no reviewer organisation"), "{err}");
    assert!(err.contains("1 unreviewed claim(s) left out"), "{err}");
}

#[test]
fn bad_input_gives_exit_codes() {
    let c = Copy::new();
    let e = fails(2, &["export", FIXTURE, "--format", "xlsx"]);
    assert!(e.contains("xlsx"), "{e}");
    fails(2, &["export", FIXTURE]);
    fails(
        2,
        &["export", FIXTURE, "--format", "csv", "--status", "maybe"],
    );
    let e = fails(1, &["export", "missing.ron", "--format", "csv"]);
    assert!(e.contains("missing.ron"), "{e}");
    let e = fails(
        1,
        &["export", FIXTURE, "--format", "csv", "--article", "a-nope"],
    );
    assert!(e.contains("a-nope"), "{e}");
    let nowhere = c.path("no/such/dir/out.csv");
    let e = fails(
        1,
        &["export", FIXTURE, "--format", "csv", "-o", s(&nowhere)],
    );
    assert!(e.contains("out.csv"), "{e}");
    assert!(!nowhere.exists());
}

#[test]
fn claims_listing_still_works() {
    let listed = ok(&["claims", FIXTURE]);
    assert_eq!(listed.lines().count(), 5);
    let v: serde_json::Value =
        serde_json::from_str(&ok(&["claims", FIXTURE, "--status", "denied", "--json"]))
            .expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert_eq!(
        ok(&["claims", FIXTURE, "--article", ARTICLE])
            .lines()
            .count(),
        5
    );
    fails(2, &["claims"]);
}

#[test]
fn jsonl_export_imports_into_a_fresh_copy() {
    let c = Copy::new();
    let jsonl = c.path("claims.jsonl");
    ok_output(&[
        "export",
        c.p(),
        "--format",
        "jsonl",
        "--all",
        "-o",
        s(&jsonl),
    ]);
    let before = ok(&["claims", c.p(), "--json"]);
    // A fresh copy: same article, no claims.
    for line in ok(&["claims", c.p()]).lines() {
        let id = line.split('\t').next().expect("id");
        ok_output(&["claim", "rm", c.p(), id]);
    }
    assert_eq!(ok(&["claims", c.p()]), "");
    let dry = ok(&["claims", "import", c.p(), s(&jsonl), "--dry-run"]);
    assert!(dry.contains("would add 5 claim(s)"), "{dry}");
    assert_eq!(ok(&["claims", c.p()]), "", "dry run writes nothing");
    let done = ok(&["claims", "import", c.p(), s(&jsonl)]);
    assert!(done.contains("added 5 claim(s), updated 0"), "{done}");
    assert_eq!(ok(&["claims", c.p(), "--json"]), before);
    ok_output(&["check", c.p()]);
}

#[test]
fn import_by_quote_and_bad_lines() {
    let c = Copy::new();
    let good = c.path("good.jsonl");
    std::fs::write(
        &good,
        format!(
            "{{\"article\":\"{ARTICLE}\",\"quote\":\"prankster\",\"status\":\"disputed\",\"sources\":[\"https://x.example\"]}}\n\
             {{\"article\":\"{ARTICLE}\",\"start\":0,\"end\":5,\"speaker\":\"Wire\"}}\n"
        ),
    )
    .expect("write");
    assert!(ok(&["claims", "import", c.p(), s(&good)]).contains("added 2"));
    let listed = ok(&["claims", c.p(), "--status", "disputed"]);
    assert!(listed.contains("prankster"), "{listed}");
    let before = std::fs::read(&c.project).expect("read");
    let bad = c.path("bad.jsonl");
    std::fs::write(
        &bad,
        format!(
            "{{\"article\":\"{ARTICLE}\",\"quote\":\"KCNA\"}}\n{{broken\n{{\"article\":\"{ARTICLE}\",\"quote\":\"not in the text\"}}\n"
        ),
    )
    .expect("write");
    let e = fails(1, &["claims", "import", c.p(), s(&bad)]);
    assert!(e.contains("2 bad line(s), nothing imported"), "{e}");
    assert!(
        e.contains("bad.jsonl:line 2:") || e.contains("bad.jsonl:2:"),
        "{e}"
    );
    assert!(e.contains(":3:") || e.contains("line 3"), "{e}");
    assert_eq!(
        std::fs::read(&c.project).expect("read"),
        before,
        "all or nothing"
    );
    fails(1, &["claims", "import", c.p(), s(&c.path("missing.jsonl"))]);
    fails(2, &["claims", "import", c.p()]);
}

#[test]
fn import_reads_stdin() {
    let c = Copy::new();
    let line =
        format!("{{\"article\":\"{ARTICLE}\",\"quote\":\"ends, here\",\"note\":\"via stdin\"}}\n");
    let o = support::run_with_input(&["claims", "import", c.p(), "-"], Some(&line));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("added 1 claim(s)"));
    assert!(ok(&["claims", c.p(), "--status", "unreviewed"]).contains("ends, here"));
}

#[test]
fn jsonl_round_trips_every_field() {
    use factdesk::core::model::{RatingScale, SignOff, Source, StatusChange};
    use factdesk::core::store;
    use factdesk::core::time::Timestamp;
    let c = Copy::new();
    // Everything an analyst can record, on every claim.
    let mut p = store::load(&c.project).expect("load");
    p.settings.rating_scale = Some(RatingScale::preset("six-level").expect("preset"));
    for (i, claim) in p.claims.iter_mut().enumerate() {
        claim.creator = format!("Analyst {i}");
        claim.verdict = ["False", "Half true", "True"][i % 3].into();
        claim.summary = format!("Summary {i}");
        claim.review_url = format!("https://factdesk.example/reviews/{i}");
        claim.sources = vec![
            Source {
                url: format!("https://source.example/{i}"),
                title: format!("Title {i} “quoted”"),
                note: format!("note {i}\nsecond line"),
                ..Default::default()
            },
            Source::from_url("https://plain.example"),
        ];
        claim.history = vec![StatusChange {
            by: "Ana".into(),
            at: Timestamp("2026-11-30T10:00:00Z".into()),
            from: factdesk::core::model::Status::Unreviewed,
            to: claim.status,
        }];
        claim.reviewed = (i % 2 == 0).then(|| SignOff {
            by: "Eve".into(),
            at: Timestamp("2026-12-01T09:30:00Z".into()),
        });
    }
    store::save(&c.project, &p).expect("save");
    let jsonl = c.path("all.jsonl");
    ok_output(&[
        "export",
        c.p(),
        "--format",
        "jsonl",
        "--all",
        "-o",
        s(&jsonl),
    ]);
    for line in ok(&["claims", c.p()]).lines() {
        let id = line.split('\t').next().expect("id");
        ok_output(&["claim", "rm", c.p(), id]);
    }
    assert!(store::load(&c.project).expect("load").claims.is_empty());
    let done = ok(&["claims", "import", c.p(), s(&jsonl)]);
    assert!(
        done.contains(&format!("added {} claim(s)", p.claims.len())),
        "{done}"
    );
    let back = store::load(&c.project).expect("load");
    assert_eq!(back.claims.len(), p.claims.len());
    for (a, b) in p.claims.iter().zip(&back.claims) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.article, b.article);
        assert_eq!(a.anchor, b.anchor, "{}", a.id);
        assert_eq!(a.status, b.status, "{}", a.id);
        assert_eq!(a.speaker, b.speaker, "{}", a.id);
        assert_eq!(a.sources, b.sources, "{}", a.id);
        assert_eq!(a.note, b.note, "{}", a.id);
        assert_eq!(a.creator, b.creator, "{}", a.id);
        assert_eq!(a.created, b.created, "{}", a.id);
        assert_eq!(a.updated, b.updated, "{}", a.id);
        assert_eq!(a.reviewed, b.reviewed, "{}", a.id);
        assert_eq!(a.history, b.history, "{}", a.id);
        assert_eq!(a.verdict, b.verdict, "{}", a.id);
        assert_eq!(a.summary, b.summary, "{}", a.id);
        assert_eq!(a.review_url, b.review_url, "{}", a.id);
        assert_eq!(a, b, "nothing else differs");
    }
}

#[test]
fn scale_verdicts_and_the_publication_check_from_the_command_line() {
    let c = Copy::new();
    let none = ok(&["scale", c.p()]);
    assert!(none.starts_with("no rating scale"), "{none}");
    let id = ok(&["claims", c.p(), "--status", "denied"])
        .split('\t')
        .next()
        .expect("id")
        .to_string();
    let e = fails(1, &["claim", "set", c.p(), &id, "--verdict", "False"]);
    assert!(e.contains("no rating scale"), "{e}");
    let six = ok(&["scale", c.p(), "--preset", "six-level"]);
    assert!(six.starts_with("six-level\n1\tPants on fire\n"), "{six}");
    let e = fails(1, &["claim", "set", c.p(), &id, "--verdict", "Maybe"]);
    assert!(
        e.contains("not a level") && e.contains("Mostly true"),
        "{e}"
    );
    ok_output(&[
        "claim",
        "set",
        c.p(),
        &id,
        "--verdict",
        "mostly FALSE",
        "--summary",
        "North Korea sent no arms",
        "--review-url",
        "https://factdesk.example/r/1",
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["claims", c.p(), "--json"])).expect("json");
    let row = json
        .as_array()
        .and_then(|a| a.iter().find(|r| r["id"] == id.as_str()))
        .expect("row");
    assert_eq!(
        row["verdict"], "Mostly false",
        "stored in the scale's spelling"
    );
    assert_eq!(row["summary"], "North Korea sent no arms");
    assert_eq!(row["review_url"], "https://factdesk.example/r/1");
    assert_eq!(row["status"], "denied", "the status is unchanged");
    // Changing the scale away from a level in use needs --force; the verdict text is kept.
    let e = fails(1, &["scale", c.p(), "--levels", "Wrong, Right"]);
    assert!(e.contains("Mostly false") && e.contains("--force"), "{e}");
    fails(1, &["scale", c.p(), "--none"]);
    let custom = ok(&["scale", c.p(), "--levels", "Wrong, Right", "--force"]);
    assert!(custom.contains("1\tWrong\n2\tRight"), "{custom}");
    // The publication check lists what is missing; --strict fails on a required one.
    let check = ok(&["export", c.p(), "--format", "claimreview", "--check"]);
    assert!(
        check.lines().any(|l| l.contains("\trequired\turl\t")),
        "{check}"
    );
    assert!(!check.contains(&format!("{id}\trequired\turl")), "{check}");
    let e = fails(1, &["export", c.p(), "--format", "claimreview", "--strict"]);
    assert!(e.contains("required ClaimReview field"), "{e}");
    fails(1, &["export", c.p(), "--format", "csv", "--check"]);
}

#[test]
fn csv_and_json_from_the_command_line_carry_the_review_and_who_exported() {
    use factdesk::core::store;
    let c = Copy::new();
    // The outlet and date as an import would have recorded them.
    let mut p = store::load(&c.project).expect("load");
    p.articles[0].meta.source = "AFP".into();
    p.articles[0].meta.published = "2023-01-30T06:40".into();
    store::save(&c.project, &p).expect("save");
    let id = ok(&["claims", c.p(), "--status", "denied"])
        .split('\t')
        .next()
        .expect("id")
        .to_string();
    ok_output(&["scale", c.p(), "--preset", "six-level"]);
    ok_output(&[
        "claim",
        "set",
        c.p(),
        &id,
        "--verdict",
        "Mostly false",
        "--summary",
        "North Korea sent no arms",
        "--review-url",
        "https://factdesk.example/r/1",
    ]);
    ok_output(&["--analyst", "Eve Editor", "sign-off", c.p(), &id]);
    let csv_text = ok(&[
        "export",
        c.p(),
        "--format",
        "csv",
        "--analyst",
        "Ana Analyst",
    ]);
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = r.headers().expect("header").clone();
    let rows: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), 4);
    let cell = |row: &csv::StringRecord, name: &str| -> String {
        let i = headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"));
        row[i].to_string()
    };
    let row = rows
        .iter()
        .find(|r| cell(r, "id") == id)
        .expect("the denied claim's row");
    assert_eq!(cell(row, "verdict"), "Mostly false");
    assert_eq!(cell(row, "summary"), "North Korea sent no arms");
    assert_eq!(cell(row, "review_url"), "https://factdesk.example/r/1");
    assert_eq!(cell(row, "article_source"), "AFP");
    assert_eq!(cell(row, "article_published"), "2023-01-30T06:40");
    assert_eq!(cell(row, "reviewed_by"), "Eve Editor");
    for row in &rows {
        assert_eq!(cell(row, "exported_by"), "Ana Analyst");
        assert!(cell(row, "exported_at").starts_with("20"));
        if cell(row, "id") != id {
            assert_eq!(
                (cell(row, "verdict"), cell(row, "reviewed_by")),
                (String::new(), String::new())
            );
        }
    }
    // The JSON export names the scale and who exported it.
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "export",
        c.p(),
        "--format",
        "json",
        "--analyst",
        "Ana Analyst",
    ]))
    .expect("json");
    assert_eq!(json["exported_by"], "Ana Analyst");
    assert_eq!(json["factdesk_version"], env!("CARGO_PKG_VERSION"));
    assert!(
        json["exported_at"]
            .as_str()
            .is_some_and(|t| t.starts_with("20"))
    );
    assert_eq!(json["rating_scale"]["name"], "six-level");
    assert_eq!(json["rating_scale"]["levels"][2]["name"], "Mostly false");
    assert_eq!(json["rating_scale"]["levels"][2]["value"], 3);
}

#[test]
fn the_scale_is_cleared_with_force_and_keeps_the_verdict_text() {
    let c = Copy::new();
    let id = ok(&["claims", c.p(), "--status", "denied"])
        .split('\t')
        .next()
        .expect("id")
        .to_string();
    ok_output(&["scale", c.p(), "--preset", "conclusions"]);
    ok_output(&["claim", "set", c.p(), &id, "--verdict", "Misleading"]);
    let e = fails(1, &["scale", c.p(), "--none"]);
    assert!(e.contains("Misleading") && e.contains("--force"), "{e}");
    assert!(
        ok(&["scale", c.p()]).starts_with("conclusions\n"),
        "refused: unchanged"
    );
    let cleared = ok(&["scale", c.p(), "--none", "--force"]);
    assert!(cleared.starts_with("no rating scale"), "{cleared}");
    assert!(ok(&["scale", c.p()]).starts_with("no rating scale"));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["claims", c.p(), "--json"])).expect("json");
    let row = json
        .as_array()
        .and_then(|a| a.iter().find(|r| r["id"] == id.as_str()))
        .expect("row");
    assert_eq!(row["verdict"], "Misleading", "the verdict text is kept");
    assert_eq!(row["status"], "denied");
    // The publication check flags the verdict left on no scale.
    let check = ok(&["export", c.p(), "--format", "claimreview", "--check"]);
    assert!(
        check.lines().any(|l| l.starts_with(&format!(
            "{id}\trecommended\treviewRating\tthe verdict 'Misleading' is on no scale"
        ))),
        "{check}"
    );
    // Nothing in use: --none needs no --force.
    let fresh = Copy::new();
    ok_output(&["scale", fresh.p(), "--preset", "platform"]);
    assert!(ok(&["scale", fresh.p(), "--none"]).starts_with("no rating scale"));
}

#[test]
fn a_custom_scale_with_chosen_numbers_or_none() {
    let c = Copy::new();
    // The plain form as always: rated 1..N.
    let plain = ok(&["scale", c.p(), "--levels", "False, Mixed, True"]);
    assert_eq!(plain, "custom\n1\tFalse\n2\tMixed\n3\tTrue\n");
    // Chosen numbers.
    let chosen = ok(&["scale", c.p(), "--levels", "False=0,Mixed=5,True=10"]);
    assert_eq!(chosen, "custom\n0\tFalse\n5\tMixed\n10\tTrue\n");
    let id = ok(&["claims", c.p(), "--status", "denied"])
        .split('\t')
        .next()
        .expect("id")
        .to_string();
    ok_output(&["claim", "set", c.p(), &id, "--verdict", "mixed"]);
    let reviews: serde_json::Value =
        serde_json::from_str(&ok(&["export", c.p(), "--format", "claimreview"])).expect("json");
    let rating = reviews
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|r| r["reviewRating"]["alternateName"] == "Mixed")
        })
        .map(|r| r["reviewRating"].clone())
        .expect("the verdict's rating");
    assert_eq!(
        (
            rating["ratingValue"].clone(),
            rating["bestRating"].clone(),
            rating["worstRating"].clone()
        ),
        (5.into(), 10.into(), 0.into())
    );
    // No numbers at all: a textual scale, names only in ClaimReview.
    let textual = ok(&[
        "scale",
        c.p(),
        "--levels",
        "False,Mixed,True",
        "--no-numbers",
        "--force",
    ]);
    assert_eq!(textual, "custom\n-\tFalse\n-\tMixed\n-\tTrue\n");
    let reviews: serde_json::Value =
        serde_json::from_str(&ok(&["export", c.p(), "--format", "claimreview"])).expect("json");
    let rating = reviews
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|r| r["reviewRating"]["alternateName"] == "Mixed")
        })
        .map(|r| r["reviewRating"].clone())
        .expect("the verdict's rating");
    assert!(rating.get("ratingValue").is_none(), "{rating}");
    // Some numbered, some not.
    let mixed = ok(&["scale", c.p(), "--levels", "False=1,Mixed,True=3"]);
    assert_eq!(mixed, "custom\n1\tFalse\n-\tMixed\n3\tTrue\n");
    // Bad numbers change nothing.
    for bad in ["False=3,True=1", "False=one,True=2"] {
        let e = fails(1, &["scale", c.p(), "--levels", bad]);
        assert!(e.contains("False"), "{e}");
    }
    fails(
        1,
        &["scale", c.p(), "--levels", "False=1,True=2", "--no-numbers"],
    );
    fails(2, &["scale", c.p(), "--no-numbers"]);
    assert_eq!(ok(&["scale", c.p()]), mixed);
}
