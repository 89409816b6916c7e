//! Sorting the claim list by a column (position, status, speaker, last update), kept in the
//! settings so the list opens the way it was left.

use crate::core::model::{Claim, Project};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A sortable column of the claim list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum SortColumn {
    /// Article order, then place in the text (the project's own order).
    #[default]
    Position,
    Status,
    Speaker,
    Updated,
}

impl SortColumn {
    pub const ALL: [SortColumn; 4] = [
        SortColumn::Position,
        SortColumn::Status,
        SortColumn::Speaker,
        SortColumn::Updated,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortColumn::Position => "Position",
            SortColumn::Status => "Status",
            SortColumn::Speaker => "Speaker",
            SortColumn::Updated => "Updated",
        }
    }
}

/// The list's sort: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ClaimSort {
    pub column: SortColumn,
    pub descending: bool,
}

impl ClaimSort {
    /// A click on `column`'s header: sort by it, or reverse when it already is the sort.
    pub fn clicked(self, column: SortColumn) -> ClaimSort {
        if self.column == column {
            ClaimSort {
                column,
                descending: !self.descending,
            }
        } else {
            ClaimSort {
                column,
                descending: false,
            }
        }
    }

    /// Sorts `rows` (indices into `project.claims`). Ties keep the project order, so the sort
    /// is stable and the same every time; speakerless claims go last whatever the direction.
    pub fn apply(self, project: &Project, rows: &mut [usize]) {
        let claims = &project.claims;
        let get = |i: usize| claims.get(i);
        match self.column {
            SortColumn::Position => {
                if self.descending {
                    rows.reverse();
                }
            }
            SortColumn::Status => {
                rows.sort_by(|&a, &b| {
                    let ord = key(get(a), |c| c.status).cmp(&key(get(b), |c| c.status));
                    self.directed(ord).then(a.cmp(&b))
                });
            }
            SortColumn::Updated => {
                rows.sort_by(|&a, &b| {
                    let ord =
                        key(get(a), |c| c.updated.clone()).cmp(&key(get(b), |c| c.updated.clone()));
                    self.directed(ord).then(a.cmp(&b))
                });
            }
            SortColumn::Speaker => {
                // Lower-cased once per row, not once per comparison.
                let mut keyed: Vec<(Option<String>, usize)> = rows
                    .iter()
                    .map(|&i| {
                        let s = get(i).map(|c| c.speaker.trim().to_lowercase());
                        (s.filter(|s| !s.is_empty()), i)
                    })
                    .collect();
                keyed.sort_by(|(sa, a), (sb, b)| {
                    let ord = match (sa, sb) {
                        (Some(x), Some(y)) => self.directed(x.cmp(y)),
                        (Some(_), None) => Ordering::Less,
                        (None, Some(_)) => Ordering::Greater,
                        (None, None) => Ordering::Equal,
                    };
                    ord.then(a.cmp(b))
                });
                for (slot, (_, i)) in rows.iter_mut().zip(keyed) {
                    *slot = i;
                }
            }
        }
    }

    fn directed(self, ord: Ordering) -> Ordering {
        if self.descending { ord.reverse() } else { ord }
    }
}

fn key<T: Ord + Default>(c: Option<&Claim>, f: impl Fn(&Claim) -> T) -> T {
    c.map(f).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::action::Action;
    use crate::core::model::{Article, ArticleMeta, Status};
    use crate::core::session::Session;
    use crate::core::time::Timestamp;

    fn project() -> Project {
        let mut s = Session::opened(Project::new("t"), None);
        s.project.articles.push(Article::new(
            ArticleMeta::default(),
            "Ann said yes. Bob said no. Café said maybe.",
        ));
        let art = s.project.articles[0].id.clone();
        for (q, st, sp) in [
            ("Ann said yes", Status::Denied, "ann"),
            ("Bob said no", Status::Unreviewed, ""),
            ("Café said maybe", Status::Sourced, "Bob"),
        ] {
            let Ok(Action::AddClaim { mut claim }) =
                Action::add_claim_by_quote(&s.project, &art, q, 1, Timestamp::now())
            else {
                panic!("quote")
            };
            claim.status = st;
            claim.speaker = sp.into();
            // The project is built in place: only the app's dispatcher edits through a session.
            crate::core::action::apply(&mut s.project, Action::AddClaim { claim }).expect("add");
        }
        s.project
    }

    #[test]
    fn sorts_by_status_speaker_and_reverses() {
        let p = project();
        let mut rows = vec![0, 1, 2];
        ClaimSort {
            column: SortColumn::Status,
            descending: false,
        }
        .apply(&p, &mut rows);
        assert_eq!(rows, vec![1, 2, 0]);
        let mut rows = vec![0, 1, 2];
        let by_speaker = ClaimSort::default().clicked(SortColumn::Speaker);
        by_speaker.apply(&p, &mut rows);
        assert_eq!(rows, vec![0, 2, 1], "case-insensitive, empty last");
        let mut rows = vec![0, 1, 2];
        by_speaker.clicked(SortColumn::Speaker).apply(&p, &mut rows);
        assert_eq!(rows, vec![2, 0, 1], "reversed, empty still last");
        let mut rows = vec![0, 1, 2];
        ClaimSort::default()
            .clicked(SortColumn::Position)
            .apply(&p, &mut rows);
        assert_eq!(rows, vec![2, 1, 0]);
    }
}
