//! `check`: validates a project file and, with `--repair`, re-anchors or flags what is broken.

use super::{CliError, CliResult};
use crate::core::model::Status;
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
    // Every status from the one table, so a new status shows up here without an edit.
    let count_of = |s: Status| format!("{} {}", counts.get(s), s.as_str());
    let reviewed: Vec<String> = Status::ALL
        .into_iter()
        .filter(|s| s.is_reviewed())
        .map(count_of)
        .collect();
    let unreviewed: Vec<String> = Status::ALL
        .into_iter()
        .filter(|s| !s.is_reviewed())
        .map(count_of)
        .collect();
    let mut s = format!(
        "{}: ok: {} articles, {} claims ({} reviewed: {}; {})",
        path.display(),
        project.articles.len(),
        counts.total(),
        counts.reviewed(),
        reviewed.join(", "),
        unreviewed.join(", ")
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
    // A repair holds the write lock from its read to its save (and refuses a file another program
    // changed meanwhile); a plain check only reads.
    let (project, unknown, report) = if args.repair {
        let repaired = store::repair_file(path)?;
        (
            repaired.project,
            repaired.unknown_fields,
            Some(repaired.report),
        )
    } else {
        let loaded = store::load_full(path)?;
        (loaded.parsed.project, loaded.parsed.unknown_fields, None)
    };
    for field in &unknown {
        eprintln!(
            "factdesk: warning: {}: unknown field {field} ignored",
            path.display()
        );
    }
    if let Some(report) = report {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::action::Action;
    use crate::core::model::{Article, ArticleMeta, Project};
    use crate::core::session::Session;
    use crate::core::time::Timestamp;

    #[test]
    fn the_summary_counts_every_status_reviewed_first() {
        let mut p = Project::new("t");
        p.articles.push(Article::new(
            ArticleMeta::default(),
            "One. Two. Three. Four.",
        ));
        let art = p.articles[0].id.clone();
        let mut s = Session::unsaved(p);
        for (range, status) in [
            (0..4, Status::Denied),
            (5..9, Status::Denied),
            (10..16, Status::Sourced),
            (17..22, Status::Unreviewed),
        ] {
            let add = Action::add_claim(&s.project, &art, range, false, Timestamp::now());
            let applied = s.edit(add.expect("range")).expect("add");
            let id = &applied.new_claims[0];
            s.edit(Action::set_status(id, status, "t")).expect("tag");
        }
        let p = &s.project;
        assert_eq!(
            summary(Path::new("p.ron"), p),
            "p.ron: ok: 1 articles, 4 claims (3 reviewed: 1 sourced, 0 disputed, 2 denied; 1 unreviewed)"
        );
    }
}
