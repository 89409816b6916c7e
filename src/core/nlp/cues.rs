//! Status cues: which denial, accusation or sourcing words a span contains, and whether it holds
//! checkable figures.

use super::lexicon;
use super::tokens::{Kind, Token};
use crate::core::model::Status;

/// The first cue phrase of `list` found in `toks` (phrases may span several words).
pub fn find_phrase<'a>(toks: &[Token], list: &[&'a str]) -> Option<&'a str> {
    let words: Vec<String> = toks
        .iter()
        .filter(|t| t.is_word())
        .map(Token::lower)
        .collect();
    for (i, w) in words.iter().enumerate() {
        for cue in list {
            // Cheap first-word check before comparing the whole phrase.
            if !cue.starts_with(w.as_str()) {
                continue;
            }
            let parts = cue.split(' ');
            let n = cue.split(' ').count();
            if i + n <= words.len() && parts.zip(&words[i..i + n]).all(|(p, w)| p == w) {
                return Some(cue);
            }
        }
    }
    None
}

/// A suggested status from the cues in `toks`, with the reason.
pub fn status_of(toks: &[Token]) -> Option<(Status, String)> {
    if let Some(c) = find_phrase(toks, lexicon::DENIAL_CUES) {
        return Some((Status::Denied, format!("denial cue “{c}”")));
    }
    if let Some(c) = find_phrase(toks, lexicon::DISPUTE_CUES) {
        return Some((
            Status::Disputed,
            format!("accusation or contested cue “{c}”"),
        ));
    }
    if let Some(c) = find_phrase(toks, lexicon::SOURCED_CUES) {
        return Some((Status::Sourced, format!("official or documented cue “{c}”")));
    }
    None
}

/// A checkable figure in `toks`: a number that is not just a year or a day of the month, or a
/// number word ("five", "thousands").
pub fn figure(toks: &[Token]) -> Option<String> {
    for (i, t) in toks.iter().enumerate() {
        if t.kind == Kind::Number {
            let year_like = t.text.len() == 4 && t.text.starts_with(['1', '2']);
            let next_is_month = toks.get(i + 1).is_some_and(|n| is_month(n.text));
            let prev_is_month = i > 0 && is_month(toks[i - 1].text);
            if !year_like && !next_is_month && !prev_is_month {
                return Some(t.text.to_string());
            }
        } else if t.is_word() && lexicon::is_number_word(t.text) {
            return Some(t.text.to_string());
        }
    }
    None
}

fn is_month(w: &str) -> bool {
    let w = w.to_lowercase();
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
    .contains(&w.as_str())
}

/// A word that makes an unattributed statement checkable ("only", "first", "record").
pub fn checkable(toks: &[Token]) -> Option<String> {
    toks.iter()
        .find(|t| t.is_word() && lexicon::is_checkable_word(t.text))
        .map(|t| t.lower())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::nlp::tokens::tokenize;

    #[test]
    fn cues_pick_the_strongest_status() {
        let t = tokenize("by fabricating a non-existent thing, we know");
        assert_eq!(status_of(&t).map(|s| s.0), Some(Status::Denied));
        let t = tokenize("“We also know that North Korea is providing support”");
        assert_eq!(status_of(&t).map(|s| s.0), Some(Status::Disputed));
        let t = tokenize("according to the ministry");
        assert_eq!(status_of(&t).map(|s| s.0), Some(Status::Sourced));
        assert_eq!(status_of(&tokenize("It rained.")), None);
    }

    #[test]
    fn figures_skip_dates() {
        assert_eq!(figure(&tokenize("On Jan 30, 2023 it rained")), None);
        assert_eq!(
            figure(&tokenize("promised 31 Abrams tanks")).as_deref(),
            Some("31")
        );
        assert_eq!(
            figure(&tokenize("one of the five members")).as_deref(),
            Some("five")
        );
    }
}
