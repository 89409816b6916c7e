//! The collapsible "Article details" above the article text: its metadata, editable (typing in
//! one field is one undo step), where it came from, and removing the article after a question.

use crate::core::action::Action;
use crate::core::import::dates::parse_date;
use crate::core::model::{ArticleId, ArticleMeta};
use crate::ui::article::versions_ui;
use crate::ui::article::versions_ui::VersionsUi;
use crate::ui::intent::Intent;
use crate::ui::project::import_files::ImportUi;
use crate::ui::view::OpenProject;

/// What the details read and keep: the open project, the drafts of refused dates and the
/// remove question (kept with the import flows), and the versions' own state.
pub struct Header<'o, 'a> {
    pub open: &'o OpenProject<'a>,
    pub import: &'o mut ImportUi,
    pub versions: &'o mut VersionsUi,
}

/// Shown under a published date that is not one.
pub const DATE_HINT: &str =
    "Not a date. Try 2023-01-30, 2023-01-30T08:15, 30 Jan 2023 or Jan 30, 2023 08:15am.";

/// True for an empty field or a date (with optional time) factdesk can read.
pub fn valid_published(text: &str) -> bool {
    text.trim().is_empty() || parse_date(text).is_some()
}

/// The details of the article `current`.
pub fn show(ui: &mut egui::Ui, h: &mut Header, current: Option<&ArticleId>) -> Vec<Intent> {
    let mut out = versions_ui::poll(ui.ctx(), h.versions);
    let Some(article) = current.and_then(|id| h.open.project().article(id)) else {
        return out;
    };
    let id = article.id.clone();
    let meta = article.meta.clone();
    let hash = article.content_hash.clone();
    let title = article.display_title().to_string();
    let claims = h.open.derived.article_counts(&id).total();
    egui::CollapsingHeader::new("Article details")
        .id_salt("article_details")
        .show(ui, |ui| {
            egui::Grid::new("article_meta")
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    fields(ui, h, &id, &meta, &mut out);
                    ui.label("Imported from");
                    ui.label(if meta.imported_from.is_empty() {
                        "—"
                    } else {
                        meta.imported_from.as_str()
                    });
                    ui.end_row();
                    ui.label("Content hash");
                    ui.monospace(hash.get(..8).unwrap_or(&hash))
                        .on_hover_text(format!(
                            "{hash}: the same text imported again has the same hash"
                        ));
                    ui.end_row();
                });
            ui.add_space(4.0);
            versions(ui, h, &id, &mut out);
            remove_row(ui, h, &id, &title, claims, &mut out);
        });
    out
}

/// The editable fields, in the grid.
fn fields(
    ui: &mut egui::Ui,
    h: &mut Header,
    id: &ArticleId,
    meta: &ArticleMeta,
    out: &mut Vec<Intent>,
) {
    type Field = fn(&mut ArticleMeta) -> &mut String;
    let plain: [(&str, Field); 8] = [
        ("Article title", |m| &mut m.title),
        ("Source / outlet", |m| &mut m.source),
        ("Byline", |m| &mut m.byline),
        ("Published", |m| &mut m.published),
        ("Article URL", |m| &mut m.url),
        ("Language", |m| &mut m.lang),
        ("Section", |m| &mut m.section),
        ("Dateline", |m| &mut m.dateline),
    ];
    for (label, field) in plain {
        let l = ui.label(label);
        let mut edited = meta.clone();
        if label == "Published" {
            published_field(ui, h, id, meta, l.id, out);
            ui.end_row();
            continue;
        }
        let r = ui
            .add(egui::TextEdit::singleline(field(&mut edited)).desired_width(f32::INFINITY))
            .labelled_by(l.id);
        if r.changed() {
            out.push(set_meta(id, edited));
        }
        ui.end_row();
    }
}

/// The published date: text that is not a date stays in the field with a hint and is not stored.
fn published_field(
    ui: &mut egui::Ui,
    h: &mut Header,
    id: &ArticleId,
    meta: &ArticleMeta,
    label: egui::Id,
    out: &mut Vec<Intent>,
) {
    let draft = h
        .import
        .date_draft
        .as_ref()
        .filter(|(a, _)| a == id)
        .map(|(_, t)| t.clone());
    let mut text = draft.clone().unwrap_or_else(|| meta.published.clone());
    ui.vertical(|ui| {
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .desired_width(f32::INFINITY)
                    .hint_text("e.g. 2023-01-30 or Jan 30, 2023"),
            )
            .labelled_by(label);
        if r.changed() {
            // The field keeps exactly what was typed (spaces too) while it has focus; the
            // article takes it whenever it reads as a date.
            if valid_published(&text) && text.trim() != meta.published {
                let mut edited = meta.clone();
                edited.published = text.trim().to_string();
                out.push(set_meta(id, edited));
            }
            h.import.date_draft = Some((id.clone(), text.clone()));
        } else if r.lost_focus() {
            // Refused text goes; the stored date never changed.
            h.import.date_draft = None;
        }
        if h.import
            .date_draft
            .as_ref()
            .is_some_and(|(a, t)| a == id && !valid_published(t))
        {
            ui.colored_label(ui.visuals().error_fg_color, DATE_HINT);
            let kept = if meta.published.is_empty() {
                "none".to_string()
            } else {
                meta.published.clone()
            };
            ui.weak(format!("Kept: {kept}"));
        }
    });
}

fn set_meta(id: &ArticleId, meta: ArticleMeta) -> Intent {
    Intent::Typing(Action::SetArticleMeta {
        id: id.clone(),
        meta: Box::new(meta),
    })
}

/// The article's versions: "Update from file…", "Update from URL…", and any two versions
/// compared (the last two by default; changes that touch a claim first).
fn versions(ui: &mut egui::Ui, h: &mut Header, id: &ArticleId, out: &mut Vec<Intent>) {
    let Some(article) = h.open.project().article(id) else {
        return;
    };
    let (version, count) = (article.version, article.versions.len() + 1);
    ui.horizontal(|ui| {
        ui.label(format!("Version {version} of {count}"));
        if ui
            .button("Update from file…")
            .on_hover_text(
                "The outlet changed the article: read the new version; claims move exactly or are flagged",
            )
            .clicked()
        {
            out.push(Intent::AskArticleUpdate);
        }
        let fetching = h.versions.fetching();
        if ui
            .add_enabled(!fetching, egui::Button::new("Update from URL…"))
            .on_hover_text("Fetch the article's page again as its next version (only when you ask)")
            .clicked()
        {
            let open = h.open;
            let state = &mut *h.versions;
            state.url_open = true;
            if state.url.is_empty() {
                state.url = open
                    .project()
                    .article(id)
                    .map(|a| a.meta.url.clone())
                    .unwrap_or_default();
            }
        }
    });
    versions_ui::url_row(ui, h.versions, id, out);
    versions_ui::compare(ui, h.open, h.versions, id);
}

/// "Remove article…", then a question naming the article and its claims.
fn remove_row(
    ui: &mut egui::Ui,
    h: &mut Header,
    id: &ArticleId,
    title: &str,
    claims: usize,
    out: &mut Vec<Intent>,
) {
    if h.import.confirm_remove.as_ref() != Some(id) {
        if ui
            .button("Remove article…")
            .on_hover_text("Remove this article and its claims from the project (undoable)")
            .clicked()
        {
            h.import.confirm_remove = Some(id.clone());
        }
        return;
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(format!(
            "Remove “{title}” and its {claims} claim(s) from the project? Undo brings them back."
        ));
        ui.horizontal(|ui| {
            if ui.button("Remove").clicked() {
                h.import.confirm_remove = None;
                out.push(Intent::Edit(Action::RemoveArticle { id: id.clone() }));
            }
            if ui.button("Keep article").clicked() {
                h.import.confirm_remove = None;
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::valid_published;

    #[test]
    fn published_accepts_dates_and_empty_only() {
        for ok in [
            "",
            "2023-01-30",
            "2023-01-30T08:15",
            "30 Jan 2023",
            "Jan 30, 2023 08:15am",
        ] {
            assert!(valid_published(ok), "{ok}");
        }
        for bad in [
            "yesterday",
            "2023",
            "Jan 2023",
            "31st of Smarch 2023",
            "30/13/2023",
        ] {
            assert!(!valid_published(bad), "{bad}");
        }
    }
}
