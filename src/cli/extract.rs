//! `extract`: shows a file as it would be imported, without a project.

use super::{CliResult, print_json};
use crate::core::import;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// A text, Markdown or HTML file.
    pub file: PathBuf,
    /// Print {title, byline, published, source, url, lang, text} as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The public JSON shape of `extract --json`; unknown values are empty strings.
#[derive(Debug, Serialize)]
struct Extracted<'a> {
    title: &'a str,
    byline: &'a str,
    published: &'a str,
    source: &'a str,
    url: &'a str,
    lang: &'a str,
    text: &'a str,
}

pub fn extract(args: ExtractArgs) -> CliResult {
    let imported = import::read_path(&args.file)?;
    for w in &imported.warnings {
        eprintln!("factdesk: warning: {}: {w}", args.file.display());
    }
    let m = &imported.meta;
    if args.json {
        return print_json(&Extracted {
            title: &m.title,
            byline: &m.byline,
            published: &m.published,
            source: &m.source,
            url: &m.url,
            lang: &m.lang,
            text: &imported.body,
        });
    }
    outln!("{}", m.title);
    let fields = [
        ("byline", &m.byline),
        ("published", &m.published),
        ("source", &m.source),
        ("section", &m.section),
        ("dateline", &m.dateline),
        ("url", &m.url),
        ("lang", &m.lang),
    ];
    for (key, value) in fields {
        if !value.is_empty() {
            outln!("{key}: {value}");
        }
    }
    outln!(
        "format: {}, encoding: {}",
        imported.format.name(),
        imported.encoding
    );
    outln!();
    outln!("{}", imported.body);
    Ok(())
}
