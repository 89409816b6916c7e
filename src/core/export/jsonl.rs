//! JSON Lines export: one claim per line, with the keys of `factdesk claims --json`.

use crate::core::model::{Claim, Project};
use crate::core::views::ClaimView;

pub fn write(project: &Project, claims: &[&Claim]) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::with_capacity(claims.len() * 300);
    for c in claims {
        // serde_json escapes newlines inside strings, so each record stays on one line.
        serde_json::to_writer(&mut out, &ClaimView::in_project(project, c))?;
        out.push(b'\n');
    }
    Ok(out)
}
