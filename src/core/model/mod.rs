//! The annotation model: a project holds articles and the claims marked in them.

mod article;
mod audit;
mod capture;
mod claim;
mod conflict;
mod ids;
mod project;
mod rejected;
mod status;
mod verdict;
mod version;

pub use article::{Article, ArticleMeta, IndexCache, content_hash, normalize_newlines};
pub use audit::{SignOff, StatusChange};
pub use capture::{Capture, CaptureState, latest as latest_capture};
pub use claim::{Anchor, AnchorChange, CONTEXT_CHARS, Claim, Source};
pub use conflict::{Conflict, ConflictField, FieldValue, Take};
pub use ids::{ArticleId, ClaimId};
pub use project::{Project, ProjectSettings, StatusCounts};
pub use rejected::RejectedSuggestion;
pub use status::{PerStatus, Status};
pub use verdict::{PRESETS, Preset, RatingLevel, RatingScale};
pub use version::{ArticleVersion, DeltaOp, apply_delta};
