//! The review status of a claim.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where an analyst stands on a claim. The lowercase names are a public interface (CLI, JSON, RON).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Unreviewed,
    /// Backed by a source the analyst checked.
    Sourced,
    /// Contested: another party contradicts it, or it could not be confirmed.
    Disputed,
    /// Denied by the party it concerns.
    Denied,
}

impl Status {
    /// How many statuses there are: the size of every per-status table ([`PerStatus`]).
    pub const COUNT: usize = 4;

    /// Every status, in display order (lists, filters, legends): unreviewed first, then the
    /// verdicts from mildest to most serious. [`Status::index`] is the position in this table.
    pub const ALL: [Status; Status::COUNT] = [
        Status::Unreviewed,
        Status::Sourced,
        Status::Disputed,
        Status::Denied,
    ];

    /// The reviewed statuses first, unreviewed last: the order of reports, statistics bars and the
    /// suggestions filter, where what was decided matters before what is still open.
    pub const REVIEWED_FIRST: [Status; Status::COUNT] = [
        Status::Sourced,
        Status::Disputed,
        Status::Denied,
        Status::Unreviewed,
    ];

    /// The position of this status in [`Status::ALL`] (the declaration order, checked by a test).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The lowercase machine name used on the command line and in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unreviewed => "unreviewed",
            Status::Sourced => "sourced",
            Status::Disputed => "disputed",
            Status::Denied => "denied",
        }
    }

    /// The capitalised name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Status::Unreviewed => "Unreviewed",
            Status::Sourced => "Sourced",
            Status::Disputed => "Disputed",
            Status::Denied => "Denied",
        }
    }

    pub fn is_reviewed(self) -> bool {
        self != Status::Unreviewed
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown status '{0}' (expected unreviewed, sourced, disputed or denied)")]
pub struct UnknownStatus(pub String);

impl FromStr for Status {
    type Err = UnknownStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownStatus(s.to_string()))
    }
}

/// One value per status, indexed by [`Status`]: sized by [`Status::COUNT`], so a new status
/// cannot leave a table short (it would not compile) nor be looked up by a stale position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PerStatus<T>([T; Status::COUNT]);

impl<T> PerStatus<T> {
    /// A table with `f(status)` for every status.
    pub fn from_fn(mut f: impl FnMut(Status) -> T) -> Self {
        PerStatus(Status::ALL.map(&mut f))
    }

    /// Every status with its value, in [`Status::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Status, &T)> {
        Status::ALL.into_iter().zip(self.0.iter())
    }
}

impl<T: Copy> PerStatus<T> {
    /// The same value for every status.
    pub const fn splat(value: T) -> Self {
        PerStatus([value; Status::COUNT])
    }
}

impl<T> std::ops::Index<Status> for PerStatus<T> {
    type Output = T;

    fn index(&self, s: Status) -> &T {
        &self.0[s.index()]
    }
}

impl<T> std::ops::IndexMut<Status> for PerStatus<T> {
    fn index_mut(&mut self, s: Status) -> &mut T {
        &mut self.0[s.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_declaration_order_and_each_order_lists_every_status_once() {
        for (i, s) in Status::ALL.into_iter().enumerate() {
            assert_eq!(s.index(), i);
        }
        let mut reviewed = Status::REVIEWED_FIRST;
        reviewed.sort();
        assert_eq!(reviewed, Status::ALL);
        assert_eq!(Status::REVIEWED_FIRST.last(), Some(&Status::Unreviewed));
    }

    #[test]
    fn per_status_tables_are_indexed_by_status() {
        let mut t = PerStatus::splat(0);
        t[Status::Denied] += 2;
        t[Status::Sourced] += 1;
        let seen: Vec<(Status, i32)> = t.iter().map(|(s, n)| (s, *n)).collect();
        assert_eq!(
            seen,
            vec![
                (Status::Unreviewed, 0),
                (Status::Sourced, 1),
                (Status::Disputed, 0),
                (Status::Denied, 2),
            ]
        );
        assert!(!PerStatus::from_fn(Status::is_reviewed)[Status::Unreviewed]);
    }

    #[test]
    fn names_round_trip() {
        for s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>(), Ok(s));
            assert_eq!(s.label().parse::<Status>(), Ok(s));
        }
        assert!("maybe".parse::<Status>().is_err());
        assert!(!Status::Unreviewed.is_reviewed());
        assert!(Status::Denied.is_reviewed());
    }

    #[test]
    fn serde_uses_lowercase() {
        assert_eq!(
            serde_json::to_string(&Status::Disputed).ok().as_deref(),
            Some("\"disputed\"")
        );
    }
}
