//! Extraction quality on the shared corpus of real news pages: median bag-of-words F1 >= 0.97,
//! titles matched >= 90%, every page imported. Skips when `../shared` is absent.

use factdesk::core::import::eval;
use std::path::Path;

#[test]
fn readability_corpus_meets_the_quality_targets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability");
    if !root.is_dir() {
        eprintln!("skipped: {} not found", root.display());
        return;
    }
    let scores = eval::score_corpus(&root).expect("corpus readable");
    for s in &scores {
        eprintln!(
            "{:<28} F1 {:.3} title {} {:?}",
            s.name, s.f1, s.title_ok, s.error
        );
    }
    let sum = eval::summarize(&scores);
    eprintln!("{sum:?}");
    assert!(sum.pages >= 30, "only {} pages found", sum.pages);
    assert_eq!(sum.errors, 0, "pages failed to import");
    assert!(sum.median_f1 >= 0.97, "median F1 {}", sum.median_f1);
    assert!(
        sum.titles_matched * 10 >= sum.pages * 9,
        "titles {}/{}",
        sum.titles_matched,
        sum.pages
    );
}
