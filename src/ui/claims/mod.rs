//! The claims: list (filter, sort, cache), claim panel, history and multi-selection.

pub(crate) mod claim_history;
pub(crate) mod claim_list;
pub(crate) mod claim_panel;
pub(crate) mod claim_sort;

use crate::core::model::ClaimId;
use std::collections::BTreeSet;

/// Which claims are selected and how the claim list is filtered and cached.
#[derive(Default)]
pub struct ClaimsState {
    /// The primary selected claim (the one the claim panel shows).
    pub selected: Option<ClaimId>,
    /// Every selected claim (Ctrl/Shift+click in the list); `selected` is the primary one.
    pub selected_set: BTreeSet<ClaimId>,
    /// Where a Shift+click range starts.
    pub(crate) anchor: Option<ClaimId>,
    pub filter: claim_list::ClaimFilter,
    pub(crate) list: claim_list::ClaimListCache,
    /// Scroll the list to the selected claim on the next frame.
    pub(crate) scroll_to_selected: bool,
    /// Focus the list's search field on the next frame.
    pub(crate) focus_search: bool,
}
