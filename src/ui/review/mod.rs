//! Reviewing the work: suggestions, comparing and merging versions, conflicts, team sign-off,
//! statistics and the claim library's "seen before".

pub(crate) mod compare;
pub(crate) mod conflicts;
pub(crate) mod prior;
pub(crate) mod seen_before;
pub(crate) mod stats;
pub(crate) mod suggestions;
pub(crate) mod suggestions_panel;
pub(crate) mod team;

/// The review tools' state: suggestions, team sign-off, the statistics window and the claim
/// library.
#[derive(Default)]
pub struct ReviewState {
    pub(crate) suggest: suggestions::SuggestState,
    pub(crate) team: team::TeamState,
    pub(crate) stats: stats::StatsPanel,
    pub(crate) seen: seen_before::SeenState,
}
