//! Sentence segmentation and claim suggestion on about 1 MB of news text (the sample article
//! repeated), the figure the suggestions panel depends on; segmentation alone on 300 KB, the size
//! the comparison with pySBD is made at (docs/PERFORMANCE.md, "Sentences"); and filtering
//! suggestions against a project's claims and rejections, which must grow linearly with them.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use factdesk::core::model::RejectedSuggestion;
use factdesk::core::nlp::{filter_known, sentences, suggest_article, suggest_text};
#[path = "../tests/support/synth.rs"]
mod synth;
use std::hint::black_box;

const SAMPLE: &str = include_str!("../assets/north-korea-denies-arms.txt");

fn text_of(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + SAMPLE.len());
    while s.len() < bytes {
        s.push_str(SAMPLE);
        s.push_str("\n\n");
    }
    s
}

fn bench_sentences_300k(c: &mut Criterion) {
    let text = text_of(300_000);
    let mut g = c.benchmark_group("nlp_300KB");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("sentences", |b| {
        b.iter(|| black_box(sentences(black_box(&text)).len()))
    });
    g.finish();
}

fn bench_nlp(c: &mut Criterion) {
    let text = text_of(1_000_000);
    let mut g = c.benchmark_group("nlp_1MB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("sentences", |b| {
        b.iter(|| black_box(sentences(black_box(&text)).len()))
    });
    g.bench_function("suggest (segment + attribute)", |b| {
        b.iter(|| black_box(suggest_text(black_box(&text), "AFP").len()))
    });
    g.finish();
}

fn bench_known(c: &mut Criterion) {
    let mut g = c.benchmark_group("suggest_known_claims");
    g.sample_size(10);
    for claims in [10_000, 69_000, 200_000] {
        let mut project = synth::project(3_000_000, claims);
        let raw = suggest_article(&project.articles[0]);
        // As many rejections as a tenth of the claims, none of them matching.
        let article = project.articles[0].id.clone();
        project.rejected_suggestions = (0..claims / 10)
            .map(|i| RejectedSuggestion {
                article: article.clone(),
                start: 10_000_000 + i,
                end: 10_000_010 + i,
                quote: format!("rejected {i}"),
            })
            .collect();
        g.bench_with_input(
            BenchmarkId::new(format!("filter {} suggestions", raw.len()), claims),
            &raw,
            |b, raw| b.iter(|| black_box(filter_known(&project, raw.clone()).len())),
        );
    }
    g.finish();
}

criterion_group!(benches, bench_sentences_300k, bench_nlp, bench_known);
criterion_main!(benches);
