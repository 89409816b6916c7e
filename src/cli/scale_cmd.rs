//! `scale`: shows or sets the project's rating scale, the levels verdicts are given on.

use super::{CliError, CliResult, edit_project, load};
use crate::core::action::Action;
use crate::core::model::{PRESETS, Project, RatingScale};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("set").args(["preset", "levels", "none"])))]
pub struct ScaleArgs {
    pub project: PathBuf,
    /// Use a preset: six-level (True … Pants on fire, rated 6 … 1), conclusions (textual, no
    /// numbers) or platform (False / Altered / Partly false / Missing context / Satire / True).
    #[arg(long)]
    pub preset: Option<String>,
    /// A custom scale: level names separated by commas, worst first. Plain names are rated
    /// 1..N ("False,Mostly false,True"); "NAME=N" chooses each number ("False=0,Mixed=5,True=10"),
    /// and then a level without "=N" has no number.
    #[arg(long)]
    pub levels: Option<String>,
    /// With --levels: the levels have no numbers (a textual scale; ClaimReview publishes names only).
    #[arg(long, requires = "levels")]
    pub no_numbers: bool,
    /// Remove the scale (claims keep their statuses).
    #[arg(long)]
    pub none: bool,
    /// Change the scale even though claims have verdicts that are not on the new one (they keep
    /// their verdict text; `export --format claimreview --check` lists them).
    #[arg(long)]
    pub force: bool,
}

/// Verdicts in use that `scale` does not have, each once.
fn stranded(project: &Project, scale: Option<&RatingScale>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in &project.claims {
        let v = c.verdict.trim();
        if !v.is_empty()
            && scale.is_none_or(|s| s.level(v).is_none())
            && !out.iter().any(|o| o == v)
        {
            out.push(v.to_string());
        }
    }
    out
}

fn print_scale(scale: Option<&RatingScale>) {
    match scale {
        None => outln!(
            "no rating scale: claims carry statuses only (set one with --preset or --levels)"
        ),
        Some(s) => {
            outln!("{}", s.name);
            for level in &s.levels {
                let value = level
                    .value
                    .map_or_else(|| "-".to_string(), |v| v.to_string());
                outln!("{value}\t{}", level.name);
            }
        }
    }
}

pub fn scale(args: ScaleArgs) -> CliResult {
    let wanted = match (&args.preset, &args.levels, args.none) {
        (None, None, false) => {
            let project = load(&args.project)?;
            print_scale(project.settings.rating_scale.as_ref());
            return Ok(());
        }
        (Some(name), _, _) => Some(RatingScale::preset(name).ok_or_else(|| {
            let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
            CliError(format!(
                "no preset '{name}' (presets: {})",
                names.join(", ")
            ))
        })?),
        (None, Some(levels), _) => {
            Some(RatingScale::from_levels_text(levels, !args.no_numbers).map_err(CliError)?)
        }
        (None, None, true) => None,
    };
    let force = args.force;
    let set = edit_project(&args.project, |session| {
        let left = stranded(&session.project, wanted.as_ref());
        if !left.is_empty() && !force {
            return Err(CliError(format!(
                "claims have verdicts the new scale lacks ({}); give --force to change it anyway",
                left.join(", ")
            )));
        }
        let mut settings = session.project.settings.clone();
        settings.rating_scale = wanted.clone();
        session.edit(Action::SetProjectSettings { settings })?;
        Ok(wanted.clone())
    })?;
    print_scale(set.as_ref());
    Ok(())
}
