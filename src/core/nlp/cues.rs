//! Status cues: which denial, accusation or sourcing words a span contains, and whether it holds
//! checkable figures.

use super::lexicon;
use super::tokens::{Kind, Token};
use crate::core::model::Status;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The lower-cased words of `toks`, computed once for all the cue lists.
fn lower_words(toks: &[Token]) -> Vec<String> {
    toks.iter()
        .filter(|t| t.is_word())
        .map(Token::lower)
        .collect()
}

/// A cue list indexed by first word, so each word of a text costs one hash lookup, not a
/// comparison with every cue.
struct CueIndex(HashMap<&'static str, Vec<&'static str>>);

impl CueIndex {
    fn new(list: &[&'static str]) -> Self {
        let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for cue in list {
            let first = cue.split(' ').next().unwrap_or(cue);
            map.entry(first).or_default().push(cue);
        }
        CueIndex(map)
    }

    /// The first cue (phrases may span several words) found in `words`, in text order.
    fn find(&self, words: &[String]) -> Option<&'static str> {
        for (i, w) in words.iter().enumerate() {
            let Some(cues) = self.0.get(w.as_str()) else {
                continue;
            };
            for cue in cues {
                let n = cue.split(' ').count();
                if i + n <= words.len() && cue.split(' ').zip(&words[i..i + n]).all(|(p, w)| p == w)
                {
                    return Some(cue);
                }
            }
        }
        None
    }
}

static DENIAL: LazyLock<CueIndex> = LazyLock::new(|| CueIndex::new(lexicon::DENIAL_CUES));
static DISPUTE: LazyLock<CueIndex> = LazyLock::new(|| CueIndex::new(lexicon::DISPUTE_CUES));
static SOURCED: LazyLock<CueIndex> = LazyLock::new(|| CueIndex::new(lexicon::SOURCED_CUES));

/// A suggested status from the cues in `toks`, with the reason.
pub fn status_of(toks: &[Token]) -> Option<(Status, String)> {
    let words = lower_words(toks);
    if let Some(c) = DENIAL.find(&words) {
        return Some((Status::Denied, format!("denial cue “{c}”")));
    }
    if let Some(c) = DISPUTE.find(&words) {
        return Some((
            Status::Disputed,
            format!("accusation or contested cue “{c}”"),
        ));
    }
    if let Some(c) = SOURCED.find(&words) {
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
    crate::core::time::month_number(&w.to_ascii_lowercase()).is_some()
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
