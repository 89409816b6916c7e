//! Bulk claims from JSON Lines (`factdesk claims import`): pre-annotations from other tools, or a
//! JSONL export read back. Planned first, applied all-or-nothing as one undoable batch.
//!
//! Each line is an object with `article` (id or unique prefix) and either `start`/`end` (char
//! offsets, end-exclusive) or `quote` (+ optional 1-based `nth`), plus optional `id`, `status`,
//! `speaker`, `note`, `sources` (URLs or {url, title, note}), `created`, `updated`, `creator`,
//! `reviewed_by`/`reviewed_at`, `verdict` (a level of the project's scale), `summary`,
//! `review_url` and `history` — every key a JSONL export writes, so an export reads back. With both
//! offsets and `quote`, a quote that no longer sits at the offsets is found again in the text
//! (re-anchored) at the occurrence nearest the old start. A line whose `id` names an existing
//! claim updates it; any other line adds a claim (keeping its `id` when given).

use crate::core::action::Action;
use crate::core::model::{
    Anchor, Article, Claim, ClaimId, Project, SignOff, Source, Status, StatusChange,
};
use crate::core::text;
use crate::core::time::Timestamp;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportLine {
    id: Option<String>,
    article: String,
    start: Option<usize>,
    end: Option<usize>,
    quote: Option<String>,
    nth: Option<usize>,
    status: Option<Status>,
    speaker: Option<String>,
    note: Option<String>,
    sources: Option<Vec<SourceIn>>,
    created: Option<String>,
    updated: Option<String>,
    creator: Option<String>,
    reviewed_by: Option<String>,
    reviewed_at: Option<String>,
    verdict: Option<String>,
    summary: Option<String>,
    review_url: Option<String>,
    history: Option<Vec<StatusChange>>,
    /// Written by exports; a claim on an older article version cannot be placed by offsets.
    version: Option<u32>,
    anchor: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum SourceIn {
    Url(String),
    Full(Source),
}

impl From<SourceIn> for Source {
    fn from(s: SourceIn) -> Self {
        match s {
            SourceIn::Url(u) => Source::from_url(&u),
            SourceIn::Full(s) => s,
        }
    }
}

/// A bad input line (1-based line number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// What an import would do. Nothing is changed until [`ImportPlan::into_action`] is applied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    pub actions: Vec<Action>,
    pub added: usize,
    pub updated: usize,
    /// Lines whose quote was found away from the given offsets (or only by quote).
    pub reanchored: Vec<usize>,
}

impl ImportPlan {
    /// One batch: a single undo step, applied all or nothing.
    pub fn into_action(self) -> Action {
        Action::Batch {
            actions: self.actions,
        }
    }
}

/// Reads the whole input and plans every line. Any bad line makes the whole import fail, with
/// every bad line reported.
pub fn plan_import(project: &Project, input: &str) -> Result<ImportPlan, Vec<LineError>> {
    let now = Timestamp::now();
    let mut plan = ImportPlan::default();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    // Looked up once, not once per line: a project's claims and articles by id.
    let mut known = Known {
        claims: HashMap::with_capacity(project.claims.len()),
        articles: HashMap::new(),
    };
    for c in &project.claims {
        // The first claim with an id, as `Project::claim` finds it.
        known.claims.entry(c.id.0.as_str()).or_insert(c);
    }
    for (i, raw) in input.lines().enumerate() {
        let line = i + 1;
        let raw = raw.trim_start_matches('\u{feff}').trim();
        if raw.is_empty() {
            continue;
        }
        match plan_line(project, &mut known, raw, &now, &mut seen, line) {
            Ok((action, added, moved)) => {
                if added {
                    plan.added += 1;
                } else {
                    plan.updated += 1;
                }
                if moved {
                    plan.reanchored.push(line);
                }
                plan.actions.push(action);
            }
            Err(message) => errors.push(LineError { line, message }),
        }
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
}

/// serde_json appends " at line 1 column N"; inside one line only the column means anything.
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let base = msg.rfind(" at line ").map_or(msg.as_str(), |i| &msg[..i]);
    format!("{base} (column {})", e.column())
}

fn timestamp(value: Option<String>, key: &str) -> Result<Option<Timestamp>, String> {
    match value {
        None => Ok(None),
        Some(v) => humantime::parse_rfc3339(&v)
            .map(|_| Some(Timestamp(v.clone())))
            .map_err(|_| {
                format!("`{key}` '{v}' is not an RFC 3339 UTC time such as 2023-01-30T08:15:00Z")
            }),
    }
}

/// Claims by id and articles by the id or prefix a line gave, so each line costs the same
/// whatever the size of the project.
struct Known<'p> {
    claims: HashMap<&'p str, &'p Claim>,
    articles: HashMap<String, Option<&'p Article>>,
}

fn plan_line<'p>(
    project: &'p Project,
    known: &mut Known<'p>,
    raw: &str,
    now: &Timestamp,
    seen: &mut HashMap<String, usize>,
    line: usize,
) -> Result<(Action, bool, bool), String> {
    let l: ImportLine = serde_json::from_str(raw).map_err(|e| json_error(&e))?;
    let art = *known
        .articles
        .entry(l.article.clone())
        .or_insert_with(|| project.find_article(&l.article));
    let art = art.ok_or_else(|| format!("no article '{}' in the project", l.article))?;
    if l.anchor.as_deref().is_some_and(|a| a != "current")
        || l.version.is_some_and(|v| v != art.version)
    {
        return Err(format!(
            "the claim indexes version {} of the article, not its current text (version {}): \
             re-place it in the project first",
            l.version.unwrap_or(0),
            art.version
        ));
    }
    let (range, moved) = resolve(art, l.start, l.end, l.quote.as_deref(), l.nth)?;
    let anchor = Anchor::in_article(art, range.clone())
        .ok_or_else(|| format!("range {}..{} is not in the article", range.start, range.end))?;
    let created = timestamp(l.created, "created")?;
    let updated = timestamp(l.updated, "updated")?;
    let existing = match &l.id {
        Some(id) => {
            if !id.starts_with("c-") || id.len() < 3 || id.chars().any(|c| c.is_whitespace()) {
                return Err(format!("`id` '{id}' is not a claim id (c-…)"));
            }
            let first = *seen.entry(id.clone()).or_insert(line);
            if first != line {
                return Err(format!("claim id '{id}' is already on line {first}"));
            }
            known.claims.get(id.as_str()).copied()
        }
        None => None,
    };
    let mut claim = match existing {
        Some(c) => {
            if c.article != art.id {
                return Err(format!(
                    "claim '{}' belongs to article '{}', not '{}'",
                    c.id, c.article, art.id
                ));
            }
            let mut c = c.clone();
            c.anchor = anchor;
            c
        }
        None => {
            let mut c = Claim::new(
                art.id.clone(),
                anchor,
                created.clone().unwrap_or_else(|| now.clone()),
            );
            if let Some(id) = &l.id {
                c.id = ClaimId(id.clone());
            }
            c
        }
    };
    if let Some(s) = l.status {
        claim.status = s;
    }
    if let Some(s) = l.speaker {
        claim.speaker = s;
    }
    if let Some(n) = l.note {
        claim.note = n;
    }
    if let Some(s) = l.sources {
        claim.sources = s.into_iter().map(Source::from).collect();
    }
    if let Some(c) = created {
        claim.created = c;
    }
    if let Some(c) = l.creator {
        claim.creator = c;
    }
    match (l.reviewed_by, timestamp(l.reviewed_at, "reviewed_at")?) {
        (Some(by), Some(at)) if !by.is_empty() => claim.reviewed = Some(SignOff { by, at }),
        (Some(by), None) if !by.is_empty() => {
            return Err("`reviewed_by` needs `reviewed_at`".to_string());
        }
        (Some(_), _) => claim.reviewed = None,
        (None, _) => {}
    }
    if let Some(v) = l.verdict {
        claim.verdict = verdict_on_scale(project, &v)?;
    }
    if let Some(s) = l.summary {
        claim.summary = s;
    }
    if let Some(u) = l.review_url {
        claim.review_url = u;
    }
    if let Some(h) = l.history {
        claim.history = h;
    }
    let is_new = existing.is_none();
    claim.updated = match updated {
        Some(u) => u,
        None if is_new => claim.created.clone(),
        None => now.clone(),
    };
    let action = if is_new {
        Action::AddClaim {
            claim: Box::new(claim),
        }
    } else {
        Action::ReplaceClaim {
            claim: Box::new(claim),
        }
    };
    Ok((action, is_new, moved))
}

/// A verdict must be a level of the project's scale (stored in the scale's spelling); empty
/// means none.
fn verdict_on_scale(project: &Project, verdict: &str) -> Result<String, String> {
    if verdict.trim().is_empty() {
        return Ok(String::new());
    }
    let scale = project.settings.rating_scale.as_ref().ok_or_else(|| {
        format!(
            "`verdict` '{verdict}' given, but the project has no rating scale (see factdesk scale)"
        )
    })?;
    scale.level(verdict).map(|l| l.name.clone()).ok_or_else(|| {
        format!(
            "`verdict` '{verdict}' is not on the project's scale ({})",
            scale.names()
        )
    })
}

/// The char range a line designates, and whether it was found by quote rather than offsets.
fn resolve(
    art: &Article,
    start: Option<usize>,
    end: Option<usize>,
    quote: Option<&str>,
    nth: Option<usize>,
) -> Result<(Range<usize>, bool), String> {
    let len = art.char_len();
    if quote.is_some_and(str::is_empty) {
        return Err("`quote` is empty".into());
    }
    if nth == Some(0) {
        return Err("`nth` counts from 1".into());
    }
    match (start, end, quote) {
        (Some(s), Some(e), q) => {
            let in_body = s < e && e <= len;
            if in_body && q.is_none_or(|q| art.slice(s..e) == Some(q)) {
                return Ok((s..e, false));
            }
            let Some(q) = q else {
                return Err(format!(
                    "range {s}..{e} is empty or outside the article ({len} chars)"
                ));
            };
            let hits = text::find_all(&art.body, q);
            let pick = match nth {
                Some(n) => hits.get(n - 1).cloned(),
                None => hits.iter().min_by_key(|r| r.start.abs_diff(s)).cloned(),
            };
            pick.map(|r| (r, true)).ok_or_else(|| {
                format!(
                    "the quote is not at {s}..{e} and occurs {} time(s) in the article",
                    hits.len()
                )
            })
        }
        (None, None, Some(q)) => {
            let hits = text::find_all(&art.body, q);
            let n = nth.unwrap_or(1);
            hits.get(n - 1).cloned().map(|r| (r, false)).ok_or_else(|| {
                format!(
                    "the quote occurs {} time(s) in the article; occurrence {n} was asked for",
                    hits.len()
                )
            })
        }
        (Some(_), None, _) | (None, Some(_), _) => Err("give both `start` and `end`".into()),
        (None, None, None) => Err("give `start` and `end`, or `quote`".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::action::apply;
    use crate::core::model::{ArticleId, ArticleMeta};

    fn project() -> Project {
        let mut p = Project::new("t");
        let mut a = Article::new(
            ArticleMeta::default(),
            "“Rockets,” said KCNA 🚀. Rockets again, rockets.",
        );
        a.id = ArticleId("a-one".into());
        p.articles.push(a);
        p
    }

    #[test]
    fn adds_by_offsets_and_by_quote() {
        let mut p = project();
        let input = "{\"article\":\"a-one\",\"start\":1,\"end\":8,\"status\":\"denied\",\"sources\":[\"https://x.example\"]}\n\n\
                     {\"article\":\"a-o\",\"quote\":\"rockets\",\"nth\":1,\"speaker\":\"KCNA\"}\n";
        let plan = plan_import(&p, input).expect("valid");
        assert_eq!((plan.added, plan.updated), (2, 0));
        apply(&mut p, plan.into_action()).expect("applies");
        assert_eq!(p.claims.len(), 2);
        assert_eq!(p.claims[0].anchor.quote, "Rockets");
        assert_eq!(p.claims[0].status, Status::Denied);
        assert_eq!(p.claims[0].sources[0].url, "https://x.example");
        assert_eq!(p.claims[1].anchor.quote, "rockets");
        assert_eq!(p.claims[1].anchor.start, 39);
    }

    #[test]
    fn reanchors_moved_quotes_and_updates_by_id() {
        let mut p = project();
        let add = "{\"id\":\"c-x1\",\"article\":\"a-one\",\"quote\":\"Rockets again\"}";
        let plan = plan_import(&p, add).expect("ok");
        apply(&mut p, plan.into_action()).expect("add");
        // Offsets off by a few chars: the quote is found nearby, the claim updated in place.
        let upd = "{\"id\":\"c-x1\",\"article\":\"a-one\",\"start\":20,\"end\":33,\"quote\":\"Rockets again\",\"note\":\"n\"}";
        let plan = plan_import(&p, upd).expect("ok");
        assert_eq!(
            (plan.added, plan.updated, plan.reanchored.clone()),
            (0, 1, vec![1])
        );
        apply(&mut p, plan.into_action()).expect("update");
        assert_eq!(p.claims.len(), 1);
        assert_eq!(p.claims[0].note, "n");
        assert_eq!(p.claims[0].anchor.start, 24);
    }

    #[test]
    fn bad_lines_are_all_reported_with_numbers() {
        let p = project();
        let input = "{\"article\":\"a-one\",\"quote\":\"Rockets\"}\nnot json\n\
                     {\"article\":\"a-none\",\"quote\":\"x\"}\n{\"article\":\"a-one\",\"start\":3}\n\
                     {\"article\":\"a-one\",\"quote\":\"absent\"}\n{\"article\":\"a-one\",\"start\":0,\"end\":999}\n\
                     {\"article\":\"a-one\",\"quote\":\"KCNA\",\"staus\":\"denied\"}\n\
                     {\"article\":\"a-one\",\"quote\":\"KCNA\",\"status\":\"maybe\"}\n\
                     {\"id\":\"c-dup\",\"article\":\"a-one\",\"quote\":\"KCNA\"}\n\
                     {\"id\":\"c-dup\",\"article\":\"a-one\",\"quote\":\"said\"}\n\
                     {\"id\":\"bad id\",\"article\":\"a-one\",\"quote\":\"said\"}\n";
        let errs = plan_import(&p, input).expect_err("bad");
        let lines: Vec<usize> = errs.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5, 6, 7, 8, 10, 11], "{errs:?}");
        assert!(errs[7].message.contains("already on line 9"), "{}", errs[7]);
        assert!(errs[1].message.contains("a-none"));
        assert!(errs[5].message.contains("staus"), "{}", errs[5]);
        assert!(errs[0].to_string().starts_with("line 2: "));
    }
}
