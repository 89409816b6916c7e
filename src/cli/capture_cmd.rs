//! `capture`: fetch cited sources and keep each page as evidence (a WARC file beside the
//! project, recorded on the source); `--list` and `--show` read captures back, offline.

use super::{CliError, CliResult, load};
use crate::core::evidence::{self, Holder};
use crate::core::fetch::{FetchControl, FetchOptions};
use crate::core::model::{Capture, Project};
use crate::core::store;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct CaptureArgs {
    pub project: PathBuf,
    /// Capture the sources of this claim (id or unique prefix; repeatable), captured before or not.
    #[arg(long = "claim", value_name = "ID")]
    pub claims: Vec<String>,
    /// Capture every source of the project again. Without --claim or --all, only sources with no
    /// successful capture yet are fetched. A new capture never replaces an older one.
    #[arg(long)]
    pub all: bool,
    /// List every capture (CLAIM-OR-ARTICLE<TAB>URL<TAB>STATE<TAB>TIME<TAB>FILE-OR-WHY); no network.
    #[arg(long, conflicts_with_all = ["claims", "all", "show"])]
    pub list: bool,
    /// Print the readable text of the newest capture of this URL (or of this capture file name),
    /// offline, from the evidence folder.
    #[arg(long, value_name = "URL|FILE", conflicts_with_all = ["claims", "all"])]
    pub show: Option<String>,
    /// Seconds to wait for a server to connect or send (default 30).
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
}

/// Fetch limits for commands: the defaults, with `--timeout` applied.
pub(super) fn fetch_options(timeout: Option<u64>) -> FetchOptions {
    let mut options = FetchOptions::default();
    if let Some(s) = timeout {
        let t = Duration::from_secs(s.max(1));
        options.connect_timeout = t;
        options.read_timeout = t;
        options.total_timeout = options.total_timeout.max(t * 4);
    }
    options
}

/// Removes capture files written by a command whose project update then failed, so none is left
/// unreferenced. Only files the project as it is on disk does not name are removed (a save can
/// fail after its rename); when the project cannot be read, nothing is. An unreferenced file is
/// harmless, a referenced one missing is not.
pub(super) fn remove_unrecorded(project: &Path, captures: &[&Capture]) {
    let Ok(on_disk) = store::load(project) else {
        return;
    };
    let named: std::collections::HashSet<&str> = evidence::all_captures(&on_disk)
        .into_iter()
        .map(|(_, c)| c.file.as_str())
        .collect();
    for c in captures {
        if !named.contains(c.file.as_str()) {
            evidence::discard_unrecorded(project, c);
        }
    }
}

/// One source to capture: the claim citing it and its URL.
struct Target {
    claim: String,
    url: String,
}

fn targets(project: &Project, args: &CaptureArgs) -> Result<Vec<Target>, CliError> {
    let mut chosen = Vec::new();
    for id in &args.claims {
        let claim = project
            .find_claim(id)
            .ok_or_else(|| CliError(format!("no claim with id '{id}' (see factdesk claims)")))?;
        chosen.push(claim.id.clone());
    }
    let mut out = Vec::new();
    for claim in &project.claims {
        let named = chosen.contains(&claim.id);
        if !args.claims.is_empty() && !named {
            continue;
        }
        for s in &claim.sources {
            let never = !s.captures.iter().any(Capture::is_captured);
            if s.url.trim().is_empty() || !(args.all || named || never) {
                continue;
            }
            out.push(Target {
                claim: claim.id.as_str().to_string(),
                url: s.url.trim().to_string(),
            });
        }
    }
    Ok(out)
}

pub fn capture(args: CaptureArgs) -> CliResult {
    let project = load(&args.project)?;
    if args.list {
        return list(&project);
    }
    if let Some(what) = &args.show {
        return show(&args.project, &project, what);
    }
    let targets = targets(&project, &args)?;
    if targets.is_empty() {
        eprintln!(
            "factdesk: nothing to capture (every source has a capture; --all captures again)"
        );
        return Ok(());
    }
    // Each URL is fetched once, however many claims cite it.
    let mut urls: Vec<String> = targets.iter().map(|t| t.url.clone()).collect();
    urls.sort();
    urls.dedup();
    let options = fetch_options(args.timeout);
    let archive = project.settings.internet_archive;
    let captures = fetch_all(&args.project, &urls, &options, archive);

    // The WARC files are on disk; now record them, under the write lock.
    let recorded = store::update(&args.project, |p| -> Result<usize, CliError> {
        let mut missing = 0;
        for t in &targets {
            let Some(i) = urls.iter().position(|u| *u == t.url) else {
                continue;
            };
            let Some(claim) = p.claims.iter_mut().find(|c| c.id.as_str() == t.claim) else {
                missing += 1;
                continue;
            };
            let mut found = false;
            for s in claim.sources.iter_mut().filter(|s| s.url.trim() == t.url) {
                s.captures.push(captures[i].clone());
                found = true;
            }
            if !found {
                missing += 1;
            }
        }
        Ok(missing)
    });
    let missing = match recorded {
        Ok(m) => m,
        Err(e) => {
            remove_unrecorded(&args.project, &captures.iter().collect::<Vec<_>>());
            return Err(CliError(format!("{}; no capture was recorded", e.0)));
        }
    };
    if missing > 0 {
        eprintln!(
            "factdesk: warning: {missing} source(s) were changed or removed while capturing; their captures were not recorded"
        );
    }
    let mut failed = 0;
    for (url, c) in urls.iter().zip(&captures) {
        if c.is_captured() {
            let mut line = format!("captured\t{url}\t{}\t{}", c.file, c.sha256);
            if !c.archive_url.is_empty() {
                line.push('\t');
                line.push_str(&c.archive_url);
            }
            outln!("{line}");
        } else {
            failed += 1;
            outln!("failed\t{url}\t{}", c.error);
        }
    }
    if failed > 0 {
        return Err(CliError(format!(
            "{failed} of {} capture(s) failed (recorded as failed on their sources)",
            urls.len()
        )));
    }
    Ok(())
}

/// Fetches the URLs on a few worker threads (a slow server does not hold up the rest); results
/// come back in the order of `urls`.
fn fetch_all(
    project: &Path,
    urls: &[String],
    options: &FetchOptions,
    archive: bool,
) -> Vec<Capture> {
    const WORKERS: usize = 4;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<Capture>>> =
        urls.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..WORKERS.min(urls.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(url) = urls.get(i) else { break };
                    let mut c = evidence::capture_url(project, url, options, &FetchControl::new());
                    if archive && c.is_captured() {
                        match evidence::ask_internet_archive(url, options) {
                            Ok(a) => c.archive_url = a,
                            Err(e) => eprintln!("factdesk: warning: Internet Archive: {e}"),
                        }
                    }
                    if let Ok(mut slot) = results[i].lock() {
                        *slot = Some(c);
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .map(|m| {
            m.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| Capture::failed("the capture did not finish"))
        })
        .collect()
}

fn list(project: &Project) -> CliResult {
    for (holder, c) in evidence::all_captures(project) {
        let (who, url) = match &holder {
            Holder::Source { claim, url } => (claim.clone(), url.clone()),
            Holder::Article { article } => (article.clone(), c.final_url.clone()),
        };
        let detail = if c.is_captured() { &c.file } else { &c.error };
        outln!(
            "{who}\t{url}\t{}\t{}\t{detail}",
            c.state.as_str(),
            c.time.as_str()
        );
    }
    Ok(())
}

fn show(path: &Path, project: &Project, what: &str) -> CliResult {
    let file = if evidence::is_capture_file_name(what.trim()) {
        what.trim().to_string()
    } else {
        evidence::latest_capture_of(project, what)
            .map(|c| c.file.clone())
            .ok_or_else(|| CliError(format!("no capture of {what} in this project")))?
    };
    let page = evidence::readable_text(path, &file).map_err(CliError)?;
    outln!("{}", page.meta.title);
    outln!();
    outln!("{}", page.body);
    Ok(())
}
