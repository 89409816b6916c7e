//! Every export format on a small project full of hostile text, read back by real parsers.

use factdesk::core::action::apply;
use factdesk::core::export::{
    self, ClaimFilter, ExportOptions, Format, claims_import::plan_import,
};
use factdesk::core::model::{
    Anchor, Article, ArticleId, ArticleMeta, Capture, Claim, ClaimId, Project, RatingScale,
    SignOff, Source, Status,
};
use factdesk::core::time::Timestamp;
use factdesk::core::views::ClaimView;
use serde_json::Value;

const BODY: &str = "SEOUL — North Korea said: “We never sent arms, rockets, or \"missiles\".”\n\
KCNA 北朝鮮 🚀 denied it.\n=SUM(A1) was typed by a prankster. <script>alert(1)</script> ends, here.";

const NOTE: &str =
    "line one\nline two, with \"quotes\", commas and <script>alert('x')</script> & more";

fn claim(p: &Project, art: usize, quote: &str, status: Status, speaker: &str, note: &str) -> Claim {
    let a = &p.articles[art];
    let start = a
        .body
        .find(quote)
        .map(|b| a.body[..b].chars().count())
        .expect("quote in body");
    let anchor = Anchor::in_article(a, start..start + quote.chars().count()).expect("anchor");
    let mut c = Claim::new(
        a.id.clone(),
        anchor,
        Timestamp("2023-01-30T08:00:00Z".into()),
    );
    c.status = status;
    c.speaker = speaker.into();
    c.note = note.into();
    c.updated = Timestamp("2023-02-01T09:30:00Z".into());
    c
}

/// Two articles, six claims (one unreviewed, one nested in another), hostile text everywhere.
fn fixture() -> Project {
    let mut p = Project::new("Desk “review” <b>& co</b> 🚀");
    p.settings.reviewer_org = "Example Fact Desk".into();
    p.settings.reviewer_url = "https://factdesk.example/reviews".into();
    let mut a = Article::new(
        ArticleMeta {
            title: "North Korea denies “arms”, says <i>rumour</i>".into(),
            source: "AFP".into(),
            byline: "Staff, with \"agencies\"".into(),
            published: "2023-01-30T06:40".into(),
            url: "https://news.example/a?x=1&y=2".into(),
            ..ArticleMeta::default()
        },
        BODY,
    );
    a.id = ArticleId("a-fixture00001".into());
    let mut b = Article::new(
        ArticleMeta {
            title: "Second, untitled-ish".into(),
            ..ArticleMeta::default()
        },
        "Kirby said: rockets crossed twice.",
    );
    b.id = ArticleId("a-fixture00002".into());
    p.articles.push(a);
    p.articles.push(b);
    let mut c = claim(
        &p,
        0,
        "“We never sent arms, rockets, or \"missiles\".”",
        Status::Denied,
        "North Korea",
        NOTE,
    );
    c.sources = vec![
        Source::from_url("https://kcna.example/1"),
        Source {
            url: "javascript:alert(1)".into(),
            title: "bad link".into(),
            note: String::new(),
            ..Default::default()
        },
    ];
    let cs = vec![
        c,
        claim(&p, 0, "rockets", Status::Sourced, "John Kirby", ""),
        claim(
            &p,
            0,
            "北朝鮮 🚀",
            Status::Disputed,
            "KCNA",
            "-5 points, =bad",
        ),
        claim(&p, 0, "=SUM(A1)", Status::Sourced, "@prankster", "+1"),
        claim(&p, 0, "denied it", Status::Unreviewed, "", ""),
        claim(
            &p,
            1,
            "rockets crossed twice",
            Status::Disputed,
            "Kirby",
            "🚀 emoji note",
        ),
    ];
    for (i, mut c) in cs.into_iter().enumerate() {
        c.id = ClaimId(format!("c-fixture{i:04}"));
        p.insert_claim(c);
    }
    p
}

fn run(p: &Project, format: Format, filter: ClaimFilter) -> export::Export {
    export::export(
        p,
        &ExportOptions {
            format,
            filter,
            csv_bom: false,
        },
    )
    .expect("export")
}

fn text(e: &export::Export) -> String {
    String::from_utf8(e.bytes.clone()).expect("utf-8")
}

fn reviewed(p: &Project) -> Vec<&Claim> {
    p.claims.iter().filter(|c| c.status.is_reviewed()).collect()
}

#[test]
fn csv_reads_back_with_formulas_neutralised() {
    let p = fixture();
    let out = run(&p, Format::Csv, ClaimFilter::default());
    assert_eq!(out.claims, 5);
    let mut r = csv::Reader::from_reader(out.bytes.as_slice());
    let headers: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        headers,
        [
            "id",
            "article_title",
            "article_url",
            "quote",
            "status",
            "speaker",
            "sources",
            "note",
            "start",
            "end",
            "created",
            "updated",
            // Appended later, never renamed: what the analyst recorded, and who exported.
            "verdict",
            "summary",
            "review_url",
            "creator",
            "article_source",
            "article_published",
            "sources_json",
            "reviewed_by",
            "exported_by",
            "exported_at",
            "version",
            "anchor"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>().expect("rows");
    let claims = reviewed(&p);
    assert_eq!(rows.len(), claims.len());
    for (row, c) in rows.iter().zip(&claims) {
        assert_eq!(&row[0], c.id.as_str());
        // Every source whole: titles and notes survive the sources_json cell.
        let back: Vec<Source> = serde_json::from_str(&row[18]).expect("sources_json is JSON");
        assert_eq!(back, c.sources);
        assert_eq!(&row[15], c.creator.as_str());
        assert!(row[21].starts_with("20"), "export time {:?}", &row[21]);
        let quote = if c.anchor.quote.starts_with('=') {
            format!("'{}", c.anchor.quote)
        } else {
            c.anchor.quote.clone()
        };
        assert_eq!(row[3], quote);
        assert_eq!(&row[4], c.status.as_str());
        assert_eq!(row[8].parse::<usize>().ok(), Some(c.anchor.start));
        assert_eq!(row[9].parse::<usize>().ok(), Some(c.anchor.end));
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "live formula cell {cell:?}"
            );
        }
    }
    let denied = rows.iter().find(|r| &r[4] == "denied").expect("denied row");
    assert_eq!(&denied[7], NOTE, "newlines, quotes and commas survive");
    assert_eq!(&denied[6], "https://kcna.example/1 | javascript:alert(1)");
    assert_eq!(&denied[2], "https://news.example/a?x=1&y=2");
    let prank = rows
        .iter()
        .find(|r| r[3].contains("SUM"))
        .expect("formula row");
    assert_eq!(
        (&prank[3], &prank[5], &prank[7]),
        ("'=SUM(A1)", "'@prankster", "'+1")
    );
    let kcna = rows.iter().find(|r| &r[5] == "KCNA").expect("kcna row");
    assert_eq!(&kcna[7], "'-5 points, =bad");
    assert_eq!(&kcna[3], "北朝鮮 🚀");
}

#[test]
fn csv_bom_is_optional() {
    let p = fixture();
    let opts = |bom| ExportOptions {
        format: Format::Csv,
        filter: ClaimFilter::default(),
        csv_bom: bom,
    };
    let with = export::export(&p, &opts(true)).expect("csv");
    let without = export::export(&p, &opts(false)).expect("csv");
    assert!(with.bytes.starts_with(b"\xEF\xBB\xBFid,"));
    assert!(without.bytes.starts_with(b"id,"));
    assert_eq!(&with.bytes[3..], without.bytes.as_slice());
}

#[test]
fn json_is_the_full_project() {
    let p = fixture();
    let v: Value = serde_json::from_slice(&run(&p, Format::Json, ClaimFilter::everything()).bytes)
        .expect("json");
    assert_eq!(v["title"], p.title.as_str());
    assert_eq!(v["reviewer_org"], "Example Fact Desk");
    assert_eq!(v["counts"]["total"], 6);
    assert_eq!(v["counts"]["unreviewed"], 1);
    let arts = v["articles"].as_array().expect("articles");
    assert_eq!(arts.len(), 2);
    for k in [
        "id",
        "title",
        "source",
        "byline",
        "published",
        "url",
        "chars",
        "claims",
        "text",
        "lang",
    ] {
        assert!(arts[0].get(k).is_some(), "{k} missing");
    }
    assert_eq!(arts[0]["text"], BODY);
    let claims: Vec<ClaimView> = serde_json::from_value(v["claims"].clone()).expect("claim views");
    let expected: Vec<ClaimView> = p.claims.iter().map(ClaimView::from).collect();
    assert_eq!(claims, expected);
}

#[test]
fn jsonl_has_one_claim_view_per_line() {
    let p = fixture();
    let t = text(&run(&p, Format::Jsonl, ClaimFilter::default()));
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines.len(), 5);
    for (line, c) in lines.iter().zip(reviewed(&p)) {
        let v: ClaimView = serde_json::from_str(line).expect("line is a claim view");
        assert_eq!(v, ClaimView::from(c));
    }
}

#[test]
fn filters_by_status_and_article() {
    let p = fixture();
    let f = ClaimFilter {
        statuses: vec![Status::Disputed, Status::Unreviewed],
        ..ClaimFilter::default()
    };
    assert_eq!(export::count(&p, &f), 3);
    let f2 = ClaimFilter {
        article: Some(ArticleId("a-fixture00002".into())),
        ..f.clone()
    };
    assert_eq!(export::count(&p, &f2), 1);
    let t = text(&run(&p, Format::Jsonl, f2));
    assert!(t.contains("rockets crossed twice") && t.lines().count() == 1);
    let none = ClaimFilter {
        statuses: vec![Status::Denied],
        article: Some(ArticleId("a-fixture00002".into())),
        all: false,
    };
    let out = run(&p, Format::Csv, none);
    assert_eq!(out.claims, 0);
    assert!(out.warnings.iter().any(|w| w.contains("no claims")));
}

#[test]
fn claimreview_states_statuses_and_never_rates_them() {
    let p = fixture();
    let out = run(&p, Format::ClaimReview, ClaimFilter::everything());
    assert_eq!(out.claims, 5, "the unreviewed claim has no verdict");
    assert!(out.warnings.iter().any(|w| w.contains("unreviewed")));
    assert!(out.warnings.iter().any(|w| w.contains("have no verdict")));
    let v: Value = serde_json::from_slice(&out.bytes).expect("json-ld");
    let reviews = v.as_array().expect("array");
    assert_eq!(reviews.len(), 5);
    for r in reviews {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert!(r["claimReviewed"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(
            r["url"]
                .as_str()
                .is_some_and(|u| u.starts_with("https://factdesk.example/reviews#c-"))
        );
        assert_eq!(r["author"]["name"], "Example Fact Desk");
        assert_eq!(r["datePublished"], "2023-02-01");
        let rating = &r["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        // A status is not a truth rating: no number, and the name says what it is.
        for k in ["ratingValue", "bestRating", "worstRating"] {
            assert!(rating.get(k).is_none(), "{k} in {rating}");
        }
        assert!(
            rating["alternateName"]
                .as_str()
                .is_some_and(|n| n.contains("no verdict")),
            "{rating}"
        );
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
    }
    let denied = reviews
        .iter()
        .find(|r| {
            r["reviewRating"]["alternateName"] == "Denied by the party concerned (no verdict)"
        })
        .expect("denied");
    assert_eq!(denied["itemReviewed"]["author"]["@type"], "Organization");
    assert_eq!(denied["itemReviewed"]["author"]["name"], "North Korea");
    assert_eq!(
        denied["itemReviewed"]["appearance"]["url"],
        "https://news.example/a?x=1&y=2"
    );
    assert_eq!(
        denied["itemReviewed"]["appearance"]["datePublished"],
        "2023-01-30T06:40"
    );
    assert_eq!(denied["reviewBody"], NOTE);
    let kirby = reviews
        .iter()
        .find(|r| r["itemReviewed"]["author"]["name"] == "John Kirby")
        .expect("kirby");
    assert_eq!(kirby["itemReviewed"]["author"]["@type"], "Person");
}

/// The fixture with the six-level scale, and verdicts, summaries and review URLs on two claims.
fn with_verdicts() -> Project {
    let mut p = fixture();
    p.settings.rating_scale = Some(RatingScale::preset("six-level").expect("preset"));
    let denied = p
        .claims
        .iter_mut()
        .find(|c| c.status == Status::Denied)
        .expect("denied");
    denied.verdict = "Mostly false".into();
    denied.summary = "North Korea sent no arms to Wagner".into();
    denied.review_url = "https://factdesk.example/reviews/arms".into();
    let kirby = p
        .claims
        .iter_mut()
        .find(|c| c.speaker == "John Kirby")
        .expect("kirby");
    kirby.verdict = "True".into();
    p
}

#[test]
fn claimreview_publishes_the_verdict_on_the_scale() {
    let p = with_verdicts();
    let out = run(&p, Format::ClaimReview, ClaimFilter::default());
    let v: Value = serde_json::from_slice(&out.bytes).expect("json-ld");
    let reviews = v.as_array().expect("array");
    let arms = reviews
        .iter()
        .find(|r| r["url"] == "https://factdesk.example/reviews/arms")
        .expect("review with its own url");
    assert_eq!(arms["claimReviewed"], "North Korea sent no arms to Wagner");
    let rating = &arms["reviewRating"];
    assert_eq!(rating["alternateName"], "Mostly false");
    assert_eq!(rating["ratingValue"], 3);
    assert_eq!(rating["bestRating"], 6);
    assert_eq!(rating["worstRating"], 1);
    assert_eq!(
        arms["reviewBody"], NOTE,
        "the note, not the status, is the body"
    );
    let kirby = reviews
        .iter()
        .find(|r| r["itemReviewed"]["author"]["name"] == "John Kirby")
        .expect("kirby");
    assert_eq!(kirby["reviewRating"]["alternateName"], "True");
    assert_eq!(kirby["reviewRating"]["ratingValue"], 6);
    assert!(
        kirby["claimReviewed"]
            .as_str()
            .is_some_and(|q| q.contains("rockets")),
        "no summary: the quote"
    );
    // A scale without numbers publishes names only.
    let mut p = with_verdicts();
    p.settings.rating_scale = Some(RatingScale::preset("platform").expect("preset"));
    for c in &mut p.claims {
        if !c.verdict.is_empty() {
            c.verdict = "Missing context".into();
        }
    }
    let out = run(&p, Format::ClaimReview, ClaimFilter::default());
    let v: Value = serde_json::from_slice(&out.bytes).expect("json-ld");
    let named: Vec<&Value> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|r| &r["reviewRating"])
        .filter(|r| r["alternateName"] == "Missing context")
        .collect();
    assert_eq!(named.len(), 2);
    assert!(named.iter().all(|r| r.get("ratingValue").is_none()));
}

#[test]
fn the_publication_check_lists_what_google_wants() {
    let p = with_verdicts();
    let claims: Vec<&Claim> = p.claims.iter().collect();
    let missing = export::publication_check(&p, &claims);
    let about = |id: &str, field: &str| {
        missing
            .iter()
            .find(|m| m.claim == id && m.field == field)
            .map(|m| m.need)
    };
    let arms = p
        .claims
        .iter()
        .find(|c| !c.review_url.is_empty())
        .expect("arms");
    assert_eq!(
        about(arms.id.as_str(), "url"),
        None,
        "its review URL is set"
    );
    assert_eq!(
        about(arms.id.as_str(), "claimReviewed"),
        None,
        "short summary"
    );
    let kirby = p
        .claims
        .iter()
        .find(|c| c.speaker == "John Kirby")
        .expect("kirby");
    assert_eq!(
        about(kirby.id.as_str(), "url"),
        Some(export::Need::Required)
    );
    assert_eq!(
        about(kirby.id.as_str(), "claimReviewed"),
        Some(export::Need::Recommended)
    );
    let unreviewed = p
        .claims
        .iter()
        .find(|c| !c.status.is_reviewed())
        .expect("unreviewed");
    assert_eq!(
        about(unreviewed.id.as_str(), "reviewRating"),
        Some(export::Need::Required)
    );
    let mut anonymous = with_verdicts();
    anonymous.claims[0].speaker.clear();
    anonymous.claims[0].status = Status::Disputed;
    let id = anonymous.claims[0].id.0.clone();
    let claims: Vec<&Claim> = anonymous.claims.iter().collect();
    assert!(
        export::publication_check(&anonymous, &claims)
            .iter()
            .any(|m| m.claim == id && m.field == "itemReviewed.author")
    );
    // A long summary is flagged past 75 characters.
    let mut long = with_verdicts();
    long.claims[0].summary = "x".repeat(export::SUMMARY_ADVISED_CHARS + 1);
    let id = long.claims[0].id.0.clone();
    let claims: Vec<&Claim> = long.claims.iter().collect();
    assert!(
        export::publication_check(&long, &claims)
            .iter()
            .any(|m| m.claim == id && m.field == "claimReviewed" && m.message.contains("76"))
    );
}

#[test]
fn reports_carry_source_titles_notes_verdicts_and_provenance() {
    let mut p = with_verdicts();
    p.claims[0].sources = vec![Source {
        url: "https://kcna.example/statement".into(),
        title: "KCNA statement of 30 January".into(),
        note: "machine translation checked".into(),
        ..Default::default()
    }];
    p.claims[0].creator = "Ana Analyst".into();
    let provenance = export::Provenance::now("Eve Editor");
    for format in [Format::Html, Format::Markdown] {
        let out = export::export_with(
            &p,
            &ExportOptions {
                format,
                filter: ClaimFilter::everything(),
                csv_bom: false,
            },
            &provenance,
        )
        .expect("export");
        let t = text(&out);
        for want in [
            "KCNA statement of 30 January",
            "https://kcna.example/statement",
            "machine translation checked",
            "Verdict: Mostly false",
            "North Korea sent no arms to Wagner",
            "Ana Analyst",
            "Eve Editor",
            provenance.exported_at.as_str(),
            env!("CARGO_PKG_VERSION"),
        ] {
            assert!(t.contains(want), "{format:?} lacks {want:?}");
        }
    }
}

/// The fixture with verdicts, the denied claim signed off, exported by a named analyst.
fn signed_off() -> (Project, export::Provenance) {
    let mut p = with_verdicts();
    let denied = p
        .claims
        .iter_mut()
        .find(|c| c.status == Status::Denied)
        .expect("denied");
    denied.reviewed = Some(SignOff {
        by: "Eve Editor".into(),
        at: Timestamp("2023-02-02T10:00:00Z".into()),
    });
    denied.sources[0].captures = vec![Capture {
        time: Timestamp("2023-02-01T12:00:00Z".into()),
        final_url: "https://kcna.example/1".into(),
        status: 200,
        sha256: "ab".repeat(32),
        file: "20230201T120000Z-abcdefghijkl.warc.gz".into(),
        ..Capture::default()
    }];
    (p, export::Provenance::now("Ana Analyst"))
}

fn export_as(p: &Project, format: Format, provenance: &export::Provenance) -> export::Export {
    export::export_with(
        p,
        &ExportOptions {
            format,
            filter: ClaimFilter::default(),
            csv_bom: false,
        },
        provenance,
    )
    .expect("export")
}

#[test]
fn csv_cells_carry_the_verdict_review_outlet_sign_off_and_exporter() {
    let (p, provenance) = signed_off();
    let out = export_as(&p, Format::Csv, &provenance);
    let mut r = csv::Reader::from_reader(out.bytes.as_slice());
    let headers = r.headers().expect("header").clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let rows: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>().expect("rows");
    let cell = |row: &csv::StringRecord, name: &str| row[col(name)].to_string();
    let by_id = |id: &str| {
        rows.iter()
            .find(|r| &r[col("id")] == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    };
    let denied = p
        .claims
        .iter()
        .find(|c| c.status == Status::Denied)
        .expect("denied");
    let row = by_id(denied.id.as_str());
    assert_eq!(cell(row, "verdict"), "Mostly false");
    assert_eq!(cell(row, "summary"), "North Korea sent no arms to Wagner");
    assert_eq!(
        cell(row, "review_url"),
        "https://factdesk.example/reviews/arms"
    );
    assert_eq!(cell(row, "article_source"), "AFP");
    assert_eq!(cell(row, "article_published"), "2023-01-30T06:40");
    assert_eq!(cell(row, "reviewed_by"), "Eve Editor");
    // A captured source carries its captures in sources_json; an uncaptured one has no key.
    let sources: Value = serde_json::from_str(&cell(row, "sources_json")).expect("json");
    let capture = &sources[0]["captures"][0];
    assert_eq!(capture["state"], "captured");
    assert_eq!(capture["sha256"], "ab".repeat(32));
    assert_eq!(capture["file"], "20230201T120000Z-abcdefghijkl.warc.gz");
    assert!(sources[1].get("captures").is_none(), "{sources}");
    // A claim with a verdict but no summary, review URL or sign-off leaves those cells empty.
    let kirby = p
        .claims
        .iter()
        .find(|c| c.speaker == "John Kirby")
        .expect("kirby");
    let row = by_id(kirby.id.as_str());
    assert_eq!(cell(row, "verdict"), "True");
    assert_eq!(
        (cell(row, "summary"), cell(row, "review_url")),
        (String::new(), String::new())
    );
    assert_eq!(cell(row, "reviewed_by"), "");
    // The second article has no outlet or date recorded.
    let second = p
        .claims
        .iter()
        .find(|c| c.article.as_str() == "a-fixture00002")
        .expect("second article's claim");
    let row = by_id(second.id.as_str());
    assert_eq!(cell(row, "verdict"), "");
    assert_eq!(cell(row, "article_source"), "");
    assert_eq!(cell(row, "article_published"), "");
    // Every row says who exported and when.
    assert_eq!(rows.len(), 5);
    for row in &rows {
        assert_eq!(cell(row, "exported_by"), "Ana Analyst");
        assert_eq!(cell(row, "exported_at"), provenance.exported_at.as_str());
    }
}

#[test]
fn json_carries_the_rating_scale_and_who_exported_it() {
    let (p, provenance) = signed_off();
    let v: Value =
        serde_json::from_slice(&export_as(&p, Format::Json, &provenance).bytes).expect("json");
    // The keys that were there before are all still there.
    for k in [
        "title",
        "reviewer_org",
        "reviewer_url",
        "selection",
        "counts",
        "articles",
        "claims",
    ] {
        assert!(v.get(k).is_some(), "{k} missing");
    }
    assert_eq!(v["exported_by"], "Ana Analyst");
    assert_eq!(v["exported_at"], provenance.exported_at.as_str());
    assert_eq!(v["factdesk_version"], env!("CARGO_PKG_VERSION"));
    let scale = &v["rating_scale"];
    assert_eq!(scale["name"], "six-level");
    assert_eq!(
        (scale["best"].clone(), scale["worst"].clone()),
        (6.into(), 1.into())
    );
    let levels = scale["levels"].as_array().expect("levels");
    assert_eq!(levels.len(), 6);
    assert_eq!(
        levels[0],
        serde_json::json!({"name": "Pants on fire", "value": 1})
    );
    // A claim's verdict is placed on the scale from the file alone.
    let arms = v["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["verdict"] == "Mostly false")
        .expect("claim with a verdict");
    let level = levels
        .iter()
        .find(|l| l["name"] == arms["verdict"])
        .expect("the verdict is a level");
    assert_eq!(level["value"], 3);

    // A scale without numbers: every value and the extremes are null.
    let mut textual = p.clone();
    textual.settings.rating_scale = Some(RatingScale::preset("platform").expect("preset"));
    let v: Value = serde_json::from_slice(&export_as(&textual, Format::Json, &provenance).bytes)
        .expect("json");
    let scale = &v["rating_scale"];
    assert_eq!(
        scale["levels"][0],
        serde_json::json!({"name": "False", "value": null})
    );
    assert!(
        scale["best"].is_null() && scale["worst"].is_null(),
        "{scale}"
    );
    // No scale: null; an unnamed exporter: empty.
    let mut none = p.clone();
    none.settings.rating_scale = None;
    let v: Value =
        serde_json::from_slice(&export_as(&none, Format::Json, &export::Provenance::now("")).bytes)
            .expect("json");
    assert!(v["rating_scale"].is_null());
    assert_eq!(v["exported_by"], "");
}

#[test]
fn reports_link_the_published_review() {
    let (p, provenance) = signed_off();
    let md = text(&export_as(&p, Format::Markdown, &provenance));
    assert!(
        md.contains("  - Review: https://factdesk.example/reviews/arms\n"),
        "{md}"
    );
    let html = text(&export_as(&p, Format::Html, &provenance));
    assert!(
        html.contains(
            "Review: <a href=\"https://factdesk.example/reviews/arms\">https://factdesk.example/reviews/arms</a>"
        ),
        "{html}"
    );
    // Only the claim with a review URL has the line.
    assert_eq!(md.matches("  - Review: ").count(), 1, "{md}");
}

#[test]
#[ignore = "needs ../shared/corpus/claimreview; run with --ignored where it exists"]
fn claimreview_matches_the_reference_example_structure() {
    // Google's two well-formed examples (01 and 02 are flawed on purpose: see SOURCES.md there).
    let ours: Value = serde_json::from_slice(
        &run(
            &with_verdicts(),
            Format::ClaimReview,
            ClaimFilter::default(),
        )
        .bytes,
    )
    .expect("json");
    // The claim with a verdict on a numeric scale has the reference's rating shape.
    let ours = ours
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|r| r["reviewRating"]["alternateName"] == "Mostly false")
        })
        .expect("verdict review");
    let keys = |v: &Value| -> Vec<String> {
        v.as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    for name in [
        "03-google-searchcentral-claim-flat-earth.jsonld",
        "04-google-searchcentral-legacy-creativework.jsonld",
    ] {
        let path = std::path::Path::new("../shared/corpus/claimreview").join(name);
        let example = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} not readable: {e}", path.display()));
        let example: Value = serde_json::from_str(&example).expect("example parses");
        for k in keys(&example) {
            assert!(ours.get(&k).is_some(), "{name}: top-level key {k} missing");
        }
        assert_eq!(
            keys(&example["reviewRating"]),
            keys(&ours["reviewRating"]),
            "{name}"
        );
        for k in keys(&example["itemReviewed"]) {
            assert!(
                ours["itemReviewed"].get(&k).is_some(),
                "{name}: itemReviewed.{k} missing"
            );
        }
    }
}

#[test]
fn claimreview_warns_without_reviewer() {
    let mut p = fixture();
    p.settings = Default::default();
    let out = run(&p, Format::ClaimReview, ClaimFilter::default());
    assert!(
        out.warnings
            .iter()
            .any(|w| w.contains("reviewer organisation")),
        "{:?}",
        out.warnings
    );
    let v: Value = serde_json::from_slice(&out.bytes).expect("json");
    assert!(v[0].get("url").is_none());
}

#[test]
fn web_annotation_selectors_slice_back_to_the_quote() {
    let p = fixture();
    let v: Value =
        serde_json::from_slice(&run(&p, Format::WebAnno, ClaimFilter::everything()).bytes)
            .expect("json-ld");
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().expect("items");
    assert_eq!(items.len(), 6);
    for item in items {
        assert_eq!(item["type"], "Annotation");
        let source = item["target"]["source"].as_str().expect("source");
        let body = if source == "https://news.example/a?x=1&y=2" {
            BODY
        } else {
            "Kirby said: rockets crossed twice."
        };
        let sel = item["target"]["selector"].as_array().expect("selectors");
        let quote = sel
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .expect("quote selector");
        let pos = sel
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .expect("position selector");
        let (start, end) = (
            pos["start"].as_u64().expect("start") as usize,
            pos["end"].as_u64().expect("end") as usize,
        );
        let chars: Vec<char> = body.chars().collect();
        let exact: String = chars[start..end].iter().collect();
        assert_eq!(quote["exact"].as_str(), Some(exact.as_str()));
        let prefix = quote["prefix"].as_str().expect("prefix");
        let suffix = quote["suffix"].as_str().expect("suffix");
        assert!(chars[..start].iter().collect::<String>().ends_with(prefix));
        assert!(chars[end..].iter().collect::<String>().starts_with(suffix));
        let tags: Vec<&Value> = item["body"]
            .as_array()
            .expect("body")
            .iter()
            .filter(|b| b["purpose"] == "tagging")
            .collect();
        assert_eq!(tags.len(), 1);
    }
    let emoji = items
        .iter()
        .find(|i| i["target"]["selector"][0]["exact"] == "北朝鮮 🚀")
        .expect("cjk claim");
    assert_eq!(emoji["body"][1]["value"], "KCNA");
}

/// The text content of an HTML fragment: tags dropped, entities decoded.
fn html_text(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn html_report_escapes_everything_and_highlights_in_context() {
    let p = fixture();
    let h = text(&run(&p, Format::Html, ClaimFilter::everything()));
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(
        !h.to_lowercase().contains("<script"),
        "hostile text must be escaped"
    );
    assert!(h.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(!h.contains("<i>rumour"), "titles are escaped");
    assert!(
        !h.contains("href=\"javascript:"),
        "only web links become links"
    );
    assert!(h.contains("<a href=\"https://kcna.example/1\">"));
    for bad in ["<link", "src=", "@import", "url("] {
        assert!(!h.contains(bad), "external resource marker {bad}");
    }
    assert!(h.contains("<mark class=\"st-denied\""));
    assert!(
        h.contains("class=\"st-sourced overlap\""),
        "the nested claim shows inside the outer one"
    );
    assert!(h.contains("<td>Sourced</td><td class=\"n\">2</td>"));
    assert!(h.contains("<td>Unreviewed</td><td class=\"n\">1</td>"));
    for c in &p.claims {
        assert!(
            h.contains(&format!("id=\"claim-{}\"", c.id)),
            "link target for {}",
            c.id
        );
    }
    // The highlighted article text reads back as the exact body.
    let start = h.find("<div class=\"text\">").expect("text block") + "<div class=\"text\">".len();
    let end = start + h[start..].find("</div>").expect("end of text");
    assert_eq!(html_text(&h[start..end]), BODY);
}

#[test]
fn markdown_report_groups_by_status_and_escapes() {
    let p = fixture();
    let m = text(&run(&p, Format::Markdown, ClaimFilter::default()));
    assert!(
        m.starts_with("# Desk “review” &lt;b\\>&amp; co&lt;/b\\> 🚀\n"),
        "{m}"
    );
    assert!(!m.contains("<script"));
    assert!(m.contains("| Sourced | 2 |"));
    assert!(m.contains("### Denied (1)"));
    assert!(m.contains("### Disputed (1)"));
    assert!(!m.contains("### Unreviewed"), "reviewed only by default");
    assert!(m.contains("— **John Kirby**"));
    assert!(m.contains("## Second, untitled-ish"));
    assert!(
        m.contains("  - Note: line one line two"),
        "a note stays on its line"
    );
}

#[test]
fn jsonl_export_imports_back_as_the_same_claims() {
    let p = fixture();
    let jsonl = text(&run(&p, Format::Jsonl, ClaimFilter::everything()));
    let mut fresh = p.clone();
    fresh.claims.clear();
    let plan = plan_import(&fresh, &jsonl).expect("a JSONL export is valid import input");
    assert_eq!((plan.added, plan.updated), (6, 0));
    apply(&mut fresh, plan.into_action()).expect("applies");
    assert_eq!(fresh.claims, p.claims);
    // Importing it again updates the same claims and adds none.
    let again = plan_import(&fresh, &jsonl).expect("valid");
    assert_eq!((again.added, again.updated), (0, 6));
}
