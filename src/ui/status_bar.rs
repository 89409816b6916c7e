//! The status bar: claims per status (symbol, name, count), review progress, file and save state.

use crate::core::model::Status;
use crate::core::session::Session;
use crate::ui::derived::Derived;
use crate::ui::look::theme;

pub fn show(ui: &mut egui::Ui, session: &Session, derived: &Derived) {
    let c = derived.counts;
    ui.horizontal(|ui| {
        for s in Status::ALL {
            theme::swatch(ui, s);
            ui.label(format!("{} {}", theme::status_text(s), c.get(s)));
            ui.add_space(4.0);
        }
        ui.separator();
        ui.label(format!("Reviewed {}/{}", c.reviewed(), c.total()));
        ui.separator();
        let file = session
            .path
            .as_ref()
            .map_or_else(|| "not saved yet".to_string(), |p| p.display().to_string());
        ui.weak(file);
        if session.is_dirty() {
            ui.label("• unsaved changes");
        }
    });
}
