//! Fuzzes plain-text import: any bytes are imported or refused, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = factdesk::core::import::import_bytes(data) {
        assert_eq!(article.char_len(), article.body.chars().count());
    }
});
