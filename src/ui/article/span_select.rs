//! Selections that cross paragraphs. Each paragraph of the article is its own text block (so only
//! the blocks on screen are laid out), and a text block selects only within itself; this module
//! carries a drag, a Shift+click or Shift+arrow keys from one block into another and paints what
//! lies between.

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

/// A text block as drawn last frame, kept so Shift+arrow keys can leave it before its field
/// sees the key.
#[derive(Clone)]
pub(crate) struct Drawn {
    pub chars: Range<usize>,
    pub id: egui::Id,
    pub galley: Arc<egui::Galley>,
}

impl From<&Placed> for Drawn {
    fn from(p: &Placed) -> Self {
        Drawn {
            chars: p.chars.clone(),
            id: p.id,
            galley: p.galley.clone(),
        }
    }
}

/// The fixed end of a selection that Shift+arrow keys carried across blocks (article chars); the
/// moving end is the focused block's text cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyAnchor {
    pub article: ArticleId,
    pub pos: usize,
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
    let local = pos.saturating_sub(block.chars.start);
    select_in(ui, block.id, local, local);
}

/// Sets the selection of the field `id` (its own chars): from `fixed` to `moving`, the end that
/// Shift+arrows move next; nothing selected when they are equal.
fn select_in(ui: &egui::Ui, id: egui::Id, fixed: usize, moving: usize) {
    let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(fixed),
            egui::text::CCursor::new(moving),
        )));
    state.store(ui.ctx(), id);
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

/// A block not on screen that Shift+arrow keys carried the selection into: once it is drawn,
/// its field takes the focus with its cursor at `local` (its own chars).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyFocus {
    pub block: usize,
    pub local: usize,
}

/// What Shift+arrow keys at a block's edge did.
pub(crate) struct Keyed {
    pub selection: TextSelection,
    /// Set when the block it went into is not on screen: scroll to it and focus it once drawn.
    pub off_screen: Option<KeyFocus>,
}

/// Shift+arrow at the edge of the focused block: the selection goes on into the next (or
/// previous) block, whose field takes the focus with its cursor where the selection now ends (at
/// once when that block is on screen, else once it has been scrolled into view). Runs before the
/// blocks are drawn, so the key is taken from the edge block's field (which could not move
/// further anyway). `blocks` are all the article's blocks, in order.
pub(crate) fn keys(
    ui: &mut egui::Ui,
    drawn: &[Drawn],
    blocks: &[crate::ui::article::view_cache::Block],
    article: &ArticleId,
    current: Option<&TextSelection>,
    anchor: &mut Option<KeyAnchor>,
) -> Option<Keyed> {
    use egui::{Key, Modifiers};
    let pressed = |key: Key| {
        ui.input(|inp| {
            inp.events.iter().any(|e| {
                matches!(e, egui::Event::Key { key: k, pressed: true, modifiers, .. }
                    if *k == key && modifiers.shift_only())
            })
        })
    };
    let arrows = [
        Key::ArrowRight,
        Key::ArrowDown,
        Key::ArrowLeft,
        Key::ArrowUp,
    ];
    if !arrows.into_iter().any(pressed) {
        return None; // the usual frame: no Shift+arrow
    }
    let focused = ui.memory(|m| m.focused())?;
    let block = drawn.iter().find(|b| b.id == focused)?;
    let range = egui::TextEdit::load_state(ui.ctx(), block.id)?
        .cursor
        .char_range()?;
    let (head, tail) = (range.primary.index.0, range.secondary.index.0);
    let len = block.chars.len();
    let row_y = |at: usize| {
        block
            .galley
            .pos_from_cursor(egui::text::CCursor::new(at))
            .min
            .y
    };
    let on_last_row = (row_y(head) - row_y(len)).abs() < 0.5;
    let on_first_row = (row_y(head) - row_y(0)).abs() < 0.5;
    let (key, forward) = if pressed(Key::ArrowRight) && head == len {
        (Key::ArrowRight, true)
    } else if pressed(Key::ArrowDown) && on_last_row {
        (Key::ArrowDown, true)
    } else if pressed(Key::ArrowLeft) && head == 0 {
        (Key::ArrowLeft, false)
    } else if pressed(Key::ArrowUp) && on_first_row {
        (Key::ArrowUp, false)
    } else {
        return None;
    };
    let index = blocks.partition_point(|b| b.chars.start < block.chars.start);
    if blocks.get(index).is_none_or(|b| b.chars != block.chars) {
        return None;
    }
    let next_index = if forward {
        index + 1
    } else {
        index.checked_sub(1)?
    };
    let next_chars = blocks.get(next_index)?.chars.clone();
    let next = drawn.iter().find(|d| d.chars == next_chars);
    // The fixed end: the one this keeps carrying, while the selection still ends there; else
    // where the block's own selection (or its cursor) started.
    let fixed = anchor
        .as_ref()
        .filter(|a| &a.article == article)
        .map(|a| a.pos)
        .filter(|a| current.is_some_and(|s| s.range.start == *a || s.range.end == *a))
        .unwrap_or(block.chars.start + tail);
    // Right and Left go to the next block's start or the previous one's end; Down and Up keep
    // the column, on the next block's first row or the previous one's last (when it is drawn).
    let x = block
        .galley
        .pos_from_cursor(egui::text::CCursor::new(head))
        .min
        .x;
    let at_x = |next: &Drawn, y: f32| {
        next.chars.start + next.galley.cursor_from_pos(egui::vec2(x, y)).index.0
    };
    let to = match (key, next) {
        (Key::ArrowDown, Some(n)) => at_x(n, 0.0),
        (Key::ArrowUp, Some(n)) => at_x(n, n.galley.rect.height() - 1.0),
        _ if forward => next_chars.start,
        _ => next_chars.end,
    }
    .min(next_chars.end);
    ui.input_mut(|inp| inp.consume_key(Modifiers::SHIFT, key));
    let local = |p: usize| p - next_chars.start;
    let back_home = next_chars.contains(&fixed) || next_chars.end == fixed;
    *anchor = (!back_home).then(|| KeyAnchor {
        article: article.clone(),
        pos: fixed,
    });
    let off_screen = match next {
        Some(n) => {
            // Back where it started, the block's own field holds the whole selection again.
            let from = if back_home { local(fixed) } else { local(to) };
            select_in(ui, n.id, from, local(to));
            ui.memory_mut(|m| m.request_focus(n.id));
            None
        }
        None => Some(KeyFocus {
            block: next_index,
            local: local(to),
        }),
    };
    Some(Keyed {
        selection: TextSelection {
            article: article.clone(),
            range: fixed.min(to)..fixed.max(to),
        },
        off_screen,
    })
}

/// Gives the focus to a block's field that Shift+arrow keys went into off screen, now that it is
/// drawn, with its cursor where they left it.
pub(crate) fn focus_drawn(ui: &egui::Ui, id: egui::Id, local: usize) {
    select_in(ui, id, local, local);
    ui.memory_mut(|m| m.request_focus(id));
}

/// The selection a block's own field made, carried from the keyboard anchor in another block:
/// Shift+arrow keys inside the block move the end of the wider selection.
pub(crate) fn carried(
    anchor: Option<&KeyAnchor>,
    article: &ArticleId,
    chars: &Range<usize>,
    head: usize,
) -> Option<TextSelection> {
    let a = anchor.filter(|a| &a.article == article)?.pos;
    if chars.contains(&a) || a == chars.end {
        return None; // the anchor is in this block: its own field selects
    }
    Some(TextSelection {
        article: article.clone(),
        range: a.min(head)..a.max(head),
    })
}

/// True while Shift is held, or when a key came with it this frame (a key event carries its own
/// modifiers, which is all some input sources send).
pub(crate) fn shift_held(ui: &egui::Ui) -> bool {
    ui.input(|inp| {
        inp.modifiers.shift
            || inp.events.iter().any(|e| {
                matches!(e, egui::Event::Key { pressed: true, modifiers, .. } if modifiers.shift)
            })
    })
}

/// Ctrl+C while a selection crosses paragraphs copies all of it (a block's own field would copy
/// only its part): the copy is taken before the blocks are drawn. `text` is the selection's text.
pub(crate) fn copy<'a>(
    ui: &egui::Ui,
    drawn: &[Drawn],
    sel: &TextSelection,
    text: impl FnOnce() -> Option<&'a str>,
) {
    let asked = |inp: &egui::InputState| inp.events.iter().any(|e| matches!(e, egui::Event::Copy));
    if !ui.input(asked) {
        return; // the usual frame: nothing to copy
    }
    let focused = ui.memory(|m| m.focused());
    let Some(block) = drawn.iter().find(|b| Some(b.id) == focused) else {
        return; // the keyboard is elsewhere: not the article's copy
    };
    if !crosses(sel, &block.chars) {
        return; // the focused field holds the whole selection and copies it itself
    }
    let Some(text) = text() else {
        return;
    };
    ui.input_mut(|inp| inp.events.retain(|e| !matches!(e, egui::Event::Copy)));
    ui.ctx().copy_text(text.to_string());
}
