//! Char-offset text helpers: every position in factdesk is a Unicode scalar (char) offset into an
//! article body, end-exclusive. Conversions to byte offsets happen here and nowhere else.

use std::ops::Range;

/// Byte offset of char `char_idx` in `s` (`s.len()` for the end position); `None` past the end.
pub fn char_to_byte(s: &str, char_idx: usize) -> Option<usize> {
    if char_idx == 0 {
        return Some(0);
    }
    match s.char_indices().nth(char_idx) {
        Some((b, _)) => Some(b),
        None if s.chars().count() == char_idx => Some(s.len()),
        None => None,
    }
}

/// Char offset of byte `byte_idx`, which must sit on a char boundary.
pub fn byte_to_char(s: &str, byte_idx: usize) -> Option<usize> {
    if byte_idx > s.len() || !s.is_char_boundary(byte_idx) {
        return None;
    }
    Some(s[..byte_idx].chars().count())
}

/// Converts a char range to a byte range in `s`.
pub fn char_range_to_bytes(s: &str, range: Range<usize>) -> Option<Range<usize>> {
    if range.start > range.end {
        return None;
    }
    let start = char_to_byte(s, range.start)?;
    let rest = &s[start..];
    let len = range.end - range.start;
    let end = if len == 0 {
        start
    } else {
        match rest.char_indices().nth(len) {
            Some((b, _)) => start + b,
            None if rest.chars().count() == len => s.len(),
            None => return None,
        }
    };
    Some(start..end)
}

/// The text of a char range; `None` when out of bounds.
pub fn slice_chars(s: &str, range: Range<usize>) -> Option<&str> {
    char_range_to_bytes(s, range).map(|r| &s[r])
}

/// Up to `n` chars before and after a char range.
pub fn context(s: &str, range: Range<usize>, n: usize) -> (String, String) {
    let Some(bytes) = char_range_to_bytes(s, range) else {
        return (String::new(), String::new());
    };
    let before: Vec<char> = s[..bytes.start].chars().rev().take(n).collect();
    let prefix: String = before.into_iter().rev().collect();
    let suffix: String = s[bytes.end..].chars().take(n).collect();
    (prefix, suffix)
}

/// Narrows a char range so it neither starts nor ends with whitespace. May return an empty range.
pub fn trim_range(s: &str, range: Range<usize>) -> Range<usize> {
    CharIndex::new(s)
        .adjust(s, range.clone(), false)
        .unwrap_or(range)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_inner_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}')
}

/// Trims whitespace, then widens the range so it does not cut a word in half
/// (`Kim Yo Jo|ng's` becomes `Kim Yo Jong's`).
pub fn snap_to_words(s: &str, range: Range<usize>) -> Range<usize> {
    CharIndex::new(s)
        .adjust(s, range.clone(), true)
        .unwrap_or(range)
}

/// Char ranges of every occurrence of `needle` in `hay` (overlapping ones included).
pub fn find_all(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let needle_chars = needle.chars().count();
    let mut from = 0; // byte position to search from
    let mut char_pos = 0; // char offset of `from`
    while let Some(rel) = hay[from..].find(needle) {
        let at = from + rel;
        char_pos += hay[from..at].chars().count();
        out.push(char_pos..char_pos + needle_chars);
        // Step one char past the match start so overlapping occurrences are found too.
        let step = hay[at..].chars().next().map_or(1, char::len_utf8);
        from = at + step;
        char_pos += 1;
    }
    out
}

/// The char range of the `nth` (1-based) occurrence of `needle` in `hay`.
pub fn find_nth(hay: &str, needle: &str, nth: usize) -> Option<Range<usize>> {
    if nth == 0 {
        return None;
    }
    find_all(hay, needle).into_iter().nth(nth - 1)
}

/// A precomputed char -> byte map for one text, so converting an offset costs O(64) instead of a
/// scan from the start. Build it once per article body (see `Article::index`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CharIndex {
    /// Byte offset of every `STEP`-th char; empty for ASCII text, where chars are bytes.
    checkpoints: Vec<usize>,
    chars: usize,
    bytes: usize,
}

const STEP: usize = 64;

impl CharIndex {
    pub fn new(s: &str) -> Self {
        if s.is_ascii() {
            return CharIndex {
                checkpoints: Vec::new(),
                chars: s.len(),
                bytes: s.len(),
            };
        }
        let mut checkpoints = Vec::with_capacity(s.len() / STEP + 1);
        let mut chars = 0;
        for (i, (b, _)) in s.char_indices().enumerate() {
            if i.is_multiple_of(STEP) {
                checkpoints.push(b);
            }
            chars = i + 1;
        }
        CharIndex {
            checkpoints,
            chars,
            bytes: s.len(),
        }
    }

    /// Whether this index was built for `s` (same length); a stale index is never used.
    pub fn fits(&self, s: &str) -> bool {
        self.bytes == s.len()
    }

    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Byte offset of char `c` in `s` (the text this index was built for).
    pub fn to_byte(&self, s: &str, c: usize) -> Option<usize> {
        if c > self.chars || !self.fits(s) {
            return None;
        }
        if self.checkpoints.is_empty() {
            return Some(c);
        }
        if c == self.chars {
            return Some(s.len());
        }
        let base = *self.checkpoints.get(c / STEP)?;
        let rest = c % STEP;
        s[base..].char_indices().nth(rest).map(|(b, _)| base + b)
    }

    /// Char offset of byte `b`, which must sit on a char boundary of `s`.
    pub fn to_char(&self, s: &str, b: usize) -> Option<usize> {
        if b > s.len() || !s.is_char_boundary(b) || !self.fits(s) {
            return None;
        }
        if self.checkpoints.is_empty() {
            return Some(b);
        }
        let k = self
            .checkpoints
            .partition_point(|&cp| cp <= b)
            .saturating_sub(1);
        let base = self.checkpoints.get(k).copied().unwrap_or(0);
        Some(k * STEP + s[base..b].chars().count())
    }

    pub fn range_to_bytes(&self, s: &str, r: Range<usize>) -> Option<Range<usize>> {
        if r.start > r.end {
            return None;
        }
        Some(self.to_byte(s, r.start)?..self.to_byte(s, r.end)?)
    }

    pub fn slice<'a>(&self, s: &'a str, r: Range<usize>) -> Option<&'a str> {
        self.range_to_bytes(s, r).map(|b| &s[b])
    }

    /// [`trim_range`] and [`snap_to_words`] without scanning the whole text.
    pub fn adjust(&self, s: &str, r: Range<usize>, snap: bool) -> Option<Range<usize>> {
        let b = self.range_to_bytes(s, r)?;
        let b = trim_bytes(s, b);
        let b = if snap && !b.is_empty() {
            snap_bytes(s, b)
        } else {
            b
        };
        Some(self.to_char(s, b.start)?..self.to_char(s, b.end)?)
    }
}

fn trim_bytes(s: &str, b: Range<usize>) -> Range<usize> {
    let text = &s[b.clone()];
    let trimmed_start = text.trim_start();
    if trimmed_start.is_empty() {
        return b.start..b.start;
    }
    let start = b.start + (text.len() - trimmed_start.len());
    let end = start + trimmed_start.trim_end().len();
    start..end
}

/// Widens a byte range so it does not cut a word (see [`snap_to_words`]).
fn snap_bytes(s: &str, b: Range<usize>) -> Range<usize> {
    // Is a word continuing across the boundary at byte `i`?
    let joins = |i: usize| -> bool {
        let mut before = s[..i].chars().rev();
        let mut after = s[i..].chars();
        let (Some(a), Some(c)) = (before.next(), after.next()) else {
            return false;
        };
        if is_word_char(a) && is_word_char(c) {
            return true;
        }
        // "Jong|'s" and "Jong'|s": an apostrophe or hyphen glued between two word chars.
        let a2 = before.next();
        let c2 = after.next();
        (is_word_char(a) && is_inner_apostrophe(c) && c2.is_some_and(is_word_char))
            || (is_word_char(c) && is_inner_apostrophe(a) && a2.is_some_and(is_word_char))
    };
    let mut start = b.start;
    while joins(start) {
        start -= s[..start].chars().next_back().map_or(1, char::len_utf8);
    }
    let mut end = b.end;
    while joins(end) {
        end += s[end..].chars().next().map_or(1, char::len_utf8);
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: &str = "«Ça va», dit-il — 北朝鮮 🚀 “quoted” naïve";

    #[test]
    fn char_byte_round_trip_on_mixed_scripts() {
        let n = MIXED.chars().count();
        for i in 0..=n {
            let b = char_to_byte(MIXED, i).expect("in range");
            assert_eq!(byte_to_char(MIXED, b), Some(i));
        }
        assert_eq!(char_to_byte(MIXED, n + 1), None);
        assert_eq!(byte_to_char(MIXED, 1), None, "inside «");
        assert_eq!(slice_chars(MIXED, 18..21), Some("北朝鮮"));
        assert_eq!(slice_chars(MIXED, 22..23), Some("🚀"));
        assert_eq!(slice_chars(MIXED, 5..5), Some(""));
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = 5..4;
        assert_eq!(slice_chars(MIXED, backwards), None);
        assert_eq!(slice_chars(MIXED, 0..n + 1), None);
    }

    #[test]
    fn context_is_counted_in_chars() {
        let (p, s) = context(MIXED, 18..21, 3);
        assert_eq!(p, " — ");
        assert_eq!(s, " 🚀 ");
    }

    #[test]
    fn trim_and_snap() {
        let s = "  Kim Yo Jong's statement  ";
        assert_eq!(trim_range(s, 0..s.len()), 2..25);
        assert_eq!(trim_range(s, 0..2), 0..0);
        // "im Yo Jo" -> "Kim Yo Jong's"
        let r = snap_to_words(s, 3..11);
        assert_eq!(slice_chars(s, r), Some("Kim Yo Jong's"));
        let t = "dit-il — 北朝鮮";
        let r = snap_to_words(t, 1..2);
        assert_eq!(slice_chars(t, r), Some("dit-il"));
        // A range already on word edges is left alone.
        assert_eq!(snap_to_words(s, 2..5), 2..5);
    }

    #[test]
    fn char_index_agrees_with_scanning() {
        let long: String = MIXED.repeat(20);
        for text in [MIXED, long.as_str(), "plain ascii text", ""] {
            let idx = CharIndex::new(text);
            let n = text.chars().count();
            assert_eq!(idx.char_len(), n);
            for c in 0..=n {
                assert_eq!(idx.to_byte(text, c), char_to_byte(text, c), "char {c}");
                let b = char_to_byte(text, c).expect("in range");
                assert_eq!(idx.to_char(text, b), Some(c));
            }
            assert_eq!(idx.to_byte(text, n + 1), None);
        }
        let idx = CharIndex::new(MIXED);
        assert_eq!(idx.slice(MIXED, 18..21), Some("北朝鮮"));
        assert_eq!(
            idx.to_byte("other text of another length", 2),
            None,
            "stale index"
        );
        assert_eq!(idx.adjust(MIXED, 17..22, true), Some(18..21));
    }

    #[test]
    fn find_occurrences() {
        let s = "aaa said, “aaa” 北 aaa";
        assert_eq!(find_all(s, "aa").len(), 6);
        assert_eq!(find_nth(s, "aaa", 2), Some(11..14));
        assert_eq!(find_nth(s, "aaa", 3), Some(18..21));
        assert_eq!(find_nth(s, "aaa", 4), None);
        assert_eq!(find_nth(s, "aaa", 0), None);
        assert_eq!(find_nth(s, "zzz", 1), None);
        assert!(find_all(s, "").is_empty());
    }
}
