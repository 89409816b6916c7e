//! Sentence boundaries beyond the Golden Rules: written cases in four languages (always run),
//! suggestions segmented by each article's `lang` metadata (always run), and hand-checked
//! boundaries in the real news pages of `../shared/corpus` (run when present).

use factdesk::core::model::{Article, ArticleMeta, Project};
use factdesk::core::nlp::{
    Lang, SegmentOptions, sentence_text, sentences_with, suggest_article, suggest_project,
    suggest_text_in,
};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Cases {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    lang: String,
    input: String,
    expected: Vec<String>,
}

#[derive(Deserialize)]
struct Checks {
    pages: Vec<PageChecks>,
}

#[derive(Deserialize)]
struct PageChecks {
    page: String,
    lang: String,
    chars: usize,
    fnv1a: String,
    #[serde(default)]
    cuts: Vec<usize>,
    #[serde(default)]
    joins: Vec<usize>,
    #[serde(default)]
    ends: Vec<usize>,
}

fn lang(tag: &str) -> Lang {
    Lang::parse(tag).unwrap_or_else(|| panic!("fixture names an unknown language {tag:?}"))
}

/// The shared material at `rel` under `../shared`; the tests that use it are ignored by default
/// and run with `--ignored` where it exists, so its absence is a failure, never a pass.
fn shared(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    assert!(p.exists(), "{} is missing", p.display());
    p
}

fn fnv1a(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[test]
fn written_cases_in_four_languages() {
    let text = std::fs::read_to_string("tests/fixtures/nlp/sentence_cases.json").expect("read");
    let cases: Cases = serde_json::from_str(&text).expect("parse");
    let mut failures = Vec::new();
    for c in &cases.cases {
        let got: Vec<String> = sentences_with(&c.input, SegmentOptions::lang(lang(&c.lang)))
            .into_iter()
            .map(|r| sentence_text(&c.input, r))
            .collect();
        if got != c.expected {
            failures.push(format!(
                "{} [{}]: got {got:?}, want {:?}",
                c.name, c.lang, c.expected
            ));
        }
    }
    let total = cases.cases.len();
    println!("written cases: {}/{total} passed", total - failures.len());
    assert!(total >= 50, "only {total} cases");
    assert!(failures.is_empty(), "{failures:#?}");
}

/// An article whose metadata gives its language as `lang` (empty: not stated).
fn article_in(lang: &str, body: &str) -> Article {
    Article::new(
        ArticleMeta {
            lang: lang.into(),
            source: "Zeitung".into(),
            ..ArticleMeta::default()
        },
        body,
    )
}

fn quotes(article: &Article) -> Vec<String> {
    suggest_article(article)
        .into_iter()
        .map(|s| s.quote)
        .collect()
}

#[test]
fn suggestions_are_segmented_by_the_articles_language() {
    // In German "3. Oktober" is a date; in French "Pr." (professeur) is a title before a name.
    // English rules end a sentence after both, so the suggestion would lose its first words.
    let de = "Am 3. Oktober wurden 40 Raketen an die Armee geliefert. Dann ging er nach Hause.";
    let fr = "Le Pr. Raoult a soigné 4000 malades en mars 2020 à Marseille. Il est parti.";
    let de_whole = "Am 3. Oktober wurden 40 Raketen an die Armee geliefert";
    let fr_whole = "Le Pr. Raoult a soigné 4000 malades en mars 2020 à Marseille";
    assert_eq!(quotes(&article_in("de-DE", de)), [de_whole]);
    assert_eq!(quotes(&article_in("fr", fr)), [fr_whole]);
    // The same bodies without (or with English) metadata: the cases tell the languages apart.
    for lang in ["", "en"] {
        assert_eq!(
            quotes(&article_in(lang, de)),
            ["Oktober wurden 40 Raketen an die Armee geliefert"],
            "lang {lang:?}"
        );
        assert_eq!(
            quotes(&article_in(lang, fr)),
            ["Raoult a soigné 4000 malades en mars 2020 à Marseille"],
            "lang {lang:?}"
        );
    }
    // suggest_article agrees with the text API given the language explicitly.
    let explicit: Vec<String> = suggest_text_in(de, "Zeitung", Lang::De)
        .into_iter()
        .map(|s| s.quote)
        .collect();
    assert_eq!(explicit, [de_whole]);
    // A project with articles in both languages: each article keeps its own rules.
    let mut project = Project::new("two languages");
    project.articles.push(article_in("de", de));
    project.articles.push(article_in("fr-CA", fr));
    let mut got: Vec<(String, String)> = suggest_project(&project)
        .into_iter()
        .map(|s| (s.article.0, s.quote))
        .collect();
    got.sort();
    let mut want = vec![
        (project.articles[0].id.0.clone(), de_whole.to_string()),
        (project.articles[1].id.0.clone(), fr_whole.to_string()),
    ];
    want.sort();
    assert_eq!(got, want);
}

#[test]
#[ignore = "needs ../shared/corpus/readability; run with --ignored where it exists"]
fn hand_checked_boundaries_in_real_pages() {
    let text = std::fs::read_to_string("tests/fixtures/nlp/corpus_checks.json").expect("read");
    let checks: Checks = serde_json::from_str(&text).expect("parse");
    let root = shared("corpus/readability");
    let mut failures = Vec::new();
    let mut total = 0;
    for p in &checks.pages {
        let path = root.join(&p.page).join("expected.txt");
        // The corpus is there: a missing or changed page is an error, not a skip.
        let body =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            (body.chars().count(), fnv1a(body.as_bytes())),
            (p.chars, p.fnv1a.clone()),
            "{} is not the version the checks were made on",
            path.display()
        );
        let ranges = sentences_with(&body, SegmentOptions::lang(lang(&p.lang)));
        let chars: Vec<char> = body.chars().collect();
        // A sentence ends after the mark at `at` if one ends right after it and its closers.
        let ends_after = |at: usize| {
            let mut e = at + 1;
            while e < chars.len() && "\"'”’)]»“‘›«".contains(chars[e]) {
                e += 1;
            }
            ranges.iter().any(|r| r.end > at && r.end <= e)
        };
        for &at in &p.cuts {
            total += 1;
            if !ends_after(at) {
                failures.push(format!("{} @{at}: no boundary", p.page));
            }
        }
        for &at in &p.joins {
            total += 1;
            if ends_after(at) {
                failures.push(format!("{} @{at}: boundary", p.page));
            }
        }
        if !p.ends.is_empty() {
            total += 1;
            let got: Vec<usize> = ranges.iter().map(|r| r.end).collect();
            if got != p.ends {
                failures.push(format!("{}: ends {got:?}, want {:?}", p.page, p.ends));
            }
        }
    }
    println!(
        "real pages: {}/{total} checks passed on {} pages",
        total - failures.len(),
        checks.pages.len()
    );
    assert!(total >= 150, "only {total} checks");
    assert!(failures.is_empty(), "{failures:#?}");
}
