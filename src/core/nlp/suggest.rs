//! Claim suggestions for an article: attributed statements, quotations, denials, accusations and
//! checkable figures, each with a speaker, a cue, a suggested status, a reason and a score.

use super::attribution::{self, Attribution};
use super::cues;
use super::lexicon::Lang;
use super::lexicon::VerbKind;
use super::sentences::{SegmentOptions, sentences_with};
use super::speakers::{Found, Resolver};
use super::tokens::{self, Quote, Token};
use crate::core::model::{Article, ArticleId, Project, Status};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// A proposed claim. The keys are the JSON interface of `factdesk suggest --json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub article: ArticleId,
    /// Char offsets into the article body, end-exclusive.
    pub start: usize,
    pub end: usize,
    pub quote: String,
    /// Who made the statement, as named in the article; empty when unknown.
    pub speaker: String,
    /// What made it a claim: the reporting verb, "according to", "quotation", a figure or word.
    pub cue: String,
    /// The suggested status.
    pub status: Status,
    /// Why that status (and speaker) were suggested.
    pub reason: String,
    /// Confidence between 0 and 1.
    pub score: f32,
}

impl Suggestion {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Minimum words for a quotation to be proposed on its own (shorter ones are scare quotes).
const MIN_QUOTE_WORDS: usize = 4;
/// Minimum words for an unattributed sentence to be proposed.
const MIN_SENTENCE_WORDS: usize = 6;

/// Suggestions for one article body. `default_speaker` (the outlet) is the speaker of checkable
/// statements the article makes in its own voice. The `article` field is left empty.
pub fn suggest_text(text: &str, default_speaker: &str) -> Vec<Suggestion> {
    suggest_text_in(text, default_speaker, Lang::En)
}

/// [`suggest_text`] for text in `lang`, whose sentence rules apply.
pub fn suggest_text_in(text: &str, default_speaker: &str, lang: Lang) -> Vec<Suggestion> {
    let chars: Vec<char> = text.chars().collect();
    let toks = tokens::tokenize(text);
    let quotes = tokens::quotes(&chars);
    let in_quote = |pos: usize| {
        let k = quotes.partition_point(|q| q.outer.end <= pos);
        quotes.get(k).is_some_and(|q| q.outer.contains(&pos))
    };
    let sents = sentences_with(text, SegmentOptions::lang(lang));
    let mut resolver = Resolver::default();
    let mut per_sentence: Vec<Vec<Attribution>> = Vec::with_capacity(sents.len());
    let mut out: Vec<Suggestion> = Vec::new();
    let mut tok_from = 0;
    for s in &sents {
        let a = tok_from + toks[tok_from..].partition_point(|t| t.start < s.start);
        let b = a + toks[a..].partition_point(|t| t.start < s.end);
        tok_from = b;
        let st = &toks[a..b];
        let attrs = attribution::attributions(st, &in_quote, &mut resolver);
        let denier = attrs
            .iter()
            .find(|x| x.kind == VerbKind::Denial)
            .and_then(|x| x.speaker.clone());
        for at in &attrs {
            let Some(content) = &at.content else { continue };
            let ct = sub_tokens(st, content);
            let (mut status, mut reason) = status_for(&ct, at);
            if at.kind == VerbKind::Speech
                && let Some(d) = &denier
                && status != Status::Denied
            {
                status = Status::Denied;
                reason = format!("denied in the same sentence by {d}");
            }
            out.push(make(&chars, content.clone(), at, status, reason));
        }
        per_sentence.push(attrs);
        if per_sentence
            .last()
            .is_some_and(|v| v.iter().any(|a| a.content.is_some()))
        {
            continue;
        }
        let q0 = quotes.partition_point(|q| q.inner.start < s.start);
        let has_quote = quotes[q0..]
            .iter()
            .take_while(|q| q.inner.start < s.end)
            .any(|q| word_count(&toks, &q.inner) >= MIN_QUOTE_WORDS);
        if has_quote || st.iter().filter(|t| t.is_word()).count() < MIN_SENTENCE_WORDS {
            continue;
        }
        let cue = cues::figure(st).or_else(|| cues::checkable(st));
        if let (Some(cue), Some(range)) = (cue, attribution::span(st, 0, st.len())) {
            let (status, reason) = cues::status_of(st).unwrap_or((
                Status::Unreviewed,
                "checkable statement in the article's own voice".into(),
            ));
            let figure = cue.chars().any(|c| c.is_ascii_digit());
            out.push(Suggestion {
                article: ArticleId(String::new()),
                quote: chars[range.clone()].iter().collect(),
                start: range.start,
                end: range.end,
                speaker: default_speaker.to_string(),
                cue,
                status,
                reason,
                score: if figure { 0.5 } else { 0.4 },
            });
        }
    }
    add_quotes(&chars, &toks, &quotes, &sents, &per_sentence, &mut out);
    out.sort_by_key(|x| (x.start, x.end));
    out.dedup_by(|x, y| x.start == y.start && x.end == y.end);
    // "Kirby" or "Mr Kirby" after "John Kirby" was named: the full name, as the claim library
    // files the speaker.
    let speakers: Vec<&str> = out.iter().map(|x| x.speaker.as_str()).collect();
    let full = super::names::resolve_speakers(&speakers, text);
    for (x, name) in out.iter_mut().zip(full) {
        if !name.is_empty() {
            x.speaker = name;
        }
    }
    out
}

fn word_count(toks: &[Token], r: &Range<usize>) -> usize {
    let a = toks.partition_point(|t| t.start < r.start);
    toks[a..]
        .iter()
        .take_while(|t| t.start < r.end)
        .filter(|t| t.is_word())
        .count()
}

fn sub_tokens<'a>(st: &[Token<'a>], r: &Range<usize>) -> Vec<Token<'a>> {
    st.iter()
        .filter(|t| t.start >= r.start && t.end <= r.end)
        .cloned()
        .collect()
}

fn status_for(content: &[Token], at: &Attribution) -> (Status, String) {
    if let Some(s) = cues::status_of(content) {
        return s;
    }
    match at.kind {
        VerbKind::Denial => (Status::Denied, format!("denial verb “{}”", at.cue)),
        VerbKind::Accusation => (Status::Disputed, format!("accusation verb “{}”", at.cue)),
        _ if at.cue == "according to" => (Status::Sourced, "attributed with “according to”".into()),
        _ => (
            Status::Unreviewed,
            format!("statement reported with “{}”", at.cue),
        ),
    }
}

fn score(at: Option<&Attribution>, base: f32) -> f32 {
    let Some(at) = at else { return base - 0.3 };
    match (&at.speaker, at.found) {
        (None, _) => base - 0.3,
        (Some(_), Found::Pronoun) => base - 0.1,
        (Some(_), Found::Named) => base,
    }
}

fn make(
    chars: &[char],
    r: Range<usize>,
    at: &Attribution,
    status: Status,
    reason: String,
) -> Suggestion {
    let base = match at.kind {
        VerbKind::Denial | VerbKind::Accusation => 0.85,
        _ => 0.8,
    };
    Suggestion {
        article: ArticleId(String::new()),
        quote: chars[r.clone()].iter().collect(),
        start: r.start,
        end: r.end,
        speaker: at.speaker.clone().unwrap_or_default(),
        cue: at.cue.clone(),
        status,
        reason,
        score: score(Some(at), base),
    }
}

/// Quotations of several words become suggestions of their own, attributed to the nearest
/// reporting verb of the sentences they span; quotations inside an attributed clause do not.
fn add_quotes(
    chars: &[char],
    toks: &[Token],
    quotes: &[Quote],
    sents: &[Range<usize>],
    per_sentence: &[Vec<Attribution>],
    out: &mut Vec<Suggestion>,
) {
    out.sort_by_key(|x| (x.start, x.end));
    let mut dropped = vec![false; out.len()];
    let mut added = Vec::new();
    // Quotations inside a denial, accusation or act clause stay part of it.
    let mut clauses: Vec<Range<usize>> = per_sentence
        .iter()
        .flatten()
        .filter(|a| a.kind != VerbKind::Speech)
        .filter_map(|a| a.content.clone())
        .collect();
    clauses.sort_by_key(|c| c.start);
    for q in quotes {
        if word_count(toks, &q.inner) < MIN_QUOTE_WORDS {
            continue;
        }
        let first = sents.partition_point(|s| s.end <= q.outer.start);
        let last = sents
            .partition_point(|s| s.end < q.outer.end)
            .min(sents.len().saturating_sub(1));
        // Clauses are in text order: only those starting before the quotation can hold it.
        let c_end = clauses.partition_point(|c| c.start <= q.outer.start);
        let inside_clause = clauses[c_end.saturating_sub(8)..c_end]
            .iter()
            .any(|c| c.start <= q.outer.start && q.outer.end <= c.end + 1);
        if inside_clause {
            continue;
        }
        let candidates = per_sentence
            .get(first..=last.max(first))
            .unwrap_or_default()
            .iter()
            .flatten()
            .filter(|a| a.speaker.is_some());
        let at = candidates.min_by_key(|a| {
            if a.at >= q.outer.end {
                a.at - q.outer.end
            } else {
                q.outer.start.saturating_sub(a.at)
            }
        });
        let a = toks.partition_point(|t| t.start < q.inner.start);
        let b = a + toks[a..].partition_point(|t| t.start < q.inner.end);
        let qt = &toks[a..b];
        let (mut status, mut reason) = match cues::status_of(qt) {
            Some(s) => s,
            None => (Status::Unreviewed, "direct quotation".into()),
        };
        if status == Status::Unreviewed
            && let Some(at) = at
            && matches!(at.kind, VerbKind::Denial | VerbKind::Accusation)
        {
            (status, reason) = status_for(&[], at);
        }
        // No attribution around it: the speaker of the sentence before, in the same paragraph.
        let prev = first.checked_sub(1).filter(|&k| {
            let gap = sents[k].end..sents[first].start;
            !chars[gap].contains(&'\n')
        });
        let fallback =
            prev.and_then(|k| per_sentence[k].iter().rev().find_map(|a| a.speaker.clone()));
        let speaker = match at {
            Some(at) => at.speaker.clone().unwrap_or_default(),
            None => fallback.clone().unwrap_or_default(),
        };
        // Drop a clause suggestion that is mostly this quotation.
        let near = out.partition_point(|s| s.start < q.outer.start.saturating_sub(4_000));
        for (k, s) in out.iter().enumerate().skip(near) {
            if s.start >= q.inner.end {
                break;
            }
            let ov = overlap(&s.range(), &q.inner);
            if ov * 10 >= (s.end - s.start) * 6 {
                dropped[k] = true;
            }
        }
        added.push(Suggestion {
            article: ArticleId(String::new()),
            quote: chars[q.inner.clone()].iter().collect(),
            start: q.inner.start,
            end: q.inner.end,
            speaker,
            cue: at.map_or_else(
                || "quotation".to_string(),
                |a| format!("quotation, {}", a.cue),
            ),
            status,
            reason,
            score: if at.is_none() && fallback.is_some() {
                0.7
            } else {
                score(at, 0.9)
            },
        });
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !dropped[k - 1]
    });
    out.extend(added);
}

/// Chars shared by two ranges.
pub fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Suggestions for one article, its outlet as the default speaker.
pub fn suggest_article(article: &Article) -> Vec<Suggestion> {
    let lang = Lang::from_tag(&article.meta.lang);
    let mut out = suggest_text_in(&article.body, &article.meta.source, lang);
    for s in &mut out {
        s.article = article.id.clone();
    }
    out
}

/// Suggestions for every article of a project, without those already marked or rejected
/// (see [`filter_known`]).
pub fn suggest_project(project: &Project) -> Vec<Suggestion> {
    let all = project.articles.iter().flat_map(suggest_article).collect();
    filter_known(project, all)
}

/// Drops suggestions that an existing claim already covers (sharing at least half of either span)
/// and those the analyst rejected before. Costs O((suggestions + claims) log claims): see
/// [`Known`].
pub fn filter_known(project: &Project, suggestions: Vec<Suggestion>) -> Vec<Suggestion> {
    let known = Known::new(project);
    suggestions
        .into_iter()
        .filter(|s| !known.covers(s))
        .collect()
}

/// A project's claims and rejections, indexed once so that asking whether a suggestion is
/// already known costs a few binary searches and hash lookups, not a pass over every claim and
/// every rejection.
pub struct Known<'p> {
    articles: HashMap<&'p ArticleId, SpanIndex>,
    rejected_spans: HashSet<(&'p ArticleId, usize, usize)>,
    rejected_quotes: HashSet<(&'p ArticleId, &'p str)>,
}

/// One article's claim spans. A claim `a..b` covers a suggestion `s..e` when they overlap and
/// the overlap is at least half of either. That holds exactly when one of these does:
/// - a claim starting at or before `s` reaches far enough: `2·(min(b, e) − s) ≥ e − s` (the
///   claim ending last among those is the one to try);
/// - a claim starts inside the first half of the suggestion: `s < a` and `2a ≤ s + e` (it lies
///   inside the suggestion, or covers its second half);
/// - a claim's midpoint lies in the suggestion: `2s ≤ a + b ≤ 2e` (then at least half of the
///   claim is inside it).
#[derive(Default)]
struct SpanIndex {
    /// (start, end) by start, and the largest end among the first k.
    by_start: Vec<(usize, usize)>,
    max_end: Vec<usize>,
    /// `start + end` of every claim, sorted.
    sums: Vec<usize>,
}

impl<'p> Known<'p> {
    pub fn new(project: &'p Project) -> Self {
        let mut articles: HashMap<&ArticleId, SpanIndex> = HashMap::new();
        // A claim flagged by a new article version indexes the older text: not a span of this one.
        for c in project.claims.iter().filter(|c| c.changed.is_none()) {
            let (a, b) = (c.anchor.start, c.anchor.end);
            // An empty span overlaps nothing.
            if a < b {
                let idx = articles.entry(&c.article).or_default();
                idx.by_start.push((a, b));
                idx.sums.push(a + b);
            }
        }
        for idx in articles.values_mut() {
            idx.by_start.sort_unstable();
            idx.sums.sort_unstable();
            let mut m = 0;
            idx.max_end = idx
                .by_start
                .iter()
                .map(|&(_, b)| {
                    m = m.max(b);
                    m
                })
                .collect();
        }
        let rejected = &project.rejected_suggestions;
        Known {
            articles,
            rejected_spans: rejected
                .iter()
                .map(|r| (&r.article, r.start, r.end))
                .collect(),
            rejected_quotes: rejected
                .iter()
                .map(|r| (&r.article, r.quote.as_str()))
                .collect(),
        }
    }

    /// True when a claim covers `s` or the analyst rejected it (the rule of [`filter_known`]).
    pub fn covers(&self, s: &Suggestion) -> bool {
        self.claimed(&s.article, s.range())
            || self.rejected_spans.contains(&(&s.article, s.start, s.end))
            || (!s.quote.is_empty()
                && self
                    .rejected_quotes
                    .contains(&(&s.article, s.quote.as_str())))
    }

    /// True when a claim of `article` shares at least half of `r` or half of itself with `r`.
    pub fn claimed(&self, article: &ArticleId, r: Range<usize>) -> bool {
        let (s, e) = (r.start, r.end);
        let Some(idx) = self.articles.get(article) else {
            return false;
        };
        if s >= e {
            return false;
        }
        let k = idx.by_start.partition_point(|&(a, _)| a <= s);
        let reaches = k > 0 && 2 * idx.max_end[k - 1].min(e).saturating_sub(s) >= e - s;
        let starts_early = idx.by_start.get(k).is_some_and(|&(a, _)| 2 * a <= s + e);
        let j = idx.sums.partition_point(|&m| m < 2 * s);
        let midpoint_inside = idx.sums.get(j).is_some_and(|&m| m <= 2 * e);
        reaches || starts_early || midpoint_inside
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_surname_alone_is_filed_under_the_full_name_named_earlier() {
        let text = "National security spokesman John Kirby said the rockets were delivered in November last year. \
                    Later on Friday, Kirby said that the Wagner group had paid for the weapons in cash.";
        let got = suggest_text(text, "AFP");
        let second = got
            .iter()
            .find(|s| s.start > text.chars().take_while(|c| *c != 'L').count())
            .expect("a suggestion in the second sentence");
        assert_eq!(second.speaker, "John Kirby", "{got:?}");
    }

    use super::*;
    use crate::core::model::{Anchor, Claim, ClaimId, RejectedSuggestion};
    use crate::core::time::Timestamp;

    /// The rule as first written: every claim of the article and every rejection, one by one.
    fn known_naively(project: &Project, s: &Suggestion) -> bool {
        let r = s.range();
        let claimed = project.claims_of(&s.article).any(|c| {
            let ov = overlap(&r, &c.range());
            ov > 0 && (ov * 2 >= r.len() || ov * 2 >= c.range().len())
        });
        claimed || project.rejected_suggestions.iter().any(|x| x.matches(s))
    }

    #[test]
    fn the_index_agrees_with_the_rule_on_every_span() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut rnd = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let art = |k: usize| ArticleId(format!("a-{k}"));
        let mut seen = [0usize; 2];
        for round in 0..200 {
            let mut p = Project::new("t");
            for i in 0..rnd(12) {
                let start = rnd(60);
                // Some claims long, some empty or inverted as a hand-edited file may have them.
                let end = start + rnd(if i % 4 == 0 { 60 } else { 12 });
                let end = if rnd(15) == 0 {
                    start.saturating_sub(1)
                } else {
                    end
                };
                let anchor = Anchor {
                    start,
                    end,
                    quote: String::new(),
                    prefix: String::new(),
                    suffix: String::new(),
                };
                let mut c = Claim::new(art(rnd(2)), anchor, Timestamp::now());
                c.id = ClaimId(format!("c-{i}"));
                p.claims.push(c);
            }
            for _ in 0..rnd(3) {
                let start = rnd(60);
                p.rejected_suggestions.push(RejectedSuggestion {
                    article: art(rnd(2)),
                    start,
                    end: start + rnd(10),
                    quote: ["", "said", "denied"][rnd(3)].to_string(),
                });
            }
            let known = Known::new(&p);
            for s in 0..70 {
                for len in 0..25 {
                    let sugg = Suggestion {
                        article: art(rnd(2)),
                        start: s,
                        end: s + len,
                        quote: ["", "said", "other"][rnd(3)].to_string(),
                        speaker: String::new(),
                        cue: String::new(),
                        status: Status::Unreviewed,
                        reason: String::new(),
                        score: 0.5,
                    };
                    seen[usize::from(known.covers(&sugg))] += 1;
                    assert_eq!(
                        known.covers(&sugg),
                        known_naively(&p, &sugg),
                        "round {round}: {s}..{} in {:?}",
                        s + len,
                        p.claims
                            .iter()
                            .map(|c| (c.article.0.clone(), c.anchor.start, c.anchor.end))
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
        assert!(seen[0] > 10_000 && seen[1] > 10_000, "{seen:?}");
    }
}
