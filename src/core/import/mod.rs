//! Turning files into articles: reading, decoding and extracting a clean body plus metadata.

use crate::core::model::{Article, ArticleMeta};
use std::path::Path;

/// Files larger than this are refused before reading.
pub const MAX_IMPORT_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file could not be imported. Always names the file.
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
    fn refused(path: &Path, reason: impl Into<String>) -> Self {
        ImportError::Refused {
            path: path.display().to_string(),
            reason: reason.into(),
        }
    }
}

/// Reads a file and turns it into an article (new id), remembering where it came from.
pub fn import_path(path: &Path) -> Result<Article, ImportError> {
    let io = |source| ImportError::Io {
        path: path.display().to_string(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(ImportError::refused(path, "is a folder, not a file"));
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::refused(
            path,
            format!(
                "{} bytes is over the {} MB import limit",
                meta.len(),
                MAX_IMPORT_BYTES / 1024 / 1024
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let mut article = import_bytes(&bytes).map_err(|reason| ImportError::refused(path, reason))?;
    article.meta.imported_from = path.display().to_string();
    Ok(article)
}

/// Turns raw bytes into an article; the error is a reason for a person.
pub fn import_bytes(bytes: &[u8]) -> Result<Article, String> {
    if bytes.contains(&0) {
        return Err("looks like a binary file, not text".to_string());
    }
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|_| "is not UTF-8 text".to_string())?;
    import_text(text)
}

/// Turns pasted or decoded text into an article; the title is the first non-empty line.
pub fn import_text(text: &str) -> Result<Article, String> {
    let body = crate::core::model::normalize_newlines(text);
    let body = body.trim();
    if body.is_empty() {
        return Err("is empty".to_string());
    }
    let title = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    let meta = ArticleMeta {
        title: title.chars().take(200).collect(),
        ..ArticleMeta::default()
    };
    Ok(Article::new(meta, body))
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
}
