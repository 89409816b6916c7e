//! Prints extraction quality on the shared readability corpus: per-page bag-of-words F1 and title
//! match, then a summary. Usage: `cargo run --release --example import_eval [CORPUS_DIR]`.

#[path = "../tests/support/import_eval.rs"]
mod eval;
use std::path::PathBuf;

fn main() {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability")
        });
    if !root.is_dir() {
        println!("skipped: {} not found", root.display());
        return;
    }
    let scores = match eval::score_corpus(&root) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("import_eval: {e}");
            std::process::exit(1);
        }
    };
    for s in &scores {
        let title = if s.title_ok {
            "title ok".to_string()
        } else {
            format!(
                "title MISMATCH got {:?} want {:?}",
                s.title, s.expected_title
            )
        };
        match &s.error {
            Some(e) => println!("{:<28} ERROR {e}", s.name),
            None => println!("{:<28} F1 {:.3}  {title}", s.name, s.f1),
        }
    }
    let sum = eval::summarize(&scores);
    println!(
        "summary: {} pages, median F1 {:.3}, mean F1 {:.3}, titles {}/{} ({:.0}%), errors {}",
        sum.pages,
        sum.median_f1,
        sum.mean_f1,
        sum.titles_matched,
        sum.pages,
        100.0 * sum.titles_matched as f64 / sum.pages.max(1) as f64,
        sum.errors
    );
}
