//! Three-way merge and agreement on large projects (1M chars, 10k claims).

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::core::action::{Action, ClaimEdit, apply};
use factdesk::core::model::Status;
#[path = "../tests/support/synth.rs"]
mod synth;
use factdesk::core::team::{agree, merge};
use factdesk::core::time::Timestamp;
use std::hint::black_box;

fn bench_team(c: &mut Criterion) {
    let base = synth::project(1_000_000, 10_000);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let at = Timestamp("2024-01-01T00:00:00Z".into());
    for k in 0..1_000 {
        let id = base.claims[k * 10].id.clone();
        let _ = apply(
            &mut ours,
            Action::SetStatus {
                id: id.clone(),
                status: Status::ALL[k % 4],
                by: "Ana".into(),
                at: at.clone(),
            },
        );
        let _ = apply(
            &mut theirs,
            Action::EditClaim {
                id,
                edit: ClaimEdit::Note(format!("note {k}")),
                at: at.clone(),
            },
        );
    }
    let mut g = c.benchmark_group("team_1M_chars_10k_claims");
    g.sample_size(10);
    g.bench_function("three-way merge (1k edits each side)", |b| {
        b.iter(|| black_box(merge::merge(&base, &ours, &theirs).conflicts.len()))
    });
    g.bench_function("agree (two annotators)", |b| {
        b.iter(|| black_box(agree::compare(&ours, &theirs).matched.len()))
    });
    g.bench_function("agree (three annotators, Fleiss)", |b| {
        b.iter(|| black_box(agree::compare_all(&[&base, &ours, &theirs]).matched_all))
    });
    g.finish();
}

criterion_group!(benches, bench_team);
criterion_main!(benches);
