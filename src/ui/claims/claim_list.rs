//! The claim list: the claims of the current article (or all), filtered by status and text,
//! sorted by a column, drawn with `show_rows` so only visible rows cost anything. Rows are
//! rebuilt only when the project, the filter or the sort changes. Ctrl/Shift+click select
//! several rows (see `multi_select`). The header's handles resize the columns (`claim_columns`
//! lays them out); the widths are a setting, changed through `Intent::ClaimColumns`.

use crate::core::model::{ArticleId, Claim, PerStatus, Project, Status};
use crate::ui::claims::ClaimsState;
use crate::ui::claims::claim_columns::{
    ColumnDrag, ColumnWidths, Columns, MAX_COLUMN_W, MIN_COLUMN_W, Resizable,
};
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
    // While a column's handle is dragged the list follows the pointer; the width becomes a
    // setting when the drag ends.
    let stored = open.settings.claim_columns;
    let width = ui.available_width();
    let columns = Columns::new(width, &claims.live_widths(stored));
    let sort = open.settings.claim_sort;
    let head = header(
        ui,
        &columns,
        sort,
        (claims.list.rows.len(), claims.selected_set.len()),
        &mut claims.column_drag,
        stored,
    );
    if let Some(column) = head.sort {
        out.push(Intent::SortClaims(sort.clicked(column)));
    }
    if let Some(widths) = head.widths {
        out.push(Intent::ClaimColumns(widths));
    }
    let columns = match head.widths {
        Some(widths) => Columns::new(width, &widths),
        None => Columns::new(width, &claims.live_widths(stored)),
    };
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

/// What the header asks for: a sort, new column widths.
struct HeaderOut {
    sort: Option<SortColumn>,
    widths: Option<ColumnWidths>,
}

/// The width of a column's resize handle, centred on the column's edge.
const HANDLE_W: f32 = 8.0;
/// How far one accessibility increment or decrement moves a handle.
const HANDLE_STEP: f32 = 10.0;

/// The column headers: sort buttons, the quote's count, and a resize handle on the edge of each
/// resizable column that faces the quote. Right-click offers "Reset column widths".
fn header(
    ui: &mut egui::Ui,
    columns: &Columns,
    sort: ClaimSort,
    (shown, selected): (usize, usize),
    drag: &mut Option<ColumnDrag>,
    stored: ColumnWidths,
) -> HeaderOut {
    let mut out = HeaderOut {
        sort: None,
        widths: None,
    };
    let h = ui.spacing().interact_size.y;
    let scope = ui.scope(|ui| {
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
            let cell = cell_rect(rect, (x0, x1));
            let text = egui::RichText::new(format!("{}{arrow}", col.label())).strong();
            // The button fills its cell, so it is as wide as its column; a narrow one elides.
            let button = egui::Button::new((text, egui::Atom::grow()))
                .frame(false)
                .truncate()
                .min_size(egui::vec2(cell.width(), 0.0));
            let r = left_aligned(ui, cell, button).on_hover_text(format!(
                "Sort by {}; click again to reverse",
                col.label().to_lowercase()
            ));
            let name = format!("Sort by {}", col.label().to_lowercase());
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if r.clicked() {
                out.sort = Some(col);
            }
        }
        let mut info = format!("Quote · {shown} shown");
        if selected > 1 {
            info.push_str(&format!(" · {selected} selected"));
        }
        left_aligned(
            ui,
            cell_rect(rect, columns.quote),
            egui::Label::new(egui::RichText::new(info).weak()).truncate(),
        );
        out.widths = resize_handles(ui, rect, columns, drag, stored);
    });
    scope.response.container_context_menu(|ui| {
        let reset = ui
            .add_enabled(
                !stored.is_default(),
                egui::Button::new("Reset column widths"),
            )
            .on_hover_text("Give the Status, Speaker and Updated columns their default widths");
        if reset.clicked() {
            out.widths = Some(ColumnWidths::default());
            *drag = None;
            ui.close();
        }
    });
    ui.separator();
    out
}

/// A header cell for the column from `x0` to `x1`, clear of the resize handles at its edges.
fn cell_rect(header: egui::Rect, (x0, x1): (f32, f32)) -> egui::Rect {
    let gap = HANDLE_W / 2.0;
    let left = header.left() + x0 + gap;
    let right = (header.left() + x1 - gap).max(left);
    egui::Rect::from_x_y_ranges(left..=right, header.y_range())
}

/// The resize handles of the header `rect`: drag to resize (the live width stays in `drag`
/// until the drag ends), double-click for the default width; assistive technologies step the
/// width up and down. Returns the widths to store, when they change.
fn resize_handles(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    columns: &Columns,
    drag: &mut Option<ColumnDrag>,
    stored: ColumnWidths,
) -> Option<ColumnWidths> {
    use egui::accesskit::Action;
    let mut changed = None;
    let mut dragging = false;
    let origin = ui.input(|i| i.pointer.press_origin());
    for col in Resizable::ALL {
        let Some(x) = columns.handle_x(col) else {
            continue; // the column gave way on a narrow list
        };
        let x = rect.left() + x;
        let hit =
            egui::Rect::from_x_y_ranges(x - HANDLE_W / 2.0..=x + HANDLE_W / 2.0, rect.y_range());
        let id = ui.make_persistent_id(egui::IdSalt::new(("claim_list_resize", col)));
        let r = ui.interact(hit, id, egui::Sense::CLICK | egui::Sense::DRAG);
        let width = columns.width(col);
        let max = columns.max_width(col);
        let name = format!("Resize the {} column", col.label());
        r.widget_info(|| {
            let mut info = egui::WidgetInfo::labeled(egui::Role::Splitter, true, &name);
            info.value = Some(f64::from(width));
            info
        });
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_orientation(egui::accesskit::Orientation::Vertical);
            node.set_min_numeric_value(f64::from(MIN_COLUMN_W));
            node.set_max_numeric_value(f64::from(max));
            node.set_numeric_value_step(f64::from(HANDLE_STEP));
            node.add_action(Action::Increment);
            node.add_action(Action::Decrement);
        });
        let steps = ui.input(|i| {
            i.num_accesskit_action_requests(id, Action::Increment) as f32
                - i.num_accesskit_action_requests(id, Action::Decrement) as f32
        });
        if steps != 0.0 {
            let w = (width + steps * HANDLE_STEP).min(max.max(width));
            changed = Some(stored.with(col, w.clamp(MIN_COLUMN_W, MAX_COLUMN_W)));
        }
        if r.drag_started() {
            *drag = Some(ColumnDrag {
                column: col,
                start: width,
                max,
                width,
            });
        }
        if let Some(d) = drag.as_mut().filter(|d| d.column == col)
            && (r.dragged() || r.drag_stopped())
        {
            if let (Some(origin), Some(pos)) = (origin, r.interact_pointer_pos()) {
                d.width = col.dragged(d.start, pos.x - origin.x, d.max);
            }
            dragging |= r.dragged();
        }
        if r.double_clicked() {
            changed = Some(stored.reset(col));
        }
        let active = r.hovered() || r.dragged();
        if active {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        }
        let stroke = if active {
            ui.visuals().widgets.hovered.fg_stroke
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        };
        let inset = if active { 1.0 } else { 5.0 };
        ui.painter()
            .vline(x, rect.top() + inset..=rect.bottom() - inset, stroke);
        if !r.dragged() {
            r.on_hover_text(format!(
                "Drag to resize the {} column; double-click for its default width",
                col.label()
            ));
        }
    }
    // The drag ended (or its column gave way): its width becomes the setting.
    if !dragging && let Some(d) = drag.take() {
        changed = Some(changed.unwrap_or(stored).with(d.column, d.width));
    }
    changed
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
