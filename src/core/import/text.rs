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

/// Joins the lines of hard-wrapped plain text (e-mail, old wire copy: every line broken near the
/// same width) back into paragraphs. Text that does not look wrapped is returned unchanged, so
/// short lines such as lists, addresses or verse keep their breaks. Only line breaks change.
pub fn unwrap_hard_wrapped(text: &str) -> String {
    let paragraphs: Vec<Vec<&str>> = text.split("\n\n").map(|p| p.lines().collect()).collect();
    let width = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    // Every line but the last of each paragraph: these are the ones a wrapper broke.
    let inner: Vec<usize> = paragraphs
        .iter()
        .flat_map(|p| p.iter().take(p.len().saturating_sub(1)))
        .map(|l| l.chars().count())
        .collect();
    let near_width = inner.iter().filter(|n| **n + 15 >= width).count();
    let wrapped =
        (40..=100).contains(&width) && inner.len() >= 4 && near_width * 10 >= inner.len() * 9;
    if !wrapped {
        return text.to_string();
    }
    paragraphs
        .iter()
        .map(|p| p.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
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
    fn hard_wrapped_text_is_rejoined_but_lists_are_not() {
        let wrapped = "The minister said on Tuesday that the government would not\nchange course on the budget, despite protests in several cities\nover the weekend and a strike called by the largest unions.\n\nOpposition leaders called the plan “reckless” and promised to\nvote against it when it reaches parliament later this month, as\nthey did last year with the previous, smaller package of cuts.";
        let out = unwrap_hard_wrapped(wrapped);
        assert_eq!(out.matches('\n').count(), 2, "{out}");
        assert!(out.contains("would not change course"));
        assert_eq!(
            out.split_whitespace().collect::<Vec<_>>(),
            wrapped.split_whitespace().collect::<Vec<_>>()
        );
        let list = "Eggs\nMilk\nBread\nButter\nJam\nTea\n\nThat is all.";
        assert_eq!(unwrap_hard_wrapped(list), list);
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
