//! Property tests: no input makes import panic, and whatever is imported has a clean body.

use factdesk::core::import;
use proptest::prelude::*;

fn check_clean(i: &import::Imported) {
    assert!(!i.body.is_empty());
    assert!(!i.body.contains('\r'));
    assert!(!i.body.starts_with(char::is_whitespace) && !i.body.ends_with(char::is_whitespace));
    assert!(!i.body.contains("\n\n\n"));
    assert!(!i.meta.title.trim().is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), name in "[a-z]{0,5}(\\.(txt|md|html))?") {
        if let Ok(i) = import::import_bytes_named(&name, &bytes) {
            check_clean(&i);
        }
    }

    #[test]
    fn arbitrary_text_keeps_every_word(text in "[ \\n\\r\\ta-zA-Zé“”—日本🎉:#*\\[\\]()<>-]{0,300}") {
        match import::import_pasted(&text) {
            Ok(i) => {
                check_clean(&i);
                if i.format == import::Format::Text && i.meta.published.is_empty() && i.meta.source.is_empty() && i.meta.byline.is_empty() {
                    // Plain text: every word survives, in order.
                    let want: Vec<&str> = text.split_whitespace().collect();
                    let got: Vec<&str> = i.body.split_whitespace().collect();
                    prop_assert_eq!(got, want);
                }
            }
            Err(e) => prop_assert!(text.trim().is_empty() || e.to_string().starts_with("pasted text: "), "{}", e),
        }
    }

    #[test]
    fn tag_soup_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("<div>".to_string()), Just("</div>".to_string()), Just("<p>".to_string()), Just("<br>".to_string()),
        Just("<script>".to_string()), Just("<!--".to_string()), Just("<article>".to_string()), Just("<pre>".to_string()),
        "[a-zé“” ,.]{0,40}",
    ], 0..80)) {
        let page = format!("<!DOCTYPE html><html><body>{}</body></html>", parts.concat());
        if let Ok(i) = import::import_bytes_named("p.html", page.as_bytes()) {
            check_clean(&i);
        }
    }
}
