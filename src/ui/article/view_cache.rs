//! The article view's cache: the body split into paragraph blocks, each block's laid-out galley
//! and underlines kept until its decorations (claims, suggestions, find matches, a comparison's
//! differences), the width or the theme change, and block heights (measured or estimated) so only the blocks on screen are ever
//! laid out.

use crate::core::model::{Article, ArticleId, ClaimId, Project};
use crate::ui::article::highlight::{self, BlockDecor, BlockSpan, LayerLine, TextStyle};
use crate::ui::derived::SpanIndex;
use egui::Galley;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

/// Paragraphs longer than this many bytes are cut at a space, so one block is never huge.
const MAX_BLOCK_BYTES: usize = 4000;
/// Vertical gap between blocks (paragraph spacing).
pub const BLOCK_GAP: f32 = 10.0;

/// A paragraph of the body, as a char range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub chars: Range<usize>,
    newlines: usize,
    /// The paragraph goes on in the next block (a long one split at a space): no paragraph gap.
    continues: bool,
}

/// Splits a body into blocks at blank lines (and long paragraphs at spaces). Block text excludes
/// the blank lines between paragraphs; every other char belongs to exactly one block.
pub fn split_blocks(article: &Article) -> Vec<Block> {
    let body = &article.body;
    let index = article.index();
    let mut out = Vec::new();
    let mut push = |a: usize, b: usize, continues: bool| {
        if a >= b {
            return;
        }
        if let (Some(ca), Some(cb)) = (index.to_char(body, a), index.to_char(body, b)) {
            let newlines = body[a..b].matches('\n').count();
            out.push(Block {
                chars: ca..cb,
                newlines,
                continues,
            });
        }
    };
    let bytes = body.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' && bytes.get(i + 1) == Some(&b'\n') {
            let mut j = i;
            while j < bytes.len() && bytes[j] == b'\n' {
                j += 1;
            }
            push(start, i, false);
            start = j;
            i = j;
            continue;
        }
        if i - start >= MAX_BLOCK_BYTES && bytes[i] == b' ' {
            push(start, i + 1, true);
            start = i + 1;
        }
        i += 1;
    }
    push(start, bytes.len(), false);
    out
}

struct CachedBlock {
    key: u64,
    /// What the galley was laid out with (the key is its hash).
    decor: BlockDecor,
    galley: Arc<Galley>,
    lines: Arc<Vec<LayerLine>>,
}

/// The layout of the article on screen.
pub struct ArticleLayout {
    pub article: ArticleId,
    generation: u64,
    pub blocks: Vec<Block>,
    /// Height of each block (measured once laid out, estimated before).
    heights: Vec<f32>,
    measured: Vec<bool>,
    /// Top of each block; `tops[blocks.len()]` is the total height.
    tops: Vec<f32>,
    tops_dirty: bool,
    /// A block's measured height changed this frame: blocks below moved, draw once more.
    settling: bool,
    width: f32,
    style: Option<TextStyle>,
    cache: HashMap<usize, CachedBlock>,
    /// The blocks drawn in the last frame.
    pub drawn: Range<usize>,
    /// How many galleys were built since the article was opened (tests and benchmarks read it).
    pub layouts_built: usize,
}

impl ArticleLayout {
    pub fn new(article: &Article, generation: u64) -> Self {
        let blocks = split_blocks(article);
        let n = blocks.len();
        ArticleLayout {
            article: article.id.clone(),
            generation,
            blocks,
            heights: vec![0.0; n],
            measured: vec![false; n],
            tops: Vec::new(),
            tops_dirty: true,
            settling: false,
            width: 0.0,
            style: None,
            cache: HashMap::new(),
            drawn: 0..0,
            layouts_built: 0,
        }
    }

    pub fn is_for(&self, article: &ArticleId, generation: u64) -> bool {
        &self.article == article && self.generation == generation
    }

    /// Sets width and style; a change drops measurements and galleys.
    pub fn prepare(&mut self, width: f32, style: &TextStyle) {
        if (self.width - width).abs() > 0.5 || self.style.as_ref() != Some(style) {
            self.width = width;
            self.style = Some(style.clone());
            self.cache.clear();
            self.measured.iter_mut().for_each(|m| *m = false);
            let char_w = style.font.size * 0.5;
            let per_row = (width / char_w).max(8.0);
            let line_h = style.line_height();
            for (h, b) in self.heights.iter_mut().zip(&self.blocks) {
                let chars = (b.chars.end - b.chars.start) as f32;
                let rows = (chars / per_row).ceil() + b.newlines as f32;
                *h = rows.max(1.0) * line_h;
            }
            self.tops_dirty = true;
        }
    }

    fn ensure_tops(&mut self) {
        if !self.tops_dirty {
            return;
        }
        self.tops.clear();
        let mut y = 0.0;
        for (h, block) in self.heights.iter().zip(&self.blocks) {
            self.tops.push(y);
            y += h + if block.continues { 0.0 } else { BLOCK_GAP };
        }
        self.tops.push(y);
        self.tops_dirty = false;
    }

    pub fn total_height(&mut self) -> f32 {
        self.ensure_tops();
        self.tops.last().copied().unwrap_or(0.0)
    }

    pub fn top(&mut self, block: usize) -> f32 {
        self.ensure_tops();
        self.tops.get(block).copied().unwrap_or(0.0)
    }

    /// The blocks intersecting the vertical range `y` (content coordinates).
    pub fn visible(&mut self, y: Range<f32>) -> Range<usize> {
        self.ensure_tops();
        let n = self.blocks.len();
        let first = self.tops[..n]
            .partition_point(|&t| t <= y.start)
            .saturating_sub(1);
        let last = self.tops[..n].partition_point(|&t| t < y.end);
        first..last.max(first).min(n)
    }

    /// The block holding char `pos` (or the next one after it).
    pub fn block_of(&self, pos: usize) -> usize {
        self.blocks
            .partition_point(|b| b.chars.end <= pos)
            .min(self.blocks.len().saturating_sub(1))
    }

    /// The claim spans of block `i`, clipped to it.
    pub fn block_spans(
        &self,
        i: usize,
        spans: Option<&SpanIndex>,
        project: &Project,
        selected: Option<&ClaimId>,
    ) -> Vec<BlockSpan> {
        let Some((block, spans)) = self.blocks.get(i).zip(spans) else {
            return Vec::new();
        };
        spans
            .overlapping(block.chars.clone())
            .map(|s| BlockSpan {
                start: s.start.max(block.chars.start),
                end: s.end.min(block.chars.end),
                status: s.status,
                selected: selected
                    .is_some_and(|id| project.claims.get(s.claim).is_some_and(|c| &c.id == id)),
            })
            .collect()
    }

    /// The galley and underlines of block `i`, laid out only if its decorations changed since
    /// last time.
    pub fn galley(
        &mut self,
        ctx: &egui::Context,
        article: &Article,
        i: usize,
        decor: &BlockDecor,
    ) -> Option<(Arc<Galley>, Arc<Vec<LayerLine>>)> {
        let block = self.blocks.get(i)?.chars.clone();
        let style = self.style.clone()?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        decor.hash(&mut h);
        let key = h.finish();
        if let Some(c) = self.cache.get(&i)
            && c.key == key
        {
            return Some((c.galley.clone(), c.lines.clone()));
        }
        let job = highlight::layout_job(article, block.clone(), decor, &style, self.width);
        let galley = ctx.fonts_mut(|f| f.layout_job(job));
        let lines = Arc::new(highlight::layer_lines(&galley, block.start, decor));
        self.layouts_built += 1;
        let height = galley.size().y;
        if !self.measured[i] || (self.heights[i] - height).abs() > 0.5 {
            self.heights[i] = height;
            self.measured[i] = true;
            self.tops_dirty = true;
            self.settling = true;
        }
        self.cache.insert(
            i,
            CachedBlock {
                key,
                decor: decor.clone(),
                galley: galley.clone(),
                lines: lines.clone(),
            },
        );
        Some((galley, lines))
    }

    /// The decorations of the blocks drawn in the last frame, as they were laid out.
    pub fn drawn_decor(&self) -> impl Iterator<Item = &BlockDecor> {
        self.drawn
            .clone()
            .filter_map(|i| self.cache.get(&i).map(|c| &c.decor))
    }

    /// True (once) when block heights changed since the last call.
    pub fn needs_settling(&mut self) -> bool {
        std::mem::take(&mut self.settling)
    }

    /// Drops galleys of blocks far from the visible range, so memory follows the screen.
    pub fn evict_outside(&mut self, keep: Range<usize>) {
        if self.cache.len() > 256 {
            let lo = keep.start.saturating_sub(64);
            let hi = keep.end + 64;
            self.cache.retain(|i, _| (lo..hi).contains(i));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::ArticleMeta;

    #[test]
    fn blocks_cover_every_char_but_blank_lines() {
        let body = "Title “quoted”\n\n北朝鮮 said.\nSecond line 🚀.\n\n\nLast.";
        let art = Article::new(ArticleMeta::default(), body);
        let blocks = split_blocks(&art);
        let texts: Vec<&str> = blocks
            .iter()
            .map(|b| art.slice(b.chars.clone()).unwrap_or("?"))
            .collect();
        assert_eq!(
            texts,
            vec!["Title “quoted”", "北朝鮮 said.\nSecond line 🚀.", "Last."]
        );
        let long = "word ".repeat(2000);
        let art = Article::new(ArticleMeta::default(), &long);
        let blocks = split_blocks(&art);
        assert!(blocks.len() > 1);
        let covered: usize = blocks.iter().map(|b| b.chars.end - b.chars.start).sum();
        assert_eq!(covered, art.char_len());
        // A paragraph split for length goes on without a paragraph gap; the last block ends it.
        assert!(blocks[..blocks.len() - 1].iter().all(|b| b.continues));
        assert!(!blocks[blocks.len() - 1].continues);
        let body = format!("{long}\n\nNext paragraph.");
        let art = Article::new(ArticleMeta::default(), &body);
        let mut layout = ArticleLayout::new(&art, 0);
        let n = layout.blocks.len();
        let gaps: Vec<f32> = (0..n - 1)
            .map(|b| layout.top(b + 1) - layout.top(b) - layout.heights[b])
            .collect();
        let last = gaps.len() - 1;
        assert!(gaps[..last].iter().all(|g| *g == 0.0), "{gaps:?}");
        assert_eq!(gaps[last], BLOCK_GAP, "between paragraphs");
    }
}
