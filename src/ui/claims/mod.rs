//! The claims: list (filter, sort, cache), claim panel, history and multi-selection.

pub(crate) mod claim_history;
pub(crate) mod claim_list;
pub(crate) mod claim_panel;
pub(crate) mod claim_sort;
pub(crate) mod multi_select;
