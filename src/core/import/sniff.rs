//! Deciding what kind of document some text is: content first, the file name only as a tie-breaker.

/// The formats factdesk can import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    /// Plain text, including wire copy with a recognisable header.
    Text,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Text => "text",
        }
    }
}

/// Sniffs decoded text. `name` is a file name or path (may be empty); its extension is used only
/// when the content itself is not decisive.
pub fn sniff(name: &str, text: &str) -> Format {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if looks_like_html(text) {
        return Format::Html;
    }
    match ext.as_str() {
        // A .html file without any markup is still just text; a .md file is Markdown by intent.
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        "txt" | "text" | "html" | "htm" | "xhtml" => Format::Text,
        _ if markdown_score(text) >= 2 => Format::Markdown,
        _ => Format::Text,
    }
}

/// A document that opens with a doctype or html/head/body tag, or text that is dense with block tags.
fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches(['\u{feff}', ' ', '\n', '\r', '\t'])
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let mut rest = head.as_str();
    // Skip XML declarations and comments that saved pages often start with.
    loop {
        rest = rest.trim_start();
        if rest.starts_with("<?xml") || rest.starts_with("<!--") {
            let close = if rest.starts_with("<!--") {
                "-->"
            } else {
                "?>"
            };
            match rest.find(close) {
                Some(i) => rest = &rest[i + close.len()..],
                None => break,
            }
        } else {
            break;
        }
    }
    if [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta ",
        "<title",
    ]
    .iter()
    .any(|p| rest.starts_with(p))
    {
        return true;
    }
    let lower = head;
    let tags = [
        "<p>", "<p ", "<div", "</p>", "<br", "<h1", "<h2", "<article", "<ul>", "<li>",
    ];
    tags.iter().map(|t| lower.matches(t).count()).sum::<usize>() >= 4
        && lower.trim_start().starts_with('<')
}

/// Counts distinct kinds of Markdown syntax in the first lines.
fn markdown_score(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().take(200).collect();
    let mut kinds = 0;
    if lines.iter().any(|l| {
        let t = l.trim_start_matches('#');
        l.starts_with('#') && l.len() - t.len() <= 6 && t.starts_with(' ')
    }) {
        kinds += 1;
    }
    if lines
        .iter()
        .any(|l| l.starts_with("```") || l.starts_with("~~~"))
    {
        kinds += 1;
    }
    if text.contains("](") && text.contains('[') {
        kinds += 1;
    }
    if text.contains("**") || text.contains("__") {
        kinds += 1;
    }
    if lines
        .iter()
        .any(|l| l.starts_with("- ") || l.starts_with("* ") || l.starts_with("> "))
    {
        kinds += 1;
    }
    if lines.iter().any(|l| {
        let t = l.trim();
        t.len() >= 3 && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
    }) {
        kinds += 1;
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_extension() {
        assert_eq!(
            sniff("page.txt", "<!DOCTYPE html><html><p>x</p>"),
            Format::Html
        );
        assert_eq!(
            sniff("x.md", "\u{feff}<?xml version=\"1.0\"?>\n<html>"),
            Format::Html
        );
        assert_eq!(sniff("page.html", "Just words."), Format::Text);
        assert_eq!(
            sniff("", "# Title\n\nSome **bold** text."),
            Format::Markdown
        );
        assert_eq!(sniff("notes.md", "plain"), Format::Markdown);
        assert_eq!(sniff("", "Jan 30, 2023\nWorld\n\nHeadline"), Format::Text);
        assert_eq!(
            sniff("a.txt", "# Title\n\nSome **bold** text."),
            Format::Text
        );
    }
}
