//! `sentences` and `suggest`: sentence boundaries and claim suggestions from the command line.

use super::{CliError, CliResult, load, print_json};
use crate::core::model::{Article, Project};
use crate::core::nlp::{self, AcceptAs, Suggestion};
use crate::core::session::Session;
use crate::core::store;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct SentencesArgs {
    /// A UTF-8 text file or a project (.ron); standard input when absent.
    pub file: Option<PathBuf>,
    /// With a project: only this article (id or unique prefix).
    #[arg(long)]
    pub article: Option<String>,
    /// Print a JSON array of {start, end, text, lang}: char offsets into the text
    /// (end-exclusive) and the sentence's text with its line breaks joined.
    #[arg(long)]
    pub json: bool,
    /// The text's language (en, fr, de, es; a tag such as "fr-CA" works too). With a project,
    /// each article's own language is used when this is absent; English otherwise.
    #[arg(long)]
    pub lang: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    pub project: PathBuf,
    /// Only this article (id or unique prefix).
    #[arg(long)]
    pub article: Option<String>,
    /// Print a JSON array of {article, start, end, quote, speaker, cue, status, reason, score}.
    #[arg(long)]
    pub json: bool,
    /// Add the suggestions to the project as unreviewed claims, with their speakers.
    #[arg(long, conflicts_with = "reject")]
    pub apply: bool,
    /// With --apply: give the claims the suggested status instead of unreviewed.
    #[arg(long, requires = "apply")]
    pub tag: bool,
    /// Reject the listed suggestions: they are remembered and not proposed again.
    #[arg(long)]
    pub reject: bool,
    /// Only suggestions scoring at least this (0 to 1).
    #[arg(long, default_value_t = 0.0)]
    pub min_score: f32,
}

#[derive(Serialize)]
struct SentenceView<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    article: &'a str,
    start: usize,
    end: usize,
    text: String,
    lang: &'static str,
}

fn pick<'a>(project: &'a Project, article: &Option<String>) -> Result<Vec<&'a Article>, CliError> {
    match article {
        None => Ok(project.articles.iter().collect()),
        Some(id) => project
            .find_article(id)
            .map(|a| vec![a])
            .ok_or_else(|| CliError(format!("no article with id '{id}' (see factdesk articles)"))),
    }
}

pub fn sentences(args: SentencesArgs) -> CliResult {
    let forced = match &args.lang {
        None => None,
        Some(tag) => Some(nlp::Lang::parse(tag).ok_or_else(|| {
            let known: Vec<&str> = nlp::Lang::ALL.iter().map(|l| l.code()).collect();
            CliError(format!(
                "unsupported language '{tag}' (supported: {})",
                known.join(", ")
            ))
        })?),
    };
    let is_project = args
        .file
        .as_ref()
        .is_some_and(|f| f.extension().is_some_and(|e| e == "ron"));
    let texts: Vec<(String, String, nlp::Lang)> = if is_project {
        let path = args.file.clone().unwrap_or_default();
        let project = load(&path)?;
        pick(&project, &args.article)?
            .into_iter()
            .map(|a| {
                let lang = forced.unwrap_or_else(|| nlp::Lang::from_tag(&a.meta.lang));
                (a.id.0.clone(), a.body.clone(), lang)
            })
            .collect()
    } else {
        if args.article.is_some() {
            return Err(CliError("--article needs a project file (.ron)".into()));
        }
        let limit = crate::core::import::MAX_IMPORT_BYTES;
        let text = match &args.file {
            Some(f) => store::read_text_limited(f, limit)?,
            None => store::read_stdin_text_limited(limit)?,
        };
        let text = crate::core::model::normalize_newlines(&text);
        vec![(String::new(), text, forced.unwrap_or_default())]
    };
    let mut views = Vec::new();
    for (article, body, lang) in &texts {
        let idx = crate::core::text::CharIndex::new(body);
        for r in nlp::sentences_with(body, nlp::SegmentOptions::lang(*lang)) {
            let raw = idx.slice(body, r.clone()).unwrap_or_default();
            // Only sentences holding a line break need their text rebuilt.
            let text = if raw.contains('\n') {
                nlp::sentence_text(raw, 0..raw.chars().count())
            } else {
                raw.to_string()
            };
            views.push(SentenceView {
                article,
                start: r.start,
                end: r.end,
                text,
                lang: lang.code(),
            });
        }
    }
    if args.json {
        return print_json(&views);
    }
    for v in &views {
        let prefix = if v.article.is_empty() {
            String::new()
        } else {
            format!("{}\t", v.article)
        };
        outln!("{prefix}{}\t{}\t{}", v.start, v.end, v.text);
    }
    Ok(())
}

/// The suggestions a project gets, after known claims, rejections and the score filter.
fn suggestions_for(project: &Project, args: &SuggestArgs) -> Result<Vec<Suggestion>, CliError> {
    let articles = pick(project, &args.article)?;
    let all: Vec<Suggestion> = articles
        .into_iter()
        .flat_map(nlp::suggest_article)
        .collect();
    Ok(nlp::filter_known(project, all)
        .into_iter()
        .filter(|s| s.score >= args.min_score)
        .collect())
}

pub fn suggest(args: SuggestArgs) -> CliResult {
    if !(args.apply || args.reject) {
        let shown = suggestions_for(&load(&args.project)?, &args)?;
        return print_suggestions(&shown, args.json);
    }
    // Applying: suggestions are made from the file as it is under the write lock, and listed
    // only once the change is saved.
    let mut session = Session::open_for_command(&args.project, super::analyst())?;
    let shown = suggestions_for(&session.project, &args)?;
    if !shown.is_empty() {
        let action = if args.apply {
            let as_ = if args.tag {
                AcceptAs::Suggested
            } else {
                AcceptAs::Unreviewed
            };
            nlp::accept_all_action(&session.project, &shown, as_)?
        } else {
            nlp::reject_all_action(&shown)
        };
        session.edit(action)?;
        session.save()?;
    }
    drop(session);
    print_suggestions(&shown, args.json)?;
    if !shown.is_empty() {
        let what = if args.apply { "added" } else { "rejected" };
        eprintln!(
            "{what} {} suggestion(s) in {}",
            shown.len(),
            args.project.display()
        );
    }
    Ok(())
}

fn print_suggestions(shown: &[Suggestion], json: bool) -> CliResult {
    if json {
        return print_json(&shown);
    }
    for s in shown {
        outln!(
            "{}\t{}..{}\t{}\t{:.2}\t{}\t{}\t{}",
            s.article,
            s.start,
            s.end,
            s.status,
            s.score,
            s.speaker,
            s.cue,
            s.quote.replace('\n', " ")
        );
    }
    Ok(())
}
