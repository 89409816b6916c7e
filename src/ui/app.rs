//! `FactdeskApp`: the app state and a short per-frame dispatcher that lays out the panels and
//! applies what they asked for. Constructible without eframe, so tests drive the real app.

use crate::core::model::Project;
use crate::core::session::Session;
use crate::core::store;
use crate::ui::WindowState;
use crate::ui::article::ArticleState;
use crate::ui::claims::ClaimsState;
use crate::ui::command::UiCommand;
use crate::ui::dialogs::DialogState;
use crate::ui::intent::Intent;
use crate::ui::layout;
use crate::ui::look::appearance::Appearance;
use crate::ui::project::ProjectState;
use crate::ui::review::ReviewState;
use crate::ui::settings::Settings;
use crate::ui::{
    article::article_header, article::article_list, article::article_view, article::minimap,
    claims::claim_list, claims::claim_panel, menu_bar, project::start_screen, review::stats,
    review::suggestions_panel, status_bar,
};
use std::path::{Path, PathBuf};

/// The read-only view of the open project panels take (see `view.rs`), borrowed field by field
/// so that a panel's own state can be borrowed mutably beside it.
macro_rules! open_project {
    ($app:expr) => {
        crate::ui::view::OpenProject {
            session: &$app.session,
            settings: &$app.settings,
            derived: &$app.project.derived,
            generation: $app.project.generation,
        }
    };
}

/// The sample project, built into the binary so the app has something to show anywhere.
pub const SAMPLE_PROJECT: &str = include_str!("../../projects/sample.ron");

/// Recorded when no name is configured and the system offers none (the person was asked).
pub const UNNAMED_ANALYST: &str = "unnamed analyst";

/// The desktop app: a composition of the feature states. Each feature folder owns its state;
/// panels read what they need and return intents, which the dispatcher applies.
pub struct FactdeskApp {
    pub session: Session,
    pub settings: Settings,
    /// The open project's file, autosave, derived data and the open/import flows.
    pub project: ProjectState,
    /// The article being read: current article, selection, cursor, layout, find, minimap.
    pub article: ArticleState,
    /// The claim selection, filter and list cache.
    pub claims: ClaimsState,
    /// Suggestions, team sign-off and statistics.
    pub(crate) review: ReviewState,
    pub(crate) dialogs: DialogState,
    /// Fonts, theme and colours as last applied.
    look: Appearance,
    /// The window: title shown, focus last frame, whether it may close.
    pub window: WindowState,
}

impl FactdeskApp {
    /// An app over `session`.
    pub fn new(session: Session, settings: Settings) -> Self {
        let native = settings.native_dialogs;
        let mut app = FactdeskApp {
            session: Session::default(),
            settings,
            project: ProjectState::new(native),
            article: ArticleState::default(),
            claims: ClaimsState::default(),
            review: ReviewState::default(),
            dialogs: DialogState::default(),
            look: Appearance::default(),
            window: WindowState::default(),
        };
        app.replace_session(session);
        app
    }

    /// The built-in sample project with no file: saving asks where. Untouched, it has no unsaved
    /// changes (quitting asks nothing and no recovery file is kept); only real edits count.
    pub fn sample_session() -> Session {
        match store::from_ron_str(SAMPLE_PROJECT, Path::new("sample.ron")) {
            Ok(p) => Session::opened(p, None),
            Err(_) => Session::opened(Project::new("Untitled project"), None),
        }
    }

    /// The app as it starts: `project` if given, else the last project; else the sample on a
    /// first start (no recent projects yet), or the start screen. A project that fails to load is
    /// reported in the app, which then shows the sample.
    pub fn startup(project: Option<PathBuf>, settings: Settings) -> Self {
        Self::startup_in(project, settings, None)
    }

    /// [`Self::startup`] with the app's data folder, where never-saved projects autosave (and
    /// whose recovery files are offered at start).
    pub fn startup_in(
        project: Option<PathBuf>,
        settings: Settings,
        data_dir: Option<PathBuf>,
    ) -> Self {
        let path = project.or_else(|| settings.last_project.clone().filter(|p| p.exists()));
        // A project to open starts from the start screen, so one that fails to open leaves the
        // person there (with the error), never in a sample they did not ask for.
        let start_screen = path.is_some() || !settings.recent.is_empty();
        let session = if start_screen {
            Session::opened(Project::new("Untitled project"), None)
        } else {
            Self::sample_session()
        };
        let mut app = FactdeskApp::new(session, settings).with_data_dir(data_dir);
        app.project.import.start_screen = start_screen;
        match path {
            Some(path) => app.open_path(&path),
            None => app.offer_unsaved_recovery(),
        }
        app
    }

    /// The app's data folder, where never-saved projects autosave; None: they do not. Known only
    /// at run time, so it is not a setting.
    pub fn with_data_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.project.autosave.data_dir = dir;
        self
    }

    /// Errors waiting to be read (shown in a dialog).
    pub fn error_message(&self) -> Option<&str> {
        self.dialogs.error.as_deref()
    }

    /// How many article blocks were laid out since the article was opened (a measure of view
    /// work for tests and benchmarks).
    pub fn layouts_built(&self) -> usize {
        self.article.layout.as_ref().map_or(0, |l| l.layouts_built)
    }

    /// Replaces the open project (after open / new) and resets what pointed into the old one.
    pub(crate) fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.session.analyst = self.analyst_name();
        self.project.generation += 1;
        self.article.current = self.session.project.articles.first().map(|a| a.id.clone());
        self.claims.selected = None;
        self.claims.selected_set.clear();
        self.claims.anchor = None;
        self.article.selection = None;
        self.article.cursor = None;
        self.article.layout = None;
        self.project.import.reset();
        self.refresh_derived();
    }

    /// Who edits: the analyst preference, else the environment's default identity.
    pub(crate) fn analyst_name(&self) -> String {
        let name = crate::core::team::identity::resolve(Some(&self.settings.analyst));
        // Never record an empty name: history would say "by someone" with no way to tell who.
        if name.is_empty() {
            UNNAMED_ANALYST.to_string()
        } else {
            name
        }
    }

    pub(crate) fn refresh_derived(&mut self) {
        let rev = self.session.history.revision();
        if self
            .project
            .derived
            .refresh(&self.session.project, self.project.generation, rev)
        {
            // A claim may be gone (undo of its creation): never point at a missing one.
            if let Some(id) = &self.claims.selected
                && self.session.project.claim(id).is_none()
            {
                self.claims.selected = None;
            }
            self.prune_selection();
            if let Some(a) = &self.article.current
                && self.session.project.article(a).is_none()
            {
                self.article.current = self.session.project.articles.first().map(|a| a.id.clone());
            }
        }
    }

    /// True when a text field other than the article has keyboard focus.
    fn typing(&self, ctx: &egui::Context) -> bool {
        let focused = ctx.memory(|m| m.focused());
        ctx.text_edit_focused() && focused.is_none_or(|id| !self.article.text_ids.contains(&id))
    }

    /// Draws one frame and handles its input.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.look.apply(&ctx, &self.settings);
        let mut intents: Vec<Intent> = Vec::new();
        self.poll_background(&ctx, &mut intents);
        self.handle_window_input(&ctx, &mut intents);
        if !self.dialogs.any_modal() {
            let typing = self.typing(&ctx);
            intents.extend(
                UiCommand::from_input(&ctx, typing)
                    .into_iter()
                    .map(Intent::Run),
            );
        }
        self.apply_all(&ctx, std::mem::take(&mut intents));
        self.refresh_derived();
        self.sync_analyst();
        self.refresh_suggestions(&ctx);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            let enabled = menu_bar::Enabled {
                claim: self.claims.selected.is_some(),
                selection: self.article.selection.is_some(),
                cursor: self.article.cursor.is_some(),
                suggestions: self.review.suggest.open,
            };
            intents.extend(menu_bar::show(ui, &open_project!(self), enabled));
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                let compact = ui.available_width() < status_bar::COMPACT_BELOW;
                status_bar::counts(ui, &self.project.derived, compact);
                // Right to left: the team buttons keep their place, the file path gives way.
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    intents.extend(crate::ui::review::team::status_bar(ui, &self.session));
                    status_bar::file(ui, &self.session);
                });
            });
        });
        self.side_panels(ui, &mut intents);
        self.window.panels.article = None;
        egui::CentralPanel::default_margins().show(ui, |ui| {
            if !start_screen::show_if_open(
                ui,
                &open_project!(self),
                &mut self.project.import.start_screen,
                &mut intents,
            ) {
                intents.extend(minimap::show(ui, &open_project!(self), &mut self.article));
                let open = open_project!(self);
                let mut header = article_header::Header {
                    open: &open,
                    import: &mut self.project.import,
                    versions: &mut self.article.versions,
                };
                intents.extend(article_header::show(
                    ui,
                    &mut header,
                    self.article.current.as_ref(),
                ));
                // The comparison's marks follow an edit made this frame (its window comes later).
                self.refresh_comparison();
                let modal = self.dialogs.any_modal();
                let input = article_view::ViewInput {
                    claims: &mut self.claims,
                    suggest: &mut self.review.suggest,
                    compare: self.review.team.compare.as_mut(),
                    modal,
                    drawn: &mut self.window.panels.article,
                };
                intents.extend(article_view::show(
                    ui,
                    &open_project!(self),
                    &mut self.article,
                    input,
                ));
            }
        });
        intents.extend(stats::show(
            &ctx,
            &open_project!(self),
            &mut self.review.stats,
            self.article.current.as_ref(),
        ));
        intents.extend(crate::ui::dispatch::dialogs::show(&ctx, self));
        self.refresh_comparison();
        intents.extend(crate::ui::review::compare::show(
            &ctx,
            &self.session.project,
            self.review.team.compare.as_ref(),
        ));
        self.apply_all(&ctx, intents);
        self.seal_typing_on_focus_change(&ctx);
        self.update_title(&ctx);
        self.autosave_tick(&ctx);
    }

    /// The articles list, the claim panel (or the suggestions, as its second tab) and the claim
    /// list, each at a size that leaves the article its minimum width (see `layout`).
    fn side_panels(&mut self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
        let total = ui.available_width();
        // Last frame's widths (egui keeps each panel's own size while it is shown).
        let last = self.window.panels;
        let plan = layout::plan(
            total,
            layout::Wanted {
                articles: self.settings.show_articles_panel,
                claim: self.settings.show_claim_panel,
                articles_width: last
                    .articles
                    .map_or(layout::ARTICLES_DEFAULT_WIDTH, |r| r.width()),
                claim_width: last
                    .claim
                    .map_or(layout::CLAIM_DEFAULT_WIDTH, |r| r.width()),
                forced: self.window.forced,
            },
        );
        self.window.panels = layout::PanelRects::default();
        match plan.articles {
            layout::Side::Shown { max } => {
                let r = egui::Panel::left("articles")
                    .resizable(true)
                    .default_size(layout::ARTICLES_DEFAULT_WIDTH)
                    .size_range(layout::ARTICLES_MIN_WIDTH..=max)
                    .show(ui, |ui| {
                        if hide_button(ui, "⏴", "Hide the articles list") {
                            intents.push(Intent::Run(UiCommand::ToggleArticlesPanel));
                        }
                        intents.extend(article_list::show(
                            ui,
                            &open_project!(self),
                            self.article.current.as_ref(),
                            self.article.versions.dropped.as_ref(),
                        ));
                    });
                self.window.panels.articles = Some(r.response.rect);
            }
            layout::Side::Strip => {
                if strip(
                    ui,
                    egui::Panel::left("articles_strip"),
                    "⏵",
                    "Show the articles list",
                ) {
                    intents.push(Intent::ShowPanel(layout::Forced::Articles));
                }
            }
        }
        match plan.claim {
            layout::Side::Shown { max } => {
                let r = egui::Panel::right("claim_panel")
                    .resizable(true)
                    .default_size(layout::CLAIM_DEFAULT_WIDTH)
                    .size_range(layout::CLAIM_MIN_WIDTH..=max)
                    .show(ui, |ui| {
                        if hide_button(ui, "⏵", "Hide the claim panel") {
                            intents.push(Intent::Run(UiCommand::ToggleClaimPanel));
                        }
                        intents.extend(self.right_panel(ui));
                    });
                self.window.panels.claim = Some(r.response.rect);
            }
            layout::Side::Strip => {
                if strip(
                    ui,
                    egui::Panel::right("claim_strip"),
                    "⏴",
                    "Show the claim panel",
                ) {
                    intents.push(Intent::ShowPanel(layout::Forced::Claim));
                }
            }
        }
        let max_list = (ui.available_height() * layout::CLAIM_LIST_MAX_SHARE).max(90.0);
        let r = egui::Panel::bottom("claim_list")
            .resizable(true)
            .default_size(230.0_f32.min(max_list))
            .size_range(80.0..=max_list)
            .show(ui, |ui| {
                intents.extend(claim_list::show(
                    ui,
                    &open_project!(self),
                    &mut self.claims,
                    self.article.current.as_ref(),
                ));
            });
        self.window.panels.claim_list = Some(r.response.rect);
    }

    /// The claim panel, with the suggestions as a second tab while they are open (so they never
    /// take the article's width).
    fn right_panel(&mut self, ui: &mut egui::Ui) -> Vec<Intent> {
        if !self.review.suggest.open {
            return self.claim_panel(ui);
        }
        ui.horizontal(|ui| {
            let tab = &mut self.window.right_tab;
            for (value, text) in [
                (layout::RightTab::Claim, "Claim"),
                (layout::RightTab::Suggestions, "Suggestions"),
            ] {
                let on = *tab == value;
                let r = ui.selectable_value(tab, value, text);
                let name = format!("{text} tab");
                r.widget_info(|| egui::WidgetInfo::selected(egui::Role::Tab, true, on, &name));
            }
        });
        ui.separator();
        match self.window.right_tab {
            layout::RightTab::Claim => self.claim_panel(ui),
            layout::RightTab::Suggestions => {
                let computing = self.suggestions_computing();
                suggestions_panel::show(
                    ui,
                    &self.settings,
                    computing,
                    &mut self.review.suggest,
                    &mut self.review.seen,
                )
            }
        }
    }

    fn claim_panel(&self, ui: &mut egui::Ui) -> Vec<Intent> {
        let input = claim_panel::PanelInput {
            claims: &self.claims,
            current_article: self.article.current.as_ref(),
            article_selection: self.article.selection.as_ref(),
            editing: self.review.team.editing.as_ref(),
            capturing: self.dialogs.evidence.capture.as_ref(),
            seen: &self.review.seen,
            subject: crate::ui::review::seen_before::subject(
                &self.session.project,
                self.claims.selected.as_ref(),
                &self.review.suggest,
            ),
        };
        claim_panel::show(ui, &open_project!(self), &input)
    }

    /// Hides a side panel that is shown (a setting, kept between runs), or shows one that is
    /// collapsed, whether the person hid it or the window is too narrow for it.
    pub(crate) fn toggle_panel(&mut self, which: layout::Forced) {
        let (was_shown, setting) = match which {
            layout::Forced::Articles => (
                self.window.panels.articles.is_some(),
                &mut self.settings.show_articles_panel,
            ),
            layout::Forced::Claim => (
                self.window.panels.claim.is_some(),
                &mut self.settings.show_claim_panel,
            ),
        };
        if was_shown {
            *setting = false;
            if self.window.forced == Some(which) {
                self.window.forced = None;
            }
        } else {
            self.show_panel(which);
        }
    }

    /// Opens a side panel from its strip: shown, and kept shown even where the width is short.
    pub(crate) fn show_panel(&mut self, which: layout::Forced) {
        match which {
            layout::Forced::Articles => self.settings.show_articles_panel = true,
            layout::Forced::Claim => self.settings.show_claim_panel = true,
        }
        self.window.forced = Some(which);
    }

    fn apply_all(&mut self, ctx: &egui::Context, intents: Vec<Intent>) {
        for intent in intents {
            self.apply_intent(ctx, intent);
            self.refresh_derived();
            self.refresh_suggestions(ctx);
        }
    }

    /// File dialog answers and dropped files.
    fn poll_background(&mut self, ctx: &egui::Context, intents: &mut Vec<Intent>) {
        while let Some(answer) = self.project.files.poll() {
            intents.push(Intent::DialogAnswer(answer));
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            intents.push(crate::ui::article::versions_ui::drop_intent(ctx, dropped));
        }
        self.poll_paste(ctx, intents);
    }

    /// Closing the window with unsaved changes asks first.
    fn handle_window_input(&mut self, ctx: &egui::Context, intents: &mut Vec<Intent>) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.window.allow_close {
            if self.session.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                intents.push(Intent::Run(UiCommand::Quit));
            } else {
                self.window.quit_requested = true;
            }
        }
    }

    /// Closes the window for good (the decision about unsaved changes is made).
    pub(crate) fn close_window(&mut self, ctx: &egui::Context) {
        self.window.quit_requested = true;
        self.window.allow_close = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// Typing in one field merges into one undo step; moving to another field starts a new one.
    fn seal_typing_on_focus_change(&mut self, ctx: &egui::Context) {
        let focus = ctx.memory(|m| m.focused());
        if focus != self.window.last_focus {
            self.session.history.seal();
            self.window.last_focus = focus;
        }
    }

    /// "● name — factdesk" while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let marker = if self.session.is_dirty() { "• " } else { "" };
        format!("{marker}{} — factdesk", self.session.display_name())
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.window.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.title = title;
        }
    }

    /// The article's scroll offset (points from the top) as the minimap last saw it.
    pub fn article_scroll_offset(&self) -> f32 {
        self.article.minimap.offset
    }

    /// The figures the statistics window shows (computed when it is open).
    pub fn stats(&self) -> &crate::ui::review::stats::Stats {
        &self.review.stats.stats
    }

    /// How many times the caches kept per project revision were rebuilt (derived counts and
    /// spans, the claim list's rows, the minimap's marks, a versions comparison): an idle frame
    /// adds none, whatever the number of claims.
    pub fn cache_rebuilds(&self) -> usize {
        self.project.derived.rebuilds
            + self.claims.list.rebuilds
            + self.article.minimap.rebuilds
            + self.article.versions.diffs_built
    }

    pub(crate) fn current_article_index(&self) -> Option<usize> {
        self.article
            .current
            .as_ref()
            .and_then(|id| self.session.project.article_index(id))
    }
}

/// A small button at the top right of a side panel that hides it.
fn hide_button(ui: &mut egui::Ui, icon: &str, label: &str) -> bool {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
        let r = ui.small_button(icon).on_hover_text(label);
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
        r.clicked()
    })
    .inner
}

/// The narrow strip a collapsed side panel leaves at its edge; true when clicked.
fn strip(ui: &mut egui::Ui, panel: egui::Panel, icon: &str, label: &str) -> bool {
    panel
        .exact_size(layout::STRIP_WIDTH)
        .resizable(false)
        .show(ui, |ui| {
            let b = ui.add(egui::Button::new(icon).small()).on_hover_text(label);
            b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
            b.clicked()
        })
        .inner
}

impl eframe::App for FactdeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.store(storage);
    }
}
