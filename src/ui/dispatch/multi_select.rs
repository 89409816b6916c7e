//! Several claims selected at once: Ctrl+click toggles a row, Shift+click selects a range of the
//! list; tag and delete commands then apply to all of them as one undo step. Also "next
//! unreviewed", which walks every article's claims in order.

use crate::core::action::Action;
use crate::core::model::{ClaimId, Status};
use crate::ui::app::FactdeskApp;
use crate::ui::intent::ClickKind;
use std::collections::BTreeSet;

impl FactdeskApp {
    /// A click on a claim row of the list.
    pub(crate) fn click_claim_row(&mut self, id: ClaimId, kind: ClickKind) {
        if self.session.project.claim(&id).is_none() {
            return;
        }
        if kind.range {
            let anchor = self
                .claims
                .anchor
                .clone()
                .or_else(|| self.claims.selected.clone());
            let range = anchor.and_then(|a| self.list_range(&a, &id));
            if let Some(range) = range {
                if !kind.toggle {
                    self.claims.selected_set.clear();
                }
                self.claims.selected_set.extend(range);
                self.set_primary(id);
                return;
            }
        }
        if kind.toggle {
            if self.claims.selected_set.is_empty()
                && let Some(p) = self.claims.selected.clone()
            {
                self.claims.selected_set.insert(p);
            }
            if self.claims.selected_set.remove(&id) {
                if self.claims.selected.as_ref() == Some(&id) {
                    // The primary left the set: another member takes its place.
                    self.claims.selected = self.claims.selected_set.iter().next().cloned();
                }
            } else {
                self.claims.selected_set.insert(id.clone());
                self.set_primary(id.clone());
            }
            self.claims.anchor = Some(id);
            return;
        }
        self.select_claim(id, true);
    }

    /// Shift+J / Shift+K: grows or shrinks the selected range from the anchor claim, one list row
    /// at a time (the keyboard's Shift+click).
    pub(crate) fn extend_selection(&mut self, delta: isize) {
        let rows = &self.claims.list.rows;
        if rows.is_empty() {
            return;
        }
        let p = &self.session.project;
        let pos = self
            .claims
            .selected
            .as_ref()
            .and_then(|id| p.claim_index(id))
            .and_then(|ci| rows.iter().position(|&r| r == ci));
        let next = match pos {
            Some(at) => (at as isize + delta).clamp(0, rows.len() as isize - 1) as usize,
            None if delta > 0 => 0,
            None => rows.len() - 1,
        };
        let Some(id) = rows
            .get(next)
            .and_then(|&ci| p.claims.get(ci))
            .map(|c| c.id.clone())
        else {
            return;
        };
        if self.claims.selected.is_none() {
            self.select_claim(id, true);
            return;
        }
        self.click_claim_row(
            id,
            ClickKind {
                toggle: false,
                range: true,
            },
        );
    }

    /// Selects every claim the list shows (its filters and search apply).
    pub(crate) fn select_all_listed(&mut self) {
        let ids = self.listed_claims();
        let Some(first) = ids.first().cloned() else {
            return;
        };
        let primary = self
            .claims
            .selected
            .clone()
            .filter(|id| ids.contains(id))
            .unwrap_or(first);
        self.claims.selected_set = ids.into_iter().collect();
        self.claims.anchor = Some(primary.clone());
        self.set_primary(primary);
    }

    /// Makes `id` the primary (the one the claim panel edits) without changing the set.
    fn set_primary(&mut self, id: ClaimId) {
        if let Some(c) = self.session.project.claim(&id) {
            self.article.current = Some(c.article.clone());
        }
        self.claims.selected = Some(id);
        self.claims.scroll_to_selected = true;
    }

    /// The claims listed between `a` and `b` (both included), in list order.
    fn list_range(&self, a: &ClaimId, b: &ClaimId) -> Option<Vec<ClaimId>> {
        let p = &self.session.project;
        let pos = |id: &ClaimId| {
            let ci = p.claim_index(id)?;
            self.claims.list.rows.iter().position(|&r| r == ci)
        };
        let (x, y) = (pos(a)?, pos(b)?);
        let (lo, hi) = (x.min(y), x.max(y));
        Some(
            self.claims.list.rows[lo..=hi]
                .iter()
                .filter_map(|&ci| p.claims.get(ci).map(|c| c.id.clone()))
                .collect(),
        )
    }

    /// What tag and delete commands act on: the selected set when the primary is in it,
    /// else the primary alone. In project order.
    pub(crate) fn command_targets(&self) -> Vec<ClaimId> {
        let Some(primary) = &self.claims.selected else {
            return Vec::new();
        };
        if self.claims.selected_set.len() > 1 && self.claims.selected_set.contains(primary) {
            let p = &self.session.project;
            let mut ids: Vec<(usize, ClaimId)> = self
                .claims
                .selected_set
                .iter()
                .filter_map(|id| p.claim_index(id).map(|i| (i, id.clone())))
                .collect();
            ids.sort();
            ids.into_iter().map(|(_, id)| id).collect()
        } else {
            vec![primary.clone()]
        }
    }

    /// Tags every targeted claim: one undo step, whatever their number.
    pub(crate) fn tag_selection(&mut self, status: Status) {
        let targets = self.command_targets();
        if targets.is_empty() {
            self.dialogs
                .toast("Select a claim to tag first".to_string());
            return;
        }
        let p = &self.session.project;
        let mut actions: Vec<Action> = targets
            .iter()
            .filter(|id| p.claim(id).is_some_and(|c| c.status != status))
            .map(|id| Action::set_status(id, status, ""))
            .collect();
        let action = match actions.len() {
            0 => return,
            1 => actions.remove(0),
            _ => Action::Batch { actions },
        };
        let result = self.commit(action);
        self.report_edit(result);
    }

    /// Deletes every targeted claim as one undo step.
    pub(crate) fn delete_selection(&mut self) {
        let mut targets = self.command_targets();
        let action = match targets.len() {
            0 => return,
            1 => Action::RemoveClaim {
                id: targets.remove(0),
            },
            _ => Action::Batch {
                actions: targets
                    .into_iter()
                    .map(|id| Action::RemoveClaim { id })
                    .collect(),
            },
        };
        self.claims.selected = None;
        self.claims.selected_set.clear();
        self.claims.anchor = None;
        if let Err(e) = self.commit(action) {
            self.dialogs.toast(format!("Could not delete: {e}"));
        }
    }

    /// Selects the next unreviewed claim after the selected one (or after the start of the
    /// current article), in article order then text order, wrapping round to the first.
    pub(crate) fn next_unreviewed(&mut self) {
        let p = &self.session.project;
        let n = p.claims.len();
        // Claims are kept in article order, then text order: the index is the reading order.
        let start = match self
            .claims
            .selected
            .as_ref()
            .and_then(|id| p.claim_index(id))
        {
            Some(i) => i + 1,
            None => self.article.current.as_ref().map_or(0, |a| {
                p.claims
                    .partition_point(|c| p.article_index(&c.article) < p.article_index(a))
            }),
        };
        let found = (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| p.claims[i].status == Status::Unreviewed)
            .map(|i| p.claims[i].id.clone());
        match found {
            Some(id) => self.select_claim(id, true),
            None => self.dialogs.toast("Every claim is reviewed".to_string()),
        }
    }

    /// Drops selected claims that no longer exist (after an undo, a delete elsewhere).
    pub(crate) fn prune_selection(&mut self) {
        let p = &self.session.project;
        self.claims.selected_set.retain(|id| p.claim(id).is_some());
        if self
            .claims
            .anchor
            .as_ref()
            .is_some_and(|id| p.claim(id).is_none())
        {
            self.claims.anchor = None;
        }
    }

    /// The claim ids the list shows, top to bottom (for tests and scripts driving the app).
    pub fn listed_claims(&self) -> Vec<ClaimId> {
        self.claims
            .list
            .rows
            .iter()
            .filter_map(|&ci| self.session.project.claims.get(ci).map(|c| c.id.clone()))
            .collect()
    }

    /// Whether `id` is part of the selection (the primary or the multi-selection).
    pub fn is_selected(&self, id: &ClaimId) -> bool {
        self.claims.selected.as_ref() == Some(id) || self.claims.selected_set.contains(id)
    }
}

/// A fresh set holding only `id`.
pub fn only(id: &ClaimId) -> BTreeSet<ClaimId> {
    BTreeSet::from([id.clone()])
}
