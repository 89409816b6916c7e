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
    #[arg(required_unless_present = "url", conflicts_with = "url")]
    pub file: Option<PathBuf>,
    /// Fetch the new version from this address instead (kept as evidence, like `import --url`).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Seconds to wait for the page (with --url).
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
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
    // The new text, from a file or fetched (its page kept as a capture for the new version).
    let (body, from, captures) = match (&args.file, &args.url) {
        (Some(file), _) => {
            let imported = import::read_path(file)?;
            for w in &imported.warnings {
                eprintln!("factdesk: warning: {}: {w}", file.display());
            }
            (imported.body, file.display().to_string(), Vec::new())
        }
        (None, Some(url)) => {
            let fetched = super::project_cmds::import_urls(
                &args.project,
                std::slice::from_ref(url),
                args.timeout,
            )?;
            let Some(article) = fetched.into_iter().next() else {
                return Err(CliError(format!("{url}: nothing was fetched")));
            };
            (article.body, article.meta.url, article.captures)
        }
        (None, None) => return Err(CliError("give a FILE or --url".into())),
    };
    let result = edit_project(&args.project, |session| {
        let id = super::claim_cmds::article_id(&session.project, &args.article)?;
        let mut plan =
            versions::plan_update(&session.project, &id, &body, &from, &Timestamp::now())?;
        if let crate::core::action::Action::ReplaceArticle { article, .. } = &mut plan.action {
            if args.url.is_some() {
                article.meta.url = from.clone();
            }
            article.captures.extend(captures.iter().cloned());
        }
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
    });
    if result.is_err() {
        // A fetched page no project names is not left behind.
        super::capture_cmd::remove_unrecorded(&args.project, &captures.iter().collect::<Vec<_>>());
    }
    let result = result?;
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
    let id = super::claim_cmds::article_id(&project, &args.article)?;
    let article = project
        .article(&id)
        .ok_or_else(|| CliError(format!("no article with id '{id}'")))?;
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
