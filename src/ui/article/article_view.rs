//! The article in the centre: header, mark buttons, legend, and the body drawn block by block.
//! Only blocks on screen are laid out (cached per block in `view_cache`); each block is a
//! read-only text field, so text can be selected with the mouse or keyboard and copied.

use crate::ui::article::ArticleState;
use crate::ui::article::highlight::{BlockDecor, TextStyle};
use crate::ui::article::view_cache::ArticleLayout;
use crate::ui::article::{find, span_select};
use crate::ui::claims::ClaimsState;
use crate::ui::command::UiCommand;
use crate::ui::intent::Intent;
use crate::ui::intent::TextSelection;
use crate::ui::look::theme;
use crate::ui::review::compare::CompareState;
use crate::ui::review::suggestions::SuggestState;
use crate::ui::view::OpenProject;

/// What the article view reads and moves beyond its own state: the selected claim (and the
/// one-shot request to scroll to it), the suggestions and a comparison to mark in the text.
pub struct ViewInput<'a> {
    pub claims: &'a mut ClaimsState,
    pub suggest: &'a mut SuggestState,
    /// Refreshed for this revision before the view is drawn.
    pub compare: Option<&'a mut CompareState>,
    /// A modal dialog is open: Escape is its, not the find bar's.
    pub modal: bool,
    /// Set to where the article's text was drawn (the layout checks read it).
    pub drawn: &'a mut Option<egui::Rect>,
}

/// The current article of `state`, with its claims, suggestions, matches and comparison marks.
pub fn show(
    ui: &mut egui::Ui,
    open: &OpenProject,
    state: &mut ArticleState,
    input: ViewInput,
) -> Vec<Intent> {
    let mut out = Vec::new();
    let project = open.project();
    let Some(ai) = state
        .current
        .as_ref()
        .and_then(|id| project.article_index(id))
    else {
        ui.heading("No article");
        ui.label("Add plain-text articles with File › Add articles…, or drop files on the window.");
        return out;
    };
    let article = &project.articles[ai];
    ui.heading(article.display_title());
    let m = &article.meta;
    // The stored date stays ISO 8601; the person reads it in their own locale.
    let published = crate::core::time::display_date_here(&m.published);
    let meta: Vec<&str> = [
        m.source.as_str(),
        m.byline.as_str(),
        published.as_str(),
        m.dateline.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    if !meta.is_empty() {
        ui.weak(meta.join(" · "));
    }
    ui.horizontal(|ui| {
        for cmd in [UiCommand::MarkClaim, UiCommand::MarkSentence] {
            let hint = format!(
                "{} ({})",
                cmd.tooltip(),
                cmd.shortcut_text(ui.ctx()).unwrap_or_default()
            );
            if ui.button(cmd.label()).on_hover_text(hint).clicked() {
                out.push(Intent::Run(cmd));
            }
        }
        let mut snap = open.settings.snap_to_words;
        if ui
            .checkbox(&mut snap, UiCommand::ToggleSnap.label())
            .on_hover_text(UiCommand::ToggleSnap.tooltip())
            .clicked()
        {
            out.push(Intent::Run(UiCommand::ToggleSnap));
        }
        if let Some(sel) = &state.selection
            && let Some(q) = article.slice(sel.range.clone())
        {
            let n = q.chars().count();
            ui.weak(format!("{n} chars selected"));
        }
    });
    theme::legend(ui, input.compare.is_some());
    let reading = state.text_ids.clone();
    find::show_bar(
        ui,
        &mut state.find,
        &reading,
        input.modal,
        open.generation,
        article,
    );
    ui.separator();

    let generation = open.generation;
    if !state
        .layout
        .as_ref()
        .is_some_and(|l| l.is_for(&article.id, generation))
    {
        state.layout = Some(ArticleLayout::new(article, generation));
    }
    let Some(layout) = state.layout.as_mut() else {
        return out;
    };
    let visuals = ui.visuals();
    let style = TextStyle {
        font: egui::FontId::proportional(16.0),
        text_color: visuals.text_color(),
        strong_color: visuals.strong_text_color(),
        dark: visuals.dark_mode,
        colors: open.settings.status_colors,
    };
    // Lines stop at the reading measure; on a wide window the text is centred.
    let room = (ui.available_width() - 16.0).max(120.0);
    let width = crate::ui::layout::text_width(room, style.font.size);
    let indent = ((room - width) / 2.0).max(0.0);
    layout.prepare(width, &style);
    let spans = open.derived.article_spans(&article.id);
    let selected = input.claims.selected.as_ref();
    let mut compare_state = input.compare;
    let theirs_scroll = compare_state
        .as_deref_mut()
        .is_some_and(|c| std::mem::take(&mut c.scroll));
    let compare = compare_state
        .as_deref()
        .and_then(|c| c.marks.get(&article.id).map(|m| (m, c.current_in(m))));
    // One place to scroll to, at most: a selected claim, else their claim just shown from the
    // comparison, else the current suggestion or match.
    // Where the minimap was clicked or dragged (a scroll offset); a jump to a claim wins.
    let minimap_target = state.scroll_to.take();
    let claim_target = std::mem::take(&mut input.claims.scroll_to_selected)
        .then(|| selected.and_then(|id| project.claim(id)))
        .flatten()
        .filter(|c| c.article == article.id)
        .map(|c| c.anchor.start);
    let theirs_target = theirs_scroll
        .then(|| {
            compare
                .and_then(|(m, cur)| m.theirs.get(cur?))
                .map(|r| r.start)
        })
        .flatten();
    let suggest_state = input.suggest;
    let suggestion_target = std::mem::take(&mut suggest_state.scroll_article)
        .then(|| suggest_state.current().map(|s| s.start))
        .flatten()
        .filter(|_| suggest_state.open);
    let find_target = std::mem::take(&mut state.find.scroll)
        .then(|| state.find.current_range().map(|r| r.start))
        .flatten();
    let suggest = suggest_state.open.then_some(&*suggest_state);
    let find = state.find.open.then_some(&state.find);
    let decor_of = |layout: &ArticleLayout, b: usize| {
        let chars = layout.blocks[b].chars.clone();
        BlockDecor {
            claims: layout.block_spans(b, spans, project, selected),
            suggestions: suggest.map_or_else(Vec::new, |s| s.marks.marks(chars.clone(), s.current)),
            finds: find.map_or_else(Vec::new, |f| f.matches.marks(chars.clone(), f.current)),
            theirs: compare.map_or_else(Vec::new, |(m, cur)| m.theirs.marks(chars.clone(), cur)),
            differs: compare.map_or_else(Vec::new, |(m, _)| m.differs.marks(chars.clone(), None)),
        }
    };

    let mut area = egui::ScrollArea::vertical()
        .id_salt(("article", article.id.as_str()))
        .auto_shrink(false);
    if let Some(y) = minimap_target {
        area = area.vertical_scroll_offset(y.max(0.0));
    }
    if let Some(pos) = claim_target
        .or(theirs_target)
        .or(suggestion_target)
        .or(find_target)
    {
        let b = layout.block_of(pos);
        let decor = decor_of(layout, b);
        let within = layout
            .galley(ui.ctx(), article, b, &decor)
            .map_or(0.0, |(g, _)| {
                let start = layout.blocks[b].chars.start;
                g.pos_from_cursor(egui::text::CCursor::new(pos.saturating_sub(start)))
                    .min
                    .y
            });
        let y = layout.top(b) + within;
        // Past the end the view would spring back over several frames: stop at the bottom.
        let max = (layout.total_height() - ui.available_height()).max(0.0);
        area = area.vertical_scroll_offset((y - 80.0).clamp(0.0, max));
    }

    // Shift+arrow at a paragraph's edge goes on into the next one (before the fields see the key).
    let keyed = span_select::keys(
        ui,
        &state.drawn,
        &layout.blocks,
        &article.id,
        state.selection.as_ref(),
        &mut state.key_anchor,
    );
    let mut keyed_selection = None;
    if let Some(k) = keyed {
        if let Some(focus) = k.off_screen {
            // Scroll so the block the keys went into shows, then focus it once it is drawn.
            let room = ui.available_height();
            let max = (layout.total_height() - room).max(0.0);
            let y = if focus.local == 0 {
                layout.top(focus.block) + 60.0 - room
            } else {
                layout.top(focus.block + 1) - 60.0
            };
            area = area.vertical_scroll_offset(y.clamp(0.0, max));
            state.key_focus = Some(focus);
        }
        out.push(Intent::TextSelected(k.selection.clone()));
        keyed_selection = Some(k.selection);
    }
    let current_sel = keyed_selection.or_else(|| state.selection.clone());
    if let Some(sel) = current_sel.as_ref().filter(|s| s.article == article.id) {
        span_select::copy(ui, &state.drawn, sel, || article.slice(sel.range.clone()));
    }
    let current_cursor = state.cursor.clone();
    state.text_ids.clear();
    let ids = &mut state.text_ids;
    let drag = &mut state.drag;
    let drawn = &mut state.drawn;
    let key_anchor = &mut state.key_anchor;
    let key_focus = &mut state.key_focus;
    let shown = area.show_viewport(ui, |ui, viewport| {
        // Any press of the pointer starts afresh: the keys' anchor belongs to what they made.
        if ui.input(|i| i.pointer.any_pressed()) {
            *key_anchor = None;
        }
        let mut placed: Vec<span_select::Placed> = Vec::new();
        let total = layout.total_height();
        ui.set_min_height(total);
        ui.set_min_width(room);
        let origin = ui.max_rect().min + egui::vec2(indent, 0.0);
        let visible = layout.visible(viewport.min.y..viewport.max.y);
        for b in visible.clone() {
            let decor = decor_of(layout, b);
            let Some((galley, lines)) = layout.galley(ui.ctx(), article, b, &decor) else {
                continue;
            };
            let top = layout.top(b);
            let rect = egui::Rect::from_min_size(
                origin + egui::vec2(0.0, top),
                egui::vec2(width, galley.size().y.max(1.0)),
            );
            let block_start = layout.blocks[b].chars.start;
            let Some(text) = article.slice(layout.blocks[b].chars.clone()) else {
                continue;
            };
            let mut text: &str = text;
            ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                let g = galley.clone();
                let mut layouter = move |_: &egui::Ui, _: &dyn egui::TextBuffer, _: f32| g.clone();
                let output = egui::TextEdit::multiline(&mut text)
                    .id_salt(("block", b))
                    .frame(egui::Frame::NONE)
                    .margin(egui::Margin::ZERO)
                    .desired_width(width)
                    .desired_rows(1)
                    .layouter(&mut layouter)
                    .show(ui);
                let r = &output.response.response;
                ids.insert(r.id);
                if let Some(focus) = key_focus.take_if(|f| f.block == b) {
                    span_select::focus_drawn(ui, r.id, focus.local);
                }
                // A quick click (press and release in one frame) focuses the block but leaves
                // it no cursor yet this frame: take the click's place from the pointer.
                if r.clicked()
                    && output.cursor_range.is_none()
                    && !ui.input(|i| i.modifiers.shift)
                    && let Some(p) = r.interact_pointer_pos()
                {
                    let local = output.galley.cursor_from_pos(p - output.galley_pos).index.0;
                    out.push(Intent::ClickedAt {
                        article: article.id.clone(),
                        pos: (block_start + local).min(layout.blocks[b].chars.end),
                    });
                }
                let chars = layout.blocks[b].chars.clone();
                placed.push(span_select::Placed {
                    rect,
                    galley_pos: output.galley_pos,
                    galley: output.galley.clone(),
                    chars: chars.clone(),
                    id: r.id,
                });
                let wider = |abs: &std::ops::Range<usize>| {
                    span_select::within_wider(current_sel.as_ref(), &article.id, &chars, abs)
                };
                for line in lines.iter() {
                    ui.painter().line_segment(
                        [
                            output.galley_pos + line.from.to_vec2(),
                            output.galley_pos + line.to.to_vec2(),
                        ],
                        line.stroke,
                    );
                }
                let shift = span_select::shift_held(ui);
                let carried = output
                    .cursor_range
                    .filter(|_| r.has_focus() && shift)
                    .and_then(|cr| {
                        let head = block_start + cr.primary.index.0;
                        span_select::carried(key_anchor.as_ref(), &article.id, &chars, head)
                    });
                if let Some(sel) = carried {
                    // Shift+arrows inside a block move the end of a selection they carried here.
                    if current_sel.as_ref() != Some(&sel) {
                        out.push(Intent::TextSelected(sel));
                    }
                } else if let Some(cr) = output.cursor_range
                    && r.has_focus()
                {
                    // A cursor or selection of the block's own ends what the keys carried.
                    let range = cr.as_sorted_char_range();
                    let abs = block_start + range.start.0..block_start + range.end.0;
                    let article_id = &article.id;
                    if abs.is_empty() {
                        let moved =
                            current_cursor.as_ref() != Some(&(article_id.clone(), abs.start));
                        // The click that ends a Shift+click across paragraphs keeps the
                        // selection it made.
                        let extending = wider(&abs) && ui.input(|i| i.modifiers.shift);
                        if r.clicked() && !extending {
                            *key_anchor = None;
                            out.push(Intent::ClickedAt {
                                article: article_id.clone(),
                                pos: abs.start,
                            });
                        } else if moved && !wider(&abs) {
                            *key_anchor = None;
                            out.push(Intent::TextSelected(TextSelection {
                                article: article_id.clone(),
                                range: abs,
                            }));
                        }
                    } else if current_sel
                        .as_ref()
                        .is_none_or(|s| s.range != abs || &s.article != article_id)
                        && !wider(&abs)
                    {
                        *key_anchor = None;
                        out.push(Intent::TextSelected(TextSelection {
                            article: article_id.clone(),
                            range: abs,
                        }));
                    }
                }
            });
        }
        // A drag or Shift+click from one paragraph into another selects across them.
        let crossing = span_select::track(
            ui,
            &placed,
            &article.id,
            drag,
            current_sel.as_ref(),
            current_cursor.as_ref(),
        );
        if let Some(sel) = crossing.as_ref().or(current_sel.as_ref()) {
            span_select::paint(ui, &placed, sel);
        }
        if let Some(sel) = crossing {
            *key_anchor = None;
            out.push(Intent::TextSelected(sel));
        }
        drawn.clear();
        drawn.extend(placed.iter().map(span_select::Drawn::from));
        layout.drawn = visible.clone();
        layout.evict_outside(visible);
    });
    if layout.needs_settling() {
        ui.ctx().request_repaint();
    }
    let view = shown.inner_rect;
    *input.drawn = Some(egui::Rect::from_min_size(
        view.min + egui::vec2(indent, 0.0),
        egui::vec2(width, view.height()),
    ));
    out
}
