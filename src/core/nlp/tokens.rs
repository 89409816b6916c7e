//! Word, number and punctuation tokens with char offsets, and quotation spans, over one text.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

/// A token: its text and its char range in the whole text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_capitalized(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    pub fn is(&self, s: &str) -> bool {
        self.text.eq_ignore_ascii_case(s)
    }
}

fn joins(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‐' | '&')
}

/// Splits `text` into tokens. Inner apostrophes and hyphens stay inside words ("Russia’s",
/// "non-existent"); inner separators stay inside numbers ("1,000.50").
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    let mut pos = 0usize; // char offset of the char `it` yields next
    while let Some((b, c)) = it.next() {
        let start = pos;
        pos += 1;
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_alphabetic() {
            Kind::Word
        } else if c.is_ascii_digit() {
            Kind::Number
        } else {
            let end_b = b + c.len_utf8();
            out.push(Token {
                text: &text[b..end_b],
                start,
                end: pos,
                kind: Kind::Punct,
            });
            continue;
        };
        let mut end_b = b + c.len_utf8();
        while let Some(&(nb, nc)) = it.peek() {
            let inner = match kind {
                Kind::Word => joins(nc),
                _ => matches!(nc, '.' | ','),
            };
            let cont = match kind {
                Kind::Word => nc.is_alphanumeric(),
                _ => nc.is_ascii_digit() || nc == '%',
            };
            if cont {
                it.next();
                pos += 1;
                end_b = nb + nc.len_utf8();
            } else if inner {
                // Only joins when an alphanumeric follows it.
                let rest = &text[nb + nc.len_utf8()..];
                if rest.chars().next().is_some_and(|x| match kind {
                    Kind::Word => x.is_alphanumeric(),
                    _ => x.is_ascii_digit(),
                }) {
                    it.next();
                    pos += 1;
                    end_b = nb + nc.len_utf8();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // "Mr." and the initial in "Donald J. Trump" keep their period: it is part of the name.
        if kind == Kind::Word
            && it.peek().is_some_and(|&(_, nc)| nc == '.')
            && name_abbreviation(&text[b..end_b])
        {
            it.next();
            pos += 1;
            end_b += 1;
        }
        out.push(Token {
            text: &text[b..end_b],
            start,
            end: pos,
            kind,
        });
    }
    out
}

fn name_abbreviation(w: &str) -> bool {
    let mut cs = w.chars();
    let single_capital = cs.next().is_some_and(char::is_uppercase) && cs.next().is_none();
    single_capital
        || w.chars().next().is_some_and(char::is_uppercase)
            && super::lexicon::is_title_abbreviation(&w.to_lowercase())
}

/// A quotation: the marks included (`outer`) and the quoted words (`inner`, trimmed of spaces
/// and of a trailing comma, period, colon or semicolon).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub outer: Range<usize>,
    pub inner: Range<usize>,
}

/// Finds quotations delimited by straight or curly double quotes, guillemets, corner brackets and
/// curly single quotes. A quotation never spans a paragraph break; unclosed ones are dropped.
pub fn quotes(chars: &[char]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for i in 0..chars.len() {
        let c = chars[i];
        let prev = if i > 0 { chars[i - 1] } else { '\n' };
        let next = chars.get(i + 1).copied().unwrap_or('\n');
        if c == '\n' && next == '\n' {
            open = None;
            continue;
        }
        match open {
            None => {
                let opens = match c {
                    '“' | '«' | '「' | '『' | '„' => true,
                    '"' => !next.is_whitespace(),
                    '‘' => !prev.is_alphanumeric(),
                    _ => false,
                };
                if opens {
                    open = Some((i, c));
                }
            }
            Some((o, oc)) => {
                let closes = match (oc, c) {
                    ('“', '”') | ('„', '“') | ('«', '»') | ('「', '」') | ('『', '』') => {
                        true
                    }
                    ('"', '"') => true,
                    ('‘', '’') => !next.is_alphanumeric(),
                    _ => false,
                };
                if closes {
                    let mut s = o + 1;
                    let mut e = i;
                    while s < e && chars[s].is_whitespace() {
                        s += 1;
                    }
                    while e > s
                        && (chars[e - 1].is_whitespace()
                            || matches!(chars[e - 1], ',' | '.' | ';' | ':'))
                    {
                        e -= 1;
                    }
                    if s < e {
                        out.push(Quote {
                            outer: o..i + 1,
                            inner: s..e,
                        });
                    }
                    open = None;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_char_offsets() {
        let t = "Kim’s “non-existent” 1,000.5 🚀 北朝鮮 tanks.";
        let toks = tokenize(t);
        let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            vec![
                "Kim’s",
                "“",
                "non-existent",
                "”",
                "1,000.5",
                "🚀",
                "北朝鮮",
                "tanks",
                "."
            ]
        );
        let chars: Vec<char> = t.chars().collect();
        for tok in &toks {
            let s: String = chars[tok.start..tok.end].iter().collect();
            assert_eq!(s, tok.text);
        }
    }

    #[test]
    fn finds_curly_and_straight_quotes() {
        let t = "He said “It is false,” and 'no' then \"We deny it.\" Done ‘fine words here’.";
        let chars: Vec<char> = t.chars().collect();
        let qs: Vec<String> = quotes(&chars)
            .iter()
            .map(|q| chars[q.inner.clone()].iter().collect())
            .collect();
        assert_eq!(qs, vec!["It is false", "We deny it", "fine words here"]);
    }
}
