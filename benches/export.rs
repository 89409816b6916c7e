//! Export speed on a 10,000-claim synthetic project, per format, plus the live count and the
//! JSONL import plan; `claims import` (plan + apply as one batch) at 16k, 32k and 100k lines,
//! which must grow linearly.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use factdesk::core::action;
use factdesk::core::export::{self, ClaimFilter, ExportOptions, Format, claims_import};
#[path = "../tests/support/synth.rs"]
mod synth;
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

/// JSONL of every claim of a synthetic project, and the project without its claims.
fn jsonl_and_empty(claims: usize) -> (String, factdesk::core::model::Project) {
    let project = synth::project(claims * 40, claims);
    let options = ExportOptions {
        format: Format::Jsonl,
        filter: ClaimFilter::everything(),
        csv_bom: false,
    };
    let jsonl = export::export(&project, &options)
        .map(|e| String::from_utf8_lossy(&e.bytes).into_owned())
        .unwrap_or_default();
    let mut empty = project;
    empty.claims.clear();
    (jsonl, empty)
}

fn bench_claims_import(c: &mut Criterion) {
    let mut g = c.benchmark_group("claims_import");
    g.sample_size(10);
    for lines in [16_000, 32_000, 100_000] {
        let (jsonl, empty) = jsonl_and_empty(lines);
        g.bench_with_input(
            BenchmarkId::new("plan + apply", lines),
            &jsonl,
            |b, jsonl| {
                b.iter(|| {
                    let mut p = empty.clone();
                    let plan =
                        claims_import::plan_import(&p, black_box(jsonl)).map_err(|e| e.len());
                    plan.map(|plan| {
                        action::apply(&mut p, plan.into_action()).map(|_| p.claims.len())
                    })
                })
            },
        );
    }
    g.finish();
}

criterion_group!(benches, bench, bench_claims_import);
criterion_main!(benches);
