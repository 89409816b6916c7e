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
    let Some(text) = slice_chars(s, range.clone()) else {
        return range;
    };
    let lead = text.chars().take_while(|c| c.is_whitespace()).count();
    let total = text.chars().count();
    if lead == total {
        return range.start..range.start;
    }
    let trail = text.chars().rev().take_while(|c| c.is_whitespace()).count();
    range.start + lead..range.end - trail
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
    let range = trim_range(s, range);
    if range.is_empty() {
        return range;
    }
    let chars: Vec<char> = s.chars().collect();
    if range.end > chars.len() {
        return range;
    }
    let joins = |i: usize| -> bool {
        // Is there a word continuing across the boundary between chars i-1 and i?
        if i == 0 || i >= chars.len() {
            return false;
        }
        let (a, b) = (chars[i - 1], chars[i]);
        if is_word_char(a) && is_word_char(b) {
            return true;
        }
        // "Jong|'s" and "Jong'|s": an apostrophe or hyphen between two letters.
        let glued = |x: usize| {
            x > 0
                && x + 1 < chars.len()
                && is_inner_apostrophe(chars[x])
                && is_word_char(chars[x - 1])
                && is_word_char(chars[x + 1])
        };
        (is_word_char(a) && glued(i)) || (is_word_char(b) && glued(i - 1))
    };
    let mut start = range.start;
    while joins(start) {
        start -= 1;
    }
    let mut end = range.end;
    while joins(end) {
        end += 1;
    }
    start..end
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
