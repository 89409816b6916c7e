//! Escaping of untrusted text (quotes, notes and titles come from the web) for HTML and Markdown.

/// Escapes text for HTML element content and double- or single-quoted attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for inline Markdown: punctuation that would start emphasis, links, code, tables,
/// headings or raw HTML is backslash-escaped; `<` and `&` become entities so no HTML survives any
/// renderer; line breaks become spaces so one value stays on one line.
pub fn markdown_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' | '{' | '}' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\r' | '\n' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    // A leading "-", "+" or "1." would turn the value into a list item inside some contexts.
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    } else {
        let digits = out.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && out[digits..].starts_with(['.', ')']) {
            out.insert(digits, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(html("“北朝鮮” 🚀"), "“北朝鮮” 🚀");
    }

    #[test]
    fn markdown_escapes_syntax() {
        assert_eq!(
            markdown_inline("*a* [b](c) <i>"),
            "\\*a\\* \\[b\\](c) &lt;i\\>"
        );
        assert_eq!(markdown_inline("line\nbreak"), "line break");
        assert_eq!(markdown_inline("- item"), "\\- item");
        assert_eq!(markdown_inline("12. x"), "12\\. x");
        assert_eq!(markdown_inline("“quote” 🚀"), "“quote” 🚀");
    }
}
