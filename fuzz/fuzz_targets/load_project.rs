//! Fuzzes project loading: any bytes must parse or fail with an error, and whatever parses must
//! survive check, repair and a save/load round trip.
#![no_main]

use factdesk::core::store;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = store::parse_bytes(data, Path::new("fuzz.ron")) else {
        return;
    };
    let mut project = parsed.project;
    let _ = store::check(&project);
    let _ = store::repair(&mut project);
    assert!(store::check(&project).iter().all(|p| !matches!(
        p,
        store::Problem::AnchorOutOfRange { .. } | store::Problem::QuoteMismatch { .. }
    )));
    if let Ok(text) = store::to_ron_string(&project) {
        let back = store::from_ron_str(&text, Path::new("fuzz.ron")).expect("own output parses");
        assert_eq!(back, project);
    }
});
