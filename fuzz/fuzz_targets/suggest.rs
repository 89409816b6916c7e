//! Fuzzes claim suggestion: any text gets suggestions whose char ranges lie inside it and slice
//! back to their quotes, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let chars: Vec<char> = text.chars().collect();
    for s in factdesk::core::nlp::suggest_text(text, "desk") {
        assert!(s.start < s.end && s.end <= chars.len());
        let quote: String = chars[s.start..s.end].iter().collect();
        assert_eq!(quote, s.quote);
    }
});
