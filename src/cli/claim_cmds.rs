//! `claim add|set|rm` and `claims`: editing and listing claims from scripts.

use super::{CliError, CliResult, edit_project, load, print_json};
use crate::core::action::{Action, ClaimEdit};
use crate::core::model::{ArticleId, ClaimId, Project, Source, Status};
use crate::core::session::Session;
use crate::core::time::Timestamp;
use crate::core::views::ClaimView;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Subcommand)]
pub enum ClaimCommand {
    /// Mark a new claim; prints its id.
    Add(AddArgs),
    /// Change a claim's status, speaker, note or sources.
    Set(SetArgs),
    /// Delete a claim.
    Rm { project: PathBuf, claim: String },
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    pub project: PathBuf,
    /// The article id (or a unique prefix of it).
    #[arg(long)]
    pub article: String,
    /// The exact text of the claim, found in the article body.
    #[arg(long, conflicts_with = "range", required_unless_present = "range")]
    pub quote: Option<String>,
    /// Which occurrence of the quote (1 = first).
    #[arg(long, default_value_t = 1, requires = "quote")]
    pub nth: usize,
    /// Char offsets START..END (end-exclusive) instead of a quote.
    #[arg(long, value_parser = parse_range)]
    pub range: Option<Range<usize>>,
    #[command(flatten)]
    pub fields: FieldArgs,
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    pub project: PathBuf,
    pub claim: String,
    #[command(flatten)]
    pub fields: FieldArgs,
    /// Re-place the claim on these char offsets START..END of its article's current text (also
    /// clears "quote changed in version N").
    #[arg(long, value_parser = parse_range, conflicts_with = "keep_changed")]
    pub range: Option<Range<usize>>,
    /// Keep a flagged claim as "changed by the outlet" (it stays on the version it was marked in).
    #[arg(long)]
    pub keep_changed: bool,
}

#[derive(Debug, clap::Args)]
pub struct FieldArgs {
    /// unreviewed, sourced, disputed or denied.
    #[arg(long)]
    pub status: Option<Status>,
    /// Who made the claim.
    #[arg(long)]
    pub speaker: Option<String>,
    /// A source URL (repeatable; replaces the claim's sources).
    #[arg(long = "source")]
    pub sources: Vec<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// The verdict: a level of the project's rating scale (see factdesk scale); "" clears it.
    #[arg(long)]
    pub verdict: Option<String>,
    /// What was checked, in one line (published as ClaimReview claimReviewed; under 75 chars).
    #[arg(long)]
    pub summary: Option<String>,
    /// Where the fact-check is published (ClaimReview url).
    #[arg(long = "review-url", value_name = "URL")]
    pub review_url: Option<String>,
}

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ClaimsArgs {
    #[command(subcommand)]
    pub sub: Option<ClaimsSub>,
    #[arg(required = true)]
    pub project: Option<PathBuf>,
    /// Only claims with this status.
    #[arg(long)]
    pub status: Option<Status>,
    /// Only claims in this article (id or unique prefix).
    #[arg(long)]
    pub article: Option<String>,
    /// Print a JSON array of {id, article, start, end, quote, status, speaker, sources, note, created,
    /// updated, verdict, summary, review_url} (and creator, reviewed_by, reviewed_at, history when set).
    #[arg(long)]
    pub json: bool,
}

/// `claims import`: the one sub-form of `claims`; without it, `claims` lists.
#[derive(Debug, clap::Subcommand)]
pub enum ClaimsSub {
    /// Add or update claims from a JSON Lines file (all or nothing).
    Import(super::export_cmds::ClaimsImportArgs),
}

fn parse_range(s: &str) -> Result<Range<usize>, String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("'{s}' is not START..END"))?;
    let start = a
        .trim()
        .parse()
        .map_err(|_| format!("'{a}' is not a number"))?;
    let end = b
        .trim()
        .parse()
        .map_err(|_| format!("'{b}' is not a number"))?;
    Ok(start..end)
}

pub(super) fn article_id(project: &Project, id: &str) -> Result<ArticleId, CliError> {
    project
        .find_article(id)
        .map(|a| a.id.clone())
        .ok_or_else(|| CliError(format!("no article with id '{id}' (see factdesk articles)")))
}

pub(super) fn claim_id(project: &Project, id: &str) -> Result<ClaimId, CliError> {
    project
        .find_claim(id)
        .map(|c| c.id.clone())
        .ok_or_else(|| CliError(format!("no claim with id '{id}' (see factdesk claims)")))
}

/// The edits the field flags ask of claim `id`, in a fixed order (the session names the analyst
/// on a status change).
fn edits(id: &ClaimId, fields: FieldArgs, at: &Timestamp) -> Vec<Action> {
    let mut field_edits = Vec::new();
    if let Some(s) = fields.speaker {
        field_edits.push(ClaimEdit::Speaker(s));
    }
    if !fields.sources.is_empty() {
        field_edits.push(ClaimEdit::Sources(
            fields.sources.iter().map(|u| Source::from_url(u)).collect(),
        ));
    }
    if let Some(n) = fields.note {
        field_edits.push(ClaimEdit::Note(n));
    }
    if let Some(v) = fields.verdict {
        field_edits.push(ClaimEdit::Verdict(v));
    }
    if let Some(s) = fields.summary {
        field_edits.push(ClaimEdit::Summary(s));
    }
    if let Some(u) = fields.review_url {
        field_edits.push(ClaimEdit::ReviewUrl(u));
    }
    let status = fields.status.map(|status| Action::SetStatus {
        id: id.clone(),
        status,
        by: String::new(),
        at: at.clone(),
    });
    status
        .into_iter()
        .chain(field_edits.into_iter().map(|edit| Action::EditClaim {
            id: id.clone(),
            edit,
            at: at.clone(),
        }))
        .collect()
}

fn with_project<T>(
    path: &Path,
    f: impl FnOnce(&mut Session) -> Result<T, CliError>,
) -> Result<T, CliError> {
    edit_project(path, f)
}

pub fn claim(cmd: ClaimCommand) -> CliResult {
    match cmd {
        ClaimCommand::Add(args) => {
            let id = add(args)?;
            // Only now is the claim on disk: a failed save prints no id.
            outln!("{id}");
            Ok(())
        }
        ClaimCommand::Set(args) => with_project(&args.project.clone(), |s| {
            let id = claim_id(&s.project, &args.claim)?;
            let mut actions = Vec::new();
            if let Some(range) = args.range.clone() {
                let claim = s.project.claim(&id).cloned().ok_or_else(|| {
                    CliError(format!("no claim with id '{id}' (see factdesk claims)"))
                })?;
                actions.push(crate::core::versions::replace_claim(
                    &s.project, &claim, range,
                )?);
            }
            if args.keep_changed {
                let claim = s.project.claim(&id).cloned().ok_or_else(|| {
                    CliError(format!("no claim with id '{id}' (see factdesk claims)"))
                })?;
                actions
                    .push(crate::core::versions::keep_changed(&claim).ok_or_else(|| {
                        CliError(format!("claim {id} is not flagged as changed"))
                    })?);
            }
            let edits = edits(&id, args.fields, &Timestamp::now());
            if edits.is_empty() && !actions.is_empty() {
                s.edit(Action::Batch { actions })?;
                return Ok(());
            }
            if edits.is_empty() {
                return Err(CliError(
                    "nothing to set: give --status, --speaker, --note, --source, --verdict, --summary or --review-url".into(),
                ));
            }
            // Re-placing first, then field edits, so each edit sees the re-placed claim.
            if !actions.is_empty() {
                s.edit(Action::Batch { actions })?;
            }
            s.edit(Action::Batch { actions: edits })?;
            Ok(())
        }),
        ClaimCommand::Rm { project, claim } => with_project(&project, |s| {
            let id = claim_id(&s.project, &claim)?;
            s.edit(Action::RemoveClaim { id })?;
            Ok(())
        }),
    }
}

/// Adds one claim under the project's write lock; returns its id once saved.
fn add(args: AddArgs) -> Result<ClaimId, CliError> {
    with_project(&args.project.clone(), |s| {
        let art = article_id(&s.project, &args.article)?;
        let at = Timestamp::now();
        let add = match (&args.quote, &args.range) {
            (Some(q), _) => Action::add_claim_by_quote(&s.project, &art, q, args.nth, at.clone())?,
            (None, Some(r)) => Action::add_claim(&s.project, &art, r.clone(), false, at.clone())?,
            (None, None) => return Err(CliError("give --quote or --range".into())),
        };
        // The session says which claim it made; the field edits follow it. Nothing is saved
        // unless both succeed.
        let id = s
            .edit(add)?
            .new_claims
            .pop()
            .ok_or_else(|| CliError("the claim was not added".into()))?;
        let fields = edits(&id, args.fields, &at);
        if !fields.is_empty() {
            s.edit(Action::Batch { actions: fields })?;
        }
        Ok(id)
    })
}

pub fn claims(args: ClaimsArgs) -> CliResult {
    if let Some(ClaimsSub::Import(a)) = args.sub {
        return super::export_cmds::claims_import(a);
    }
    let path = args
        .project
        .ok_or_else(|| CliError("give a project file (see factdesk claims --help)".into()))?;
    let project = load(&path)?;
    let article = match &args.article {
        Some(a) => Some(article_id(&project, a)?),
        None => None,
    };
    let selected: Vec<ClaimView> = project
        .claims
        .iter()
        .filter(|c| args.status.is_none_or(|s| c.status == s))
        .filter(|c| article.as_ref().is_none_or(|a| &c.article == a))
        .map(|c| ClaimView::in_project(&project, c))
        .collect();
    if args.json {
        return print_json(&selected);
    }
    for c in &selected {
        outln!(
            "{}\t{}\t{}\t{}",
            c.id,
            c.status,
            c.speaker,
            c.quote.replace('\n', " ")
        );
    }
    Ok(())
}
