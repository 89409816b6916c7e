//! Format versions: refuses files from a newer factdesk and upgrades older documents step by step
//! to the current layout, so every file ever written stays readable.

use super::StoreError;
use super::document::Document;
use std::path::Path;

/// The version this build writes. Files with a higher version are refused, lower ones migrated.
///
/// - 1: articles, claims (status, speaker, sources, note, audit), conflicts, rejections.
/// - 2: verdicts apart from statuses: `settings.rating_scale`, and per claim `verdict`,
///   `summary` and `review_url`. Bumped so that an older factdesk refuses a file whose verdicts
///   it would drop on save, instead of silently losing them.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest version this build can upgrade.
pub const OLDEST_SUPPORTED: u32 = 1;

/// One upgrade step: turns a document of version `from` into one of version `from + 1`.
type Step = fn(&mut Document);

/// Upgrade steps, indexed by the version they start from. To change the format: bump
/// [`FORMAT_VERSION`], add `(old, step)` here, keep the old fixture under `tests/fixtures/format/`
/// and add one for the new version. Purely additive changes (a new field with a serde default,
/// such as `orphaned` on claims) need no step and no bump.
const STEPS: &[(u32, Step)] = &[(1, v1_to_v2)];

/// Version 1 had no verdicts: every claim starts with none and the project with no scale, which
/// is what the serde defaults already give. The step is kept so the history of the format reads
/// in one place.
fn v1_to_v2(doc: &mut Document) {
    doc.settings.rating_scale = None;
    for claim in &mut doc.claims {
        claim.verdict.clear();
        claim.summary.clear();
        claim.review_url.clear();
    }
}

/// Refuses versions this build cannot read, with a message that says why.
pub fn check_version(found: u32, path: &Path) -> Result<(), StoreError> {
    if found > FORMAT_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found,
        });
    }
    if found < OLDEST_SUPPORTED {
        return Err(StoreError::Parse {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: format!("format_version {found} is not a factdesk project version"),
        });
    }
    Ok(())
}

/// Brings `doc` up to [`FORMAT_VERSION`]. Returns the version it was read as.
pub fn upgrade(doc: &mut Document) -> u32 {
    let read_as = doc.format_version;
    while doc.format_version < FORMAT_VERSION {
        let Some((_, step)) = STEPS.iter().find(|(v, _)| *v == doc.format_version) else {
            // No step means the layouts are compatible.
            doc.format_version += 1;
            continue;
        };
        step(doc);
        doc.format_version += 1;
    }
    read_as
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_outside_the_readable_range_are_refused() {
        let p = Path::new("f.ron");
        assert!(check_version(FORMAT_VERSION, p).is_ok());
        let newer = check_version(FORMAT_VERSION + 1, p).expect_err("newer");
        assert!(newer.to_string().contains("made by a newer factdesk"));
        let zero = check_version(0, p).expect_err("zero");
        assert!(zero.to_string().contains("not a factdesk project version"));
    }
}
