//! Speakers within one article: short references ("Obama", "Mr Mugabe") resolved to the full name.

use std::collections::{BTreeSet, HashMap};

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
            TITLES.contains(&b.as_str())
                || NOT_NAMES.contains(&b.as_str())
                // "Yesterday Barack Obama", "Earlier Angela Merkel": a time word in front.
                || super::lexicon::is_fronted_word(&b)
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

/// A full name an article mentions, as a candidate for short references to it.
struct Known {
    /// Lowercased words, titles off.
    words: Vec<String>,
    /// As written, titles off.
    name: String,
    /// From a speaker field (else from the text).
    field: bool,
}

fn known<'a>(
    speakers: impl Iterator<Item = &'a str>,
    text_names: impl Iterator<Item = &'a str>,
) -> impl Iterator<Item = Known> {
    let fields = speakers.map(|s| (s, true));
    let texts = text_names.map(|s| (s, false));
    fields.chain(texts).filter_map(|(s, field)| {
        let words = name_words(s);
        (!words.is_empty()).then(|| Known {
            words,
            name: strip_titles(s).to_string(),
            field,
        })
    })
}

/// The full name `name` refers to among `candidates` (the article's speaker fields and the
/// names in its text): the longer names ending with the same words must all be one person,
/// each one's words ending with the next shorter one's ("Yesterday Barack Obama", "Barack
/// Obama"); then the shortest from a speaker field, else the shortest from the text. A name of
/// two or more words is taken from speaker fields only: a longer run of capitalised words in
/// the text ending with it is more often a sentence-start word in front than a middle name.
fn resolve_among<'a>(name: &str, candidates: impl Iterator<Item = &'a Known>) -> String {
    let trimmed = name.trim();
    let words = name_words(trimmed);
    let keep = || {
        let stripped = strip_titles(trimmed);
        if stripped.split_whitespace().count() >= 2 {
            stripped.to_string()
        } else {
            trimmed.to_string()
        }
    };
    if words.is_empty() {
        return trimmed.to_string();
    }
    let mut found: Vec<&Known> = candidates
        .filter(|c| c.words.len() > words.len() && c.words.ends_with(&words))
        .collect();
    // Fields first, so a name both in a field and in the text is kept as the field has it.
    found.sort_by(|a, b| {
        (a.words.len(), &a.words, !a.field).cmp(&(b.words.len(), &b.words, !b.field))
    });
    found.dedup_by(|b, a| a.words == b.words);
    if found.is_empty() || !found.windows(2).all(|w| w[1].words.ends_with(&w[0].words)) {
        // Nobody, or more than one person with that surname: anything else is a guess.
        return keep();
    }
    let pick = found.iter().copied().find(|c| c.field).or_else(|| {
        // The shortest text name; for an already full name only a field lengthens it.
        (words.len() == 1).then(|| found[0])
    });
    match pick {
        Some(c) => c.name.clone(),
        None => keep(),
    }
}

/// The full name a speaker field refers to among the article's speaker fields and the names in
/// its text: the one person whose longer name ends with the same words ("Obama" → "Barack
/// Obama"). Unresolved or ambiguous ("Obama" when a field says Michelle Obama and the text
/// Barack Obama) keeps the name as written, less titles when more than one word is left ("Prime
/// Minister Boris Johnson" → "Boris Johnson").
pub fn resolve(name: &str, speakers: &[&str], text_names: &BTreeSet<String>) -> String {
    let all: Vec<Known> = known(
        speakers.iter().copied(),
        text_names.iter().map(String::as_str),
    )
    .collect();
    resolve_among(name, all.iter())
}

/// Resolves every speaker of one article, in order: `speakers` are its claims' speaker fields,
/// `text` its body (names in it are used when the fields alone do not tell).
pub fn resolve_speakers(speakers: &[&str], text: &str) -> Vec<String> {
    let names = names_in_text(text);
    // Each distinct name once, against the known full names sharing its last word: an article
    // with thousands of claims has a handful of speakers, and comparing every claim (or every
    // name) with every other would be quadratic.
    let mut distinct: Vec<&str> = speakers.iter().map(|s| s.trim()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut by_surname: HashMap<String, Vec<Known>> = HashMap::new();
    for k in known(distinct.iter().copied(), names.iter().map(String::as_str)) {
        let last = k.words.last().cloned().unwrap_or_default();
        by_surname.entry(last).or_default().push(k);
    }
    let resolved: HashMap<&str, String> = distinct
        .iter()
        .map(|s| {
            let last = name_words(s).pop().unwrap_or_default();
            let group = by_surname.get(&last).map(Vec::as_slice).unwrap_or(&[]);
            (*s, resolve_among(s, group.iter()))
        })
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
        // A field names one Obama and the text another: two people, so no guess.
        let got = resolve_speakers(&["Obama", "Michelle Obama"], "Barack Obama spoke.");
        assert_eq!(got, ["Obama", "Michelle Obama"]);
        // The text alone names both.
        let got = resolve_speakers(
            &["Mr Obama"],
            "Barack Obama spoke first. Then Michelle Obama answered.",
        );
        assert_eq!(got, ["Mr Obama"]);
        // Two people whose names end alike but neither ends with the other.
        let got = resolve(
            "Mugabe",
            &[],
            &names_in_text("Robert Gabriel Mugabe met Grace Mugabe."),
        );
        assert_eq!(got, "Mugabe");
    }

    #[test]
    fn a_word_in_front_of_the_same_name_is_the_same_person() {
        let text = "Yesterday Barack Obama spoke. Obama said more.";
        assert_eq!(
            resolve_speakers(&["Obama", "Barack Obama"], text),
            ["Barack Obama", "Barack Obama"]
        );
        // Only the text names him, once with a sentence-start word in front.
        let text = "Yesterday Barack Obama spoke. Later, Barack Obama left.";
        assert_eq!(resolve_speakers(&["Mr Obama"], text), ["Barack Obama"]);
        // Only once, with a time word in front: that word is not part of the name.
        assert_eq!(
            resolve_speakers(&["Obama"], "Yesterday Barack Obama spoke."),
            ["Barack Obama"]
        );
        assert_eq!(
            resolve_speakers(&["Merkel"], "Earlier Angela Merkel left."),
            ["Angela Merkel"]
        );
        // A full name is not lengthened from the text.
        assert_eq!(
            resolve_speakers(&["Barack Obama"], "Yesterday Barack Obama spoke."),
            ["Barack Obama"]
        );
        // From the fields it is.
        assert_eq!(
            resolve_speakers(&["Gabriel Mugabe", "Robert Gabriel Mugabe"], ""),
            ["Robert Gabriel Mugabe", "Robert Gabriel Mugabe"]
        );
    }

    #[test]
    fn one_person_named_in_the_text_resolves() {
        let text = "President Robert Mugabe spoke. Later, Mr Mugabe said more.";
        assert_eq!(resolve_speakers(&["Mr Mugabe"], text), ["Robert Mugabe"]);
        assert_eq!(
            resolve("Obama", &["Obama"], &names_in_text("Barack Obama spoke.")),
            "Barack Obama"
        );
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
