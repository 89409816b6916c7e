//! A prior check read from its own project file: the claim in context for the read-only viewer,
//! and its sources for "Adopt sources" (merged with the current claim's, without duplicates).

use crate::core::library::Hit;
use crate::core::model::{Claim, Project, Source};
use crate::core::store;
use crate::ui::review::seen_before::Viewer;
use std::path::Path;

/// Context shown on each side of a prior check's quote (chars).
const CONTEXT_CHARS: usize = 600;

/// Reads a prior check's project (bounded, never written) into the viewer's shape.
pub(crate) fn read_prior(path: &Path, claim: &str) -> Result<Viewer, String> {
    let project = store::load(path).map_err(|e| format!("Could not read the project.\n\n{e}"))?;
    let c = project
        .claims
        .iter()
        .find(|c| c.id.0 == claim)
        .ok_or_else(|| {
            format!(
                "{}: the claim {claim} is no longer in this project (the library is older than the file).",
                path.display()
            )
        })?;
    let (before, quote, after) = context(&project, c);
    let article = project
        .article(&c.article)
        .map(|a| a.meta.title.clone())
        .unwrap_or_default();
    Ok(Viewer {
        path: path.to_path_buf(),
        claim: c.id.0.clone(),
        article,
        before,
        quote,
        after,
        status: c.status,
        verdict: c.verdict.clone(),
        speaker: c.speaker.clone(),
        summary: c.summary.clone(),
        review_url: c.review_url.clone(),
        sources: c.sources.clone(),
        note: c.note.clone(),
    })
}

/// The claim's paragraph around its quote (capped), or its stored context when the body no
/// longer holds the quote at its offsets (a claim kept on an older version).
fn context(project: &Project, c: &Claim) -> (String, String, String) {
    let fallback = || {
        (
            c.anchor.prefix.clone(),
            c.anchor.quote.clone(),
            c.anchor.suffix.clone(),
        )
    };
    let Some(article) = project.article(&c.article) else {
        return fallback();
    };
    let body = &article.body;
    let idx = article.index();
    let (Some(s), Some(e)) = (
        idx.to_byte(body, c.anchor.start),
        idx.to_byte(body, c.anchor.end),
    ) else {
        return fallback();
    };
    if body.get(s..e) != Some(c.anchor.quote.as_str()) {
        return fallback();
    }
    let para_start = body[..s].rfind("\n\n").map_or(0, |i| i + 2);
    let para_end = body[e..].find("\n\n").map_or(body.len(), |i| e + i);
    let before: String = {
        let text = &body[para_start..s];
        let n = text.chars().count();
        let cut: String = text.chars().skip(n.saturating_sub(CONTEXT_CHARS)).collect();
        if n > CONTEXT_CHARS {
            format!("…{cut}")
        } else {
            cut
        }
    };
    let after: String = {
        let text = &body[e..para_end];
        let cut: String = text.chars().take(CONTEXT_CHARS).collect();
        if text.chars().count() > CONTEXT_CHARS {
            format!("{cut}…")
        } else {
            cut
        }
    };
    (before, c.anchor.quote.clone(), after)
}

/// The sources a prior check brings: its project claim's (copies of pages it captured stay
/// with that project), or for a published review the review itself.
pub(crate) fn prior_sources(h: &Hit) -> Result<Vec<Source>, String> {
    match &h.claim {
        Some(id) => {
            let path = Path::new(&h.project);
            let project = store::load(path).map_err(|e| e.to_string())?;
            Ok(project
                .claims
                .iter()
                .find(|c| &c.id.0 == id)
                .map(|c| {
                    c.sources
                        .iter()
                        .map(|s| Source {
                            captures: Vec::new(),
                            ..s.clone()
                        })
                        .collect()
                })
                .unwrap_or_default())
        }
        None => Ok(h
            .url
            .as_deref()
            .filter(|u| !u.trim().is_empty())
            .map(|u| Source {
                url: u.trim().to_string(),
                title: match &h.publisher {
                    Some(p) => format!("Fact-check by {p}"),
                    None => "Published fact-check".to_string(),
                },
                note: h.verdict.clone().unwrap_or_default(),
                captures: Vec::new(),
            })
            .into_iter()
            .collect()),
    }
}

/// `ours` followed by those of `theirs` it does not have yet (same address, or same title when
/// neither has one); empty sources are not copied.
pub(crate) fn merge_sources(ours: &[Source], theirs: Vec<Source>) -> Vec<Source> {
    let key = |s: &Source| {
        let url = s.url.trim().trim_end_matches('/').to_lowercase();
        if url.is_empty() {
            format!("title:{}", s.title.trim().to_lowercase())
        } else {
            url
        }
    };
    let mut all = ours.to_vec();
    let mut seen: Vec<String> = ours.iter().map(key).collect();
    for s in theirs {
        if s.url.trim().is_empty() && s.title.trim().is_empty() {
            continue;
        }
        let k = key(&s);
        if !seen.contains(&k) {
            seen.push(k);
            all.push(s);
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(url: &str, title: &str) -> Source {
        Source {
            url: url.into(),
            title: title.into(),
            ..Source::default()
        }
    }

    #[test]
    fn adopted_sources_are_appended_without_duplicates() {
        let ours = vec![src("https://a.example/x", "A")];
        let theirs = vec![
            src("https://a.example/x/", "A again"),
            src("https://b.example", "B"),
            src("", ""),
            src("", "Phone call"),
        ];
        let merged = merge_sources(&ours, theirs);
        let urls: Vec<&str> = merged.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(urls, ["A", "B", "Phone call"]);
    }
}
