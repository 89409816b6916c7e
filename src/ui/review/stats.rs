//! The statistics window (F9): review progress, claims per status per article as stacked bars
//! in the status colours (with a legend, so colour is not the only cue) and the most frequent
//! speakers. Computed once per project revision, and only while the window is open.

use crate::core::model::{ArticleId, Project, Status, StatusCounts};
use crate::ui::intent::Intent;
use crate::ui::look::theme;
use crate::ui::view::OpenProject;
use std::collections::HashMap;

/// How many speakers the window lists.
pub const TOP_SPEAKERS: usize = 10;

/// The figures the window shows.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Stats {
    pub counts: StatusCounts,
    /// Every article in project order: id, title, counts.
    pub per_article: Vec<(ArticleId, String, StatusCounts)>,
    /// The most frequent speakers, most claims first (ties by name).
    pub speakers: Vec<(String, usize)>,
    /// Claims with no speaker.
    pub no_speaker: usize,
}

impl Stats {
    pub fn of(project: &Project) -> Stats {
        let mut per: HashMap<&ArticleId, StatusCounts> = HashMap::new();
        let mut speakers: HashMap<&str, usize> = HashMap::new();
        let mut no_speaker = 0;
        for c in &project.claims {
            per.entry(&c.article).or_default().add(c.status);
            match c.speaker.trim() {
                "" => no_speaker += 1,
                s => *speakers.entry(s).or_default() += 1,
            }
        }
        let mut speakers: Vec<(String, usize)> = speakers
            .into_iter()
            .map(|(s, n)| (s.to_string(), n))
            .collect();
        speakers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        speakers.truncate(TOP_SPEAKERS);
        Stats {
            counts: project.counts(),
            per_article: project
                .articles
                .iter()
                .map(|a| {
                    let counts = per.get(&a.id).copied().unwrap_or_default();
                    (a.id.clone(), a.display_title().to_string(), counts)
                })
                .collect(),
            speakers,
            no_speaker,
        }
    }
}

/// The window's state: open or not, and the figures of the revision they were computed at.
#[derive(Debug, Default)]
pub struct StatsPanel {
    pub open: bool,
    key: Option<(u64, u64)>,
    pub stats: Stats,
}

/// "3 sourced, 1 disputed, 0 denied, 2 unreviewed".
fn breakdown(c: &StatusCounts) -> String {
    Status::ALL
        .iter()
        .map(|s| format!("{} {}", c.get(*s), s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The statistics window (while `panel.open`), its figures recomputed once per revision.
pub fn show(
    ctx: &egui::Context,
    project: &OpenProject,
    panel: &mut StatsPanel,
    current: Option<&ArticleId>,
) -> Vec<Intent> {
    let mut out = Vec::new();
    if !panel.open {
        return out;
    }
    let key = project.revision_key();
    if panel.key != Some(key) {
        panel.stats = Stats::of(project.project());
        panel.key = Some(key);
    }
    let stats = &panel.stats;
    let mut open = true;
    egui::Window::new("Statistics")
        .open(&mut open)
        .default_size([480.0, 520.0])
        .default_pos(ctx.content_rect().center_top() + egui::vec2(-240.0, 70.0))
        .resizable(true)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("stats")
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    progress(ui, &stats.counts);
                    ui.separator();
                    ui.strong("Claims per article and status");
                    legend(ui);
                    bars(ui, stats, current, &mut out);
                    ui.separator();
                    speakers(ui, stats);
                });
        });
    panel.open = open;
    out
}

fn progress(ui: &mut egui::Ui, c: &StatusCounts) {
    ui.strong("Review progress");
    let (done, total) = (c.reviewed(), c.total());
    ui.label(format!("Reviewed {done} of {total}"));
    let frac = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    ui.add(
        egui::ProgressBar::new(frac)
            .text(format!("{:.0} %", frac * 100.0))
            .desired_width(ui.available_width().min(420.0)),
    );
    ui.horizontal_wrapped(|ui| {
        for s in Status::ALL {
            theme::swatch(ui, s);
            ui.label(format!("{} {}", theme::status_text(s), c.get(s)));
        }
    });
}

/// The order of the segments in a bar (and of the legend above the bars).
const BAR_ORDER: [Status; Status::COUNT] = Status::REVIEWED_FIRST;

fn legend(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        for s in BAR_ORDER {
            theme::swatch(ui, s);
            ui.weak(theme::status_text(s));
        }
    });
}

/// One stacked bar per article; bar lengths share one scale (the largest article).
fn bars(ui: &mut egui::Ui, stats: &Stats, current: Option<&ArticleId>, out: &mut Vec<Intent>) {
    let max = stats
        .per_article
        .iter()
        .map(|(_, _, c)| c.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let title_w = 150.0;
    let count_w = 40.0;
    let bar_h = 16.0;
    let row_h = bar_h + 6.0;
    let rows = stats.per_article.len();
    egui::ScrollArea::vertical()
        .id_salt("stats_bars")
        .max_height(260.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_h, rows, |ui, range| {
            for (id, title, c) in &stats.per_article[range] {
                let width = ui.available_width();
                let (rect, r) =
                    ui.allocate_exact_size(egui::vec2(width, row_h), egui::Sense::click());
                let label = format!("{title}: {} claims, {}", c.total(), breakdown(c));
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                let r = r.on_hover_text(format!("{label}\nClick to open the article"));
                if r.clicked() {
                    out.push(Intent::SelectArticle(id.clone()));
                }
                let painter = ui.painter_at(rect);
                let visuals = ui.visuals();
                if current == Some(id) {
                    painter.rect_filled(rect, 2.0, visuals.faint_bg_color);
                }
                let text_color = visuals.text_color();
                let font = egui::TextStyle::Body.resolve(ui.style());
                let title_clip =
                    egui::Rect::from_min_size(rect.min, egui::vec2(title_w - 6.0, row_h));
                painter.with_clip_rect(title_clip).text(
                    egui::pos2(rect.left(), rect.center().y),
                    egui::Align2::LEFT_CENTER,
                    title,
                    font.clone(),
                    text_color,
                );
                let bar_w = (width - title_w - count_w).max(20.0);
                let mut x = rect.left() + title_w;
                let y = rect.center().y - bar_h / 2.0;
                for s in BAR_ORDER {
                    let n = c.get(s);
                    if n == 0 {
                        continue;
                    }
                    let w = bar_w * n as f32 / max as f32;
                    let seg = egui::Rect::from_min_size(egui::pos2(x, y), egui::vec2(w, bar_h));
                    painter.rect_filled(seg, 0.0, theme::status_color(s));
                    x += w;
                }
                painter.text(
                    egui::pos2(x + 6.0, rect.center().y),
                    egui::Align2::LEFT_CENTER,
                    c.total().to_string(),
                    font,
                    visuals.weak_text_color(),
                );
            }
        });
    if rows == 0 {
        ui.weak("No articles yet.");
    }
}

fn speakers(ui: &mut egui::Ui, stats: &Stats) {
    ui.strong(format!("Speakers (top {TOP_SPEAKERS})"));
    if stats.speakers.is_empty() {
        ui.weak("No claim has a speaker yet.");
        return;
    }
    let max = stats.speakers.first().map_or(1, |s| s.1.max(1));
    egui::Grid::new("speaker_grid")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for (name, n) in &stats.speakers {
                ui.label(name);
                ui.label(format!("{n}"));
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(120.0, 10.0), egui::Sense::hover());
                let w = rect.width() * *n as f32 / max as f32;
                ui.painter().rect_filled(
                    egui::Rect::from_min_size(rect.min, egui::vec2(w, rect.height())),
                    2.0,
                    ui.visuals().weak_text_color(),
                );
                ui.end_row();
            }
        });
    if stats.no_speaker > 0 {
        ui.weak(format!("{} claims without a speaker", stats.no_speaker));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::app::SAMPLE_PROJECT;

    #[test]
    fn sample_figures() {
        let Ok(p) = crate::core::store::from_ron_str(SAMPLE_PROJECT, std::path::Path::new("s.ron"))
        else {
            panic!("sample loads");
        };
        let s = Stats::of(&p);
        assert_eq!((s.counts.reviewed(), s.counts.total()), (10, 11));
        assert_eq!(s.per_article.len(), 1);
        assert_eq!(s.per_article[0].2.total(), 11);
        assert_eq!(s.speakers[0], ("AFP".to_string(), 2));
        assert_eq!(s.speakers[1], ("Kwon Jong Gun".to_string(), 2));
        assert!(s.speakers.len() <= TOP_SPEAKERS);
    }
}
