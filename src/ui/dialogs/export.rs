//! The export dialog: format, which claims, a live count of what will be written and any
//! warnings, then the destination; after a successful export, the path and "Open folder".

use crate::core::export::{self, ClaimFilter, ExportOptions, Format};
use crate::core::model::{ArticleId, PerStatus, Project, Status};
use crate::ui::look::theme;
use std::path::PathBuf;

/// The choices of an open export dialog.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    pub format: Format,
    /// Which statuses to export.
    pub statuses: PerStatus<bool>,
    /// One article, or all of them.
    pub article: Option<ArticleId>,
    pub csv_bom: bool,
    /// A dossier (zip of report, ClaimReview, JSON, captures and manifest) instead of `format`.
    pub dossier: bool,
    /// The last file written from this dialog and how many claims it holds.
    pub done: Option<(PathBuf, usize)>,
}

/// What the person did in the dialog this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Open,
    Close,
    /// Ask where to write (file dialog or path prompt).
    ChooseDestination,
    OpenFolder(PathBuf),
}

/// The dossier's entry in the format list.
pub const DOSSIER_LABEL: &str = "Dossier (zip with the evidence)";

/// The reviewed statuses ticked: the export's default selection.
fn reviewed() -> PerStatus<bool> {
    PerStatus::from_fn(Status::is_reviewed)
}

const EVERY: PerStatus<bool> = PerStatus::splat(true);

impl ExportDialog {
    pub fn new(format: Format, csv_bom: bool) -> Self {
        ExportDialog {
            format,
            statuses: reviewed(),
            article: None,
            csv_bom,
            dossier: false,
            done: None,
        }
    }

    /// The claim selection the checkboxes describe; None when no status is ticked.
    pub fn filter(&self) -> Option<ClaimFilter> {
        let filter = match self.statuses {
            ticks if ticks == reviewed() => ClaimFilter::default(),
            EVERY => ClaimFilter::everything(),
            ticks => {
                let statuses: Vec<Status> =
                    ticks.iter().filter_map(|(s, on)| on.then_some(s)).collect();
                if statuses.is_empty() {
                    return None;
                }
                ClaimFilter {
                    statuses,
                    ..ClaimFilter::default()
                }
            }
        };
        Some(ClaimFilter {
            article: self.article.clone(),
            ..filter
        })
    }

    /// The export these choices make; None when no status is ticked.
    pub fn options(&self) -> Option<ExportOptions> {
        Some(ExportOptions {
            // A dossier holds every selected claim (its JSON export does), so it counts as JSON.
            format: if self.dossier {
                Format::Json
            } else {
                self.format
            },
            filter: self.filter()?,
            csv_bom: self.csv_bom && self.format == Format::Csv && !self.dossier,
        })
    }
}

/// What Google requires or recommends that the ClaimReview would lack, per claim.
fn publication_check(ui: &mut egui::Ui, project: &Project, options: &ExportOptions) {
    let claims = options.filter.select(project);
    let missing = export::publication_check(project, &claims);
    let required = missing
        .iter()
        .filter(|m| m.need == export::Need::Required)
        .count();
    let title = format!(
        "Publication check: {required} required, {} recommended missing",
        missing.len() - required
    );
    egui::CollapsingHeader::new(title)
        .id_salt("publication_check")
        .default_open(required > 0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(90.0)
                .show(ui, |ui| {
                    for m in &missing {
                        let quote = project
                            .claims
                            .iter()
                            .find(|c| c.id.as_str() == m.claim)
                            .map_or("Project".to_string(), |c| {
                                crate::ui::text::one_line(&c.anchor.quote, 40)
                            });
                        let text =
                            format!("{quote}: {} {} — {}", m.need.as_str(), m.field, m.message);
                        if m.need == export::Need::Required {
                            ui.colored_label(ui.visuals().warn_fg_color, text);
                        } else {
                            ui.weak(text);
                        }
                    }
                });
        });
}

fn claims_text(n: usize) -> String {
    match n {
        1 => "1 claim will be exported".to_string(),
        n => format!("{n} claims will be exported"),
    }
}

/// Draws the dialog over `project`.
pub fn show(ctx: &egui::Context, state: &mut ExportDialog, project: &Project) -> Outcome {
    let mut outcome = Outcome::Open;
    // Pinned by its top edge: as the publication check grows or shrinks, the dialog grows
    // downwards and its buttons never jump under the pointer (a centred modal re-centres).
    let id = egui::Id::unique("export_dialog");
    let area =
        egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 40.0));
    let modal = egui::Modal::new(id).area(area).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.heading("Export claims");
        ui.add_space(4.0);
        egui::Grid::new("export_grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label("Format");
                let shown = if state.dossier {
                    DOSSIER_LABEL
                } else {
                    state.format.label()
                };
                egui::ComboBox::from_id_salt("export_format")
                    .selected_text(shown)
                    .width(300.0)
                    .show_ui(ui, |ui| {
                        for f in Format::ALL {
                            let on = !state.dossier && state.format == f;
                            if ui.selectable_label(on, f.label()).clicked() {
                                state.format = f;
                                state.dossier = false;
                            }
                        }
                        if ui
                            .selectable_label(state.dossier, DOSSIER_LABEL)
                            .on_hover_text(
                                "One zip: the HTML report, ClaimReview, JSON, every captured \
                                 page of the selected claims and a SHA-256 manifest",
                            )
                            .clicked()
                        {
                            state.dossier = true;
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();

                ui.vertical(|ui| {
                    ui.add_space(2.0);
                    ui.label("Claims");
                });
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        if ui
                            .selectable_label(state.statuses == reviewed(), "Reviewed only")
                            .on_hover_text("Sourced, disputed and denied claims (the default)")
                            .clicked()
                        {
                            state.statuses = reviewed();
                        }
                        if ui
                            .selectable_label(state.statuses == EVERY, "All claims")
                            .on_hover_text("Unreviewed claims too")
                            .clicked()
                        {
                            state.statuses = EVERY;
                        }
                    });
                    egui::Grid::new("export_statuses")
                        .num_columns(2)
                        .show(ui, |ui| {
                            for (i, s) in Status::ALL.into_iter().enumerate() {
                                ui.horizontal(|ui| {
                                    theme::swatch(ui, s);
                                    ui.checkbox(&mut state.statuses[s], theme::status_text(s));
                                });
                                if i % 2 == 1 {
                                    ui.end_row();
                                }
                            }
                        });
                });
                ui.end_row();

                let label = ui.label("Article");
                let current = state
                    .article
                    .as_ref()
                    .and_then(|id| project.article(id))
                    .map_or("All articles".to_string(), |a| a.meta.title.clone());
                egui::ComboBox::from_id_salt("export_article")
                    .selected_text(current)
                    .width(300.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut state.article, None, "All articles");
                        for a in &project.articles {
                            let title = if a.meta.title.is_empty() {
                                a.id.to_string()
                            } else {
                                a.meta.title.clone()
                            };
                            ui.selectable_value(&mut state.article, Some(a.id.clone()), title);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();

                if state.format == Format::Csv && !state.dossier {
                    ui.label("");
                    ui.checkbox(&mut state.csv_bom, "BOM for Excel")
                        .on_hover_text(
                            "Start the file with a UTF-8 byte order mark so Excel shows accents \
                             and quotes correctly",
                        );
                    ui.end_row();
                }
            });

        ui.separator();
        let options = state.options();
        match &options {
            Some(o) => {
                ui.strong(claims_text(export::count_for(project, o)));
                for w in export::warnings(project, o) {
                    ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {w}"));
                }
                if state.dossier {
                    ui.weak(
                        "The captured pages come from the evidence folder beside the project \
                         file; a missing or altered one stops the export.",
                    );
                }
                if o.format == Format::ClaimReview && !state.dossier {
                    publication_check(ui, project, o);
                }
            }
            None => {
                ui.colored_label(ui.visuals().warn_fg_color, "⚠ Tick at least one status");
            }
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(options.is_some(), egui::Button::new("Export…"))
                .on_hover_text("Choose where to write the file")
                .clicked()
            {
                outcome = Outcome::ChooseDestination;
            }
            if ui.button("Close").clicked() {
                outcome = Outcome::Close;
            }
        });
        if let Some((path, n)) = &state.done {
            ui.separator();
            ui.label(format!(
                "✔ Exported {n} claim{} to {}",
                if *n == 1 { "" } else { "s" },
                path.display()
            ));
            if let Some(dir) = path.parent()
                && ui
                    .button("Open folder")
                    .on_hover_text("Show the folder in the file manager")
                    .clicked()
            {
                outcome = Outcome::OpenFolder(dir.to_path_buf());
            }
        }
    });
    if outcome == Outcome::Open && modal.should_close() {
        outcome = Outcome::Close;
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_map_to_the_export_filter() {
        let mut d = ExportDialog::new(Format::Csv, true);
        assert_eq!(d.filter(), Some(ClaimFilter::default()));
        d.statuses = EVERY;
        assert_eq!(d.filter(), Some(ClaimFilter::everything()));
        d.statuses = PerStatus::from_fn(|s| s == Status::Denied);
        assert_eq!(d.filter().map(|f| f.statuses), Some(vec![Status::Denied]));
        d.statuses = PerStatus::splat(false);
        assert_eq!(d.options(), None);
        d.statuses = reviewed();
        d.format = Format::Json;
        assert_eq!(d.options().map(|o| o.csv_bom), Some(false));
        d.format = Format::Csv;
        d.dossier = true;
        let o = d.options().expect("options");
        assert_eq!((o.format, o.csv_bom), (Format::Json, false));
    }
}
