//! Sentence segmentation and claim suggestion on about 1 MB of news text (the sample article
//! repeated), the figure the suggestions panel depends on; segmentation alone on 300 KB, the size
//! the comparison with pySBD is made at (docs/PERFORMANCE.md, "Sentences").

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factdesk::core::nlp::{sentences, suggest_text};
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

criterion_group!(benches, bench_sentences_300k, bench_nlp);
criterion_main!(benches);
