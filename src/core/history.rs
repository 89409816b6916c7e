//! Undo/redo over actions: a capped stack of (forward, inverse) pairs, typing merged into one step,
//! redo cleared by a new edit, and a revision number that makes "unsaved changes" exact.

use crate::core::action::{Action, Field};

/// How many undo steps are kept by default.
pub const DEFAULT_CAP: usize = 500;

#[derive(Debug, Clone)]
struct Entry {
    forward: Action,
    inverse: Action,
    /// The revision the project is at after `forward`.
    revision: u64,
    merge_key: Option<(String, Field)>,
}

/// The undo and redo stacks. Each state of the project has a revision number; the project is
/// unsaved exactly when its revision differs from the one last saved.
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    cap: usize,
    next_revision: u64,
    /// The revision of the oldest state still reachable by undo.
    base_revision: u64,
    saved_revision: u64,
    /// While true, the next edit with the same merge key joins the last step (typing in one field).
    merge_open: bool,
}

impl Default for History {
    fn default() -> Self {
        History::new(DEFAULT_CAP)
    }
}

impl History {
    pub fn new(cap: usize) -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            cap: cap.max(1),
            next_revision: 1,
            base_revision: 0,
            saved_revision: 0,
            merge_open: false,
        }
    }

    /// The revision of the current state.
    pub fn revision(&self) -> u64 {
        self.undo.last().map_or(self.base_revision, |e| e.revision)
    }

    pub fn is_dirty(&self) -> bool {
        self.revision() != self.saved_revision
    }

    /// Records that the current state is what is on disk.
    pub fn mark_saved(&mut self) {
        self.saved_revision = self.revision();
        self.merge_open = false;
    }

    /// Marks the current state as differing from anything saved (e.g. a project never saved).
    pub fn mark_unsaved(&mut self) {
        self.saved_revision = u64::MAX;
    }

    /// Records an applied action. With `mergeable`, an edit of the same field as the previous
    /// step (and no step boundary in between) is folded into that step.
    pub fn record(&mut self, forward: Action, inverse: Action, mergeable: bool) {
        self.redo.clear();
        let key = forward.merge_key();
        let revision = self.next_revision;
        self.next_revision += 1;
        if mergeable
            && self.merge_open
            && key.is_some()
            && let Some(last) = self.undo.last_mut()
            && last.merge_key == key
        {
            // Keep the oldest inverse so one undo reverts the whole run of typing.
            last.forward = forward;
            last.revision = revision;
            return;
        }
        self.undo.push(Entry {
            forward,
            inverse,
            revision,
            merge_key: key,
        });
        self.merge_open = mergeable;
        if self.undo.len() > self.cap {
            let dropped = self.undo.remove(0);
            self.base_revision = dropped.revision;
        }
    }

    /// Ends the current run of typing: the next edit starts a new undo step.
    pub fn seal(&mut self) {
        self.merge_open = false;
    }

    /// The action that would undo the last step, and a label for it.
    pub fn peek_undo(&self) -> Option<&Action> {
        self.undo.last().map(|e| &e.forward)
    }

    pub fn peek_redo(&self) -> Option<&Action> {
        self.redo.last().map(|e| &e.forward)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Takes the inverse to apply for an undo. Call [`History::undone`] with the inverse of that
    /// inverse (i.e. what `apply` returned) once it has been applied.
    pub fn take_undo(&mut self) -> Option<Action> {
        self.merge_open = false;
        self.undo.last().map(|e| e.inverse.clone())
    }

    /// Completes an undo: moves the last step to the redo stack. `redo_action` is what `apply`
    /// returned for the inverse.
    pub fn undone(&mut self, redo_action: Action) {
        if let Some(mut e) = self.undo.pop() {
            e.forward = redo_action;
            self.redo.push(e);
        }
    }

    /// Takes the action to apply for a redo.
    pub fn take_redo(&mut self) -> Option<Action> {
        self.merge_open = false;
        self.redo.last().map(|e| e.forward.clone())
    }

    /// Completes a redo: moves the step back to the undo stack with its new inverse.
    pub fn redone(&mut self, inverse: Action) {
        if let Some(mut e) = self.redo.pop() {
            e.inverse = inverse;
            self.undo.push(e);
        }
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}
