//! Fuzzes HTML import on deeply nested pages: the input is a fragment of markup repeated
//! thousands of times. Never a panic; after the nesting cap the parsed tree stays shallow (so
//! parsing and extraction stay linear), and pages within the cap are not rewritten.
#![no_main]

use dom_query::Document;
use factdesk::core::import::{html, nesting};
use libfuzzer_sys::fuzz_target;

/// How deeply the parsed document nests elements (iterative: the tree may be deep).
fn parsed_depth(html: &str) -> usize {
    let doc = Document::from(html);
    let mut max = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        max = max.max(depth);
        for child in node.children_it(false) {
            if child.is_element() {
                stack.push((child, depth + 1));
            }
        }
    }
    max
}

fuzz_target!(|data: &[u8]| {
    // First two bytes: how often to repeat the fragment (up to 4,095 times); the rest: the
    // fragment, then a tail after the repetitions (split at the first NUL).
    let [a, b, rest @ ..] = data else {
        return;
    };
    let repeat = usize::from(u16::from_le_bytes([*a, *b]) & 0x0fff);
    let text = String::from_utf8_lossy(rest);
    let (fragment, tail) = text.split_once('\0').unwrap_or((&text, ""));
    if fragment.len() > 64 {
        return;
    }
    let page = format!("<html><body>{}{tail}", fragment.repeat(repeat));
    let capped = nesting::cap_nesting(&page, nesting::MAX_DEPTH);
    if capped.dropped == 0 {
        assert!(matches!(capped.html, std::borrow::Cow::Borrowed(_)));
    }
    let depth = parsed_depth(&capped.html);
    assert!(
        depth <= 2 * nesting::MAX_DEPTH,
        "parsed depth {depth} after capping {:?} × {repeat}",
        fragment
    );
    let _ = html::parse(&page);
});
