//! Page titles without what pages glue onto headlines: the site name, the author or a generic label
//! ("… | Eleanor Ainge Roy", "Breitbart - …", "… – Latest News"), never a part of the headline.

/// Separators pages put between a headline and the site or author. Spaces around them matter: a
/// hyphen inside a word ("Wi-Fi") or a dash opening a quotation is not one.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · "];

/// Words that only ever label a page, never say what an article is about: a segment made only
/// of these ("Latest News & Headlines", "Home") is dropped like a site name.
const GENERIC: &[&str] = &[
    "news",
    "latest",
    "breaking",
    "headlines",
    "headline",
    "home",
    "homepage",
    "online",
    "official",
    "site",
    "website",
    "today",
    "updates",
    "and",
    "the",
];

/// What else the page says about itself, to tell a suffix from a part of the headline.
#[derive(Debug, Default, Clone)]
pub struct TitleHints {
    /// Site names: `og:site_name`, the publisher, the host name of the page's address.
    pub sites: Vec<String>,
    /// Authors: the byline, `meta author`.
    pub authors: Vec<String>,
    /// Headlines printed in the page: `<h1>` texts, `og:title`, `twitter:title`.
    pub headlines: Vec<String>,
}

/// Letters and digits only, lower case: "the Guardian" and "theguardian.com"'s label compare equal.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A title so short that it is probably not a headline any more ("Home", "Video").
fn too_short(s: &str) -> bool {
    let chars = s.chars().filter(|c| c.is_alphanumeric()).count();
    // Scripts without spaces (Japanese, Chinese) pack a headline into few "words".
    let spaced = s.chars().any(char::is_whitespace);
    chars < 8 || (spaced && s.split_whitespace().count() < 2)
}

/// The labels of a host name that can name a site: `www.theguardian.com` → ["theguardian"],
/// `news.yahoo.co.jp` → ["news", "yahoo"] (short country and generic endings dropped).
fn host_labels(host: &str) -> Vec<String> {
    let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    labels.pop(); // the top-level domain
    while labels.last().is_some_and(|l| {
        matches!(
            *l,
            "co" | "com" | "org" | "net" | "gov" | "ac" | "ne" | "or"
        )
    }) {
        labels.pop();
    }
    labels
        .into_iter()
        .filter(|l| !matches!(*l, "www" | "m" | "amp" | "mobile"))
        .map(norm)
        .filter(|l| l.chars().count() >= 3)
        .collect()
}

/// The host of an `http(s)` address, if any.
pub fn host_of(url: &str) -> Option<String> {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
}

impl TitleHints {
    /// Whether a title segment names the site: equal to a site name or host label, or one
    /// contains the other ("Breitbart News" and "Breitbart", "The Guardian" and "theguardian").
    fn is_site(&self, seg: &str) -> bool {
        let s = norm(seg);
        if s.chars().count() < 3 {
            return false;
        }
        self.sites.iter().any(|site| {
            let mut names = vec![norm(site)];
            if let Some(host) = host_of(site).or_else(|| site.contains('.').then(|| site.clone())) {
                names.extend(host_labels(&host));
            }
            names.iter().any(|n| {
                n.chars().count() >= 3
                    && (*n == s
                        // The site's name plus labels: "Breitbart News Network", never
                        // "CNN poll" (a headline word).
                        || (s.contains(n.as_str()) && site_with_labels(seg, n))
                        // A site name that holds the segment: "Yahoo" in "Yahoo News".
                        || (n.contains(s.as_str()) && s.chars().count() >= 4))
            })
        })
    }

    /// Whether a segment is the author: the byline (without "By"), or one of several authors.
    fn is_author(&self, seg: &str) -> bool {
        let s = norm(seg);
        if s.chars().count() < 4 {
            return false;
        }
        self.authors.iter().any(|a| {
            let trimmed = strip_by(a);
            norm(trimmed) == s
                || trimmed
                    .split([',', '&', ';'])
                    .flat_map(|p| p.split(" and "))
                    .any(|p| norm(p) == s)
        })
    }

    fn is_headline(&self, title: &str) -> bool {
        let t = norm(title);
        !t.is_empty() && self.headlines.iter().any(|h| norm(h) == t)
    }

    /// Whether a segment can go, leaving `rest`: it repeats the site or the author, or is only
    /// generic words, and `rest` can stand as a headline. A generic label asks more of what is
    /// left ("Yahoo News - Latest News & Headlines" is a site's name and its motto, not a story).
    fn can_strip(&self, seg: &str, rest: &str) -> bool {
        let stands = !too_short(rest) && !self.is_site(rest) && !is_generic(rest);
        if !stands {
            return false;
        }
        if self.is_site(seg) || self.is_author(seg) {
            return true;
        }
        is_generic(seg) && (rest.split_whitespace().count() >= 3 || !rest.contains(' '))
    }
}

/// Words that go with a site's name without saying anything about an article.
const SITE_LABELS: &[&str] = &[
    "network",
    "magazine",
    "media",
    "group",
    "daily",
    "weekly",
    "edition",
    "international",
    "com",
    "uk",
    "us",
    "tv",
    "radio",
];

/// Whether every word of `seg` is part of the site name `site` (normalised) or a generic label.
fn site_with_labels(seg: &str, site: &str) -> bool {
    seg.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .all(|w| {
            (w.chars().count() >= 3 && site.contains(w.as_str()))
                || GENERIC.contains(&w.as_str())
                || SITE_LABELS.contains(&w.as_str())
        })
}

fn strip_by(byline: &str) -> &str {
    let t = byline.trim();
    for p in [
        "By ", "by ", "BY ", "Par ", "par ", "Von ", "von ", "Por ", "por ",
    ] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim();
        }
    }
    t
}

fn is_generic(seg: &str) -> bool {
    let words: Vec<String> = seg
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    !words.is_empty() && words.iter().all(|w| GENERIC.contains(&w.as_str()))
}

/// Splits at the separators: the pieces between them, in order.
fn segments(title: &str) -> Vec<&str> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for sep in SEPARATORS {
        for (i, _) in title.match_indices(sep) {
            cuts.push((i, i + sep.len()));
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for (from, to) in cuts {
        // Overlapping matches (" - - ") leave nothing between them: skip the later one.
        if from < start {
            continue;
        }
        out.push(&title[start..from]);
        start = to;
    }
    out.push(&title[start..]);
    out
}

/// The headline of a page title: site-name, author and generic segments at either end dropped.
/// Kept whole when the page prints the whole title as its headline (`<h1>`), when what would be
/// left is too short or itself only a site name, or when no segment is recognised. When the page
/// prints one of the shorter candidates as its headline, that one is taken.
pub fn clean_title(title: &str, hints: &TitleHints) -> String {
    let title = title.trim();
    let segs = segments(title);
    if segs.len() < 2 || hints.is_headline(title) {
        return title.to_string();
    }
    // Every contiguous run of segments, longest first, as written in the title (separators kept).
    let span = |from: usize, to: usize| -> &str {
        let start = segs[from].as_ptr() as usize - title.as_ptr() as usize;
        let last = segs[to - 1];
        let end = last.as_ptr() as usize - title.as_ptr() as usize + last.len();
        title[start..end].trim()
    };
    let n = segs.len();
    // A part of the title the page also prints as its headline is the best evidence there is.
    for len in (1..n).rev() {
        for from in 0..=n - len {
            let cand = span(from, from + len);
            if !too_short(cand) && hints.is_headline(cand) {
                return cand.to_string();
            }
        }
    }
    let (mut from, mut to) = (0, n);
    loop {
        let before = (from, to);
        if to - from > 1 && hints.can_strip(segs[to - 1], span(from, to - 1)) {
            to -= 1;
        }
        if to - from > 1 && hints.can_strip(segs[from], span(from + 1, to)) {
            from += 1;
        }
        if (from, to) == before {
            break;
        }
    }
    span(from, to).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(sites: &[&str], authors: &[&str], headlines: &[&str]) -> TitleHints {
        let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect();
        TitleHints {
            sites: v(sites),
            authors: v(authors),
            headlines: v(headlines),
        }
    }

    #[test]
    fn site_and_author_suffixes_go() {
        let h = hints(
            &[
                "the Guardian",
                "https://www.theguardian.com/world/2019/jan/03/x",
            ],
            &["Eleanor Ainge Roy"],
            &[],
        );
        assert_eq!(
            clean_title(
                "'What is the sea telling us?': Māori tribes fearful over whale strandings | Eleanor Ainge Roy",
                &h
            ),
            "'What is the sea telling us?': Māori tribes fearful over whale strandings"
        );
        assert_eq!(
            clean_title("Whales strand again | World news | The Guardian", &h),
            "Whales strand again | World news",
            "a section is not generic enough to drop"
        );
        let b = hints(&["Breitbart"], &["by Lucas Nolan"], &[]);
        assert_eq!(
            clean_title(
                "'Neutral' Snopes Fact-Checker: 'Any Un-Angry Trump Supporters?' - Breitbart",
                &b
            ),
            "'Neutral' Snopes Fact-Checker: 'Any Un-Angry Trump Supporters?'"
        );
        assert_eq!(
            clean_title(
                "BBC News - Storm closes schools across Wales",
                &hints(&["https://www.bbc.co.uk/news/x"], &[], &[])
            ),
            "Storm closes schools across Wales"
        );
        assert_eq!(
            clean_title(
                "トレンドマイクロ、アプリ「フリーWi-Fiプロテクション」（CNET Japan） - Yahoo!ニュース",
                &hints(&["Yahoo!ニュース"], &[], &[])
            ),
            "トレンドマイクロ、アプリ「フリーWi-Fiプロテクション」（CNET Japan）"
        );
        assert_eq!(
            clean_title(
                "Council approves budget – Latest News & Headlines",
                &hints(&[], &[], &[])
            ),
            "Council approves budget"
        );
    }

    #[test]
    fn headline_dashes_stay() {
        let none = hints(&["Ars Technica", "CNN"], &["Dan Goodin"], &[]);
        for t in [
            "Xbox One X review - A console that keeps up with gaming PCs",
            "Brexit – what happens next?",
            "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!",
            "Yahoo News - Latest News & Headlines",
            "CNN poll - Voters split on budget",
        ] {
            assert_eq!(clean_title(t, &none), t);
        }
        // The page prints the whole title as its headline, so the author-like tail is the story.
        let h = hints(
            &["Daily"],
            &["Jane Smith"],
            &["We asked voters - Jane Smith"],
        );
        assert_eq!(
            clean_title("We asked voters - Jane Smith", &h),
            "We asked voters - Jane Smith"
        );
        // Too short once stripped: kept.
        let s = hints(&["The Verge"], &[], &[]);
        assert_eq!(clean_title("Video - The Verge", &s), "Video - The Verge");
    }

    #[test]
    fn a_printed_headline_decides() {
        let h = hints(&[], &[], &["Storm hits coast - live updates"]);
        assert_eq!(
            clean_title("Storm hits coast - live updates | Metro Daily", &h),
            "Storm hits coast - live updates"
        );
    }
}
