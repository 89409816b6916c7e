//! `export` and `claims import`: writing reviewed claims out, and reading claims in from JSONL.

use super::{CliError, CliResult, load};
use crate::core::export::{self, ClaimFilter, ExportOptions, Format, claims_import};
use crate::core::model::Status;
use crate::core::session::Session;
use crate::core::store;
use std::io::{Read, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    pub project: PathBuf,
    /// csv, json, jsonl, claimreview, webanno, markdown or html.
    #[arg(long, short = 'f')]
    pub format: Format,
    /// Every claim, unreviewed ones included (default: reviewed claims only).
    #[arg(long)]
    pub all: bool,
    /// Only claims with this status (repeatable).
    #[arg(long = "status")]
    pub statuses: Vec<Status>,
    /// Only claims in this article (id or unique prefix).
    #[arg(long)]
    pub article: Option<String>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// CSV: start with a UTF-8 byte order mark, for Excel.
    #[arg(long)]
    pub bom: bool,
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

pub fn export(args: ExportArgs) -> CliResult {
    let project = load(&args.project)?;
    let article = match &args.article {
        Some(a) => Some(
            project
                .find_article(a)
                .map(|a| a.id.clone())
                .ok_or_else(|| {
                    CliError(format!("no article with id '{a}' (see factdesk articles)"))
                })?,
        ),
        None => None,
    };
    let options = ExportOptions {
        format: args.format,
        filter: ClaimFilter {
            all: args.all,
            statuses: args.statuses,
            article,
        },
        csv_bom: args.bom,
    };
    let out = export::export(&project, &options)?;
    for w in &out.warnings {
        eprintln!("factdesk: warning: {w}");
    }
    match &args.output {
        Some(path) => {
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

pub fn claims_import(args: ClaimsImportArgs) -> CliResult {
    let mut project = load(&args.project)?;
    let name = args.file.display().to_string();
    let text = if name == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| CliError(format!("cannot read stdin: {e}")))?;
        s
    } else {
        std::fs::read_to_string(&args.file)
            .map_err(|e| CliError(format!("{name}: cannot read: {e}")))?
    };
    let plan = claims_import::plan_import(&project, &text).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| format!("{name}:{}: {}", e.line, e.message))
            .collect();
        CliError(format!(
            "{} bad line(s), nothing imported:\n{}",
            errors.len(),
            lines.join("\n")
        ))
    })?;
    let (added, updated) = (plan.added, plan.updated);
    for line in &plan.reanchored {
        eprintln!("factdesk: {name}:{line}: quote found away from the given offsets; re-anchored");
    }
    let verb = if args.dry_run { "would add" } else { "added" };
    if !args.dry_run {
        let path = args.project.clone();
        let mut session = Session::opened(std::mem::take(&mut project), Some(path));
        session.edit(plan.into_action())?;
        store::save(&args.project, &session.project)?;
    }
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
