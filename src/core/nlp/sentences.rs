//! Sentence segmentation in char offsets: terminal punctuation, abbreviations, initials, decimals,
//! ellipses, quotations, e-mail addresses and URLs, numbered and lettered lists, line breaks.

use super::lexicon;
use std::ops::Range;

/// How to treat single line breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SegmentOptions {
    /// Text extracted from PDFs: a single line break never ends a sentence.
    pub pdf: bool,
}

/// Splits `text` into sentences, returned as char ranges trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    sentences_with(text, SegmentOptions::default())
}

/// [`sentences`] with options.
pub fn sentences_with(text: &str, opts: SegmentOptions) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    Segmenter {
        chars: &chars,
        opts,
    }
    .run()
}

/// The sentence containing char position `pos`, if any.
pub fn sentence_at(text: &str, pos: usize) -> Option<Range<usize>> {
    let all = sentences(text);
    all.iter()
        .find(|r| r.contains(&pos))
        .or_else(|| all.iter().find(|r| r.end == pos))
        .cloned()
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '」', '』', '）'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«', '¿', '¡', '「', '『'];
const BULLETS: &[char] = &['•', '⁃', '‣', '◦', '▪', '*', '-', '–'];

struct Segmenter<'a> {
    chars: &'a [char],
    opts: SegmentOptions,
}

impl Segmenter<'_> {
    fn run(&self) -> Vec<Range<usize>> {
        let c = self.chars;
        let (list_dots, list_starts) = self.list_markers();
        let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of one sentence, start of the next)
        let mut next_forced = list_starts.iter().peekable();
        let mut sentence_start = 0;
        let mut i = 0;
        while i < c.len() {
            while next_forced.peek().is_some_and(|&&p| p < i) {
                next_forced.next();
            }
            if next_forced.peek() == Some(&&i) && i > sentence_start {
                cuts.push((i, i));
                sentence_start = i;
            }
            let ch = c[i];
            if ch == '\n' {
                let blank = c[i + 1..]
                    .iter()
                    .take_while(|x| x.is_whitespace())
                    .any(|&x| x == '\n');
                let soft_wrap = i > 0 && matches!(c[i - 1], ' ' | '\t');
                if blank || !(self.opts.pdf || soft_wrap) {
                    cuts.push((i, i + 1));
                    sentence_start = i + 1;
                }
                i += 1;
                continue;
            }
            if matches!(ch, '。' | '！' | '？') {
                let end = self.skip_closers(i + 1);
                cuts.push((end, end));
                sentence_start = end;
                i = end;
                continue;
            }
            let end = match ch {
                '.' if list_dots.binary_search(&i).is_ok() => None,
                '.' | '…' => self.dot_boundary(i, sentence_start),
                '!' | '?' => self.bang_boundary(i),
                _ => None,
            };
            match end {
                Some(Step::Cut(e)) => {
                    cuts.push((e, e));
                    sentence_start = e;
                    i = e.max(i + 1);
                }
                Some(Step::Skip(e)) => i = e.max(i + 1),
                None => i += 1,
            }
        }
        let mut out = Vec::new();
        let mut start = 0;
        for (end, next) in cuts {
            push_trimmed(c, start..end, &mut out);
            start = next;
        }
        push_trimmed(c, start..c.len(), &mut out);
        out
    }

    fn skip_closers(&self, mut i: usize) -> usize {
        while i < self.chars.len() && CLOSERS.contains(&self.chars[i]) {
            i += 1;
        }
        i
    }

    /// The first char of the next word after `i` (skipping spaces and opening quotes), if the gap
    /// contains whitespace.
    fn next_word(&self, i: usize) -> NextWord {
        let c = self.chars;
        let mut j = i;
        while j < c.len() && c[j].is_whitespace() {
            if c[j] == '\n' {
                return NextWord::End;
            }
            j += 1;
        }
        if j == c.len() {
            return NextWord::End;
        }
        if j == i {
            return NextWord::Attached;
        }
        while j < c.len() && OPENERS.contains(&c[j]) {
            j += 1;
        }
        match c.get(j) {
            None => NextWord::End,
            Some(x) if x.is_lowercase() => NextWord::Lower,
            Some(x) if x.is_ascii_digit() => NextWord::Digit,
            Some(x) if x.is_uppercase() => NextWord::Upper(j),
            Some(_) => NextWord::Other,
        }
    }

    fn bang_boundary(&self, i: usize) -> Option<Step> {
        let c = self.chars;
        let mut e = i + 1;
        while e < c.len() && matches!(c[e], '!' | '?') {
            e += 1;
        }
        let e = self.skip_closers(e);
        match self.next_word(e) {
            NextWord::Lower | NextWord::Attached => Some(Step::Skip(e)),
            _ => Some(Step::Cut(e)),
        }
    }

    fn dot_boundary(&self, i: usize, sentence_start: usize) -> Option<Step> {
        let c = self.chars;
        // A run of dots, possibly spaced (". . ."), is an ellipsis.
        let mut dots = if c[i] == '…' { 3 } else { 1 };
        let mut j = i + 1;
        let mut first_spaced = None;
        loop {
            if j < c.len() && c[j] == '.' {
                dots += 1;
                j += 1;
            } else if j < c.len() && c[j] == '…' {
                dots += 3;
                j += 1;
            } else if j + 1 < c.len() && c[j] == ' ' && c[j + 1] == '.' && dots < 4 {
                first_spaced.get_or_insert(j);
                j += 1;
            } else {
                break;
            }
        }
        if dots > 1 {
            let attached = i > 0 && !c[i - 1].is_whitespace();
            let end = self.skip_closers(j);
            let next = self.next_word(end);
            // "compounds. . . . The": a period, then an ellipsis that opens the next sentence.
            if attached && dots >= 4 && first_spaced == Some(i + 1) {
                return match next {
                    NextWord::Upper(_) => Some(Step::Cut(i + 1)),
                    NextWord::End => Some(Step::Cut(end)),
                    _ => Some(Step::Skip(end)),
                };
            }
            return match next {
                NextWord::End => Some(Step::Cut(end)),
                NextWord::Upper(_) if dots >= 4 => Some(Step::Cut(end)),
                _ => Some(Step::Skip(end)),
            };
        }
        let end = self.skip_closers(i + 1);
        let (word, word_start) = self.word_before(i);
        match self.next_word(end) {
            NextWord::End => Some(Step::Cut(end)),
            NextWord::Lower => None,
            NextWord::Attached => self.attached_dot(i, word),
            NextWord::Digit => {
                let w = word.to_lowercase();
                let is_abbr = w.chars().count() == 1
                    || lexicon::is_abbreviation(&w)
                    || w.chars().all(|ch| ch.is_ascii_digit())
                        && c[sentence_start..i].iter().all(|ch| !ch.is_alphabetic());
                if is_abbr { None } else { Some(Step::Cut(end)) }
            }
            NextWord::Other => Some(Step::Cut(end)),
            NextWord::Upper(at) => {
                if self.is_non_boundary_before_upper(&word, word_start, at) {
                    None
                } else {
                    Some(Step::Cut(end))
                }
            }
        }
    }

    /// A period followed directly by a non-space: "3.5", "U.S.A", "example.com", "world.Today".
    fn attached_dot(&self, i: usize, word: String) -> Option<Step> {
        let c = self.chars;
        let next = c.get(i + 1).copied().unwrap_or(' ');
        if !next.is_uppercase() {
            return None;
        }
        let (ts, te) = self.token_around(i);
        let token: String = c[ts..te].iter().collect();
        if token.contains('@') || token.contains("://") || token.starts_with("www.") {
            return None;
        }
        let prev = if i > 0 { c[i - 1] } else { ' ' };
        let wordy = word.chars().count() >= 2 && (prev.is_lowercase() || prev.is_ascii_digit());
        if wordy && !lexicon::is_abbreviation(&word.to_lowercase()) {
            Some(Step::Cut(i + 1))
        } else {
            None
        }
    }

    fn is_non_boundary_before_upper(&self, word: &str, word_start: usize, next_at: usize) -> bool {
        let lower = word.to_lowercase();
        let letters = word.chars().filter(|ch| ch.is_alphabetic()).count();
        let short_parts = word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
        if word.contains('.') && short_parts {
            // Multi-period abbreviation ("U.S."): a boundary only before a typical sentence opener.
            return !lexicon::is_sentence_starter(&self.word_at(next_at).to_lowercase());
        }
        let last_part = lower.rsplit('.').next().unwrap_or("");
        if lexicon::is_title_abbreviation(last_part) {
            return true;
        }
        if letters == 1 && word.chars().count() == 1 {
            let ch = word.chars().next().unwrap_or(' ');
            if ch.is_uppercase() {
                // "Albert I. Jones" vs "you and I. Did": an initial follows a capitalised word.
                return ch != 'I' || self.prev_word_capitalized(word_start);
            }
        }
        false
    }

    fn prev_word_capitalized(&self, word_start: usize) -> bool {
        let c = self.chars;
        let mut k = word_start;
        while k > 0 && c[k - 1].is_whitespace() {
            k -= 1;
        }
        let mut s = k;
        while s > 0 && c[s - 1].is_alphabetic() {
            s -= 1;
        }
        s < k && c[s].is_uppercase()
    }

    /// The word (letters, digits, inner periods) that ends at the period at `dot`.
    fn word_before(&self, dot: usize) -> (String, usize) {
        let c = self.chars;
        let mut s = dot;
        while s > 0 && (c[s - 1].is_alphanumeric() || matches!(c[s - 1], '.' | '°' | ',')) {
            s -= 1;
        }
        while s < dot && matches!(c[s], '.' | ',') {
            s += 1;
        }
        (c[s..dot].iter().collect(), s)
    }

    fn word_at(&self, at: usize) -> String {
        self.chars[at..]
            .iter()
            .take_while(|ch| ch.is_alphabetic())
            .collect()
    }

    fn token_around(&self, i: usize) -> (usize, usize) {
        let c = self.chars;
        let mut s = i;
        while s > 0 && !c[s - 1].is_whitespace() {
            s -= 1;
        }
        let mut e = i;
        while e < c.len() && !c[e].is_whitespace() {
            e += 1;
        }
        (s, e)
    }

    /// Numbered or lettered list markers ("1.", "2)", "a.") that come in sequences: the dots inside
    /// them are not boundaries, and each marker after the first starts a new sentence.
    fn list_markers(&self) -> (Vec<usize>, Vec<usize>) {
        let c = self.chars;
        // (value, kind, dot position if any, start incl. bullet)
        let mut found: Vec<(u32, u8, Option<usize>, usize)> = Vec::new();
        let mut i = 0;
        while i < c.len() {
            let at_start = i == 0 || c[i - 1].is_whitespace() || BULLETS.contains(&c[i - 1]);
            if !at_start || !(c[i].is_ascii_digit() || c[i].is_ascii_lowercase()) {
                i += 1;
                continue;
            }
            let mut j = i;
            let (value, kind) = if c[i].is_ascii_digit() {
                let mut v = 0u32;
                while j < c.len() && c[j].is_ascii_digit() && j - i < 3 {
                    v = v * 10 + c[j].to_digit(10).unwrap_or(0);
                    j += 1;
                }
                (v, 0u8)
            } else {
                j += 1;
                (u32::from(c[i]) - u32::from('a') + 1, 1u8)
            };
            let dot = (c.get(j) == Some(&'.')).then_some(j);
            if dot.is_some() {
                j += 1;
            }
            let paren = c.get(j) == Some(&')');
            if paren {
                j += 1;
            }
            let spaced = c.get(j).is_some_and(|x| x.is_whitespace());
            let ok = spaced && (dot.is_some() || (paren && kind == 0));
            if ok {
                let mut start = i;
                while start > 0 && (BULLETS.contains(&c[start - 1]) || c[start - 1] == ' ') {
                    start -= 1;
                }
                while start < i && c[start] == ' ' {
                    start += 1;
                }
                found.push((value, kind + if paren { 2 } else { 0 }, dot, start));
            }
            i = j.max(i + 1);
        }
        let mut dots = Vec::new();
        let mut starts = Vec::new();
        for (k, m) in found.iter().enumerate() {
            let prev = k
                .checked_sub(1)
                .and_then(|p| found.get(p))
                .is_some_and(|p| p.1 == m.1 && p.0 + 1 == m.0);
            let next = found
                .get(k + 1)
                .is_some_and(|n| n.1 == m.1 && m.0 + 1 == n.0);
            if prev || next {
                if let Some(d) = m.2 {
                    dots.push(d);
                }
                if prev {
                    starts.push(m.3);
                }
            } else if m.1 % 2 == 0 && m.0 < 100 {
                // A lone number at the start of a line ("1. Introduction") is still a marker.
                let line_start = c[..m.3]
                    .iter()
                    .rev()
                    .take_while(|&&x| x != '\n')
                    .all(|x| x.is_whitespace());
                if line_start && let Some(d) = m.2 {
                    dots.push(d);
                }
            }
        }
        (dots, starts)
    }
}

enum Step {
    /// A sentence ends at this char offset.
    Cut(usize),
    /// Not a boundary; continue scanning here.
    Skip(usize),
}

enum NextWord {
    End,
    Attached,
    Lower,
    Digit,
    Upper(usize),
    Other,
}

fn push_trimmed(chars: &[char], r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut s = r.start;
    let mut e = r.end.min(chars.len());
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if s < e {
        out.push(s..e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::slice_chars;

    fn split(t: &str) -> Vec<&str> {
        sentences(t)
            .into_iter()
            .filter_map(|r| slice_chars(t, r))
            .collect()
    }

    #[test]
    fn splits_simple_news_text() {
        let t =
            "Mr. Kirby said the U.S. had proof. “It is false,” he said! Is it?\n\nNew paragraph";
        assert_eq!(
            split(t),
            vec![
                "Mr. Kirby said the U.S. had proof.",
                "“It is false,” he said!",
                "Is it?",
                "New paragraph"
            ]
        );
        let at = sentence_at(t, 40).and_then(|r| slice_chars(t, r));
        assert_eq!(at, Some("“It is false,” he said!"));
    }

    #[test]
    fn news_abbreviations_and_titles() {
        assert_eq!(
            split("U.S. President Joe Biden spoke on Jan. 5. Gen. Smith agreed. He left at 3.30."),
            vec![
                "U.S. President Joe Biden spoke on Jan. 5.",
                "Gen. Smith agreed.",
                "He left at 3.30."
            ]
        );
    }

    #[test]
    fn cjk_and_emoji() {
        assert_eq!(
            split("北朝鮮は否定した。米国は反論した！ Rockets 🚀 flew. Then 😀 quiet."),
            vec![
                "北朝鮮は否定した。",
                "米国は反論した！",
                "Rockets 🚀 flew.",
                "Then 😀 quiet."
            ]
        );
    }
}
