//! Opening and saving a large project, against a bare RON parse of the same file.

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::core::action::Action;
use factdesk::core::model::Status;
use factdesk::core::session::Session;
use factdesk::core::store;
#[path = "../tests/support/synth.rs"]
mod synth;
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
    // Saved through the session's file, as the app saves: the write lock, the changed-on-disk
    // check and the atomic write.
    let mut session = Session::unsaved(project);
    let saved = path.as_ref().is_some_and(|p| session.save_as(p).is_ok());
    let id = session.project.claims[5_000].id.clone();
    let mut i = 0usize;
    g.bench_function("edit + atomic save", |b| {
        b.iter(|| {
            i += 1;
            let _ = session.edit(Action::set_status(&id, Status::ALL[i % Status::COUNT], ""));
            if saved {
                black_box(session.save().is_ok());
            }
        })
    });
    g.finish();
}

/// A new version of a 1M-char article with 10k claims, and opening a project that keeps ten.
fn bench_versions(c: &mut Criterion) {
    use factdesk::core::time::Timestamp;
    use factdesk::core::versions::plan_update;
    let project = synth::project(1_000_000, 10_000);
    let Some(article) = project.articles.first() else {
        return;
    };
    let id = article.id.clone();
    // A realistic correction: a few words in one paragraph in the middle.
    let mid = article.body.len() / 2;
    let cut = (mid..article.body.len())
        .find(|i| article.body.is_char_boundary(*i))
        .unwrap_or(mid);
    let edited = format!(
        "{} (corrected) {}",
        &article.body[..cut],
        &article.body[cut..]
    );
    let mut g = c.benchmark_group("versions_1M_chars_10k_claims");
    g.sample_size(10);
    g.bench_function("update: diff + carry 10k claims", |b| {
        b.iter(|| {
            let plan = plan_update(&project, &id, black_box(&edited), "", &Timestamp::now());
            black_box(plan.map(|p| p.moved.len()).unwrap_or(0))
        })
    });
    let one = store::to_ron_string(&project).unwrap_or_default();
    let mut ten = project.clone();
    for v in 0..9 {
        let Some(a) = ten.articles.first() else {
            return;
        };
        let at = (a.body.len() / 10 * (v + 1)..a.body.len())
            .find(|i| a.body.is_char_boundary(*i))
            .unwrap_or(0);
        let next = format!("{} [v{v}] {}", &a.body[..at], &a.body[at..]);
        if let Ok(plan) = plan_update(&ten, &id, &next, "", &Timestamp::now()) {
            let _ = factdesk::core::action::apply(&mut ten, plan.action);
        }
    }
    let ten = store::to_ron_string(&ten).unwrap_or_default();
    eprintln!(
        "file size: 1 version {} bytes, 10 versions {} bytes",
        one.len(),
        ten.len()
    );
    // What opening costs (parse + canonical order), and with `check`, which rebuilds every
    // stored version to verify its hash.
    for (name, text) in [("parse, 1 version", &one), ("parse, 10 versions", &ten)] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let p = store::from_ron_str(black_box(text), Path::new("v.ron"));
                black_box(p.map(|p| p.claims.len()).unwrap_or(usize::MAX))
            })
        });
    }
    for (name, text) in [("open, 1 version", &one), ("open, 10 versions", &ten)] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let p = store::from_ron_str(black_box(text), Path::new("v.ron"));
                black_box(p.map(|p| store::check(&p).len()).unwrap_or(usize::MAX))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_store, bench_versions);
criterion_main!(benches);
