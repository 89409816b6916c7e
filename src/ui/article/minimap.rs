//! The minimap: a narrow strip beside the article showing where its claims are (in their status
//! colours) and which part of the article is on screen. Clicking or dragging on it moves there.

use crate::core::model::{ArticleId, PerStatus, Status};
use crate::ui::article::ArticleState;
use crate::ui::intent::Intent;
use crate::ui::look::theme;
use crate::ui::view::OpenProject;

/// Width of the strip in points.
pub const WIDTH: f32 = 18.0;
/// Room between the article's own scroll bar and the strip.
const GAP: f32 = 8.0;
/// A click this close (in points) to a claim's mark selects that claim.
const SNAP: f32 = 10.0;

/// The strip's marks, rebuilt when the project, the article or the geometry changes.
#[derive(Default)]
pub struct Minimap {
    key: Option<(u64, u64, ArticleId, u32, u32)>,
    /// The status shown at each pixel row of the strip (None: no claim there).
    rows: Vec<Option<Status>>,
    /// Each claim's start as a fraction of the content height, with its index in
    /// `Project::claims`, sorted by position.
    starts: Vec<(f32, usize)>,
    /// The article's scroll offset and viewport height as last seen, in points.
    pub(crate) offset: f32,
    viewport: f32,
    content: f32,
    /// How many times the marks were rebuilt.
    pub(crate) rebuilds: usize,
    /// The marks as a one-pixel-wide image (one texel per row), made when the marks or the
    /// status colours change: a frame draws one textured rectangle, however many claims there
    /// are (painting a rectangle per run of rows cost a frame more the more claims it had).
    texture: Option<(u64, [egui::Color32; Status::COUNT], egui::TextureHandle)>,
}

impl Minimap {
    fn rebuild(&mut self, app_rows: usize, marks: Vec<(f32, f32, Status, usize)>) {
        self.rebuilds += 1;
        let n = app_rows.max(1);
        let mut counts = vec![PerStatus::<u32>::default(); n];
        self.starts.clear();
        for (y0, y1, status, claim) in marks {
            self.starts.push((y0, claim));
            let a = ((y0 * n as f32) as usize).min(n - 1);
            // Every claim gets at least two pixel rows, so short ones stay visible.
            let b = ((y1 * n as f32).ceil() as usize).max(a + 2).min(n);
            for c in &mut counts[a..b] {
                c[status] += 1;
            }
        }
        self.starts.sort_by(|x, y| x.0.total_cmp(&y.0));
        self.rows = counts
            .into_iter()
            .map(|c| {
                // The status with the most claims at that row; ties go to the later (more
                // serious) status in `Status::ALL`.
                let (s, n) = c
                    .iter()
                    .max_by_key(|(s, n)| (**n, *s))
                    .unwrap_or((Status::Unreviewed, &0));
                (*n > 0).then_some(s)
            })
            .collect();
    }

    /// The claim whose mark starts nearest to `frac` (of the content height), within `tol`.
    fn nearest(&self, frac: f32, tol: f32) -> Option<usize> {
        let i = self.starts.partition_point(|s| s.0 < frac);
        [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(|k| self.starts.get(k))
            .map(|(y, c)| ((y - frac).abs(), *c))
            .filter(|(d, _)| *d <= tol)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| c)
    }
}

/// Draws the strip at the right of `ui` (the central panel, before the article is drawn).
pub fn show(ui: &mut egui::Ui, open: &OpenProject, state: &mut ArticleState) -> Vec<Intent> {
    let mut out = Vec::new();
    let Some(article) = state
        .current
        .as_ref()
        .and_then(|id| open.project().article(id))
    else {
        return out;
    };
    let article_id = article.id.clone();
    // The id egui gives the article's ScrollArea (its id salt in this same ui).
    let scroll_id = ui.make_persistent_id(egui::IdSalt::new(("article", article_id.as_str())));
    let ctx = ui.ctx().clone();
    let offset =
        egui::scroll_area::State::load(&ctx, scroll_id).map_or(0.0, |s| s.clamped_offset().y);
    // The article's vertical scroll bar (last frame) spans exactly its viewport: the strip
    // lines up with it.
    let bar = ctx
        .read_response(scroll_id.with(1usize))
        .map(|r| r.rect.y_range());
    let viewport = bar.map(|r| r.span());
    let generation = open.generation;
    let Some(layout) = state
        .layout
        .as_mut()
        .filter(|l| l.is_for(&article_id, generation))
    else {
        return out;
    };
    let content = layout.total_height().max(1.0);
    state.minimap.offset = offset;
    state.minimap.content = content;
    state.minimap.viewport = viewport.unwrap_or(content);

    egui::Panel::right("minimap")
        .exact_size(WIDTH + GAP)
        .frame(egui::Frame::NONE)
        .resizable(false)
        .show_separator_line(false)
        .show(ui, |ui| {
            let full = ui.available_rect_before_wrap();
            let y = bar
                .map(|b| b.intersection(full.y_range()))
                .filter(|b| b.span() > 20.0)
                .unwrap_or(full.y_range());
            let rect = egui::Rect::from_x_y_ranges(full.right() - WIDTH..=full.right(), y);
            let r = ui.allocate_rect(rect, egui::Sense::click_and_drag());
            let h = rect.height().max(1.0);
            let key = (
                generation,
                open.session.history.revision(),
                article_id.clone(),
                content.to_bits(),
                h.to_bits(),
            );
            if state.minimap.key.as_ref() != Some(&key) {
                let mut marks = Vec::new();
                if let Some(spans) = open.derived.article_spans(&article_id) {
                    for s in &spans.spans {
                        let y0 = char_y(layout, s.start) / content;
                        let y1 = char_y(layout, s.end) / content;
                        marks.push((y0, y1, s.status, s.claim));
                    }
                }
                state.minimap.rebuild(h as usize, marks);
                state.minimap.key = Some(key);
            }
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ScrollBar, true, "Article minimap")
            });
            let r = r.on_hover_text(
                "Where the claims are; the frame is the part on screen. Click or drag to go there.",
            );
            paint(ui, rect, &mut state.minimap);
            let pointer = r.interact_pointer_pos();
            if let Some(p) = pointer
                && (r.clicked() || r.dragged())
            {
                let frac = ((p.y - rect.top()) / h).clamp(0.0, 1.0);
                // Centred on the pointer, and never past the end (the view would spring back).
                let max = (content - state.minimap.viewport).max(0.0);
                let target = (frac * content - state.minimap.viewport / 2.0).clamp(0.0, max);
                state.scroll_to = Some(target);
                let hit = r
                    .clicked()
                    .then(|| state.minimap.nearest(frac, SNAP / h))
                    .flatten()
                    .and_then(|ci| open.project().claims.get(ci));
                if let Some(c) = hit {
                    out.push(Intent::SelectClaim {
                        id: c.id.clone(),
                        scroll: true,
                    });
                }
                ui.ctx().request_repaint();
            }
        });
    out
}

/// The y (content points) of char `pos`: its block's top plus its share of the block's height.
fn char_y(layout: &mut crate::ui::article::view_cache::ArticleLayout, pos: usize) -> f32 {
    let b = layout.block_of(pos);
    let top = layout.top(b);
    let bottom = layout.top(b + 1).max(top);
    let Some(block) = layout.blocks.get(b) else {
        return top;
    };
    let len = block.chars.end.saturating_sub(block.chars.start).max(1) as f32;
    let within = pos.saturating_sub(block.chars.start).min(len as usize) as f32 / len;
    top + (bottom - top) * within
}

fn paint(ui: &egui::Ui, rect: egui::Rect, map: &mut Minimap) {
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    let colors = Status::ALL.map(theme::status_color);
    let stale = map
        .texture
        .as_ref()
        .is_none_or(|(built, c, _)| *built != map.rebuilds as u64 || *c != colors);
    if stale && !map.rows.is_empty() {
        let pixels: Vec<egui::Color32> = map
            .rows
            .iter()
            .map(|r| r.map_or(egui::Color32::TRANSPARENT, theme::status_color))
            .collect();
        let image = egui::ColorImage::new([1, pixels.len()], pixels);
        let texture =
            ui.ctx()
                .load_texture("article_minimap", image, egui::TextureOptions::NEAREST);
        map.texture = Some((map.rebuilds as u64, colors, texture));
    }
    if let Some((_, _, texture)) = &map.texture {
        let marks = egui::Rect::from_x_y_ranges(
            rect.left() + 3.0..=rect.right() - 3.0,
            rect.top()..=rect.top() + map.rows.len() as f32,
        );
        let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
        painter.image(texture.id(), marks, uv, egui::Color32::WHITE);
    }
    if map.content > 0.0 && map.viewport < map.content {
        let y0 = rect.top() + rect.height() * (map.offset / map.content);
        let y1 = rect.top() + rect.height() * ((map.offset + map.viewport) / map.content);
        let frame = egui::Rect::from_x_y_ranges(rect.x_range(), y0..=y1.min(rect.bottom()));
        painter.rect_filled(frame, 2.0, visuals.text_color().gamma_multiply(0.12));
        painter.rect_stroke(
            frame,
            2.0,
            egui::Stroke::new(1.5, visuals.strong_text_color()),
            egui::StrokeKind::Inside,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_fill_their_rows_and_clicks_snap_to_the_nearest_start() {
        let mut m = Minimap::default();
        m.rebuild(
            100,
            vec![
                (0.10, 0.12, Status::Sourced, 0),
                (0.50, 0.60, Status::Denied, 1),
                // A claim at the very end still gets marked, without running past the strip.
                (0.999, 1.0, Status::Unreviewed, 2),
            ],
        );
        assert_eq!(m.rows.len(), 100);
        assert_eq!(m.rows[11], Some(Status::Sourced));
        assert_eq!(m.rows[55], Some(Status::Denied));
        assert_eq!(m.rows[99], Some(Status::Unreviewed));
        assert_eq!(m.rows[30], None);
        assert_eq!(m.nearest(0.52, 0.05), Some(1));
        assert_eq!(m.nearest(0.30, 0.05), None);
        // A strip one pixel high is no reason to fail.
        m.rebuild(1, vec![(0.5, 0.6, Status::Denied, 0)]);
        assert_eq!(m.rows, vec![Some(Status::Denied)]);
    }
}
