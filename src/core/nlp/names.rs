//! Speakers within one article: short references ("Obama", "Mr Mugabe") resolved to the full name.

use std::collections::BTreeSet;

/// Words that come before a name and are not part of it (compared lowercased, any final dot off).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "pres", "vice", "prime", "minister", "secretary", "senator", "sen", "rep",
    "representative", "gov", "governor", "gen", "general", "col", "colonel", "lt", "capt",
    "captain", "admiral", "adm", "spokesman", "spokeswoman", "spokesperson", "chancellor", "king",
    "queen", "prince", "princess", "pope", "judge", "justice", "mayor", "ambassador", "chairman",
    "chairwoman", "chair", "ceo", "leader", "foreign", "defence", "defense", "deputy", "former",
    "m", "mme", "herr", "frau", "sr", "sra", "don", "doña",
];

/// Capitalised words that start sentences or phrases, not names.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "if", "when", "while", "after",
    "before", "as", "for", "from", "this", "that", "these", "those", "it", "he", "she", "they",
    "we", "i", "his", "her", "their", "our", "by", "with", "to", "of", "said", "says", "according",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The name without leading titles ("Prime Minister Boris Johnson" → "Boris Johnson"); the
/// name itself when it is nothing but titles.
pub fn strip_titles(name: &str) -> &str {
    let mut rest = name.trim();
    loop {
        let Some((first, tail)) = rest.split_once(char::is_whitespace) else {
            return rest;
        };
        if !TITLES.contains(&bare(first).as_str()) {
            return rest;
        }
        rest = tail.trim_start();
    }
}

fn name_words(name: &str) -> Vec<String> {
    strip_titles(name)
        .split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Runs of two to four capitalised words in `text` ("Barack Obama", "Robert Gabriel Mugabe"),
/// titles in front left off: the full names an article mentions. One linear pass.
pub fn names_in_text(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut BTreeSet<String>| {
        while run.first().is_some_and(|w| {
            let b = bare(w);
            TITLES.contains(&b.as_str()) || NOT_NAMES.contains(&b.as_str())
        }) {
            run.remove(0);
        }
        if (2..=4).contains(&run.len()) {
            let words: Vec<&str> = run
                .iter()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\''))
                .collect();
            out.insert(words.join(" "));
        }
        run.clear();
    };
    for word in text.split_whitespace() {
        let starts_upper = word
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let ends_phrase = word.ends_with([',', '.', ';', ':', '"', '”', ')', '?', '!']);
        if starts_upper && word.chars().any(char::is_lowercase) {
            run.push(word);
            if ends_phrase {
                flush(&mut run, &mut out);
            }
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The full name a speaker field refers to among the article's other speaker fields (first) or
/// names in its text (second): the one longer name ending with the same words. Unresolved or
/// ambiguous ("Obama" with both Barack and Michelle Obama) keeps the name as written, less titles
/// when more than one word is left ("Prime Minister Boris Johnson" → "Boris Johnson").
pub fn resolve(name: &str, speakers: &[&str], text_names: &BTreeSet<String>) -> String {
    let trimmed = name.trim();
    let words = name_words(trimmed);
    if words.is_empty() {
        return trimmed.to_string();
    }
    let find = |candidates: &mut dyn Iterator<Item = &str>| -> Option<String> {
        let mut found: Vec<(Vec<String>, String)> = Vec::new();
        for c in candidates {
            let cw = name_words(c);
            if cw.len() > words.len()
                && cw[cw.len() - words.len()..] == words[..]
                && !found.iter().any(|(w, _)| *w == cw)
            {
                found.push((cw, strip_titles(c).to_string()));
            }
        }
        // Only one person with that surname: anything else is a guess.
        match found.len() {
            1 => found.pop().map(|(_, n)| n),
            _ => None,
        }
    };
    if let Some(full) = find(&mut speakers.iter().copied()) {
        return full;
    }
    // Names from the text only when no other speaker field shares the surname.
    let shares = speakers.iter().any(|s| {
        let sw = name_words(s);
        sw.len() > words.len() && sw[sw.len() - words.len()..] == words[..]
    });
    if !shares && let Some(full) = find(&mut text_names.iter().map(String::as_str)) {
        return full;
    }
    let stripped = strip_titles(trimmed);
    if stripped.split_whitespace().count() >= 2 {
        stripped.to_string()
    } else {
        trimmed.to_string()
    }
}

/// Resolves every speaker of one article, in order: `speakers` are its claims' speaker fields,
/// `text` its body (names in it are used when the fields alone do not tell).
pub fn resolve_speakers(speakers: &[&str], text: &str) -> Vec<String> {
    let names = names_in_text(text);
    // Each distinct name once, against the distinct names: an article with thousands of claims
    // has a handful of speakers, and comparing every claim with every other would be quadratic.
    let mut distinct: Vec<&str> = speakers.iter().map(|s| s.trim()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let resolved: std::collections::HashMap<&str, String> = distinct
        .iter()
        .map(|s| (*s, resolve(s, &distinct, &names)))
        .collect();
    speakers
        .iter()
        .map(|s| {
            resolved
                .get(s.trim())
                .cloned()
                .unwrap_or_else(|| s.trim().to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_references_resolve_to_the_full_name() {
        let speakers = ["Obama", "Barack Obama", "Mr Mugabe", "KCNA", ""];
        let text = "President Robert Mugabe spoke. Later, Mr Mugabe said more.";
        assert_eq!(
            resolve_speakers(&speakers, text),
            ["Barack Obama", "Barack Obama", "Robert Mugabe", "KCNA", ""]
        );
    }

    #[test]
    fn ambiguous_surnames_stay_as_written() {
        let speakers = ["Obama", "Barack Obama", "Michelle Obama"];
        assert_eq!(
            resolve_speakers(&speakers, ""),
            ["Obama", "Barack Obama", "Michelle Obama"]
        );
        // The text does not override speaker fields that share the surname.
        let got = resolve_speakers(&["Obama", "Michelle Obama"], "Barack Obama spoke.");
        assert_eq!(got[0], "Michelle Obama");
    }

    #[test]
    fn titles_are_dropped_from_full_names_only() {
        assert_eq!(
            strip_titles("Prime Minister Boris Johnson"),
            "Boris Johnson"
        );
        assert_eq!(strip_titles("Mr."), "Mr.");
        assert_eq!(
            resolve_speakers(&["Dr. Jane Goodall"], ""),
            ["Jane Goodall"]
        );
        assert_eq!(resolve_speakers(&["Mr Smith"], ""), ["Mr Smith"]);
    }

    #[test]
    fn names_in_text_skip_sentence_starts() {
        let names = names_in_text("The Kremlin said on Monday. According to John Kirby, it was.");
        assert!(names.contains("John Kirby"), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with("The ")), "{names:?}");
    }
}
