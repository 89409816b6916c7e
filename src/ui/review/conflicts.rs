//! Merge conflicts in the claim panel: for each conflicted field, ours, theirs and the base side
//! by side, with "Keep ours", "Take theirs" and "Edit" (change the field by hand, then mark it
//! resolved). Each resolution is one undoable step.

use crate::core::model::{Conflict, ConflictField, FieldValue, Take};
use crate::ui::intent::Intent;
use crate::ui::intent::TeamIntent;
use crate::ui::review::team::signed_off_text;

/// A readable rendering of one side's value.
fn describe(v: &FieldValue) -> String {
    match v {
        FieldValue::Status(s) => crate::ui::look::theme::status_text(*s),
        FieldValue::Text(t) if t.is_empty() => "(empty)".to_string(),
        FieldValue::Text(t) => format!("“{}”", crate::ui::text::one_line(t, 200)),
        FieldValue::Sources(s) if s.is_empty() => "no sources".to_string(),
        FieldValue::Sources(s) => s
            .iter()
            .map(|s| {
                if s.title.is_empty() {
                    s.url.clone()
                } else {
                    format!("{} ({})", s.title, s.url)
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        FieldValue::Reviewed(Some(s)) => signed_off_text(s),
        FieldValue::Claim(Some(c)) => format!(
            "kept: {} “{}”",
            crate::ui::look::theme::status_text(c.status),
            crate::ui::text::one_line(&c.anchor.quote, 80)
        ),
        FieldValue::Anchor(a) => format!(
            "chars {}..{} “{}”",
            a.start,
            a.end,
            crate::ui::text::one_line(&a.quote, 80)
        ),
        FieldValue::ArticleMeta(m) => format!("title “{}”", m.title),
        other => other.summary(),
    }
}

/// Fields the claim panel edits directly, so "Edit" makes sense for them.
fn editable(field: ConflictField) -> bool {
    matches!(
        field,
        ConflictField::Status
            | ConflictField::Speaker
            | ConflictField::Sources
            | ConflictField::Note
    )
}

/// Every conflict in `conflicts`, one framed block each.
pub fn show<'a>(
    ui: &mut egui::Ui,
    conflicts: impl Iterator<Item = &'a Conflict>,
    editing: Option<&(String, ConflictField)>,
    out: &mut Vec<Intent>,
) {
    for (i, c) in conflicts.enumerate() {
        ui.push_id(("conflict", i), |ui| one(ui, c, editing, out));
    }
}

fn one(
    ui: &mut egui::Ui,
    c: &Conflict,
    editing: Option<&(String, ConflictField)>,
    out: &mut Vec<Intent>,
) {
    let warn = ui.visuals().warn_fg_color;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, warn))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                egui::RichText::new(format!("⚠ Merge conflict: {}", c.field))
                    .color(warn)
                    .strong(),
            );
            egui::Grid::new("sides")
                .num_columns(2)
                .spacing([8.0, 2.0])
                .show(ui, |ui| {
                    ui.strong("Ours");
                    ui.label(describe(&c.ours));
                    ui.end_row();
                    ui.strong("Theirs");
                    ui.label(describe(&c.theirs));
                    ui.end_row();
                    if let Some(b) = &c.base {
                        ui.weak("Base");
                        ui.weak(describe(b));
                        ui.end_row();
                    }
                });
            let resolve = |take| {
                Intent::Team(TeamIntent::Resolve {
                    id: c.id.clone(),
                    field: c.field,
                    take,
                })
            };
            let is_editing = editing.is_some_and(|(id, f)| *id == c.id && *f == c.field);
            ui.horizontal_wrapped(|ui| {
                if is_editing {
                    ui.label(format!("Change the {} above, then", c.field));
                    if ui
                        .button("Mark resolved")
                        .on_hover_text("Keep the value the claim has now")
                        .clicked()
                    {
                        out.push(resolve(Take::Current));
                    }
                    if ui.button("Cancel edit").clicked() {
                        out.push(Intent::Team(TeamIntent::EditConflict(None)));
                    }
                    return;
                }
                if ui
                    .button("Keep ours")
                    .on_hover_text("Keep this project's value")
                    .clicked()
                {
                    out.push(resolve(Take::Ours));
                }
                if ui
                    .button("Take theirs")
                    .on_hover_text("Use the other branch's value")
                    .clicked()
                {
                    out.push(resolve(Take::Theirs));
                }
                if c.base.is_some()
                    && ui
                        .button("Use base")
                        .on_hover_text("Go back to the value both started from")
                        .clicked()
                {
                    out.push(resolve(Take::Base));
                }
                if editable(c.field)
                    && ui
                        .button("Edit")
                        .on_hover_text("Set the value by hand, then mark the conflict resolved")
                        .clicked()
                {
                    out.push(Intent::Team(TeamIntent::EditConflict(Some((
                        c.id.clone(),
                        c.field,
                    )))));
                }
            });
        });
}
