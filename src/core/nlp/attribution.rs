//! Attributions in one sentence: each reporting verb (or "according to") with its speaker and the
//! span of text it attributes.

use super::lexicon::{self, VerbKind};
use super::speakers::{self, Found, Resolver};
use super::tokens::{Kind, Token};
use std::ops::Range;

/// One reporting cue in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The cue as written: "said", "denied", "according to".
    pub cue: String,
    pub kind: VerbKind,
    pub speaker: Option<String>,
    pub found: Found,
    /// Char offset of the cue.
    pub at: usize,
    /// The attributed text (char range), when it is not only a quotation next to the verb.
    pub content: Option<Range<usize>>,
}

const SUBORDINATORS: &[&str] = &[
    "after", "before", "while", "because", "when", "since", "although", "though", "whereas", "if",
];

/// Finds the attributions of a sentence's tokens. `in_quote(char)` says whether a position is
/// inside a quotation (verbs there are the speaker's words, not attributions).
pub fn attributions(
    toks: &[Token],
    in_quote: &dyn Fn(usize) -> bool,
    resolver: &mut Resolver,
) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.is_word() || in_quote(t.start) {
            i += 1;
            continue;
        }
        if t.text.eq_ignore_ascii_case("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            if let Some(a) = according_to(toks, i, resolver) {
                out.push(a);
            }
            i += 2;
            continue;
        }
        // Verbs are lowercase: "the United States" holds no "states".
        let verbish = t.text.chars().all(char::is_lowercase);
        let Some(kind) = lexicon::reporting_verb(t.text).filter(|_| verbish) else {
            i += 1;
            continue;
        };
        // "called" and "told" need an object; "the so-called" is no verb.
        if let Some(a) = verb(toks, i, kind, resolver) {
            out.push(a);
        }
        i += 1;
    }
    out
}

fn according_to(toks: &[Token], i: usize, resolver: &mut Resolver) -> Option<Attribution> {
    let (s, e) = speakers::phrase_after(toks, i + 2)?;
    let (speaker, found) = speakers::speaker_of(&toks[s..e], resolver)?;
    if found == Found::Named {
        resolver.saw(&speaker);
    }
    // "X happened, according to Y." or "According to Y, X happened."
    let content = if i > 0 {
        span(toks, 0, i)
    } else {
        span(toks, e, toks.len())
    };
    Some(Attribution {
        cue: "according to".into(),
        kind: VerbKind::Speech,
        speaker: Some(speaker),
        found,
        at: toks[i].start,
        content,
    })
}

fn verb(toks: &[Token], i: usize, kind: VerbKind, resolver: &mut Resolver) -> Option<Attribution> {
    let before = speakers::phrase_before(toks, i);
    let mut speaker = None;
    let mut found = Found::Named;
    let mut subject_start = None;
    if let Some((s, e)) = before {
        subject_start = Some(s);
        if let Some((name, f)) = speakers::speaker_of(&toks[s..e], resolver) {
            speaker = Some(name);
            found = f;
        }
    } else if let Some(who) = relative_pronoun(toks, i) {
        speaker = speakers::relative_head(toks, who);
    } else if let Some((s, e)) = speakers::phrase_after(toks, i + 1) {
        // Inverted: "“...,” said Kwon Jong Gun, director general ..."
        if let Some((name, f)) = speakers::speaker_of(&toks[s..e], resolver) {
            speaker = Some(name);
            found = f;
        }
        if found == Found::Named
            && let Some(name) = &speaker
        {
            resolver.saw(name);
        }
        return Some(Attribution {
            cue: toks[i].text.to_string(),
            kind,
            speaker,
            found,
            at: toks[i].start,
            content: None,
        });
    }
    if speaker.is_none() && before.is_some() && kind == VerbKind::Speech {
        // "the so-called ...", "it said": nothing to attribute to.
        return None;
    }
    if found == Found::Named
        && let Some(name) = &speaker
    {
        resolver.saw(name);
    }
    // "“...,” Essid declared in a televised address": the quotation is what was said.
    let subject = subject_start.unwrap_or(i);
    let after_quote = toks[subject.saturating_sub(2)..subject]
        .iter()
        .any(|t| matches!(t.text, "”" | "\"" | "»"));
    if kind == VerbKind::Speech && after_quote {
        return Some(Attribution {
            cue: toks[i].text.to_string(),
            kind,
            speaker,
            found,
            at: toks[i].start,
            content: None,
        });
    }
    let content = match kind {
        VerbKind::Speech => {
            let mut from = i + 1;
            // "told reporters that ...": skip the addressee.
            if let Some(k) = toks[from..toks.len().min(from + 6)]
                .iter()
                .position(|t| t.is("that"))
            {
                from += k + 1;
            }
            let after = span(toks, from, toks.len());
            let after_words = toks[from..].iter().filter(|t| t.is_word()).count();
            if after_words >= 3 {
                after
            } else {
                span(toks, 0, subject_start.unwrap_or(i))
            }
        }
        _ => {
            let from = subject_start.unwrap_or(i);
            span(toks, from, clause_end(toks, i + 1))
        }
    };
    Some(Attribution {
        cue: toks[i].text.to_string(),
        kind,
        speaker,
        found,
        at: toks[i].start,
        content,
    })
}

/// The index of "who" right before verb `i` (adverbs allowed between: "who also said").
fn relative_pronoun(toks: &[Token], i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0 && toks[k - 1].is_word() && lexicon::skips_before_verb(toks[k - 1].text) {
        k -= 1;
    }
    (k > 0 && toks[k - 1].is("who")).then(|| k - 1)
}

/// The token index where the clause starting at `from` ends: a comma or semicolon outside
/// quotation marks, a subordinating word, or the sentence end.
fn clause_end(toks: &[Token], from: usize) -> usize {
    let mut depth = 0i32;
    for (j, t) in toks.iter().enumerate().skip(from) {
        match t.text {
            "“" | "«" => depth += 1,
            "”" | "»" => depth -= 1,
            "," | ";" if depth <= 0 => return j,
            w if depth <= 0 && j > from && SUBORDINATORS.contains(&w.to_lowercase().as_str()) => {
                return j;
            }
            _ => {}
        }
    }
    toks.len()
}

/// The char range of tokens `a..b`, without leading or trailing punctuation (a closing quote is
/// kept when its opening one is inside).
pub fn span(toks: &[Token], mut a: usize, mut b: usize) -> Option<Range<usize>> {
    b = b.min(toks.len());
    while a < b && toks[a].kind == Kind::Punct && !matches!(toks[a].text, "“" | "\"" | "(" | "«")
    {
        a += 1;
    }
    while b > a && toks[b - 1].kind == Kind::Punct {
        let t = toks[b - 1].text;
        let keep = matches!(t, "”" | "»" | ")" | "\"")
            && toks[a..b - 1]
                .iter()
                .any(|x| matches!(x.text, "“" | "«" | "(" | "\""));
        if keep {
            break;
        }
        b -= 1;
    }
    // An opening mark whose closing one was cut off goes too.
    if a < b && matches!(toks[a].text, "“" | "\"" | "(" | "«") {
        let closes = toks[a + 1..b]
            .iter()
            .any(|x| matches!(x.text, "”" | "\"" | ")" | "»"));
        if !closes {
            a += 1;
        }
    }
    (a < b && toks[a..b].iter().any(Token::is_word)).then(|| toks[a].start..toks[b - 1].end)
}
