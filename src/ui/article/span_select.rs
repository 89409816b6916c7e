//! Selections that cross paragraphs. Each paragraph of the article is its own text block (so only
//! the blocks on screen are laid out), and a text block selects only within itself; this module
//! carries a drag or a Shift+click from one block into another and paints what lies between.

use crate::core::model::ArticleId;
use crate::ui::intent::TextSelection;
use std::ops::Range;
use std::sync::Arc;

/// One text block as drawn this frame.
pub(crate) struct Placed {
    pub rect: egui::Rect,
    pub galley_pos: egui::Pos2,
    pub galley: Arc<egui::Galley>,
    /// The block's chars in the article.
    pub chars: Range<usize>,
    /// The block's text field, whose own selection is reset once a wider one takes over.
    pub id: egui::Id,
}

/// Where a drag in the article started (article chars).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DragAnchor {
    pub article: ArticleId,
    pub pos: usize,
    pub block_start: usize,
}

/// The block under `p` (the nearest one above or below when `p` is between or past them) and
/// the article char there.
fn at(placed: &[Placed], p: egui::Pos2) -> Option<(&Placed, usize)> {
    let block = placed.iter().min_by(|a, b| {
        let da = distance_y(a.rect, p.y);
        let db = distance_y(b.rect, p.y);
        da.total_cmp(&db)
    })?;
    let local = block.galley.cursor_from_pos(p - block.galley_pos).index.0;
    Some((block, (block.chars.start + local).min(block.chars.end)))
}

fn distance_y(r: egui::Rect, y: f32) -> f32 {
    if y < r.top() {
        r.top() - y
    } else if y > r.bottom() {
        y - r.bottom()
    } else {
        0.0
    }
}

/// True when `sel` reaches outside the block `chars`: a selection only this module makes.
pub(crate) fn crosses(sel: &TextSelection, chars: &Range<usize>) -> bool {
    sel.range.start < chars.start || sel.range.end > chars.end
}

/// True when what a block's own text field reports (`abs`, its selection or cursor) is already
/// part of a wider selection: the field must not replace it with its own, narrower one.
pub(crate) fn within_wider(
    current: Option<&TextSelection>,
    article: &ArticleId,
    chars: &Range<usize>,
    abs: &Range<usize>,
) -> bool {
    current.is_some_and(|s| {
        &s.article == article
            && crosses(s, chars)
            && s.range.start <= abs.start
            && abs.end <= s.range.end
    })
}

/// Follows the pointer across blocks. Returns the selection to make when a drag or a
/// Shift+click spans more than one block.
pub(crate) fn track(
    ui: &egui::Ui,
    placed: &[Placed],
    article: &ArticleId,
    drag: &mut Option<DragAnchor>,
    current: Option<&TextSelection>,
    cursor: Option<&(ArticleId, usize)>,
) -> Option<TextSelection> {
    let (pressed, down, shift, pointer) = ui.input(|i| {
        (
            i.pointer.primary_pressed(),
            i.pointer.primary_down(),
            i.modifiers.shift,
            i.pointer.interact_pos(),
        )
    });
    let pointer = pointer?;
    if pressed {
        *drag = None;
        let inside = placed.iter().any(|p| p.rect.contains(pointer));
        if !inside {
            return None;
        }
        let (block, pos) = at(placed, pointer)?;
        if shift {
            // Extend what was selected (or from the cursor) to here, across blocks.
            let anchor = match current.filter(|s| &s.article == article) {
                Some(s) if pos >= s.range.start => s.range.start,
                Some(s) => s.range.end,
                None => cursor.filter(|(a, _)| a == article).map(|(_, p)| *p)?,
            };
            if block.chars.contains(&anchor) || block.chars.end == anchor {
                return None; // within one block: its own field extends the selection
            }
            collapse(ui, block, pos);
            return Some(TextSelection {
                article: article.clone(),
                range: anchor.min(pos)..anchor.max(pos),
            });
        }
        *drag = Some(DragAnchor {
            article: article.clone(),
            pos,
            block_start: block.chars.start,
        });
        return None;
    }
    let anchor = drag.as_ref().filter(|d| &d.article == article)?.clone();
    if !down {
        *drag = None;
    }
    let (block, pos) = at(placed, pointer)?;
    if block.chars.start == anchor.block_start {
        return None; // still within the block it started in: its own field selects
    }
    let range = anchor.pos.min(pos)..anchor.pos.max(pos);
    if range.is_empty() || current.is_some_and(|s| &s.article == article && s.range == range) {
        return None;
    }
    Some(TextSelection {
        article: article.clone(),
        range,
    })
}

/// Puts a block's own text cursor at `pos` (article chars) with nothing selected, so its field
/// does not report a stale selection over the wider one.
fn collapse(ui: &egui::Ui, block: &Placed, pos: usize) {
    if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), block.id) {
        let local = pos.saturating_sub(block.chars.start);
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(
                egui::text::CCursor::new(local),
            )));
        state.store(ui.ctx(), block.id);
    }
}

/// Paints a selection that crosses blocks over every block on screen it covers (a block's own
/// field paints only its own selection).
pub(crate) fn paint(ui: &egui::Ui, placed: &[Placed], sel: &TextSelection) {
    let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
    let painter = ui.painter();
    for block in placed {
        if !crosses(sel, &block.chars) {
            continue;
        }
        let from = sel.range.start.max(block.chars.start);
        let to = sel.range.end.min(block.chars.end);
        if from >= to {
            continue;
        }
        for rect in row_rects(
            &block.galley,
            from - block.chars.start,
            to - block.chars.start,
        ) {
            painter.rect_filled(rect.translate(block.galley_pos.to_vec2()), 0.0, fill);
        }
    }
}

/// The rectangles covering chars `from..to` of a galley, one per row (galley coordinates).
fn row_rects(galley: &egui::Galley, from: usize, to: usize) -> Vec<egui::Rect> {
    let a = galley.pos_from_cursor(egui::text::CCursor::new(from));
    let b = galley.pos_from_cursor(egui::text::CCursor::new(to));
    let right = galley.rect.right().max(a.right());
    if (a.top() - b.top()).abs() < 0.5 {
        return vec![egui::Rect::from_x_y_ranges(
            a.left()..=b.left(),
            a.y_range(),
        )];
    }
    let mut out = vec![egui::Rect::from_x_y_ranges(a.left()..=right, a.y_range())];
    if b.top() > a.bottom() + 0.5 {
        out.push(egui::Rect::from_x_y_ranges(
            galley.rect.left()..=right,
            a.bottom()..=b.top(),
        ));
    }
    out.push(egui::Rect::from_x_y_ranges(
        galley.rect.left()..=b.left(),
        b.y_range(),
    ));
    out
}
