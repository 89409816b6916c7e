//! Claim highlighting of one block of article text: char offsets become `LayoutJob` byte sections
//! here and nowhere else. Overlapping and nested claims stay distinguishable: the shading deepens
//! with nesting depth and every claim gets its own underline, one layer below its parent's.

use super::theme;
use crate::core::model::{Article, Status};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Stroke};
use std::ops::Range;

/// A claim's span clipped to a block, in absolute char offsets of the article body.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BlockSpan {
    pub start: usize,
    pub end: usize,
    pub status: Status,
    pub selected: bool,
}

/// How text is drawn: font and colours of the current theme.
#[derive(Debug, Clone, PartialEq)]
pub struct TextStyle {
    pub font: FontId,
    pub text_color: Color32,
    pub strong_color: Color32,
    pub dark: bool,
    /// The status colour set (part of the style so cached layouts follow a change).
    pub colors: super::status_colors::StatusColors,
}

impl TextStyle {
    pub fn line_height(&self) -> f32 {
        (self.font.size * 1.6).round()
    }
}

/// Builds the layout job of `block` (a char range of the article) with its claim spans.
pub fn layout_job(
    article: &Article,
    block: Range<usize>,
    spans: &[BlockSpan],
    style: &TextStyle,
    wrap_width: f32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let mut cuts: Vec<usize> = vec![block.start, block.end];
    for s in spans {
        cuts.push(s.start.clamp(block.start, block.end));
        cuts.push(s.end.clamp(block.start, block.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let body = &article.body;
    let index = article.index();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        // The one char -> byte conversion of the GUI.
        let Some(bytes) = index.range_to_bytes(body, a..b) else {
            continue;
        };
        let covering: Vec<&BlockSpan> = spans
            .iter()
            .filter(|s| s.start <= a && s.end >= b)
            .collect();
        let mut format = TextFormat {
            font_id: style.font.clone(),
            color: style.text_color,
            line_height: Some(style.line_height()),
            valign: egui::Align::Center,
            ..TextFormat::default()
        };
        if let Some(inner) = covering.iter().min_by_key(|s| (s.end - s.start, s.start)) {
            let selected = covering.iter().any(|s| s.selected);
            let depth = covering.len() + usize::from(selected) * 2;
            format.background =
                theme::highlight_fill(style.colors.color(inner.status), depth, style.dark);
            if selected {
                format.color = style.strong_color;
            }
        }
        job.append(&body[bytes], 0.0, format);
    }
    job
}

/// One underline segment, in galley coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerLine {
    pub from: Pos2,
    pub to: Pos2,
    pub stroke: Stroke,
}

/// The nesting level of each span: how many other spans of the block are open where it starts.
fn levels(spans: &[BlockSpan]) -> Vec<usize> {
    spans
        .iter()
        .enumerate()
        .map(|(i, s)| {
            spans
                .iter()
                .enumerate()
                .filter(|(j, o)| {
                    *j != i
                        && o.start <= s.start
                        && o.end >= s.end
                        && (o.start, std::cmp::Reverse(o.end), *j)
                            < (s.start, std::cmp::Reverse(s.end), i)
                })
                .count()
        })
        .collect()
}

/// Underlines of every span, one layer per nesting level, computed once per laid-out block.
pub fn layer_lines(galley: &Galley, block_start: usize, spans: &[BlockSpan]) -> Vec<LayerLine> {
    let mut out = Vec::new();
    let lv = levels(spans);
    for (span, level) in spans.iter().zip(lv) {
        let local = span.start.saturating_sub(block_start)..span.end.saturating_sub(block_start);
        let width = if span.selected { 3.0 } else { 1.5 };
        let stroke = Stroke::new(width, theme::status_color(span.status));
        let mut row_start = 0usize;
        for row in &galley.rows {
            let n = row.char_count_excluding_newline().0;
            let row_end = row_start + n;
            let a = local.start.max(row_start);
            let b = local.end.min(row_end);
            if a < b {
                let x0 = row.pos.x + row.x_offset(egui::text::CharIndex(a - row_start));
                let x1 = row.pos.x + row.x_offset(egui::text::CharIndex(b - row_start));
                let y = row.rect().bottom() - 1.5 - level as f32 * 3.0;
                out.push(LayerLine {
                    from: Pos2::new(x0, y),
                    to: Pos2::new(x1, y),
                    stroke,
                });
            }
            row_start += row.char_count_including_newline().0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::ArticleMeta;

    fn style() -> TextStyle {
        TextStyle {
            font: FontId::proportional(16.0),
            text_color: Color32::WHITE,
            strong_color: Color32::YELLOW,
            dark: true,
            colors: Default::default(),
        }
    }

    fn span(start: usize, end: usize, status: Status) -> BlockSpan {
        BlockSpan {
            start,
            end,
            status,
            selected: false,
        }
    }

    #[test]
    fn sections_are_byte_ranges_of_char_spans() {
        // Curly quotes, CJK and emoji before and inside the spans.
        let body = "Intro.\n\n“北朝鮮 denied” 🚀 it, said Kim.";
        let art = Article::new(ArticleMeta::default(), body);
        let block = 8..body.chars().count();
        let spans = [span(8, 20, Status::Denied), span(9, 12, Status::Sourced)];
        let job = layout_job(&art, block.clone(), &spans, &style(), 300.0);
        assert_eq!(job.text, "“北朝鮮 denied” 🚀 it, said Kim.");
        let texts: Vec<&str> = job
            .sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(texts, vec!["“", "北朝鮮", " denied”", " 🚀 it, said Kim."]);
        // Nested text is shaded deeper than its parent alone; plain text has no background.
        let bg: Vec<Color32> = job.sections.iter().map(|s| s.format.background).collect();
        assert_ne!(bg[1], bg[0]);
        assert_eq!(bg[3], Color32::TRANSPARENT);
        assert_eq!(levels(&spans), vec![0, 1]);
    }

    #[test]
    fn the_chosen_colour_set_shades_the_text() {
        use crate::ui::status_colors::StatusColors;
        let art = Article::new(ArticleMeta::default(), "Seoul’s café denied it.");
        let spans = [span(0, 12, Status::Sourced)];
        let shade = |colors| {
            let style = TextStyle { colors, ..style() };
            layout_job(&art, 0..23, &spans, &style, 300.0).sections[0]
                .format
                .background
        };
        let okabe = shade(StatusColors::OkabeIto);
        let tol = shade(StatusColors::TolBright);
        assert_ne!(okabe, tol);
        assert_eq!(
            tol,
            theme::highlight_fill(StatusColors::TolBright.color(Status::Sourced), 1, true)
        );
    }

    #[test]
    fn identical_spans_get_distinct_levels() {
        let spans = [
            span(0, 5, Status::Denied),
            span(0, 5, Status::Sourced),
            span(7, 9, Status::Denied),
        ];
        assert_eq!(levels(&spans), vec![0, 1, 0]);
    }
}
