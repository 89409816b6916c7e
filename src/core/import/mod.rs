//! Turning files and pasted text into articles: decoding, format sniffing and extraction of a clean
//! body plus metadata. Formats: plain text (any common encoding), wire copy, Markdown, saved HTML.

pub mod dates;
pub mod decode;
pub mod html;
pub mod markdown;
pub mod nesting;
pub mod newswire;
pub mod sniff;
pub mod text;
pub mod title;

use crate::core::model::{Article, ArticleMeta};
pub use sniff::Format;
use std::path::Path;

/// Files larger than this are refused before reading.
pub const MAX_IMPORT_BYTES: u64 = 50 * 1024 * 1024;

/// What an import produced, before it becomes an article: the GUI can show or edit it first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// Title, byline, published, source, url, lang, section, dateline; `imported_from` is the name
    /// given to the importer.
    pub meta: ArticleMeta,
    /// The clean body: paragraphs separated by a blank line, `\n` line endings.
    pub body: String,
    pub format: Format,
    /// The encoding the bytes were read as (WHATWG name, e.g. "UTF-8", "windows-1252").
    pub encoding: &'static str,
    /// Things the user should know (lossy decoding, suspiciously short extraction).
    pub warnings: Vec<String>,
}

impl Imported {
    /// A new article (fresh id, content hash) from this import.
    pub fn into_article(self) -> Article {
        Article::new(self.meta, &self.body)
    }
}

/// Why a file could not be imported. Always names the file (or "pasted text").
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Refused { path: String, reason: String },
}

impl ImportError {
    fn refused(name: &str, reason: impl Into<String>) -> Self {
        ImportError::Refused {
            path: name.to_string(),
            reason: reason.into(),
        }
    }
}

/// Reads and extracts a file without making an article: for `extract`, previews and drops.
pub fn read_path(path: &Path) -> Result<Imported, ImportError> {
    use crate::core::store::{ReadError, read_limited};
    let name = path.display().to_string();
    // Only regular files, never more than the limit: a link to /dev/zero or a FIFO is refused.
    let bytes = read_limited(path, MAX_IMPORT_BYTES).map_err(|e| match e {
        ReadError::Io { source, .. } => ImportError::Io {
            path: name.clone(),
            source,
        },
        ReadError::NotAFile { kind, .. } => {
            ImportError::refused(&name, format!("is {kind}, not a regular file"))
        }
        ReadError::TooLarge { .. } => ImportError::refused(
            &name,
            format!(
                "is over the {} MB import limit",
                MAX_IMPORT_BYTES / 1024 / 1024
            ),
        ),
    })?;
    import_bytes_named(&name, &bytes)
}

/// Reads a file and turns it into an article (new id), remembering where it came from.
pub fn import_path(path: &Path) -> Result<Article, ImportError> {
    read_path(path).map(Imported::into_article)
}

fn too_big(len: u64) -> String {
    format!(
        "{len} bytes is over the {} MB import limit",
        MAX_IMPORT_BYTES / 1024 / 1024
    )
}

/// Imports raw bytes. `name` is the file name or path: it names the source in errors and in
/// `imported_from`, and its extension breaks ties when the content does not decide the format.
pub fn import_bytes_named(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    import_bytes_with_charset(name, bytes, None)
}

/// [`import_bytes_named`] for a page fetched from the web: `charset` is the one the server named
/// in its `Content-Type` header (see [`decode::decode_with_charset`]).
pub fn import_bytes_with_charset(
    name: &str,
    bytes: &[u8],
    charset: Option<&'static encoding_rs::Encoding>,
) -> Result<Imported, ImportError> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::refused(name, too_big(bytes.len() as u64)));
    }
    let decoded =
        decode::decode_with_charset(bytes, charset).map_err(|r| ImportError::refused(name, r))?;
    let mut warnings = Vec::new();
    if decoded.lossy {
        warnings.push(format!(
            "some bytes are not valid {} and were replaced by \u{FFFD}",
            decoded.encoding
        ));
    }
    let mut imported =
        import_decoded(name, &decoded.text).map_err(|r| ImportError::refused(name, r))?;
    imported.encoding = decoded.encoding;
    imported.meta.imported_from = name.to_string();
    warnings.append(&mut imported.warnings);
    imported.warnings = warnings;
    Ok(imported)
}

/// Imports pasted text (from the clipboard): sniffed like a file, title from the first line when
/// nothing better is found.
pub fn import_pasted(text: &str) -> Result<Imported, ImportError> {
    let name = "pasted text";
    if text.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::refused(name, too_big(text.len() as u64)));
    }
    let mut imported = import_decoded("", text).map_err(|r| ImportError::refused(name, r))?;
    imported.meta.imported_from = "clipboard".to_string();
    Ok(imported)
}

/// Sniffs and extracts decoded text; the error is a reason for a person.
fn import_decoded(name: &str, raw: &str) -> Result<Imported, String> {
    let format = sniff::sniff(name, raw);
    let (mut meta, body, warnings) = match format {
        Format::Html => {
            let page = html::parse(raw)?;
            (page.meta, page.body, page.warnings)
        }
        Format::Markdown => {
            let md = markdown::parse(&text::normalize(raw));
            (md.meta, md.body, Vec::new())
        }
        Format::Text => {
            let clean = text::normalize(raw);
            let (meta, body) = match newswire::parse(&clean) {
                Some(w) => (w.meta, w.body),
                None => (ArticleMeta::default(), clean),
            };
            (meta, text::unwrap_hard_wrapped(&body), Vec::new())
        }
    };
    let body = text::normalize(&body);
    if body.is_empty() {
        return Err("is empty".to_string());
    }
    if meta.title.trim().is_empty() {
        meta.title = text::first_line_title(&body);
    }
    // One stored form whatever the page or header printed; the GUI shows it in the reader's locale.
    meta.published = dates::normalize_published(&meta.published);
    Ok(Imported {
        meta,
        body,
        format,
        encoding: "UTF-8",
        warnings,
    })
}

/// Turns raw bytes into an article; the error is a reason for a person.
pub fn import_bytes(bytes: &[u8]) -> Result<Article, String> {
    import_bytes_named("", bytes)
        .map(Imported::into_article)
        .map_err(|e| match e {
            ImportError::Refused { reason, .. } => reason,
            other => other.to_string(),
        })
}

/// Turns pasted or decoded text into an article; the title is the first non-empty line unless the
/// text carries a better one (wire header, Markdown heading, HTML title).
pub fn import_text(text: &str) -> Result<Article, String> {
    import_pasted(text)
        .map(Imported::into_article)
        .map_err(|e| match e {
            ImportError::Refused { reason, .. } => reason,
            other => other.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_becomes_an_article() {
        let a = import_bytes("\u{feff}Headline here\r\n\r\nBody “text”.".as_bytes()).expect("ok");
        assert_eq!(a.meta.title, "Headline here");
        assert_eq!(a.body, "Headline here\n\nBody “text”.");
        assert!(import_bytes(b"\x00\x01binary").is_err());
        assert!(import_bytes(b"   \n ").is_err());
    }

    #[test]
    fn import_path_names_the_file() {
        let err = import_path(Path::new("/nonexistent/x.txt")).expect_err("missing");
        assert!(
            err.to_string()
                .starts_with("/nonexistent/x.txt: cannot read")
        );
    }

    #[test]
    fn named_bytes_sniff_content_not_extension() {
        let page = b"<!doctype html><html lang=en><head><title>T</title></head><body><article><p>Hello world, this is a page with text in it, words words.</p></article></body></html>";
        let i = import_bytes_named("notes.txt", page).expect("html");
        assert_eq!(i.format, Format::Html);
        assert_eq!(i.meta.imported_from, "notes.txt");
        assert!(i.body.contains("Hello world"));
        assert!(!i.body.contains('<'));
        let err = import_bytes_named("photo.md", b"\x89PNG\r\n\x1a\n\0\0\0").expect_err("png");
        assert_eq!(
            err.to_string(),
            "photo.md: looks like a PNG image, not text"
        );
    }

    #[test]
    fn pasted_text_takes_its_first_line_as_title() {
        let i = import_pasted("  Breaking: “Ça va” 🎉\n\nSecond para.").expect("paste");
        assert_eq!(i.meta.title, "Breaking: “Ça va” 🎉");
        assert_eq!(i.body, "Breaking: “Ça va” 🎉\n\nSecond para.");
        assert_eq!(i.meta.imported_from, "clipboard");
        let err = import_pasted(" \n ").expect_err("empty");
        assert_eq!(err.to_string(), "pasted text: is empty");
    }
}
