//! `check`: validates a project file and, with `--repair`, re-anchors or flags what is broken.

use super::{CliError, CliResult};
use crate::core::store;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    pub project: PathBuf,
    /// Fix what can be fixed: re-anchor claims on their stored quote and context, flag the rest
    /// orphaned (never removed), give duplicate ids fresh ones. Saves atomically, keeping
    /// PROJECT.ron.bak.
    #[arg(long)]
    pub repair: bool,
}

fn summary(path: &Path, project: &crate::core::model::Project) -> String {
    let counts = project.counts();
    let orphaned = project.claims.iter().filter(|c| c.orphaned).count();
    let mut s = format!(
        "{}: ok: {} articles, {} claims ({} reviewed: {} sourced, {} disputed, {} denied; {} unreviewed)",
        path.display(),
        project.articles.len(),
        counts.total(),
        counts.reviewed(),
        counts.sourced,
        counts.disputed,
        counts.denied,
        counts.unreviewed
    );
    let captures = crate::core::evidence::all_captures(project)
        .into_iter()
        .filter(|(_, c)| c.is_captured())
        .count();
    if captures > 0 {
        s.push_str(&format!("; {captures} capture(s) verified"));
    }
    if orphaned > 0 {
        s.push_str(&format!(
            "; {orphaned} orphaned claim(s) whose quote is no longer in the text"
        ));
    }
    s
}

pub fn check(args: CheckArgs) -> CliResult {
    let path = &args.project;
    // A repair reads and writes under the write lock; a plain check only reads.
    let writer = if args.repair {
        Some(store::ProjectWriter::lock(path)?)
    } else {
        None
    };
    let loaded = match &writer {
        Some(w) => w.load()?,
        None => store::load_full(path)?,
    };
    for field in &loaded.parsed.unknown_fields {
        eprintln!(
            "factdesk: warning: {}: unknown field {field} ignored",
            path.display()
        );
    }
    let mut project = loaded.parsed.project;
    if let Some(writer) = writer {
        let report = store::repair(&mut project);
        if !report.is_empty() {
            writer.save(&project)?;
        }
        drop(writer);
        for line in report.lines() {
            outln!("{}: {line}", path.display());
        }
        if !report.is_empty() {
            outln!(
                "{}: repaired; previous version kept as {}",
                path.display(),
                store::backup_path(path).display()
            );
        }
    }
    let problems = store::check(&project);
    let evidence = crate::core::evidence::verify(path, &project);
    if problems.is_empty() && evidence.is_empty() {
        outln!("{}", summary(path, &project));
        return Ok(());
    }
    for p in &problems {
        outln!("{}: {p}", path.display());
    }
    for p in &evidence {
        outln!("{}: {p}", path.display());
    }
    if problems.is_empty() {
        return Err(CliError(format!(
            "{}: {} capture(s) missing or altered in {}",
            path.display(),
            evidence.len(),
            crate::core::evidence::evidence_dir(path).display()
        )));
    }
    Err(CliError(format!(
        "{}: {} problem(s) found{}",
        path.display(),
        problems.len() + evidence.len(),
        if args.repair {
            ""
        } else {
            " (factdesk check --repair can fix them)"
        }
    )))
}
