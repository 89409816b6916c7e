//! Text helpers the feature folders share, kept low in the tree so no feature imports another
//! for them: a quote on one line, text folded for searching, and char-range marks found by
//! binary search.

use std::ops::Range;

/// The first `max` chars of `s` on one line; only looks at the start, so a claim spanning a whole
/// report costs no more than a short one.
pub fn one_line(s: &str, max: usize) -> String {
    let head: String = s.chars().take(max + 1).collect();
    let flat: String = head.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > max {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    } else {
        flat
    }
}

/// Base letters of U+0100..=U+017F (Latin Extended-A); `.` keeps the letter as it is.
pub(crate) const LATIN_EXT_A: &str = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.llllllllllnnnnnnn..oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// The letter without its accent, for the accented Latin letters (already lower-cased).
fn base_letter(c: char) -> Option<char> {
    Some(match c {
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '“' | '”' | '„' | '‟' | '″' => '"',
        '\u{0100}'..='\u{017F}' => {
            let b = LATIN_EXT_A.as_bytes()[c as usize - 0x100];
            if b == b'.' {
                return None;
            }
            b as char
        }
        _ => return None,
    })
}

/// Combining marks (as in decomposed text) are dropped when folding.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Appends the folded form of `c` to `out`, calling `each_byte` once per byte appended.
pub(crate) fn fold_char(c: char, out: &mut String, mut each_byte: impl FnMut()) {
    if is_combining(c) {
        return;
    }
    for l in c.to_lowercase() {
        let f = base_letter(l).unwrap_or(l);
        if is_combining(f) {
            continue;
        }
        out.push(f);
        for _ in 0..f.len_utf8() {
            each_byte();
        }
    }
}

/// The text as it is searched: lower case, accents dropped.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out, || {});
    }
    out
}

/// A suggestion or a find match clipped to a block, in absolute char offsets.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// The current suggestion or match: drawn emphasised.
    pub current: bool,
}

/// Char ranges sorted by start (suggestions, find matches, a compared project's claims) with a running maximum of ends, so the
/// ones touching a block are found by binary search, not a pass over all of them per frame.
#[derive(Debug, Clone, Default)]
pub struct MarkIndex {
    ranges: Vec<Range<usize>>,
    max_end: Vec<usize>,
}

impl MarkIndex {
    /// `ranges` must be sorted by start.
    pub fn new(ranges: Vec<Range<usize>>) -> Self {
        let mut m = 0;
        let max_end = ranges
            .iter()
            .map(|r| {
                m = m.max(r.end);
                m
            })
            .collect();
        MarkIndex { ranges, max_end }
    }

    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    pub fn get(&self, i: usize) -> Option<&Range<usize>> {
        self.ranges.get(i)
    }

    /// Indices of the ranges sharing at least one char with `range`.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let first = self.max_end.partition_point(|&e| e <= range.start);
        (first..self.ranges.len())
            .take_while(move |&i| self.ranges[i].start < range.end)
            .filter(move |&i| self.ranges[i].end > range.start)
    }

    /// The ranges touching `block`, clipped to it; `current` (an index) is marked.
    pub fn marks(&self, block: Range<usize>, current: Option<usize>) -> Vec<Mark> {
        self.overlapping(block.clone())
            .map(|i| Mark {
                start: self.ranges[i].start.max(block.start),
                end: self.ranges[i].end.min(block.end),
                current: current == Some(i),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_index_finds_long_earlier_ranges_and_clips() {
        let idx = MarkIndex::new(vec![0..50, 5..8, 20..30, 60..70]);
        let found: Vec<usize> = idx.overlapping(25..62).collect();
        assert_eq!(found, vec![0, 2, 3]);
        let marks = idx.marks(25..62, Some(2));
        assert_eq!(
            marks,
            vec![
                Mark {
                    start: 25,
                    end: 50,
                    current: false
                },
                Mark {
                    start: 25,
                    end: 30,
                    current: true
                },
                Mark {
                    start: 60,
                    end: 62,
                    current: false
                },
            ]
        );
        assert!(idx.overlapping(50..60).next().is_none());
    }
}
