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
/// and those the analyst rejected before.
pub fn filter_known(project: &Project, suggestions: Vec<Suggestion>) -> Vec<Suggestion> {
    suggestions
        .into_iter()
        .filter(|s| {
            let r = s.range();
            let claimed = project.claims_of(&s.article).any(|c| {
                let ov = overlap(&r, &c.range());
                ov > 0 && (ov * 2 >= r.len() || ov * 2 >= c.range().len())
            });
            !claimed && !project.rejected_suggestions.iter().any(|x| x.matches(s))
        })
        .collect()
}
