//! Caps how deeply a saved page's elements nest, in one linear pass over the source, before the
//! page is parsed: tags deeper than the cap are dropped and their text kept.
//!
//! Why: both third-party passes HTML import relies on cost time proportional to nesting depth per
//! element, so a page of N nested elements costs O(N²):
//! - html5ever's tree builder walks the whole stack of open elements for every block start tag
//!   (`TreeBuilder::close_p_element_in_button_scope` → `in_scope_named`; `<div>`, `<ul>`, `<li>`
//!   … nested without a scope boundary such as `<table>` in between);
//! - dom_smoothie's readability pass walks each candidate's whole subtree
//!   (`prep_article::clean_conditionally` through `Selection::select_single_matcher` and
//!   `NodeRef::text`) and each node's ancestors (`helpers::has_ancestor`,
//!   `helpers::is_element_without_content` in `grab::collect_elements_to_score`).
//!
//! Browsers cap parser depth too (Blink and WebKit at 512). The pass follows the HTML tree
//! construction rules that close elements implicitly (`<p>`, `<li>`, table cells…) closely
//! enough that ordinary pages are left alone: a page within the cap is returned as is,
//! borrowed. Where a dropped tag was a block, a `<p>` (in a list, an `<li>`) before the next
//! text keeps its text a paragraph apart; each closes the previous one, so these never nest.

use std::borrow::Cow;
use std::collections::HashMap;

/// The deepest nesting of elements kept. Real article pages stay far below it (the deepest page
/// of the test corpus nests 34 elements); every parser pass then costs at most this much per
/// element.
pub const MAX_DEPTH: usize = 128;

/// A page source with its nesting capped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capped<'a> {
    /// The source, borrowed when nothing had to be dropped.
    pub html: Cow<'a, str>,
    /// Start and end tags removed.
    pub dropped: usize,
    /// The deepest nesting of the kept elements, as modelled by the pass.
    pub depth: usize,
}

/// Drops the tags of elements nested deeper than `max_depth`, keeping all text, comments,
/// scripts and styles verbatim. Linear in the length of `html` (times `max_depth` at worst).
pub fn cap_nesting(html: &str, max_depth: usize) -> Capped<'_> {
    let b = html.as_bytes();
    let mut st = Model::new(html, max_depth.max(1));
    let mut i = 0;
    while i < b.len() {
        let Some(rel) = b[i..].iter().position(|&c| c == b'<') else {
            st.text(i, b.len());
            break;
        };
        let lt = i + rel;
        st.text(i, lt);
        let next = b.get(lt + 1).copied().unwrap_or(0);
        i = match next {
            b'!' if b[lt..].starts_with(b"<!--") => comment_end(b, lt),
            b'!' | b'?' => bogus_end(b, lt + 1),
            b'/' => match b.get(lt + 2).copied().unwrap_or(0) {
                c if c.is_ascii_alphabetic() => {
                    let (name_end, name) = tag_name(b, lt + 2);
                    match tag_end(b, name_end) {
                        Some((end, _)) => {
                            st.end_tag(&name, lt, end);
                            end
                        }
                        None => b.len(),
                    }
                }
                b'>' => lt + 3,
                0 => b.len(),
                _ => bogus_end(b, lt + 2),
            },
            c if c.is_ascii_alphabetic() => {
                let (name_end, name) = tag_name(b, lt + 1);
                match tag_end(b, name_end) {
                    Some((end, self_closing)) => {
                        if name == "plaintext" {
                            // Everything after it is text: keep it as it is.
                            break;
                        }
                        if let Some(close) = raw_text_end(b, end, &name) {
                            // Script, style and the like: content is not markup.
                            st.clear_break();
                            close
                        } else {
                            st.start_tag(&name, self_closing, lt, end);
                            end
                        }
                    }
                    None => b.len(),
                }
            }
            _ => {
                st.text(lt, lt + 1);
                lt + 1
            }
        };
    }
    st.finish()
}

/// What the tree builder would have open, as far as depth goes, and the output being built.
struct Model<'a> {
    src: &'a str,
    max: usize,
    /// Open kept elements (lower-case names); implied ones (`tbody`, `tr`) included.
    stack: Vec<String>,
    /// Open SVG/MathML roots on the stack: inside them `<x/>` closes itself.
    foreign: usize,
    /// Dropped elements still open, by name: their end tags are dropped too.
    dropped_open: HashMap<String, usize>,
    /// The output, created at the first change; `src[last..]` is not yet in it.
    out: Option<String>,
    last: usize,
    /// A dropped block tag still owes the text after it a paragraph break.
    pending_para: bool,
    dropped: usize,
    depth: usize,
}

impl<'a> Model<'a> {
    fn new(src: &'a str, max: usize) -> Self {
        Model {
            src,
            max,
            stack: Vec::new(),
            foreign: 0,
            dropped_open: HashMap::new(),
            out: None,
            last: 0,
            pending_para: false,
            dropped: 0,
            depth: 0,
        }
    }

    fn out(&mut self, upto: usize) -> &mut String {
        let (src, last) = (self.src, self.last);
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(src.len()));
        out.push_str(&src[last..upto]);
        self.last = upto;
        out
    }

    /// Removes `src[from..to]` (a tag) from the output.
    fn drop_tag(&mut self, name: &str, from: usize, to: usize) {
        self.out(from);
        self.last = to;
        self.dropped += 1;
        if is_block(name) {
            self.pending_para = true;
        }
    }

    fn clear_break(&mut self) {
        self.pending_para = false;
    }

    fn text(&mut self, from: usize, to: usize) {
        if !self.pending_para || from >= to {
            return;
        }
        let Some(first) = self.src.as_bytes()[from..to]
            .iter()
            .position(|c| !c.is_ascii_whitespace())
        else {
            return;
        };
        self.pending_para = false;
        // In a list a new item, elsewhere a new paragraph: what the readability pass expects
        // there. Either closes the previous one (an open `<li>` or `<p>` in scope), so at most
        // one level is added past the cap.
        let in_list = self
            .stack
            .last()
            .is_some_and(|t| matches!(t.as_str(), "ul" | "ol" | "li"));
        let (tag, name) = if in_list {
            ("<li>", "li")
        } else {
            ("<p>", "p")
        };
        self.out(from + first).push_str(tag);
        self.implicit_closes(name);
        self.stack.push(name.to_string());
        self.depth = self.depth.max(self.stack.len());
    }

    fn start_tag(&mut self, name: &str, self_closing: bool, from: usize, to: usize) {
        if matches!(name, "html" | "head" | "body" | "frameset") || is_void(name) {
            return;
        }
        if self_closing && self.foreign > 0 {
            return;
        }
        let table_part = matches!(
            name,
            "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr"
        );
        if table_part && self.foreign == 0 && self.find(|n| n == "table", |n| n == "html").is_none()
        {
            // Outside a table the parser ignores these tags: they neither open nor close anything.
            return;
        }
        if self.foreign == 0 {
            // In SVG or MathML, elements nest without the HTML rules' implicit closes.
            self.implicit_closes(name);
        }
        let implied = self.implied(name);
        if self.stack.len() + implied.len() >= self.max {
            *self.dropped_open.entry(name.to_string()).or_insert(0) += 1;
            self.drop_tag(name, from, to);
            return;
        }
        if is_block(name) {
            self.pending_para = false;
        }
        self.stack.extend(implied.iter().map(|s| s.to_string()));
        if matches!(name, "svg" | "math") {
            self.foreign += 1;
        }
        self.stack.push(name.to_string());
        self.depth = self.depth.max(self.stack.len());
    }

    fn end_tag(&mut self, name: &str, from: usize, to: usize) {
        if let Some(n) = self.dropped_open.get_mut(name)
            && *n > 0
        {
            *n -= 1;
            self.drop_tag(name, from, to);
            return;
        }
        if is_block(name) {
            self.pending_para = false;
        }
        let found = if name == "p" {
            self.find(|n| n == "p", is_button_scope_boundary)
        } else if is_special(name) {
            self.find(|n| n == name, is_scope_boundary)
        } else {
            // "Any other end tag": the nearest such element, unless a special one is closer.
            self.find(|n| n == name, is_special)
        };
        if let Some(k) = found {
            self.truncate(k);
        }
    }

    /// Index of the nearest open element matching `hit` before one matching `stop`.
    fn find(&self, hit: impl Fn(&str) -> bool, stop: impl Fn(&str) -> bool) -> Option<usize> {
        for (k, n) in self.stack.iter().enumerate().rev() {
            if hit(n) {
                return Some(k);
            }
            if stop(n) {
                return None;
            }
        }
        None
    }

    /// Pops the element at `k` and everything above it.
    fn truncate(&mut self, k: usize) {
        let gone = self.stack[k..]
            .iter()
            .filter(|n| matches!(n.as_str(), "svg" | "math"))
            .count();
        self.foreign -= gone.min(self.foreign);
        self.stack.truncate(k);
    }

    /// Elements a start tag closes before it opens (the tree construction rules that matter for
    /// depth: paragraphs, list items, headings, table parts, options, links, buttons).
    fn implicit_closes(&mut self, name: &str) {
        let top = self.stack.last().map(String::as_str);
        let in_table = |n: &str| matches!(n, "table" | "html" | "template");
        let found = match name {
            "li" => self.find(|n| n == "li", |n| is_special(n) && !is_adp(n)),
            "dd" | "dt" => self.find(|n| n == "dd" || n == "dt", |n| is_special(n) && !is_adp(n)),
            "td" | "th" => self.find(|n| n == "td" || n == "th", in_table),
            "tr" => self.find(|n| n == "tr", in_table),
            "tbody" | "thead" | "tfoot" => {
                self.find(|n| matches!(n, "tbody" | "thead" | "tfoot"), in_table)
            }
            "table"
                if top
                    .is_some_and(|t| matches!(t, "table" | "tbody" | "thead" | "tfoot" | "tr")) =>
            {
                self.find(|n| n == "table", |n| n == "html")
            }
            "option" | "optgroup" if top == Some("option") => Some(self.stack.len() - 1),
            "a" => self.find(|n| n == "a", is_special),
            "button" => self.find(|n| n == "button", is_scope_boundary),
            _ => None,
        };
        if let Some(k) = found {
            self.truncate(k);
        }
        if name.len() == 2
            && name.starts_with('h')
            && is_heading(name)
            && self.stack.last().is_some_and(|t| is_heading(t))
        {
            self.stack.pop();
        }
        if closes_p(name)
            && let Some(k) = self.find(|n| n == "p", is_button_scope_boundary)
        {
            self.truncate(k);
        }
    }

    /// Elements the tree builder inserts without a tag: a row around a bare cell, a body around a
    /// bare row.
    fn implied(&self, name: &str) -> &'static [&'static str] {
        let in_table = |n: &str| matches!(n, "table" | "html" | "template");
        let has = |want: &[&str]| self.find(|n| want.contains(&n), in_table).is_some();
        let table_open = self.find(|n| n == "table", |n| n == "html").is_some();
        match name {
            "td" | "th" if table_open && !has(&["tr"]) => {
                if has(&["tbody", "thead", "tfoot"]) {
                    &["tr"]
                } else {
                    &["tbody", "tr"]
                }
            }
            "tr" if table_open && !has(&["tbody", "thead", "tfoot"]) => &["tbody"],
            _ => &[],
        }
    }

    fn finish(mut self) -> Capped<'a> {
        let (dropped, depth) = (self.dropped, self.depth);
        let html = match self.out.take() {
            Some(mut out) => {
                out.push_str(&self.src[self.last..]);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(self.src),
        };
        Capped {
            html,
            dropped,
            depth,
        }
    }
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// The lower-cased tag name starting at `from`, and where it ends.
fn tag_name(b: &[u8], from: usize) -> (usize, String) {
    let end = b[from..]
        .iter()
        .position(|&c| is_ws(c) || c == b'/' || c == b'>')
        .map_or(b.len(), |p| from + p);
    (
        end,
        String::from_utf8_lossy(&b[from..end]).to_ascii_lowercase(),
    )
}

/// Where a tag whose name ends at `from` ends (just past its `>`), and whether it closes itself;
/// `None` when the file ends inside it (the tokenizer drops such a tag). Attribute values in
/// quotes may contain `>`.
fn tag_end(b: &[u8], mut j: usize) -> Option<(usize, bool)> {
    let skip_ws = |j: &mut usize| {
        while *j < b.len() && is_ws(b[*j]) {
            *j += 1;
        }
    };
    loop {
        skip_ws(&mut j);
        match *b.get(j)? {
            b'>' => return Some((j + 1, false)),
            b'/' => {
                j += 1;
                if b.get(j) == Some(&b'>') {
                    return Some((j + 1, true));
                }
            }
            _ => {
                // An attribute name (its first char may be anything, even '='), then a value.
                j += 1;
                while j < b.len() && !matches!(b[j], b'/' | b'>' | b'=') && !is_ws(b[j]) {
                    j += 1;
                }
                skip_ws(&mut j);
                if b.get(j) == Some(&b'=') {
                    j += 1;
                    skip_ws(&mut j);
                    match *b.get(j)? {
                        q @ (b'"' | b'\'') => {
                            j += 1 + b[j + 1..].iter().position(|&c| c == q)? + 1;
                        }
                        b'>' => {}
                        _ => {
                            while j < b.len() && b[j] != b'>' && !is_ws(b[j]) {
                                j += 1;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Just past the comment opening at `lt` (`<!--`), or the end of the file. A comment ends at
/// `-->` or `--!>`; `<!-->` and `<!--->` are whole (empty) comments.
fn comment_end(b: &[u8], lt: usize) -> usize {
    let body = lt + 4;
    if b[body..].starts_with(b">") {
        return body + 1;
    }
    if b[body..].starts_with(b"->") {
        return body + 2;
    }
    let mut j = body;
    while let Some(p) = b[j..].windows(2).position(|w| w == b"--") {
        let at = j + p + 2;
        match b.get(at) {
            Some(b'>') => return at + 1,
            Some(b'!') if b.get(at + 1) == Some(&b'>') => return at + 2,
            _ => j = at - 1,
        }
    }
    b.len()
}

/// Just past the `>` closing a bogus comment (`<!DOCTYPE …>`, `<?…>`, `</3…>`).
fn bogus_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c == b'>')
        .map_or(b.len(), |p| from + p + 1)
}

/// For an element whose content is not markup, where its content ends (at its end tag, which is
/// kept too), or the end of the file. `None` for other elements.
fn raw_text_end(b: &[u8], from: usize, name: &str) -> Option<usize> {
    if !matches!(
        name,
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "textarea" | "title"
    ) {
        return None;
    }
    let n = name.len();
    let mut j = from;
    while let Some(p) = b[j..].windows(2).position(|w| w == b"</") {
        let at = j + p;
        let after = at + 2 + n;
        if b.len() >= after
            && b[at + 2..after].eq_ignore_ascii_case(name.as_bytes())
            && b.get(after)
                .is_none_or(|&c| is_ws(c) || c == b'/' || c == b'>')
        {
            return Some(tag_end(b, after).map_or(b.len(), |(end, _)| end));
        }
        j = at + 2;
    }
    Some(b.len())
}

fn is_void(n: &str) -> bool {
    matches!(
        n,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "image"
    )
}

fn is_heading(n: &str) -> bool {
    matches!(n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_adp(n: &str) -> bool {
    matches!(n, "address" | "div" | "p")
}

/// Start tags that close an open `<p>` (in button scope).
fn closes_p(n: &str) -> bool {
    is_heading(n)
        || matches!(
            n,
            "address"
                | "article"
                | "aside"
                | "blockquote"
                | "center"
                | "details"
                | "dialog"
                | "dir"
                | "div"
                | "dl"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "header"
                | "hgroup"
                | "main"
                | "menu"
                | "nav"
                | "ol"
                | "p"
                | "search"
                | "section"
                | "summary"
                | "ul"
                | "pre"
                | "listing"
                | "form"
                | "li"
                | "dd"
                | "dt"
        )
}

/// Block elements: a dropped one leaves a line break behind.
fn is_block(n: &str) -> bool {
    closes_p(n)
        || matches!(
            n,
            "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "caption" | "body"
        )
}

/// Elements that bound "has an element in scope".
fn is_scope_boundary(n: &str) -> bool {
    matches!(
        n,
        "applet"
            | "caption"
            | "html"
            | "table"
            | "td"
            | "th"
            | "marquee"
            | "object"
            | "template"
            | "mi"
            | "mo"
            | "mn"
            | "ms"
            | "mtext"
            | "annotation-xml"
            | "foreignobject"
            | "desc"
            | "title"
    )
}

fn is_button_scope_boundary(n: &str) -> bool {
    n == "button" || is_scope_boundary(n)
}

/// The HTML standard's "special" category.
fn is_special(n: &str) -> bool {
    is_void(n)
        || is_scope_boundary(n)
        || closes_p(n)
        || matches!(
            n,
            "body"
                | "button"
                | "colgroup"
                | "frameset"
                | "head"
                | "iframe"
                | "noembed"
                | "noframes"
                | "noscript"
                | "plaintext"
                | "script"
                | "select"
                | "style"
                | "tbody"
                | "textarea"
                | "tfoot"
                | "thead"
                | "tr"
                | "xmp"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_borrowed_unchanged() {
        let page = "<!doctype html><html><body><div><p>a<p>b<ul><li>x<li>y</ul>\
                    <table><tr><td>1<td>2<tr><td>3</table><script>if (a<b) x='</div>';</script></div>";
        let c = cap_nesting(page, 8);
        assert!(matches!(c.html, Cow::Borrowed(_)), "{c:?}");
        assert_eq!(c.dropped, 0);
        assert!(c.depth <= 6, "{}", c.depth);
    }

    #[test]
    fn deep_tags_are_dropped_and_text_kept() {
        let page = format!("{}deep{}", "<div>".repeat(10), "</div>".repeat(10));
        let c = cap_nesting(&page, 4);
        assert_eq!(c.depth, 5);
        assert_eq!(c.dropped, 12);
        assert_eq!(
            c.html,
            "<div><div><div><div><p>deep</div></div></div></div>"
        );
    }

    #[test]
    fn unclosed_paragraphs_items_and_cells_do_not_count_as_nesting() {
        let page = "<p>a".repeat(50) + &"<ul><li>x<li>y</ul>".repeat(50) + &"<li>i".repeat(50);
        let c = cap_nesting(&page, 4);
        assert_eq!(c.dropped, 0, "{c:?}");
        let table = format!("<table>{}</table>", "<tr><td>a<td>b".repeat(50));
        let c = cap_nesting(&table, 5);
        assert_eq!((c.dropped, c.depth), (0, 4), "{c:?}");
    }

    #[test]
    fn quoted_attributes_comments_and_scripts_are_not_markup() {
        let page =
            "<div title='a>b'><!-- <div> --><script><div><div></script><style><div></style>t</div>";
        let c = cap_nesting(page, 1);
        assert_eq!((c.dropped, c.depth), (0, 1), "{c:?}");
        let page = "<div><div title=\"x>y\">t</div></div>";
        assert_eq!(cap_nesting(page, 1).html, "<div><p>t</div>");
    }

    #[test]
    fn table_tags_outside_a_table_close_nothing() {
        // The parser ignores `<tr>` outside a table, so it must not end the nesting around it.
        let page = "<x><tr><y>".repeat(100);
        let c = cap_nesting(&page, 16);
        assert_eq!(c.depth, 16, "{c:?}");
        assert!(c.dropped > 0);
    }

    #[test]
    fn truncated_pages_do_not_panic() {
        for page in [
            "<div",
            "<div a='",
            "</",
            "<!--",
            "<script>x",
            "<",
            "<div a=",
            "</div",
        ] {
            let _ = cap_nesting(page, 1);
        }
    }
}
