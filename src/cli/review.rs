//! `merge`, `resolve`, `sign-off` and `agree`: the team-review commands (three-way merge and git
//! merge driver, settling conflicts, editor sign-off, inter-annotator agreement).

use super::{CliError, CliResult, edit_project, load, print_json};
use crate::core::action::Action;
use crate::core::model::{ConflictField, Project, SignOff, Take};
use crate::core::store;
use crate::core::team::{agree, merge};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O; an empty file means none).
    pub base: PathBuf,
    /// Our version (git's %A); overwritten with the result unless -o is given.
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Write the merged project here instead of over OURS.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ResolveArgs {
    pub project: PathBuf,
    /// The claim id (or article id, for article conflicts).
    pub claim: String,
    /// The conflicting field: status, speaker, sources, note, anchor, reviewed, verdict, summary,
    /// review-url, claim,
    /// article-meta or article (may be left out when the id has a single conflict).
    #[arg(long)]
    pub field: Option<ConflictField>,
    /// Which side's value to keep: ours or theirs (also base, or current to keep the value as is).
    #[arg(long)]
    pub take: Take,
}

#[derive(Debug, clap::Args)]
pub struct SignOffArgs {
    pub project: PathBuf,
    pub claim: String,
    /// Remove the sign-off instead.
    #[arg(long)]
    pub clear: bool,
}

#[derive(Debug, clap::Args)]
pub struct AgreeArgs {
    /// Two or more projects annotating the same articles.
    #[arg(required = true, num_args = 2..)]
    pub projects: Vec<PathBuf>,
    /// Print JSON: {matched, only_a, only_b, span_f1, status_kappa} for two projects.
    #[arg(long)]
    pub json: bool,
}

/// git names a merge driver's %A `.merge_file_XXXXXX`: a temporary copy it keeps every version
/// of itself, so writing it keeps no `.bak` (which would be left in the repository).
fn is_git_temp(path: &std::path::Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with(".merge_file_"))
}

pub fn merge(args: MergeArgs) -> CliResult {
    let out = args.output.as_ref().unwrap_or(&args.ours);
    if args.output.is_some() {
        store::check_output_target(out, None).or_else(|e| match e {
            // Writing the merge over a project file is what -o is for; specials stay refused.
            store::StoreError::Refused { .. } => Ok(()),
            e => Err(e),
        })?;
    }
    // Lock the output first, then read: OURS is read under its lock, so an edit another command
    // saved before the lock was taken is in the merge, and none can land between read and write.
    let writer = store::ProjectWriter::lock(out)?;
    // Load all three before writing anything: a bad input leaves OURS untouched.
    let base = merge::load_base(&args.base)?;
    let ours = load(&args.ours)?;
    let theirs = load(&args.theirs)?;
    // Two claims (or articles) with one id cannot be told apart: merging would keep one of them.
    for (side, path, project) in [
        ("base", &args.base, &base),
        ("ours", &args.ours, &ours),
        ("theirs", &args.theirs, &theirs),
    ] {
        let duplicates = store::duplicate_ids(project);
        if !duplicates.is_empty() {
            return Err(CliError(format!(
                "{}: {side} has duplicate ids ({}); nothing was merged. Run `factdesk check --repair {}` first",
                path.display(),
                duplicates.join(", "),
                path.display()
            )));
        }
    }
    let outcome = merge::merge(&base, &ours, &theirs);
    if is_git_temp(out) {
        writer.save_no_backup(&outcome.project)?;
    } else {
        writer.save(&outcome.project)?;
    }
    drop(writer);
    for note in &outcome.notes {
        eprintln!("factdesk: merge: {note}");
    }
    if outcome.is_clean() {
        return Ok(());
    }
    for c in &outcome.conflicts {
        outln!(
            "{}\t{}\tours: {}\ttheirs: {}",
            c.id,
            c.field,
            c.ours.summary(),
            c.theirs.summary()
        );
    }
    Err(CliError(format!(
        "{}: {} conflict(s) on {}; settle them with factdesk resolve",
        out.display(),
        outcome.conflicts.len(),
        outcome.conflicted_ids().join(", ")
    )))
}

fn edit_and_save(
    path: &std::path::Path,
    action: impl FnOnce(&Project) -> Result<Action, CliError>,
) -> CliResult {
    edit_project(path, |session| {
        let action = action(&session.project)?;
        session.edit(action)?;
        Ok(())
    })
}

pub fn resolve(args: ResolveArgs) -> CliResult {
    edit_and_save(&args.project.clone(), |p| {
        let fields: Vec<ConflictField> = p.conflicts_on(&args.claim).map(|c| c.field).collect();
        let field = match (args.field, fields.as_slice()) {
            (Some(f), _) => f,
            (None, [only]) => *only,
            (None, []) => {
                return Err(CliError(format!(
                    "no unresolved conflict on '{}' (see factdesk check)",
                    args.claim
                )));
            }
            (None, many) => {
                let names: Vec<&str> = many.iter().map(|f| f.as_str()).collect();
                return Err(CliError(format!(
                    "'{}' has conflicts on {}: give --field",
                    args.claim,
                    names.join(", ")
                )));
            }
        };
        Ok(Action::ResolveConflict {
            id: args.claim.clone(),
            field,
            take: args.take,
        })
    })
}

pub fn sign_off(args: SignOffArgs) -> CliResult {
    edit_and_save(&args.project.clone(), |p| {
        let id = super::claim_cmds::claim_id(p, &args.claim)?;
        let reviewed = (!args.clear).then(|| SignOff::now(""));
        Ok(Action::SetReviewed { id, reviewed })
    })
}

pub fn agree(args: AgreeArgs) -> CliResult {
    let projects = args
        .projects
        .iter()
        .map(|p| load(p))
        .collect::<Result<Vec<Project>, CliError>>()?;
    let refs: Vec<&Project> = projects.iter().collect();
    warn_different_articles(&args.projects, &refs);
    if let [a, b] = refs.as_slice() {
        let c = agree::compare(a, b);
        if args.json {
            return print_json(&agree::PairSummary::from(&c));
        }
        print_pair(&args.projects[0], &args.projects[1], a, b, &c);
        return Ok(());
    }
    let all = agree::compare_all(&refs);
    if args.json {
        let pairs: Vec<serde_json::Value> = all
            .pairs
            .iter()
            .map(|(i, j, c)| {
                serde_json::json!({
                    "a": args.projects[*i].display().to_string(),
                    "b": args.projects[*j].display().to_string(),
                    "matched": c.matched.len(),
                    "only_a": c.only_a.len(),
                    "only_b": c.only_b.len(),
                    "span_f1": c.span_f1,
                    "status_kappa": c.status_kappa,
                })
            })
            .collect();
        return print_json(&serde_json::json!({
            "annotators": args.projects.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "pairs": pairs,
            "matched_all": all.matched_all,
            "fleiss_kappa": all.fleiss_kappa,
        }));
    }
    for (i, j, c) in &all.pairs {
        outln!(
            "{} vs {}: matched {}, only first {}, only second {}, span F1 {}, status kappa {}",
            args.projects[*i].display(),
            args.projects[*j].display(),
            c.matched.len(),
            c.only_a.len(),
            c.only_b.len(),
            fmt_stat(c.span_f1),
            fmt_stat(c.status_kappa)
        );
    }
    outln!(
        "claims matched across all {}: {}; Fleiss' kappa on status: {}",
        projects.len(),
        all.matched_all,
        fmt_stat(all.fleiss_kappa)
    );
    Ok(())
}

/// Agreement is only meaningful over the same texts: say so when the projects' articles differ
/// (compared by content, so re-imports with fresh ids still match).
fn warn_different_articles(paths: &[PathBuf], projects: &[&Project]) {
    let texts = |p: &Project| -> std::collections::BTreeSet<String> {
        p.articles.iter().map(|a| a.content_hash.clone()).collect()
    };
    let Some(first) = projects.first().map(|p| texts(p)) else {
        return;
    };
    for (path, p) in paths.iter().zip(projects).skip(1) {
        let other = texts(p);
        if other != first {
            let shared = first.intersection(&other).count();
            eprintln!(
                "factdesk: warning: {} and {} do not hold the same articles ({} in common of {} and {}); \
                 the figures only cover claims on shared text",
                paths[0].display(),
                path.display(),
                shared,
                first.len(),
                other.len()
            );
        }
    }
}

fn fmt_stat(v: Option<f64>) -> String {
    v.map_or_else(|| "undefined".to_string(), |x| format!("{x:.3}"))
}

fn print_pair(
    pa: &std::path::Path,
    pb: &std::path::Path,
    a: &Project,
    b: &Project,
    c: &agree::Comparison,
) {
    outln!("matched\t{}", c.matched.len());
    outln!("only_a\t{}\t{}", c.only_a.len(), pa.display());
    outln!("only_b\t{}\t{}", c.only_b.len(), pb.display());
    outln!("span_f1\t{}", fmt_stat(c.span_f1));
    outln!(
        "status_kappa\t{}\t(observed agreement {})",
        fmt_stat(c.status_kappa),
        fmt_stat(c.status_observed)
    );
    for (side, ids, p) in [("A", &c.only_a, a), ("B", &c.only_b, b)] {
        for id in ids {
            if let Some(claim) = p.claim(id) {
                outln!(
                    "only {side}\t{id}\t{}\t{}",
                    claim.status,
                    claim.anchor.quote.replace('\n', " ")
                );
            }
        }
    }
    for (ida, sa, idb, sb) in c.status_differences(a, b) {
        outln!("status differs\t{ida}\t{sa}\t{idb}\t{sb}");
    }
}
