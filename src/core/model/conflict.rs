//! Unsettled disagreements left by a three-way merge, kept in the project until someone picks a side.

use super::article::ArticleMeta;
use super::audit::SignOff;
use super::claim::{Anchor, Claim, Source};
use super::status::Status;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What part of a claim (or article) two merged copies disagree on.
///
/// The lowercase names are a public interface (`factdesk resolve --field`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictField {
    Status,
    Speaker,
    Sources,
    Note,
    Anchor,
    Reviewed,
    Verdict,
    Summary,
    ReviewUrl,
    /// One side deleted the claim, the other changed it (or both added it differently).
    Claim,
    /// Both sides changed an article's metadata differently; the conflict's id is the article's.
    ArticleMeta,
    /// One side deleted an article the other worked on; the conflict's id is the article's.
    Article,
}

impl ConflictField {
    pub const ALL: [ConflictField; 12] = [
        ConflictField::Status,
        ConflictField::Speaker,
        ConflictField::Sources,
        ConflictField::Note,
        ConflictField::Anchor,
        ConflictField::Reviewed,
        ConflictField::Verdict,
        ConflictField::Summary,
        ConflictField::ReviewUrl,
        ConflictField::Claim,
        ConflictField::ArticleMeta,
        ConflictField::Article,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConflictField::Status => "status",
            ConflictField::Speaker => "speaker",
            ConflictField::Sources => "sources",
            ConflictField::Note => "note",
            ConflictField::Anchor => "anchor",
            ConflictField::Reviewed => "reviewed",
            ConflictField::Verdict => "verdict",
            ConflictField::Summary => "summary",
            ConflictField::ReviewUrl => "review-url",
            ConflictField::Claim => "claim",
            ConflictField::ArticleMeta => "article-meta",
            ConflictField::Article => "article",
        }
    }
}

impl fmt::Display for ConflictField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ConflictField {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ConflictField::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                let names: Vec<&str> = ConflictField::ALL.iter().map(|f| f.as_str()).collect();
                format!("unknown field '{s}' (expected one of {})", names.join(", "))
            })
    }
}

/// One side's value of the field in conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldValue {
    Status(Status),
    /// Speaker, note, verdict, summary or review URL.
    Text(String),
    Sources(Vec<Source>),
    Anchor(Anchor),
    Reviewed(Option<SignOff>),
    /// The whole claim; `None` on the side that deleted it.
    Claim(Option<Box<Claim>>),
    ArticleMeta(Box<ArticleMeta>),
    /// Whether the side still has the article.
    Present(bool),
}

impl FieldValue {
    /// A one-line rendering for terminals and lists.
    pub fn summary(&self) -> String {
        match self {
            FieldValue::Status(s) => s.to_string(),
            FieldValue::Text(t) => format!("{t:?}"),
            FieldValue::Sources(s) => {
                let urls: Vec<&str> = s.iter().map(|s| s.url.as_str()).collect();
                format!("[{}]", urls.join(", "))
            }
            FieldValue::Anchor(a) => format!("{}..{} {:?}", a.start, a.end, a.quote),
            FieldValue::Reviewed(None) => "not signed off".to_string(),
            FieldValue::Reviewed(Some(s)) => format!("signed off by {} at {}", s.by, s.at),
            FieldValue::Claim(None) | FieldValue::Present(false) => "deleted".to_string(),
            FieldValue::Claim(Some(_)) | FieldValue::Present(true) => "kept".to_string(),
            FieldValue::ArticleMeta(m) => format!("title {:?}", m.title),
        }
    }
}

/// Which value settles a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Take {
    Ours,
    Theirs,
    /// The common ancestor's value (only when there was one).
    Base,
    /// Whatever the project holds now, e.g. after editing the field by hand.
    Current,
}

impl FromStr for Take {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ours" => Ok(Take::Ours),
            "theirs" => Ok(Take::Theirs),
            "base" => Ok(Take::Base),
            "current" => Ok(Take::Current),
            _ => Err(format!(
                "unknown side '{s}' (expected ours, theirs, base or current)"
            )),
        }
    }
}

/// A field two merged copies changed in different ways. Until it is resolved the merged project
/// holds `ours` (or, for a deletion against an edit, the edited copy, so nothing is lost).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The claim id (or the article id for `article-meta` and `article` conflicts).
    pub id: String,
    pub field: ConflictField,
    pub ours: FieldValue,
    pub theirs: FieldValue,
    /// The common ancestor's value; `None` when both sides added the record independently.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<FieldValue>,
}

impl Conflict {
    /// The value `take` selects; `None` for [`Take::Current`] or a missing base.
    pub fn value(&self, take: Take) -> Option<&FieldValue> {
        match take {
            Take::Ours => Some(&self.ours),
            Take::Theirs => Some(&self.theirs),
            Take::Base => self.base.as_ref(),
            Take::Current => None,
        }
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: ours {} / theirs {}",
            self.id,
            self.field,
            self.ours.summary(),
            self.theirs.summary()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_round_trip() {
        for f in ConflictField::ALL {
            assert_eq!(f.as_str().parse::<ConflictField>(), Ok(f));
        }
        assert!("colour".parse::<ConflictField>().is_err());
        assert_eq!("THEIRS".parse::<Take>(), Ok(Take::Theirs));
        assert!("mine".parse::<Take>().is_err());
    }
}
