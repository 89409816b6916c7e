//! Hostile and old project files: malformed input never panics and names file and line:col, newer
//! versions are refused, unknown fields warn, the v1 fixture loads forever, `check --repair` fixes.

use factdesk::core::model::Project;
use factdesk::core::store;
use std::path::Path;

const V1: &str = "tests/fixtures/format/v1.ron";
const V2: &str = "tests/fixtures/format/v2.ron";

#[path = "support/cli.rs"]
mod support;
use support::run as factdesk;

#[test]
fn v1_fixture_loads_and_checks_clean() {
    let p = store::load(Path::new(V1)).expect("v1 fixture must always load");
    assert!(p.claims.len() >= 8);
    assert!(store::check(&p).is_empty());
    let parsed = store::parse_bytes(&std::fs::read(V1).expect("read"), Path::new(V1)).expect("ok");
    assert_eq!(parsed.read_version, 1);
    assert!(parsed.unknown_fields.is_empty());
}

#[test]
fn v2_fixture_keeps_its_verdicts_and_v1_reads_as_without() {
    let parsed = store::parse_bytes(&std::fs::read(V2).expect("read"), Path::new(V2)).expect("v2");
    assert_eq!(parsed.read_version, 2);
    assert!(parsed.unknown_fields.is_empty());
    let p = parsed.project;
    let scale = p.settings.rating_scale.as_ref().expect("scale");
    assert_eq!(scale.name, "six-level");
    let checked: Vec<_> = p.claims.iter().filter(|c| !c.verdict.is_empty()).collect();
    assert_eq!(checked.len(), 1);
    assert_eq!(checked[0].verdict, "Mostly false");
    assert_eq!(checked[0].summary, "North Korea sent no arms to Wagner");
    assert_eq!(
        checked[0].review_url,
        "https://factdesk.example/reviews/arms"
    );
    assert!(store::check(&p).is_empty());
    // Captures of a source (kept as evidence), a successful one and a failed one.
    let caps = &p
        .claims
        .iter()
        .find(|c| c.sources.iter().any(|s| !s.captures.is_empty()))
        .expect("captured source")
        .sources[0]
        .captures;
    assert_eq!(caps.len(), 2);
    assert!(caps[0].is_captured());
    assert_eq!(caps[0].status, 200);
    assert_eq!(caps[0].file, "20261203T184512Z-g1vkdn7tyjan.warc.gz");
    assert_eq!(caps[1].state, factdesk::core::model::CaptureState::Failed);
    assert!(caps[1].error.contains("no answer"));
    // Written back exactly as read.
    let again = store::to_ron_string(&p).expect("ron");
    assert!(again.contains("          captures: [\n            (\n              time: \"2026-12-03T18:45:12Z\",\n              state: captured,"), "{again}");
    assert!(!again.contains("archive_url"));
    // Version 1 had no verdicts: it loads unchanged, with none, and saves as version 2.
    let v1 = store::load(Path::new(V1)).expect("v1");
    assert!(v1.settings.rating_scale.is_none());
    assert!(
        v1.claims
            .iter()
            .all(|c| c.verdict.is_empty() && c.summary.is_empty())
    );
    let text = store::to_ron_string(&v1).expect("ron");
    assert!(text.starts_with("(\n  format_version: 2,"), "{text}");
    assert!(!text.contains("verdict") && !text.contains("rating_scale"));
}

fn expect_parse_error(bytes: &[u8]) -> String {
    let err = store::parse_bytes(bytes, Path::new("bad.ron")).expect_err("must fail");
    let msg = err.to_string();
    assert!(msg.starts_with("bad.ron:"), "{msg}");
    msg
}

#[test]
fn malformed_inputs_fail_with_position_never_panic() {
    let good = std::fs::read(V1).expect("read");
    // Truncated at many points (on char boundaries or not).
    for cut in (0..good.len()).step_by(97) {
        let _ = store::parse_bytes(&good[..cut], Path::new("bad.ron"));
    }
    expect_parse_error(&good[..good.len() / 2]);
    // Random damage: flip bytes at pseudo-random places.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..300 {
        let mut damaged = good.clone();
        for _ in 0..4 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = (seed as usize) % damaged.len();
            damaged[at] = (seed >> 32) as u8;
        }
        let _ = store::parse_bytes(&damaged, Path::new("bad.ron"));
    }
    // Invalid UTF-8 reports where it is.
    let msg = expect_parse_error(b"(\n  format_version: 1,\n  title: \"ab\xc3\x28\",\n)");
    assert!(
        msg.contains("bad.ron:3:13: the file is not valid UTF-8"),
        "{msg}"
    );
    // Deep nesting is bounded, not a stack overflow.
    let deep = format!(
        "(format_version: 1, extra: {}{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let msg = expect_parse_error(deep.as_bytes());
    // Said in the user's terms, with the one limit the docs state; no library internals.
    assert!(
        msg.contains(&format!("nested more than {} deep", store::MAX_NESTING)),
        "{msg}"
    );
    assert!(
        !msg.contains("recursion_limit") && !msg.contains("ron::"),
        "{msg}"
    );
    let docs = std::fs::read_to_string("docs/FORMAT.md").expect("docs");
    assert!(
        docs.contains(&format!("nested more than {} deep", store::MAX_NESTING)),
        "docs/FORMAT.md states the nesting limit"
    );
    let deep_open = "(".repeat(1_000_000);
    expect_parse_error(deep_open.as_bytes());
    // A giant string parses (it is data, not an attack) and keeps its length.
    let giant = "é".repeat(2_000_000);
    let text = format!("(format_version: 1, title: \"{giant}\")");
    let p = store::parse_bytes(text.as_bytes(), Path::new("big.ron")).expect("giant title");
    assert_eq!(p.project.title.chars().count(), 2_000_000);
    expect_parse_error(b"");
    expect_parse_error(b"\xef\xbb\xbf");
    // A byte order mark before a good file (Windows editors add one) is no error.
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(&good);
    let p = store::parse_bytes(&with_bom, Path::new("bom.ron")).expect("BOM accepted");
    assert_eq!(
        p.project,
        store::parse_bytes(&good, Path::new("good.ron"))
            .expect("good")
            .project
    );
    expect_parse_error(b"(format_version: 1) trailing");
}

#[test]
fn newer_and_bogus_versions_are_refused() {
    let msg = store::from_ron_str(
        "(format_version: 3, title: \"x\", extra: (a: 1))",
        Path::new("n.ron"),
    )
    .expect_err("newer")
    .to_string();
    assert!(msg.contains("n.ron: made by a newer factdesk"), "{msg}");
    let msg = store::from_ron_str("(format_version: 0)", Path::new("z.ron"))
        .expect_err("zero")
        .to_string();
    assert!(msg.contains("not a factdesk project version"), "{msg}");
}

#[test]
fn unknown_fields_warn_but_load() {
    let text = std::fs::read_to_string(V1).expect("read");
    let text = text.replacen("  title:", "  colour: \"blue\",\n  title:", 1);
    let text = text.replacen("status:", "confidence: 0.9,\n      status:", 1);
    let parsed = store::parse(&text, Path::new("u.ron")).expect("loads");
    assert_eq!(
        parsed.unknown_fields.len(),
        2,
        "{:?}",
        parsed.unknown_fields
    );
    assert!(parsed.unknown_fields.iter().any(|f| f == "colour"));
    assert!(
        parsed
            .unknown_fields
            .iter()
            .any(|f| f.contains("confidence"))
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("u.ron");
    std::fs::write(&path, &text).expect("write");
    let out = factdesk(&["check", path.to_str().unwrap_or_default()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown field colour ignored"), "{err}");
}

#[test]
fn check_reports_then_repair_reanchors_and_flags_orphans() {
    let mut p: Project = store::load(Path::new(V1)).expect("load");
    let n = p.claims.len();
    // Shift one claim's offsets, break another's quote, duplicate an id.
    p.claims[0].anchor.start += 3;
    p.claims[0].anchor.end += 3;
    p.claims[1].anchor.quote = "words that are nowhere in the article".into();
    p.claims[1].anchor.start = 1_000_000;
    p.claims[1].anchor.end = 1_000_010;
    let dup = p.claims[2].id.clone();
    p.claims[3].id = dup;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.ron");
    store::save(&path, &p).expect("save");
    let before = std::fs::read(&path).expect("read");
    let arg = path.to_str().unwrap_or_default();

    let out = factdesk(&["check", arg]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("does not match"), "{text}");
    assert!(text.contains("outside its article"), "{text}");
    assert!(text.contains("used more than once"), "{text}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "check alone never writes"
    );

    let out = factdesk(&["check", "--repair", arg]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("re-anchored"), "{text}");
    assert!(text.contains("flagged orphaned"), "{text}");
    assert!(text.contains("1 orphaned claim"), "{text}");
    assert_eq!(
        std::fs::read(store::backup_path(&path)).expect("bak"),
        before
    );
    let fixed = store::load(&path).expect("load repaired");
    assert_eq!(fixed.claims.len(), n, "no claim dropped");
    assert_eq!(fixed.claims.iter().filter(|c| c.orphaned).count(), 1);
    assert!(store::check(&fixed).is_empty());
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("orphaned: true")
    );
}

#[test]
fn read_only_folder_gives_clear_error_and_leaves_file() {
    use factdesk::core::session::Session;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.ron");
    store::save(&path, &Project::new("before")).expect("save");
    let before = std::fs::read(&path).expect("read");
    let mut session = Session::open(&path).expect("open");
    let article = factdesk::core::model::Article::new(Default::default(), "Körper 🚀");
    session
        .edit(factdesk::core::action::Action::AddArticle {
            article: Box::new(article),
        })
        .expect("edit");
    assert!(session.is_dirty());
    let mut perms = std::fs::metadata(dir.path()).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(dir.path(), perms.clone()).expect("chmod");
    // Root ignores folder permissions (CI runs as root): there the save must fail another way,
    // on a backup slot that is not a file, so the same guarantees are checked everywhere.
    let root = std::fs::write(dir.path().join("probe"), "x").is_ok();
    let obstacle = root.then(|| store::backup_path(&path));
    if let Some(bak) = &obstacle {
        std::fs::remove_file(dir.path().join("probe")).expect("remove probe");
        std::fs::create_dir_all(bak.join("inside")).expect("obstacle");
    }
    let result = session.save();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(dir.path(), perms).expect("chmod back");
    let msg = result.expect_err("the save must fail").to_string();
    assert!(msg.contains("p.ron"), "the error names the file: {msg}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file untouched"
    );
    // A failed save never marks the session saved, so it stays dirty.
    assert!(session.is_dirty());
    assert!(!session.changed_on_disk());
    if let Some(bak) = obstacle {
        assert!(
            bak.join("inside").is_dir(),
            "the obstacle is left as it was"
        );
    }
}
