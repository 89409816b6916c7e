//! Extraction quality on the shared corpus of real news pages: median bag-of-words F1 >= 0.97,
//! titles matched >= 90%, every page imported. Needs `../shared/corpus/readability`, so it is
//! ignored by default; `.ci/run` runs it (`--ignored`) where the corpus exists.

#[path = "support/import_eval.rs"]
mod eval;
use std::path::Path;

#[test]
#[ignore = "needs ../shared/corpus/readability; run with --ignored where it exists"]
fn readability_corpus_meets_the_quality_targets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability");
    assert!(root.is_dir(), "{} not found", root.display());
    let scores = eval::score_corpus(&root).expect("corpus readable");
    for s in &scores {
        eprintln!(
            "{:<28} F1 {:.3} title {} {:?}",
            s.name, s.f1, s.title_ok, s.error
        );
        if !s.title_ok {
            eprintln!(
                "    got      {:?}\n    expected {:?}",
                s.title, s.expected_title
            );
        }
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
