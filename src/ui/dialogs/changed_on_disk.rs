//! "Changed on disk": the project file is no longer what was loaded; reload, overwrite or save
//! elsewhere before anything is written.

/// The answer to the changed-on-disk question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskChoice {
    Reload,
    Overwrite,
    SaveAs,
    Cancel,
}

/// Shows the question; None while undecided.
pub fn show(ctx: &egui::Context, name: &str) -> Option<DiskChoice> {
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("changed_on_disk")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Changed on disk");
        ui.label(format!(
            "“{name}” was changed by another program since it was opened. \
             Reload discards your changes and loads the file; Overwrite replaces it with yours."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Reload").clicked() {
                choice = Some(DiskChoice::Reload);
            }
            if ui.button("Overwrite").clicked() {
                choice = Some(DiskChoice::Overwrite);
            }
            if ui.button("Save as…").clicked() {
                choice = Some(DiskChoice::SaveAs);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(DiskChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(DiskChoice::Cancel);
    }
    choice
}
