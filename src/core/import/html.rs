//! Saved web pages: the main article text (readability-style extraction with `dom_smoothie`) as
//! blank-line-separated paragraphs, captions marked and share widgets left out, and the page's
//! metadata.

use super::nesting;
use super::text::{join_blocks, one_line};
use super::title::{self, TitleHints};
use crate::core::model::ArticleMeta;
use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

/// An extracted page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub meta: ArticleMeta,
    pub body: String,
    pub warnings: Vec<String>,
}

/// Below this many characters the extraction probably missed the article: import, but say so.
const SHORT_BODY_CHARS: usize = 200;

/// Extracts the article from a decoded HTML page. The error is a reason for a person.
pub fn parse(html: &str) -> Result<Page, String> {
    // The parser and the readability pass cost time per element proportional to its depth:
    // capping depth first keeps extraction linear in page size (see `nesting`).
    let capped = nesting::cap_nesting(html, nesting::MAX_DEPTH);
    let doc = Document::from(capped.html.as_ref());
    let mut meta = ArticleMeta {
        url: page_url(&doc),
        lang: attr_of(&doc, "html", "lang"),
        ..ArticleMeta::default()
    };
    let fallback_title = one_line(&doc.select("title").text());
    // Pages without `<html lang>` often say it in a meta tag; BCP 47 uses '-' where og:locale has '_'.
    let lang_hints = [
        attr_of(&doc, "meta[http-equiv=\"content-language\" i]", "content"),
        attr_of(&doc, "meta[property=\"og:locale\"]", "content"),
    ];
    let mut hints = title_hints(&doc);
    // Classes kept in the extracted fragment so that captions and widgets can be told from text.
    let config = Config {
        keep_classes: true,
        ..Config::default()
    };
    let mut reader = Readability::with_document(doc, None, Some(config))
        .map_err(|e| format!("cannot read the page: {e}"))?;
    // The extractor is third-party code run on arbitrary pages: a bug in it must not take the
    // application down with it.
    let article = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| reader.parse()))
        .map_err(|_| "the page could not be parsed".to_string())?
        .map_err(|_| "no article text found in the page".to_string())?;
    let fragment = Document::from(article.content.as_ref());
    let body = block_text(&fragment);
    if body.trim().is_empty() {
        return Err("no article text found in the page".to_string());
    }
    meta.title = one_line(&article.title);
    if meta.title.is_empty() {
        meta.title = fallback_title;
    }
    let clean = |s: Option<String>| s.map(|s| one_line(&s)).unwrap_or_default();
    meta.byline = clean(article.byline);
    meta.source = clean(article.site_name);
    meta.published = clean(article.published_time);
    if meta.url.is_empty() {
        meta.url = clean(article.url);
    }
    let base = &mut hints.base;
    base.sites.extend([meta.source.clone(), meta.url.clone()]);
    base.authors.push(meta.byline.clone());
    // The title usually is og:title, so og:title only speaks for a shorter title than itself.
    base.headlines = hints.headlines;
    base.headlines.retain(|h| h != &meta.title);
    base.headlines.append(&mut hints.printed);
    meta.title = title::clean_title(&meta.title, base);
    if meta.lang.is_empty() {
        meta.lang = clean(article.lang);
    }
    if meta.lang.is_empty() {
        meta.lang = declared_lang(&lang_hints);
    }
    let mut warnings = Vec::new();
    if capped.dropped > 0 {
        warnings.push(format!(
            "the page nests elements more than {} deep; the deeper tags were ignored and their text kept",
            nesting::MAX_DEPTH
        ));
    }
    if body.chars().count() < SHORT_BODY_CHARS {
        warnings.push("very little article text was found; check it against the page".to_string());
    }
    Ok(Page {
        meta,
        body,
        warnings,
    })
}

/// What the page says about its title, gathered before the extractor takes the tree.
struct PageTitleHints {
    base: TitleHints,
    /// `og:title`, `twitter:title`: evidence only for a title shorter than themselves.
    headlines: Vec<String>,
    /// `<h1>` texts: the page's own headline, evidence for any title.
    printed: Vec<String>,
}

fn title_hints(doc: &Document) -> PageTitleHints {
    let metas = |selectors: &[&str]| -> Vec<String> {
        selectors
            .iter()
            .map(|sel| attr_of(doc, sel, "content"))
            .filter(|v| !v.is_empty())
            .collect()
    };
    let mut base = TitleHints {
        sites: metas(&[
            "meta[property=\"og:site_name\"]",
            "meta[name=\"application-name\"]",
            "meta[name=\"publisher\"]",
        ]),
        authors: metas(&[
            "meta[name=\"author\"]",
            "meta[property=\"article:author\"]",
            "meta[name=\"byl\"]",
            "meta[name=\"parsely-author\"]",
            "meta[name=\"dc.creator\" i]",
        ]),
        headlines: Vec::new(),
    };
    // An author given as a profile address names no one.
    base.authors.retain(|a| !a.starts_with("http"));
    let headlines = metas(&[
        "meta[property=\"og:title\"]",
        "meta[name=\"twitter:title\"]",
    ]);
    // A handful is enough: the headline is among the first, and a page of many is not cheap.
    let printed = doc
        .select("h1")
        .nodes()
        .iter()
        .take(8)
        .map(|n| one_line(&n.text()))
        .filter(|t| !t.is_empty())
        .collect();
    PageTitleHints {
        base,
        headlines,
        printed,
    }
}

/// The first usable language tag among meta declarations.
fn declared_lang(candidates: &[String]) -> String {
    candidates
        .iter()
        .map(|c| {
            c.split(',')
                .next()
                .unwrap_or_default()
                .trim()
                .replace('_', "-")
        })
        .find(|c| !c.is_empty() && c.len() <= 35)
        .unwrap_or_default()
}

/// The page's canonical address: `<link rel=canonical>`, else `og:url`.
fn page_url(doc: &Document) -> String {
    let canonical = attr_of(doc, "link[rel=canonical]", "href");
    if canonical.starts_with("http") {
        return canonical;
    }
    let og = attr_of(doc, "meta[property=\"og:url\"]", "content");
    if og.starts_with("http") {
        og
    } else {
        String::new()
    }
}

fn attr_of(doc: &Document, selector: &str, attr: &str) -> String {
    doc.select(selector)
        .nodes()
        .iter()
        .find_map(|n| n.attr(attr))
        .map(|v| one_line(&v))
        .unwrap_or_default()
}

/// Elements whose start and end break the text into a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "hr",
    "address",
    "details",
    "summary",
    "form",
    "fieldset",
    "center",
    "body",
    "html",
];

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
    "canvas", "button", "select", "textarea", "input", "video", "audio",
];

/// Opens every caption paragraph in a body: photo captions and credits stay claimable text (a
/// caption can carry a claim) but read as what they are. Not a word, so word counts and search
/// ignore it; [`is_caption`] recognises such a paragraph.
pub const CAPTION_MARK: &str = "📷 ";

/// Whether a body paragraph is a caption or photo credit marked at import.
pub fn is_caption(paragraph: &str) -> bool {
    paragraph.starts_with(CAPTION_MARK)
}

/// Longest text an element only classed as a caption or credit may hold: a container of real
/// paragraphs with such a class (it happens) is left as text.
const MAX_CAPTION_CHARS: usize = 600;

/// Longest text a share or social widget may hold before it is taken for article text.
const MAX_WIDGET_CHARS: usize = 120;

/// The class and id names of an element, lower case, as one string to search.
fn names_of(node: &NodeRef<'_>) -> String {
    let mut names = node.class().map(|c| c.to_lowercase()).unwrap_or_default();
    if let Some(id) = node.id_attr() {
        names.push(' ');
        names.push_str(&id.to_lowercase());
    }
    names
}

/// What an element is to the body text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Text,
    /// A caption or credit: one marked paragraph.
    Caption,
    /// A share, follow or social widget: left out.
    Widget,
}

fn role_of(node: &NodeRef<'_>, name: &str) -> Role {
    if name == "figcaption" {
        return Role::Caption;
    }
    let names = names_of(node);
    let itemprop = node
        .attr("itemprop")
        .map(|p| p.to_lowercase())
        .unwrap_or_default();
    let short = |max: usize| node.text().chars().count() <= max;
    // A class such as "no_caption" or "has-caption" describes an item that holds an image, not
    // its caption.
    let caption_class = names.split_whitespace().any(|token| {
        (token.contains("caption") || token.contains("credit"))
            && !["no", "has", "with"]
                .iter()
                .any(|neg| token.starts_with(neg))
    });
    // An inline element ("span.caption") only when it is all its parent holds: one inside a
    // running paragraph must not split the paragraph.
    let alone = || {
        BLOCKS.contains(&name)
            || node
                .parent()
                .is_some_and(|p| one_line(&p.text()) == one_line(&node.text()))
    };
    if (caption_class || itemprop.split_whitespace().any(|p| p == "caption"))
        && short(MAX_CAPTION_CHARS)
        && alone()
    {
        return Role::Caption;
    }
    let widget = names.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
        matches!(
            w,
            "share" | "sharing" | "social" | "sharebar" | "sharetools"
        )
    });
    if widget && short(MAX_WIDGET_CHARS) {
        return Role::Widget;
    }
    Role::Text
}

/// Words that open a photo credit or caption line set apart from the text ("Photograph: AP").
const CREDIT_OPENERS: &[&str] = &[
    "photograph",
    "photographs",
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "pictures",
    "illustration",
    "composite",
    "credit",
    "credits",
    "foto",
    "fotos",
    "bild",
    "crédit",
    "crédits",
];

/// Longest paragraph taken for a credit line by its wording alone.
const MAX_CREDIT_LINE_CHARS: usize = 160;

/// A short paragraph that is a credit line: "Photograph: Dean Purcell/The Guardian",
/// "Image: Getty Images", "Photo by Jane Doe". A sentence that merely starts with "Photo" does
/// not qualify: the opener must be followed by a colon or "by".
fn is_credit_line(p: &str) -> bool {
    if p.chars().count() > MAX_CREDIT_LINE_CHARS || p.contains('\n') {
        return false;
    }
    let lower = p.to_lowercase();
    let first: String = lower.chars().take_while(|c| c.is_alphabetic()).collect();
    if !CREDIT_OPENERS.contains(&first.as_str()) {
        return false;
    }
    let rest = lower[first.len()..].trim_start();
    (rest.starts_with(':') && rest.len() > 1) || rest.starts_with("by ")
}

/// Renders HTML as text, one paragraph per block element. Iterative so that deeply nested pages
/// cannot exhaust the stack.
fn block_text(doc: &Document) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut pre_depth = 0usize;
    // Caption elements open (nested ones included): their whole text becomes one marked paragraph.
    let mut caption_depth = 0usize;
    // (node, leaving?)
    let mut stack: Vec<(NodeRef<'_>, bool)> = vec![(doc.root(), false)];
    while let Some((node, leaving)) = stack.pop() {
        if node.is_text() {
            let t = node.text();
            if pre_depth > 0 {
                cur.push_str(&t.replace('\n', "\u{2028}"));
            } else {
                cur.push_str(&t);
            }
            continue;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) {
            continue;
        }
        let block = BLOCKS.contains(&name.as_str());
        let role = if node.is_element() {
            role_of(&node, &name)
        } else {
            Role::Text
        };
        if leaving {
            if name == "pre" {
                pre_depth = pre_depth.saturating_sub(1);
            }
            if matches!(name.as_str(), "td" | "th") {
                cur.push(' ');
            }
            if role == Role::Caption {
                caption_depth = caption_depth.saturating_sub(1);
                if caption_depth == 0 {
                    flush_marked(&mut cur, &mut blocks, true);
                }
            } else if block && caption_depth > 0 {
                // Blocks inside a caption are parts of one paragraph: keep their words apart.
                cur.push(' ');
            } else if block {
                flush(&mut cur, &mut blocks);
            }
            continue;
        }
        if role == Role::Widget {
            continue;
        }
        match name.as_str() {
            "br" => {
                cur.push('\u{2028}');
                continue;
            }
            "pre" => pre_depth += 1,
            _ => {}
        }
        if role == Role::Caption {
            if caption_depth == 0 {
                flush(&mut cur, &mut blocks);
            }
            caption_depth += 1;
        } else if block && caption_depth > 0 {
            cur.push(' ');
        } else if block {
            flush(&mut cur, &mut blocks);
        }
        stack.push((node, true));
        for child in node.children_it(true) {
            stack.push((child, false));
        }
    }
    flush(&mut cur, &mut blocks);
    join_blocks(blocks)
}

/// Ends a paragraph: whitespace collapsed, explicit line breaks (`<br>`, `<pre>`) kept; a credit
/// line is marked as a caption.
fn flush(cur: &mut String, blocks: &mut Vec<String>) {
    flush_marked(cur, blocks, false);
}

/// [`flush`], marking the paragraph as a caption when `caption` is set or it is a credit line.
fn flush_marked(cur: &mut String, blocks: &mut Vec<String>, caption: bool) {
    if cur.trim().is_empty() {
        cur.clear();
        return;
    }
    let lines: Vec<String> = cur
        .split('\u{2028}')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let text = lines.join("\n");
    cur.clear();
    if caption || is_credit_line(&text) {
        // A caption that is already marked (a credit inside it) is not marked twice.
        let text = text
            .trim_start_matches(CAPTION_MARK.trim_end())
            .trim_start();
        blocks.push(format!("{CAPTION_MARK}{text}"));
    } else {
        blocks.push(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Un “titre” – Le Site</title>
<link rel="canonical" href="https://example.org/a/1">
<meta property="og:site_name" content="Le Site">
<meta name="author" content="Zoé Martin">
<meta property="article:published_time" content="2024-05-01T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/m">Monde</a></li></ul></nav>
<article><h1>Un “titre”</h1>
<p>Premier paragraphe de l’article, assez long pour être retenu par l’extraction, avec des accents : é, è, à, ç, et un emoji 🎉, et du japonais 日本語.</p>
<p>Deuxième paragraphe, lui aussi assez long pour compter, parce que la lisibilité exige du texte, des virgules, et encore des virgules, ici.</p>
<p>Troisième<br>ligne coupée, et encore du texte pour que le score soit bon, avec des virgules, des mots, et des phrases complètes.</p>
</article>
<div class="comments">Commentaire : super !</div>
<script>var x = "<p>not text</p>";</script>
</body></html>"#;

    #[test]
    fn extracts_body_and_metadata() {
        let p = parse(PAGE).expect("page");
        assert_eq!(p.meta.lang, "fr");
        assert_eq!(p.meta.url, "https://example.org/a/1");
        assert_eq!(p.meta.source, "Le Site");
        assert_eq!(p.meta.byline, "Zoé Martin");
        assert_eq!(p.meta.published, "2024-05-01T08:00:00Z");
        assert!(p.meta.title.starts_with("Un “titre”"), "{}", p.meta.title);
        assert!(p.body.contains("Premier paragraphe"), "{}", p.body);
        assert!(p.body.contains("\n\nDeuxième paragraphe"));
        assert!(p.body.contains("Troisième\nligne"));
        assert!(p.body.contains("🎉") && p.body.contains("日本語"));
        for junk in ["Accueil", "not text", "<p>"] {
            assert!(!p.body.contains(junk), "{junk} in {}", p.body);
        }
    }

    #[test]
    fn language_from_meta_when_html_has_none() {
        let page = PAGE.replace("<html lang=\"fr\">", "<html>").replace(
            "<head>",
            "<head><meta property=\"og:locale\" content=\"fr_CA\">",
        );
        assert_eq!(parse(&page).expect("page").meta.lang, "fr-CA");
    }

    #[test]
    fn a_page_without_text_is_refused() {
        let err = parse("<html><head><title>x</title></head><body><img src=a.png></body></html>")
            .expect_err("empty");
        assert!(err.contains("no article text"), "{err}");
    }
}
