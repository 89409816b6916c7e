//! Turning suggestions into edits: accept (a new claim with the suggested speaker and, if asked,
//! the suggested status) and reject (remembered in the project). All are undoable actions.

use super::suggest::Suggestion;
use crate::core::action::{Action, EditError};
use crate::core::model::{Project, RejectedSuggestion, Status};
use crate::core::time::Timestamp;

/// The status an accepted suggestion gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AcceptAs {
    /// A new unreviewed claim (the analyst reviews it later).
    #[default]
    Unreviewed,
    /// The suggested status (denied, disputed, sourced or unreviewed).
    Suggested,
}

/// The action that turns `s` into a claim with its speaker.
pub fn accept_action(
    project: &Project,
    s: &Suggestion,
    as_: AcceptAs,
) -> Result<Action, EditError> {
    let at = Timestamp::now();
    let mut action = Action::add_claim(project, &s.article, s.range(), false, at)?;
    if let Action::AddClaim { claim } = &mut action {
        claim.speaker = s.speaker.clone();
        claim.status = match as_ {
            AcceptAs::Unreviewed => Status::Unreviewed,
            AcceptAs::Suggested => s.status,
        };
    }
    Ok(action)
}

/// One undo step accepting every suggestion given (e.g. all those visible).
pub fn accept_all_action(
    project: &Project,
    suggestions: &[Suggestion],
    as_: AcceptAs,
) -> Result<Action, EditError> {
    let actions = suggestions
        .iter()
        .map(|s| accept_action(project, s, as_))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Action::Batch { actions })
}

/// The rejection record of a suggestion.
pub fn rejected(s: &Suggestion) -> RejectedSuggestion {
    RejectedSuggestion {
        article: s.article.clone(),
        start: s.start,
        end: s.end,
        quote: s.quote.clone(),
    }
}

/// The action that rejects `s` for good (undo forgets the rejection).
pub fn reject_action(s: &Suggestion) -> Action {
    Action::RejectSuggestion {
        rejected: rejected(s),
    }
}

/// One undo step rejecting every suggestion given; duplicates are rejected once.
pub fn reject_all_action(suggestions: &[Suggestion]) -> Action {
    let mut all: Vec<RejectedSuggestion> = suggestions.iter().map(rejected).collect();
    all.sort();
    all.dedup();
    Action::Batch {
        actions: all
            .into_iter()
            .map(|rejected| Action::RejectSuggestion { rejected })
            .collect(),
    }
}
