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
    SENTENCE_STARTERS.contains(&w) || QUANTIFIER_STARTERS.contains(&w)
}

/// Quantifiers and auxiliaries that open sentences but rarely follow a name ("… of the U.S.
/// Millions attended"); kept apart from the openers the claim detector might use.
const QUANTIFIER_STARTERS: &[&str] = &[
    "all",
    "another",
    "being",
    "did",
    "do",
    "does",
    "dozens",
    "every",
    "few",
    "hundreds",
    "is",
    "more",
    "millions",
    "not",
    "only",
    "other",
    "others",
    "several",
    "such",
    "there",
    "thousands",
    "was",
    "were",
    "are",
    "even",
    "instead",
    "thus",
    "therefore",
    "moreover",
    "indeed",
    "overall",
];

/// A language whose abbreviations and sentence openers the segmenter knows. Text in any other
/// language is segmented with the English lists, which carry over to most Latin-script text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    En,
    Fr,
    De,
    Es,
}

impl Lang {
    /// Every supported language, for messages.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::De, Lang::Es];

    /// The language of a BCP 47 tag ("fr", "de-AT", "es_419"), if supported.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" | "eng" | "english" => Some(Lang::En),
            "fr" | "fra" | "fre" | "french" => Some(Lang::Fr),
            "de" | "deu" | "ger" | "german" => Some(Lang::De),
            "es" | "spa" | "spanish" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language of an article's metadata tag; English rules when empty or unsupported.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::parse(tag).unwrap_or_default()
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
        }
    }
}

/// French titles and abbreviations written before a name ("M. Macron", "Mme Borne", "Me Dupond").
const FR_TITLES: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "gal", "col",
    "cdt", "lt", "cne",
];
const FR_ABBREVIATIONS: &[&str] = &[
    "av", "apr", "art", "avr", "bd", "boul", "cf", "chap", "cie", "coll", "déc", "éd", "env",
    "etc", "ex", "fig", "févr", "hab", "janv", "juil", "max", "min", "n°", "no", "nov", "oct", "p",
    "pp", "réf", "sept", "sté", "t", "tél", "vol", "vs", "resp", "suiv", "sq",
];
const FR_STARTERS: &[&str] = &[
    "à",
    "après",
    "au",
    "aucun",
    "aucune",
    "aujourd",
    "ainsi",
    "alors",
    "avant",
    "c",
    "ce",
    "ces",
    "cependant",
    "cet",
    "cette",
    "d",
    "dans",
    "de",
    "depuis",
    "des",
    "du",
    "elle",
    "elles",
    "en",
    "enfin",
    "et",
    "il",
    "ils",
    "j",
    "je",
    "l",
    "la",
    "le",
    "les",
    "lors",
    "mais",
    "nous",
    "on",
    "or",
    "ou",
    "par",
    "plusieurs",
    "pour",
    "pourtant",
    "qu",
    "quand",
    "selon",
    "si",
    "sur",
    "tous",
    "toutes",
    "un",
    "une",
    "vous",
    "y",
];

/// German titles ("Dr. Schmidt", "Hr. Meier") and abbreviations ("bzw.", "z. B.", "Nr.").
const DE_TITLES: &[&str] = &["dr", "hr", "hrn", "fr", "prof", "st", "hl", "dipl", "ing"];
const DE_ABBREVIATIONS: &[&str] = &[
    "abs", "allg", "apr", "art", "aug", "bd", "bspw", "bzgl", "bzw", "ca", "chr", "dez", "d", "dt",
    "ehem", "einschl", "engl", "etc", "evtl", "feb", "febr", "gegr", "geb", "gem", "gest", "ggf",
    "hrsg", "inkl", "jan", "jh", "jhd", "jr", "lt", "max", "min", "mind", "mio", "mrd", "nov",
    "nr", "o", "okt", "rd", "s", "sept", "sog", "std", "str", "tel", "tsd", "u", "urspr", "usf",
    "usw", "uvm", "v", "vgl", "z", "zit", "zzgl", "zus", "ggü", "stellv",
];
const DE_STARTERS: &[&str] = &[
    "aber",
    "alle",
    "als",
    "am",
    "an",
    "auch",
    "auf",
    "aus",
    "außerdem",
    "bei",
    "bis",
    "da",
    "dabei",
    "damit",
    "dann",
    "das",
    "dass",
    "dem",
    "den",
    "denn",
    "der",
    "des",
    "die",
    "dies",
    "diese",
    "diesem",
    "diesen",
    "dieser",
    "dieses",
    "doch",
    "du",
    "durch",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "er",
    "es",
    "für",
    "gegen",
    "hier",
    "ich",
    "ihr",
    "im",
    "in",
    "jedoch",
    "kein",
    "keine",
    "laut",
    "man",
    "mehrere",
    "mit",
    "nach",
    "nicht",
    "nun",
    "ob",
    "seit",
    "sie",
    "so",
    "trotzdem",
    "um",
    "und",
    "viele",
    "vor",
    "wann",
    "warum",
    "was",
    "weil",
    "wenn",
    "wer",
    "wie",
    "wir",
    "wo",
    "zudem",
    "zum",
    "zur",
];

/// Spanish titles ("Sr. Pérez", "Dra. Ruiz") and abbreviations ("EE. UU.", "pág.", "núm.").
const ES_TITLES: &[&str] = &[
    "sr", "sra", "srta", "sres", "sras", "dr", "dra", "lic", "ing", "arq", "gral", "excmo",
    "excma", "ilmo", "ilma", "ud", "uds", "vd", "vds", "d", "dña", "sto", "sta", "mons", "pbro",
    "prof", "profa", "cnel", "tte", "cap",
];
const ES_ABBREVIATIONS: &[&str] = &[
    "abr", "admón", "ago", "aprox", "art", "atte", "av", "avda", "cía", "dcha", "depto", "dic",
    "dpto", "ee", "ej", "ene", "etc", "feb", "fig", "izq", "jun", "jul", "mar", "n°", "nov", "núm",
    "oct", "pág", "págs", "pp", "sept", "set", "tel", "uu", "vol", "vs",
];
const ES_STARTERS: &[&str] = &[
    "a", "además", "al", "así", "aunque", "con", "cuando", "de", "del", "desde", "durante", "el",
    "él", "ella", "ellas", "ellos", "en", "entre", "es", "esa", "ese", "eso", "esta", "este",
    "esto", "estos", "estas", "fue", "hay", "hoy", "la", "las", "le", "les", "lo", "los", "mi",
    "no", "nosotros", "o", "para", "pero", "por", "se", "según", "si", "sin", "su", "sus",
    "también", "tras", "un", "una", "unas", "unos", "y", "ya", "yo",
];

/// A title or name-prefix abbreviation in `lang` (lower case, without the period).
pub fn is_title_abbreviation_in(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => is_title_abbreviation(w),
        Lang::Fr => FR_TITLES.contains(&w),
        Lang::De => DE_TITLES.contains(&w),
        Lang::Es => ES_TITLES.contains(&w),
    }
}

/// Any known abbreviation in `lang` (lower case, without the final period). The English list
/// holds everywhere: news in other languages quotes English names and titles.
pub fn is_abbreviation_in(lang: Lang, w: &str) -> bool {
    is_abbreviation(w)
        || match lang {
            Lang::En => false,
            Lang::Fr => FR_TITLES.contains(&w) || FR_ABBREVIATIONS.contains(&w),
            Lang::De => DE_TITLES.contains(&w) || DE_ABBREVIATIONS.contains(&w),
            Lang::Es => ES_TITLES.contains(&w) || ES_ABBREVIATIONS.contains(&w),
        }
}

/// A word (lower case) that typically opens a sentence in `lang`: a capitalised form of it after
/// an abbreviation is evidence of a new sentence rather than of a name.
pub fn is_sentence_starter_in(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => is_sentence_starter(w),
        Lang::Fr => FR_STARTERS.contains(&w),
        Lang::De => DE_STARTERS.contains(&w),
        Lang::Es => ES_STARTERS.contains(&w),
    }
}

/// Verbs that attribute a quotation after it ("…?” Forte said", "…!” Rothman recalls"): with
/// the reporting verbs, the ones for questions, exclamations and thoughts.
pub fn is_attribution_verb(w: &str) -> bool {
    const MORE: &[&str] = &[
        "asked",
        "asks",
        "recalled",
        "recalls",
        "replied",
        "replies",
        "wondered",
        "wonders",
        "exclaimed",
        "shouted",
        "cried",
        "thought",
        "whispered",
        "continued",
        "recounted",
        "remembered",
        "remembers",
        "joked",
        "quipped",
        "laughed",
        "demanded",
        "added",
    ];
    let w = lower(w);
    reporting_verb(&w).is_some() || MORE.contains(&w.as_ref())
}

/// Names of days and months: a capitalised one after "p.m." or "Jan." continues the sentence.
pub fn is_calendar_word(w: &str) -> bool {
    // English days and months are in WEEKDAYS and MONTH_NAMES; these are the other languages'.
    const WORDS: &[&str] = &[
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "januar",
        "februar",
        "märz",
        "mai",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ];
    let w = lower(w);
    WORDS.contains(&w.as_ref())
        || WEEKDAYS.contains(&w.as_ref())
        || crate::core::time::MONTH_NAMES.contains(&w.as_ref())
}

/// Abbreviations written before a number ("ch. 4", "sec. 12", "fig. 3"): they continue the
/// sentence before a digit only, so common words among them ("art", "min") stay words elsewhere.
pub fn is_number_abbreviation(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "approx", "art", "arts", "ch", "chap", "chs", "eq", "ex", "fig", "figs", "hr", "hrs", "lb",
        "lbs", "max", "min", "nr", "oz", "para", "paras", "pt", "pts", "ref", "refs", "sec",
        "secs", "tab", "vol", "vols", "yr", "yrs",
    ];
    WORDS.contains(&lower(w).as_ref())
}

/// Particles that begin family names ("Le Pen", "De Souza", "van Gogh", "El-Erian").
pub fn is_name_particle(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "al", "da", "de", "del", "della", "der", "des", "di", "do", "dos", "du", "el", "la", "las",
        "le", "les", "lo", "los", "st", "ten", "ter", "van", "von", "y",
    ];
    WORDS.contains(&lower(w).as_ref())
}

/// Words a sentence does not end on: a line that ends with one continues on the next line.
pub fn is_continuation_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has",
        "have", "her", "his", "in", "into", "is", "its", "of", "on", "or", "our", "than", "that",
        "the", "their", "to", "was", "were", "which", "who", "with",
    ];
    WORDS.contains(&lower(w).as_ref())
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
    SKIP_BEFORE_VERB.contains(&w.as_ref())
        || crate::core::time::MONTH_NAMES.contains(&w.as_ref())
        || WEEKDAYS.contains(&w.as_ref())
}

/// The days of the week, lower case.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words of a time or linking phrase that can open a sentence before its subject ("Yesterday",
/// "Earlier", "On Tuesday", "Last week", "This morning"): never the start of a speaker's name.
const FRONTED: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "earlier",
    "later",
    "meanwhile",
    "then",
    "now",
    "however",
    "separately",
    "previously",
    "recently",
    "overnight",
    "afterwards",
    "also",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "month",
    "year",
];

/// Prepositions that open such a time phrase ("On Tuesday", "In 2023", "Last week"), when a time
/// word, a month or a number follows.
const FRONTED_PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "during", "after", "before", "since", "by", "until", "last", "this", "next",
    "late", "early", "over",
];

pub fn is_fronted_word(w: &str) -> bool {
    let w = lower(w);
    FRONTED.contains(&w.as_ref()) || WEEKDAYS.contains(&w.as_ref())
}

pub fn is_fronted_preposition(w: &str) -> bool {
    FRONTED_PREPOSITIONS.contains(&lower(w).as_ref())
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
