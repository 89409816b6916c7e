//! The left panel: the project's articles with their claim counts; click one to read it.

use crate::ui::app::FactdeskApp;
use crate::ui::article::versions_ui;
use crate::ui::command::UiCommand;
use crate::ui::intent::Intent;

pub fn show(ui: &mut egui::Ui, app: &FactdeskApp) -> Vec<Intent> {
    let mut out = Vec::new();
    ui.heading("Articles");
    if ui
        .button(UiCommand::AddArticles.label())
        .on_hover_text(UiCommand::AddArticles.tooltip())
        .clicked()
    {
        out.push(Intent::Run(UiCommand::AddArticles));
    }
    out.extend(versions_ui::drop_question(ui, app));
    ui.separator();
    let articles = &app.session.project.articles;
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
                let counts = app.project.derived.article_counts(&a.id);
                let selected = app.article.current.as_ref() == Some(&a.id);
                let text = format!(
                    "{}\n{} claims · {} reviewed",
                    a.display_title(),
                    counts.total(),
                    counts.reviewed()
                );
                let r = ui.add_sized(
                    [ui.available_width(), row_h - 4.0],
                    egui::Button::selectable(selected, text).truncate(),
                );
                // A file dropped on this row may be the article's next version.
                versions_ui::drop_target(ui, &a.id, r.rect);
                if r.clicked() {
                    out.push(Intent::SelectArticle(a.id.clone()));
                }
            }
        });
    out
}
