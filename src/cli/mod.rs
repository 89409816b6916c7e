//! The command line: argument parsing and dispatch. Each subcommand group lives in its own file and
//! only translates between arguments, core calls and printed output.

/// `println!` for command output: a closed pipe (`factdesk claims … | head`) ends the process
/// quietly instead of panicking.
macro_rules! outln {
    () => { $crate::cli::write_line(format_args!("")) };
    ($($arg:tt)*) => { $crate::cli::write_line(format_args!($($arg)*)) };
}

mod capture_cmd;
mod check_cmd;
mod claim_cmds;
mod export_cmds;
mod extract;
mod library_cmds;
mod nlp_cmds;
mod project_cmds;
mod review;
mod scale_cmd;
mod version_cmds;

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

/// An error to print on stderr; the process then exits with 1.
#[derive(Debug)]
pub struct CliError(pub String);

impl<E: std::fmt::Display> From<E> for CliError {
    fn from(e: E) -> Self {
        CliError(e.to_string())
    }
}

pub type CliResult = Result<(), CliError>;

#[derive(Debug, Parser)]
#[command(
    name = "factdesk",
    version,
    about = "A fact-checking workbench: mark claims in news articles, tag them sourced, disputed or denied, export them."
)]
pub struct Cli {
    /// A project to open in the desktop app (the app opens the last project, or the sample, without one).
    pub project: Option<PathBuf>,
    /// The analyst recorded on new claims, status changes and sign-offs (default: $FACTDESK_ANALYST,
    /// then `git config user.name`, then the system user name).
    #[arg(long, global = true, value_name = "NAME")]
    pub analyst: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a project in the desktop app.
    Open { project: PathBuf },
    /// Create a new project file, optionally with articles.
    New(project_cmds::NewArgs),
    /// Add articles from files or web addresses (--url) to a project; prints ID<TAB>TITLE per article.
    Import(project_cmds::ImportArgs),
    /// List a project's articles.
    Articles(project_cmds::ArticlesArgs),
    /// Add, change or remove one claim.
    #[command(subcommand)]
    Claim(claim_cmds::ClaimCommand),
    /// List a project's claims.
    Claims(claim_cmds::ClaimsArgs),
    /// Print a file as it would be imported (title, metadata, clean text), without a project.
    Extract(extract::ExtractArgs),
    /// Export claims as csv, json, jsonl, claimreview, webanno, markdown or html (stdout without -o).
    Export(export_cmds::ExportArgs),
    /// Validate a project: it parses, ids are unique, every anchor still matches its quote, every
    /// captured page is on disk with its recorded SHA-256.
    Check(check_cmd::CheckArgs),
    /// Fetch cited sources and keep each page as evidence (WARC files in NAME.evidence/).
    Capture(capture_cmd::CaptureArgs),
    /// Three-way merge of project files (a git merge driver: factdesk merge %O %A %B). Exits 1 on conflicts.
    Merge(review::MergeArgs),
    /// Settle a merge conflict recorded in a project.
    Resolve(review::ResolveArgs),
    /// Mark a claim as reviewed by the analyst (editor sign-off), or clear the mark.
    SignOff(review::SignOffArgs),
    /// Inter-annotator agreement between projects over the same articles.
    Agree(review::AgreeArgs),
    /// Split a text file, standard input or a project's articles into sentences.
    Sentences(nlp_cmds::SentencesArgs),
    /// Propose claims (attributed statements, quotations, denials, figures) for a project.
    Suggest(nlp_cmds::SuggestArgs),
    /// Show or set the project's rating scale (the levels verdicts are given on).
    Scale(scale_cmd::ScaleArgs),
    /// Add a new version of an article (the outlet edited it); claims move or are flagged.
    Update(version_cmds::UpdateArgs),
    /// What changed between two versions of an article (changes touching claims first).
    Diff(version_cmds::DiffArgs),
    /// The claim library: index folders of projects and ClaimReview feeds, search them ("has this
    /// been checked already?"), list speakers.
    Library(library_cmds::LibraryArgs),
}

/// What `main` should do after parsing.
pub enum Outcome {
    /// Open the GUI, on this project if given.
    Gui(Option<PathBuf>),
    /// A CLI command ran; exit with this code.
    Exit(i32),
}

/// Runs a parsed command line. GUI requests are handed back to the caller.
pub fn run(cli: Cli) -> Outcome {
    let _ = ANALYST_FLAG.set(cli.analyst.clone());
    // A project path and a subcommand together are a usage error. (Checked here rather than by
    // clap so that global flags such as --analyst may come before the subcommand.)
    if let (Some(p), Some(_)) = (&cli.project, &cli.command) {
        eprintln!(
            "factdesk: '{}' cannot be used with a subcommand (see factdesk --help)",
            p.display()
        );
        return Outcome::Exit(2);
    }
    let result = match cli.command {
        None => {
            if let Some(p) = &cli.project
                && !p.exists()
                && p.extension().is_none_or(|e| e != "ron")
            {
                // Neither a project file nor a command: most likely a mistyped subcommand.
                eprintln!(
                    "factdesk: '{}' is neither a command nor a project file (see factdesk --help)",
                    p.display()
                );
                return Outcome::Exit(2);
            }
            return Outcome::Gui(cli.project);
        }
        Some(Command::Open { project }) => return Outcome::Gui(Some(project)),
        Some(Command::New(args)) => project_cmds::new(args),
        Some(Command::Import(args)) => project_cmds::import(args),
        Some(Command::Articles(args)) => project_cmds::articles(args),
        Some(Command::Claim(cmd)) => claim_cmds::claim(cmd),
        Some(Command::Claims(args)) => claim_cmds::claims(args),
        Some(Command::Check(args)) => check_cmd::check(args),
        Some(Command::Capture(args)) => capture_cmd::capture(args),
        Some(Command::Merge(args)) => review::merge(args),
        Some(Command::Resolve(args)) => review::resolve(args),
        Some(Command::SignOff(args)) => review::sign_off(args),
        Some(Command::Agree(args)) => review::agree(args),
        Some(Command::Extract(args)) => extract::extract(args),
        Some(Command::Export(args)) => export_cmds::export(args),
        Some(Command::Sentences(args)) => nlp_cmds::sentences(args),
        Some(Command::Suggest(args)) => nlp_cmds::suggest(args),
        Some(Command::Scale(args)) => scale_cmd::scale(args),
        Some(Command::Update(args)) => version_cmds::update(args),
        Some(Command::Diff(args)) => version_cmds::diff(args),
        Some(Command::Library(args)) => library_cmds::library(args),
    };
    match result {
        Ok(()) => Outcome::Exit(0),
        Err(CliError(msg)) => {
            eprintln!("factdesk: {msg}");
            Outcome::Exit(1)
        }
    }
}

static ANALYST_FLAG: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// The analyst for commands that edit: `--analyst`, else the environment, git or system user.
fn analyst() -> String {
    crate::core::team::identity::resolve(ANALYST_FLAG.get().and_then(|a| a.as_deref()))
}

/// Loads a project, for commands that read one.
fn load(path: &Path) -> Result<crate::core::model::Project, CliError> {
    Ok(crate::core::store::load(path)?)
}

/// Edits the project at `path` as the analyst, under its write lock: the file is read again
/// under the lock, `change` edits it through a [`Session`](crate::core::session::Session), and it
/// is saved only when `change` succeeded. What `change` returns is handed back after the save, so
/// a command prints ids only for edits that are on disk.
fn edit_project<T>(
    path: &Path,
    change: impl FnOnce(&mut crate::core::session::Session) -> Result<T, CliError>,
) -> Result<T, CliError> {
    let mut session = crate::core::session::Session::open_for_command(path, analyst())?;
    let value = change(&mut session)?;
    session.save()?;
    Ok(value)
}

/// Writes one line of output on stdout. Output is the last thing a command does, so when the
/// reader has gone (broken pipe) the process simply ends; any other write error is reported.
pub(crate) fn write_line(args: std::fmt::Arguments) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("factdesk: cannot write the output: {e}");
        std::process::exit(1);
    }
}

/// Prints a value as pretty JSON on stdout.
fn print_json<T: serde::Serialize>(value: &T) -> CliResult {
    let s = serde_json::to_string_pretty(value)?;
    outln!("{s}");
    Ok(())
}
