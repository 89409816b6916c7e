//! The article being read: its view, layout cache, highlights, header, list, find bar and minimap.

pub(crate) mod article_header;
pub(crate) mod article_list;
pub(crate) mod article_view;
pub(crate) mod find;
pub(crate) mod highlight;
pub(crate) mod minimap;
pub(crate) mod span_select;
pub(crate) mod versions_ui;
pub(crate) mod view_cache;

use crate::core::model::ArticleId;
use crate::ui::intent::TextSelection;
use std::collections::HashSet;

/// The article being read and where the person is in it.
#[derive(Default)]
pub struct ArticleState {
    /// The article shown (None: the project has no articles).
    pub current: Option<ArticleId>,
    /// The last non-empty text selection in the article (what "Mark claim" marks).
    pub selection: Option<TextSelection>,
    /// The text cursor in the article (what "Mark sentence" uses).
    pub cursor: Option<(ArticleId, usize)>,
    /// The laid-out blocks of the current article, rebuilt when it or its claims change.
    pub(crate) layout: Option<view_cache::ArticleLayout>,
    pub(crate) minimap: minimap::Minimap,
    /// Where the minimap asks the article to scroll to (points from the top), for the article
    /// view to take (`Option::take`) and pass to its ScrollArea's `vertical_scroll_offset`.
    pub(crate) scroll_to: Option<f32>,
    /// Ids of the article's text blocks last frame: plain-key shortcuts work while they have focus.
    pub(crate) text_ids: HashSet<egui::Id>,
    pub(crate) find: find::FindState,
    /// Where a drag in the article started, to carry it across paragraphs.
    pub(crate) drag: Option<span_select::DragAnchor>,
    /// The text blocks drawn last frame, for Shift+arrow keys across paragraphs.
    pub(crate) drawn: Vec<span_select::Drawn>,
    /// The fixed end of a selection Shift+arrow keys carried across paragraphs.
    pub(crate) key_anchor: Option<span_select::KeyAnchor>,
    /// A block off screen that Shift+arrow keys went into, to focus once drawn.
    pub(crate) key_focus: Option<span_select::KeyFocus>,
    /// Update from URL, a file dropped on an article, the two versions compared.
    pub versions: versions_ui::VersionsUi,
}
