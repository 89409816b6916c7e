//! Deeply nested web pages: every shape of nesting extracts with all its text, and the parsed
//! tree never nests deeper than the cap (the parser and readability passes cost time per element
//! proportional to depth, so a page of 100,000 nested elements that took minutes now takes well
//! under a second). Ordinary pages are never rewritten.

use dom_query::Document;
use factdesk::core::import::{self, html, nesting};
use std::path::Path;

const PARA: &str = "Officials said on Tuesday, according to a statement, that the plan would go ahead, despite the objections of several ministers.";

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=en><head><title>Deep page</title></head><body>{body}</body></html>"
    )
}

/// How deeply the parsed document nests elements (iterative: the tree may be deep).
fn parsed_depth(html: &str) -> usize {
    let doc = Document::from(html);
    let mut max = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        max = max.max(depth);
        for child in node.children_it(false) {
            if child.is_element() {
                stack.push((child, depth + 1));
            }
        }
    }
    max
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn a_hundred_thousand_nested_divs_extract_with_their_text() {
    let n = 100_000;
    let html = page(&format!(
        "{}<p>{PARA}</p><p>Second paragraph, deep inside as well, with more words.</p>{}",
        "<div>".repeat(n),
        "</div>".repeat(n)
    ));
    assert!(html.len() > 1_000_000);
    let p = html::parse(&html).expect("extracts");
    assert!(p.body.contains(PARA), "{}", p.body);
    assert!(
        p.body
            .contains("\n\nSecond paragraph, deep inside as well, with more words."),
        "paragraphs stay apart: {}",
        p.body
    );
    assert!(
        p.warnings.iter().any(|w| w.contains("nests elements")),
        "{:?}",
        p.warnings
    );
}

fn numbered_words(text: &str) -> Vec<usize> {
    words(text)
        .iter()
        .filter_map(|w| w.strip_prefix('w')?.parse().ok())
        .collect()
}

/// Every kind of nesting, 2,000 levels deep, 15 times the cap. The
/// capped page keeps every word in order; the extraction keeps at least every word below the
/// cap (the readability pass picks the deepest block with most of the text and, as it did before
/// capping, may leave out the few words of its ancestors).
#[test]
fn every_shape_of_deep_nesting_keeps_its_text() {
    let n = 2_000;
    let numbered = |open: &str, close: &str| -> String {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(open);
            s.push_str(&format!("w{i} "));
        }
        for _ in 0..n {
            s.push_str(close);
        }
        s
    };
    let shapes: Vec<(&str, String)> = vec![
        ("divs", numbered("<div>", "</div>")),
        ("spans", numbered("<span>", "</span>")),
        ("sections", numbered("<section class=x>", "</section>")),
        ("blockquotes", numbered("<blockquote>", "</blockquote>")),
        ("tables", numbered("<table><tr><td>", "</td></tr></table>")),
        ("lists", numbered("<ul><li>", "</li></ul>")),
        ("inline formatting", numbered("<b><i><em>", "</em></i></b>")),
        ("links", numbered("<a href='/x?a=1&b=2'>", "</a>")),
        ("unclosed divs", numbered("<div><span>", "")),
        ("unclosed tables", numbered("<table><td>", "")),
        ("unclosed lists", numbered("<ol><li><ul><li>", "")),
        ("mixed", {
            let opens = [
                "<div>",
                "<span>",
                "<table><tr><td>",
                "<ul><li>",
                "<b>",
                "<p>",
            ];
            let mut s = String::new();
            for i in 0..n {
                s.push_str(opens[i % opens.len()]);
                s.push_str(&format!("w{i} "));
            }
            s
        }),
    ];
    let all: Vec<usize> = (0..n).collect();
    for (shape, body) in shapes {
        let html = page(&format!("{body}<p>{PARA}</p>"));
        let capped = nesting::cap_nesting(&html, nesting::MAX_DEPTH);
        let doc = Document::from(capped.html.as_ref());
        assert_eq!(
            numbered_words(&doc.select("body").text()),
            all,
            "{shape}: the capped page lost or reordered text"
        );
        let p = html::parse(&html).unwrap_or_else(|e| panic!("{shape}: {e}"));
        let got = numbered_words(&p.body);
        let deep = &all[nesting::MAX_DEPTH..];
        assert!(
            got.ends_with(deep),
            "{shape}: {} words extracted, the deep ones not all in order",
            got.len()
        );
        assert!(p.body.contains(PARA), "{shape}");
    }
}

/// The work unit behind the linear cost: after capping, the parsed tree is never deeper than
/// the cap (plus `html`, `body` and one paragraph), whatever the nesting.
#[test]
fn capped_pages_parse_no_deeper_than_the_cap() {
    let n = 5_000;
    for body in [
        "<div>".repeat(n),
        "<span><div>".repeat(n),
        "<table><tr><td>".repeat(n),
        "<ul><li>".repeat(n),
        "<svg><g>".repeat(n),
        "<select><option><optgroup>".repeat(n),
        "<object><form><dl><dt>".repeat(n),
        "<font><center><a>".repeat(n),
    ] {
        let html = page(&format!("{body}text"));
        let capped = nesting::cap_nesting(&html, nesting::MAX_DEPTH);
        assert!(capped.dropped > 0, "{}", &body[..20]);
        let depth = parsed_depth(&capped.html);
        assert!(
            depth <= nesting::MAX_DEPTH + 4,
            "{}: parsed depth {depth}",
            &body[..20]
        );
        assert!(capped.html.contains("text"));
    }
}

#[test]
fn ordinary_pages_are_not_rewritten() {
    let mut pages: Vec<(String, String)> = Vec::new();
    for dir in ["tests/fixtures/import", "../shared/corpus/readability"] {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let Ok(entries) = std::fs::read_dir(&root) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            let file = if path.is_dir() {
                path.join("source.html")
            } else {
                path.clone()
            };
            if file.extension().is_some_and(|x| x == "html" || x == "htm")
                && let Ok(bytes) = std::fs::read(&file)
                && let Ok(d) = import::decode::decode(&bytes)
            {
                pages.push((file.display().to_string(), d.text));
            }
        }
    }
    assert!(!pages.is_empty(), "no HTML fixtures found");
    for (name, text) in &pages {
        let c = nesting::cap_nesting(text, nesting::MAX_DEPTH);
        assert_eq!(c.dropped, 0, "{name}");
        assert!(
            c.depth < nesting::MAX_DEPTH / 2,
            "{name}: depth {}",
            c.depth
        );
        assert!(matches!(c.html, std::borrow::Cow::Borrowed(_)), "{name}");
    }
}
