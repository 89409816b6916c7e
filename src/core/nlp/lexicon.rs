//! Word lists the segmenter and the claim detector rely on: abbreviations, sentence openers,
//! reporting verbs, denial and accusation cues, titles and time words.

/// `w` in lower case, borrowed when it already is (most words are), so lookups do not allocate.
fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// Abbreviations written before a name ("Mr. Smith", "Mt. Fuji"): never end a sentence when a
/// capitalised word follows.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "adm", "amb", "atty", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "ft", "gen",
    "gov", "hon", "insp", "lt", "maj", "messrs", "mr", "mrs", "ms", "mt", "pres", "prof", "pvt",
    "rep", "rev", "sen", "sgt", "sr", "st", "supt", "vs",
];

/// Other abbreviations: end a sentence only when a capitalised word follows.
const ABBREVIATIONS: &[&str] = &[
    "al", "approx", "apr", "aug", "ave", "blvd", "cf", "co", "corp", "dec", "dept", "e.g", "est",
    "etc", "feb", "fig", "i.e", "inc", "jan", "jr", "jul", "jun", "llc", "ltd", "mar", "n°", "no",
    "nos", "nov", "oct", "p", "pp", "rd", "sep", "sept", "univ", "vol",
];

/// Words that typically open a sentence; after "U.S." they mark a boundary.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "earlier",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "last",
    "later",
    "many",
    "meanwhile",
    "most",
    "my",
    "no",
    "now",
    "on",
    "one",
    "our",
    "she",
    "since",
    "so",
    "some",
    "still",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "today",
    "we",
    "what",
    "when",
    "where",
    "while",
    "who",
    "why",
    "yet",
    "you",
];

pub fn is_title_abbreviation(w: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(&w)
}

pub fn is_abbreviation(w: &str) -> bool {
    ABBREVIATIONS.contains(&w) || TITLE_ABBREVIATIONS.contains(&w)
}

pub fn is_sentence_starter(w: &str) -> bool {
    SENTENCE_STARTERS.contains(&w)
}

/// What a reporting verb says about the statement it introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbKind {
    /// Introduces speech: the claim is what follows ("said the ship sank").
    Speech,
    /// A denial: the subject rejects something.
    Denial,
    /// An accusation or a contested assertion.
    Accusation,
    /// A documented act or admission ("promised", "designated", "acknowledged").
    Act,
}

/// Reporting verbs (inflected forms) and their kind.
const VERBS: &[(&str, VerbKind)] = &[
    ("said", VerbKind::Speech),
    ("says", VerbKind::Speech),
    ("told", VerbKind::Speech),
    ("tells", VerbKind::Speech),
    ("added", VerbKind::Speech),
    ("adds", VerbKind::Speech),
    ("stated", VerbKind::Speech),
    ("states", VerbKind::Speech),
    ("noted", VerbKind::Speech),
    ("explained", VerbKind::Speech),
    ("wrote", VerbKind::Speech),
    ("writes", VerbKind::Speech),
    ("reported", VerbKind::Speech),
    ("declared", VerbKind::Speech),
    ("insisted", VerbKind::Speech),
    ("argued", VerbKind::Speech),
    ("warned", VerbKind::Speech),
    ("warns", VerbKind::Speech),
    ("called", VerbKind::Speech),
    ("confirmed", VerbKind::Speech),
    ("announced", VerbKind::Act),
    ("estimated", VerbKind::Speech),
    ("predicted", VerbKind::Speech),
    ("revealed", VerbKind::Speech),
    ("testified", VerbKind::Speech),
    ("asserted", VerbKind::Accusation),
    ("claimed", VerbKind::Accusation),
    ("claims", VerbKind::Accusation),
    ("alleged", VerbKind::Accusation),
    ("alleges", VerbKind::Accusation),
    ("accused", VerbKind::Accusation),
    ("accuses", VerbKind::Accusation),
    ("charged", VerbKind::Accusation),
    ("blamed", VerbKind::Accusation),
    ("disputed", VerbKind::Accusation),
    ("condemned", VerbKind::Accusation),
    ("denied", VerbKind::Denial),
    ("denies", VerbKind::Denial),
    ("rejected", VerbKind::Denial),
    ("rejects", VerbKind::Denial),
    ("dismissed", VerbKind::Denial),
    ("refuted", VerbKind::Denial),
    ("acknowledged", VerbKind::Act),
    ("admitted", VerbKind::Act),
    ("conceded", VerbKind::Act),
    ("promised", VerbKind::Act),
    ("pledged", VerbKind::Act),
    ("vowed", VerbKind::Act),
    ("designated", VerbKind::Act),
    ("imposed", VerbKind::Act),
    ("approved", VerbKind::Act),
    ("signed", VerbKind::Act),
    ("ordered", VerbKind::Act),
];

pub fn reporting_verb(w: &str) -> Option<VerbKind> {
    // Asked once per word of every article: a hash lookup, not a scan of the list.
    static INDEX: std::sync::LazyLock<std::collections::HashMap<&'static str, VerbKind>> =
        std::sync::LazyLock::new(|| VERBS.iter().copied().collect());
    INDEX.get(w).copied()
}

/// Words and phrases (lowercase) that make a statement a denial.
pub const DENIAL_CUES: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "denial",
    "rejected",
    "rejects",
    "refuted",
    "dismissed",
    "non-existent",
    "nonexistent",
    "rumour",
    "rumor",
    "fabricating",
    "fabricated",
    "fabrication",
    "baseless",
    "groundless",
    "untrue",
    "fake news",
    "no evidence",
    "never happened",
];

/// Words and phrases (lowercase) that mark an accusation or a contested statement.
pub const DISPUTE_CUES: &[&str] = &[
    "accused",
    "accuses",
    "accusation",
    "alleged",
    "allegedly",
    "allegation",
    "claimed",
    "claims",
    "disputed",
    "contested",
    "we know",
    "we also know",
    "we now know",
    "red line",
    "rebuke",
    "condemned",
    "blamed",
    "foolish",
    "provocation",
];

/// Words and phrases (lowercase) that point to an official or documented source.
pub const SOURCED_CUES: &[&str] = &[
    "according to",
    "official",
    "statement",
    "designated",
    "intelligence",
    "photographs",
    "documents",
    "data",
    "report",
    "figures",
    "records",
    "resolution",
];

/// Words that qualify a name without being part of it ("US President Joe Biden").
const TITLE_WORDS: &[&str] = &[
    "president",
    "vice",
    "secretary",
    "general",
    "minister",
    "prime",
    "foreign",
    "defence",
    "defense",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "mayor",
    "director",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "professor",
    "gen",
    "lt",
    "col",
    "colonel",
    "admiral",
    "commander",
    "judge",
    "justice",
    "pope",
    "sheikh",
    "deputy",
    "former",
    "acting",
    "state",
    "national",
    "security",
    "adviser",
    "advisor",
    "analyst",
    "officer",
    "head",
    "ceo",
];

pub fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.contains(&lower(w.trim_end_matches('.')).as_ref())
}

/// Words that end a speaker phrase when walking back from a verb: time expressions and adverbs.
const SKIP_BEFORE_VERB: &[&str] = &[
    "also",
    "earlier",
    "later",
    "this",
    "last",
    "next",
    "on",
    "week",
    "month",
    "year",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "will",
    "would",
    "previously",
    "repeatedly",
    "again",
    "recently",
    "once",
    "publicly",
    "flatly",
    "strongly",
    "quickly",
    "then",
    "in",
    "morning",
    "evening",
    "night",
    "afternoon",
    "further",
];

pub fn skips_before_verb(w: &str) -> bool {
    let w = lower(w);
    SKIP_BEFORE_VERB.contains(&w.as_ref()) || crate::core::time::MONTH_NAMES.contains(&w.as_ref())
}

/// Words that start a new clause: a speaker phrase never extends past them.
const CLAUSE_WORDS: &[&str] = &[
    "that", "after", "before", "when", "while", "as", "and", "but", "because", "since", "though",
    "although", "whereas", "if", "which", "where", "who", "whom", "than",
];

pub fn is_clause_word(w: &str) -> bool {
    CLAUSE_WORDS.contains(&lower(w).as_ref())
}

/// Words in names of places and organisations: such a name is not a person.
const NON_PERSON_WORDS: &[&str] = &[
    "korea",
    "states",
    "kingdom",
    "union",
    "nations",
    "russia",
    "china",
    "ukraine",
    "washington",
    "moscow",
    "pyongyang",
    "kyiv",
    "seoul",
    "beijing",
    "house",
    "ministry",
    "agency",
    "department",
    "council",
    "government",
    "party",
    "army",
    "police",
    "court",
    "office",
    "group",
    "company",
    "news",
    "times",
    "post",
    "reuters",
    "afp",
    "nato",
    "kremlin",
    "pentagon",
    "committee",
    "commission",
    "bank",
    "university",
    "institute",
    "foundation",
    "association",
    "league",
    "america",
    "europe",
    "japan",
    "india",
    "france",
    "germany",
    "britain",
    "iran",
    "israel",
];

pub fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.iter().all(|w| {
            let lw = w.to_lowercase();
            let lw = lw.trim_end_matches("'s").trim_end_matches("’s");
            !NON_PERSON_WORDS.contains(&lw)
                && w.chars().next().is_some_and(char::is_uppercase)
                && !w.chars().all(|c| c.is_uppercase())
        })
}

/// Personal pronouns that refer back to a speaker.
pub fn pronoun(w: &str) -> Option<Pronoun> {
    match lower(w).as_ref() {
        "he" | "she" => Some(Pronoun::Person),
        "they" => Some(Pronoun::Any),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    Person,
    Any,
}

const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "percent",
];

pub fn is_number_word(w: &str) -> bool {
    NUMBER_WORDS.contains(&lower(w).as_ref())
}

/// Words that make an unattributed statement checkable: uniqueness, records, comparisons.
const CHECKABLE_WORDS: &[&str] = &[
    "only",
    "first",
    "largest",
    "biggest",
    "most",
    "least",
    "highest",
    "lowest",
    "record",
    "never",
    "always",
    "every",
    "all",
    "none",
    "more",
    "fewer",
    "less",
    "increased",
    "decreased",
    "rose",
    "fell",
    "doubled",
    "tripled",
    "killed",
    "died",
    "injured",
    "arrested",
    "recognise",
    "recognize",
    "long",
];

pub fn is_checkable_word(w: &str) -> bool {
    CHECKABLE_WORDS.contains(&lower(w).as_ref())
}
