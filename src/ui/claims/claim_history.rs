//! The claim panel's audit trail: who marked the claim and when, every status change, the sign-off.

use crate::core::model::Claim;
use crate::ui::command::UiCommand;
use crate::ui::intent::Intent;
use crate::ui::review::team::signed_off_text;

/// The sign-off line and its button (sign off / remove the sign-off).
pub fn sign_off(ui: &mut egui::Ui, c: &Claim, out: &mut Vec<Intent>) {
    let cmd = UiCommand::ToggleSignOff;
    let shortcut = cmd.shortcut_text(ui.ctx()).unwrap_or_default();
    if let Some(s) = &c.reviewed {
        ui.label(egui::RichText::new(format!("☑ {}", signed_off_text(s))).strong());
    }
    ui.horizontal(|ui| {
        let (label, tip) = match c.reviewed {
            Some(_) => ("Remove sign-off", "Take the editor's sign-off back"),
            None => (cmd.label(), cmd.tooltip()),
        };
        if ui
            .button(label)
            .on_hover_text(format!("{tip} ({shortcut})"))
            .clicked()
        {
            out.push(Intent::Run(cmd));
        }
        ui.weak(shortcut);
    });
}

/// The lines of the history, oldest first: creation, status changes, then the sign-off.
pub fn lines(c: &Claim) -> Vec<String> {
    let who = |s: &str| {
        if s.is_empty() {
            "someone".to_string()
        } else {
            s.to_string()
        }
    };
    let mut out = vec![if c.creator.is_empty() {
        format!("Marked on {}", c.created.readable())
    } else {
        format!("Marked by {} on {}", c.creator, c.created.readable())
    }];
    for h in &c.history {
        out.push(format!(
            "{} ➡ {} by {}, {}",
            h.from.label(),
            h.to.label(),
            who(&h.by),
            h.at.readable()
        ));
    }
    if let Some(s) = &c.reviewed {
        out.push(signed_off_text(s));
    }
    out
}

/// A collapsible "History" section (open by default).
pub fn show(ui: &mut egui::Ui, c: &Claim) {
    let n = c.history.len();
    let title = match n {
        0 => "History".to_string(),
        1 => "History (1 status change)".to_string(),
        _ => format!("History ({n} status changes)"),
    };
    egui::CollapsingHeader::new(title)
        .id_salt("claim_history")
        .default_open(true)
        .show(ui, |ui| {
            for line in lines(c) {
                ui.label(line);
            }
            ui.weak(format!("last edited {}", c.updated.readable()));
        });
}
