//! Sentence segmentation in char offsets.

use std::ops::Range;

/// Common abbreviations that end with a period but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "st",
    "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "no", "u.s", "u.k", "u.n", "e.g", "i.e",
];

/// Splits `text` into sentences, returned as char ranges trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let paragraph_break = c == '\n' && chars.get(i + 1) == Some(&'\n');
        let terminal = matches!(c, '.' | '!' | '?' | '…');
        if paragraph_break || c == '\n' {
            push_trimmed(&chars, start..i, &mut out);
            start = i + 1;
        } else if terminal {
            // Swallow closing quotes and brackets after the terminal mark.
            let mut end = i + 1;
            while end < chars.len()
                && matches!(
                    chars[end],
                    '"' | '\'' | '”' | '’' | ')' | '»' | '.' | '!' | '?'
                )
            {
                end += 1;
            }
            let next_is_space = end >= chars.len() || chars[end].is_whitespace();
            let next_word_start = chars[end..].iter().find(|c| !c.is_whitespace()).copied();
            let upper_follows =
                next_word_start.is_none_or(|n| n.is_uppercase() || !n.is_alphabetic());
            if next_is_space && upper_follows && !(c == '.' && is_abbreviation(&chars, i)) {
                push_trimmed(&chars, start..end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(&chars, start..chars.len(), &mut out);
    out
}

fn is_abbreviation(chars: &[char], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && (chars[s - 1].is_alphabetic() || chars[s - 1] == '.') {
        s -= 1;
    }
    let word: String = chars[s..dot].iter().collect::<String>().to_lowercase();
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return true; // an initial: "John F. Kennedy"
    }
    ABBREVIATIONS.contains(&word.as_str())
}

fn push_trimmed(chars: &[char], r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut s = r.start;
    let mut e = r.end;
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

/// The sentence containing char position `pos`, if any.
pub fn sentence_at(text: &str, pos: usize) -> Option<Range<usize>> {
    let all = sentences(text);
    all.iter()
        .find(|r| r.contains(&pos))
        .or_else(|| all.iter().find(|r| r.end == pos))
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::slice_chars;

    #[test]
    fn splits_simple_news_text() {
        let t =
            "Mr. Kirby said the U.S. had proof. “It is false,” he said! Is it?\n\nNew paragraph";
        let s: Vec<&str> = sentences(t)
            .into_iter()
            .filter_map(|r| slice_chars(t, r))
            .collect();
        assert_eq!(
            s,
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
}
