//! Writes the claim library benchmark's generated projects into a folder, so the library can be
//! measured through the CLI as a person runs it (for instance its peak memory under
//! `/usr/bin/time -v factdesk library index DIR`; see docs/PERFORMANCE.md).
//!
//! `cargo run --release --no-default-features --example library_projects -- DIR [PROJECTS] [CLAIMS]`
//! Defaults: 100 projects of 1,000 claims (`synth::library_project`, as `benches/library.rs`).

use factdesk::core::store;
#[path = "../tests/support/synth.rs"]
mod synth;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: library_projects DIR [PROJECTS] [CLAIMS]");
        std::process::exit(2);
    };
    let mut number = |default: usize| {
        args.next().map_or(Ok(default), |a| {
            a.parse::<usize>().map_err(|_| format!("not a number: {a}"))
        })
    };
    let (projects, claims) = match (number(100), number(1_000)) {
        (Ok(p), Ok(c)) => (p, c),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("library_projects: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("library_projects: {}: {e}", dir.display());
        std::process::exit(1);
    }
    for i in 0..projects {
        let path = dir.join(format!("p{i:05}.ron"));
        if let Err(e) = store::save(&path, &synth::library_project(i as u64, claims)) {
            eprintln!("library_projects: {e}");
            std::process::exit(1);
        }
    }
    println!(
        "{projects} projects of {claims} claims in {}",
        dir.display()
    );
}
