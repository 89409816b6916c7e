//! `factdesk sentences` and `factdesk suggest`, driven as a script would drive them.

#[path = "support/cli.rs"]
mod support;
use support::{ok_with_input, run_with_input};

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).expect("valid JSON")
}

const ARTICLE: &str = "Seoul — North Korea denied supplying “rockets and missiles” to Wagner.\n\n\
“It is a rumour spread by the U.S. and its allies,” said Kwon Jong Gun. \
The US said 31 rockets were sent. 北朝鮮 🚀 rockets.";

#[test]
fn sentences_from_stdin_file_and_project() {
    let out = json(&ok_with_input(
        &["sentences", "--json"],
        Some("Mr. Smith left. He said “No.” 🚀 Bye."),
    ));
    let arr = out.as_array().expect("array");
    assert_eq!(arr.len(), 3);
    assert_eq!(arr[1]["text"], "He said “No.”");
    assert_eq!(arr[1]["start"], 16);
    assert_eq!(arr[2]["end"], 36);
    assert_eq!(
        arr[0]
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>()),
        Some(vec![
            "end".to_string(),
            "lang".into(),
            "start".into(),
            "text".into()
        ])
    );
    assert_eq!(arr[0]["lang"], "en");

    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, ARTICLE).expect("write");
    let f = file.to_str().expect("utf-8");
    let text = ok_with_input(&["sentences", f], None);
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(
        text.lines()
            .nth(1)
            .is_some_and(|l| l.ends_with("Kwon Jong Gun."))
    );

    let p = dir.path().join("p.ron");
    let p = p.to_str().expect("utf-8");
    ok_with_input(&["new", p, f], None);
    let out = json(&ok_with_input(&["sentences", p, "--json"], None));
    assert_eq!(out.as_array().map(Vec::len), Some(4));
    assert!(
        out[0]["article"]
            .as_str()
            .is_some_and(|a| a.starts_with("a-"))
    );
    let o = run_with_input(&["sentences", p, "--article", "a-nope"], None);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn sentences_in_a_language_and_with_joined_lines() {
    // A German ordinal ("3. Oktober") does not end a sentence; in English a number can.
    let de = "Er kam am 3. Oktober an. Dann ging er.";
    let out = json(&ok_with_input(
        &["sentences", "--json", "--lang", "de-AT"],
        Some(de),
    ));
    let texts: Vec<&str> = out
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|s| s["text"].as_str())
        .collect();
    assert_eq!(texts, vec!["Er kam am 3. Oktober an.", "Dann ging er."]);
    assert_eq!(out[0]["lang"], "de");
    let en = json(&ok_with_input(&["sentences", "--json"], Some(de)));
    assert_eq!(en.as_array().map(Vec::len), Some(3));

    let o = run_with_input(&["sentences", "--lang", "xx"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("en, fr, de, es"));

    // A sentence wrapped across lines: offsets cover the lines, the text joins them.
    let wrapped = "The ministry said the\nreport was false. Next.";
    let out = json(&ok_with_input(&["sentences", "--json"], Some(wrapped)));
    assert_eq!(out[0]["text"], "The ministry said the report was false.");
    assert_eq!(
        (out[0]["start"].as_u64(), out[0]["end"].as_u64()),
        (Some(0), Some(39))
    );
}

/// The article texts of [`sentences_of_a_project_follow_each_articles_language`]: in its own
/// language each is two sentences, read with English rules three.
const GERMAN: &str = "Es kam am 3. Oktober an. Dann ging er.";
const FRENCH: &str = "Le Pr. Raoult a parlé hier. Il est parti.";

#[test]
fn sentences_of_a_project_follow_each_articles_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Markdown front matter gives each article its `lang` metadata (no --lang anywhere).
    let de = dir.path().join("de.md");
    std::fs::write(
        &de,
        format!("---\ntitle: Ankunft\nlang: de-DE\n---\n\n{GERMAN}\n"),
    )
    .expect("write");
    let fr = dir.path().join("fr.md");
    std::fs::write(
        &fr,
        format!("---\ntitle: Départ\nlang: fr\n---\n\n{FRENCH}\n"),
    )
    .expect("write");
    let p = dir.path().join("p.ron");
    let p = p.to_str().expect("utf-8");
    ok_with_input(
        &[
            "new",
            p,
            de.to_str().expect("utf-8"),
            fr.to_str().expect("utf-8"),
        ],
        None,
    );
    let sentences = |extra: &[&str]| -> Vec<(String, String)> {
        let mut args = vec!["sentences", p, "--json"];
        args.extend_from_slice(extra);
        json(&ok_with_input(&args, None))
            .as_array()
            .expect("array")
            .iter()
            .map(|s| {
                (
                    s["lang"].as_str().unwrap_or("").to_string(),
                    s["text"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    let pair = |lang: &str, text: &str| (lang.to_string(), text.to_string());
    assert_eq!(
        sentences(&[]),
        vec![
            pair("de", "Es kam am 3. Oktober an."),
            pair("de", "Dann ging er."),
            pair("fr", "Le Pr. Raoult a parlé hier."),
            pair("fr", "Il est parti."),
        ]
    );
    // The same articles read with English rules split after "3." and "Pr.": the metadata, not
    // the text, made the difference above.
    let english = sentences(&["--lang", "en"]);
    assert_eq!(english.len(), 6, "{english:?}");
    assert!(english.contains(&pair("en", "Es kam am 3.")), "{english:?}");
    assert!(english.contains(&pair("en", "Le Pr.")), "{english:?}");
}

#[test]
fn suggest_lists_applies_and_rejects() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, ARTICLE).expect("write");
    let p = dir.path().join("p.ron");
    let p = p.to_str().expect("utf-8");
    ok_with_input(&["new", p, file.to_str().expect("utf-8")], None);

    let out = json(&ok_with_input(&["suggest", p, "--json"], None));
    let arr = out.as_array().expect("array").clone();
    assert_eq!(arr.len(), 3, "{out:#}");
    let keys: Vec<String> = arr[0]
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    for k in [
        "article", "start", "end", "quote", "speaker", "cue", "status", "reason", "score",
    ] {
        assert!(keys.contains(&k.to_string()), "missing key {k}");
    }
    let kwon = arr
        .iter()
        .find(|s| s["speaker"] == "Kwon Jong Gun")
        .expect("Kwon's quote");
    assert_eq!(kwon["status"], "denied");
    assert_eq!(
        kwon["quote"],
        "It is a rumour spread by the U.S. and its allies"
    );

    // Reject one by score filter, apply the rest: nothing is left to suggest, even after reload.
    ok_with_input(&["suggest", p, "--reject", "--min-score", "0.88"], None);
    let left = json(&ok_with_input(&["suggest", p, "--json"], None));
    assert_eq!(left.as_array().map(Vec::len), Some(2));
    ok_with_input(&["suggest", p, "--apply"], None);
    let claims = json(&ok_with_input(&["claims", p, "--json"], None));
    let claims = claims.as_array().expect("claims");
    assert_eq!(claims.len(), 2);
    assert!(claims.iter().all(|c| c["status"] == "unreviewed"));
    assert!(claims.iter().any(|c| c["speaker"] == "North Korea"));
    assert_eq!(ok_with_input(&["suggest", p], None), "");
    ok_with_input(&["check", p], None);

    let o = run_with_input(&["suggest", p, "--tag"], None);
    assert_eq!(o.status.code(), Some(2), "--tag needs --apply");
}
