//! Colour sets for the claim statuses, all chosen to stay distinguishable with the common
//! colour-vision deficiencies; the status symbol and name are always shown too.

use crate::core::model::Status;
use egui::Color32;
use serde::{Deserialize, Serialize};
use std::cell::Cell;

/// A named colour set for the statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum StatusColors {
    /// Okabe & Ito's palette.
    #[default]
    OkabeIto,
    /// Paul Tol's "bright" scheme.
    TolBright,
    /// Paul Tol's "high-contrast" scheme with a dark grey: strong, few hues.
    HighContrast,
}

thread_local! {
    // The UI runs on one thread and colours are read in many drawing helpers that have no
    // settings at hand; the app sets this once per frame from the settings.
    static ACTIVE: Cell<StatusColors> = const { Cell::new(StatusColors::OkabeIto) };
}

impl StatusColors {
    pub const ALL: [StatusColors; 3] = [
        StatusColors::OkabeIto,
        StatusColors::TolBright,
        StatusColors::HighContrast,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StatusColors::OkabeIto => "Okabe-Ito (default)",
            StatusColors::TolBright => "Tol bright",
            StatusColors::HighContrast => "High contrast",
        }
    }

    pub fn color(self, s: Status) -> Color32 {
        let rgb = |r, g, b| Color32::from_rgb(r, g, b);
        match (self, s) {
            (StatusColors::OkabeIto, Status::Unreviewed) => rgb(0x56, 0xB4, 0xE9), // sky blue
            (StatusColors::OkabeIto, Status::Sourced) => rgb(0x00, 0x9E, 0x73),    // bluish green
            (StatusColors::OkabeIto, Status::Disputed) => rgb(0xE6, 0x9F, 0x00),   // orange
            (StatusColors::OkabeIto, Status::Denied) => rgb(0xD5, 0x5E, 0x00),     // vermillion
            (StatusColors::TolBright, Status::Unreviewed) => rgb(0xBB, 0xBB, 0xBB), // grey
            (StatusColors::TolBright, Status::Sourced) => rgb(0x44, 0x77, 0xAA),   // blue
            (StatusColors::TolBright, Status::Disputed) => rgb(0xCC, 0xBB, 0x44),  // yellow
            (StatusColors::TolBright, Status::Denied) => rgb(0xEE, 0x66, 0x77),    // red
            (StatusColors::HighContrast, Status::Unreviewed) => rgb(0x77, 0x77, 0x77), // grey
            (StatusColors::HighContrast, Status::Sourced) => rgb(0x00, 0x44, 0x88), // dark blue
            (StatusColors::HighContrast, Status::Disputed) => rgb(0xDD, 0xAA, 0x33), // yellow
            (StatusColors::HighContrast, Status::Denied) => rgb(0xBB, 0x55, 0x66), // red
        }
    }

    /// The set in use for drawing on this thread.
    pub fn active() -> StatusColors {
        ACTIVE.with(Cell::get)
    }

    pub fn set_active(self) {
        ACTIVE.with(|a| a.set(self));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_set_gives_four_different_colours() {
        for set in StatusColors::ALL {
            let colours: HashSet<_> = Status::ALL.iter().map(|&s| set.color(s)).collect();
            assert_eq!(colours.len(), Status::COUNT, "{}", set.label());
        }
        let labels: HashSet<_> = StatusColors::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(labels.len(), StatusColors::ALL.len());
    }
}
