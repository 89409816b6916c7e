//! The claims: list (filter, sort, columns, cache), claim panel, history and multi-selection.

pub(crate) mod claim_columns;
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
    /// A column of the list being resized (its live width; a setting once the drag ends).
    pub(crate) column_drag: Option<claim_columns::ColumnDrag>,
}

impl ClaimsState {
    /// The list's column widths as drawn: the stored ones, with the column being dragged at its
    /// live width.
    pub(crate) fn live_widths(
        &self,
        stored: claim_columns::ColumnWidths,
    ) -> claim_columns::ColumnWidths {
        match self.column_drag {
            Some(d) => stored.with(d.column, d.width),
            None => stored,
        }
    }
}
