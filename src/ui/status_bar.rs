//! The status bar: claims per status (symbol, name, count), review progress, file and save state.
//! On a narrow window the counts keep their symbols only and the file path gives way (ending in
//! "…", whole on hover), so the analyst and conflict buttons at the right always stay in view.

use crate::core::model::Status;
use crate::core::session::Session;
use crate::ui::derived::Derived;
use crate::ui::look::theme;

/// Below this width the counts show symbols, not names ("✔ 5" for "✔ Sourced 5").
pub const COMPACT_BELOW: f32 = 960.0;

/// The counts and review progress, from the left.
pub fn counts(ui: &mut egui::Ui, derived: &Derived, compact: bool) {
    let c = derived.counts;
    for s in Status::ALL {
        theme::swatch(ui, s);
        let full = format!("{} {}", theme::status_text(s), c.get(s));
        if compact {
            ui.label(format!("{} {}", theme::status_icon(s), c.get(s)))
                .on_hover_text(&full);
        } else {
            ui.label(full);
        }
        ui.add_space(if compact { 2.0 } else { 4.0 });
    }
    ui.separator();
    ui.label(format!("Reviewed {}/{}", c.reviewed(), c.total()));
    ui.separator();
}

/// The project's file (or "not saved yet") and whether it has unsaved changes, in the room left.
pub fn file(ui: &mut egui::Ui, session: &Session) {
    let file = session
        .path()
        .map_or_else(|| "not saved yet".to_string(), |p| p.display().to_string());
    let text = if session.is_dirty() {
        format!("{file} • unsaved changes")
    } else {
        file
    };
    ui.add(egui::Label::new(egui::RichText::new(text.clone()).weak()).truncate())
        .on_hover_text(text);
}
