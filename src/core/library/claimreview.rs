//! ClaimReview feeds in: JSON-LD files (one review, an array, an `@graph` or a DataFeed) or JSONL.

use super::Record;
use serde_json::Value;
use std::path::Path;

/// A feed that could not be parsed at all, or one review in it that was skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedProblem {
    /// "line:col" for JSON syntax errors, a JSON pointer ("/@graph/3") or "line N" for JSONL.
    pub position: String,
    pub message: String,
}

/// The reviews in a feed's text, with what was skipped. A syntax error in a JSON document
/// rejects the file (`Err`); in JSONL, only that line is skipped.
pub fn parse_feed(text: &str, path: &Path) -> Result<(Vec<Record>, Vec<FeedProblem>), FeedProblem> {
    let source = path.display().to_string();
    let jsonl = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    let mut records = Vec::new();
    let mut problems = Vec::new();
    if !jsonl {
        let value: Value = serde_json::from_str(text).map_err(|e| FeedProblem {
            position: format!("{}:{}", e.line(), e.column()),
            message: format!("not valid JSON: {e}"),
        })?;
        collect(&value, String::new(), &source, &mut records, &mut problems);
        nothing_found(&records, &mut problems);
        return Ok((records, problems));
    }
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => collect(
                &v,
                format!("line {}", n + 1),
                &source,
                &mut records,
                &mut problems,
            ),
            Err(e) => problems.push(FeedProblem {
                position: format!("{}:{}", n + 1, e.column()),
                message: format!("not valid JSON: {e}; line skipped"),
            }),
        }
    }
    nothing_found(&records, &mut problems);
    Ok((records, problems))
}

/// A feed without a single review (the wrong file, or reviews under another type) says so
/// instead of adding nothing in silence.
fn nothing_found(records: &[Record], problems: &mut Vec<FeedProblem>) {
    if records.is_empty() && problems.is_empty() {
        problems.push(FeedProblem {
            position: "/".into(),
            message: "no ClaimReview in this file (an object with \"@type\": \"ClaimReview\", \
                      alone, in an array, an @graph or a DataFeed)"
                .into(),
        });
    }
}

/// `ClaimReview`, or the same type written in full (`https://schema.org/ClaimReview`,
/// `schema:ClaimReview`), as JSON-LD without a schema.org context has it.
fn is_claim_review_type(t: &str) -> bool {
    t.strip_suffix("ClaimReview").is_some_and(|head| {
        head.is_empty()
            || ["http://schema.org/", "https://schema.org/", "schema:"]
                .iter()
                .any(|p| head.eq_ignore_ascii_case(p))
    })
}

fn is_claim_review(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => is_claim_review_type(t),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .any(is_claim_review_type),
        _ => false,
    }
}

/// Walks the value for ClaimReview objects, wherever a feed nests them.
fn collect(
    v: &Value,
    at: String,
    source: &str,
    records: &mut Vec<Record>,
    problems: &mut Vec<FeedProblem>,
) {
    match v {
        Value::Object(_) if is_claim_review(v) => match review(v, source, records.len()) {
            Some(r) => records.push(r),
            None => problems.push(FeedProblem {
                position: if at.is_empty() { "/".into() } else { at },
                message: "a ClaimReview without claimReviewed text; skipped".into(),
            }),
        },
        Value::Object(map) => {
            for (k, child) in map {
                if matches!(child, Value::Object(_) | Value::Array(_)) {
                    collect(child, format!("{at}/{k}"), source, records, problems);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                collect(child, format!("{at}/{i}"), source, records, problems);
            }
        }
        _ => {}
    }
}

/// A text field: a string, or a number written as text (ratingValue is either).
fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A party's name: `{"name": …}`, a bare string, or the first named one of an array; its url
/// when none has a name.
fn party_name(v: Option<&Value>) -> Option<String> {
    fn named(v: &Value) -> Option<String> {
        match v {
            Value::String(_) => text(Some(v)),
            Value::Array(items) => items.iter().find_map(named),
            Value::Object(_) => text(v.get("name")),
            _ => None,
        }
    }
    fn url(v: &Value) -> Option<String> {
        match v {
            Value::Array(items) => items.iter().find_map(url),
            Value::Object(_) => text(v.get("url")),
            _ => None,
        }
    }
    let v = v?;
    named(v).or_else(|| url(v))
}

fn review(v: &Value, source: &str, n: usize) -> Option<Record> {
    let quote = text(v.get("claimReviewed"))?;
    let item = v.get("itemReviewed");
    let rating = v.get("reviewRating");
    // The verdict is the rating's name; a bare number is shown against its best value.
    let verdict = text(rating.and_then(|r| r.get("alternateName"))).or_else(|| {
        let value = text(rating.and_then(|r| r.get("ratingValue")))?;
        Some(match text(rating.and_then(|r| r.get("bestRating"))) {
            Some(best) => format!("{value}/{best}"),
            None => value,
        })
    });
    let appearance = item.and_then(|i| {
        i.get("appearance")
            .or_else(|| i.get("firstAppearance"))
            .map(|a| match a {
                Value::Array(items) => items.first().unwrap_or(a),
                _ => a,
            })
    });
    let article = text(appearance.and_then(|a| a.get("headline")))
        .or_else(|| text(item.and_then(|i| i.get("name"))))
        .or_else(|| {
            text(
                item.and_then(|i| i.get("isPartOf"))
                    .and_then(|p| p.get("name")),
            )
        })
        .or_else(|| text(appearance.and_then(|a| a.get("url"))));
    Some(Record {
        key: format!("{source}#{n}"),
        source: source.to_string(),
        quote,
        extra: text(v.get("reviewBody")).unwrap_or_default(),
        status: None,
        verdict,
        speaker: party_name(item.and_then(|i| i.get("author"))),
        project: source.to_string(),
        article,
        claim: None,
        date: text(v.get("datePublished"))
            .or_else(|| text(item.and_then(|i| i.get("datePublished")))),
        publisher: party_name(v.get("author")).or_else(|| party_name(v.get("publisher"))),
        url: text(v.get("url")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_maps_to_a_record() {
        let text = r#"{"@context":"https://schema.org","@type":"ClaimReview",
          "url":"https://example.com/r","claimReviewed":"The world is flat",
          "datePublished":"2024-06-22","author":{"@type":"Organization","name":"Science watch"},
          "itemReviewed":{"@type":"Claim","author":{"name":"Square World Society"},
            "appearance":{"headline":"Square Earth"}},
          "reviewRating":{"ratingValue":1,"bestRating":5,"alternateName":"False"}}"#;
        let (r, p) = parse_feed(text, Path::new("f.jsonld")).expect("parses");
        assert!(p.is_empty());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].quote, "The world is flat");
        assert_eq!(r[0].verdict.as_deref(), Some("False"));
        assert_eq!(r[0].speaker.as_deref(), Some("Square World Society"));
        assert_eq!(r[0].publisher.as_deref(), Some("Science watch"));
        assert_eq!(r[0].article.as_deref(), Some("Square Earth"));
        assert_eq!(r[0].date.as_deref(), Some("2024-06-22"));
    }

    #[test]
    fn graphs_arrays_and_jsonl_are_read_and_errors_have_positions() {
        let graph = r#"{"@graph":[{"@type":"ClaimReview","claimReviewed":"A"},
            {"@type":["ClaimReview"],"reviewRating":{"ratingValue":"2"}}]}"#;
        let (r, p) = parse_feed(graph, Path::new("g.json")).expect("parses");
        assert_eq!(r.len(), 1);
        assert_eq!(p[0].position, "/@graph/1");
        let err = parse_feed("{\n  \"a\": [1,\n}", Path::new("bad.json")).expect_err("syntax");
        assert_eq!(err.position, "3:1");
        let lines = "{\"@type\":\"ClaimReview\",\"claimReviewed\":\"B\"}\n{oops\n";
        let (r, p) = parse_feed(lines, Path::new("x.jsonl")).expect("jsonl");
        assert_eq!(r.len(), 1);
        assert!(p[0].position.starts_with("2:"), "{p:?}");
    }

    fn review_json(claim: &str) -> String {
        format!(
            r#"{{"@type":"ClaimReview","claimReviewed":"{claim}","url":"https://example.org/{claim}",
               "author":{{"@type":"Organization","name":"Checkers"}},
               "reviewRating":{{"@type":"Rating","alternateName":"Misleading"}}}}"#
        )
    }

    #[test]
    fn a_data_feed_yields_each_items_review() {
        let feed = format!(
            r#"{{"@context":"https://schema.org","@type":"DataFeed","dateModified":"2024-07-01",
              "dataFeedElement":[
                {{"@type":"DataFeedItem","dateCreated":"2024-06-30","item":{a}}},
                {{"@type":"DataFeedItem","item":[{b}]}},
                {{"@type":"DataFeedItem","item":{{"@type":"ClaimReview","url":"https://x"}}}}]}}"#,
            a = review_json("one"),
            b = review_json("two"),
        );
        let (r, p) = parse_feed(&feed, Path::new("feed.json")).expect("parses");
        let quotes: Vec<&str> = r.iter().map(|r| r.quote.as_str()).collect();
        assert_eq!(quotes, ["one", "two"]);
        assert_eq!(r[1].url.as_deref(), Some("https://example.org/two"));
        assert_eq!(r[1].publisher.as_deref(), Some("Checkers"));
        assert_ne!(r[0].key, r[1].key);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].position, "/dataFeedElement/2/item");
    }

    #[test]
    fn a_graph_inside_an_array_is_read() {
        let doc = format!(
            r#"[{{"@context":"https://schema.org","@graph":[{{"@type":"WebPage","name":"p"}},{a}]}},
               {b}]"#,
            a = review_json("in graph"),
            b = review_json("after"),
        );
        let (r, p) = parse_feed(&doc, Path::new("g.jsonld")).expect("parses");
        let quotes: Vec<&str> = r.iter().map(|r| r.quote.as_str()).collect();
        assert_eq!(quotes, ["in graph", "after"]);
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn a_claims_author_may_be_a_string_an_object_or_an_array() {
        let with_author = |author: &str| {
            let doc = format!(
                r#"{{"@type":"ClaimReview","claimReviewed":"c",
                   "itemReviewed":{{"@type":"Claim","author":{author}}}}}"#
            );
            let (r, _) = parse_feed(&doc, Path::new("a.json")).expect("parses");
            r[0].speaker.clone()
        };
        assert_eq!(with_author(r#""Jane Roe""#).as_deref(), Some("Jane Roe"));
        assert_eq!(
            with_author(r#"{"@type":"Person","name":"Jane Roe"}"#).as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            with_author(r#"[{"@type":"Person","name":"Jane Roe"},{"name":"John Doe"}]"#).as_deref(),
            Some("Jane Roe")
        );
        // A name anywhere in the array beats the first one's bare url.
        assert_eq!(
            with_author(r#"[{"@type":"Person","url":"https://jr.example"},{"name":"John Doe"}]"#)
                .as_deref(),
            Some("John Doe")
        );
        assert_eq!(
            with_author(r#"{"url":"https://jr.example"}"#).as_deref(),
            Some("https://jr.example")
        );
        assert_eq!(with_author(r#"[]"#), None);
        assert_eq!(with_author(r#""  ""#), None);
    }

    #[test]
    fn a_rating_with_only_a_name_is_the_verdict() {
        let doc = r#"{"@type":"ClaimReview","claimReviewed":"c",
            "reviewRating":{"@type":"Rating","alternateName":"Half true"}}"#;
        let (r, _) = parse_feed(doc, Path::new("r.json")).expect("parses");
        assert_eq!(r[0].verdict.as_deref(), Some("Half true"));
        let doc = r#"{"@type":"ClaimReview","claimReviewed":"c",
            "reviewRating":{"@type":"Rating","ratingValue":"3"}}"#;
        let (r, _) = parse_feed(doc, Path::new("r.json")).expect("parses");
        assert_eq!(r[0].verdict.as_deref(), Some("3"));
        let doc = r#"{"@type":"ClaimReview","claimReviewed":"c"}"#;
        let (r, _) = parse_feed(doc, Path::new("r.json")).expect("parses");
        assert_eq!(r[0].verdict, None);
    }

    #[test]
    fn a_malformed_feed_says_where() {
        let truncated = "{\"@type\":\"DataFeed\",\n \"dataFeedElement\": [\n  {\"item\": {\"@type\": \"ClaimReview\",\n";
        let err = parse_feed(truncated, Path::new("f.json")).expect_err("truncated");
        assert_eq!(err.position, "4:0", "{err:?}");
        assert!(err.message.starts_with("not valid JSON"), "{err:?}");
        let err = parse_feed("[\n  {\"a\": 1}\n  {\"b\": 2}\n]", Path::new("f.json"))
            .expect_err("missing comma");
        assert_eq!(err.position, "3:3", "{err:?}");
    }

    #[test]
    fn full_type_names_count_and_a_file_without_reviews_says_so() {
        for t in [
            "https://schema.org/ClaimReview",
            "schema:ClaimReview",
            "ClaimReview",
        ] {
            let doc = format!(r#"{{"@type":["Thing","{t}"],"claimReviewed":"c"}}"#);
            let (r, p) = parse_feed(&doc, Path::new("t.json")).expect("parses");
            assert_eq!(r.len(), 1, "{t}");
            assert!(p.is_empty(), "{p:?}");
        }
        let (r, p) = parse_feed(
            r#"{"@type":"NotClaimReview","claimReviewed":"c"}"#,
            Path::new("t.json"),
        )
        .expect("parses");
        assert!(r.is_empty());
        assert!(p[0].message.starts_with("no ClaimReview"), "{p:?}");
        let (_, p) = parse_feed("\n", Path::new("t.jsonl")).expect("parses");
        assert!(p[0].message.starts_with("no ClaimReview"), "{p:?}");
    }
}
