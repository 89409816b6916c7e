//! `new`, `import` and `articles`: commands on whole projects and their articles.

use super::{CliError, CliResult, edit_project, load, print_json};
use crate::core::action::Action;
use crate::core::import;
use crate::core::model::{Article, Project};
use crate::core::session::Session;
use crate::core::store;
use crate::core::views::ArticleView;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The project file to create (refused if it exists).
    pub project: PathBuf,
    /// Project title (default: the file name).
    #[arg(long)]
    pub title: Option<String>,
    /// Article files to import into the new project.
    pub articles: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    pub project: PathBuf,
    /// Article files to add.
    #[arg(required_unless_present = "urls")]
    pub files: Vec<PathBuf>,
    /// A web page to fetch and add (http or https; repeatable). The page as fetched is kept as
    /// evidence in NAME.evidence/ and the article's url is the address it was finally served from.
    /// FACTDESK_CA_FILE names certificate authorities (PEM) to trust instead of the built-in ones.
    #[arg(long = "url", value_name = "URL")]
    pub urls: Vec<String>,
    /// Seconds to wait for a server to connect or send (default 30).
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
}

#[derive(Debug, clap::Args)]
pub struct ArticlesArgs {
    pub project: PathBuf,
    /// Print a JSON array of {id, title, source, byline, published, url, chars, claims, text}.
    #[arg(long)]
    pub json: bool,
}

/// Imports every file first so that one bad file leaves the project untouched. Warnings (lossy
/// decoding, thin extraction) go to stderr, naming the file.
fn import_all(files: &[PathBuf]) -> Result<Vec<Article>, CliError> {
    files
        .iter()
        .map(|f| {
            let imported = import::read_path(f)?;
            for w in &imported.warnings {
                eprintln!("factdesk: warning: {}: {w}", f.display());
            }
            Ok(imported.into_article())
        })
        .collect()
}

/// Adds articles as one undoable batch; returns the ID<TAB>TITLE line of each, to print once
/// the project is saved.
fn add_articles(session: &mut Session, articles: Vec<Article>) -> Result<Vec<String>, CliError> {
    for (i, a) in articles.iter().enumerate() {
        // The same text already in the project, or earlier in this batch.
        if let Some(same) = session
            .project
            .articles
            .iter()
            .chain(&articles[..i])
            .find(|b| b.content_hash == a.content_hash)
        {
            eprintln!(
                "factdesk: warning: {} has the same text as article {} ({})",
                a.meta.imported_from,
                same.id,
                same.display_title()
            );
        }
    }
    let lines: Vec<String> = articles
        .iter()
        .map(|a| format!("{}\t{}", a.id, a.display_title()))
        .collect();
    let actions = articles
        .into_iter()
        .map(|a| Action::AddArticle {
            article: Box::new(a),
        })
        .collect();
    session.edit(Action::Batch { actions })?;
    Ok(lines)
}

pub fn new(args: NewArgs) -> CliResult {
    let exists = |p: &std::path::Path| {
        CliError(format!(
            "{}: already exists; not overwriting it",
            p.display()
        ))
    };
    if std::fs::symlink_metadata(&args.project).is_ok() {
        return Err(exists(&args.project));
    }
    let articles = import_all(&args.articles)?;
    let title = args.title.unwrap_or_else(|| {
        args.project
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let mut session = Session::unsaved(Project::new(&title));
    let lines = if articles.is_empty() {
        Vec::new()
    } else {
        add_articles(&mut session, articles)?
    };
    // Checked again under the lock: of two commands creating one file, one wins, one is refused.
    let writer = store::ProjectWriter::lock_new(&args.project).map_err(|e| match e {
        store::StoreError::Refused { .. } => exists(&args.project),
        e => CliError::from(e),
    })?;
    writer.save(&session.project)?;
    drop(writer);
    for l in lines {
        outln!("{l}");
    }
    Ok(())
}

/// Fetches each page, imports it as an article and keeps the page as fetched as evidence (the
/// WARC is written before the project, so an article never names a missing capture).
pub(super) fn import_urls(
    project: &std::path::Path,
    urls: &[String],
    timeout: Option<u64>,
) -> Result<Vec<Article>, CliError> {
    use crate::core::{evidence, fetch};
    let options = super::capture_cmd::fetch_options(timeout);
    let mut out = Vec::new();
    for url in urls {
        let result = (|| -> Result<Article, CliError> {
            let page =
                evidence::fetch_article(url, &options, &fetch::FetchControl::new(), Some(project))?;
            let mut article = page.article;
            for w in &page.warnings {
                eprintln!("factdesk: warning: {}: {w}", article.meta.url);
            }
            let capture = page
                .capture
                .unwrap_or_else(|| Err("no project file".to_string()))
                .map_err(|e| {
                    CliError(format!(
                        "{url}: imported, but the page could not be kept as evidence: {e}"
                    ))
                })?;
            article.captures.push(capture);
            Ok(article)
        })();
        match result {
            Ok(a) => out.push(a),
            Err(e) => {
                // Evidence already written for the pages before this one is not recorded.
                let written: Vec<_> = out.iter().flat_map(|a: &Article| &a.captures).collect();
                super::capture_cmd::remove_unrecorded(project, &written);
                return Err(e);
            }
        }
    }
    Ok(out)
}

pub fn import(args: ImportArgs) -> CliResult {
    let mut articles = import_all(&args.files)?;
    articles.extend(import_urls(&args.project, &args.urls, args.timeout)?);
    let result = edit_project(&args.project, |session| {
        add_articles(session, articles.clone())
    });
    if result.is_err() {
        let written: Vec<_> = articles.iter().flat_map(|a| &a.captures).collect();
        super::capture_cmd::remove_unrecorded(&args.project, &written);
    }
    let lines = result?;
    for l in lines {
        outln!("{l}");
    }
    Ok(())
}

pub fn articles(args: ArticlesArgs) -> CliResult {
    let project = load(&args.project)?;
    if args.json {
        let views: Vec<ArticleView> = project
            .articles
            .iter()
            .map(|a| ArticleView::new(&project, a))
            .collect();
        return print_json(&views);
    }
    for a in &project.articles {
        outln!(
            "{}\t{} chars\t{} claims\t{}",
            a.id,
            a.char_len(),
            project.claims_of(&a.id).count(),
            a.display_title()
        );
    }
    Ok(())
}
