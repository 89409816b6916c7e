//! The left panel: the project's articles with their claim counts; click one to read it.

use crate::core::model::ArticleId;
use crate::ui::article::versions_ui;
use crate::ui::command::UiCommand;
use crate::ui::intent::Intent;
use crate::ui::view::OpenProject;
use std::path::PathBuf;

/// The list; `current` is the article being read, `dropped` a file dropped on an article row
/// that waits for the person's answer.
pub fn show(
    ui: &mut egui::Ui,
    open: &OpenProject,
    current: Option<&ArticleId>,
    dropped: Option<&(ArticleId, PathBuf)>,
) -> Vec<Intent> {
    let mut out = Vec::new();
    ui.heading("Articles");
    if ui
        .button(UiCommand::AddArticles.label())
        .on_hover_text(UiCommand::AddArticles.tooltip())
        .clicked()
    {
        out.push(Intent::Run(UiCommand::AddArticles));
    }
    out.extend(versions_ui::drop_question(ui, open, dropped));
    ui.separator();
    let articles = &open.project().articles;
    if articles.is_empty() {
        ui.weak("No articles yet. Add text files, or drop them on the window.");
        return out;
    }
    let row_h = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 10.0;
    egui::ScrollArea::vertical()
        .id_salt("article_list")
        .auto_shrink(false)
        .show_rows(ui, row_h, articles.len(), |ui, rows| {
            for a in &articles[rows] {
                let counts = open.derived.article_counts(&a.id);
                let selected = current == Some(&a.id);
                let text = format!(
                    "{}\n{} claims · {} reviewed",
                    a.display_title(),
                    counts.total(),
                    counts.reviewed()
                );
                let r = row(ui, row_h - 4.0, selected, a.display_title(), &text);
                // A file dropped on this row may be the article's next version.
                versions_ui::drop_target(ui, &a.id, r.rect);
                if r.clicked() {
                    out.push(Intent::SelectArticle(a.id.clone()));
                }
            }
        });
    out
}

/// One article row: the title on the first line (ending in "…" when the list is narrow) and its
/// claim counts on the second; the whole title and counts are one hover away.
fn row(ui: &mut egui::Ui, h: f32, selected: bool, title: &str, label: &str) -> egui::Response {
    let (rect, r) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), h), egui::Sense::click());
    r.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, label));
    let r = r.on_hover_text(label);
    if !ui.is_rect_visible(rect) {
        return r;
    }
    let visuals = ui.style().interact_selectable(&r, selected);
    if selected || r.hovered() || r.has_focus() {
        ui.painter().rect(
            rect,
            3.0,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
    }
    let pad = ui.spacing().button_padding;
    let width = (rect.width() - 2.0 * pad.x).max(8.0);
    let line = |text: &str, color: egui::Color32, style: egui::TextStyle| {
        let mut job = egui::text::LayoutJob::single_section(
            text.to_string(),
            egui::TextFormat::simple(style.resolve(ui.style()), color),
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(width);
        ui.painter().layout_job(job)
    };
    let title_g = line(title, visuals.text_color(), egui::TextStyle::Body);
    let counts = label.split_once('\n').map_or("", |(_, c)| c);
    let counts_g = line(
        counts,
        ui.visuals().weak_text_color(),
        egui::TextStyle::Small,
    );
    let top = rect.top() + pad.y;
    ui.painter().galley(
        egui::pos2(rect.left() + pad.x, top),
        title_g.clone(),
        visuals.text_color(),
    );
    ui.painter().galley(
        egui::pos2(rect.left() + pad.x, top + title_g.size().y + 2.0),
        counts_g,
        visuals.text_color(),
    );
    r
}
