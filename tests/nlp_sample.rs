//! Suggestions on the sample article: every claim an analyst marked in `projects/sample.ron` is
//! covered by a suggestion with the same speaker; plus unicode, pronoun and status checks.

use factdesk::core::model::Status;
use factdesk::core::nlp::{Suggestion, suggest_article, suggest_text};
use factdesk::core::store;
use std::path::Path;

fn show(all: &[Suggestion]) -> String {
    all.iter()
        .map(|s| {
            format!(
                "{}..{} [{}] {} | {} | {}\n",
                s.start, s.end, s.status, s.speaker, s.cue, s.quote
            )
        })
        .collect()
}

#[test]
fn sample_claims_are_covered_with_their_speakers() {
    let p = store::load(Path::new("projects/sample.ron")).expect("sample loads");
    let art = &p.articles[0];
    let all = suggest_article(art);
    println!("{}", show(&all));
    let mut missed = Vec::new();
    for c in p.claims_of(&art.id) {
        let r = c.range();
        let hit = all.iter().any(|s| {
            let ov = s.end.min(r.end).saturating_sub(s.start.max(r.start));
            ov * 2 >= r.len() && s.speaker.eq_ignore_ascii_case(&c.speaker)
        });
        if !hit {
            missed.push(format!("{} ({})", c.anchor.quote, c.speaker));
        }
    }
    assert!(
        missed.is_empty(),
        "not covered: {missed:#?}\n{}",
        show(&all)
    );
}

fn by_quote<'a>(all: &'a [Suggestion], q: &str) -> &'a Suggestion {
    all.iter()
        .find(|s| s.quote.contains(q))
        .unwrap_or_else(|| panic!("no suggestion quoting {q:?}"))
}

#[test]
fn statuses_follow_denial_and_accusation_cues() {
    let p = store::load(Path::new("projects/sample.ron")).expect("sample loads");
    let all = suggest_article(&p.articles[0]);
    assert_eq!(
        by_quote(&all, "fabricating a non-existent").status,
        Status::Denied
    );
    assert_eq!(
        by_quote(&all, "crossing the red line").status,
        Status::Disputed
    );
    assert_eq!(by_quote(&all, "We also know").status, Status::Disputed);
    assert_eq!(by_quote(&all, "White House showed").status, Status::Sourced);
    let s = by_quote(&all, "nuclear-armed state supplied");
    assert_eq!(
        s.status,
        Status::Denied,
        "denied by North Korea in the same sentence"
    );
    assert_eq!(s.speaker, "United States");
    for s in &all {
        assert!((0.0..=1.0).contains(&s.score));
        assert!(!s.reason.is_empty() && !s.cue.is_empty());
        let body: Vec<char> = p.articles[0].body.chars().collect();
        assert_eq!(body[s.start..s.end].iter().collect::<String>(), s.quote);
    }
}

#[test]
fn pronouns_back_off_to_the_last_named_speaker() {
    let t = "Defence minister Anna Kowalska said the army had 300 tanks. \
             “We will not give up a single one of them,” she added. \
             The ministry denied that any tank had been sold.";
    let all = suggest_text(t, "Wire");
    let q = by_quote(&all, "single one");
    assert_eq!(q.speaker, "Anna Kowalska");
    assert_eq!(by_quote(&all, "300 tanks").speaker, "Anna Kowalska");
    let d = by_quote(&all, "denied that any tank");
    assert_eq!((d.speaker.as_str(), d.status), ("ministry", Status::Denied));
}

#[test]
fn speakers_after_the_verb_and_according_to() {
    let t = "The bridge was closed for 12 days, according to city engineer Marta Ruiz. \
             \"The repairs cost more than we planned,\" said Tom O'Neill, the mayor.";
    let all = suggest_text(t, "");
    assert_eq!(by_quote(&all, "bridge was closed").speaker, "Marta Ruiz");
    assert_eq!(by_quote(&all, "repairs cost").speaker, "Tom O'Neill");
}

#[test]
fn unicode_offsets_are_chars() {
    let t = "🚀🚀 北朝鮮 «Nous démentons ces rumeurs infondées», a déclaré le ministère. \
             Ms. Lee said “the 北朝鮮 launch 🚀 failed twice in ten days”.";
    let all = suggest_text(t, "");
    let chars: Vec<char> = t.chars().collect();
    assert!(!all.is_empty());
    for s in &all {
        assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.quote);
    }
    let s = by_quote(&all, "launch 🚀 failed");
    assert_eq!(s.speaker, "Lee");
    assert_eq!(s.quote, "the 北朝鮮 launch 🚀 failed twice in ten days");
}

#[test]
#[ignore = "needs ../shared/corpus/readability; run with --ignored where it exists"]
fn real_pages_give_valid_spans() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability");
    assert!(dir.exists(), "{} is missing", dir.display());
    // Present but unreadable is a failure, not a skip.
    let entries = std::fs::read_dir(&dir).expect("corpus folder readable");
    let mut pages = 0;
    let mut total = 0;
    for e in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(e.path().join("expected.txt")) else {
            continue;
        };
        pages += 1;
        let all = suggest_text(&text, "");
        let chars: Vec<char> = text.chars().collect();
        for s in &all {
            assert!(s.start < s.end && s.end <= chars.len());
            assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.quote);
        }
        total += all.len();
    }
    println!("{total} suggestions on {pages} pages");
    assert!(pages >= 30, "only {pages} pages with expected.txt");
    assert!(total > 0);
}
