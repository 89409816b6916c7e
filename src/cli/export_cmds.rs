//! `export` and `claims import`: writing reviewed claims out, and reading claims in from JSONL.

use super::{CliError, CliResult, edit_project, load};
use crate::core::export::{self, ClaimFilter, ExportOptions, Format, claims_import};
use crate::core::model::Status;
use crate::core::store;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    pub project: PathBuf,
    /// csv, json, jsonl, claimreview, webanno, markdown, html, or dossier (a zip with the report,
    /// ClaimReview, JSON, every captured page and a manifest of SHA-256 hashes; needs -o FILE.zip).
    #[arg(long, short = 'f')]
    pub format: ExportFormat,
    /// Every claim, unreviewed ones included (default: reviewed claims only).
    #[arg(long)]
    pub all: bool,
    /// Only claims with this status (repeatable).
    #[arg(long = "status")]
    pub statuses: Vec<Status>,
    /// Only claims in this article (id or unique prefix).
    #[arg(long)]
    pub article: Option<String>,
    /// Write to this file (atomically) instead of stdout (`-` is stdout). Never the project
    /// itself, another project file, a folder, FIFO, device or socket.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// CSV: start with a UTF-8 byte order mark, for Excel.
    #[arg(long)]
    pub bom: bool,
    /// ClaimReview: list per claim what Google requires or recommends that is missing
    /// (CLAIM<TAB>required|recommended<TAB>FIELD<TAB>WHY), and write no export.
    #[arg(long)]
    pub check: bool,
    /// ClaimReview: a missing required field is an error (exit 1, nothing written).
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, clap::Args)]
pub struct ClaimsImportArgs {
    pub project: PathBuf,
    /// A JSON Lines file (`-` for stdin).
    pub file: PathBuf,
    /// Check and report what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `--format`: one of the export formats, or the dossier (a zip built from several of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Plain(Format),
    Dossier,
}

impl std::str::FromStr for ExportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("dossier") {
            return Ok(ExportFormat::Dossier);
        }
        s.parse::<Format>()
            .map(ExportFormat::Plain)
            .map_err(|e| format!("{e} or dossier"))
    }
}

pub fn export(args: ExportArgs) -> CliResult {
    let format = match args.format {
        ExportFormat::Plain(f) => f,
        ExportFormat::Dossier => return export_dossier(&args),
    };
    let output = args.output.as_deref().filter(|p| *p != Path::new("-"));
    if let Some(path) = output {
        // Refused before any work, and checked again just before writing.
        store::check_output_target(path, Some(&args.project))?;
    }
    let project = load(&args.project)?;
    let article = match &args.article {
        Some(a) => Some(super::claim_cmds::article_id(&project, a)?),
        None => None,
    };
    let options = ExportOptions {
        format,
        filter: ClaimFilter {
            all: args.all,
            statuses: args.statuses,
            article,
        },
        csv_bom: args.bom,
    };
    if (args.check || args.strict) && options.format != Format::ClaimReview {
        return Err(CliError(
            "--check and --strict are for --format claimreview".to_string(),
        ));
    }
    let missing = if options.format == Format::ClaimReview {
        export::publication_check(&project, &options.filter.select(&project))
    } else {
        Vec::new()
    };
    let required = missing
        .iter()
        .filter(|m| m.need == export::Need::Required)
        .count();
    if args.check {
        for m in &missing {
            outln!(
                "{}\t{}\t{}\t{}",
                if m.claim.is_empty() { "-" } else { &m.claim },
                m.need.as_str(),
                m.field,
                m.message
            );
        }
        eprintln!(
            "factdesk: publication check: {required} required and {} recommended field(s) missing",
            missing.len() - required
        );
        if args.strict && required > 0 {
            return Err(CliError(format!(
                "{required} required ClaimReview field(s) missing"
            )));
        }
        return Ok(());
    }
    if args.strict && required > 0 {
        for m in missing.iter().filter(|m| m.need == export::Need::Required) {
            eprintln!("factdesk: {m}");
        }
        return Err(CliError(format!(
            "{required} required ClaimReview field(s) missing; nothing exported (see --check)"
        )));
    }
    let provenance = export::Provenance::now(&super::analyst());
    let out = export::export_with(&project, &options, &provenance)?;
    for w in &out.warnings {
        eprintln!("factdesk: warning: {w}");
    }
    match output {
        Some(path) => {
            store::check_output_target(path, Some(&args.project))?;
            store::write_atomic_no_backup(path, &out.bytes)?;
            eprintln!("exported {} claim(s) to {}", out.claims, path.display());
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&out.bytes)
                .and_then(|()| stdout.flush())
                .map_err(|e| CliError(format!("cannot write to stdout: {e}")))?;
        }
    }
    Ok(())
}

/// `export --format dossier -o FILE.zip`: a binary file, so `-o` is required (never stdout).
fn export_dossier(args: &ExportArgs) -> CliResult {
    let Some(path) = args.output.as_deref().filter(|p| *p != Path::new("-")) else {
        return Err(CliError(
            "a dossier is a zip file: give -o FILE.zip (it is never written to stdout)".to_string(),
        ));
    };
    if args.check || args.strict || args.bom {
        return Err(CliError(
            "--check, --strict and --bom do not apply to a dossier".to_string(),
        ));
    }
    store::check_output_target(path, Some(&args.project))?;
    let project = load(&args.project)?;
    let article = match &args.article {
        Some(a) => Some(super::claim_cmds::article_id(&project, a)?),
        None => None,
    };
    let filter = ClaimFilter {
        all: args.all,
        statuses: args.statuses.clone(),
        article,
    };
    let provenance = export::Provenance::now(&super::analyst());
    let dossier = export::dossier::build(&project, &args.project, &filter, &provenance)
        .map_err(|e| CliError(format!("{}: {e}", args.project.display())))?;
    store::check_output_target(path, Some(&args.project))?;
    store::write_atomic_no_backup(path, &dossier.bytes)?;
    eprintln!(
        "exported {} claim(s) and {} capture file(s) to {}",
        dossier.claims,
        dossier
            .manifest
            .files
            .iter()
            .filter(|f| f.path.starts_with(export::dossier::EVIDENCE_FOLDER))
            .count(),
        path.display()
    );
    Ok(())
}

/// The largest JSON Lines file `claims import` reads (a line per claim; a project's limit).
const MAX_JSONL_BYTES: u64 = store::MAX_PROJECT_BYTES;

pub fn claims_import(args: ClaimsImportArgs) -> CliResult {
    let name = args.file.display().to_string();
    let text = if name == "-" {
        store::read_stdin_text_limited(MAX_JSONL_BYTES)?
    } else {
        store::read_text_limited(&args.file, MAX_JSONL_BYTES)?
    };
    let plan_for = |project: &crate::core::model::Project| {
        claims_import::plan_import(project, &text).map_err(|errors| {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| format!("{name}:{}: {}", e.line, e.message))
                .collect();
            CliError(format!(
                "{} bad line(s), nothing imported:\n{}",
                errors.len(),
                lines.join("\n")
            ))
        })
    };
    let (added, updated, reanchored) = if args.dry_run {
        let plan = plan_for(&load(&args.project)?)?;
        (plan.added, plan.updated, plan.reanchored)
    } else {
        // Planned against the file as it is under the lock, so a writer in between loses nothing.
        edit_project(&args.project, |session| {
            // Imported claims keep the creators (or none) that they carry.
            session.analyst.clear();
            let plan = plan_for(&session.project)?;
            let counts = (plan.added, plan.updated, plan.reanchored.clone());
            session.edit(plan.into_action())?;
            Ok(counts)
        })?
    };
    for line in &reanchored {
        eprintln!("factdesk: {name}:{line}: quote found away from the given offsets; re-anchored");
    }
    let verb = if args.dry_run { "would add" } else { "added" };
    outln!(
        "{verb} {added} claim(s), {} {updated}",
        if args.dry_run {
            "would update"
        } else {
            "updated"
        }
    );
    Ok(())
}
