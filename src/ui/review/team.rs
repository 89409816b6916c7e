//! Team review in the app: who the analyst is, sign-off, the merge-conflict count and stepping
//! through conflicts. The panels that show history, conflicts and comparisons call in here.

use crate::core::model::{ArticleId, Claim, ClaimId, ConflictField, Project, SignOff};
use crate::core::session::Session;
use crate::ui::intent::Intent;
use crate::ui::intent::TeamIntent;
use crate::ui::review::compare::CompareState;

/// The team state of the window.
#[derive(Debug, Default)]
pub struct TeamState {
    /// The analyst preference the session's analyst was last resolved from.
    pub(crate) resolved_for: Option<String>,
    /// The conflict whose field is being edited by hand before "Mark resolved".
    pub editing: Option<(String, ConflictField)>,
    pub compare: Option<CompareState>,
}

/// Where a conflict is shown: on its claim, or (article conflicts) with no claim selected.
pub(crate) enum Target {
    Claim(ClaimId),
    Article(ArticleId),
}

impl Target {
    pub(crate) fn id(&self) -> &str {
        match self {
            Target::Claim(c) => &c.0,
            Target::Article(a) => &a.0,
        }
    }
}

/// The distinct places with conflicts, in the project's claim order (articles first).
pub(crate) fn conflict_targets(project: &Project) -> Vec<Target> {
    let mut out = Vec::new();
    for a in &project.articles {
        if project.conflicts_on(&a.id.0).next().is_some() {
            out.push(Target::Article(a.id.clone()));
        }
    }
    for c in &project.claims {
        if project.conflicts_on(&c.id.0).next().is_some() {
            out.push(Target::Claim(c.id.clone()));
        }
    }
    out
}

/// The team part of the status bar: the conflict count (a button to the next one) and the
/// analyst (a button to the settings, where the name is set).
pub fn status_bar(ui: &mut egui::Ui, session: &Session) -> Vec<Intent> {
    // Drawn in a right-to-left layout: the analyst at the far right, the conflicts before it.
    let mut out = Vec::new();
    let name = if session.analyst.is_empty() {
        "(nobody)".to_string()
    } else {
        session.analyst.clone()
    };
    if ui
        .button(format!("Analyst: {name}"))
        .on_hover_text(
            "Recorded on new claims, status changes and sign-offs; click to change it in Settings",
        )
        .clicked()
    {
        out.push(Intent::Team(TeamIntent::EditAnalyst));
    }
    ui.separator();
    let n = session.project.conflicts.len();
    if n > 0 {
        let text = if n == 1 {
            "1 conflict — review".to_string()
        } else {
            format!("{n} conflicts — review")
        };
        let cmd = crate::ui::command::UiCommand::NextConflict;
        let shortcut = cmd.shortcut_text(ui.ctx()).unwrap_or_default();
        let warn = ui.visuals().warn_fg_color;
        if ui
            .button(egui::RichText::new(format!("⚠ {text}")).color(warn))
            .on_hover_text(format!(
                "Merge conflicts left by factdesk merge: {} ({shortcut})",
                cmd.label()
            ))
            .clicked()
        {
            out.push(Intent::Run(cmd));
        }
        ui.separator();
    }
    out
}

/// The mark shown in a claim-list row: `⚠` while the claim has a merge conflict, `☑` once
/// signed off; with its colour and the words a screen reader says for it.
pub fn list_mark(
    visuals: &egui::Visuals,
    project: &Project,
    c: &Claim,
) -> Option<(&'static str, egui::Color32, String)> {
    if project.conflicts_on(&c.id.0).next().is_some() {
        Some((
            "⚠",
            visuals.warn_fg_color,
            "merge conflict to resolve".to_string(),
        ))
    } else {
        c.reviewed.as_ref().map(|s| {
            (
                "☑",
                visuals.strong_text_color(),
                signed_off_text(s).to_lowercase(),
            )
        })
    }
}

/// "Signed off by NAME on DATE".
pub fn signed_off_text(s: &SignOff) -> String {
    let by = if s.by.is_empty() {
        "someone"
    } else {
        s.by.as_str()
    };
    format!("Signed off by {by} on {}", s.at.readable())
}
