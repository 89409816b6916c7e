//! Must-pass import fixtures: encodings, Markdown, a small web page, binary and empty files, and the
//! `extract` / `import` commands on them.

use factdesk::core::import::{self, Format, MAX_IMPORT_BYTES};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn read(name: &str) -> import::Imported {
    import::read_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const TITLE: &str = "Ministers “agree” on café deal — déjà vu in Zürich";

#[test]
fn utf16_with_bom_both_byte_orders() {
    for (name, enc) in [
        ("utf16le-bom.txt", "UTF-16LE"),
        ("utf16be-bom.txt", "UTF-16BE"),
    ] {
        let i = read(name);
        assert_eq!(i.encoding, enc);
        assert_eq!(i.meta.title, TITLE);
        assert!(
            i.body.contains("‘final’ offer.\nSecond line"),
            "{name}: CRLF kept? {:?}",
            i.body
        );
        assert!(i.body.ends_with("日本語 and an emoji 🎉."));
        assert!(!i.body.contains('\r') && !i.body.contains('\u{feff}'));
    }
}

#[test]
fn windows_1252_is_detected() {
    let i = read("windows-1252.txt");
    assert_eq!(i.encoding, "windows-1252");
    assert_eq!(i.meta.title, TITLE);
    assert!(i.body.contains("5 € per tonne, ‘final’ offer. Señor Muñoz said the crème brûlée was “très bon” – naturally."));
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
}

#[test]
fn markdown_loses_its_markup() {
    let i = read("article.md");
    assert_eq!(i.format, Format::Markdown);
    assert_eq!(i.meta.title, "Council “approves” the new budget");
    assert_eq!(i.meta.byline, "Ana Pérez");
    assert!(
        i.body
            .starts_with("The council approved the budget on Tuesday, according to the minutes.")
    );
    assert!(
        i.body
            .contains("\n\nSchools get 4% more\n\nRoads get less\n\n")
    );
    for junk in ["**", "](", "# ", "> ", "`", "---"] {
        assert!(!i.body.contains(junk), "{junk:?} left in {:?}", i.body);
    }
}

#[test]
fn web_page_body_and_metadata() {
    let i = read("page-windows-1252.html");
    assert_eq!(i.format, Format::Html);
    assert_eq!(i.encoding, "windows-1252");
    assert_eq!(i.meta.title, "Stadtrat beschließt Haushalt");
    assert_eq!(i.meta.byline, "Jürgen Groß");
    assert_eq!(i.meta.source, "Beispiel-Zeitung");
    assert_eq!(i.meta.published, "2024-03-05T09:30:00+01:00");
    assert_eq!(i.meta.url, "https://zeitung.example/stadtrat-haushalt");
    assert_eq!(i.meta.lang, "de");
    let paras: Vec<&str> = i.body.split("\n\n").collect();
    assert_eq!(paras.len(), 3, "{:?}", i.body);
    assert!(paras[1].starts_with("„Wir haben getan, was wir konnten“"));
    for junk in [
        "Startseite",
        "ANZEIGE",
        "Mehr zum Thema",
        "Kommentar",
        "Impressum",
        "<",
    ] {
        assert!(!i.body.contains(junk), "{junk:?} left in {:?}", i.body);
    }
}

#[test]
fn a_page_lying_about_its_charset_still_decodes() {
    let i = read("page-declares-utf8-is-1252.html");
    assert_eq!(i.encoding, "windows-1252");
    assert!(
        i.body
            .starts_with("Les électeurs français sont appelés aux urnes")
    );
    assert!(i.body.contains("« très élevée »") && !i.body.contains('\u{FFFD}'));
}

#[test]
fn binary_empty_and_huge_inputs_are_refused_by_name() {
    let png = fixture("binary.png");
    let err = import::read_path(&png).expect_err("png").to_string();
    assert_eq!(
        err,
        format!("{}: looks like a PNG image, not text", png.display())
    );
    let dat = fixture("binary.dat");
    let err = import::read_path(&dat).expect_err("dat").to_string();
    assert!(
        err.starts_with(&dat.display().to_string()) && err.contains("binary"),
        "{err}"
    );
    let err = import::import_bytes_named("empty.txt", b"").expect_err("empty");
    assert_eq!(err.to_string(), "empty.txt: is empty");
    let big = vec![b'a'; MAX_IMPORT_BYTES as usize + 1];
    let err = import::import_bytes_named("big.txt", &big)
        .expect_err("big")
        .to_string();
    assert!(
        err.starts_with("big.txt: ") && err.contains("50 MB"),
        "{err}"
    );
    let err = import::import_bytes_named("x.html", b"<html><body><script>1</script></body></html>")
        .expect_err("no body")
        .to_string();
    assert_eq!(err, "x.html: no article text found in the page");
}

#[test]
fn the_sample_article_header_becomes_metadata() {
    let i = import::read_path(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/north-korea-denies-arms.txt"),
    )
    .expect("sample");
    assert_eq!(
        i.meta.title,
        "North Korea denies supplying to weapons to Russia"
    );
    assert_eq!(
        (
            i.meta.source.as_str(),
            i.meta.section.as_str(),
            i.meta.dateline.as_str()
        ),
        ("AFP", "World", "SEOUL")
    );
    assert_eq!(i.meta.published, "2023-01-30T06:40");
    assert!(i.body.starts_with("SEOUL: North Korea on Sunday denied"));
}

#[path = "support/cli.rs"]
mod support;
use support::run as factdesk;

#[test]
fn extract_json_has_exactly_the_public_keys() {
    let page = fixture("page-windows-1252.html");
    let out = factdesk(&["extract", "--json", &page.to_string_lossy()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "byline",
            "lang",
            "published",
            "source",
            "text",
            "title",
            "url"
        ]
    );
    assert_eq!(v["title"], "Stadtrat beschließt Haushalt");
    assert!(
        v["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Der Stadtrat hat am Dienstag"))
    );

    let out = factdesk(&["extract", &fixture("article.md").to_string_lossy()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Council “approves” the new budget\n"),
        "{text}"
    );

    let out = factdesk(&["extract", &fixture("binary.png").to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary.png: looks like a PNG image"));
}

#[test]
fn import_takes_every_format_and_refuses_a_bad_batch_whole() {
    let dir = tempfile::tempdir().expect("tmp");
    let project = dir.path().join("p.ron");
    let project_s = project.to_string_lossy().into_owned();
    let out = factdesk(&["new", &project_s]);
    assert!(out.status.success());
    let before = std::fs::read(&project).expect("saved");
    let files: Vec<String> = [
        "utf16le-bom.txt",
        "windows-1252.txt",
        "article.md",
        "page-windows-1252.html",
    ]
    .iter()
    .map(|f| fixture(f).to_string_lossy().into_owned())
    .collect();
    let mut bad: Vec<&str> = vec!["import", &project_s];
    bad.extend(files.iter().map(String::as_str));
    let png = fixture("binary.png").to_string_lossy().into_owned();
    bad.push(&png);
    let out = factdesk(&bad);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read(&project).expect("still there"),
        before,
        "project changed"
    );

    bad.pop();
    let out = factdesk(&bad);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(lines.len(), 4);
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("a-") && l.contains('\t'))
    );
    assert!(lines[3].ends_with("\tStadtrat beschließt Haushalt"));

    // The same text again: imported, but with a warning naming the earlier article.
    let out = factdesk(&["import", &project_s, &files[2]]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("has the same text as article"));
}
