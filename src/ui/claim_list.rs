//! The claim list: the claims of the current article (or all), filtered by status and text,
//! drawn with `show_rows` so only visible rows cost anything. Rows are rebuilt only when the
//! project or the filter changes.

use super::app::FactdeskApp;
use super::dispatch::Intent;
use super::theme;
use crate::core::model::{Claim, Project, Status};
use std::hash::{Hash, Hasher};

/// Which claims the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClaimFilter {
    /// Shown statuses, in `Status::ALL` order.
    pub show: [bool; 4],
    pub search: String,
    pub all_articles: bool,
}

impl Default for ClaimFilter {
    fn default() -> Self {
        ClaimFilter {
            show: [true; 4],
            search: String::new(),
            all_articles: false,
        }
    }
}

impl ClaimFilter {
    fn shows(&self, s: Status) -> bool {
        Status::ALL
            .iter()
            .position(|x| *x == s)
            .is_some_and(|i| self.show[i])
    }

    /// Case-insensitive match on quote, speaker, note and sources.
    fn matches(&self, c: &Claim, needle: &str) -> bool {
        if !self.shows(c.status) {
            return false;
        }
        if needle.is_empty() {
            return true;
        }
        let has = |s: &str| s.to_lowercase().contains(needle);
        has(&c.anchor.quote)
            || has(&c.speaker)
            || has(&c.note)
            || c.sources
                .iter()
                .any(|s| has(&s.url) || has(&s.title) || has(&s.note))
    }
}

/// The filtered rows, as indices into `Project::claims`.
#[derive(Debug, Default)]
pub struct ClaimListCache {
    key: Option<u64>,
    pub rows: Vec<usize>,
}

impl ClaimListCache {
    fn refresh(
        &mut self,
        app_key: u64,
        project: &Project,
        filter: &ClaimFilter,
        article: Option<&crate::core::model::ArticleId>,
    ) {
        if self.key == Some(app_key) {
            return;
        }
        self.key = Some(app_key);
        let needle = filter.search.trim().to_lowercase();
        self.rows = project
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| filter.all_articles || Some(&c.article) == article)
            .filter(|(_, c)| filter.matches(c, &needle))
            .map(|(i, _)| i)
            .collect();
    }
}

/// The first `max` chars of `s` on one line; only looks at the start, so a claim spanning a whole
/// report costs no more than a short one.
pub fn one_line(s: &str, max: usize) -> String {
    let head: String = s.chars().take(max + 1).collect();
    let flat: String = head.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > max {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    } else {
        flat
    }
}

/// The row text: status (symbol and name) and quote; the speaker goes on the right.
pub fn row_text(c: &Claim) -> String {
    format!(
        "{}  “{}”",
        theme::status_text(c.status),
        one_line(&c.anchor.quote, 90)
    )
}

pub fn show(ui: &mut egui::Ui, app: &mut FactdeskApp) -> Vec<Intent> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.strong("Claims");
        for (i, s) in Status::ALL.into_iter().enumerate() {
            theme::swatch(ui, s);
            ui.checkbox(&mut app.filter.show[i], theme::status_text(s))
                .on_hover_text(format!("Show {} claims", s.as_str()));
        }
        ui.checkbox(&mut app.filter.all_articles, "All articles");
        let label = ui.label("Search");
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut app.filter.search)
                    .hint_text("quote, speaker, note, source")
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut app.focus_search) {
            search.request_focus();
        }
    });
    let key = {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            app.generation,
            app.session.history.revision(),
            &app.filter,
            &app.current_article,
        )
            .hash(&mut h);
        h.finish()
    };
    let project = &app.session.project;
    app.list
        .refresh(key, project, &app.filter, app.current_article.as_ref());
    ui.weak(format!("{} shown", app.list.rows.len()));
    ui.separator();
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let selected_idx = app
        .selected_claim
        .as_ref()
        .and_then(|id| project.claim_index(id));
    let mut area = egui::ScrollArea::vertical()
        .id_salt("claim_list")
        .auto_shrink(false);
    if app.scroll_to_selected
        && let Some(pos) = selected_idx.and_then(|ci| app.list.rows.iter().position(|&r| r == ci))
    {
        let spacing = ui.spacing().item_spacing.y;
        let y = pos as f32 * (row_h + spacing);
        let total = app.list.rows.len() as f32 * (row_h + spacing);
        let max = (total - ui.available_height()).max(0.0);
        area = area.vertical_scroll_offset((y - row_h * 2.0).clamp(0.0, max));
    }
    let rows = &app.list.rows;
    area.show_rows(ui, row_h, rows.len(), |ui, range| {
        for &ci in &rows[range] {
            let Some(c) = project.claims.get(ci) else {
                continue;
            };
            ui.horizontal(|ui| {
                theme::swatch(ui, c.status);
                super::team::list_marker(ui, project, c);
                let selected = selected_idx == Some(ci);
                let r = ui.add(
                    egui::Button::selectable(selected, row_text(c))
                        .right_text(egui::RichText::new(c.speaker.as_str()).weak())
                        .truncate()
                        .min_size(egui::vec2(ui.available_width(), row_h - 2.0)),
                );
                if r.clicked() {
                    out.push(Intent::SelectClaim {
                        id: c.id.clone(),
                        scroll: true,
                    });
                }
            });
        }
    });
    out
}
