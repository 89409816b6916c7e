//! `update` and `diff`: new versions of an article and what changed between them.

use super::{CliError, CliResult, edit_project, load, print_json};
use crate::core::import;
use crate::core::time::Timestamp;
use crate::core::versions;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    pub project: PathBuf,
    /// The article to update (id or unique prefix).
    #[arg(long)]
    pub article: String,
    /// The new version of the article (text, Markdown or HTML, like an import).
    pub file: PathBuf,
    /// Print JSON: {article, version, moved, flagged: [{id, reason}], untouched}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    pub project: PathBuf,
    /// The article (id or unique prefix).
    #[arg(long)]
    pub article: String,
    /// The older version (default: the one before `--to`).
    #[arg(long)]
    pub from: Option<u32>,
    /// The newer version (default: the current one).
    #[arg(long)]
    pub to: Option<u32>,
    /// Print JSON: {article, from, to, changes: [{from_start, from_end, to_start, to_end, removed, added, claims}]}.
    #[arg(long)]
    pub json: bool,
}

#[derive(serde::Serialize)]
struct Flag {
    id: String,
    reason: String,
}

#[derive(serde::Serialize)]
struct Updated {
    article: String,
    version: u32,
    moved: Vec<String>,
    flagged: Vec<Flag>,
    untouched: Vec<String>,
}

pub fn update(args: UpdateArgs) -> CliResult {
    let imported = import::read_path(&args.file)?;
    for w in &imported.warnings {
        eprintln!("factdesk: warning: {}: {w}", args.file.display());
    }
    let from = args.file.display().to_string();
    let result = edit_project(&args.project, |session| {
        let id = session
            .project
            .find_article(&args.article)
            .map(|a| a.id.clone())
            .ok_or_else(|| {
                CliError(format!(
                    "no article with id '{}' (see factdesk articles)",
                    args.article
                ))
            })?;
        let plan = versions::plan_update(
            &session.project,
            &id,
            &imported.body,
            &from,
            &Timestamp::now(),
        )?;
        session.edit(plan.action.clone())?;
        Ok(Updated {
            article: id.0,
            version: plan.version,
            moved: plan.moved,
            flagged: plan
                .flagged
                .into_iter()
                .map(|(id, reason)| Flag { id, reason })
                .collect(),
            untouched: plan.untouched,
        })
    })?;
    if args.json {
        return print_json(&result);
    }
    outln!(
        "{}\tversion {}\t{} claim(s) moved\t{} flagged",
        result.article,
        result.version,
        result.moved.len(),
        result.flagged.len()
    );
    for f in &result.flagged {
        outln!("flagged\t{}\t{}", f.id, f.reason);
    }
    Ok(())
}

pub fn diff(args: DiffArgs) -> CliResult {
    let project = load(&args.project)?;
    let article = project.find_article(&args.article).ok_or_else(|| {
        CliError(format!(
            "no article with id '{}' (see factdesk articles)",
            args.article
        ))
    })?;
    let to = args.to.unwrap_or(article.version);
    let from = args.from.unwrap_or(to.saturating_sub(1).max(1));
    let exists = |v: u32| v >= 1 && v <= article.version;
    if !exists(from) || !exists(to) {
        return Err(CliError(format!(
            "article {} has versions 1 to {}",
            article.id, article.version
        )));
    }
    let changes = versions::diff(&project, article, from, to).ok_or_else(|| {
        CliError(format!(
            "article {}: a stored version is damaged (see factdesk check)",
            article.id
        ))
    })?;
    if args.json {
        return print_json(&serde_json::json!({
            "article": article.id.0,
            "from": from,
            "to": to,
            "changes": changes,
        }));
    }
    for c in &changes {
        let claims = if c.claims.is_empty() {
            String::new()
        } else {
            format!("\tclaims: {}", c.claims.join(", "))
        };
        outln!(
            "@@ {}..{} -> {}..{}{claims}",
            c.from_start,
            c.from_end,
            c.to_start,
            c.to_end
        );
        for line in c.removed.lines().filter(|l| !l.is_empty()) {
            outln!("- {line}");
        }
        for line in c.added.lines().filter(|l| !l.is_empty()) {
            outln!("+ {line}");
        }
    }
    Ok(())
}
