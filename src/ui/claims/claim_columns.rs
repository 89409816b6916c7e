//! The claim list's columns: the widths a person dragged them to (kept in the settings) and
//! where each column lands in a row of a given width. The quote takes what is left; on a narrow
//! list the side columns give way in a fixed order. Pure, so it is tested without a window.

use crate::ui::claims::claim_sort::SortColumn;
use serde::{Deserialize, Serialize};

/// The position column's width (not resizable).
pub const POSITION_W: f32 = 86.0;
/// Default widths of the resizable columns.
pub const STATUS_W: f32 = 120.0;
pub const SPEAKER_W: f32 = 170.0;
pub const UPDATED_W: f32 = 130.0;
/// The narrowest the quote column gets before the speaker and date columns give way.
pub const QUOTE_MIN_W: f32 = 200.0;
/// The speaker column's width on a list too narrow for its preferred width.
const SPEAKER_NARROW_W: f32 = 110.0;
/// The narrowest and widest a column can be dragged to.
pub const MIN_COLUMN_W: f32 = 40.0;
pub const MAX_COLUMN_W: f32 = 1200.0;

/// A column whose width the person can drag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resizable {
    Status,
    Speaker,
    Updated,
}

impl Resizable {
    pub const ALL: [Resizable; 3] = [Resizable::Status, Resizable::Speaker, Resizable::Updated];

    pub fn label(self) -> &'static str {
        match self {
            Resizable::Status => "Status",
            Resizable::Speaker => "Speaker",
            Resizable::Updated => "Updated",
        }
    }

    pub fn default_width(self) -> f32 {
        match self {
            Resizable::Status => STATUS_W,
            Resizable::Speaker => SPEAKER_W,
            Resizable::Updated => UPDATED_W,
        }
    }

    /// The width after the column's handle moved `dx` points from where a drag started on a
    /// column `start` wide, kept between the minimum and `max`. Status sits left of the quote
    /// and its handle is its right edge; the speaker and date sit right of it and their handle
    /// is their left edge, so dragging left widens them.
    pub fn dragged(self, start: f32, dx: f32, max: f32) -> f32 {
        let w = match self {
            Resizable::Status => start + dx,
            Resizable::Speaker | Resizable::Updated => start - dx,
        };
        w.min(max).clamp(MIN_COLUMN_W, MAX_COLUMN_W)
    }
}

/// The preferred widths of the resizable columns (a setting). Stored values out of range or
/// not numbers are read as the nearest sensible width or the default.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ColumnWidths {
    pub status: f32,
    pub speaker: f32,
    pub updated: f32,
}

impl Default for ColumnWidths {
    fn default() -> Self {
        ColumnWidths {
            status: STATUS_W,
            speaker: SPEAKER_W,
            updated: UPDATED_W,
        }
    }
}

impl ColumnWidths {
    /// The preferred width of `col`, within [`MIN_COLUMN_W`]..=[`MAX_COLUMN_W`].
    pub fn get(&self, col: Resizable) -> f32 {
        let w = match col {
            Resizable::Status => self.status,
            Resizable::Speaker => self.speaker,
            Resizable::Updated => self.updated,
        };
        if w.is_finite() {
            w.clamp(MIN_COLUMN_W, MAX_COLUMN_W)
        } else {
            col.default_width()
        }
    }

    /// These widths with `col` set to `w`.
    pub fn with(mut self, col: Resizable, w: f32) -> Self {
        let slot = match col {
            Resizable::Status => &mut self.status,
            Resizable::Speaker => &mut self.speaker,
            Resizable::Updated => &mut self.updated,
        };
        *slot = w;
        self
    }

    /// These widths with `col` back at its default.
    pub fn reset(self, col: Resizable) -> Self {
        self.with(col, col.default_width())
    }

    pub fn is_default(&self) -> bool {
        Resizable::ALL
            .iter()
            .all(|&c| self.get(c) == c.default_width())
    }
}

/// A column's handle being dragged: the width it started at, the widest it may get, and the
/// width it has now (shown live, stored when the drag ends).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnDrag {
    pub column: Resizable,
    pub start: f32,
    pub max: f32,
    pub width: f32,
}

/// The x range of each column in a row `width` wide (the quote in the middle takes what is left).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Columns {
    pub position: (f32, f32),
    pub status: (f32, f32),
    pub quote: (f32, f32),
    pub speaker: (f32, f32),
    pub updated: (f32, f32),
}

impl Columns {
    /// The columns of a row `width` wide with these preferred widths. On a narrow list the side
    /// columns give way so the quote keeps room to be read: first "Updated" goes, then the
    /// speaker narrows, then it goes too; last a status wider than its default narrows.
    pub fn new(width: f32, widths: &ColumnWidths) -> Columns {
        let status_pref = widths.get(Resizable::Status);
        let speaker_pref = widths.get(Resizable::Speaker);
        let updated_pref = widths.get(Resizable::Updated);
        let status_w = if width >= POSITION_W + status_pref + QUOTE_MIN_W {
            status_pref
        } else {
            (width - POSITION_W - QUOTE_MIN_W).max(status_pref.min(STATUS_W))
        };
        let fixed = POSITION_W + status_w;
        let speaker_narrow = speaker_pref.min(SPEAKER_NARROW_W);
        let (speaker_w, updated_w) = if width >= fixed + speaker_pref + updated_pref + QUOTE_MIN_W {
            (speaker_pref, updated_pref)
        } else if width >= fixed + speaker_pref + QUOTE_MIN_W {
            (speaker_pref, 0.0)
        } else if width >= fixed + speaker_narrow + QUOTE_MIN_W {
            (speaker_narrow, 0.0)
        } else {
            (0.0, 0.0)
        };
        let mut x = 0.0;
        let mut next = |w: f32| {
            let r = (x, x + w);
            x += w;
            r
        };
        let position = next(POSITION_W);
        let status = next(status_w);
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

    pub fn of(&self, c: SortColumn) -> (f32, f32) {
        match c {
            SortColumn::Position => self.position,
            SortColumn::Status => self.status,
            SortColumn::Speaker => self.speaker,
            SortColumn::Updated => self.updated,
        }
    }

    fn range(&self, col: Resizable) -> (f32, f32) {
        match col {
            Resizable::Status => self.status,
            Resizable::Speaker => self.speaker,
            Resizable::Updated => self.updated,
        }
    }

    /// How wide `col` is drawn (0 when it gave way).
    pub fn width(&self, col: Resizable) -> f32 {
        let (x0, x1) = self.range(col);
        x1 - x0
    }

    /// Where `col`'s resize handle is: its edge facing the quote. None when the column gave way.
    pub fn handle_x(&self, col: Resizable) -> Option<f32> {
        let (x0, x1) = self.range(col);
        if x1 - x0 < 1.0 {
            return None;
        }
        Some(match col {
            Resizable::Status => x1,
            Resizable::Speaker | Resizable::Updated => x0,
        })
    }

    /// The widest `col` may get by a drag, so the quote keeps its minimum width.
    pub fn max_width(&self, col: Resizable) -> f32 {
        let spare = (self.quote.1 - self.quote.0 - QUOTE_MIN_W).max(0.0);
        (self.width(col) + spare).max(MIN_COLUMN_W)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(status: f32, speaker: f32, updated: f32) -> ColumnWidths {
        ColumnWidths {
            status,
            speaker,
            updated,
        }
    }

    fn quote_w(c: &Columns) -> f32 {
        c.quote.1 - c.quote.0
    }

    #[test]
    fn default_widths_give_way_updated_first_then_the_speaker() {
        let d = ColumnWidths::default();
        let wide = Columns::new(1200.0, &d);
        assert_eq!(wide.width(Resizable::Status), STATUS_W);
        assert_eq!(wide.width(Resizable::Speaker), SPEAKER_W);
        assert_eq!(wide.width(Resizable::Updated), UPDATED_W);
        assert_eq!(wide.updated.1, 1200.0, "the columns fill the row");
        let all = POSITION_W + STATUS_W + SPEAKER_W + UPDATED_W + QUOTE_MIN_W;
        let c = Columns::new(all - 1.0, &d);
        assert_eq!(c.width(Resizable::Updated), 0.0, "updated goes first");
        assert_eq!(c.width(Resizable::Speaker), SPEAKER_W);
        let c = Columns::new(all - UPDATED_W - 1.0, &d);
        assert_eq!(
            c.width(Resizable::Speaker),
            SPEAKER_NARROW_W,
            "then it narrows"
        );
        let c = Columns::new(POSITION_W + STATUS_W + QUOTE_MIN_W + 50.0, &d);
        assert_eq!(c.width(Resizable::Speaker), 0.0, "then it goes");
        assert!(quote_w(&c) >= QUOTE_MIN_W);
        assert!(c.handle_x(Resizable::Speaker).is_none());
        assert!(c.handle_x(Resizable::Updated).is_none());
    }

    #[test]
    fn custom_widths_are_preferred_and_the_quote_takes_the_rest() {
        let w = widths(150.0, 300.0, 60.0);
        let c = Columns::new(1200.0, &w);
        assert_eq!(c.width(Resizable::Status), 150.0);
        assert_eq!(c.width(Resizable::Speaker), 300.0);
        assert_eq!(c.width(Resizable::Updated), 60.0);
        assert_eq!(quote_w(&c), 1200.0 - POSITION_W - 150.0 - 300.0 - 60.0);
        assert_eq!(c.handle_x(Resizable::Status), Some(POSITION_W + 150.0));
        assert_eq!(c.handle_x(Resizable::Speaker), Some(1200.0 - 60.0 - 300.0));
        assert_eq!(c.handle_x(Resizable::Updated), Some(1200.0 - 60.0));
        // The widest each may be dragged to leaves the quote its minimum.
        let spare = quote_w(&c) - QUOTE_MIN_W;
        assert_eq!(c.max_width(Resizable::Speaker), 300.0 + spare);
        let grown = w.with(Resizable::Speaker, c.max_width(Resizable::Speaker));
        let g = Columns::new(1200.0, &grown);
        assert_eq!(quote_w(&g), QUOTE_MIN_W);
        assert_eq!(g.width(Resizable::Updated), 60.0, "nothing gave way");
    }

    #[test]
    fn custom_widths_give_way_in_the_same_order_on_a_narrow_list() {
        let w = widths(120.0, 250.0, 200.0);
        let fixed = POSITION_W + 120.0;
        let c = Columns::new(fixed + 250.0 + 200.0 + QUOTE_MIN_W - 1.0, &w);
        assert_eq!(c.width(Resizable::Updated), 0.0);
        assert_eq!(c.width(Resizable::Speaker), 250.0);
        let c = Columns::new(fixed + 250.0 + QUOTE_MIN_W - 1.0, &w);
        assert_eq!(c.width(Resizable::Speaker), SPEAKER_NARROW_W);
        let c = Columns::new(fixed + SPEAKER_NARROW_W + QUOTE_MIN_W - 1.0, &w);
        assert_eq!(c.width(Resizable::Speaker), 0.0);
        // A speaker narrower than the narrow width keeps its own width until it goes.
        let slim = widths(120.0, 60.0, 130.0);
        let c = Columns::new(fixed + 60.0 + QUOTE_MIN_W + 10.0, &slim);
        assert_eq!(c.width(Resizable::Speaker), 60.0);
        assert_eq!(c.width(Resizable::Updated), 0.0);
        // A wide status narrows last, back towards its default, so the quote keeps its minimum.
        let wide_status = widths(400.0, 170.0, 130.0);
        let c = Columns::new(POSITION_W + 300.0 + QUOTE_MIN_W, &wide_status);
        assert_eq!(c.width(Resizable::Speaker), 0.0);
        assert_eq!(c.width(Resizable::Status), 300.0);
        assert_eq!(quote_w(&c), QUOTE_MIN_W);
        let c = Columns::new(POSITION_W + 50.0 + QUOTE_MIN_W, &wide_status);
        assert_eq!(c.width(Resizable::Status), STATUS_W);
        // Very narrow: the quote still shows.
        for w in [0.0, 100.0, 250.0, 400.0] {
            for set in [ColumnWidths::default(), wide_status, w_all(MAX_COLUMN_W)] {
                let c = Columns::new(w, &set);
                assert!(quote_w(&c) >= 40.0, "{w}: {c:?}");
            }
        }
    }

    fn w_all(v: f32) -> ColumnWidths {
        widths(v, v, v)
    }

    #[test]
    fn stored_widths_out_of_range_are_read_sensibly() {
        let w = widths(f32::NAN, -5.0, 1e9);
        assert_eq!(w.get(Resizable::Status), STATUS_W);
        assert_eq!(w.get(Resizable::Speaker), MIN_COLUMN_W);
        assert_eq!(w.get(Resizable::Updated), MAX_COLUMN_W);
        assert!(ColumnWidths::default().is_default());
        assert!(!w.is_default());
        let back = w
            .reset(Resizable::Status)
            .reset(Resizable::Speaker)
            .reset(Resizable::Updated);
        assert!(back.is_default());
        let c = Columns::new(900.0, &w);
        assert!(c.quote.1 - c.quote.0 >= QUOTE_MIN_W.min(900.0));
    }

    #[test]
    fn dragging_a_handle_follows_the_pointer_within_bounds() {
        // Status grows rightwards; the speaker and date grow leftwards (towards the quote).
        assert_eq!(Resizable::Status.dragged(120.0, 30.0, 500.0), 150.0);
        assert_eq!(Resizable::Speaker.dragged(170.0, -30.0, 500.0), 200.0);
        assert_eq!(Resizable::Updated.dragged(130.0, 30.0, 500.0), 100.0);
        assert_eq!(
            Resizable::Speaker.dragged(170.0, 500.0, 500.0),
            MIN_COLUMN_W
        );
        assert_eq!(Resizable::Speaker.dragged(170.0, -500.0, 250.0), 250.0);
    }
}
