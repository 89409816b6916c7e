//! Fuzzes sentence segmentation: ranges are in bounds, ordered and non-empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let n = text.chars().count();
    let mut last = 0;
    for r in factdesk::core::nlp::sentences(text) {
        assert!(r.start < r.end && r.end <= n && r.start >= last, "{r:?}");
        last = r.end;
    }
    let _ = factdesk::core::nlp::sentence_at(text, n / 2);
});
