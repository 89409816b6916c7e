//! Colours and symbols: the status colours (a colour-blind-safe set chosen in the settings,
//! Okabe-Ito by default), the legend, light/dark.

use crate::core::model::Status;
use crate::ui::look::status_colors::StatusColors;
use crate::ui::settings::ThemeChoice;
use egui::{Color32, Ui};

/// The colour of a status in the colour set chosen in the settings.
pub fn status_color(s: Status) -> Color32 {
    StatusColors::active().color(s)
}

/// A symbol shown next to the status name, so colour is never the only signal.
pub fn status_icon(s: Status) -> &'static str {
    match s {
        Status::Unreviewed => "?",
        Status::Sourced => "✔",
        Status::Disputed => "⚠",
        Status::Denied => "✖",
    }
}

/// Icon and name, e.g. "✔ Sourced".
pub fn status_text(s: Status) -> String {
    format!("{} {}", status_icon(s), s.label())
}

/// Background of highlighted text: the innermost claim's status colour, stronger the deeper the
/// nesting.
pub fn highlight_fill(color: Color32, depth: usize, dark: bool) -> Color32 {
    let base = if dark { 70 } else { 55 };
    let step = if dark { 45 } else { 40 };
    let alpha = (base + step * depth.saturating_sub(1)).min(200) as u8;
    color.gamma_multiply_u8(alpha)
}

/// Applies the theme choice to the whole app.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    let pref = match choice {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
        ThemeChoice::Light => egui::ThemePreference::Light,
    };
    ctx.options_mut(|o| o.theme_preference = pref);
}

/// A small filled square in the status colour.
pub fn swatch(ui: &mut Ui, s: Status) {
    let size = egui::vec2(12.0, 12.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, status_color(s));
}

/// A keyboard key drawn as a key cap (a framed monospace label), so "1" beside a button reads as
/// the key that does the same, never as a count.
pub fn key_cap(ui: &mut Ui, key: &str) {
    if key.is_empty() {
        return;
    }
    let stroke = ui
        .visuals()
        .widgets
        .inactive
        .fg_stroke
        .color
        .gamma_multiply(0.6);
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, stroke))
        .corner_radius(3.0)
        .inner_margin(egui::Margin::symmetric(4, 0))
        .show(ui, |ui| {
            let r = ui.label(egui::RichText::new(key).monospace().small().weak());
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Label, true, format!("key {key}"))
            });
        });
}

/// The legend: one swatch, symbol and name per status; while `comparing`, the marks of the
/// compared project too.
pub fn legend(ui: &mut Ui, comparing: bool) {
    ui.horizontal_wrapped(|ui| {
        for s in Status::ALL {
            swatch(ui, s);
            ui.label(status_text(s));
            ui.add_space(6.0);
        }
        ui.weak("· nested claims: darker shading, one underline per layer");
    });
    if comparing {
        ui.horizontal_wrapped(|ui| {
            ui.weak("Comparing:");
            dotted_swatch(ui, true);
            ui.label("their claim");
            ui.add_space(6.0);
            dotted_swatch(ui, false);
            ui.label("status differs");
        });
    }
}

/// A small dotted box (their claim) or dotted overline (status differs) in the comparison colour.
fn dotted_swatch(ui: &mut Ui, boxed: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 12.0), egui::Sense::hover());
    let stroke = crate::ui::look::marks::theirs_stroke(false);
    let r = rect.shrink(1.0);
    let mut edges = vec![[r.left_top(), r.right_top()]];
    if boxed {
        edges.extend([
            [r.left_bottom(), r.right_bottom()],
            [r.left_top(), r.left_bottom()],
            [r.right_top(), r.right_bottom()],
        ]);
    }
    for [a, b] in edges {
        ui.painter()
            .extend(egui::Shape::dotted_line(&[a, b], stroke.color, 3.0, 0.8));
    }
}
