//! New versions of an article: the character edits between two bodies, claims carried over
//! exactly or flagged (never guessed), and the update as one undoable action.
//!
//! A claim moves to the new text only when the very characters of its quote survive the edit
//! (the diff keeps them) and either its stored context still surrounds them or the quote occurs
//! exactly once in the new text. Anything else — a word changed inside the quote, a quote that now
//! occurs several times with changed context — is flagged "quote changed in version N", and the
//! claim keeps indexing the version it was marked in.

use crate::core::action::{Action, EditError};
use crate::core::model::{
    Anchor, AnchorChange, Article, ArticleId, CONTEXT_CHARS, Claim, DeltaOp, Project,
};
use crate::core::text::{self, CharIndex};
use crate::core::time::Timestamp;
use similar::{Algorithm, DiffTag, TextDiff};
use std::ops::Range;
use std::time::{Duration, Instant};

/// A stretch of the old body and the new body it became; `equal` when unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub old: Range<usize>,
    pub new: Range<usize>,
    pub equal: bool,
}

/// How long one diff may search before settling for a coarser answer (huge rewrites).
const DIFF_DEADLINE: Duration = Duration::from_secs(2);

fn push(edits: &mut Vec<Edit>, old: Range<usize>, new: Range<usize>, equal: bool) {
    if old.is_empty() && new.is_empty() {
        return;
    }
    if let Some(last) = edits.last_mut()
        && last.equal == equal
        && last.old.end == old.start
        && last.new.end == new.start
    {
        last.old.end = old.end;
        last.new.end = new.end;
        return;
    }
    edits.push(Edit { old, new, equal });
}

/// The character edits turning `old` into `new` (char offsets): lines first, then characters
/// inside each changed run of lines, so a 1 MB article with a few edits diffs quickly.
pub fn char_edits(old: &str, new: &str) -> Vec<Edit> {
    let lines = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .deadline(Instant::now() + DIFF_DEADLINE)
        .diff_lines(old, new);
    let chars_before = |slices: &[&str]| -> Vec<usize> {
        let mut acc = Vec::with_capacity(slices.len() + 1);
        let mut n = 0;
        acc.push(0);
        for s in slices {
            n += s.chars().count();
            acc.push(n);
        }
        acc
    };
    let old_at = chars_before(lines.old_slices());
    let new_at = chars_before(lines.new_slices());
    let mut edits = Vec::new();
    for (equal, o, n) in line_regions(&lines) {
        let old_chars = old_at[o.start]..old_at[o.end];
        let new_chars = new_at[n.start]..new_at[n.end];
        if equal {
            push(&mut edits, old_chars, new_chars, true);
            continue;
        }
        let old_text: String = lines.old_slices()[o.clone()].concat();
        let new_text: String = lines.new_slices()[n.clone()].concat();
        let chars = TextDiff::configure()
            .algorithm(Algorithm::Myers)
            .deadline(Instant::now() + DIFF_DEADLINE)
            .diff_chars(&old_text, &new_text);
        // Positions are counted here, from each op's lengths: the diff does not always report
        // where an insertion falls in the old text (or a deletion in the new) in order.
        let (mut o_at, mut n_at) = (old_chars.start, new_chars.start);
        for op in chars.ops() {
            let (tag, co, cn) = op.as_tag_tuple();
            push(
                &mut edits,
                o_at..o_at + co.len(),
                n_at..n_at + cn.len(),
                tag == DiffTag::Equal,
            );
            o_at += co.len();
            n_at += cn.len();
        }
    }
    edits
}

/// The line diff as runs of lines, (equal, old lines, new lines), in order. Changed runs are
/// joined across blank lines that lie between them: a line diff matches a blank line of one text
/// with any blank line of the other, so a paragraph that gained a trailing space next to an
/// added blank line would otherwise read as deleted in one run and inserted in another, and
/// nothing in it (a claim's quote) could be followed. Joined, the characters are diffed in one
/// piece and the unchanged words are found.
fn line_regions(lines: &TextDiff<'_, '_, '_, str>) -> Vec<(bool, Range<usize>, Range<usize>)> {
    let ops: Vec<(DiffTag, Range<usize>, Range<usize>)> =
        lines.ops().iter().map(|op| op.as_tag_tuple()).collect();
    let blank = |r: &Range<usize>| {
        lines.old_slices()[r.clone()]
            .iter()
            .all(|l| l.trim().is_empty())
    };
    let mut out = Vec::new();
    // Where the next run starts in each text (a deletion's position in the new text is not
    // always reported where it falls, so runs start from here, not from the ops).
    let (mut old_at, mut new_at) = (0usize, 0usize);
    let mut i = 0;
    while i < ops.len() {
        let (tag, o, n) = &ops[i];
        if *tag == DiffTag::Equal {
            out.push((true, o.clone(), n.clone()));
            (old_at, new_at) = (o.end, n.end);
            i += 1;
            continue;
        }
        let (mut old_end, mut new_end) = (old_at, new_at);
        let mut take = |o: &Range<usize>, n: &Range<usize>| {
            if !o.is_empty() {
                old_end = old_end.max(o.end);
            }
            if !n.is_empty() {
                new_end = new_end.max(n.end);
            }
        };
        take(o, n);
        let mut j = i + 1;
        loop {
            // Blank equal lines followed by another change join this run.
            let mut k = j;
            while k < ops.len() && ops[k].0 == DiffTag::Equal && blank(&ops[k].1) {
                k += 1;
            }
            if k >= ops.len() || ops[k].0 == DiffTag::Equal {
                break;
            }
            for (_, o, n) in &ops[j..=k] {
                take(o, n);
            }
            j = k + 1;
        }
        out.push((false, old_at..old_end, new_at..new_end));
        (old_at, new_at) = (old_end, new_end);
        i = j;
    }
    out
}

/// The delta that rebuilds `old` from `new`, given the edits from `old` to `new`.
pub fn delta_back(old: &str, _new: &str, edits: &[Edit]) -> Vec<DeltaOp> {
    let idx = CharIndex::new(old);
    let mut out: Vec<DeltaOp> = Vec::new();
    for e in edits {
        if e.equal {
            match out.last_mut() {
                Some(DeltaOp::Keep(n)) => *n += e.new.len(),
                _ => out.push(DeltaOp::Keep(e.new.len())),
            }
            continue;
        }
        if !e.new.is_empty() {
            out.push(DeltaOp::Del(e.new.len()));
        }
        if !e.old.is_empty() {
            out.push(DeltaOp::Ins(
                idx.slice(old, e.old.clone())
                    .unwrap_or_default()
                    .to_string(),
            ));
        }
    }
    out
}

/// Where old offset `at` lands in the new text (the start of the replacement when it was edited).
fn map_offset(edits: &[Edit], at: usize) -> usize {
    let i = edits.partition_point(|e| e.old.end <= at && !(e.old.is_empty() && e.old.start == at));
    match edits.get(i) {
        Some(e) if e.equal => e.new.start + (at - e.old.start),
        Some(e) => e.new.start,
        None => edits.last().map_or(0, |e| e.new.end),
    }
}

/// What became of one claim's anchor in the new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carried {
    /// The quote is the same characters, found exactly: its anchor in the new text.
    Moved(Anchor),
    /// Not placed: why, and the new text where the quote was (for a side-by-side view).
    Changed { reason: String, new_text: String },
}

/// Carries `anchor` (offsets into `old`) over to `new`.
pub fn carry(anchor: &Anchor, new: &str, new_index: &CharIndex, edits: &[Edit]) -> Carried {
    let (s, e) = (anchor.start, anchor.end);
    let inside = edits
        .iter()
        .find(|ed| ed.old.start <= s && e <= ed.old.end && !ed.old.is_empty());
    let new_start = map_offset(edits, s);
    let new_end = map_offset(edits, e).max(new_start);
    let new_text = new_index
        .slice(new, new_start..new_end)
        .unwrap_or_default()
        .to_string();
    match inside {
        Some(ed) if ed.equal => {
            let range = ed.new.start + (s - ed.old.start)..ed.new.start + (e - ed.old.start);
            let Some(moved) = Anchor::indexed(new, new_index, range.clone()) else {
                return Carried::Changed {
                    reason: "the quote could not be found in the new text".into(),
                    new_text,
                };
            };
            if moved.quote != anchor.quote {
                return Carried::Changed {
                    reason: "the quote changed".into(),
                    new_text,
                };
            }
            let same_context = context_agrees(&anchor.prefix, &moved.prefix, true)
                && context_agrees(&anchor.suffix, &moved.suffix, false);
            if same_context {
                return Carried::Moved(moved);
            }
            let count = text::find_all(new, &anchor.quote).len();
            if count == 1 {
                Carried::Moved(moved)
            } else {
                Carried::Changed {
                    reason: format!(
                        "the quote's context changed and the quote now occurs {count} times"
                    ),
                    new_text,
                }
            }
        }
        _ => Carried::Changed {
            reason: "the quote changed".into(),
            new_text,
        },
    }
}

/// Stored context is at most [`CONTEXT_CHARS`]; near the start or end of a body it is shorter,
/// so the overlapping part decides (the end of a prefix, the start of a suffix).
fn context_agrees(stored: &str, now: &str, prefix: bool) -> bool {
    let a: Vec<char> = stored.chars().collect();
    let b: Vec<char> = now.chars().collect();
    let n = a.len().min(b.len()).min(CONTEXT_CHARS);
    if prefix {
        a[a.len() - n..] == b[b.len() - n..]
    } else {
        a[..n] == b[..n]
    }
}

/// What an update would do: the action (one undo step) and what happened to each claim.
#[derive(Debug, Clone)]
pub struct UpdatePlan {
    pub action: Action,
    pub version: u32,
    /// Claims moved to the new text.
    pub moved: Vec<String>,
    /// Claims flagged: (id, reason).
    pub flagged: Vec<(String, String)>,
    /// Claims already on an older version, left as they were.
    pub untouched: Vec<String>,
}

/// Plans adding `body` as the next version of article `id`: the new article value and every
/// claim of it carried over or flagged. Refused when the text is the same as the current one.
pub fn plan_update(
    project: &Project,
    id: &ArticleId,
    body: &str,
    from: &str,
    at: &Timestamp,
) -> Result<UpdatePlan, EditError> {
    let article = project
        .article(id)
        .ok_or_else(|| EditError::UnknownArticle(id.clone()))?;
    let next = article.next_version(body, from, at);
    if next.content_hash == article.content_hash && next.body == article.body {
        return Err(EditError::SameVersion);
    }
    let edits = char_edits(&article.body, &next.body);
    let index = CharIndex::new(&next.body);
    let mut plan = UpdatePlan {
        action: Action::Batch {
            actions: Vec::new(),
        },
        version: next.version,
        moved: Vec::new(),
        flagged: Vec::new(),
        untouched: Vec::new(),
    };
    let mut claims = Vec::new();
    for c in project.claims_of(id) {
        if c.changed.is_some() {
            plan.untouched.push(c.id.0.clone());
            continue;
        }
        let mut claim = c.clone();
        match carry(&c.anchor, &next.body, &index, &edits) {
            Carried::Moved(anchor) => {
                claim.anchor = anchor;
                plan.moved.push(c.id.0.clone());
            }
            Carried::Changed { reason, new_text } => {
                claim.changed = Some(AnchorChange {
                    version: article.version,
                    in_version: next.version,
                    reason: reason.clone(),
                    new_text,
                    kept: false,
                });
                plan.flagged.push((c.id.0.clone(), reason));
            }
        }
        claims.push(claim);
    }
    plan.action = Action::ReplaceArticle {
        article: Box::new(next),
        claims,
    };
    Ok(plan)
}

/// The action that re-places a flagged (or any) claim on `range` of its article's current text,
/// clearing the flag: one undo step.
pub fn replace_claim(
    project: &Project,
    claim: &Claim,
    range: Range<usize>,
) -> Result<Action, EditError> {
    let article = project
        .article(&claim.article)
        .ok_or_else(|| EditError::UnknownArticle(claim.article.clone()))?;
    let len = article.char_len();
    let anchor = Anchor::in_article(article, range.clone()).ok_or(EditError::BadRange {
        start: range.start,
        end: range.end,
        len,
    })?;
    let mut c = claim.clone();
    c.anchor = anchor;
    c.changed = None;
    c.updated = Timestamp::now();
    Ok(Action::ReplaceClaim { claim: Box::new(c) })
}

/// The action that keeps a flagged claim as "changed by the outlet": it stays on the version it
/// was marked in, visibly, and exports say the article was modified.
pub fn keep_changed(claim: &Claim) -> Option<Action> {
    let mut c = claim.clone();
    let change = c.changed.as_mut()?;
    change.kept = true;
    c.updated = Timestamp::now();
    Some(Action::ReplaceClaim { claim: Box::new(c) })
}

/// The version a claim's offsets index into.
pub fn claim_version(project: &Project, claim: &Claim) -> u32 {
    match &claim.changed {
        Some(ch) => ch.version,
        None => project.article(&claim.article).map_or(1, |a| a.version),
    }
}

/// One paragraph-level change between two versions, with its word-level detail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    /// Char ranges in the from- and to-version.
    pub from_start: usize,
    pub from_end: usize,
    pub to_start: usize,
    pub to_end: usize,
    pub removed: String,
    pub added: String,
    /// Claims (ids) whose quote in the from-version this change touches.
    pub claims: Vec<String>,
}

/// The changes from `from` to `to` of `article`; those touching a claim's quote first.
pub fn diff(project: &Project, article: &Article, from: u32, to: u32) -> Option<Vec<Change>> {
    let a = article.body_of(from)?;
    let b = article.body_of(to)?;
    let (ia, ib) = (CharIndex::new(&a), CharIndex::new(&b));
    let mut out: Vec<Change> = char_edits(&a, &b)
        .into_iter()
        .filter(|e| !e.equal)
        .map(|e| {
            let claims = project
                .claims_of(&article.id)
                .filter(|c| claim_version(project, c) == from)
                .filter(|c| {
                    c.anchor.start < e.old.end.max(e.old.start + 1) && e.old.start < c.anchor.end
                })
                .map(|c| c.id.0.clone())
                .collect();
            Change {
                from_start: e.old.start,
                from_end: e.old.end,
                to_start: e.new.start,
                to_end: e.new.end,
                removed: ia.slice(&a, e.old.clone()).unwrap_or_default().to_string(),
                added: ib.slice(&b, e.new.clone()).unwrap_or_default().to_string(),
                claims,
            }
        })
        .collect();
    out.sort_by_key(|c| c.claims.is_empty());
    Some(out)
}

/// One piece of a changed paragraph: words both versions share, or words only one has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Removed(String),
    Added(String),
}

/// A changed paragraph between two versions, by word, with the claims its changes touch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphChange {
    /// Where the paragraph (as shown) starts in the to-version, in chars.
    pub to_start: usize,
    pub pieces: Vec<Piece>,
    /// Claims (ids) whose quote in the from-version a change in this paragraph touches.
    pub claims: Vec<String>,
}

/// Context shown around a change inside a long paragraph, in chars each side.
const PARAGRAPH_CONTEXT: usize = 300;

/// The bounds of the paragraph (line) around char range `r` of `text`, at most
/// [`PARAGRAPH_CONTEXT`] chars beyond it each side; true for each side cut short.
fn paragraph_around(text: &str, idx: &CharIndex, r: &Range<usize>) -> (Range<usize>, bool, bool) {
    let (Some(bs), Some(be)) = (idx.to_byte(text, r.start), idx.to_byte(text, r.end)) else {
        return (r.clone(), false, false);
    };
    let line_start = text[..bs].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[be..].find('\n').map_or(text.len(), |i| be + i);
    let start = idx.to_char(text, line_start).unwrap_or(r.start);
    let end = idx.to_char(text, line_end).unwrap_or(r.end);
    let cut_start = r.start.saturating_sub(PARAGRAPH_CONTEXT).max(start);
    let cut_end = (r.end + PARAGRAPH_CONTEXT).min(end);
    (cut_start..cut_end, cut_start > start, cut_end < end)
}

/// The changes from version `from` to `to` of `article`, by paragraph and word: each changed
/// paragraph once, its removed and added words in place; paragraphs touching a claim first.
/// Built on [`char_edits`] (the same diff that carries claims over), then words re-diffed inside
/// each changed paragraph so a one-letter fix reads as a changed word.
pub fn paragraph_diff(
    project: &Project,
    article: &Article,
    from: u32,
    to: u32,
) -> Option<Vec<ParagraphChange>> {
    let a = article.body_of(from)?;
    let b = article.body_of(to)?;
    let (ia, ib) = (CharIndex::new(&a), CharIndex::new(&b));
    let claims: Vec<&Claim> = project
        .claims_of(&article.id)
        .filter(|c| claim_version(project, c) == from)
        .collect();
    // Changed stretches grouped by the paragraph of the to-version they fall in.
    let mut groups: Vec<(Range<usize>, Range<usize>, Vec<String>)> = Vec::new();
    for e in char_edits(&a, &b).into_iter().filter(|e| !e.equal) {
        let touched = claims
            .iter()
            .filter(|c| {
                c.anchor.start < e.old.end.max(e.old.start + 1) && e.old.start < c.anchor.end
            })
            .map(|c| c.id.0.clone());
        // Stretches in one paragraph (as shown) join one group.
        let same_paragraph = groups
            .last()
            .is_some_and(|(_, new, _)| paragraph_around(&b, &ib, new).0.end >= e.new.start);
        match groups.last_mut() {
            Some((old, new, ids)) if same_paragraph => {
                old.end = old.end.max(e.old.end);
                new.end = new.end.max(e.new.end);
                ids.extend(touched);
            }
            _ => groups.push((e.old.clone(), e.new.clone(), touched.collect())),
        }
    }
    let mut out: Vec<ParagraphChange> = groups
        .into_iter()
        .map(|(old, new, mut ids)| {
            let (pa, _, _) = paragraph_around(&a, &ia, &old);
            let (pb, cut_start, cut_end) = paragraph_around(&b, &ib, &new);
            let old_text = ia.slice(&a, pa).unwrap_or_default();
            let new_text = ib.slice(&b, pb.clone()).unwrap_or_default();
            let mut pieces = Vec::new();
            if cut_start {
                pieces.push(Piece::Same("…".into()));
            }
            let words = TextDiff::configure()
                .algorithm(Algorithm::Myers)
                .deadline(Instant::now() + DIFF_DEADLINE)
                .diff_words(old_text, new_text);
            for change in words.iter_all_changes() {
                let text = change.value().to_string();
                let piece = match change.tag() {
                    similar::ChangeTag::Equal => Piece::Same(text),
                    similar::ChangeTag::Delete => Piece::Removed(text),
                    similar::ChangeTag::Insert => Piece::Added(text),
                };
                // Neighbouring words of one kind read as one run.
                match (pieces.last_mut(), &piece) {
                    (Some(Piece::Same(s)), Piece::Same(t))
                    | (Some(Piece::Removed(s)), Piece::Removed(t))
                    | (Some(Piece::Added(s)), Piece::Added(t)) => s.push_str(t),
                    _ => pieces.push(piece),
                }
            }
            if cut_end {
                pieces.push(Piece::Same("…".into()));
            }
            ids.sort();
            ids.dedup();
            ParagraphChange {
                to_start: pb.start,
                pieces,
                claims: ids,
            }
        })
        .collect();
    out.sort_by_key(|p| p.claims.is_empty());
    Some(out)
}

/// The stored versions of `article` that do not rebuild to their recorded hash (a damaged delta
/// makes every older one unreachable too): for `check`. One pass, newest to oldest.
pub fn broken_versions(article: &Article) -> Vec<u32> {
    let mut text = Some(article.body.clone());
    let mut broken = Vec::new();
    for v in article.versions.iter().rev() {
        text = text
            .and_then(|t| crate::core::model::apply_delta(&t, &v.delta))
            .filter(|t| crate::core::model::content_hash(t) == v.content_hash);
        if text.is_none() {
            broken.push(v.number);
        }
    }
    broken.reverse();
    broken
}

/// For a flagged claim, its article body at the version it indexes (to check its anchor).
pub fn body_for_claim<'a>(
    article: &'a Article,
    claim: &Claim,
) -> Option<std::borrow::Cow<'a, str>> {
    match &claim.changed {
        Some(ch) => article.body_of(ch.version),
        None => Some(std::borrow::Cow::Borrowed(article.body.as_str())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::apply_delta;

    #[test]
    fn deltas_rebuild_the_old_text() {
        let old = "Seoul — North Korea denied “rockets”.\n\nSecond paragraph 北朝鮮 🚀.\n";
        let new = "Seoul — North Korea firmly denied “rockets and missiles”.\n\nNew one.\n\nSecond paragraph 北朝鮮 🚀.\n";
        let edits = char_edits(old, new);
        let delta = delta_back(old, new, &edits);
        assert_eq!(apply_delta(new, &delta).as_deref(), Some(old));
        // Edits cover both texts end to end.
        assert_eq!(edits.last().map(|e| e.old.end), Some(old.chars().count()));
        assert_eq!(edits.last().map(|e| e.new.end), Some(new.chars().count()));
    }

    #[test]
    fn a_paragraph_beside_a_new_blank_line_keeps_its_words() {
        // The paragraph gains a trailing space and a blank line before it: a line diff pairs the
        // blank lines and reads the paragraph as deleted and inserted; its words must stay equal.
        let old = "First.\n\nThe minister denied the report.\n\nLast.\n";
        let new = "First.\n\n\nThe minister denied the report. \n\nLast.\n";
        let edits = char_edits(old, new);
        let at = old.find("The minister").expect("para");
        let end = at + "The minister denied the report.".len();
        assert!(
            edits
                .iter()
                .any(|e| e.equal && e.old.start <= at && end <= e.old.end),
            "{edits:?}"
        );
        let changed: usize = edits.iter().filter(|e| !e.equal).map(|e| e.new.len()).sum();
        assert_eq!(changed, 2, "a newline and a space were added: {edits:?}");
        let delta = delta_back(old, new, &edits);
        assert_eq!(apply_delta(new, &delta).as_deref(), Some(old));
        // Runs stay in order in both texts.
        for w in edits.windows(2) {
            assert_eq!(w[0].old.end, w[1].old.start, "{edits:?}");
            assert_eq!(w[0].new.end, w[1].new.start, "{edits:?}");
        }
    }

    #[test]
    fn paragraph_diff_shows_each_changed_paragraph_once_by_word() {
        use crate::core::model::{ArticleMeta, Project};
        let v1 = "First paragraph stays.\n\nThe minister denied the report on Monday.\n\nLast one.";
        let v2 = "First paragraph stays.\n\nThe minister confirmed the report on Tuesday.\n\nLast one, longer.";
        let mut p = Project::new("t");
        p.articles.push(Article::new(ArticleMeta::default(), v1));
        let id = p.articles[0].id.clone();
        let plan = plan_update(&p, &id, v2, "v2", &Timestamp::now()).expect("plan");
        crate::core::action::apply(&mut p, plan.action).expect("apply");
        let article = &p.articles[0];
        let paras = paragraph_diff(&p, article, 1, 2).expect("diff");
        assert_eq!(paras.len(), 2, "{paras:?}");
        let second = &paras[0].pieces;
        assert!(
            second.contains(&Piece::Removed("denied".into())),
            "{second:?}"
        );
        assert!(
            second.contains(&Piece::Added("confirmed".into())),
            "{second:?}"
        );
        assert!(
            second.contains(&Piece::Removed("Monday.".into())),
            "{second:?}"
        );
        assert!(
            second
                .iter()
                .any(|x| matches!(x, Piece::Same(s) if s.contains("the report on")))
        );
        // Backwards (to against from) works the same way.
        assert_eq!(paragraph_diff(&p, article, 2, 1).map(|d| d.len()), Some(2));
        assert!(paragraph_diff(&p, article, 1, 3).is_none());
    }
}
