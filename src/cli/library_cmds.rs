//! `library`: index folders of projects and ClaimReview feeds, search them, list speakers.

use super::{CliError, CliResult, print_json};
use crate::core::library::{self, Library, SearchFilters};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct LibraryArgs {
    /// The index folder (default: $FACTDESK_LIBRARY, else `factdesk/library` in the user's data
    /// folder, e.g. ~/.local/share/factdesk/library).
    #[arg(long, global = true, value_name = "DIR")]
    pub index: Option<PathBuf>,
    #[command(subcommand)]
    pub command: LibraryCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum LibraryCommand {
    /// Index every project (*.ron) under the folders and the ClaimReview feeds; only changed
    /// files are read again. The index then covers exactly these folders and feeds.
    Index(IndexArgs),
    /// Search the library: stemmed words, "a phrase", -excluded; best first.
    Search(SearchArgs),
    /// Speakers across the library with their claims per status and verdict.
    Speakers(SpeakersArgs),
}

#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Folders of project files (searched recursively; hidden folders such as .git skipped).
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// A ClaimReview feed: JSON-LD (one review, an array, an @graph, a DataFeed) or JSONL.
    #[arg(long = "claimreview", value_name = "FILE")]
    pub claimreview: Vec<PathBuf>,
    /// Throw the index away and read every file again.
    #[arg(long)]
    pub rebuild: bool,
}

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// What to look for.
    pub text: String,
    /// One JSON array of {score, quote, status, verdict, speaker, project, article, claim, date,
    /// publisher, url, group}.
    #[arg(long)]
    pub json: bool,
    /// Only claims by this speaker (its words, any case: "Obama" finds "Barack Obama").
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// At most N results.
    #[arg(long, value_name = "N", default_value_t = library::DEFAULT_LIMIT)]
    pub limit: usize,
}

#[derive(Debug, clap::Args)]
pub struct SpeakersArgs {
    /// One JSON array of {speaker, claims, by_status, by_verdict}.
    #[arg(long)]
    pub json: bool,
}

fn index_dir(flag: Option<PathBuf>) -> Result<PathBuf, CliError> {
    flag.or_else(library::default_index_dir).ok_or_else(|| {
        CliError(format!(
            "no folder for the library index: give --index DIR or set ${}",
            library::LIBRARY_ENV
        ))
    })
}

/// Opens an index that must exist; one set aside (another version) is rebuilt from its sources
/// first, saying so on stderr.
fn open_existing(dir: &Path) -> Result<Library, CliError> {
    if !Library::exists(dir) {
        return Err(CliError(format!(
            "{}: no library index here; build one with `factdesk library index DIR…`",
            dir.display()
        )));
    }
    let mut lib = Library::open(dir)?;
    if let Some(reason) = lib.rebuild_reason().map(str::to_string) {
        eprintln!(
            "factdesk: {}: {reason}; rebuilding from the files",
            dir.display()
        );
        let report = lib.refresh()?;
        for p in &report.problems {
            eprintln!("factdesk: skipped {}", p.message);
        }
    }
    Ok(lib)
}

pub fn library(args: LibraryArgs) -> CliResult {
    let dir = index_dir(args.index)?;
    match args.command {
        LibraryCommand::Index(a) => index(&dir, a),
        LibraryCommand::Search(a) => search(&dir, a),
        LibraryCommand::Speakers(a) => speakers(&dir, a),
    }
}

fn index(dir: &Path, args: IndexArgs) -> CliResult {
    if args.dirs.is_empty() && args.claimreview.is_empty() {
        return Err(CliError(
            "nothing to index: give project folders and/or --claimreview FILE".into(),
        ));
    }
    for d in &args.dirs {
        if !d.is_dir() {
            return Err(CliError(format!("{}: not a folder", d.display())));
        }
    }
    let mut lib = Library::open(dir)?;
    let report = if args.rebuild {
        lib.set_sources(&args.dirs, &args.claimreview);
        lib.rebuild()?
    } else {
        lib.index(&args.dirs, &args.claimreview)?
    };
    // Problems are reported, never fatal: the rest of the library is indexed.
    for p in &report.problems {
        eprintln!("factdesk: skipped {}", p.message);
    }
    if let Some(reason) = &report.rebuilt {
        outln!("rebuilt: {reason}");
    }
    outln!(
        "{} records; {} files read, {} unchanged, {} removed, {} problems; index in {}",
        report.records,
        report.indexed,
        report.unchanged,
        report.removed,
        report.problems.len(),
        dir.display()
    );
    Ok(())
}

fn search(dir: &Path, args: SearchArgs) -> CliResult {
    let lib = open_existing(dir)?;
    let hits = lib.search(
        &args.text,
        &SearchFilters {
            speaker: args.speaker,
            limit: Some(args.limit),
        },
    )?;
    if args.json {
        return print_json(&hits);
    }
    for h in &hits {
        let what = h.verdict.as_deref().or(h.status.as_deref()).unwrap_or("-");
        let who = h.speaker.as_deref().unwrap_or("-");
        let from = h.article.as_deref().unwrap_or(&h.project);
        outln!(
            "{:.2}\t{what}\t{who}\t{}\t{from}",
            h.score,
            one_line(&h.quote)
        );
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn speakers(dir: &Path, args: SpeakersArgs) -> CliResult {
    let lib = open_existing(dir)?;
    let list = lib.speakers();
    if args.json {
        return print_json(&list);
    }
    for s in &list {
        let statuses: Vec<String> = s
            .by_status
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let verdicts: Vec<String> = s
            .by_verdict
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        outln!(
            "{}\t{}\t{}\t{}",
            s.claims,
            s.speaker,
            statuses.join(", "),
            verdicts.join(", ")
        );
    }
    Ok(())
}
