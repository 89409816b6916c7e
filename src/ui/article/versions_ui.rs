//! Article versions in the app beyond "Update from file…": a new version fetched from a URL on a
//! worker thread, a file dropped on an article's row, and any two versions compared by word.

use crate::core::evidence;
use crate::core::fetch::{FetchControl, FetchOptions};
use crate::core::model::{ArticleId, Capture};
use crate::core::versions::{self, ParagraphChange, Piece};
use crate::ui::intent::{DropChoice, Intent, VersionsIntent};
use crate::ui::view::OpenProject;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// A page fetched and read like an import, ready to become the next version.
#[derive(Debug)]
pub(crate) struct FetchedText {
    pub(crate) body: String,
    pub(crate) url: String,
    pub(crate) warnings: Vec<String>,
    /// The page as fetched, kept as a WARC beside the project (none when it has no file yet).
    pub(crate) capture: Option<Result<Capture, String>>,
}

/// A fetch in flight for one article. Dropping it drops its result: the worker's send fails.
pub(crate) struct UrlFetch {
    pub(crate) article: ArticleId,
    pub(crate) url: String,
    pub(crate) control: FetchControl,
    pub(crate) rx: mpsc::Receiver<Result<FetchedText, String>>,
}

/// Which two versions the comparison shows, for which article.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Picked {
    article: ArticleId,
    from: u32,
    to: u32,
}

/// The comparison as last built, with what it was built from.
struct DiffCache {
    key: (u64, u64, ArticleId, u32, u32),
    changes: Option<Vec<ParagraphChange>>,
}

/// The view state of the versions parts.
#[derive(Default)]
pub struct VersionsUi {
    /// The "Update from URL…" row is open.
    pub(crate) url_open: bool,
    /// The address typed in it.
    pub(crate) url: String,
    pub(crate) fetch: Option<UrlFetch>,
    /// A finished fetch waiting for the dispatcher: (article, result).
    pub(crate) done: Option<(ArticleId, Result<FetchedText, String>)>,
    /// A file dropped on an article's row, waiting for "next version or new article?".
    pub(crate) dropped: Option<(ArticleId, PathBuf)>,
    picked: Option<Picked>,
    diff: Option<DiffCache>,
    /// How many times the comparison was computed (tests check it is not per frame).
    pub diffs_built: usize,
}

impl VersionsUi {
    /// True while a page is being fetched.
    pub fn fetching(&self) -> bool {
        self.fetch.is_some()
    }
}

/// The article rows of the last frame, for the drop hook: (pass, rows).
#[derive(Clone, Default)]
struct DropRows(u64, Vec<(ArticleId, egui::Rect)>);

fn rows_id() -> egui::Id {
    egui::Id::unique("factdesk_article_drop_rows")
}

/// Records an article row's rect (the visible part) as a drop target; called by the list.
pub fn drop_target(ui: &egui::Ui, article: &ArticleId, rect: egui::Rect) {
    let rect = rect.intersect(ui.clip_rect());
    let pass = ui.ctx().cumulative_pass_nr();
    ui.ctx().data_mut(|d| {
        let rows = d.get_temp_mut_or_default::<DropRows>(rows_id());
        if rows.0 != pass {
            *rows = DropRows(pass, Vec::new());
        }
        rows.1.push((article.clone(), rect));
    });
}

/// The drop hook: files dropped on the window are new articles, unless one file lands on an
/// article's row in the Articles list, which asks whether it is that article's next version.
/// winit reports no position with a drop, so the pointer's last known position decides; the
/// question always offers adding a new article instead.
pub fn drop_intent(ctx: &egui::Context, paths: Vec<PathBuf>) -> Intent {
    let pos = ctx.input(|i| i.pointer.latest_pos());
    let rows = ctx.data(|d| d.get_temp::<DropRows>(rows_id()));
    let hit = pos.zip(rows).and_then(|(p, rows)| {
        rows.1
            .iter()
            .find(|(_, r)| r.contains(p))
            .map(|(a, _)| a.clone())
    });
    match (hit, paths.as_slice()) {
        (Some(article), [path]) => Intent::Versions(VersionsIntent::DroppedOnArticle {
            article,
            path: path.clone(),
        }),
        _ => Intent::AddArticlePaths(paths),
    }
}

/// "Make FILE the next version of ARTICLE?", above the list while a dropped file waits.
pub fn drop_question(
    ui: &mut egui::Ui,
    open: &OpenProject,
    dropped: Option<&(ArticleId, PathBuf)>,
) -> Vec<Intent> {
    let mut out = Vec::new();
    let Some((id, path)) = dropped else {
        return out;
    };
    let title = open
        .project()
        .article(id)
        .map_or("the article", |a| a.display_title());
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(format!("Make “{file}” the next version of “{title}”?"));
        ui.weak("Claims move to the new text exactly or are flagged; one undo step.");
        ui.horizontal_wrapped(|ui| {
            for (text, choice) in [
                ("Next version", DropChoice::NextVersion),
                ("Add as new article", DropChoice::NewArticle),
                ("Cancel", DropChoice::Cancel),
            ] {
                if ui.button(text).clicked() {
                    out.push(Intent::Versions(VersionsIntent::DropAnswer(choice)));
                }
            }
        });
    });
    out
}

/// Takes in a finished fetch (every frame, whichever article is shown) and keeps frames coming
/// while one is in flight.
pub fn poll(ctx: &egui::Context, state: &mut VersionsUi) -> Vec<Intent> {
    let Some(f) = &state.fetch else {
        return Vec::new();
    };
    match f.rx.try_recv() {
        Ok(result) => {
            state.done = Some((f.article.clone(), result));
            state.fetch = None;
            vec![Intent::Versions(VersionsIntent::FetchDone)]
        }
        Err(mpsc::TryRecvError::Empty) => {
            ctx.request_repaint_after(Duration::from_millis(100));
            Vec::new()
        }
        Err(mpsc::TryRecvError::Disconnected) => {
            state.done = Some((f.article.clone(), Err("the fetch stopped".to_string())));
            state.fetch = None;
            vec![Intent::Versions(VersionsIntent::FetchDone)]
        }
    }
}

/// The "Update from URL…" row under the version line: an address, Fetch, and while fetching
/// the bytes so far and Cancel.
pub fn url_row(ui: &mut egui::Ui, state: &mut VersionsUi, id: &ArticleId, out: &mut Vec<Intent>) {
    if let Some(f) = &state.fetch {
        ui.horizontal(|ui| {
            ui.spinner();
            let kb = f.control.bytes() / 1024;
            ui.label(format!("Fetching {} … {kb} KB", f.url));
            if ui.button("Cancel fetch").clicked() {
                out.push(Intent::Versions(VersionsIntent::CancelFetch));
            }
        });
        return;
    }
    if !state.url_open {
        return;
    }
    ui.horizontal(|ui| {
        let l = ui.label("New version URL");
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut state.url)
                    .hint_text("https://…")
                    .desired_width(320.0),
            )
            .labelled_by(l.id);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let url = state.url.trim().to_string();
        let fetch = ui
            .add_enabled(!url.is_empty(), egui::Button::new("Fetch"))
            .on_hover_text("Fetch the page now and make its text the article's next version");
        if (fetch.clicked() || enter) && !url.is_empty() {
            out.push(Intent::Versions(VersionsIntent::FetchUpdate {
                article: id.clone(),
                url,
            }));
        }
        if ui.button("Close").clicked() {
            state.url_open = false;
        }
    });
}

/// The comparison of any two versions: two pickers (the last two by default) and each changed
/// paragraph with its removed words struck out and its added words underlined. Built once per
/// (project, revision, article, versions), never per frame.
pub fn compare(ui: &mut egui::Ui, open: &OpenProject, state: &mut VersionsUi, id: &ArticleId) {
    let Some(article) = open.project().article(id) else {
        return;
    };
    let last = article.version;
    if last < 2 {
        return;
    }
    let picked = match &state.picked {
        Some(p) if &p.article == id && p.from <= last && p.to <= last => p.clone(),
        _ => Picked {
            article: id.clone(),
            from: last - 1,
            to: last,
        },
    };
    let (mut from, mut to) = (picked.from, picked.to);
    egui::CollapsingHeader::new(format!("Changes from version {from} to {to}"))
        .id_salt(("version_changes", id))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                version_picker(ui, "From version", &mut from, last);
                version_picker(ui, "To version", &mut to, last);
            });
            let key = (
                open.generation,
                open.session.history.revision(),
                id.clone(),
                from,
                to,
            );
            if state.diff.as_ref().is_none_or(|d| d.key != key) {
                state.diffs_built += 1;
                state.diff = Some(DiffCache {
                    key,
                    changes: versions::paragraph_diff(open.project(), article, from, to),
                });
            }
            let Some(diff) = &state.diff else {
                return;
            };
            show_changes(ui, diff.changes.as_deref(), from, to);
        });
    state.picked = Some(Picked {
        article: id.clone(),
        from,
        to,
    });
}

fn version_picker(ui: &mut egui::Ui, label: &str, value: &mut u32, last: u32) {
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(label)
        .selected_text(format!("v{value}"))
        .show_ui(ui, |ui| {
            for v in 1..=last {
                let text = if v == last {
                    format!("v{v} (current)")
                } else {
                    format!("v{v}")
                };
                ui.selectable_value(value, v, text);
            }
        })
        .response
        .labelled_by(l.id);
}

fn show_changes(ui: &mut egui::Ui, changes: Option<&[ParagraphChange]>, from: u32, to: u32) {
    let Some(changes) = changes else {
        ui.colored_label(ui.visuals().warn_fg_color, "⚠ A stored version is damaged");
        return;
    };
    if from == to {
        ui.weak("The same version on both sides.");
        return;
    }
    if changes.is_empty() {
        ui.weak("No changes between these versions.");
        return;
    }
    ui.weak(format!("{} changed paragraph(s)", changes.len()));
    let visuals = ui.visuals().clone();
    let font = egui::TextStyle::Body.resolve(ui.style());
    egui::ScrollArea::vertical()
        .id_salt("version_changes_list")
        .max_height(260.0)
        .show(ui, |ui| {
            for c in changes {
                if !c.claims.is_empty() {
                    ui.colored_label(
                        visuals.warn_fg_color,
                        format!("⚠ touches {} claim(s)", c.claims.len()),
                    );
                }
                let mut job = egui::text::LayoutJob::default();
                for piece in &c.pieces {
                    let (text, format) = match piece {
                        Piece::Same(t) => (
                            t,
                            egui::TextFormat::simple(font.clone(), visuals.text_color()),
                        ),
                        Piece::Removed(t) => (
                            t,
                            egui::TextFormat {
                                strikethrough: egui::Stroke::new(1.0, visuals.error_fg_color),
                                ..egui::TextFormat::simple(font.clone(), visuals.error_fg_color)
                            },
                        ),
                        Piece::Added(t) => (
                            t,
                            egui::TextFormat {
                                underline: egui::Stroke::new(1.0, visuals.hyperlink_color),
                                ..egui::TextFormat::simple(font.clone(), visuals.hyperlink_color)
                            },
                        ),
                    };
                    job.append(text, 0.0, format);
                }
                job.wrap.max_width = ui.available_width();
                let removed: Vec<&str> = c
                    .pieces
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Removed(t) => Some(t.trim()),
                        _ => None,
                    })
                    .collect();
                let added: Vec<&str> = c
                    .pieces
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Added(t) => Some(t.trim()),
                        _ => None,
                    })
                    .collect();
                // Colour alone does not say which words went and which came.
                let hover = format!("− {}\n+ {}", removed.join(" … "), added.join(" … "));
                ui.label(job).on_hover_text(hover);
                if !removed.is_empty() {
                    ui.weak(format!("− {}", removed.join(" … ")));
                }
                if !added.is_empty() {
                    ui.weak(format!("+ {}", added.join(" … ")));
                }
                ui.separator();
            }
        });
}

/// Fetches `url` and reads it like an import (on a worker thread); keeps the page as a capture
/// beside `project` when there is one.
pub(crate) fn fetch_text(
    url: &str,
    control: &FetchControl,
    project: Option<&Path>,
) -> Result<FetchedText, String> {
    let page = evidence::fetch_article(url, &FetchOptions::default(), control, project)?;
    Ok(FetchedText {
        body: page.article.body,
        url: page.article.meta.url,
        warnings: page.warnings,
        capture: page.capture,
    })
}

/// Removes the capture of a fetched version nobody will record.
pub(crate) fn discard(project: Option<&Path>, page: &FetchedText) {
    if let (Some(p), Some(Ok(c))) = (project, &page.capture) {
        evidence::discard_unrecorded(p, c);
    }
}
