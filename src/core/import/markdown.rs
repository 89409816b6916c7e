//! Markdown to readable text: markup removed, blocks and list items as paragraphs, the first heading
//! as the title, simple front matter (title/author/date/url/lang) as metadata.

use super::text::{join_blocks, one_line};
use crate::core::model::ArticleMeta;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The body and what is known about the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markdown {
    pub meta: ArticleMeta,
    pub body: String,
}

pub fn parse(text: &str) -> Markdown {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut meta = ArticleMeta::default();
    let mut blocks: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut in_front_matter = false;
    let mut first_heading: Option<(usize, HeadingLevel, String)> = None;
    let mut item_depth = 0usize;
    let flush = |cur: &mut String, blocks: &mut Vec<String>| {
        if !cur.trim().is_empty() {
            blocks.push(std::mem::take(cur));
        }
        cur.clear();
    };
    for event in Parser::new_ext(text, opts) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_front_matter = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_front_matter = false,
            Event::Text(t) if in_front_matter => front_matter(&t, &mut meta),
            Event::Start(Tag::Heading { .. }) => flush(&mut cur, &mut blocks),
            Event::End(TagEnd::Heading(level)) => {
                if first_heading.is_none() && !cur.trim().is_empty() {
                    first_heading = Some((blocks.len(), level, one_line(&cur)));
                }
                flush(&mut cur, &mut blocks);
            }
            Event::Start(Tag::Item) => {
                flush(&mut cur, &mut blocks);
                item_depth += 1;
            }
            Event::End(TagEnd::Item) => {
                item_depth = item_depth.saturating_sub(1);
                flush(&mut cur, &mut blocks);
            }
            // Inside a list item the paragraphs of a tight list belong to the item.
            Event::Start(
                Tag::Paragraph
                | Tag::CodeBlock(_)
                | Tag::BlockQuote(_)
                | Tag::TableRow
                | Tag::TableHead,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) if item_depth == 0 || !cur.trim().is_empty() => flush(&mut cur, &mut blocks),
            Event::End(TagEnd::TableCell) => cur.push('\t'),
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            Event::InlineMath(t) | Event::DisplayMath(t) => cur.push_str(&t),
            Event::SoftBreak => cur.push(' '),
            Event::HardBreak => cur.push('\n'),
            Event::FootnoteReference(r) => {
                cur.push('[');
                cur.push_str(&r);
                cur.push(']');
            }
            Event::TaskListMarker(done) => cur.push_str(if done { "[x] " } else { "[ ] " }),
            // Raw HTML and images carry no readable article text; rules separate nothing we keep.
            _ => {}
        }
    }
    flush(&mut cur, &mut blocks);
    // The first heading is the headline: it becomes the title and, when it opens the document,
    // leaves the body (as a headline does in every other format).
    if let Some((idx, _, title)) = first_heading {
        if meta.title.is_empty() {
            meta.title = title;
        }
        if idx == 0 && blocks.len() > 1 {
            blocks.remove(0);
        }
    }
    Markdown {
        meta,
        body: join_blocks(
            blocks
                .into_iter()
                .map(|b| b.trim_end_matches('\t').replace("\t\n", "\n")),
        ),
    }
}

/// Reads `key: value` lines of YAML front matter; anything more complex is ignored.
fn front_matter(text: &str, meta: &mut ArticleMeta) {
    for line in text.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim().to_string();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => meta.title = value,
            "author" | "byline" => meta.byline = value,
            "date" | "published" => meta.published = value,
            "url" | "link" | "canonical_url" => meta.url = value,
            "lang" | "language" => meta.lang = value,
            "source" | "site" | "site_name" | "publisher" => meta.source = value,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_removed_and_blocks_kept() {
        let md = "# Big “news” headline\n\nSome **bold** and _em_ text with a [link](https://x.org) and `code`.\n\n- first item\n- second *item*\n\n> quoted\n> words\n\n## Sub head\n\nEnd. 日本 🎉\n";
        let m = parse(md);
        assert_eq!(m.meta.title, "Big “news” headline");
        assert_eq!(
            m.body,
            "Some bold and em text with a link and code.\n\nfirst item\n\nsecond item\n\nquoted words\n\nSub head\n\nEnd. 日本 🎉"
        );
        for junk in ["**", "](", "# ", "`"] {
            assert!(!m.body.contains(junk), "{junk}");
        }
    }

    #[test]
    fn front_matter_and_setext() {
        let md = "---\ntitle: \"From front matter\"\nauthor: Ana Pérez\ndate: 2024-02-01\n---\n\nTitle line\n==========\n\nBody para.\n";
        let m = parse(md);
        assert_eq!(m.meta.title, "From front matter");
        assert_eq!(m.meta.byline, "Ana Pérez");
        assert_eq!(m.meta.published, "2024-02-01");
        assert_eq!(m.body, "Body para.");
    }
}
