//! Inter-annotator agreement: the matching rule, span F1, and kappa checked against textbook values.

use factdesk::core::action::{Action, apply};
use factdesk::core::model::{Article, ArticleMeta, ClaimId, Project, Status};
use factdesk::core::team::agree::{PairSummary, cohen_kappa, compare, compare_all, fleiss_kappa};
use factdesk::core::time::Timestamp;

const BODY: &str = "“Rockets and missiles” were sent, the US said. North Korea denied it on Sunday. \
北朝鮮は否定した 🚀. Le ministère a démenti ces « informations ». Kirby showed photographs.";

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|x| (x - b).abs() < 5e-4)
}

#[test]
fn cohen_kappa_matches_the_textbook_example() {
    // Wikipedia, "Cohen's kappa": 50 proposals, A and B both yes 20, A yes B no 5, A no B yes 10,
    // both no 15. p_o = 0.7, p_e = 0.5, kappa = 0.4.
    let m = vec![vec![20, 5], vec![10, 15]];
    assert!(close(cohen_kappa(&m), 0.4), "{:?}", cohen_kappa(&m));
    // Perfect agreement over two categories is 1; no ratings is undefined.
    assert!(close(cohen_kappa(&[vec![3, 0], vec![0, 4]]), 1.0));
    assert_eq!(cohen_kappa(&[vec![0, 0], vec![0, 0]]), None);
    // Everyone in one category: chance agreement is total, kappa undefined.
    assert_eq!(cohen_kappa(&[vec![5, 0], vec![0, 0]]), None);
}

#[test]
fn fleiss_kappa_matches_the_textbook_example() {
    // Wikipedia, "Fleiss' kappa": 10 subjects, 14 raters, 5 categories; kappa = 0.210.
    let table = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];
    let counts: Vec<Vec<usize>> = table.iter().map(|r| r.to_vec()).collect();
    let k = fleiss_kappa(&counts);
    assert!(close(k, 0.2099), "{k:?}");
    assert_eq!(fleiss_kappa(&[]), None);
    assert_eq!(
        fleiss_kappa(&[vec![1, 1], vec![3, 0]]),
        None,
        "uneven raters"
    );
}

/// An annotator's project over the shared article: (quote, status) claims.
fn annotator(article: &Article, claims: &[(&str, Status)]) -> Project {
    let mut p = Project::new("annotator");
    p.articles.push(article.clone());
    let id = article.id.clone();
    for (quote, status) in claims {
        let act = Action::add_claim_by_quote(&p, &id, quote, 1, Timestamp::now()).expect("quote");
        let Action::AddClaim { mut claim } = act else {
            panic!("not an add");
        };
        claim.status = *status;
        apply(&mut p, Action::AddClaim { claim }).expect("add");
    }
    p
}

fn quote(p: &Project, id: &ClaimId) -> String {
    p.claim(id)
        .map(|c| c.anchor.quote.clone())
        .unwrap_or_default()
}

#[test]
fn matching_is_greedy_by_largest_overlap_and_one_to_one() {
    let article = Article::new(ArticleMeta::default(), BODY);
    use Status::*;
    let a = annotator(
        &article,
        &[
            ("“Rockets and missiles” were sent", Sourced),
            ("North Korea denied it on Sunday", Denied),
            ("北朝鮮は否定した", Denied),
            ("Kirby showed photographs", Sourced),
        ],
    );
    let b = annotator(
        &article,
        &[
            // Overlaps A's first claim by 7 chars; the next B claim overlaps it by 32 and wins.
            ("Rockets", Sourced),
            ("“Rockets and missiles” were sent, the US said", Disputed),
            ("North Korea denied", Denied),
            ("北朝鮮", Denied),
            ("Le ministère a démenti", Disputed),
        ],
    );
    let c = compare(&a, &b);
    let pairs: Vec<(String, String)> = c
        .matched
        .iter()
        .map(|(x, y)| (quote(&a, x), quote(&b, y)))
        .collect();
    assert_eq!(
        pairs,
        vec![
            (
                "“Rockets and missiles” were sent".to_string(),
                "“Rockets and missiles” were sent, the US said".to_string()
            ),
            (
                "North Korea denied it on Sunday".to_string(),
                "North Korea denied".to_string()
            ),
            ("北朝鮮は否定した".to_string(), "北朝鮮".to_string()),
        ]
    );
    let only_a: Vec<String> = c.only_a.iter().map(|i| quote(&a, i)).collect();
    let only_b: Vec<String> = c.only_b.iter().map(|i| quote(&b, i)).collect();
    assert_eq!(only_a, vec!["Kirby showed photographs"]);
    assert_eq!(only_b, vec!["Rockets", "Le ministère a démenti"]);
    // F1 = 2 * 3 / (4 + 5).
    assert!(close(c.span_f1, 6.0 / 9.0));
    // Matched statuses: (sourced, disputed), (denied, denied), (denied, denied).
    // p_o = 2/3; A: sourced 1/3, denied 2/3; B: disputed 1/3, denied 2/3; p_e = 4/9;
    // kappa = (2/3 - 4/9) / (5/9) = 0.4.
    assert!(close(c.status_kappa, 0.4), "{:?}", c.status_kappa);
    let diffs = c.status_differences(&a, &b);
    assert_eq!(diffs.len(), 1);
    assert_eq!((diffs[0].1, diffs[0].3), (Sourced, Disputed));
    let json = serde_json::to_value(PairSummary::from(&c)).expect("json");
    let keys: Vec<&str> = json
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["matched", "only_a", "only_b", "span_f1", "status_kappa"]
    );
    assert_eq!(json["matched"], 3);
}

#[test]
fn articles_match_by_body_when_ids_differ_and_other_articles_never_match() {
    let shared = Article::new(ArticleMeta::default(), BODY);
    let a = annotator(&shared, &[("North Korea denied it", Status::Denied)]);
    // B imported the same text on their own: a different id, the same body.
    let reimported = Article::new(ArticleMeta::default(), BODY);
    assert_ne!(reimported.id, shared.id);
    let b = annotator(&reimported, &[("North Korea denied", Status::Denied)]);
    assert_eq!(compare(&a, &b).matched.len(), 1);
    // A different article with claims at the same offsets never matches.
    let other = Article::new(ArticleMeta::default(), &BODY.replace("Kirby", "Kerby"));
    let c = annotator(&other, &[("North Korea denied", Status::Denied)]);
    let r = compare(&a, &c);
    assert!(r.matched.is_empty());
    assert_eq!((r.only_a.len(), r.only_b.len()), (1, 1));
    assert!(close(r.span_f1, 0.0));
    assert_eq!(r.status_kappa, None, "no matched pairs");
    let empty = Project::new("none");
    assert_eq!(compare(&empty, &empty).span_f1, None);
}

#[test]
fn three_annotators_get_pairwise_figures_and_fleiss_kappa() {
    let article = Article::new(ArticleMeta::default(), BODY);
    use Status::*;
    let a = annotator(
        &article,
        &[
            ("North Korea denied it", Denied),
            ("北朝鮮は否定した", Denied),
            ("Kirby", Sourced),
        ],
    );
    let b = annotator(
        &article,
        &[
            ("North Korea denied", Denied),
            ("北朝鮮", Disputed),
            ("Kirby showed", Sourced),
        ],
    );
    let c = annotator(
        &article,
        &[("denied it on Sunday", Denied), ("北朝鮮は", Denied)],
    );
    let all = compare_all(&[&a, &b, &c]);
    assert_eq!(all.pairs.len(), 3);
    assert_eq!(
        all.matched_all, 2,
        "the Kirby claim lacks the third annotator"
    );
    // Items: [denied x3], [denied, disputed, denied] over (unreviewed, sourced, disputed, denied).
    let expected = fleiss_kappa(&[vec![0, 0, 0, 3], vec![0, 0, 1, 2]]);
    assert_eq!(all.fleiss_kappa, expected);
    assert!(all.fleiss_kappa.is_some());
}
