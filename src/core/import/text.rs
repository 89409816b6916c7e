//! Plain-text clean-up shared by every format: line endings, invisible and odd spaces, blank lines.
//! It only changes whitespace and invisible characters, so no word is ever lost.

/// Normalises a body: LF line endings, NBSP and other odd spaces to plain spaces, zero-width and
/// soft-hyphen characters removed, trailing spaces dropped, runs of blank lines collapsed to one,
/// leading/trailing blank lines trimmed.
pub fn normalize(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    cleaned.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}' => cleaned.push('\n'),
            '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => cleaned.push(' '),
            '\t' => cleaned.push(' '),
            // Invisible: zero-width space/joiners, BOM, soft hyphen, word joiner, bidi marks.
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' | '\u{200E}' | '\u{200F}' => {}
            c if c.is_control() && c != '\n' => {}
            c => cleaned.push(c),
        }
    }
    let mut out = String::with_capacity(cleaned.len());
    let mut blank_run = 0usize;
    for line in cleaned.split('\n') {
        let line = line.trim_end();
        if line.trim_start().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        // Indentation inside the text may matter (Markdown, verse); before the first line it never does.
        out.push_str(if out.is_empty() {
            line.trim_start()
        } else {
            line
        });
    }
    out
}

/// Collapses every run of whitespace (including newlines) to one space: for titles and metadata.
pub fn one_line(text: &str) -> String {
    normalize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Joins the blocks of a document into a body: one block per paragraph, blank line between.
pub fn join_blocks<I: IntoIterator<Item = String>>(blocks: I) -> String {
    let parts: Vec<String> = blocks
        .into_iter()
        .map(|b| normalize(&b))
        .filter(|b| !b.is_empty())
        .collect();
    parts.join("\n\n")
}

/// The first non-empty line, cut at a sane length: the title of pasted or plain text.
pub fn first_line_title(body: &str) -> String {
    let line = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    let mut title: String = line.chars().take(200).collect();
    if line.chars().count() > 200 {
        title = title.trim_end().to_string();
        title.push('…');
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_whitespace_without_losing_words() {
        let raw = "\u{feff}Title\r\n\r\n\r\n\r\nOne\u{a0}two\u{200b}\tthree  \rFour\u{ad}teen\u{2029}“Né” 日本 🎉\n\n";
        assert_eq!(
            normalize(raw),
            "Title\n\nOne two three\nFourteen\n“Né” 日本 🎉"
        );
    }

    #[test]
    fn ideographic_space_is_kept_for_cjk() {
        assert_eq!(normalize("日本\u{3000}語"), "日本\u{3000}語");
    }

    #[test]
    fn blocks_and_titles() {
        assert_eq!(
            join_blocks(["a\n".into(), "  ".into(), "b".into()]),
            "a\n\nb"
        );
        assert_eq!(one_line("  a\n b\u{a0} c "), "a b c");
        assert_eq!(first_line_title("\n\n  Head line  \nbody"), "Head line");
        let long = "x".repeat(300);
        assert_eq!(first_line_title(&long).chars().count(), 201);
    }
}
