//! Extraction quality against pages with known expected text: bag-of-words F1 and title match.
//! Used by the `import_eval` example and test.
// Included by path by the tests, benchmarks and examples that need it: each uses a part.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;

/// The outcome for one page.
#[derive(Debug, Clone)]
pub struct PageScore {
    pub name: String,
    pub f1: f64,
    pub title_ok: bool,
    pub title: String,
    pub expected_title: String,
    /// Set when the page could not be imported (then `f1` is 0).
    pub error: Option<String>,
}

/// Aggregates over all pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub pages: usize,
    pub median_f1: f64,
    pub mean_f1: f64,
    pub titles_matched: usize,
    pub errors: usize,
}

/// Lower-cased word tokens: runs of letters/digits.
fn bag(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for tok in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        *bag.entry(tok.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// Bag-of-words F1 of `got` against `expected` (1.0 when both are empty).
pub fn token_f1(got: &str, expected: &str) -> f64 {
    let (g, e) = (bag(got), bag(expected));
    let g_total: usize = g.values().sum();
    let e_total: usize = e.values().sum();
    if g_total == 0 && e_total == 0 {
        return 1.0;
    }
    let common: usize = g
        .iter()
        .map(|(k, n)| (*n).min(e.get(k).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / g_total as f64;
    let r = common as f64 / e_total as f64;
    2.0 * p * r / (p + r)
}

/// Scores one page folder holding `source.html`, `expected.txt` and `expected-metadata.json`.
pub fn score_page(dir: &Path) -> Result<PageScore, String> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let read = |f: &str| std::fs::read(dir.join(f)).map_err(|e| format!("{name}/{f}: {e}"));
    let expected = String::from_utf8_lossy(&read("expected.txt")?).into_owned();
    let meta: serde_json::Value = serde_json::from_slice(&read("expected-metadata.json")?)
        .map_err(|e| format!("{name}/expected-metadata.json: {e}"))?;
    let expected_title = meta["title"].as_str().unwrap_or_default().to_string();
    let source = read("source.html")?;
    Ok(
        match factdesk::core::import::import_bytes_named("source.html", &source) {
            Ok(i) => PageScore {
                f1: token_f1(&i.body, &expected),
                title_ok: factdesk::core::import::text::one_line(&i.meta.title)
                    == factdesk::core::import::text::one_line(&expected_title),
                title: i.meta.title,
                expected_title,
                error: None,
                name,
            },
            Err(e) => PageScore {
                f1: 0.0,
                title_ok: false,
                title: String::new(),
                expected_title,
                error: Some(e.to_string()),
                name,
            },
        },
    )
}

/// Scores every page folder under `root` (sorted by name).
pub fn score_corpus(root: &Path) -> Result<Vec<PageScore>, String> {
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .map_err(|e| format!("{}: {e}", root.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    dirs.sort();
    dirs.iter().map(|d| score_page(d)).collect()
}

pub fn summarize(scores: &[PageScore]) -> Summary {
    let mut f1s: Vec<f64> = scores.iter().map(|s| s.f1).collect();
    f1s.sort_by(f64::total_cmp);
    let n = f1s.len();
    let median = match n {
        0 => 0.0,
        _ if n % 2 == 1 => f1s[n / 2],
        _ => (f1s[n / 2 - 1] + f1s[n / 2]) / 2.0,
    };
    Summary {
        pages: n,
        median_f1: median,
        mean_f1: if n == 0 {
            0.0
        } else {
            f1s.iter().sum::<f64>() / n as f64
        },
        titles_matched: scores.iter().filter(|s| s.title_ok).count(),
        errors: scores.iter().filter(|s| s.error.is_some()).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_counts_words_not_markup_or_case() {
        assert_eq!(token_f1("The cat, the hat.", "the CAT the hat"), 1.0);
        assert_eq!(token_f1("a b", "c d"), 0.0);
        let f = token_f1("a b c d", "a b");
        assert!((f - 2.0 / 3.0).abs() < 1e-9, "{f}");
        let s = summarize(&[
            PageScore {
                name: "x".into(),
                f1: 1.0,
                title_ok: true,
                title: String::new(),
                expected_title: String::new(),
                error: None,
            },
            PageScore {
                name: "y".into(),
                f1: 0.5,
                title_ok: false,
                title: String::new(),
                expected_title: String::new(),
                error: Some("e".into()),
            },
        ]);
        assert_eq!(
            (s.median_f1, s.mean_f1, s.titles_matched, s.errors),
            (0.75, 0.75, 1, 1)
        );
    }
}
