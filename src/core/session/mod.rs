//! An open project: the project, the file it lives in, and its edit history. The one place that
//! turns actions into changes, so undo, redo and dirty tracking cannot be bypassed.

mod file;

use crate::core::action::{self, Action, EditError};
use crate::core::history::History;
use crate::core::model::{ArticleId, ClaimId, Project};
use crate::core::store::ProjectFile;
use std::path::Path;

/// What an edit created, for the caller to go to (select the new claim, open the new article)
/// without looking inside the action it sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Claims the edit added, in the order of the action.
    pub new_claims: Vec<ClaimId>,
    /// The last article the edit added.
    pub new_article: Option<ArticleId>,
}

impl Applied {
    fn of(action: &Action) -> Applied {
        let mut applied = Applied::default();
        applied.collect(action);
        applied
    }

    fn collect(&mut self, action: &Action) {
        match action {
            Action::AddClaim { claim } => self.new_claims.push(claim.id.clone()),
            Action::AddArticle { article } => self.new_article = Some(article.id.clone()),
            Action::Batch { actions } => actions.iter().for_each(|a| self.collect(a)),
            _ => {}
        }
    }
}

#[derive(Debug, Default)]
pub struct Session {
    pub project: Project,
    /// The file the project was loaded from or last saved to, with its lock and changed-on-disk
    /// check; `None` for a project never saved. The only record of where the project lives.
    file: Option<ProjectFile>,
    pub history: History,
    /// Who is editing (set from the analyst preference or `--analyst`). [`Session::edit`] records
    /// it as the creator of new claims, on status changes and on sign-offs that name nobody.
    pub analyst: String,
}

impl Session {
    /// A session over a project as it is in `file` (or, without a file, a project that needs no
    /// saving yet): not dirty.
    pub fn opened(project: Project, file: Option<ProjectFile>) -> Self {
        Session {
            project,
            file,
            history: History::default(),
            analyst: String::new(),
        }
    }

    /// A session over a project that exists only in memory: dirty until saved.
    pub fn unsaved(project: Project) -> Self {
        let mut s = Session::opened(project, None);
        s.history.mark_unsaved();
        s
    }

    /// Applies one user edit and records it for undo; says what it created.
    pub fn edit(&mut self, action: Action) -> Result<Applied, EditError> {
        self.apply_recorded(action, false)
    }

    /// Applies an edit that is part of typing in one field: consecutive ones merge into one step.
    pub fn edit_typing(&mut self, action: Action) -> Result<Applied, EditError> {
        self.apply_recorded(action, true)
    }

    fn apply_recorded(&mut self, action: Action, mergeable: bool) -> Result<Applied, EditError> {
        let action = self.attribute(action);
        let applied = Applied::of(&action);
        let inverse = action::apply(&mut self.project, action.clone())?;
        self.history.record(action, inverse, mergeable);
        Ok(applied)
    }

    /// Names the analyst on an edit: status changes that name nobody are by the analyst, new
    /// claims without a creator get the analyst, anonymous sign-offs get the analyst's name.
    fn attribute(&self, action: Action) -> Action {
        let me = || self.analyst.clone();
        match action {
            Action::SetStatus { id, status, by, at } if by.is_empty() => Action::SetStatus {
                id,
                status,
                by: me(),
                at,
            },
            Action::AddClaim { mut claim } => {
                if claim.creator.is_empty() {
                    claim.creator = me();
                }
                Action::AddClaim { claim }
            }
            Action::SetReviewed {
                id,
                reviewed: Some(mut s),
            } => {
                if s.by.is_empty() {
                    s.by = me();
                }
                Action::SetReviewed {
                    id,
                    reviewed: Some(s),
                }
            }
            Action::Batch { actions } => Action::Batch {
                actions: actions.into_iter().map(|a| self.attribute(a)).collect(),
            },
            other => other,
        }
    }

    /// Undoes the last step; returns false when there is nothing to undo.
    pub fn undo(&mut self) -> Result<bool, EditError> {
        let Some(inverse) = self.history.take_undo() else {
            return Ok(false);
        };
        let redo = action::apply(&mut self.project, inverse)?;
        self.history.undone(redo);
        Ok(true)
    }

    /// Redoes the last undone step; returns false when there is nothing to redo.
    pub fn redo(&mut self) -> Result<bool, EditError> {
        let Some(forward) = self.history.take_redo() else {
            return Ok(false);
        };
        let inverse = action::apply(&mut self.project, forward)?;
        self.history.redone(inverse);
        Ok(true)
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Where the project lives on disk; `None` for a project never saved.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(ProjectFile::path)
    }

    /// The name shown in the title bar: the file stem, or the project title for a new project.
    pub fn display_name(&self) -> String {
        match self.path() {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None if self.project.title.trim().is_empty() => "Untitled project".to_string(),
            None => self.project.title.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::action::ClaimEdit;
    use crate::core::model::{Article, ArticleMeta, Status};
    use crate::core::time::Timestamp;

    fn session() -> Session {
        let mut p = Project::new("t");
        p.articles.push(Article::new(
            ArticleMeta::default(),
            "Seoul said the tanks were sent.",
        ));
        Session::opened(p, None)
    }

    fn add(s: &mut Session) -> crate::core::model::ClaimId {
        let art = s.project.articles[0].id.clone();
        let act = Action::add_claim(&s.project, &art, 0..10, true, Timestamp::now()).expect("ok");
        s.edit(act).expect("add");
        s.project.claims[0].id.clone()
    }

    #[test]
    fn undo_redo_round_trip_and_dirty() {
        let mut s = session();
        assert!(!s.is_dirty());
        let original = s.project.clone();
        let id = add(&mut s);
        s.edit(Action::set_status(&id, Status::Sourced, ""))
            .expect("tag");
        assert!(s.is_dirty());
        let tagged = s.project.clone();
        assert!(s.undo().expect("undo"));
        assert_eq!(s.project.claims[0].status, Status::Unreviewed);
        assert!(s.undo().expect("undo"));
        assert_eq!(s.project, original);
        assert!(!s.is_dirty(), "back at the saved state");
        assert!(!s.undo().expect("nothing left"));
        assert!(s.redo().expect("redo"));
        assert!(s.redo().expect("redo"));
        assert_eq!(s.project, tagged);
        assert!(!s.redo().expect("nothing to redo"));
        s.history.mark_saved();
        assert!(!s.is_dirty());
        s.undo().expect("undo");
        assert!(s.is_dirty());
        s.redo().expect("redo");
        assert!(!s.is_dirty());
    }

    #[test]
    fn new_edit_clears_redo() {
        let mut s = session();
        let id = add(&mut s);
        s.edit(Action::set_status(&id, Status::Denied, ""))
            .expect("tag");
        s.undo().expect("undo");
        assert!(s.history.can_redo());
        s.edit(Action::set_status(&id, Status::Disputed, ""))
            .expect("tag");
        assert!(!s.history.can_redo());
    }

    #[test]
    fn typing_merges_into_one_step_until_sealed() {
        let mut s = session();
        let id = add(&mut s);
        for partial in ["K", "Ki", "Kim", "Kim Yo Jong"] {
            s.edit_typing(Action::edit_claim(&id, ClaimEdit::Speaker(partial.into())))
                .expect("type");
        }
        assert_eq!(s.history.undo_len(), 2, "add + one typing step");
        s.history.seal();
        s.edit_typing(Action::edit_claim(&id, ClaimEdit::Speaker("Kim".into())))
            .expect("type");
        assert_eq!(s.history.undo_len(), 3);
        s.undo().expect("undo");
        assert_eq!(s.project.claims[0].speaker, "Kim Yo Jong");
        s.undo().expect("undo");
        assert_eq!(s.project.claims[0].speaker, "");
        // Typing in another field never merges with the speaker step.
        s.edit_typing(Action::edit_claim(&id, ClaimEdit::Speaker("A".into())))
            .expect("t");
        s.edit_typing(Action::edit_claim(&id, ClaimEdit::Note("n".into())))
            .expect("t");
        assert_eq!(s.history.undo_len(), 3);
    }

    #[test]
    fn an_edit_names_the_claims_and_the_article_it_created() {
        let mut s = session();
        let art = s.project.articles[0].id.clone();
        let add = Action::add_claim(&s.project, &art, 0..10, true, Timestamp::now()).expect("ok");
        let applied = s.edit(add).expect("add");
        assert_eq!(applied.new_claims, vec![s.project.claims[0].id.clone()]);
        assert_eq!(applied.new_article, None);
        let id = s.project.claims[0].id.clone();
        let tag = s
            .edit(Action::set_status(&id, Status::Denied, ""))
            .expect("tag");
        assert_eq!(tag, Applied::default());
        let article = Article::new(ArticleMeta::default(), "Another text.");
        let new_id = article.id.clone();
        let applied = s
            .edit(Action::Batch {
                actions: vec![Action::AddArticle {
                    article: Box::new(article),
                }],
            })
            .expect("add article");
        assert_eq!(applied.new_article, Some(new_id));
    }

    #[test]
    fn history_is_capped() {
        let mut s = session();
        s.history = History::new(3);
        let id = add(&mut s);
        for st in [
            Status::Sourced,
            Status::Denied,
            Status::Disputed,
            Status::Sourced,
        ] {
            s.edit(Action::set_status(&id, st, "")).expect("tag");
        }
        assert_eq!(s.history.undo_len(), 3);
        while s.undo().expect("undo") {}
        assert_eq!(s.project.claims.len(), 1, "the oldest steps were dropped");
        assert!(s.is_dirty());
    }
}
