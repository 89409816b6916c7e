//! The claim library on generated libraries: full index, incremental update after one save,
//! query latency (p50/p95 printed, plus criterion's own figures) and index size on disk.
//!
//! Size: `FACTDESK_BENCH_PROJECTS` projects (default 100) of `FACTDESK_BENCH_CLAIMS` claims
//! (default 1,000) each.

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::core::library::{Library, SearchFilters};
use factdesk::core::store;
#[path = "../tests/support/synth.rs"]
mod synth;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(e.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

const QUERIES: &[&str] = &[
    "denied sending rockets to Moscow",
    "central bank estimated jobs",
    "\"tonnes of grain\"",
    "police arrests in the capital",
    "vaccines since January",
    "North Korea tanks across the border",
    "the mayor promised schools before the election",
    "drones destroyed",
];

fn bench_library(c: &mut Criterion) {
    let projects = env_usize("FACTDESK_BENCH_PROJECTS", 100);
    let claims = env_usize("FACTDESK_BENCH_CLAIMS", 1_000);
    let Ok(tmp) = tempfile::tempdir() else {
        return;
    };
    let folder = tmp.path().join("projects");
    let _ = std::fs::create_dir_all(&folder);
    let mut paths: Vec<PathBuf> = Vec::new();
    for i in 0..projects {
        let p = folder.join(format!("p{i:05}.ron"));
        if store::save(&p, &synth::library_project(i as u64, claims)).is_ok() {
            paths.push(p);
        }
    }
    let index_dir = tmp.path().join("index");
    let started = Instant::now();
    let Ok(mut lib) = Library::open(&index_dir) else {
        return;
    };
    let Ok(report) = lib.index(std::slice::from_ref(&folder), &[]) else {
        return;
    };
    eprintln!(
        "library: {} projects x {} claims: full index {:.2} s, {} records, index {:.1} MB on disk, projects {:.1} MB",
        projects,
        claims,
        started.elapsed().as_secs_f64(),
        report.records,
        dir_size(&index_dir) as f64 / 1e6,
        dir_size(&folder) as f64 / 1e6,
    );

    // Query latency over a fixed mix, each query many times: the tail as a person sees it.
    let mut times = Vec::new();
    for _ in 0..50 {
        for q in QUERIES {
            let t = Instant::now();
            black_box(
                lib.search(q, &SearchFilters::default())
                    .map(|h| h.len())
                    .ok(),
            );
            times.push(t.elapsed());
        }
    }
    times.sort();
    eprintln!(
        "library: search p50 {:.2} ms, p95 {:.2} ms ({} queries)",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        times.len()
    );
    let mut times = Vec::new();
    for _ in 0..20 {
        for q in QUERIES {
            let t = Instant::now();
            black_box(lib.similar_to(q, 5).map(|h| h.len()).ok());
            times.push(t.elapsed());
        }
    }
    times.sort();
    eprintln!(
        "library: similar_to p50 {:.2} ms, p95 {:.2} ms ({} queries)",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        times.len()
    );

    let mut g = c.benchmark_group(format!("library_{projects}x{claims}"));
    g.sample_size(10);
    g.bench_function("search", |b| {
        let mut i = 0;
        b.iter(|| {
            i += 1;
            black_box(
                lib.search(QUERIES[i % QUERIES.len()], &SearchFilters::default())
                    .ok(),
            )
        })
    });
    g.bench_function("similar_to", |b| {
        let mut i = 0;
        b.iter(|| {
            i += 1;
            black_box(lib.similar_to(QUERIES[i % QUERIES.len()], 5).ok())
        })
    });
    // One save, then the update the app makes after it (the changed project re-read).
    if let Some(path) = paths.first().cloned() {
        let mut seed = 1_000_000u64;
        g.bench_function("update_project after one save", |b| {
            b.iter(|| {
                seed += 1;
                let _ = store::save(&path, &synth::library_project(seed, claims));
                black_box(lib.update_project(&path).ok())
            })
        });
    }
    g.bench_function("refresh, nothing changed", |b| {
        b.iter(|| black_box(lib.refresh().ok()))
    });
    g.finish();
    drop(lib);
    // The full index, from nothing, on a small share of the library (one iteration is long).
    let mut g = c.benchmark_group("library_full_index");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    let few: Vec<PathBuf> = paths.iter().take(10).cloned().collect();
    let small = tmp.path().join("small");
    let _ = std::fs::create_dir_all(&small);
    for p in &few {
        if let Some(name) = p.file_name() {
            let _ = std::fs::copy(p, small.join(name));
        }
    }
    g.bench_function(format!("10 projects x {claims} claims"), |b| {
        b.iter(|| {
            let Ok(dir) = tempfile::tempdir() else {
                return;
            };
            if let Ok(mut l) = Library::open(dir.path()) {
                black_box(l.index(std::slice::from_ref(&small), &[]).ok());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench_library);
criterion_main!(benches);
