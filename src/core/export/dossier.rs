//! The dossier: one zip to hand over — the HTML report (each source linked to its captured copy
//! inside the zip), ClaimReview, the JSON export, every captured WARC, and a manifest listing
//! each file with its SHA-256 so anyone can check nothing changed since export.

use super::{ClaimFilter, ExportOptions, Format, Provenance};
use crate::core::evidence::{self, ReadCaptureError, warc::sha256_hex};
use crate::core::model::{Capture, Project};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// The manifest's name inside the zip.
pub const MANIFEST: &str = "manifest.json";
/// The folder inside the zip holding the WARC files (the report links into it).
pub const EVIDENCE_FOLDER: &str = "evidence";

/// One file in the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ManifestFile {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

/// One capture in the dossier: where it is cited and what it held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ManifestCapture {
    pub path: String,
    /// `claim c-…` or `article a-…`.
    pub cited_by: String,
    pub url: String,
    pub final_url: String,
    pub captured_at: String,
    pub http_status: u16,
    /// SHA-256 of the HTTP payload inside the WARC (what `factdesk check` verifies).
    pub payload_sha256: String,
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Manifest {
    pub format: &'static str,
    pub project: String,
    pub exported_at: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub exported_by: String,
    pub factdesk_version: &'static str,
    pub selection: String,
    pub files: Vec<ManifestFile>,
    pub captures: Vec<ManifestCapture>,
}

/// A dossier ready to be written.
#[derive(Debug, Clone)]
pub struct Dossier {
    pub bytes: Vec<u8>,
    pub manifest: Manifest,
    pub claims: usize,
}

/// Builds the dossier of the claims `filter` selects, reading the captures from the evidence
/// folder of `project_path`. Refuses when a capture is missing or altered (the dossier vouches
/// for its evidence): `factdesk check` names them. Pure apart from reading: writes nothing.
pub fn build(
    project: &Project,
    project_path: &Path,
    filter: &ClaimFilter,
    provenance: &Provenance,
) -> Result<Dossier, String> {
    let claims = filter.select(project);
    let articles = filter.articles(project);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();

    let mut report = super::report::Report::new(project, filter, &claims, provenance);
    report.evidence_folder = Some(EVIDENCE_FOLDER);
    files.push((
        "report.html".into(),
        super::html::write(&report).into_bytes(),
    ));
    for (name, format) in [
        ("claimreview.jsonld", Format::ClaimReview),
        ("claims.json", Format::Json),
    ] {
        let options = ExportOptions {
            format,
            filter: filter.clone(),
            csv_bom: false,
        };
        let out = super::export_with(project, &options, provenance).map_err(|e| e.to_string())?;
        files.push((name.into(), out.bytes));
    }

    // Captures of the selected claims' sources and of their articles, each file once.
    let mut cited: Vec<(String, String, &Capture)> = Vec::new();
    for a in &articles {
        for c in &a.captures {
            cited.push((format!("article {}", a.id.as_str()), a.meta.url.clone(), c));
        }
    }
    for claim in &claims {
        for s in &claim.sources {
            for c in &s.captures {
                cited.push((format!("claim {}", claim.id.as_str()), s.url.clone(), c));
            }
        }
    }
    let mut captures = Vec::new();
    let mut problems = Vec::new();
    for (cited_by, url, c) in cited.into_iter().filter(|(_, _, c)| c.is_captured()) {
        let path = format!("{EVIDENCE_FOLDER}/{}", c.file);
        captures.push(ManifestCapture {
            path: path.clone(),
            cited_by,
            url,
            final_url: c.final_url.clone(),
            captured_at: c.time.as_str().to_string(),
            http_status: c.status,
            payload_sha256: c.sha256.clone(),
        });
        if files.iter().any(|(p, _)| *p == path) {
            continue;
        }
        let bytes = match evidence::read_capture_file(project_path, &c.file) {
            Ok(b) => b,
            Err(ReadCaptureError::Missing) => {
                problems.push(format!("{} is missing", c.file));
                continue;
            }
            Err(ReadCaptureError::Unreadable(r)) => {
                problems.push(format!("{}: {r}", c.file));
                continue;
            }
        };
        match evidence::warc::final_response(&bytes) {
            Ok(r) if sha256_hex(&r.payload) == c.sha256 => files.push((path, bytes)),
            Ok(_) => problems.push(format!("{} was altered since capture", c.file)),
            Err(e) => problems.push(format!("{}: {e}", c.file)),
        }
    }
    if !problems.is_empty() {
        return Err(format!(
            "evidence cannot be vouched for ({}); nothing exported (see factdesk check)",
            problems.join("; ")
        ));
    }

    let manifest = Manifest {
        format: "factdesk dossier 1",
        project: project.title.clone(),
        exported_at: provenance.exported_at.as_str().to_string(),
        exported_by: provenance.analyst.clone(),
        factdesk_version: provenance.version,
        selection: filter.describe(),
        files: files
            .iter()
            .map(|(p, b)| ManifestFile {
                path: p.clone(),
                sha256: sha256_hex(b),
                bytes: b.len() as u64,
            })
            .collect(),
        captures,
    };
    let manifest_json =
        serde_json::to_vec_pretty(&manifest).map_err(|e| format!("cannot write manifest: {e}"))?;
    let bytes = zip_files(
        &files,
        &manifest_json,
        zip_time(provenance.exported_at.as_str()),
    )
    .map_err(|e| format!("cannot write the zip: {e}"))?;
    Ok(Dossier {
        bytes,
        manifest,
        claims: claims.len(),
    })
}

/// The zip's timestamps: the export time (zip stores local-less date and time to 2 s).
fn zip_time(rfc3339: &str) -> zip::DateTime {
    let n = |r: std::ops::Range<usize>| rfc3339.get(r).and_then(|s| s.parse::<u16>().ok());
    match (n(0..4), n(5..7), n(8..10), n(11..13), n(14..16), n(17..19)) {
        (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) => {
            zip::DateTime::from_date_and_time(y, mo as u8, d as u8, h as u8, mi as u8, s as u8)
                .unwrap_or_default()
        }
        _ => zip::DateTime::default(),
    }
}

fn zip_files(
    files: &[(String, Vec<u8>)],
    manifest: &[u8],
    time: zip::DateTime,
) -> zip::result::ZipResult<Vec<u8>> {
    use zip::CompressionMethod::{Deflated, Stored};
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = |method| {
        SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(time)
            .unix_permissions(0o644)
    };
    zip.start_file(MANIFEST, options(Deflated))?;
    zip.write_all(manifest)?;
    for (path, bytes) in files {
        // WARC files are gzip already; compressing them again gains nothing.
        let method = if path.ends_with(".gz") {
            Stored
        } else {
            Deflated
        };
        zip.start_file(path.as_str(), options(method))?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
