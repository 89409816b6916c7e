//! New versions of an article: realistic edits of the sample article carry every claim over
//! exactly or flag it, never attach it to different words; the update is one undo step; stored
//! versions rebuild and are checked; the command line updates and diffs.

use factdesk::core::action::apply;
use factdesk::core::model::{Article, ArticleMeta, Claim, Project};
use factdesk::core::store;
use factdesk::core::time::Timestamp;
use factdesk::core::versions::{self, plan_update};
use proptest::prelude::*;
use std::path::Path;

fn sample() -> Project {
    store::load(Path::new("projects/sample.ron")).expect("sample project")
}

/// Applies a new body to the sample's article; returns the project after and before.
fn update(p: &Project, body: &str) -> (Project, versions::UpdatePlan) {
    let id = p.articles[0].id.clone();
    let plan = plan_update(p, &id, body, "edited.txt", &Timestamp::now()).expect("plan");
    let mut after = p.clone();
    apply(&mut after, plan.action.clone()).expect("apply");
    (after, plan)
}

/// Every claim is either on the current text with its quote exactly there, or flagged and still
/// matching the version it indexes. Returns (moved, flagged) counts.
fn assert_honest(after: &Project) -> (usize, usize) {
    let a = &after.articles[0];
    let (mut moved, mut flagged) = (0, 0);
    for c in &after.claims {
        match &c.changed {
            None => {
                assert_eq!(
                    a.slice(c.anchor.range()),
                    Some(c.anchor.quote.as_str()),
                    "claim {} attached to other words",
                    c.id
                );
                moved += 1;
            }
            Some(ch) => {
                let old = a.body_of(ch.version).expect("old version rebuilds");
                let old = Article::new(ArticleMeta::default(), &old);
                assert_eq!(old.slice(c.anchor.range()), Some(c.anchor.quote.as_str()));
                flagged += 1;
            }
        }
    }
    assert!(store::check(after).is_empty(), "{:?}", store::check(after));
    (moved, flagged)
}

fn claim_with<'a>(p: &'a Project, quote_part: &str) -> &'a Claim {
    p.claims
        .iter()
        .find(|c| c.anchor.quote.contains(quote_part))
        .expect("claim")
}

#[test]
fn a_paragraph_inserted_before_the_claims_moves_them_all() {
    let p = sample();
    let body = format!(
        "Editor's note: this article was updated to add a response.\n\n{}",
        p.articles[0].body
    );
    let (after, plan) = update(&p, &body);
    assert_eq!(plan.flagged, Vec::new());
    assert_eq!(assert_honest(&after), (p.claims.len(), 0));
    assert_eq!(after.articles[0].version, 2);
    assert_eq!(after.articles[0].versions.len(), 1);
    let old = after.articles[0].body_of(1).expect("v1");
    assert_eq!(old, p.articles[0].body, "version 1 rebuilds exactly");
}

#[test]
fn a_word_changed_inside_a_quote_flags_only_that_claim() {
    let p = sample();
    let body =
        p.articles[0]
            .body
            .replacen("promised 31 Abrams tanks", "promised 32 Abrams tanks", 1);
    let (after, plan) = update(&p, &body);
    let flagged = claim_with(&after, "Abrams");
    let change = flagged.changed.as_ref().expect("flagged");
    assert_eq!((change.version, change.in_version), (1, 2));
    assert!(change.new_text.contains("32 Abrams"), "{}", change.new_text);
    assert_eq!(plan.flagged.len(), 1);
    assert_eq!(assert_honest(&after), (p.claims.len() - 1, 1));
}

#[test]
fn a_deleted_sentence_flags_its_claim_and_moves_the_rest() {
    let p = sample();
    let sentence =
        "North Korea is the only country to recognise the independence of Luhansk and Donetsk";
    let body = p.articles[0].body.replacen(sentence, "", 1);
    assert_ne!(body, p.articles[0].body);
    let (after, _) = update(&p, &body);
    assert!(claim_with(&after, "Luhansk").changed.is_some());
    let (moved, flagged) = assert_honest(&after);
    assert_eq!((moved, flagged), (p.claims.len() - 1, 1));
}

#[test]
fn typography_changes_flag_the_quotes_they_touch() {
    let p = sample();
    // Curly quotes straightened: quotes containing them changed; the others move.
    let body = p.articles[0]
        .body
        .replace(['“', '”'], "\"")
        .replace('’', "'");
    let (after, _) = update(&p, &body);
    let (moved, flagged) = assert_honest(&after);
    assert!(flagged >= 2, "quotes with curly marks are flagged");
    assert!(moved >= 5, "the rest move");
    for c in &after.claims {
        let had_curly = p
            .claims
            .iter()
            .find(|o| o.id == c.id)
            .is_some_and(|o| o.anchor.quote.contains(['“', '”', '’']));
        if had_curly {
            assert!(c.changed.is_some(), "{} kept a quote that changed", c.id);
        }
    }
}

#[test]
fn a_quote_repeated_elsewhere_with_its_context_changed_is_flagged_not_guessed() {
    let p = sample();
    let quote = "a foolish attempt to justify its offer of weapons to Ukraine";
    let original = &p.articles[0].body;
    let at = original.find(quote).expect("quote in body");
    // The words around the quote change, and the same quote now appears twice.
    let mut body = String::new();
    body.push_str(&original[..at.saturating_sub(12)]);
    body.push_str("REWRITTEN!! ");
    body.push_str(quote);
    body.push_str(" (REPEATED) ");
    body.push_str(&original[at + quote.len()..]);
    body.push_str("\n\nAs KCNA put it, it was ");
    body.push_str(quote);
    body.push_str(".\n");
    let (after, _) = update(&p, &body);
    let c = claim_with(&after, "foolish attempt");
    let change = c.changed.as_ref().expect("ambiguous: flagged");
    assert!(
        change.reason.contains("occurs 2 times"),
        "{}",
        change.reason
    );
    assert_honest(&after);
}

#[test]
fn the_update_is_one_undo_step_and_versions_are_checked() {
    let p = sample();
    let body = p.articles[0]
        .body
        .replacen("31 Abrams", "thirty-one Abrams", 1);
    let id = p.articles[0].id.clone();
    let plan = plan_update(&p, &id, &body, "v2.txt", &Timestamp::now()).expect("plan");
    let mut after = p.clone();
    let undo = apply(&mut after, plan.action).expect("apply");
    assert_ne!(after, p);
    apply(&mut after, undo).expect("undo");
    assert_eq!(after, p, "one step restores article and claims exactly");
    // The same text again is refused.
    assert!(plan_update(&p, &id, &p.articles[0].body, "same", &Timestamp::now()).is_err());
    // A damaged stored version is reported by check.
    let (mut after, _) = update(&p, &body);
    if let Some(factdesk::core::model::DeltaOp::Ins(t)) = after.articles[0].versions[0]
        .delta
        .iter_mut()
        .find(|op| matches!(op, factdesk::core::model::DeltaOp::Ins(_)))
    {
        t.push('!');
    }
    let problems = store::check(&after);
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("version 1 does not rebuild")),
        "{problems:?}"
    );
}

#[test]
fn ten_versions_of_a_long_article_stay_compact() {
    let paragraph = "North Korea denied supplying rockets and missiles to the Wagner group. ";
    let body: String = (0..2000)
        .map(|i| format!("{i}: {}\n\n", paragraph.repeat(6)))
        .collect();
    let mut p = Project::new("long");
    p.articles.push(Article::new(ArticleMeta::default(), &body));
    let one = store::to_ron_string(&p).expect("ron").len();
    let id = p.articles[0].id.clone();
    for v in 0..9 {
        let next = p.articles[0].body.replacen(
            &format!("{}: ", v * 100),
            &format!("{}: (corrected) ", v * 100),
            1,
        );
        let plan = plan_update(&p, &id, &next, "", &Timestamp::now()).expect("plan");
        apply(&mut p, plan.action).expect("apply");
    }
    assert_eq!(p.articles[0].version, 10);
    let ten = store::to_ron_string(&p).expect("ron").len();
    assert!(
        ten < one + one / 20,
        "ten versions take {ten} bytes against {one} for one"
    );
    for v in 1..=10 {
        assert!(p.articles[0].body_of(v).is_some(), "version {v} rebuilds");
    }
}

#[path = "support/cli.rs"]
mod support;
use support::run as factdesk;

#[test]
fn update_diff_and_json_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.ron");
    std::fs::copy("projects/sample.ron", &project).expect("copy");
    let p = sample();
    let new = dir.path().join("v2.txt");
    std::fs::write(
        &new,
        p.articles[0]
            .body
            .replacen("promised 31 Abrams tanks", "promised 32 Abrams tanks", 1),
    )
    .expect("write");
    let ps = project.to_str().expect("utf-8");
    let article = &p.articles[0].id.0;
    let o = factdesk(&["update", ps, "--article", article, new.to_str().expect("p")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("version 2") && text.contains("1 flagged"),
        "{text}"
    );
    let o = factdesk(&["diff", ps, "--article", article]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("claims: c-"),
        "changes touching claims are named: {text}"
    );
    let o = factdesk(&["claims", ps, "--json"]);
    let claims: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let rows = claims.as_array().expect("array");
    let changed: Vec<_> = rows.iter().filter(|r| r["anchor"] == "changed").collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0]["version"], 1);
    assert!(
        rows.iter()
            .filter(|r| r["anchor"] == "current")
            .all(|r| r["version"] == 2)
    );
    let o = factdesk(&["articles", ps, "--json"]);
    let arts: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(arts[0]["version"], 2);
    assert_eq!(arts[0]["versions"], 2);
    // Re-place the flagged claim on the new text: one step, flag cleared.
    let id = changed[0]["id"].as_str().expect("id");
    let body = &arts[0]["text"].as_str().expect("text");
    let start = body.find("US President").expect("start");
    let start_chars = body[..start].chars().count();
    let quote = "US President Joe Biden promised 32 Abrams tanks";
    let range = format!("{}..{}", start_chars, start_chars + quote.chars().count());
    let o = factdesk(&["claim", "set", ps, id, "--range", &range]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = factdesk(&["check", ps]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    let after = store::load(&project).expect("load");
    assert!(after.claims.iter().all(|c| c.changed.is_none()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// One random edit anywhere: a claim that does not overlap it moves by exactly the edit's
    /// length change; any claim is either on its own quote in the new text or flagged.
    #[test]
    fn random_edits_never_attach_claims_to_other_words(
        at in 0usize..3000,
        removed in 0usize..40,
        inserted in "[a-z “”,.]{0,30}",
    ) {
        let p = sample();
        let body = &p.articles[0].body;
        let chars: Vec<char> = body.chars().collect();
        let at = at % chars.len();
        let end = (at + removed).min(chars.len());
        let new: String = chars[..at]
            .iter()
            .chain(inserted.chars().collect::<Vec<_>>().iter())
            .chain(chars[end..].iter())
            .collect();
        prop_assume!(new != *body);
        let (after, _) = update(&p, &new);
        assert_honest(&after);
        let shift = inserted.chars().count() as isize - (end - at) as isize;
        for c in &after.claims {
            let before = p.claims.iter().find(|o| o.id == c.id).expect("same claim");
            let (s, e) = (before.anchor.start, before.anchor.end);
            if c.changed.is_none() && (e < at || s > end) {
                let expect = if e < at { s } else { (s as isize + shift) as usize };
                prop_assert_eq!(c.anchor.start, expect, "claim {} moved to the wrong place", c.id);
            }
        }
    }
}

#[test]
fn exports_say_when_the_outlet_changed_a_claim() {
    use factdesk::core::export::{self, ClaimFilter, ExportOptions, Format};
    let mut p = sample();
    p.articles[0].meta.url = "https://news.example/arms".into();
    let body =
        p.articles[0]
            .body
            .replacen("promised 31 Abrams tanks", "promised 32 Abrams tanks", 1);
    let (flagged, _) = update(&p, &body);
    let id = claim_with(&flagged, "31 Abrams").id.clone();
    let run = |project: &Project, format| {
        let opts = ExportOptions {
            format,
            filter: ClaimFilter::everything(),
            csv_bom: false,
        };
        String::from_utf8(export::export(project, &opts).expect("export").bytes).expect("utf-8")
    };
    let modified = |project: &Project| -> Vec<serde_json::Value> {
        let reviews: serde_json::Value =
            serde_json::from_str(&run(project, Format::ClaimReview)).expect("json-ld");
        reviews
            .as_array()
            .expect("array")
            .iter()
            .filter(|r| {
                r["itemReviewed"]["appearance"]
                    .get("dateModified")
                    .is_some()
            })
            .cloned()
            .collect()
    };
    // Only flagged, not yet looked at: no dateModified; the report says it is pending.
    assert_eq!(modified(&flagged), Vec::<serde_json::Value>::new());
    // CSV rows say which version their offsets index: the flagged claim's start/end are in
    // version 1 and slice its quote out of that text; the others index the current one.
    let csv = run(&flagged, Format::Csv);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let head = r.headers().expect("header").clone();
    let col = |name: &str| head.iter().position(|h| h == name).expect(name);
    let (v, an, st, en, q, cid) = (
        col("version"),
        col("anchor"),
        col("start"),
        col("end"),
        col("quote"),
        col("id"),
    );
    let v1: Vec<char> = flagged.articles[0]
        .body_of(1)
        .expect("version 1")
        .chars()
        .collect();
    let now: Vec<char> = flagged.articles[0].body.chars().collect();
    let rows: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), flagged.claims.len());
    for row in &rows {
        let (s, e): (usize, usize) = (
            row[st].parse().expect("start"),
            row[en].parse().expect("end"),
        );
        let quote = row[q].trim_start_matches('\'');
        if row[cid] == *id.as_str() {
            assert_eq!((&row[v], &row[an]), ("1", "changed"));
            assert_eq!(v1[s..e].iter().collect::<String>(), quote);
        } else {
            assert_eq!((&row[v], &row[an]), ("2", "current"));
            assert_eq!(now[s..e].iter().collect::<String>(), quote);
        }
    }
    let report = run(&flagged, Format::Markdown);
    assert!(
        report.contains("Quote changed, not yet reviewed: in version 2: the quote changed"),
        "{report}"
    );
    assert!(!report.contains("Changed by the outlet"), "{report}");
    assert!(
        report.contains("of version 1"),
        "its position is on version 1"
    );
    // Kept as changed by the outlet: ClaimReview says the article was modified, on that claim
    // only, and the report lists it.
    let claim = flagged.claim(&id).expect("claim").clone();
    let mut kept = flagged.clone();
    apply(&mut kept, versions::keep_changed(&claim).expect("flagged")).expect("keep");
    let modified = modified(&kept);
    assert_eq!(modified.len(), 1, "only the kept claim");
    assert!(
        modified[0]["claimReviewed"]
            .as_str()
            .is_some_and(|q| q.contains("31 Abrams"))
    );
    assert_eq!(
        modified[0]["itemReviewed"]["appearance"]["dateModified"],
        kept.articles[0].version_added.as_str()
    );
    let report = run(&kept, Format::Markdown);
    for want in [
        "## Changed by the outlet",
        "Changed by the outlet: in version 2: the quote changed",
        "32 Abrams",
    ] {
        assert!(report.contains(want), "{want:?} in {report}");
    }
    let listed = report
        .split("## Changed by the outlet")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the list");
    assert_eq!(listed.matches("\n- ").count(), 1, "{listed}");
    assert!(
        listed.contains(id.as_str()) && listed.contains("now reads"),
        "{listed}"
    );
    // The HTML report lists it too and never highlights it on the current text.
    let html = run(&kept, Format::Html);
    assert!(html.contains("<h2>Changed by the outlet</h2>"));
    assert!(
        !html.contains(&format!("id=\"claim-{id}\"")),
        "no highlight"
    );
    assert!(
        !html.contains(&format!("href=\"#claim-{id}\"")),
        "no dead link"
    );
    let other = kept
        .claims
        .iter()
        .find(|c| c.changed.is_none())
        .expect("a claim that moved");
    assert!(html.contains(&format!("id=\"claim-{}\"", other.id)));
    // The Web Annotation gives its quote, not offsets into another text than the article's.
    let anno: serde_json::Value = serde_json::from_str(&run(&kept, Format::WebAnno)).expect("json");
    let items = anno["first"]["items"].as_array().expect("items");
    for item in items {
        let selectors = item["target"]["selector"].as_array().expect("selectors");
        let is_changed = item["id"] == format!("urn:factdesk:claim:{id}").as_str();
        assert_eq!(selectors.len(), if is_changed { 1 } else { 2 }, "{item}");
        assert_eq!(selectors[0]["type"], "TextQuoteSelector");
    }
}

#[test]
fn check_reports_a_flagged_claim_whose_position_on_its_old_version_is_wrong() {
    let p = sample();
    let body =
        p.articles[0]
            .body
            .replacen("promised 31 Abrams tanks", "promised 32 Abrams tanks", 1);
    let (after, _) = update(&p, &body);
    assert!(store::check(&after).is_empty());
    let id = claim_with(&after, "31 Abrams").id.clone();
    let problems_with = |edit: &dyn Fn(&mut Claim)| {
        let mut bad = after.clone();
        let c = bad.claims.iter_mut().find(|c| c.id == id).expect("claim");
        edit(c);
        store::check(&bad)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    // Its offsets moved off its quote in version 1.
    let found = problems_with(&|c| {
        c.anchor.start += 3;
        c.anchor.end += 3;
    });
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains(id.as_str()), "{found:?}");
    // Its offsets are right for version 1, but the flag says they index version 2: checked
    // against version 2's text, where "31" now reads "32".
    let found = problems_with(&|c| {
        if let Some(ch) = c.changed.as_mut() {
            ch.version = 2;
        }
    });
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains(id.as_str()), "{found:?}");
    // Past the end of version 1.
    let len = after.articles[0].body_of(1).expect("v1").chars().count();
    let found = problems_with(&|c| {
        c.anchor.start = len;
        c.anchor.end = len + 5;
    });
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains(id.as_str()), "{found:?}");
    // A version the article does not have.
    let found = problems_with(&|c| {
        if let Some(ch) = c.changed.as_mut() {
            ch.version = 9;
        }
    });
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains(id.as_str())
            && found[0].contains("version 9")
            && found[0].contains("does not hold")
            && !found[0].contains("damaged"),
        "a missing version is named as missing, on the claim: {found:?}"
    );
    // The command line exits 1 and names the claim.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.ron");
    let mut bad = after.clone();
    if let Some(c) = bad.claims.iter_mut().find(|c| c.id == id) {
        c.anchor.start += 3;
        c.anchor.end += 3;
    }
    store::save(&path, &bad).expect("save");
    let o = factdesk(&["check", path.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains(id.as_str()), "{out}");
}

#[test]
fn re_placing_a_flagged_claim_undoes_back_to_the_flag() {
    let p = sample();
    let body =
        p.articles[0]
            .body
            .replacen("promised 31 Abrams tanks", "promised 32 Abrams tanks", 1);
    let (after, _) = update(&p, &body);
    let flagged = claim_with(&after, "31 Abrams").clone();
    let a = &after.articles[0];
    let at = a
        .body
        .find("US President Joe Biden promised 32")
        .expect("new words");
    let start = a.body[..at].chars().count();
    let range = start
        ..start
            + "US President Joe Biden promised 32 Abrams tanks"
                .chars()
                .count();
    let action = versions::replace_claim(&after, &flagged, range).expect("re-place");
    let mut p2 = after.clone();
    let undo = apply(&mut p2, action).expect("apply");
    assert!(claim_with(&p2, "32 Abrams").changed.is_none());
    assert_honest(&p2);
    apply(&mut p2, undo).expect("undo restores the flagged claim");
    assert_eq!(p2, after);
}

// ---- realistic edits of a real article (tests/fixtures/versions/aha-moment.txt) ----

/// Quotes marked as claims on the fixture article, each found once in it.
const AHA_CLAIMS: [&str; 8] = [
    "a team of researchers at Columbia University in New York City, NY, set out to investigate this moment in more detail",
    "the findings were published in the journal Current Biology",
    "the brain believes it has accumulated enough evidence",
    "Examining the 'a-ha!' moment",
    "the scientists asked five people to perform a \"direction discrimination\" task",
    "\"The moment in time indicated by the participants - this mental chronometry - was entirely subjective; it relied solely on their own estimation of how long it took them to make that decision,\" Dr. Shadlen says",
    "they were able to predict the choices of four of the five participants",
    "we reasoned that it might be possible to predict the accuracy of the decision",
];

fn aha_body() -> String {
    std::fs::read_to_string("tests/fixtures/versions/aha-moment.txt").expect("fixture")
}

/// The char offset of the only occurrence of `quote` in `body`.
fn only_place(body: &str, quote: &str) -> usize {
    let found: Vec<usize> = body.match_indices(quote).map(|(b, _)| b).collect();
    assert_eq!(found.len(), 1, "{quote:?} occurs {} times", found.len());
    body[..found[0]].chars().count()
}

/// The fixture article with one claim per quote of [`AHA_CLAIMS`].
fn aha_project() -> Project {
    let body = aha_body();
    let mut p = Project::new("A-ha");
    p.articles.push(Article::new(
        ArticleMeta {
            title: "How does the brain turn unconscious information into conscious thought?".into(),
            source: "Medical News Today".into(),
            ..ArticleMeta::default()
        },
        &body,
    ));
    for quote in AHA_CLAIMS {
        let start = only_place(&body, quote);
        let range = start..start + quote.chars().count();
        let anchor =
            factdesk::core::model::Anchor::in_article(&p.articles[0], range).expect("anchor");
        p.insert_claim(Claim::new(
            p.articles[0].id.clone(),
            anchor,
            Timestamp::now(),
        ));
    }
    assert_eq!(p.claims.len(), AHA_CLAIMS.len());
    p
}

/// Updates the fixture article to `new` and checks every claim: those whose quote is in
/// `flagged` are flagged, still on their words in version 1; every other one moved to exactly
/// the place its quote now has. Returns the project after.
fn edit_aha(new: &str, flagged: &[&str]) -> Project {
    let p = aha_project();
    assert_ne!(new, p.articles[0].body, "the edit changes the text");
    let (after, plan) = update(&p, new);
    let flagged_quotes: Vec<&str> = after
        .claims
        .iter()
        .filter(|c| c.changed.is_some())
        .map(|c| c.anchor.quote.as_str())
        .collect();
    assert_eq!(
        plan.flagged.len(),
        flagged.len(),
        "{flagged_quotes:?} {:?}",
        plan.flagged
    );
    let old = Article::new(ArticleMeta::default(), &p.articles[0].body);
    for c in &after.claims {
        let quote = c.anchor.quote.as_str();
        if flagged.contains(&quote) {
            let ch = c
                .changed
                .as_ref()
                .unwrap_or_else(|| panic!("{quote:?} changed but was not flagged"));
            assert_eq!((ch.version, ch.in_version), (1, 2));
            assert_eq!(
                old.slice(c.anchor.range()),
                Some(quote),
                "kept on version 1"
            );
        } else {
            assert!(c.changed.is_none(), "{quote:?} flagged: {:?}", c.changed);
            let start = only_place(new, quote);
            assert_eq!(
                c.anchor.range(),
                start..start + quote.chars().count(),
                "{quote:?} moved to the wrong place"
            );
        }
    }
    assert_honest(&after);
    after
}

#[test]
fn whitespace_only_edits_move_claims_and_flag_only_a_quote_they_touch() {
    let body = aha_body();
    let new = body
        // An extra blank line between paragraphs, a trailing space, a doubled space.
        .replacen(
            "in more detail.\n\nThe scientists",
            "in more detail.\n\n\nThe scientists",
            1,
        )
        .replacen("Current Biology.\n", "Current Biology. \n", 1)
        .replacen("In it, the participants", "In it,  the participants", 1)
        // A no-break space inside a quoted claim: its characters changed.
        .replacen("Dr. Shadlen says", "Dr.\u{a0}Shadlen says", 1);
    let after = edit_aha(&new, &[AHA_CLAIMS[5]]);
    let ch = after
        .claims
        .iter()
        .find_map(|c| c.changed.as_ref())
        .expect("flagged");
    assert!(
        ch.new_text.contains("Dr.\u{a0}Shadlen"),
        "{:?}",
        ch.new_text
    );
}

#[test]
fn straight_quotes_made_curly_flag_the_quotes_holding_them_and_move_the_rest() {
    let body = aha_body();
    // Double quotes paired “…”, single quotes around a phrase ‘…’, apostrophes ’.
    let mut new = String::new();
    let mut open = true;
    for c in body.chars() {
        if c == '"' {
            new.push(if open { '“' } else { '”' });
            open = !open;
        } else {
            new.push(c);
        }
    }
    let new = new
        .replace("'a-ha!'", "‘a-ha!’")
        .replace("'A-ha'", "‘A-ha’")
        .replace('\'', "’");
    assert!(!new.contains(['"', '\'']));
    let after = edit_aha(&new, &[AHA_CLAIMS[3], AHA_CLAIMS[4], AHA_CLAIMS[5]]);
    // The new wording is kept beside each flagged claim for the analyst.
    let task = after
        .claims
        .iter()
        .find(|c| c.anchor.quote == AHA_CLAIMS[4])
        .and_then(|c| c.changed.as_ref())
        .expect("flagged");
    assert!(
        task.new_text.contains("“direction discrimination”"),
        "{:?}",
        task.new_text
    );
}

#[test]
fn a_paragraph_inserted_moves_every_claim_by_its_length() {
    let body = aha_body();
    let note =
        "Update: an earlier version of this article did not say how many people took part.\n\n";
    let at = body.find("To answer this question").expect("paragraph");
    let new = format!("{}{note}{}", &body[..at], &body[at..]);
    let after = edit_aha(&new, &[]);
    let at_chars = body[..at].chars().count();
    let before = aha_project();
    for (old, new) in before.claims.iter().zip(&after.claims) {
        let shift = if old.anchor.start >= at_chars {
            note.chars().count()
        } else {
            0
        };
        assert_eq!(
            new.anchor.start,
            old.anchor.start + shift,
            "{}",
            old.anchor.quote
        );
    }
}

#[test]
fn a_corrected_figure_flags_its_claim_and_never_moves_it_onto_the_new_figure() {
    let body = aha_body();
    let new = body.replacen(
        "predict the choices of four of the five participants",
        "predict the choices of three of the five participants",
        1,
    );
    let after = edit_aha(&new, &[AHA_CLAIMS[6]]);
    let c = after
        .claims
        .iter()
        .find(|c| c.changed.is_some())
        .expect("flagged");
    assert_eq!(c.anchor.quote, AHA_CLAIMS[6], "still the old words");
    let ch = c.changed.as_ref().expect("flag");
    assert!(
        ch.new_text.contains("three of the five"),
        "{:?}",
        ch.new_text
    );
    assert_eq!(ch.reason, "the quote changed");
}

#[test]
fn all_these_edits_at_once() {
    let body = aha_body();
    let new = body
        .replacen("Current Biology.\n", "Current Biology. \n", 1)
        .replacen(
            "four of the five participants",
            "three of the five participants",
            1,
        )
        .replacen(
            "To answer this question",
            "Update: this article was corrected.\n\nTo answer this question",
            1,
        )
        .replace("\"direction discrimination\"", "“direction discrimination”");
    edit_aha(&new, &[AHA_CLAIMS[4], AHA_CLAIMS[6]]);
}

/// Found by the property test run with many cases: the character diff reported an insertion's
/// place in the old text out of order, and carrying a claim over it overflowed.
#[test]
fn an_edit_the_diff_reports_out_of_order_is_carried_over() {
    let p = sample();
    let chars: Vec<char> = p.articles[0].body.chars().collect();
    let (at, removed, inserted) = (991, 27, "““c c,e,a,a.  ,j,“.,“");
    let new: String = chars[..at]
        .iter()
        .copied()
        .chain(inserted.chars())
        .chain(chars[(at + removed).min(chars.len())..].iter().copied())
        .collect();
    let (after, _) = update(&p, &new);
    assert_honest(&after);
    // And the real article with a line break and an apostrophe typed into it.
    let p = aha_project();
    let chars: Vec<char> = p.articles[0].body.chars().collect();
    let new: String = chars[..1939]
        .iter()
        .copied()
        .chain("\n'".chars())
        .chain(chars[1939..].iter().copied())
        .collect();
    let (after, _) = update(&p, &new);
    assert_honest(&after);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whitespace and quotation marks typed anywhere in the real article: every claim is on its
    /// own quote or flagged, and a claim away from the edit lands exactly where the edit moved it.
    #[test]
    fn random_whitespace_and_quote_edits_of_a_real_article(
        at in 0usize..3000,
        removed in 0usize..3,
        inserted in "[ \n\u{a0}“”\"'’]{0,3}",
    ) {
        let p = aha_project();
        let body = &p.articles[0].body;
        let chars: Vec<char> = body.chars().collect();
        let at = at % chars.len();
        let end = (at + removed).min(chars.len());
        let new: String = chars[..at]
            .iter()
            .chain(inserted.chars().collect::<Vec<_>>().iter())
            .chain(chars[end..].iter())
            .collect();
        prop_assume!(new != *body);
        let (after, _) = update(&p, &new);
        assert_honest(&after);
        let shift = inserted.chars().count() as isize - (end - at) as isize;
        for c in &after.claims {
            let before = p.claims.iter().find(|o| o.id == c.id).expect("same claim");
            let (s, e) = (before.anchor.start, before.anchor.end);
            if e < at || s > end {
                prop_assert!(c.changed.is_none(), "{} flagged though the edit is elsewhere", c.id);
                let expect = if e < at { s } else { (s as isize + shift) as usize };
                prop_assert_eq!(c.anchor.start, expect, "claim {} moved to the wrong place", c.id);
            }
        }
    }
}

// ---- the command line: diff with versions and --json, update --json, keep as changed ----

fn run_ok(args: &[&str]) -> String {
    let o = factdesk(args);
    assert!(
        o.status.success(),
        "factdesk {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("utf-8")
}

fn keys(v: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = v
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    k.sort();
    k
}

#[test]
fn diff_between_any_versions_update_json_and_keeping_a_changed_claim_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("p.ron");
    std::fs::copy("projects/sample.ron", &project).expect("copy");
    let ps = project.to_str().expect("utf-8");
    let p = sample();
    let article = p.articles[0].id.0.clone();
    let v1 = p.articles[0].body.clone();
    let flagged_id = claim_with(&p, "31 Abrams").id.0.clone();

    // Version 2: a figure inside a quote corrected. --json says what happened to each claim.
    let v2 = v1.replacen("promised 31 Abrams tanks", "promised 32 Abrams tanks", 1);
    let file2 = dir.path().join("v2.txt");
    std::fs::write(&file2, &v2).expect("write");
    let out: serde_json::Value = serde_json::from_str(&run_ok(&[
        "update",
        ps,
        "--article",
        &article,
        file2.to_str().expect("utf-8"),
        "--json",
    ]))
    .expect("json");
    assert_eq!(
        keys(&out),
        ["article", "flagged", "moved", "untouched", "version"]
    );
    assert_eq!(out["article"], article.as_str());
    assert_eq!(out["version"], 2);
    assert_eq!(
        out["moved"].as_array().map(Vec::len),
        Some(p.claims.len() - 1)
    );
    assert_eq!(out["untouched"], serde_json::json!([]));
    let flagged = out["flagged"].as_array().expect("flagged");
    assert_eq!(flagged.len(), 1);
    assert_eq!(keys(&flagged[0]), ["id", "reason"]);
    assert_eq!(flagged[0]["id"], flagged_id.as_str());
    assert_eq!(flagged[0]["reason"], "the quote changed");

    // Version 3: a paragraph inserted at the top. The flagged claim is left as it was.
    let v3 = format!("Editor's note: updated with a response.\n\n{v2}");
    let file3 = dir.path().join("v3.txt");
    std::fs::write(&file3, &v3).expect("write");
    let out: serde_json::Value = serde_json::from_str(&run_ok(&[
        "update",
        ps,
        "--article",
        &article,
        file3.to_str().expect("utf-8"),
        "--json",
    ]))
    .expect("json");
    assert_eq!(out["version"], 3);
    assert_eq!(out["untouched"], serde_json::json!([flagged_id.as_str()]));
    assert_eq!(out["flagged"], serde_json::json!([]));

    // diff --from 1 --to 2 (text): the change that touched the claim, named.
    let text = run_ok(&[
        "diff",
        ps,
        "--article",
        &article,
        "--from",
        "1",
        "--to",
        "2",
    ]);
    let first = text.lines().next().expect("a change");
    assert!(first.starts_with("@@ "), "{text}");
    assert!(
        first.ends_with(&format!("\tclaims: {flagged_id}")),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l == "- 1") && text.lines().any(|l| l == "+ 2"),
        "{text}"
    );
    // The default is the last two versions: the inserted paragraph, touching no claim.
    let default = run_ok(&["diff", ps, "--article", &article]);
    assert_eq!(
        default,
        run_ok(&[
            "diff",
            ps,
            "--article",
            &article,
            "--from",
            "2",
            "--to",
            "3"
        ])
    );
    assert!(
        default.contains("+ Editor's note: updated with a response."),
        "{default}"
    );
    assert!(!default.contains("claims:"), "{default}");
    // --json, across two versions at once.
    let json: serde_json::Value = serde_json::from_str(&run_ok(&[
        "diff",
        ps,
        "--article",
        &article,
        "--from",
        "1",
        "--to",
        "3",
        "--json",
    ]))
    .expect("json");
    assert_eq!(keys(&json), ["article", "changes", "from", "to"]);
    assert_eq!(
        (json["from"].clone(), json["to"].clone()),
        (1.into(), 3.into())
    );
    assert_eq!(json["article"], article.as_str());
    let changes = json["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 2, "{json}");
    for c in changes {
        assert_eq!(
            keys(c),
            [
                "added",
                "claims",
                "from_end",
                "from_start",
                "removed",
                "to_end",
                "to_start"
            ]
        );
    }
    // Changes touching a claim come first.
    assert_eq!(
        changes[0]["claims"],
        serde_json::json!([flagged_id.as_str()])
    );
    assert_eq!(
        (changes[0]["removed"].clone(), changes[0]["added"].clone()),
        ("1".into(), "2".into())
    );
    assert_eq!(changes[1]["claims"], serde_json::json!([]));
    assert_eq!(
        changes[1]["added"],
        "Editor's note: updated with a response.\n\n"
    );
    // Versions that do not exist.
    for (from, to) in [("0", "2"), ("1", "4")] {
        let o = factdesk(&[
            "diff",
            ps,
            "--article",
            &article,
            "--from",
            from,
            "--to",
            to,
        ]);
        assert_eq!(o.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&o.stderr).contains("has versions 1 to 3"));
    }

    // Keep the flagged claim as changed by the outlet; a claim not flagged cannot be kept.
    let moved_id = p
        .claims
        .iter()
        .find(|c| c.id.0 != flagged_id)
        .expect("another claim")
        .id
        .0
        .clone();
    let o = factdesk(&["claim", "set", ps, &moved_id, "--keep-changed"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not flagged as changed"));
    run_ok(&[
        "claim",
        "set",
        ps,
        &flagged_id,
        "--keep-changed",
        "--status",
        "disputed",
    ]);
    let after = store::load(&project).expect("load");
    let kept = after
        .claims
        .iter()
        .find(|c| c.id.0 == flagged_id)
        .expect("claim");
    assert!(kept.changed.as_ref().is_some_and(|ch| ch.kept), "{kept:?}");
    run_ok(&["check", ps]);
    // Exports carry the kept state: dateModified on that claim only; the report lists it.
    let reviews: serde_json::Value =
        serde_json::from_str(&run_ok(&["export", ps, "--format", "claimreview", "--all"]))
            .expect("json-ld");
    let modified: Vec<&serde_json::Value> = reviews
        .as_array()
        .expect("array")
        .iter()
        .filter(|r| {
            r["itemReviewed"]["appearance"]
                .get("dateModified")
                .is_some()
        })
        .collect();
    assert_eq!(modified.len(), 1, "{reviews}");
    assert!(
        modified[0]["url"]
            .as_str()
            .is_some_and(|u| u.ends_with(&flagged_id))
            || modified[0]["claimReviewed"]
                .as_str()
                .is_some_and(|q| q.contains("31 Abrams")),
        "{}",
        modified[0]
    );
    let report = run_ok(&["export", ps, "--format", "markdown", "--all"]);
    assert!(report.contains("## Changed by the outlet"), "{report}");
    assert!(
        report.contains("Changed by the outlet: in version 2: the quote changed"),
        "{report}"
    );
}
