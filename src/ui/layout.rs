//! The main window's layout: which side panels fit beside the article at this width, the edge
//! strips that stand in for collapsed ones, and the rectangles each part got (for tests).
//!
//! The article text always keeps [`ARTICLE_MIN_WIDTH`]. When the window is too narrow the panels
//! give way in order: first the articles list collapses to an edge strip, then the claim panel
//! narrows to its minimum, then it collapses too. A strip is one click (or its command) away
//! from the panel it stands for; the person's own choice to hide a panel is a setting.

/// The narrowest the article text may get while a side panel is shown.
pub const ARTICLE_MIN_WIDTH: f32 = 360.0;
/// The narrowest the article's text lines get (the central column less the minimap, margins
/// and scroll bar); GUI tests hold every window size to it.
pub const ARTICLE_TEXT_MIN_WIDTH: f32 = 280.0;
/// Width of the strip a collapsed side panel leaves at its edge.
pub const STRIP_WIDTH: f32 = 28.0;
pub const ARTICLES_DEFAULT_WIDTH: f32 = 210.0;
pub const ARTICLES_MIN_WIDTH: f32 = 150.0;
pub const CLAIM_DEFAULT_WIDTH: f32 = 330.0;
pub const CLAIM_MIN_WIDTH: f32 = 240.0;
/// The longest article line, in multiples of the text's font size (about 80 characters).
pub const READING_MEASURE_EM: f32 = 42.0;
/// The claim list never takes more than this share of the window's height.
pub const CLAIM_LIST_MAX_SHARE: f32 = 0.35;

/// How one side panel is shown this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Side {
    /// Shown, at most this wide (what is left once the article has its minimum).
    Shown { max: f32 },
    /// Collapsed to an edge strip.
    Strip,
}

impl Side {
    pub fn is_shown(self) -> bool {
        matches!(self, Side::Shown { .. })
    }

    fn width(self, wanted: f32) -> f32 {
        match self {
            Side::Shown { max } => wanted.min(max),
            Side::Strip => STRIP_WIDTH,
        }
    }
}

/// Which side panel the person asked to see whatever the width (clicked its strip).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forced {
    Articles,
    Claim,
}

/// What the person wants and how wide the panels are now.
#[derive(Debug, Clone, Copy)]
pub struct Wanted {
    pub articles: bool,
    pub claim: bool,
    pub articles_width: f32,
    pub claim_width: f32,
    pub forced: Option<Forced>,
}

/// The decision for one frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    pub articles: Side,
    pub claim: Side,
}

/// Decides which side panels fit in `total` points of width.
pub fn plan(total: f32, w: Wanted) -> Plan {
    let articles_w = w.articles_width.max(ARTICLES_MIN_WIDTH);
    let claim_min = CLAIM_MIN_WIDTH;
    let claim_cost = if w.claim { claim_min } else { STRIP_WIDTH };
    let mut articles = if w.articles
        && (total - articles_w - claim_cost >= ARTICLE_MIN_WIDTH || forced(w, Forced::Articles))
    {
        Side::Shown { max: f32::INFINITY }
    } else {
        Side::Strip
    };
    // A forced articles list that leaves no room collapses the claim panel instead.
    let left = articles.width(articles_w);
    let room = total - left - ARTICLE_MIN_WIDTH;
    let claim = if w.claim && (room >= claim_min || forced(w, Forced::Claim)) {
        Side::Shown {
            max: room.max(claim_min),
        }
    } else {
        Side::Strip
    };
    if let Side::Shown { .. } = articles {
        let right = claim.width(w.claim_width.max(claim_min));
        articles = Side::Shown {
            max: (total - right - ARTICLE_MIN_WIDTH).max(ARTICLES_MIN_WIDTH),
        };
    }
    // A forced claim panel on a very narrow window: the articles list gives way first.
    if forced(w, Forced::Claim) && claim.is_shown() && total - left - claim_min < ARTICLE_MIN_WIDTH
    {
        articles = Side::Strip;
    }
    Plan { articles, claim }
}

fn forced(w: Wanted, which: Forced) -> bool {
    w.forced == Some(which)
}

/// Where each part of the window was drawn last frame (screen points).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PanelRects {
    pub articles: Option<egui::Rect>,
    pub claim: Option<egui::Rect>,
    pub claim_list: Option<egui::Rect>,
    /// The article text itself (within the central area, capped to the reading measure).
    pub article: Option<egui::Rect>,
}

/// What the right-hand panel shows while suggestions are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RightTab {
    #[default]
    Claim,
    Suggestions,
}

/// The width of the article text in `available` points: the reading measure, or less.
pub fn text_width(available: f32, font_size: f32) -> f32 {
    available.min(READING_MEASURE_EM * font_size).max(120.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted() -> Wanted {
        Wanted {
            articles: true,
            claim: true,
            articles_width: ARTICLES_DEFAULT_WIDTH,
            claim_width: CLAIM_DEFAULT_WIDTH,
            forced: None,
        }
    }

    fn article_width(total: f32, w: Wanted) -> f32 {
        let p = plan(total, w);
        total - p.articles.width(w.articles_width) - p.claim.width(w.claim_width)
    }

    #[test]
    fn wide_windows_show_both_panels() {
        for total in [1024.0, 1366.0, 2560.0] {
            let p = plan(total, wanted());
            assert!(
                p.articles.is_shown() && p.claim.is_shown(),
                "{total}: {p:?}"
            );
            assert!(article_width(total, wanted()) >= ARTICLE_MIN_WIDTH);
        }
    }

    #[test]
    fn the_articles_list_gives_way_first_then_the_claim_panel() {
        let p = plan(800.0, wanted());
        assert_eq!(p.articles, Side::Strip);
        assert!(p.claim.is_shown());
        let p = plan(640.0, wanted());
        assert_eq!(p.articles, Side::Strip);
        assert!(
            p.claim.is_shown(),
            "640 still has room for a narrow claim panel"
        );
        let p = plan(560.0, wanted());
        assert_eq!((p.articles, p.claim), (Side::Strip, Side::Strip));
    }

    #[test]
    fn the_article_keeps_its_minimum_at_every_width() {
        for total in (600..3000).step_by(7) {
            let total = total as f32;
            for (a, c) in [(150.0, 240.0), (210.0, 330.0), (500.0, 900.0)] {
                let w = Wanted {
                    articles_width: a,
                    claim_width: c,
                    ..wanted()
                };
                assert!(
                    article_width(total, w) >= ARTICLE_MIN_WIDTH - 0.01,
                    "{total} {a} {c}"
                );
            }
        }
    }

    #[test]
    fn hidden_panels_stay_hidden_and_a_forced_one_shows() {
        let w = Wanted {
            articles: false,
            ..wanted()
        };
        assert_eq!(plan(2560.0, w).articles, Side::Strip);
        let w = Wanted {
            forced: Some(Forced::Articles),
            ..wanted()
        };
        let p = plan(800.0, w);
        assert!(p.articles.is_shown());
        assert!(article_width(800.0, w) >= ARTICLE_MIN_WIDTH - 0.01 || !p.claim.is_shown());
    }

    #[test]
    fn lines_stop_at_the_reading_measure() {
        assert_eq!(text_width(2000.0, 16.0), READING_MEASURE_EM * 16.0);
        assert_eq!(text_width(500.0, 16.0), 500.0);
    }
}
