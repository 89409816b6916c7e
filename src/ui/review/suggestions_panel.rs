//! The suggestions panel: the current article's proposed claims (quote, speaker, cue, suggested
//! status and reason, score; "⟲ seen before" when the claim library holds the same claim), the
//! filter narrowing them, the "accept as" choice, and accept / reject / accept all / reject all
//! buttons.

use crate::core::model::Status;
use crate::core::nlp::Suggestion;
use crate::ui::command::UiCommand;
use crate::ui::intent::Intent;
use crate::ui::look::theme;
use crate::ui::review::seen_before::SeenState;
use crate::ui::review::suggestions::{SuggestFilter, SuggestState};
use crate::ui::settings::Settings;

/// The order of the status checkboxes: the reviewed statuses first, as the issue lists them.
const FILTER_ORDER: [Status; Status::COUNT] = Status::REVIEWED_FIRST;

/// Lines of one row: quote, then speaker · cue · status · score, then the reason.
const ROW_LINES: f32 = 3.0;

/// `s` on one line, cut to `max` chars with an ellipsis.
fn excerpt(s: &str, max: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The row text (also its accessible label).
pub fn row_text(s: &Suggestion) -> String {
    let speaker = if s.speaker.is_empty() {
        "speaker unknown"
    } else {
        s.speaker.as_str()
    };
    format!(
        "“{}”\n{} · {} · {} · score {:.2}\n{}",
        excerpt(&s.quote, 52),
        excerpt(speaker, 28),
        excerpt(&s.cue, 18),
        theme::status_text(s.status),
        s.score,
        excerpt(&s.reason, 52),
    )
}

/// The row text of a suggestion that repeats a prior check: the marker replaces part of the
/// reason, so the row keeps its three lines.
pub fn row_text_seen(s: &Suggestion) -> String {
    let text = row_text(s);
    match text.rsplit_once('\n') {
        Some((head, _)) => format!("{head}\n{SEEN_MARK} · {}", excerpt(&s.reason, 34)),
        None => format!("{SEEN_MARK} · {text}"),
    }
}

/// The marker of a suggestion the claim library has seen before.
pub const SEEN_MARK: &str = "⟲ seen before";

fn command_button(ui: &mut egui::Ui, cmd: UiCommand, enabled: bool, out: &mut Vec<Intent>) {
    let hint = format!(
        "{} ({})",
        cmd.tooltip(),
        cmd.shortcut_text(ui.ctx()).unwrap_or_default()
    );
    if ui
        .add_enabled(enabled, egui::Button::new(cmd.label()))
        .on_hover_text(hint)
        .clicked()
    {
        out.push(Intent::Run(cmd));
    }
}

/// The status checkboxes, the minimum score and the search field.
fn filter_controls(ui: &mut egui::Ui, filter: &mut SuggestFilter) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Suggested");
        for s in FILTER_ORDER {
            let mut shown = filter.shows_status(s);
            theme::swatch(ui, s);
            let text = theme::status_text(s);
            let r = ui.checkbox(&mut shown, &text).on_hover_text(format!(
                "List suggestions whose suggested status is {}",
                s.as_str()
            ));
            // The claim list has checkboxes with the same text: name these apart for screen
            // readers.
            r.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::CheckBox,
                    true,
                    shown,
                    format!("Suggested {text}"),
                )
            });
            if r.changed() {
                filter.set_status_shown(s, shown);
            }
        }
    });
    ui.horizontal(|ui| {
        ui.add(
            egui::Slider::new(&mut filter.min_score, 0.0..=1.0)
                .step_by(0.05)
                .fixed_decimals(2)
                .text("Minimum score"),
        )
        .on_hover_text("Hide suggestions scoring below this");
    });
    ui.horizontal(|ui| {
        let label = ui.label("Search suggestions");
        ui.add(
            egui::TextEdit::singleline(&mut filter.search)
                .hint_text("quote, speaker, cue")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .on_hover_text("Case and accents are ignored");
    });
}

/// "12 of 40 shown", or why nothing is.
fn count_text(shown: usize, total: usize) -> String {
    if total == 0 {
        "No suggestions left in this article.".to_string()
    } else if shown == 0 {
        format!("0 of {total} shown: the filter hides them all")
    } else {
        format!("{shown} of {total} shown")
    }
}

/// The suggestions tab. `computing`: the current article's suggestions are still being made.
/// Changes to the filter and to "Accept as" are settings, returned as intents.
pub fn show(
    ui: &mut egui::Ui,
    settings: &Settings,
    computing: bool,
    suggest: &mut SuggestState,
    seen: &mut SeenState,
) -> Vec<Intent> {
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        ui.heading("Suggestions");
        if ui
            .button("✖ Close")
            .on_hover_text("Close the suggestions (Ctrl+G)")
            .clicked()
        {
            out.push(Intent::Run(UiCommand::ToggleSuggestions));
        }
    });
    let mut filter = settings.suggest_filter.clone();
    filter_controls(ui, &mut filter);
    if filter != settings.suggest_filter {
        // Applied after this frame; the next one draws the list and the article refiltered.
        out.push(Intent::SuggestFilter(filter));
        ui.ctx().request_repaint();
    }
    let n = suggest.visible.len();
    let cleared = ui.horizontal_wrapped(|ui| {
        if computing {
            ui.label("⏳ Computing suggestions…");
        } else if n == 0 {
            ui.weak(count_text(n, suggest.total));
        } else {
            ui.label(count_text(n, suggest.total));
        }
        settings.suggest_filter.is_active()
            && ui
                .button("Show all")
                .on_hover_text("Clear the filter: every status, any score, no search")
                .clicked()
    });
    if cleared.inner {
        out.push(Intent::SuggestFilter(SuggestFilter::default()));
        // The count above was drawn for the old filter.
        ui.ctx().request_repaint();
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Accept as");
        let mut suggested = settings.accept_suggested_status;
        ui.radio_value(&mut suggested, false, "unreviewed")
            .on_hover_text("New claims start unreviewed");
        ui.radio_value(&mut suggested, true, "suggested status")
            .on_hover_text("New claims get the suggested status (denied, disputed, sourced)");
        if suggested != settings.accept_suggested_status {
            out.push(Intent::AcceptSuggestedStatus(suggested));
        }
    });
    let has_current = suggest.current().is_some();
    ui.horizontal_wrapped(|ui| {
        command_button(ui, UiCommand::AcceptSuggestion, has_current, &mut out);
        command_button(ui, UiCommand::RejectSuggestion, has_current, &mut out);
    });
    ui.horizontal_wrapped(|ui| {
        command_button(ui, UiCommand::AcceptAllSuggestions, n > 0, &mut out);
        command_button(ui, UiCommand::RejectAllSuggestions, n > 0, &mut out);
    });
    ui.weak("N / Shift+N: next / previous · A: accept · R: reject · Shift: all visible");
    ui.separator();

    let line = ui.text_style_height(&egui::TextStyle::Button);
    let row_h = line * ROW_LINES + 8.0;
    let spacing = ui.spacing().item_spacing.y;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("suggestions")
        .auto_shrink(false);
    if std::mem::take(&mut suggest.scroll_list)
        && let Some(i) = suggest.current
    {
        let y = i as f32 * (row_h + spacing);
        let total = n as f32 * (row_h + spacing);
        let max = (total - ui.available_height()).max(0.0);
        area = area.vertical_scroll_offset((y - row_h).clamp(0.0, max));
    }
    let current = suggest.current;
    let visible = &suggest.visible;
    let pass = ui.ctx().cumulative_pass_nr();
    let mut marks_pending = false;
    area.show_rows(ui, row_h, visible.len(), |ui, range| {
        for i in range {
            let Some(s) = visible.get(i) else {
                continue;
            };
            // Looked up once per quote, only for the rows drawn.
            let mark = seen.mark(pass, &s.quote, &mut marks_pending);
            let text = match mark {
                Some(_) => row_text_seen(s),
                None => row_text(s),
            };
            ui.horizontal(|ui| {
                theme::swatch(ui, s.status);
                let mut r = ui.add(
                    // An empty right part keeps the text to the left, like the claim list.
                    egui::Button::selectable(current == Some(i), text)
                        .right_text("")
                        .min_size(egui::vec2(ui.available_width(), row_h - 2.0)),
                );
                if let Some(m) = mark {
                    r = r.on_hover_text(&m.tooltip);
                }
                if r.clicked() {
                    out.push(Intent::SelectSuggestion(i));
                }
            });
        }
    });
    if marks_pending {
        // More rows to look up: a few per frame.
        ui.ctx().request_repaint();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_one_line_and_cut_by_chars() {
        assert_eq!(excerpt("a\nb", 10), "a b");
        assert_eq!(excerpt("北朝鮮北朝鮮", 4), "北朝鮮…");
        assert_eq!(excerpt("🚀🚀", 2), "🚀🚀");
    }
}
