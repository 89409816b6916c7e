//! Decorations of one block of article text (claims, suggestions, find matches, a comparison's
//! differences): char offsets become `LayoutJob` byte sections here and nowhere else. Overlapping
//! and nested claims stay distinguishable: the shading deepens with nesting depth and every claim
//! gets its own underline, one layer below its parent's. Suggestions get a dashed neutral
//! underline and no fill; find matches a yellow fill, the current one stronger; another
//! annotator's claims a dotted outline box and no fill, status disagreements a dotted overline.

use crate::core::model::{Article, Status};
use crate::ui::look::marks::{differs_stroke, find_fill, suggestion_stroke, theirs_stroke};
use crate::ui::look::theme;
use crate::ui::text::Mark;
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

/// Everything drawn over one block; a block is laid out again only when this changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct BlockDecor {
    pub claims: Vec<BlockSpan>,
    pub suggestions: Vec<Mark>,
    pub finds: Vec<Mark>,
    /// While comparing: the other annotator's claims missing here (current = the one shown).
    pub theirs: Vec<Mark>,
    /// While comparing: my claims the other annotator gave another status.
    pub differs: Vec<Mark>,
}

/// How text is drawn: font and colours of the current theme.
#[derive(Debug, Clone, PartialEq)]
pub struct TextStyle {
    pub font: FontId,
    pub text_color: Color32,
    pub strong_color: Color32,
    pub dark: bool,
    /// The status colour set (part of the style so cached layouts follow a change).
    pub colors: crate::ui::look::status_colors::StatusColors,
}

impl TextStyle {
    pub fn line_height(&self) -> f32 {
        (self.font.size * 1.6).round()
    }
}

/// Builds the layout job of `block` (a char range of the article) with its decorations.
pub fn layout_job(
    article: &Article,
    block: Range<usize>,
    decor: &BlockDecor,
    style: &TextStyle,
    wrap_width: f32,
) -> LayoutJob {
    let spans = &decor.claims;
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let mut cuts: Vec<usize> = vec![block.start, block.end];
    let ends = spans.iter().map(|s| (s.start, s.end));
    let marks = decor.finds.iter().map(|m| (m.start, m.end));
    for (a, b) in ends.chain(marks) {
        cuts.push(a.clamp(block.start, block.end));
        cuts.push(b.clamp(block.start, block.end));
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
        if let Some(m) = decor.finds.iter().find(|m| m.start <= a && m.end >= b) {
            format.background = find_fill(m.current, style.dark);
            format.color = if style.dark {
                Color32::BLACK
            } else {
                style.strong_color
            };
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

/// The horizontal extent of chars `local` on each row of `galley`: (x0, x1, row bottom).
fn row_extents(galley: &Galley, local: Range<usize>) -> Vec<(f32, f32, f32)> {
    row_boxes(galley, local)
        .into_iter()
        .map(|(x0, x1, _, bottom)| (x0, x1, bottom))
        .collect()
}

/// Like `row_extents`, with the row top too: (x0, x1, row top, row bottom).
fn row_boxes(galley: &Galley, local: Range<usize>) -> Vec<(f32, f32, f32, f32)> {
    let mut out = Vec::new();
    let mut row_start = 0usize;
    for row in &galley.rows {
        let n = row.char_count_excluding_newline().0;
        let row_end = row_start + n;
        let a = local.start.max(row_start);
        let b = local.end.min(row_end);
        if a < b {
            let x0 = row.pos.x + row.x_offset(egui::text::CharIndex(a - row_start));
            let x1 = row.pos.x + row.x_offset(egui::text::CharIndex(b - row_start));
            let r = row.rect();
            out.push((x0, x1, r.top(), r.bottom()));
        }
        row_start += row.char_count_including_newline().0;
    }
    out
}

/// Dash and gap lengths of a suggestion's underline.
const DASH: f32 = 5.0;
const GAP: f32 = 3.0;
/// Dot and gap lengths of the comparison's outlines.
const DOT: f32 = 2.0;
const DOT_GAP: f32 = 2.0;

/// A broken line from `from` to `to` (horizontal or vertical) as `on`-long pieces `off` apart.
fn broken(out: &mut Vec<LayerLine>, from: Pos2, to: Pos2, on: f32, off: f32, stroke: Stroke) {
    let len = from.distance(to);
    if len <= 0.0 {
        return;
    }
    let dir = (to - from) / len;
    let mut t = 0.0;
    while t < len {
        let end = (t + on).min(len);
        out.push(LayerLine {
            from: from + dir * t,
            to: from + dir * end,
            stroke,
        });
        t = end + off;
    }
}

/// Dotted boxes around their claims (open at the sides where a claim runs on to another row)
/// and dotted overlines over my claims whose status they set differently.
fn comparison_lines(
    out: &mut Vec<LayerLine>,
    galley: &Galley,
    block_start: usize,
    decor: &BlockDecor,
) {
    let local = |m: &Mark| m.start.saturating_sub(block_start)..m.end.saturating_sub(block_start);
    for m in &decor.theirs {
        let stroke = theirs_stroke(m.current);
        let rows = row_boxes(galley, local(m));
        let last = rows.len().saturating_sub(1);
        for (k, &(x0, x1, top, bottom)) in rows.iter().enumerate() {
            let half = stroke.width / 2.0;
            let (t, b) = (top + half, bottom - half);
            broken(
                out,
                Pos2::new(x0, t),
                Pos2::new(x1, t),
                DOT,
                DOT_GAP,
                stroke,
            );
            broken(
                out,
                Pos2::new(x0, b),
                Pos2::new(x1, b),
                DOT,
                DOT_GAP,
                stroke,
            );
            if k == 0 {
                broken(
                    out,
                    Pos2::new(x0, t),
                    Pos2::new(x0, b),
                    DOT,
                    DOT_GAP,
                    stroke,
                );
            }
            if k == last {
                broken(
                    out,
                    Pos2::new(x1, t),
                    Pos2::new(x1, b),
                    DOT,
                    DOT_GAP,
                    stroke,
                );
            }
        }
    }
    let stroke = differs_stroke();
    for m in &decor.differs {
        for (x0, x1, top, _) in row_boxes(galley, local(m)) {
            let y = top + 1.0;
            broken(
                out,
                Pos2::new(x0, y),
                Pos2::new(x1, y),
                DOT,
                DOT_GAP,
                stroke,
            );
        }
    }
}

/// Underlines of every claim (one layer per nesting level), dashed underlines of suggestions and
/// the comparison's dotted outlines, computed once per laid-out block.
pub fn layer_lines(galley: &Galley, block_start: usize, decor: &BlockDecor) -> Vec<LayerLine> {
    let spans = &decor.claims;
    let local = |start: usize, end: usize| {
        start.saturating_sub(block_start)..end.saturating_sub(block_start)
    };
    let mut out = Vec::new();
    let lv = levels(spans);
    for (span, level) in spans.iter().zip(lv) {
        let width = if span.selected { 3.0 } else { 1.5 };
        let stroke = Stroke::new(width, theme::status_color(span.status));
        for (x0, x1, bottom) in row_extents(galley, local(span.start, span.end)) {
            let y = bottom - 1.5 - level as f32 * 3.0;
            out.push(LayerLine {
                from: Pos2::new(x0, y),
                to: Pos2::new(x1, y),
                stroke,
            });
        }
    }
    for m in &decor.suggestions {
        let stroke = suggestion_stroke(m.current);
        for (x0, x1, bottom) in row_extents(galley, local(m.start, m.end)) {
            let y = bottom - 0.5 - stroke.width / 2.0;
            let mut x = x0;
            while x < x1 {
                let end = (x + DASH).min(x1);
                out.push(LayerLine {
                    from: Pos2::new(x, y),
                    to: Pos2::new(end, y),
                    stroke,
                });
                x = end + GAP;
            }
        }
    }
    comparison_lines(&mut out, galley, block_start, decor);
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
        let decor = BlockDecor {
            claims: spans.to_vec(),
            ..BlockDecor::default()
        };
        let job = layout_job(&art, block.clone(), &decor, &style(), 300.0);
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
        use crate::ui::look::status_colors::StatusColors;
        let art = Article::new(ArticleMeta::default(), "Seoul’s café denied it.");
        let spans = [span(0, 12, Status::Sourced)];
        let shade = |colors| {
            let style = TextStyle { colors, ..style() };
            let decor = BlockDecor {
                claims: spans.to_vec(),
                ..BlockDecor::default()
            };
            layout_job(&art, 0..23, &decor, &style, 300.0).sections[0]
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
    fn find_marks_cut_sections_and_suggestions_get_no_fill() {
        let body = "北朝鮮 🚀 “café” and café.";
        let art = Article::new(ArticleMeta::default(), body);
        let n = body.chars().count();
        let mark = |start, end, current| Mark {
            start,
            end,
            current,
        };
        let decor = BlockDecor {
            claims: vec![],
            suggestions: vec![mark(0, 3, true)],
            finds: vec![mark(7, 11, false), mark(17, 21, true)],
            ..BlockDecor::default()
        };
        let job = layout_job(&art, 0..n, &decor, &style(), 300.0);
        let texts: Vec<&str> = job
            .sections
            .iter()
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(texts, vec!["北朝鮮 🚀 “", "café", "” and ", "café", "."]);
        let bg: Vec<Color32> = job.sections.iter().map(|s| s.format.background).collect();
        // The suggestion over 北朝鮮 adds no fill; matches do, the current one differently.
        assert_eq!(bg[0], Color32::TRANSPARENT);
        assert_eq!(bg[1], find_fill(false, true));
        assert_eq!(bg[3], find_fill(true, true));
        assert_ne!(bg[1], bg[3]);
    }

    #[test]
    fn their_claims_get_a_dotted_box_and_differences_an_overline_but_no_fill() {
        let body = "Seoul’s café owners shrugged. 北朝鮮 denied it 🚀.";
        let art = Article::new(ArticleMeta::default(), body);
        let n = body.chars().count();
        let mark = |start, end, current| Mark {
            start,
            end,
            current,
        };
        let decor = BlockDecor {
            theirs: vec![mark(8, 28, true)],
            differs: vec![mark(30, 36, false)],
            ..BlockDecor::default()
        };
        let job = layout_job(&art, 0..n, &decor, &style(), 600.0);
        assert!(
            job.sections
                .iter()
                .all(|s| s.format.background == Color32::TRANSPARENT)
        );
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let galley = ctx.fonts_mut(|f| f.layout_job(job));
        let lines = layer_lines(&galley, 0, &decor);
        let boxed: Vec<&LayerLine> = lines
            .iter()
            .filter(|l| l.stroke == theirs_stroke(true))
            .collect();
        let over: Vec<&LayerLine> = lines
            .iter()
            .filter(|l| l.stroke == differs_stroke())
            .collect();
        // Dotted: many short pieces; a box has vertical sides as well.
        assert!(boxed.len() > 10, "{}", boxed.len());
        assert!(boxed.iter().all(|l| l.from.distance(l.to) <= DOT + 0.01));
        assert!(
            boxed
                .iter()
                .any(|l| l.from.x == l.to.x && l.from.y != l.to.y)
        );
        assert!(!over.is_empty());
        assert!(over.iter().all(|l| l.from.y == l.to.y), "overline only");
        // Both sit over their own chars: the box starts where "café" does.
        let row = &galley.rows[0];
        let x_cafe = row.pos.x + row.x_offset(egui::text::CharIndex(8));
        let x_min = boxed.iter().map(|l| l.from.x).fold(f32::MAX, f32::min);
        assert!((x_min - x_cafe).abs() < 0.01);
        let x_kim = row.pos.x + row.x_offset(egui::text::CharIndex(30));
        let x_over = over.iter().map(|l| l.from.x).fold(f32::MAX, f32::min);
        assert!((x_over - x_kim).abs() < 0.01);
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
