//! Applies the appearance settings to egui — theme (System follows the desktop), zoom, high
//! contrast and the status colour set — each only when it changed.

use crate::ui::look::theme;
use crate::ui::settings::{Settings, ThemeChoice};
use egui::{Color32, Stroke, Theme, Visuals};

/// What was last applied, so unchanged settings cost nothing per frame.
#[derive(Debug, Default)]
pub struct Appearance {
    theme: Option<ThemeChoice>,
    zoom: Option<f32>,
    contrast: Option<bool>,
}

impl Appearance {
    pub fn apply(&mut self, ctx: &egui::Context, settings: &Settings) {
        settings.status_colors.set_active();
        if self.theme != Some(settings.theme) {
            theme::apply(ctx, settings.theme);
            self.theme = Some(settings.theme);
        }
        let zoom = settings.zoom_factor();
        if self.zoom != Some(zoom) {
            // Zoom is one of our commands (and a setting): egui's own keys would apply it twice.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            ctx.set_zoom_factor(zoom);
            self.zoom = Some(zoom);
        }
        let hc = settings.high_contrast;
        // Set once at start (our selection colour) and again whenever the contrast changes.
        if self.contrast != Some(hc) {
            for t in [Theme::Dark, Theme::Light] {
                ctx.set_visuals_of(t, visuals(t, hc));
            }
        }
        self.contrast = Some(hc);
    }
}

/// The fill of selected text and selected rows: violet, a hue of no status colour set (their
/// greys, blues, greens, yellows, oranges and reds) nor of find matches (reddish purple).
pub fn selection_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(96, 60, 150)
    } else {
        Color32::from_rgb(190, 160, 240)
    }
}

/// egui's visuals for `theme`, or their high-contrast variant: pure black/white text and
/// backgrounds, solid widget outlines and a thick focus outline.
pub fn visuals(theme: Theme, high_contrast: bool) -> Visuals {
    let mut v = match theme {
        Theme::Dark => Visuals::dark(),
        Theme::Light => Visuals::light(),
    };
    // egui's selection blue is close to the sky blue that marks unreviewed claims: a violet no
    // status colour set uses keeps a text selection from reading as a claim (and the reverse).
    v.selection.bg_fill = selection_fill(theme == Theme::Dark);
    if !high_contrast {
        return v;
    }
    let dark = theme == Theme::Dark;
    let (fg, bg) = if dark {
        (Color32::WHITE, Color32::BLACK)
    } else {
        (Color32::BLACK, Color32::WHITE)
    };
    let focus = if dark {
        Color32::from_rgb(0xFF, 0xD7, 0x00)
    } else {
        Color32::from_rgb(0x00, 0x3C, 0xC8)
    };
    v.override_text_color = Some(fg);
    v.weak_text_color = Some(if dark {
        Color32::from_gray(175)
    } else {
        Color32::from_gray(85)
    });
    v.panel_fill = bg;
    v.window_fill = bg;
    v.extreme_bg_color = bg;
    v.faint_bg_color = if dark {
        Color32::from_gray(28)
    } else {
        Color32::from_gray(232)
    };
    v.window_stroke = Stroke::new(1.5, fg);
    v.widgets.noninteractive.fg_stroke = Stroke::new(1.0, fg);
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, fg);
    v.widgets.inactive.fg_stroke = Stroke::new(1.5, fg);
    v.widgets.inactive.bg_stroke = Stroke::new(1.0, fg);
    v.widgets.hovered.fg_stroke = Stroke::new(1.5, fg);
    v.widgets.hovered.bg_stroke = Stroke::new(2.0, focus);
    v.widgets.active.fg_stroke = Stroke::new(2.0, fg);
    v.widgets.active.bg_stroke = Stroke::new(3.0, focus);
    v.widgets.open.bg_stroke = Stroke::new(2.0, fg);
    v.selection.stroke = Stroke::new(3.0, focus);
    v
}

/// On Linux, neither winit nor egui learn the desktop's light/dark preference, so `System`
/// would always be dark: ask the desktop portal in the background, as GTK and Qt apps do, and
/// follow its changes. Elsewhere winit reports the system theme itself.
pub fn watch_system_theme(ctx: &egui::Context) {
    #[cfg(target_os = "linux")]
    {
        let ctx = ctx.clone();
        let _ = std::thread::Builder::new()
            .name("system-theme".into())
            .spawn(move || crate::ui::look::system_theme::watch(ctx));
    }
    #[cfg(not(target_os = "linux"))]
    let _ = ctx;
}

#[cfg(test)]
mod tests {
    /// How far apart two colours are (sum of channel differences).
    fn distance(a: Color32, b: Color32) -> i32 {
        (a.r() as i32 - b.r() as i32).abs()
            + (a.g() as i32 - b.g() as i32).abs()
            + (a.b() as i32 - b.b() as i32).abs()
    }

    #[test]
    fn selection_and_find_never_look_like_a_status() {
        use crate::core::model::Status;
        use crate::ui::look::marks::find_fill;
        use crate::ui::look::status_colors::StatusColors;
        for set in StatusColors::ALL {
            for s in Status::ALL {
                let c = set.color(s);
                for dark in [true, false] {
                    assert!(
                        distance(selection_fill(dark), c) > 80,
                        "selection vs {s:?} in {set:?}"
                    );
                    assert!(distance(selection_fill(dark), find_fill(true, dark)) > 80);
                }
                assert!(
                    distance(find_fill(true, true), c) > 80,
                    "find vs {s:?} in {set:?}"
                );
            }
        }
    }

    use super::*;

    #[test]
    fn high_contrast_strengthens_text_and_focus() {
        for t in [Theme::Dark, Theme::Light] {
            let plain = visuals(t, false);
            let strong = visuals(t, true);
            assert!(strong.selection.stroke.width > plain.selection.stroke.width);
            assert!(strong.widgets.active.bg_stroke.width > plain.widgets.active.bg_stroke.width);
            let fg = strong.override_text_color.expect("text colour");
            assert!(fg == Color32::WHITE || fg == Color32::BLACK);
            assert_ne!(fg, strong.panel_fill);
        }
    }
}
