//! Colours and strokes of the marks in the article that are not claim statuses: find matches,
//! suggestions and a compared project's claims. Here so the legend and the article agree.

use egui::{Color32, Stroke};

/// Okabe-Ito reddish purple: the one hue none of the status colour sets uses.
const PURPLE: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);

/// Fill of a find match: Okabe-Ito reddish purple, a hue no status colour set uses (their
/// oranges, yellows and blues would make a match read as a claim); solid for the current match.
pub fn find_fill(current: bool, dark: bool) -> Color32 {
    match (current, dark) {
        (true, _) => PURPLE,
        (false, true) => PURPLE.gamma_multiply_u8(120),
        (false, false) => PURPLE.gamma_multiply_u8(90),
    }
}

/// Underline of a suggestion: neutral grey (it has no status yet), dashed; thicker and darker
/// for the current one.
pub fn suggestion_stroke(current: bool) -> Stroke {
    if current {
        Stroke::new(2.5, Color32::from_rgb(0x9A, 0x9A, 0xA8))
    } else {
        Stroke::new(1.5, Color32::from_rgb(0x88, 0x88, 0x90))
    }
}

/// Colour of what a compared project has and this one does not: Okabe-Ito reddish purple, a hue
/// none of the status colour sets uses.
pub const THEIRS_COLOR: Color32 = PURPLE;

/// Outline of another annotator's claim: dotted, thicker for the one last shown.
pub fn theirs_stroke(current: bool) -> Stroke {
    Stroke::new(if current { 3.0 } else { 2.0 }, THEIRS_COLOR)
}

/// Overline of my claim where the compared project has another status.
pub fn differs_stroke() -> Stroke {
    Stroke::new(2.5, THEIRS_COLOR)
}
