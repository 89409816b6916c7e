//! Import speed: decoding and main-text extraction of large saved web pages (the corpus's 1 MB+ pages
//! when `../shared` is present, else a synthetic 1 MB page), deeply nested pages (time must grow
//! linearly with the nesting) and plain-text decoding.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use factdesk::core::import::{self, decode};
use std::hint::black_box;
use std::path::Path;

/// (name, bytes) of the pages to extract.
fn pages() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability");
    let mut pages: Vec<(String, Vec<u8>)> = ["yahoo-2", "nytimes-5", "ars-1"]
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(root.join(p).join("source.html")).ok()?;
            Some((format!("{p} ({} KB)", bytes.len() / 1024), bytes))
        })
        .collect();
    if pages.is_empty() {
        eprintln!("{} not found: using a synthetic page", root.display());
        pages.push(("synthetic (1 MB)".to_string(), synthetic_page()));
    }
    pages
}

/// A page of about 1 MB: navigation, many related-link lists and one long article.
fn synthetic_page() -> Vec<u8> {
    let mut html =
        String::from("<!DOCTYPE html><html lang=en><head><title>Big page</title></head><body>");
    for i in 0..2_000 {
        html.push_str(&format!(
            "<div class=nav><a href=/s{i}>Section {i}</a></div>"
        ));
    }
    html.push_str("<article><h1>Big page</h1>");
    for i in 0..3_000 {
        html.push_str(&format!(
            "<p>Paragraph {i}: officials said on Tuesday, according to a statement, that the “plan” would go ahead, café and crème included, despite the objections.</p>"
        ));
    }
    html.push_str("</article></body></html>");
    html.into_bytes()
}

fn bench_import(c: &mut Criterion) {
    let mut g = c.benchmark_group("import");
    g.sample_size(20);
    for (name, bytes) in pages() {
        g.bench_function(format!("html extract {name}"), |b| {
            b.iter(|| black_box(import::import_bytes_named("page.html", black_box(&bytes)).is_ok()))
        });
    }
    let para =
        "Ministers “agree” on café deal — déjà vu in Zürich; the naïve résumé costs 5 €.\r\n\r\n";
    let text = para.repeat(1 + 1_000_000 / para.len());
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let cp1252 = cp1252.into_owned();
    g.bench_function("decode 1 MB windows-1252 (detected)", |b| {
        b.iter(|| black_box(decode::decode(black_box(&cp1252)).is_ok()))
    });
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    g.bench_function("decode 2 MB UTF-16LE (BOM)", |b| {
        b.iter(|| black_box(decode::decode(black_box(&utf16)).is_ok()))
    });
    g.bench_function("import 1 MB plain text (decode + normalise)", |b| {
        b.iter(|| {
            black_box(import::import_bytes_named("a.txt", black_box(text.as_bytes())).is_ok())
        })
    });
    g.finish();
}

/// A page of `n` nested `<div>`s around a few paragraphs, and one of `n` nested divs each with a
/// word of its own.
fn deep_pages(n: usize) -> [(&'static str, String); 2] {
    let para = "<p>Officials said on Tuesday, according to a statement, that the plan would go ahead, despite the objections.</p>";
    let head = "<!DOCTYPE html><html lang=en><head><title>Deep</title></head><body>";
    let mut words = String::from(head);
    for i in 0..n {
        words.push_str(&format!("<div>word{i}, "));
    }
    words.push_str(&"</div>".repeat(n));
    [
        (
            "nested divs",
            format!(
                "{head}{}{}{}",
                "<div>".repeat(n),
                para.repeat(5),
                "</div>".repeat(n)
            ),
        ),
        ("nested divs with text", words),
    ]
}

fn bench_deep(c: &mut Criterion) {
    let mut g = c.benchmark_group("import_deep_nesting");
    g.sample_size(10);
    for n in [1_000, 4_000, 16_000, 100_000] {
        for (name, page) in deep_pages(n) {
            g.throughput(Throughput::Bytes(page.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, n), &page, |b, page| {
                b.iter(|| {
                    black_box(import::import_bytes_named("deep.html", page.as_bytes()).is_ok())
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench_import, bench_deep);
criterion_main!(benches);
