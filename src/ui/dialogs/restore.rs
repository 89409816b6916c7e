//! "Unsaved work found": a recovery file left by a run that did not close normally; restore it
//! or discard it.

/// Shows the question; Some(true) restore, Some(false) discard, None while undecided.
pub fn show(ctx: &egui::Context, name: &str) -> Option<bool> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("restore_unsaved")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Unsaved work found");
        ui.label(format!(
            "factdesk did not close normally while “{name}” had unsaved changes. \
             They were autosaved. Restoring opens them as unsaved changes; \
             the project file is only replaced when you save."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore unsaved work").clicked() {
                choice = Some(true);
            }
            if ui.button("Discard").clicked() {
                choice = Some(false);
            }
        });
    });
    // No closing by Escape or a click outside: the choice decides whether work is deleted.
    choice
}
