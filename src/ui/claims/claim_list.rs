//! The claim list: the claims of the current article (or all), filtered by status and text,
//! sorted by a column, drawn with `show_rows` so only visible rows cost anything. Rows are
//! rebuilt only when the project, the filter or the sort changes. Ctrl/Shift+click select
//! several rows (see `multi_select`).

use crate::core::model::{ArticleId, Claim, PerStatus, Project, Status};
use crate::ui::claims::ClaimsState;
use crate::ui::claims::claim_sort::{ClaimSort, SortColumn};
use crate::ui::intent::ClickKind;
use crate::ui::intent::Intent;
use crate::ui::look::theme;
use crate::ui::text::one_line;
use crate::ui::view::OpenProject;
use std::hash::{Hash, Hasher};

/// Which claims the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClaimFilter {
    /// Shown statuses.
    pub show: PerStatus<bool>,
    pub search: String,
    pub all_articles: bool,
}

impl Default for ClaimFilter {
    fn default() -> Self {
        ClaimFilter {
            show: PerStatus::splat(true),
            search: String::new(),
            all_articles: false,
        }
    }
}

impl ClaimFilter {
    fn shows(&self, s: Status) -> bool {
        self.show[s]
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
    /// How many times the rows were rebuilt.
    pub rebuilds: usize,
}

impl ClaimListCache {
    fn refresh(
        &mut self,
        app_key: u64,
        project: &Project,
        filter: &ClaimFilter,
        sort: ClaimSort,
        article: Option<&crate::core::model::ArticleId>,
    ) {
        if self.key == Some(app_key) {
            return;
        }
        self.key = Some(app_key);
        self.rebuilds += 1;
        let needle = filter.search.trim().to_lowercase();
        self.rows = project
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| filter.all_articles || Some(&c.article) == article)
            .filter(|(_, c)| filter.matches(c, &needle))
            .map(|(i, _)| i)
            .collect();
        sort.apply(project, &mut self.rows);
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

/// Column widths of the list (the quote takes what is left).
const POSITION_W: f32 = 70.0;
const STATUS_W: f32 = 120.0;
const SPEAKER_W: f32 = 170.0;
const UPDATED_W: f32 = 130.0;
/// The narrowest the quote column gets before the speaker and date columns give way.
const QUOTE_MIN_W: f32 = 200.0;
const SPEAKER_NARROW_W: f32 = 110.0;

/// The x range of each column in a row `width` wide, in `SortColumn` order plus the quote.
struct Columns {
    position: (f32, f32),
    status: (f32, f32),
    quote: (f32, f32),
    speaker: (f32, f32),
    updated: (f32, f32),
}

impl Columns {
    fn new(width: f32) -> Columns {
        let mut x = 0.0;
        let mut next = |w: f32| {
            let r = (x, x + w);
            x += w;
            r
        };
        // On a narrow list the side columns give way so the quote keeps room to be read:
        // first "Updated" goes, then the speaker narrows, then it goes too.
        let fixed = POSITION_W + STATUS_W;
        let (speaker_w, updated_w) = if width >= fixed + SPEAKER_W + UPDATED_W + QUOTE_MIN_W {
            (SPEAKER_W, UPDATED_W)
        } else if width >= fixed + SPEAKER_W + QUOTE_MIN_W {
            (SPEAKER_W, 0.0)
        } else if width >= fixed + SPEAKER_NARROW_W + QUOTE_MIN_W {
            (SPEAKER_NARROW_W, 0.0)
        } else {
            (0.0, 0.0)
        };
        let position = next(POSITION_W);
        let status = next(STATUS_W);
        let quote_w =
            (width - fixed - speaker_w - updated_w).max(QUOTE_MIN_W.min(width - fixed).max(40.0));
        let quote = next(quote_w);
        let speaker = next(speaker_w);
        let updated = next(updated_w);
        Columns {
            position,
            status,
            quote,
            speaker,
            updated,
        }
    }

    fn of(&self, c: SortColumn) -> (f32, f32) {
        match c {
            SortColumn::Position => self.position,
            SortColumn::Status => self.status,
            SortColumn::Speaker => self.speaker,
            SortColumn::Updated => self.updated,
        }
    }
}

/// "2026-11-29 05:00" from an RFC 3339 timestamp.
fn short_time(t: &str) -> String {
    t.chars()
        .take(16)
        .map(|c| if c == 'T' { ' ' } else { c })
        .collect()
}

/// The list of `claims` (filtered, sorted) in the article `current`, or in every article.
pub fn show(
    ui: &mut egui::Ui,
    open: &OpenProject,
    claims: &mut ClaimsState,
    current: Option<&ArticleId>,
) -> Vec<Intent> {
    let mut out = Vec::new();
    // On a narrow list the status filters keep their symbols (names on hover), so the filter
    // row stays two lines and never pushes the list's first line out of its panel.
    let compact = ui.available_width() < 560.0;
    ui.horizontal_wrapped(|ui| {
        ui.strong("Claims");
        for s in Status::ALL {
            theme::swatch(ui, s);
            let text = if compact {
                theme::status_icon(s).to_string()
            } else {
                theme::status_text(s)
            };
            let r = ui
                .checkbox(&mut claims.filter.show[s], text)
                .on_hover_text(format!("Show {} claims", s.as_str()));
            // A screen reader still hears the status's name.
            let name = theme::status_text(s);
            let on = claims.filter.show[s];
            r.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, &name));
        }
        ui.separator();
        ui.selectable_value(&mut claims.filter.all_articles, false, "This article")
            .on_hover_text("List and search the current article's claims");
        ui.selectable_value(&mut claims.filter.all_articles, true, "All articles")
            .on_hover_text("List and search the claims of every article");
        let label = ui.label("Search");
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut claims.filter.search)
                    .hint_text("quote, speaker, note, source")
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut claims.focus_search) {
            search.request_focus();
        }
    });
    let key = {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            open.revision_key(),
            &claims.filter,
            open.settings.claim_sort,
            current,
        )
            .hash(&mut h);
        h.finish()
    };
    let project = open.project();
    claims.list.refresh(
        key,
        project,
        &claims.filter,
        open.settings.claim_sort,
        current,
    );
    let columns = Columns::new(ui.available_width());
    let sort = open.settings.claim_sort;
    if let Some(column) = header(
        ui,
        &columns,
        sort,
        claims.list.rows.len(),
        claims.selected_set.len(),
    ) {
        out.push(Intent::SortClaims(sort.clicked(column)));
    }
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let selected_idx = claims
        .selected
        .as_ref()
        .and_then(|id| open.derived.claim_index(id));
    let mut area = egui::ScrollArea::vertical()
        .id_salt("claim_list")
        // On a short window the list may be a row or two high: egui's default minimum (64 pt)
        // would push the filter row out of the top of its panel.
        .min_scrolled_height(row_h)
        .auto_shrink(false);
    if claims.scroll_to_selected
        && let Some(pos) =
            selected_idx.and_then(|ci| claims.list.rows.iter().position(|&r| r == ci))
    {
        let spacing = ui.spacing().item_spacing.y;
        let y = pos as f32 * (row_h + spacing);
        let total = claims.list.rows.len() as f32 * (row_h + spacing);
        let max = (total - ui.available_height()).max(0.0);
        let current = egui::scroll_area::State::load(
            ui.ctx(),
            ui.make_persistent_id(egui::IdSalt::new("claim_list")),
        )
        .map_or(0.0, |s| s.clamped_offset().y);
        let view = ui.available_height();
        // Only scroll when the row is out of view, so clicking a visible row never jumps.
        if y < current || y + row_h > current + view {
            area = area.vertical_scroll_offset((y - row_h * 2.0).clamp(0.0, max));
        }
    }
    let rows = &claims.list.rows;
    let multi = &claims.selected_set;
    let all_articles = claims.filter.all_articles;
    area.show_rows(ui, row_h, rows.len(), |ui, range| {
        for &ci in &rows[range] {
            let Some(c) = project.claims.get(ci) else {
                continue;
            };
            let primary = selected_idx == Some(ci);
            let in_set = multi.contains(&c.id);
            let article_no = all_articles
                .then(|| project.article_index(&c.article).map(|i| i + 1))
                .flatten();
            let mark = crate::ui::review::team::list_mark(ui.visuals(), project, c);
            let r = row(ui, &columns, row_h, c, article_no, (primary, in_set), mark);
            if r.clicked() {
                let kind = ClickKind::from_modifiers(click_modifiers(ui));
                out.push(Intent::ClickClaimRow {
                    id: c.id.clone(),
                    kind,
                });
            }
        }
    });
    out
}

/// The column headers; returns the column whose header was clicked.
fn header(
    ui: &mut egui::Ui,
    columns: &Columns,
    sort: ClaimSort,
    shown: usize,
    selected: usize,
) -> Option<SortColumn> {
    let mut clicked = None;
    let h = ui.spacing().interact_size.y;
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), h), egui::Sense::hover());
    for col in SortColumn::ALL {
        let (x0, x1) = columns.of(col);
        if x1 - x0 < 20.0 {
            continue; // the column gave way to the quote on a narrow list
        }
        let arrow = match (sort.column == col, sort.descending) {
            (true, false) => " ⏶",
            (true, true) => " ⏷",
            _ => "",
        };
        let cell =
            egui::Rect::from_x_y_ranges(rect.left() + x0..=rect.left() + x1 - 4.0, rect.y_range());
        let text = egui::RichText::new(format!("{}{arrow}", col.label())).strong();
        let r =
            left_aligned(ui, cell, egui::Button::new(text).frame(false)).on_hover_text(format!(
                "Sort by {}; click again to reverse",
                col.label().to_lowercase()
            ));
        let name = format!("Sort by {}", col.label().to_lowercase());
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if r.clicked() {
            clicked = Some(col);
        }
    }
    let (q0, q1) = columns.quote;
    let mut info = format!("Quote · {shown} shown");
    if selected > 1 {
        info.push_str(&format!(" · {selected} selected"));
    }
    let cell = egui::Rect::from_x_y_ranges(rect.left() + q0..=rect.left() + q1, rect.y_range());
    left_aligned(
        ui,
        cell,
        egui::Label::new(egui::RichText::new(info).weak()).truncate(),
    );
    ui.separator();
    clicked
}

/// The modifiers held when the pointer button went down or up this frame (a fast Ctrl+click
/// can press and release Ctrl within one frame), else the current ones.
fn click_modifiers(ui: &egui::Ui) -> egui::Modifiers {
    ui.input(|i| {
        i.events
            .iter()
            .rev()
            .find_map(|e| match e {
                egui::Event::PointerButton { modifiers, .. } => Some(*modifiers),
                _ => None,
            })
            .unwrap_or(i.modifiers)
    })
}

/// Adds `widget` at the left of `cell`, vertically centred (`Ui::put` would centre it).
fn left_aligned(ui: &mut egui::Ui, cell: egui::Rect, widget: impl egui::Widget) -> egui::Response {
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(cell)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
        |ui| ui.add(widget),
    )
    .inner
}

/// One row: a click target the width of the list with the columns painted in it. Its accessible
/// label is the status, the quote and the speaker.
fn row(
    ui: &mut egui::Ui,
    columns: &Columns,
    row_h: f32,
    c: &Claim,
    article_no: Option<usize>,
    (primary, in_set): (bool, bool),
    mark: Option<(&'static str, egui::Color32, String)>,
) -> egui::Response {
    let (rect, r) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), row_h),
        egui::Sense::click(),
    );
    let selected = primary || in_set;
    let mut label = if c.speaker.is_empty() {
        row_text(c)
    } else {
        format!("{} — {}", row_text(c), c.speaker)
    };
    if let Some((_, _, words)) = &mark {
        label.push_str(&format!(" — {words}"));
    }
    r.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    // Cells end in "…" when narrow: the whole quote and speaker are one hover away.
    let r = if c.speaker.is_empty() {
        r.on_hover_text(format!("“{}”", c.anchor.quote))
    } else {
        r.on_hover_text(format!("“{}”\n— {}", c.anchor.quote, c.speaker))
    };
    if !ui.is_rect_visible(rect) {
        return r;
    }
    let visuals = ui.visuals();
    let painter = ui.painter();
    if selected {
        let fill = if primary {
            visuals.selection.bg_fill
        } else {
            visuals.selection.bg_fill.gamma_multiply(0.55)
        };
        painter.rect_filled(rect, 3.0, fill);
    } else if r.hovered() {
        painter.rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
    if primary {
        painter.rect_stroke(
            rect,
            3.0,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    if r.has_focus() {
        painter.rect_stroke(
            rect,
            3.0,
            visuals.widgets.active.fg_stroke,
            egui::StrokeKind::Inside,
        );
    }
    let text_color = if selected {
        visuals.selection.stroke.color
    } else {
        visuals.text_color()
    };
    let weak = if selected {
        text_color
    } else {
        visuals.weak_text_color()
    };
    let font = egui::TextStyle::Body.resolve(ui.style());
    let y = rect.center().y;
    // A cell's text ends in "…" where its column is too narrow (the row's tooltip has it all).
    let cell = |(x0, x1): (f32, f32), text: String, color: egui::Color32| {
        let w = x1 - x0 - 10.0;
        if w < 8.0 {
            return;
        }
        let mut job = egui::text::LayoutJob::single_section(
            text,
            egui::TextFormat::simple(font.clone(), color),
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(w);
        let galley = painter.layout_job(job);
        let pos = egui::pos2(rect.left() + x0 + 4.0, y - galley.size().y / 2.0);
        painter.galley(pos, galley, color);
    };
    let position = match article_no {
        Some(n) => format!("{n}·{}", c.anchor.start),
        None => c.anchor.start.to_string(),
    };
    cell(columns.position, position, weak);
    let (sx0, _) = columns.status;
    let swatch = egui::Rect::from_center_size(
        egui::pos2(rect.left() + sx0 + 10.0, y),
        egui::vec2(12.0, 12.0),
    );
    painter.rect_filled(swatch, 2.0, theme::status_color(c.status));
    cell(
        (columns.status.0 + 16.0, columns.status.1),
        theme::status_text(c.status),
        text_color,
    );
    if let Some((symbol, color, _)) = mark {
        // Just left of the quote column, so the status text keeps its place.
        painter.text(
            egui::pos2(rect.left() + columns.quote.0 - 8.0, y),
            egui::Align2::CENTER_CENTER,
            symbol,
            egui::FontId::proportional(13.0),
            color,
        );
    }
    // A claim whose quote a newer version of the article changed says so before its quote.
    let changed = c.changed.as_ref().map_or(String::new(), |ch| {
        format!("⚠ changed in v{} · ", ch.in_version)
    });
    cell(
        columns.quote,
        format!("{changed}“{}”", one_line(&c.anchor.quote, 140)),
        text_color,
    );
    cell(columns.speaker, c.speaker.clone(), weak);
    cell(columns.updated, short_time(c.updated.as_str()), weak);
    r
}
