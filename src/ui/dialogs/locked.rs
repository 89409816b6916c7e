//! "Already open": another running factdesk holds the project's lock; open anyway or cancel.

/// Shows the warning naming the holder; Some(true) open anyway, Some(false) cancel.
pub fn show(ctx: &egui::Context, name: &str, holder: &str) -> Option<bool> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("project_locked")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("⚠ Project already open");
        ui.label(format!(
            "“{name}” is {holder}. \
             If both save, one will overwrite the other's work."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Open anyway").clicked() {
                choice = Some(true);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(false);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(false);
    }
    choice
}
