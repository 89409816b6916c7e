//! Opening and saving a large project, against a bare RON parse of the same file.

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::core::action::{Action, ClaimEdit};
use factdesk::core::model::Status;
use factdesk::core::session::Session;
use factdesk::core::{store, synth};
use std::hint::black_box;
use std::path::Path;

fn bench_store(c: &mut Criterion) {
    let project = synth::project(1_000_000, 10_000);
    let text = store::to_ron_string(&project).unwrap_or_default();
    let mut g = c.benchmark_group("store_1M_chars_10k_claims");
    g.sample_size(10);
    g.bench_function("bare ron::Value parse", |b| {
        b.iter(|| black_box(ron::from_str::<ron::Value>(black_box(&text)).is_ok()))
    });
    g.bench_function("open (parse + order + check)", |b| {
        b.iter(|| {
            let p = store::from_ron_str(black_box(&text), Path::new("big.ron"));
            black_box(p.map(|p| store::check(&p).len()).unwrap_or(usize::MAX))
        })
    });
    let dir = tempfile::tempdir().ok();
    let path = dir.as_ref().map(|d| d.path().join("big.ron"));
    let mut session = Session::opened(project, path.clone());
    let id = session.project.claims[5_000].id.clone();
    let mut i = 0usize;
    g.bench_function("edit + atomic save", |b| {
        b.iter(|| {
            i += 1;
            let _ = session.edit(Action::edit_claim(
                &id,
                ClaimEdit::Status(Status::ALL[i % 4]),
            ));
            if let Some(p) = &path {
                black_box(store::save(p, &session.project).is_ok());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench_store);
criterion_main!(benches);
