//! The dialogs drawn each frame, and what their answers do.

use crate::ui::app::FactdeskApp;
use crate::ui::dialogs::*;
use crate::ui::intent::Intent;

/// Draws whichever dialogs are open.
pub fn show(ctx: &egui::Context, app: &mut FactdeskApp) -> Vec<Intent> {
    let mut out = Vec::new();
    let name = app.session.display_name();
    if app.dialogs.unsaved.is_some()
        && let Some(choice) = unsaved::show(ctx, &name)
    {
        out.push(Intent::UnsavedDecision(choice));
    }
    if let Some(prompt) = app.dialogs.path_prompt.as_mut() {
        match path_prompt::show(ctx, prompt, &app.settings.recent) {
            Some(Some(intent)) => out.push(intent),
            Some(None) => {
                app.dialogs.path_prompt = None;
                app.dialogs.after_save = None;
            }
            None => {}
        }
    }
    if let Some(err) = app.dialogs.error.as_deref()
        && messages::error_modal(ctx, err)
    {
        app.dialogs.error = None;
    }
    if app.dialogs.changed_on_disk
        && let Some(choice) = changed_on_disk::show(ctx, &name)
    {
        app.dialogs.changed_on_disk = false;
        app.disk_choice(ctx, choice);
    }
    if let Some(prompt) = app.dialogs.analyst.as_mut()
        && let Some(answer) = analyst::show(ctx, prompt)
    {
        let first_edit = app.dialogs.analyst.take().and_then(|p| p.first_edit);
        if let analyst::Answer::Name(name) = answer {
            app.analyst_chosen(name, first_edit);
        }
    }
    if let Some((path, holder)) = app.dialogs.locked.clone() {
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if let Some(open) = locked::show(ctx, &file.unwrap_or_default(), &holder) {
            app.dialogs.locked = None;
            if open {
                app.open_forced(&path);
            }
        }
    }
    if let Some((recovery, project)) = app.dialogs.restore.clone() {
        let name = project
            .as_deref()
            .or(Some(recovery.as_path()))
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(restore) = restore::show(ctx, &name) {
            app.dialogs.restore = None;
            app.restore_choice(restore, &recovery, project.as_deref());
        }
    }
    if let Some(state) = app.dialogs.export.as_mut() {
        match export::show(ctx, state, &app.session.project) {
            export::Outcome::Open => {}
            export::Outcome::Close => app.dialogs.export = None,
            export::Outcome::ChooseDestination => app.choose_export_destination(ctx),
            export::Outcome::OpenFolder(dir) => app.open_folder(&dir),
        }
    }
    if app.dialogs.settings_window {
        let mut input = settings_window::SettingsInput {
            settings: &mut app.settings,
            custom_levels: &mut app.dialogs.custom_levels,
            files: &mut app.project.files,
            project: &app.session.project,
            analyst: &app.session.analyst,
        };
        app.dialogs.settings_window = settings_window::show(ctx, &mut input, &mut out);
    }
    crate::ui::project::import_files::show_report(ctx, &mut app.dialogs.import_report);
    super::seen_before::frame(ctx, app);
    super::evidence::frame(ctx, app, &mut out);
    messages::toasts(ctx, &mut app.dialogs.toasts);
    if app.dialogs.about {
        let settings_dir = eframe::storage_dir("factdesk");
        let info = about::AboutInfo {
            project: app.session.path(),
            data_dir: app.project.autosave.data_dir.as_deref(),
            settings_dir: settings_dir.as_deref(),
        };
        app.dialogs.about = about::show(ctx, &info);
    }
    if app.dialogs.cheat_sheet {
        app.dialogs.cheat_sheet = cheat_sheet::show(ctx);
    }
    if let Some(state) = app.dialogs.palette.as_mut() {
        match palette::show(ctx, state) {
            palette::Outcome::Open => {}
            palette::Outcome::Close => app.dialogs.palette = None,
            palette::Outcome::Run(cmd) => {
                app.dialogs.palette = None;
                out.push(Intent::Run(cmd));
            }
        }
    }
    out
}
