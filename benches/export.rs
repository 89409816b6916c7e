//! Export speed on a 10,000-claim synthetic project, per format, plus the live count and the
//! JSONL import plan.

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::core::export::{self, ClaimFilter, ExportOptions, Format, claims_import};
use factdesk::core::synth;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let project = synth::project(500_000, 10_000);
    let mut g = c.benchmark_group("export_10k_claims");
    g.sample_size(20);
    for format in Format::ALL {
        let options = ExportOptions {
            format,
            filter: ClaimFilter::everything(),
            csv_bom: false,
        };
        g.bench_function(format.as_str(), |b| {
            b.iter(|| {
                export::export(black_box(&project), black_box(&options)).map(|e| e.bytes.len())
            })
        });
    }
    g.bench_function("count", |b| {
        b.iter(|| export::count(black_box(&project), &ClaimFilter::default()))
    });
    let jsonl = export::export(
        &project,
        &ExportOptions {
            format: Format::Jsonl,
            filter: ClaimFilter::everything(),
            csv_bom: false,
        },
    )
    .map(|e| String::from_utf8_lossy(&e.bytes).into_owned())
    .unwrap_or_default();
    let mut fresh = project.clone();
    fresh.claims.clear();
    g.bench_function("import_plan_jsonl", |b| {
        b.iter(|| claims_import::plan_import(black_box(&fresh), black_box(&jsonl)).map(|p| p.added))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
