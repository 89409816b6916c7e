//! "Save changes?" before anything that would drop unsaved edits.

/// Some(Some(true)) save, Some(Some(false)) discard, Some(None) cancel; None while undecided.
pub fn show(ctx: &egui::Context, name: &str) -> Option<Option<bool>> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!("“{name}” has changes that are not saved."));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(Some(true));
            }
            if ui.button("Discard").clicked() {
                choice = Some(Some(false));
            }
            if ui.button("Cancel").clicked() {
                choice = Some(None);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(None);
    }
    choice
}
