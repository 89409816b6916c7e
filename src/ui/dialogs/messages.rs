//! Errors (a modal that must be dismissed, shown once) and toasts (short notices that fade).

use crate::ui::dialogs::Toast;

const TOAST_SECONDS: f64 = 4.0;

/// Shows an error; true once dismissed.
pub fn error_modal(ctx: &egui::Context, message: &str) -> bool {
    let mut ok = false;
    let modal = egui::Modal::new(egui::Id::unique("error_modal")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("⚠ Error");
        ui.label(message);
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            ok = true;
        }
    });
    ok || modal.should_close()
}

/// Draws the toasts in the bottom-right corner and drops the expired ones.
pub fn toasts(ctx: &egui::Context, toasts: &mut Vec<Toast>) {
    if toasts.is_empty() {
        return;
    }
    let now = ctx.input(|i| i.time);
    toasts.retain(|t| t.shown_at.is_none_or(|s| now - s < TOAST_SECONDS));
    egui::Area::new(egui::Id::unique("toasts"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -36.0))
        .interactable(false)
        .show(ctx, |ui| {
            for t in toasts.iter_mut() {
                t.shown_at.get_or_insert(now);
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    // An area at the window's edge has almost no width to wrap in: one line each.
                    ui.add(egui::Label::new(&t.text).wrap_mode(egui::TextWrapMode::Extend));
                });
            }
        });
    if !toasts.is_empty() {
        // Wake up once to remove them; no continuous repaint.
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(TOAST_SECONDS));
    }
}
