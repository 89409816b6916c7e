//! Must-pass fixtures for pages as an analyst reads them: titles without the site or author glued
//! on (but with a headline's own dashes), captions marked and share widgets left out, published
//! dates stored as ISO 8601 and shown in the reader's locale.

use factdesk::core::import::{self, html::CAPTION_MARK, html::is_caption};
use factdesk::core::time::display_date;
use std::path::Path;

fn read(name: &str) -> import::Imported {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    import::read_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn paragraphs(body: &str) -> Vec<&str> {
    body.split("\n\n").collect()
}

#[test]
fn author_suffix_leaves_the_title() {
    let i = read("page-site-suffix.html");
    assert_eq!(
        i.meta.title,
        "'What is the sea telling us?': Māori tribes fearful over whale strandings"
    );
    assert_eq!(i.meta.byline, "Eleanor Ainge Roy");
}

#[test]
fn site_and_author_suffixes_both_go() {
    let i = read("page-byline-suffix.html");
    assert_eq!(i.meta.title, "Council votes to close the old bridge");
}

#[test]
fn a_dash_in_the_headline_stays() {
    let i = read("page-headline-dash.html");
    assert_eq!(i.meta.title, "Brexit – the deal that never was");
}

#[test]
fn captions_are_marked_and_real_paragraphs_kept() {
    let i = read("page-site-suffix.html");
    let paras = paragraphs(&i.body);
    let captions: Vec<&str> = paras.iter().copied().filter(|p| is_caption(p)).collect();
    assert_eq!(
        captions,
        [
            "📷 Hori Parata at his Pātaua farm, the place where he was born and grew up. Photograph: Dean Purcell/The Guardian",
            "📷 Image: Getty Images",
        ],
        "{:?}",
        i.body
    );
    let text: Vec<&str> = paras.iter().copied().filter(|p| !is_caption(p)).collect();
    assert_eq!(text.len(), 4, "{text:?}");
    assert!(text[0].starts_with("Whale whisperer Hori Parata"));
    assert!(
        text[3].starts_with("Photo essays aside,"),
        "a sentence opening with 'Photo' is text: {text:?}"
    );
    for junk in ["Share on", "Facebook"] {
        assert!(!i.body.contains(junk), "{junk} in {:?}", i.body);
    }
    assert!(CAPTION_MARK.chars().all(|c| !c.is_alphanumeric()));
}

#[test]
fn published_dates_are_stored_as_iso() {
    assert_eq!(
        read("page-site-suffix.html").meta.published,
        "2019-01-03T07:00:02Z"
    );
    assert_eq!(
        read("page-headline-dash.html").meta.published,
        "2021-11-01T10:52:50+01:00"
    );
    assert_eq!(
        read("page-byline-suffix.html").meta.published,
        "2023-01-30T06:40"
    );
}

#[test]
fn stored_dates_display_in_the_readers_locale() {
    let stored = read("page-site-suffix.html").meta.published;
    assert_eq!(
        display_date(&stored, "en_GB.UTF-8"),
        "3 January 2019, 07:00 UTC"
    );
    assert_eq!(
        display_date(&stored, "en_US.UTF-8"),
        "January 3, 2019, 7:00 AM UTC"
    );
    assert_eq!(
        display_date(&stored, "de_DE.UTF-8"),
        "3. Januar 2019, 07:00 UTC"
    );
    assert_eq!(display_date("not a date", "en_GB"), "not a date");
}
