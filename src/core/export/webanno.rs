//! W3C Web Annotation JSON-LD: each claim as an Annotation on its article's text.
//!
//! The target carries a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector.
//! W3C positions count Unicode code points, end-exclusive: exactly our char offsets.

use crate::core::model::{Claim, Project};
use serde_json::{Map, Value, json};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

fn text_body(purpose: &str, value: &str) -> Value {
    json!({"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"})
}

/// The IRI of an article: its URL when known, else a stable URN from its id.
pub fn article_iri(project: &Project, claim: &Claim) -> String {
    match project.article(&claim.article) {
        Some(a) if !a.meta.url.trim().is_empty() => a.meta.url.clone(),
        _ => format!("urn:factdesk:article:{}", claim.article),
    }
}

/// One Annotation (without `@context`: the collection carries it).
pub fn annotation(project: &Project, claim: &Claim) -> Value {
    let mut body = vec![text_body("tagging", claim.status.as_str())];
    if !claim.speaker.trim().is_empty() {
        // "identifying": the body names who made the claim.
        body.push(text_body("identifying", &claim.speaker));
    }
    if !claim.note.trim().is_empty() {
        body.push(text_body("commenting", &claim.note));
    }
    for s in claim.sources.iter().filter(|s| !s.url.is_empty()) {
        body.push(json!({"type": "SpecificResource", "purpose": "linking", "source": s.url}));
    }
    let a = &claim.anchor;
    let mut target = Map::new();
    target.insert("source".into(), json!(article_iri(project, claim)));
    target.insert(
        "selector".into(),
        json!([
            {"type": "TextQuoteSelector", "exact": a.quote, "prefix": a.prefix, "suffix": a.suffix},
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
        ]),
    );
    json!({
        "id": format!("urn:factdesk:claim:{}", claim.id),
        "type": "Annotation",
        "motivation": "assessing",
        "created": claim.created.as_str(),
        "modified": claim.updated.as_str(),
        "body": body,
        "target": Value::Object(target),
    })
}

/// An AnnotationCollection holding one page with every selected claim.
pub fn write(project: &Project, claims: &[&Claim]) -> Result<Vec<u8>, serde_json::Error> {
    let items: Vec<Value> = claims.iter().map(|c| annotation(project, c)).collect();
    let doc = json!({
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": project.title,
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    let mut out = serde_json::to_vec_pretty(&doc)?;
    out.push(b'\n');
    Ok(out)
}
