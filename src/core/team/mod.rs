//! Working as a team over git: three-way merge of project files, conflict resolution,
//! inter-annotator agreement, and the analyst's identity.

pub mod agree;
pub mod identity;
pub mod merge;
pub mod resolve;
