//! Adding several files as articles at once (chosen or dropped), with a per-file result list;
//! also the small bits of view state the import views share (start screen, header edits).

use crate::core::import;
use crate::core::model::{Article, ArticleId, Project};

/// View state of the import parts of the window.
#[derive(Debug, Default)]
pub struct ImportUi {
    /// Show the start screen in the centre (until a project is opened or an article added).
    pub start_screen: bool,
    /// "New article from clipboard" asked the platform for the clipboard at this pass; the
    /// `Event::Paste` that answers becomes an article even while a text field has focus.
    pub paste_requested_at: Option<u64>,
    /// The article whose removal waits for confirmation.
    pub confirm_remove: Option<ArticleId>,
    /// The published-date field's text while it is being edited: (article, text).
    pub date_draft: Option<(ArticleId, String)>,
}

impl ImportUi {
    /// Forgets what pointed into the previous project.
    pub fn reset(&mut self) {
        self.start_screen = false;
        self.confirm_remove = None;
        self.date_draft = None;
    }
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileOutcome {
    Imported {
        title: String,
    },
    /// Same content hash as an article already in the project (or earlier in the same batch).
    Duplicate {
        title: String,
    },
    Failed {
        reason: String,
    },
}

/// The per-file results of one multi-file import.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub rows: Vec<(String, FileOutcome)>,
}

impl ImportReport {
    pub fn imported(&self) -> usize {
        self.rows
            .iter()
            .filter(|(_, o)| matches!(o, FileOutcome::Imported { .. }))
            .count()
    }
}

/// The article in `project` (or in `pending`) with the same text as `article`, if any.
pub fn same_content<'a>(
    project: &'a Project,
    pending: &'a [Article],
    article: &Article,
) -> Option<&'a Article> {
    project
        .articles
        .iter()
        .chain(pending)
        .find(|b| b.content_hash == article.content_hash)
}

/// The reason alone: the row already names the file.
pub(crate) fn reason_of(e: &import::ImportError) -> String {
    match e {
        import::ImportError::Refused { reason, .. } => reason.clone(),
        import::ImportError::Io { source, .. } => match source.kind() {
            std::io::ErrorKind::NotFound => "cannot read: no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "cannot read: permission denied".to_string(),
            _ => format!("cannot read: {source}"),
        },
    }
}

/// The "Import results" window; closing it clears the report.
pub fn show_report(ctx: &egui::Context, report: &mut Option<ImportReport>) {
    let Some(r) = report.as_ref() else {
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("import_report")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading("Import results");
        ui.label(format!(
            "{} of {} file(s) imported.",
            r.imported(),
            r.rows.len()
        ));
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                egui::Grid::new("import_rows")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for (name, outcome) in &r.rows {
                            ui.strong(name);
                            match outcome {
                                FileOutcome::Imported { title } => {
                                    ui.label(format!("✔ imported: {title}"));
                                }
                                FileOutcome::Duplicate { title } => {
                                    ui.label(format!(
                                        "⚠ already in the project (same content): {title}"
                                    ));
                                }
                                FileOutcome::Failed { reason } => {
                                    ui.colored_label(
                                        ui.visuals().error_fg_color,
                                        format!("✖ not imported: {reason}"),
                                    );
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            close = true;
        }
    });
    if close || modal.should_close() {
        *report = None;
    }
}
