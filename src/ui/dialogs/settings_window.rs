//! The settings window: appearance (theme, zoom, contrast, status colours), the analyst's name,
//! the project's reviewing organisation, autosave, file dialogs and the claim library folder.
//! App preferences persist with the app; the reviewing organisation belongs to the project and
//! is edited through an undoable action, so it is saved in the project file.

use crate::core::action::Action;
use crate::core::model::Project;
use crate::core::model::{PRESETS, ProjectSettings, RatingScale, Status};
use crate::ui::command::UiCommand;
use crate::ui::intent::Intent;
use crate::ui::look::theme;
use crate::ui::project::file_dialogs::FileDialogs;
use crate::ui::settings::Settings;
use crate::ui::settings::{AUTOSAVE_RANGE, MAX_ZOOM, MIN_ZOOM, StatusColors, ThemeChoice};

/// What the window edits (the person's settings, the custom scale being typed, the file dialogs'
/// kind) and reads (the project, for its own settings; who edits now).
pub struct SettingsInput<'a> {
    pub settings: &'a mut Settings,
    pub custom_levels: &'a mut String,
    pub files: &'a mut FileDialogs,
    pub project: &'a Project,
    pub analyst: &'a str,
}

/// Draws the window; false once the person closed it. App preferences change in place (they
/// are the person's, not the project's); project settings come back as undoable intents.
pub fn show(ctx: &egui::Context, w: &mut SettingsInput, out: &mut Vec<Intent>) -> bool {
    let mut open = true;
    let mut close = false;
    egui::Window::new("Settings")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(500.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            appearance(ui, w, out);
            ui.separator();
            analyst(ui, w);
            ui.separator();
            project(ui, w, out);
            ui.separator();
            files(ui, w);
            ui.separator();
            ui.horizontal(|ui| {
                ui.weak("Preferences are kept for this computer.");
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        });
    open && !close
}

fn appearance(ui: &mut egui::Ui, w: &mut SettingsInput, out: &mut Vec<Intent>) {
    ui.strong("Appearance");
    egui::Grid::new("settings_appearance")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Theme");
            ui.horizontal(|ui| {
                for (choice, text, tip) in [
                    (
                        ThemeChoice::System,
                        "System",
                        "Follow the desktop's light/dark setting",
                    ),
                    (ThemeChoice::Light, "Light", "Always light"),
                    (ThemeChoice::Dark, "Dark", "Always dark"),
                ] {
                    if ui
                        .radio(w.settings.theme == choice, text)
                        .on_hover_text(tip)
                        .clicked()
                    {
                        out.push(Intent::SetTheme(choice));
                    }
                }
            });
            ui.end_row();

            let label = ui.label("Zoom");
            ui.horizontal(|ui| {
                let mut zoom = w.settings.zoom_factor();
                let slider = egui::Slider::new(&mut zoom, MIN_ZOOM..=MAX_ZOOM)
                    .step_by(0.1)
                    .custom_formatter(|z, _| format!("{:.0} %", z * 100.0))
                    .custom_parser(|t| {
                        t.trim_end_matches(['%', ' '])
                            .parse::<f64>()
                            .ok()
                            .map(|p| p / 100.0)
                    });
                if ui.add(slider).labelled_by(label.id).changed() {
                    w.settings.zoom = zoom;
                }
                if ui
                    .button(UiCommand::ZoomReset.label())
                    .on_hover_text(UiCommand::ZoomReset.tooltip())
                    .clicked()
                {
                    out.push(Intent::Run(UiCommand::ZoomReset));
                }
            });
            ui.end_row();

            ui.label("Contrast");
            ui.checkbox(&mut w.settings.high_contrast, "High contrast")
                .on_hover_text("Black and white text and backgrounds, thicker focus outline");
            ui.end_row();

            let label = ui.label("Status colours");
            egui::ComboBox::from_id_salt("status_colors")
                .selected_text(w.settings.status_colors.label())
                .width(200.0)
                .show_ui(ui, |ui| {
                    for c in StatusColors::ALL {
                        ui.selectable_value(&mut w.settings.status_colors, c, c.label());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            ui.label("");
            ui.horizontal(|ui| {
                // The preview: the chosen colours with the symbol and name that always go with them.
                let set = w.settings.status_colors;
                for s in Status::ALL {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, set.color(s));
                    ui.label(theme::status_text(s));
                    ui.add_space(4.0);
                }
            });
            ui.end_row();
        });
}

fn analyst(ui: &mut egui::Ui, w: &mut SettingsInput) {
    ui.add_space(2.0);
    ui.strong("You");
    ui.horizontal(|ui| {
        let label = ui.label("Analyst name");
        // The session takes the new name before the next frame (`sync_analyst`).
        ui.add(
            egui::TextEdit::singleline(&mut w.settings.analyst)
                .desired_width(240.0)
                .hint_text("from git or the system user"),
        )
        .labelled_by(label.id);
    });
    ui.weak(format!(
        "Recorded on new claims, status changes and sign-offs, now as “{}”.",
        w.analyst
    ));
}

fn project(ui: &mut egui::Ui, w: &mut SettingsInput, out: &mut Vec<Intent>) {
    ui.add_space(2.0);
    ui.strong("This project");
    ui.weak("Saved in the project file (used by ClaimReview exports); changes can be undone.");
    let current = w.project.settings.clone();
    egui::Grid::new("settings_project")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label("Reviewing organisation");
            let mut org = current.reviewer_org.clone();
            if ui
                .add(
                    egui::TextEdit::singleline(&mut org)
                        .desired_width(240.0)
                        .hint_text("e.g. Example Fact Check"),
                )
                .labelled_by(label.id)
                .changed()
            {
                out.push(Intent::Typing(Action::SetProjectSettings {
                    settings: ProjectSettings {
                        reviewer_org: org,
                        ..current.clone()
                    },
                }));
            }
            ui.end_row();

            let label = ui.label("Reviewer URL");
            let mut url = current.reviewer_url.clone();
            if ui
                .add(
                    egui::TextEdit::singleline(&mut url)
                        .desired_width(240.0)
                        .hint_text("https://…"),
                )
                .labelled_by(label.id)
                .changed()
            {
                out.push(Intent::Typing(Action::SetProjectSettings {
                    settings: ProjectSettings {
                        reviewer_url: url,
                        ..current.clone()
                    },
                }));
            }
            ui.end_row();

            ui.label("Internet Archive");
            let mut archive = current.internet_archive;
            if ui
                .checkbox(&mut archive, "Also ask it to save each captured page")
                .on_hover_text(
                    "Off by default. After each capture, web.archive.org is asked for a public \
                     copy and its address is kept with the capture. This tells the Archive which \
                     pages the desk is checking; it is never needed to work offline.",
                )
                .changed()
            {
                out.push(Intent::Edit(Action::SetProjectSettings {
                    settings: ProjectSettings {
                        internet_archive: archive,
                        ..current.clone()
                    },
                }));
            }
            ui.end_row();

            rating_scale(ui, w, &current, out);
        });
}

/// The scale verdicts are given on: none, a preset, or the desk's own levels (worst first).
/// A scale that would strand verdicts in use is not offered: the claims keep theirs.
fn rating_scale(
    ui: &mut egui::Ui,
    w: &mut SettingsInput,
    current: &ProjectSettings,
    out: &mut Vec<Intent>,
) {
    let set = |scale: Option<RatingScale>| {
        Intent::Edit(Action::SetProjectSettings {
            settings: ProjectSettings {
                rating_scale: scale,
                ..current.clone()
            },
        })
    };
    let in_use: Vec<String> = {
        let mut v: Vec<String> = w
            .project
            .claims
            .iter()
            .map(|c| c.verdict.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let strands = |scale: Option<&RatingScale>| {
        in_use
            .iter()
            .any(|v| scale.is_none_or(|s| s.level(v).is_none()))
    };
    let label = ui.label("Rating scale");
    let shown = current
        .rating_scale
        .as_ref()
        .map_or("None (statuses only)".to_string(), |s| s.name.clone());
    ui.vertical(|ui| {
        egui::ComboBox::from_id_salt("rating_scale")
            .selected_text(shown)
            .width(240.0)
            .show_ui(ui, |ui| {
                if ui
                    .add_enabled(
                        !strands(None),
                        egui::Button::selectable(
                            current.rating_scale.is_none(),
                            "None (statuses only)",
                        ),
                    )
                    .clicked()
                {
                    out.push(set(None));
                }
                for p in PRESETS {
                    let scale = RatingScale::preset(p.name);
                    let chosen = current
                        .rating_scale
                        .as_ref()
                        .is_some_and(|s| s.name == p.name);
                    if ui
                        .add_enabled(
                            !strands(scale.as_ref()),
                            egui::Button::selectable(chosen, p.name),
                        )
                        .on_hover_text(p.description)
                        .clicked()
                    {
                        out.push(set(scale));
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Verdicts are levels of this scale; a claim's status is never one");
        if let Some(s) = &current.rating_scale {
            ui.weak(format!("Worst to best: {}", s.names()));
        }
        ui.horizontal(|ui| {
            let label = ui.label("Own levels");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut *w.custom_levels)
                        .desired_width(170.0)
                        .hint_text("False, Half true, True"),
                )
                .labelled_by(label.id);
            let custom = RatingScale::custom(&w.custom_levels.split(',').collect::<Vec<_>>());
            let ok = custom.as_ref().is_ok_and(|c| !strands(Some(c)));
            if ui
                .add_enabled(ok, egui::Button::new("Use these levels"))
                .on_hover_text("Worst first, separated by commas; rated 1 to N")
                .clicked()
                && let Ok(c) = custom
            {
                out.push(set(Some(c)));
            }
            let _ = edit;
        });
        if !in_use.is_empty() {
            ui.weak(format!(
                "In use: {} (scales without them are not offered)",
                in_use.join(", ")
            ));
        }
    });
    ui.end_row();
}

fn files(ui: &mut egui::Ui, w: &mut SettingsInput) {
    ui.add_space(2.0);
    ui.strong("Files");
    ui.horizontal(|ui| {
        let label = ui.label("Autosave after");
        ui.add(
            egui::DragValue::new(&mut w.settings.autosave_seconds)
                .range(AUTOSAVE_RANGE)
                .speed(0.5)
                .fixed_decimals(0)
                .suffix(" s idle"),
        )
        .labelled_by(label.id)
        .on_hover_text("Unsaved work goes to a recovery file after this many idle seconds");
    });
    if ui
        .checkbox(
            &mut w.settings.native_dialogs,
            "Use the desktop's file dialogs",
        )
        .on_hover_text("Off: type paths in the app instead")
        .changed()
    {
        w.files.set_native(w.settings.native_dialogs);
    }
    library_folder(ui, w);
}

/// The claim library's index folder; empty: the one `factdesk library` uses by default.
fn library_folder(ui: &mut egui::Ui, w: &mut SettingsInput) {
    let mut text = w
        .settings
        .library_dir
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let default = crate::core::library::default_index_dir()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "set FACTDESK_LIBRARY".to_string());
    ui.horizontal(|ui| {
        let label = ui.label("Claim library index");
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text(&default)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .on_hover_text(
                "The index \"Seen before\" searches; empty: the one `factdesk library` uses",
            );
        if r.changed() {
            let t = text.trim();
            w.settings.library_dir = (!t.is_empty()).then(|| std::path::PathBuf::from(t));
        }
    });
}
