//! W3C Web Annotation JSON-LD: each claim as an Annotation on its article's text.
//!
//! The target carries a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector.
//! W3C positions count Unicode code points, end-exclusive: exactly our char offsets.

use crate::core::model::{Claim, Project};
use serde::Serialize;

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: &'a str,
    modified: &'a str,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Body<'a> {
    TextualBody {
        purpose: &'static str,
        value: &'a str,
        format: &'static str,
    },
    SpecificResource {
        purpose: &'static str,
        source: &'a str,
    },
}

#[derive(Serialize)]
struct Target<'a> {
    source: String,
    /// The quote with its context; its char offsets too, unless a newer version of the article
    /// changed the quote (the offsets then index an older text than the one at the URL).
    selector: Vec<Selector<'a>>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector<'a> {
    TextQuoteSelector {
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

fn text_body<'a>(purpose: &'static str, value: &'a str) -> Body<'a> {
    Body::TextualBody {
        purpose,
        value,
        format: "text/plain",
    }
}

/// The IRI of an article: its URL when known, else a stable URN from its id.
pub fn article_iri(project: &Project, claim: &Claim) -> String {
    match project.article(&claim.article) {
        Some(a) if !a.meta.url.trim().is_empty() => a.meta.url.clone(),
        _ => format!("urn:factdesk:article:{}", claim.article),
    }
}

fn annotation<'a>(project: &Project, claim: &'a Claim) -> Annotation<'a> {
    let mut body = vec![text_body("tagging", claim.status.as_str())];
    if !claim.speaker.trim().is_empty() {
        // "identifying": the body names who made the claim.
        body.push(text_body("identifying", &claim.speaker));
    }
    if !claim.note.trim().is_empty() {
        body.push(text_body("commenting", &claim.note));
    }
    for s in claim.sources.iter().filter(|s| !s.url.is_empty()) {
        body.push(Body::SpecificResource {
            purpose: "linking",
            source: &s.url,
        });
    }
    let a = &claim.anchor;
    Annotation {
        id: format!("urn:factdesk:claim:{}", claim.id),
        kind: "Annotation",
        motivation: "assessing",
        created: claim.created.as_str(),
        modified: claim.updated.as_str(),
        body,
        target: Target {
            source: article_iri(project, claim),
            selector: [
                Some(Selector::TextQuoteSelector {
                    exact: &a.quote,
                    prefix: &a.prefix,
                    suffix: &a.suffix,
                }),
                claim
                    .changed
                    .is_none()
                    .then_some(Selector::TextPositionSelector {
                        start: a.start,
                        end: a.end,
                    }),
            ]
            .into_iter()
            .flatten()
            .collect(),
        },
    }
}

/// An AnnotationCollection holding one page with every selected claim.
pub fn write(project: &Project, claims: &[&Claim]) -> Result<Vec<u8>, serde_json::Error> {
    let items: Vec<Annotation> = claims.iter().map(|c| annotation(project, c)).collect();
    let doc = Collection {
        context: CONTEXT,
        kind: "AnnotationCollection",
        label: &project.title,
        total: items.len(),
        first: Page {
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    let mut out = Vec::with_capacity(claims.len() * 900);
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.push(b'\n');
    Ok(out)
}
