//! Who said it: the speaker phrase around a reporting verb ("X said", "said X", "according to X",
//! "X, the ..., who accused"), normalised to a name, and pronouns resolved to the last speaker.

use super::lexicon::{self, Pronoun};
use super::tokens::{Kind, Token};

/// How a speaker was found; resolved pronouns score lower than names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Named,
    Pronoun,
}

/// The last speakers named in an article, for pronouns.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    last_person: Option<String>,
    last_named: Option<String>,
}

impl Resolver {
    /// Remembers a speaker just named.
    pub fn saw(&mut self, name: &str) {
        if name.is_empty() {
            return;
        }
        if lexicon::is_person_name(name) && name.split_whitespace().count() >= 2 {
            self.last_person = Some(name.to_string());
        }
        self.last_named = Some(name.to_string());
    }

    pub fn resolve(&self, p: Pronoun) -> Option<String> {
        match p {
            Pronoun::Person => self.last_person.clone().or_else(|| self.last_named.clone()),
            Pronoun::Any => self.last_named.clone(),
        }
    }
}

fn is_determiner(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "the" | "a" | "an")
}

fn is_stop(t: &Token) -> bool {
    t.kind == Kind::Punct && !matches!(t.text, "-" | "&" | "'")
}

/// Turns a speaker phrase into a name: "US President Joe Biden" -> "Joe Biden",
/// "the United States" -> "United States", "North Korea's foreign ministry" stays as it is.
pub fn normalize(phrase: &[Token]) -> Option<String> {
    let mut words: Vec<&Token> = phrase.iter().filter(|t| t.kind != Kind::Punct).collect();
    while words.first().is_some_and(|t| is_determiner(t.text)) {
        words.remove(0);
    }
    if words.is_empty() {
        return None;
    }
    let last_cap = words.last().is_some_and(|t| t.is_capitalized());
    if last_cap {
        // The trailing run of capitalised words is the name; titles and acronyms before it go.
        let mut start = words.len();
        while start > 0 && words[start - 1].is_capitalized() {
            start -= 1;
        }
        let run = &words[start..];
        // Everything up to the last title word qualifies the name ("Tunisian Prime Minister X").
        let mut k = run
            .iter()
            .rposition(|t| lexicon::is_title_word(t.text))
            .map_or(0, |p| (p + 1).min(run.len() - 1));
        while k + 1 < run.len()
            && (lexicon::is_title_word(run[k].text)
                || run[k].text.chars().all(|c| c.is_uppercase()) && run[k].text.chars().count() > 1)
        {
            k += 1;
        }
        let name: Vec<&str> = run[k..].iter().map(|t| t.text).collect();
        return Some(name.join(" "));
    }
    let text: Vec<&str> = words.iter().map(|t| t.text).collect();
    Some(text.join(" "))
}

/// The speaker phrase that ends right before `verb` (walking back over adverbs and time words).
/// Returns the phrase's first token index and the tokens, or `None` when the verb has no subject
/// before it (as in "“...,” said Kwon").
pub fn phrase_before(toks: &[Token], verb: usize) -> Option<(usize, usize)> {
    let mut end = verb;
    // A month between subject and verb is a date ("Kim in May said") only after a preposition;
    // else it is a name ("Theresa May said").
    let date_month = |at: usize| {
        crate::core::time::month_number(&toks[at].lower()).is_none()
            || (at > 0 && lexicon::is_fronted_preposition(toks[at - 1].text))
    };
    while end > 0
        && toks[end - 1].is_word()
        && lexicon::skips_before_verb(toks[end - 1].text)
        && date_month(end - 1)
    {
        end -= 1;
    }
    let mut start = end;
    while start > 0 {
        let t = &toks[start - 1];
        let verb =
            t.text.chars().all(char::is_lowercase) && lexicon::reporting_verb(t.text).is_some();
        if is_stop(t) || lexicon::is_clause_word(t.text) || verb {
            break;
        }
        start -= 1;
        if end - start >= 8 {
            break;
        }
    }
    let start = after_fronted_time(toks, start, end);
    (start < end).then_some((start, end))
}

/// Where the subject starts once a time or linking phrase that opens the sentence is passed
/// ("Yesterday Barack Obama", "On Tuesday Emmanuel Macron", "Last week the ministry", "On March
/// 3 Joe Biden"). A month opens such a phrase only after a preposition or before a number, so
/// "April Ryan" and "May" (the name) stay whole.
fn after_fronted_time(toks: &[Token], start: usize, end: usize) -> usize {
    let month = |t: &Token| crate::core::time::month_number(&t.lower()).is_some();
    let number = |t: &Token| !t.text.is_empty() && t.text.chars().all(|c| c.is_ascii_digit());
    let time_word = |t: &Token| lexicon::is_fronted_word(t.text) || month(t) || number(t);
    let mut s = start;
    let mut in_phrase = false;
    while s < end {
        let t = &toks[s];
        let next = (s + 1 < end).then(|| &toks[s + 1]);
        let skip = if lexicon::is_fronted_word(t.text) {
            true
        } else if lexicon::is_fronted_preposition(t.text) {
            next.is_some_and(time_word)
        } else if month(t) {
            in_phrase || next.is_some_and(number)
        } else if number(t) || t.text == "," {
            in_phrase
        } else {
            false
        };
        if !skip {
            break;
        }
        in_phrase = true;
        s += 1;
    }
    s
}

/// The speaker phrase right after `from` ("said Kwon Jong Gun, director ..." -> "Kwon Jong Gun").
pub fn phrase_after(toks: &[Token], from: usize) -> Option<(usize, usize)> {
    let mut end = from;
    while end < toks.len()
        && !is_stop(&toks[end])
        && !lexicon::is_clause_word(toks[end].text)
        && end - from < 8
    {
        end += 1;
    }
    (from < end).then_some((from, end))
}

/// The speaker for a relative clause ("Kim Yo Jong, the powerful sister of ..., who accused"):
/// the name that an appositive (", the ...") follows, else the last name before `who`.
pub fn relative_head(toks: &[Token], who: usize) -> Option<String> {
    let mut best: Option<String> = None;
    let mut last: Option<String> = None;
    let mut i = 0;
    while i < who {
        if toks[i].is_capitalized()
            && !is_determiner(toks[i].text)
            && !lexicon::skips_before_verb(toks[i].text)
        {
            let s = i;
            while i < who && toks[i].is_capitalized() {
                i += 1;
            }
            let name = normalize(&toks[s..i]);
            let appositive = toks.get(i).is_some_and(|t| t.text == ",")
                && toks.get(i + 1).is_some_and(|t| {
                    is_determiner(t.text) || t.text.chars().next().is_some_and(char::is_lowercase)
                });
            if appositive && best.is_none() {
                best = name.clone();
            }
            last = name;
        } else {
            i += 1;
        }
    }
    best.or(last)
}

/// A phrase's speaker: a pronoun resolved against `resolver`, or a normalised name.
pub fn speaker_of(phrase: &[Token], resolver: &Resolver) -> Option<(String, Found)> {
    let words: Vec<&Token> = phrase.iter().filter(|t| t.is_word()).collect();
    if words.len() == 1
        && let Some(p) = lexicon::pronoun(words[0].text)
    {
        return resolver.resolve(p).map(|s| (s, Found::Pronoun));
    }
    // "prices it said": a pronoun right before the verb is the subject on its own.
    if let Some(last) = words.last()
        && words.len() > 1
        && (lexicon::pronoun(last.text).is_some() || last.is("it"))
    {
        return lexicon::pronoun(last.text)
            .and_then(|p| resolver.resolve(p))
            .map(|s| (s, Found::Pronoun));
    }
    if words.len() == 1 && matches!(words[0].lower().as_str(), "this" | "that" | "which") {
        return None;
    }
    normalize(phrase).map(|s| (s, Found::Named))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::nlp::tokens::tokenize;

    fn norm(s: &str) -> Option<String> {
        normalize(&tokenize(s))
    }

    #[test]
    fn names_lose_titles_but_organisations_stay_whole() {
        assert_eq!(norm("US President Joe Biden").as_deref(), Some("Joe Biden"));
        assert_eq!(
            norm("NATO Secretary General Jens Stoltenberg").as_deref(),
            Some("Jens Stoltenberg")
        );
        assert_eq!(
            norm("national security spokesman John Kirby").as_deref(),
            Some("John Kirby")
        );
        assert_eq!(norm("the United States").as_deref(), Some("United States"));
        assert_eq!(
            norm("North Korea's foreign ministry").as_deref(),
            Some("North Korea's foreign ministry")
        );
        assert_eq!(norm("AFP").as_deref(), Some("AFP"));
        assert_eq!(
            norm("Tunisian Prime Minister Habib Essid").as_deref(),
            Some("Habib Essid")
        );
    }

    #[test]
    fn a_time_phrase_before_the_subject_is_not_the_speaker() {
        let speaker = |text: &str| {
            let toks = tokenize(text);
            let verb = toks
                .iter()
                .position(|t| lexicon::reporting_verb(t.text).is_some())
                .expect("a verb");
            let (s, e) = phrase_before(&toks, verb)?;
            normalize(&toks[s..e])
        };
        for (text, want) in [
            ("Yesterday Barack Obama said", Some("Barack Obama")),
            (
                "Earlier Angela Merkel told reporters",
                Some("Angela Merkel"),
            ),
            ("On Tuesday Emmanuel Macron denied", Some("Emmanuel Macron")),
            ("On March 3 Joe Biden said", Some("Joe Biden")),
            ("In 2023 Kim Jong Un said", Some("Kim Jong Un")),
            ("This morning the ministry said", Some("ministry")),
            ("April Ryan said", Some("April Ryan")),
            ("Theresa May said", Some("Theresa May")),
            ("May said", Some("May")),
        ] {
            assert_eq!(speaker(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn relative_clause_takes_the_appositive_head() {
        let t =
            "from Kim Yo Jong, the powerful sister of North Korean leader Kim Jong Un, who accused";
        let toks = tokenize(t);
        let who = toks.iter().position(|t| t.text == "who").unwrap_or(0);
        assert_eq!(relative_head(&toks, who).as_deref(), Some("Kim Yo Jong"));
    }
}
