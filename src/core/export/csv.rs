//! CSV export: one row per claim, RFC 4180, safe to open in a spreadsheet.

use crate::core::model::{Claim, Project, Source};

/// The header row. A public interface: scripts address columns by these names; new columns are
/// only ever appended.
pub const COLUMNS: [&str; 24] = [
    "id",
    "article_title",
    "article_url",
    "quote",
    "status",
    "speaker",
    "sources",
    "note",
    "start",
    "end",
    "created",
    "updated",
    "verdict",
    "summary",
    "review_url",
    "creator",
    "article_source",
    "article_published",
    // Every source whole, as a JSON array of {"url", "title", "note"}: lossless, unlike `sources`.
    "sources_json",
    "reviewed_by",
    "exported_by",
    "exported_at",
    // The article version `start`/`end` index into, and `current` or `changed` (the outlet changed
    // the quote in a later version): without them a flagged claim's offsets point at the wrong text.
    "version",
    "anchor",
];

/// Separator between several sources in the `sources` cell.
pub const SOURCE_SEPARATOR: &str = " | ";

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Spreadsheets run a cell starting with one of these as a formula (CR and tab too, because some
/// strip them before looking). Claim text comes from the web, so such cells get a leading `'`.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The `sources` cell: each source's URL (or its title when it has none), joined.
pub fn join_sources(sources: &[Source]) -> String {
    sources
        .iter()
        .map(|s| {
            if s.url.is_empty() {
                s.title.as_str()
            } else {
                s.url.as_str()
            }
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(SOURCE_SEPARATOR)
}

/// The `sources_json` cell: the sources as a JSON array, titles and notes included.
pub fn sources_json(sources: &[Source]) -> String {
    serde_json::to_string(sources).unwrap_or_else(|_| "[]".to_string())
}

pub fn write(
    project: &Project,
    claims: &[&Claim],
    bom: bool,
    provenance: &super::Provenance,
) -> Result<Vec<u8>, csv::Error> {
    let mut buf = Vec::with_capacity(64 + claims.len() * 200);
    if bom {
        buf.extend_from_slice(BOM);
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(buf);
    w.write_record(COLUMNS)?;
    for c in claims {
        let article = project.article(&c.article);
        let title = article.map_or("", |a| a.meta.title.as_str());
        let url = article.map_or("", |a| a.meta.url.as_str());
        let sources = join_sources(&c.sources);
        let start = c.anchor.start.to_string();
        let end = c.anchor.end.to_string();
        let source = article.map_or("", |a| a.meta.source.as_str());
        let published = article.map_or("", |a| a.meta.published.as_str());
        let all_sources = sources_json(&c.sources);
        let reviewed_by = c.reviewed.as_ref().map_or("", |r| r.by.as_str());
        let version = crate::core::versions::claim_version(project, c).to_string();
        let anchor = if c.changed.is_some() {
            "changed"
        } else {
            "current"
        };
        let row = [
            neutralise(c.id.as_str()),
            neutralise(title),
            neutralise(url),
            neutralise(&c.anchor.quote),
            neutralise(c.status.as_str()),
            neutralise(&c.speaker),
            neutralise(&sources),
            neutralise(&c.note),
            start.as_str().into(),
            end.as_str().into(),
            neutralise(c.created.as_str()),
            neutralise(c.updated.as_str()),
            neutralise(&c.verdict),
            neutralise(&c.summary),
            neutralise(&c.review_url),
            neutralise(&c.creator),
            neutralise(source),
            neutralise(published),
            neutralise(&all_sources),
            neutralise(reviewed_by),
            neutralise(&provenance.analyst),
            neutralise(provenance.exported_at.as_str()),
            version.as_str().into(),
            anchor.into(),
        ];
        w.write_record(row.iter().map(|c| c.as_bytes()))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=1+1", "+33 1", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        assert_eq!(neutralise("North Korea"), "North Korea");
        assert_eq!(neutralise("“=quoted”"), "“=quoted”");
    }

    #[test]
    fn sources_join_urls_or_titles() {
        let s = vec![
            Source::from_url("https://a.example"),
            Source {
                title: "KCNA statement".into(),
                ..Source::default()
            },
            Source::default(),
        ];
        assert_eq!(join_sources(&s), "https://a.example | KCNA statement");
    }
}
