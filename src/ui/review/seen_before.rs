//! "Seen before": the claim library beside the selected claim or suggestion — look-alike prior checks, adopting one, viewing one read-only, speakers across the library, indexing a folder and keeping the index current after saves.
//!
//! The library is asked once per (claim, quote), never per frame: the answer is cached until the
//! subject or the library changes. Indexing, updating after a save and reading a prior project
//! run on worker threads that answer through a channel, so the window never waits on the disk.

use crate::core::action::{Action, ClaimEdit};
use crate::core::library::{
    self, Hit, IndexReport, Library, LibraryError, SearchFilters, Similar, SpeakerStats,
};
use crate::core::model::{Claim, ClaimId, Project, Source, Status};
use crate::core::store;
use crate::ui::app::FactdeskApp;
use crate::ui::claims::claim_list::one_line;
use crate::ui::command::UiCommand;
use crate::ui::intent::{Intent, LibraryIntent};
use crate::ui::look::settings::Settings;
use crate::ui::look::theme;
use crate::ui::review::suggestions::SuggestState;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

/// Prior checks listed for one claim.
const SHOWN: usize = 8;
/// Suggestion rows looked up per frame: a long list is marked over a few frames instead of
/// stalling one.
const MARKS_PER_FRAME: usize = 6;
/// Claims listed for one speaker.
const SPEAKER_CLAIMS: usize = 200;
/// Context shown on each side of a prior check's quote (chars).
const CONTEXT_CHARS: usize = 600;

/// Where the library index lives: the setting, else `FACTDESK_LIBRARY` or the data folder.
pub(crate) fn library_dir(settings: &Settings) -> Option<PathBuf> {
    settings
        .library_dir
        .clone()
        .or_else(library::default_index_dir)
}

/// What the results are for: a claim (or a suggestion, without id) and its quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Subject {
    claim: Option<ClaimId>,
    quote: String,
}

/// A suggestion that repeats a prior check: what the marker's tooltip says about it.
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    pub tooltip: String,
}

/// A prior check as read from its project file, for the read-only viewer.
#[derive(Debug, Clone)]
struct Viewer {
    path: PathBuf,
    article: String,
    before: String,
    quote: String,
    after: String,
    status: Status,
    verdict: String,
    speaker: String,
    summary: String,
    review_url: String,
    sources: Vec<Source>,
    note: String,
}

/// The speakers window: every speaker, a filter, and the chosen speaker's claims.
struct SpeakersView {
    all: Vec<SpeakerStats>,
    filter: String,
    chosen: Option<String>,
    claims: Result<Vec<Hit>, String>,
}

/// What a worker thread reports.
enum Done {
    /// A folder indexed or the index refreshed.
    Indexed(Result<IndexReport, String>),
    /// A saved project re-read into the index.
    Updated(PathBuf, Result<IndexReport, String>),
    /// A prior check's project read for the viewer.
    Opened(Box<Result<Viewer, String>>),
}

/// The claim library as the app sees it.
pub(crate) struct SeenState {
    /// The folder last looked in; `None` with `looked`: no folder is known at all.
    dir: Option<PathBuf>,
    looked: bool,
    /// The open index; `None`: there is none in `dir` (or it could not be opened).
    lib: Option<Library>,
    open_error: Option<String>,
    /// The last question and its answer.
    results: Option<(Subject, Result<Vec<Similar>, String>)>,
    /// Suggestion quote → the prior check it repeats, if any.
    marks: HashMap<String, Option<Mark>>,
    marks_pass: u64,
    marks_budget: usize,
    /// The running job: what it does (shown with a spinner) and since when.
    job: Option<(String, Instant)>,
    /// Projects saved while a job ran, re-read after it.
    queued: Vec<PathBuf>,
    tx: Sender<Done>,
    rx: Receiver<Done>,
    /// The read-only viewer: loading (what), or the prior check, or why it could not be read.
    viewer_loading: Option<String>,
    viewer: Option<Result<Viewer, String>>,
    speakers: Option<SpeakersView>,
}

impl Default for SeenState {
    fn default() -> Self {
        let (tx, rx) = channel();
        SeenState {
            dir: None,
            looked: false,
            lib: None,
            open_error: None,
            results: None,
            marks: HashMap::new(),
            marks_pass: 0,
            marks_budget: 0,
            job: None,
            queued: Vec::new(),
            tx,
            rx,
            viewer_loading: None,
            viewer: None,
            speakers: None,
        }
    }
}

impl SeenState {
    /// Opens the index in `dir` when it is not the one open (or was never looked for).
    fn ensure(&mut self, dir: Option<PathBuf>) {
        if self.looked && self.dir == dir {
            return;
        }
        self.dir = dir;
        self.looked = true;
        self.lib = None;
        self.open_error = None;
        self.results = None;
        self.marks.clear();
        if let Some(d) = &self.dir
            && Library::exists(d)
        {
            match Library::open(d) {
                Ok(lib) => self.lib = Some(lib),
                Err(e) => self.open_error = Some(e.to_string()),
            }
        }
        if let (Some(view), Some(lib)) = (self.speakers.as_mut(), self.lib.as_ref()) {
            view.all = lib.speakers();
            view.claims = speaker_claims(lib, view.chosen.as_deref());
        }
    }

    /// Forgets the open index and every answer from it: the next frame opens it again.
    fn reload(&mut self) {
        self.looked = false;
        self.lib = None;
        self.results = None;
        self.marks.clear();
    }

    /// The prior check a suggestion repeats (a near-duplicate in the library), looked up once per
    /// quote and at most [`MARKS_PER_FRAME`] new quotes per frame (`pass`); `None` also while
    /// not yet looked up, in which case `pending` is set.
    pub(crate) fn mark(&mut self, pass: u64, quote: &str, pending: &mut bool) -> Option<&Mark> {
        if !self.marks.contains_key(quote) {
            if !self.looked {
                *pending = true;
                return None;
            }
            if self.marks_pass != pass {
                self.marks_pass = pass;
                self.marks_budget = MARKS_PER_FRAME;
            }
            if self.marks_budget == 0 {
                *pending = true;
                return None;
            }
            self.marks_budget -= 1;
            let mark = self.lib.as_ref().and_then(|lib| {
                lib.similar_to(quote, 3)
                    .ok()?
                    .into_iter()
                    .find(|s| s.same_claim)
                    .map(|s| Mark {
                        tooltip: format!("Seen before: {}", describe(&s.hit)),
                    })
            });
            self.marks.insert(quote.to_string(), mark);
        }
        self.marks.get(quote).and_then(Option::as_ref)
    }

    fn start(&mut self, what: String, work: impl FnOnce() -> Done + Send + 'static) -> bool {
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("claim-library".into())
            .spawn(move || {
                let _ = tx.send(work());
            });
        if spawned.is_ok() {
            self.job = Some((what, Instant::now()));
        }
        spawned.is_ok()
    }

    /// Re-reads a saved project into the index now, or after the running job.
    fn start_update(&mut self, dir: PathBuf, path: PathBuf) {
        if self.job.is_some() {
            if !self.queued.contains(&path) {
                self.queued.push(path);
            }
            return;
        }
        let what = format!("Updating the claim library with {}", file_name(&path));
        let p = path.clone();
        self.start(what, move || {
            let r = Library::open(&dir)
                .and_then(|mut lib| lib.update_project(&p))
                .map_err(|e| e.to_string());
            Done::Updated(p, r)
        });
    }
}

/// A one-line description of a prior check: quote, status / verdict, speaker, where.
fn describe(h: &Hit) -> String {
    let mut parts = vec![format!("“{}”", one_line(&h.quote, 80))];
    let finding: Vec<&str> = [h.status.as_deref(), h.verdict.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !finding.is_empty() {
        parts.push(finding.join(", "));
    }
    if let Some(s) = &h.speaker {
        parts.push(s.clone());
    }
    parts.push(origin(h));
    parts.join(" — ")
}

/// Where a hit comes from: the project file and article, or the fact-checker of a review.
fn origin(h: &Hit) -> String {
    let file = file_name(Path::new(&h.project));
    match (&h.claim, &h.article, &h.publisher) {
        (Some(_), Some(a), _) => format!("{file}, “{}”", one_line(a, 60)),
        (Some(_), None, _) => file,
        (None, _, Some(p)) => format!("published by {p}"),
        (None, _, None) => file,
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn speaker_claims(lib: &Library, speaker: Option<&str>) -> Result<Vec<Hit>, String> {
    let Some(name) = speaker else {
        return Ok(Vec::new());
    };
    let filters = SearchFilters {
        speaker: Some(name.to_string()),
        limit: Some(SPEAKER_CLAIMS),
    };
    lib.search("", &filters).map_err(|e| e.to_string())
}

/// The open project's file as the library names it (absolute), to leave the claim itself out.
fn own_project(path: Option<&Path>) -> Option<String> {
    let p = path?;
    Some(
        std::path::absolute(p)
            .unwrap_or_else(|_| p.to_path_buf())
            .display()
            .to_string(),
    )
}

/// What "Seen before" is about now: the selected claim, else the current suggestion.
pub(crate) fn subject(
    project: &Project,
    selected: Option<&ClaimId>,
    suggest: &SuggestState,
) -> Option<Subject> {
    if let Some(c) = selected.and_then(|id| project.claim(id)) {
        return Some(Subject {
            claim: Some(c.id.clone()),
            quote: c.anchor.quote.clone(),
        });
    }
    if !suggest.open {
        return None;
    }
    suggest.current().map(|s| Subject {
        claim: None,
        quote: s.quote.clone(),
    })
}

/// Once per frame (after the panels): the library opened, worker answers taken in, the
/// question asked again when the subject changed, and the library's windows drawn.
pub(crate) fn frame(ctx: &egui::Context, app: &mut FactdeskApp) {
    let dir = library_dir(&app.settings);
    app.review.seen.ensure(dir);
    while let Ok(done) = app.review.seen.rx.try_recv() {
        app.library_done(done);
    }
    let want = subject(
        &app.session.project,
        app.claims.selected.as_ref(),
        &app.review.suggest,
    );
    let seen = &mut app.review.seen;
    let stale = match (&want, &seen.results) {
        (Some(w), Some((had, _))) => w != had,
        (Some(_), None) => true,
        (None, _) => false,
    };
    if let Some(w) = want.filter(|_| stale) {
        if seen.lib.is_none() && seen.job.is_none() {
            // An index made meanwhile (by `factdesk library index`) is found on the next claim.
            seen.looked = false;
            seen.ensure(library_dir(&app.settings));
        }
        let own = own_project(app.session.path.as_deref());
        let seen = &mut app.review.seen;
        let answer = match seen.lib.as_ref() {
            Some(lib) => lib
                .similar_to(&w.quote, SHOWN + 1)
                .map(|mut v| {
                    // The claim itself, once its project is saved, is not a prior check.
                    v.retain(|s| {
                        !(w.claim.as_ref().map(|c| c.0.as_str()) == s.hit.claim.as_deref()
                            && own.as_deref() == Some(s.hit.project.as_str()))
                    });
                    v.truncate(SHOWN);
                    v
                })
                .map_err(|e| e.to_string()),
            None => Ok(Vec::new()),
        };
        seen.results = Some((w, answer));
        // The panel was drawn with the previous answer this frame.
        ctx.request_repaint();
    }
    viewer_window(ctx, &mut app.review.seen);
    speakers_window(ctx, &mut app.review.seen);
}

/// The "Seen before" section of the claim panel, for `claim` (or, without one, the current
/// suggestion). Reads only; buttons return intents.
pub(crate) fn section(
    ui: &mut egui::Ui,
    seen: &SeenState,
    want: Option<&Subject>,
    claim: Option<&Claim>,
    out: &mut Vec<Intent>,
) {
    let Some(want) = want else {
        return;
    };
    if claim.is_none() {
        ui.separator();
    }
    egui::CollapsingHeader::new("Seen before")
        .id_salt("seen_before")
        .default_open(true)
        .show(ui, |ui| {
            if let Some((what, since)) = &seen.job {
                ui.horizontal_wrapped(|ui| {
                    ui.add(egui::Spinner::new());
                    ui.label(format!("{what}… {} s", since.elapsed().as_secs()));
                });
            }
            let Some(lib) = seen.lib.as_ref() else {
                empty_state(ui, seen, out);
                return;
            };
            if let Some(reason) = lib.rebuild_reason() {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("⚠ The library index must be rebuilt ({reason}): Claim menu → Claim library: update index."),
                );
            }
            if lib.is_empty() {
                ui.weak("The claim library is empty: index a folder of projects.");
                index_button(ui, out);
                return;
            }
            match &seen.results {
                Some((had, answer)) if had == want => match answer {
                    Err(e) => {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            format!("The library could not be searched: {e}"),
                        );
                    }
                    Ok(list) if list.is_empty() => {
                        ui.weak(format!(
                            "Nothing like this among the library's {} claims.",
                            lib.len()
                        ));
                    }
                    Ok(list) => results(ui, list, claim.map(|c| &c.id), out),
                },
                _ => {
                    ui.weak("Looking in the library…");
                }
            }
        });
}

/// No index: how to make one.
fn empty_state(ui: &mut egui::Ui, seen: &SeenState, out: &mut Vec<Intent>) {
    if let Some(e) = &seen.open_error {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("The claim library could not be opened: {e}"),
        );
        return;
    }
    if seen.dir.is_none() {
        ui.weak("No folder for a claim library: set FACTDESK_LIBRARY.");
        return;
    }
    ui.weak("No claim library yet — index folders with `factdesk library index DIR`, or here:");
    index_button(ui, out);
}

fn index_button(ui: &mut egui::Ui, out: &mut Vec<Intent>) {
    if ui
        .button("Index a folder…")
        .on_hover_text(UiCommand::IndexLibraryFolder.tooltip())
        .clicked()
    {
        out.push(Intent::Run(UiCommand::IndexLibraryFolder));
    }
}

/// The ranked prior checks: near-duplicates first under "Same claim", then the look-alikes.
fn results(ui: &mut egui::Ui, list: &[Similar], claim: Option<&ClaimId>, out: &mut Vec<Intent>) {
    let same: Vec<(usize, &Similar)> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| s.same_claim)
        .collect();
    let other: Vec<(usize, &Similar)> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.same_claim)
        .collect();
    if !same.is_empty() {
        ui.strong(format!("Same claim, checked {} time(s) before", same.len()));
        for (i, s) in same {
            hit_row(ui, i, s, claim, out);
        }
    }
    if !other.is_empty() {
        ui.strong("Similar claims");
        for (i, s) in other {
            hit_row(ui, i, s, claim, out);
        }
    }
}

fn badge(ui: &mut egui::Ui, text: &str) {
    let fill = ui.visuals().selection.bg_fill;
    let color = ui.visuals().selection.stroke.color;
    egui::Frame::new()
        .fill(fill)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(4, 1))
        .show(ui, |ui| {
            ui.label(egui::RichText::new(text).color(color).strong())
        });
}

/// Status swatch and name (a project claim) or "published fact-check", and the verdict.
fn finding(ui: &mut egui::Ui, status: Option<&str>, verdict: Option<&str>) {
    ui.horizontal_wrapped(|ui| {
        match status.and_then(|s| s.parse::<Status>().ok()) {
            Some(st) => {
                theme::swatch(ui, st);
                ui.label(theme::status_text(st));
            }
            None => {
                ui.label("published fact-check");
            }
        }
        if let Some(v) = verdict.filter(|v| !v.trim().is_empty()) {
            ui.strong(format!("· verdict: {v}"));
        }
    });
}

fn hit_row(
    ui: &mut egui::Ui,
    i: usize,
    s: &Similar,
    claim: Option<&ClaimId>,
    out: &mut Vec<Intent>,
) {
    let h = &s.hit;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.push_id(("seen", i), |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.weak(format!("{}.", i + 1));
                if s.same_claim {
                    badge(ui, "same claim");
                }
                ui.weak(format!("{:.0} % alike", s.similarity * 100.0))
                    .on_hover_text("Word overlap blended with the text score");
            });
            ui.label(egui::RichText::new(format!("“{}”", one_line(&h.quote, 300))).italics());
            finding(ui, h.status.as_deref(), h.verdict.as_deref());
            let who: Vec<String> = [
                h.speaker.clone(),
                h.date.as_deref().map(crate::core::time::display_date_here),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !who.is_empty() {
                ui.label(who.join(" · "));
            }
            if h.claim.is_some() {
                ui.weak(origin(h)).on_hover_text(&h.project);
            } else {
                if let Some(p) = &h.publisher {
                    ui.label(format!("Published by {p}"));
                }
                if let Some(a) = &h.article {
                    ui.weak(one_line(a, 120));
                }
            }
            if let Some(url) = h.url.as_deref().filter(|u| !u.trim().is_empty()) {
                let text = if h.claim.is_some() { "Article or review" } else { "Review" };
                ui.hyperlink_to(format!("{text}: {}", one_line(url, 60)), url)
                    .on_hover_text(url);
            }
            ui.horizontal_wrapped(|ui| {
                if h.claim.is_some()
                    && ui
                        .button("Open")
                        .on_hover_text("Show this prior check read-only, in its paragraph")
                        .clicked()
                {
                    out.push(Intent::Library(LibraryIntent::Open(Box::new(h.clone()))));
                }
                if let Some(id) = claim
                    && ui
                        .button("Adopt status/verdict/sources")
                        .on_hover_text(
                            "Copy this check's status, verdict and sources onto the selected claim (one undo step)",
                        )
                        .clicked()
                {
                    out.push(Intent::Library(LibraryIntent::Adopt {
                        claim: id.clone(),
                        from: Box::new(h.clone()),
                    }));
                }
            });
        });
    });
}

/// A small button beside the claim panel's speaker field: that speaker across the library.
pub(crate) fn speaker_button(ui: &mut egui::Ui, speaker: &str, out: &mut Vec<Intent>) {
    if speaker.trim().is_empty() {
        return;
    }
    if ui
        .small_button("Speaker in the claim library…")
        .on_hover_text("Everything this speaker said across the claim library")
        .clicked()
    {
        out.push(Intent::Library(LibraryIntent::Speakers(Some(
            speaker.trim().to_string(),
        ))));
    }
}

/// The read-only view of a prior check: its paragraph, status, verdict, speaker, sources, note.
fn viewer_window(ctx: &egui::Context, seen: &mut SeenState) {
    if seen.viewer.is_none() && seen.viewer_loading.is_none() {
        return;
    }
    let mut open = true;
    egui::Window::new("Prior check (read-only)")
        .open(&mut open)
        .default_size([520.0, 420.0])
        .show(ctx, |ui| {
            if let Some(what) = &seen.viewer_loading {
                ui.horizontal(|ui| {
                    ui.add(egui::Spinner::new());
                    ui.label(format!("Reading {what}…"));
                });
                return;
            }
            match &seen.viewer {
                Some(Ok(v)) => viewer_body(ui, v),
                Some(Err(e)) => {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                None => {}
            }
        });
    if !open {
        seen.viewer = None;
        seen.viewer_loading = None;
    }
}

fn viewer_body(ui: &mut egui::Ui, v: &Viewer) {
    ui.weak(format!("{} — {}", v.path.display(), v.article));
    ui.weak("Read-only: this project is not changed here.");
    egui::ScrollArea::vertical()
        .id_salt("seen_viewer")
        .show(ui, |ui| {
            let mut job = egui::text::LayoutJob::default();
            let body = egui::TextFormat {
                font_id: egui::TextStyle::Body.resolve(ui.style()),
                color: ui.visuals().text_color(),
                ..Default::default()
            };
            let quote = egui::TextFormat {
                background: ui.visuals().selection.bg_fill,
                color: ui.visuals().strong_text_color(),
                ..body.clone()
            };
            job.append(&v.before, 0.0, body.clone());
            job.append(&v.quote, 0.0, quote);
            job.append(&v.after, 0.0, body);
            job.wrap.max_width = ui.available_width();
            ui.label(job);
            ui.separator();
            finding(ui, Some(v.status.as_str()), Some(v.verdict.as_str()));
            let rows = [
                ("Speaker", &v.speaker),
                ("Claim summary", &v.summary),
                ("Review URL", &v.review_url),
                ("Note", &v.note),
            ];
            for (label, value) in rows {
                if !value.trim().is_empty() {
                    ui.label(format!("{label}: {value}"));
                }
            }
            if !v.sources.is_empty() {
                ui.strong("Sources");
                for s in &v.sources {
                    let title = if s.title.trim().is_empty() {
                        s.url.as_str()
                    } else {
                        s.title.as_str()
                    };
                    if s.url.trim().is_empty() {
                        ui.label(format!("• {title}"));
                    } else {
                        ui.hyperlink_to(format!("• {title}"), &s.url);
                    }
                    if !s.note.trim().is_empty() {
                        ui.weak(format!("  {}", s.note));
                    }
                }
            }
        });
}

/// The speakers window: every speaker with counts, and the chosen one's claims.
fn speakers_window(ctx: &egui::Context, seen: &mut SeenState) {
    let Some(view) = seen.speakers.as_mut() else {
        return;
    };
    let mut open = true;
    let mut choose: Option<String> = None;
    egui::Window::new("Claim library: speakers")
        .open(&mut open)
        .default_size([560.0, 520.0])
        .show(ctx, |ui| {
            if seen.lib.is_none() {
                ui.weak("No claim library yet — index folders with `factdesk library index DIR`.");
                return;
            }
            ui.horizontal(|ui| {
                let l = ui.label("Find speaker");
                ui.add(egui::TextEdit::singleline(&mut view.filter).hint_text("name"))
                    .labelled_by(l.id);
            });
            let needle = view.filter.to_lowercase();
            egui::ScrollArea::vertical()
                .id_salt("speakers_list")
                .max_height(180.0)
                .show(ui, |ui| {
                    for st in view
                        .all
                        .iter()
                        .filter(|s| needle.is_empty() || s.speaker.to_lowercase().contains(&needle))
                    {
                        let counts: Vec<String> = st
                            .by_status
                            .iter()
                            .map(|(k, n)| format!("{n} {k}"))
                            .collect();
                        let text = format!(
                            "{} — {} claim(s): {}",
                            st.speaker,
                            st.claims,
                            counts.join(", ")
                        );
                        let chosen = view.chosen.as_deref() == Some(st.speaker.as_str());
                        if ui.add(egui::Button::selectable(chosen, text)).clicked() {
                            choose = Some(st.speaker.clone());
                        }
                    }
                });
            ui.separator();
            let Some(name) = &view.chosen else {
                ui.weak("Choose a speaker to list their claims.");
                return;
            };
            ui.heading(name);
            match &view.claims {
                Err(e) => {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                Ok(hits) if hits.is_empty() => {
                    ui.weak("No claims of this speaker in the library.");
                }
                Ok(hits) => {
                    egui::ScrollArea::vertical()
                        .id_salt("speaker_claims")
                        .show(ui, |ui| {
                            for (i, h) in hits.iter().enumerate() {
                                ui.push_id(("speaker_claim", i), |ui| {
                                    egui::Frame::group(ui.style()).show(ui, |ui| {
                                        ui.set_width(ui.available_width());
                                        ui.label(
                                            egui::RichText::new(format!(
                                                "“{}”",
                                                one_line(&h.quote, 300)
                                            ))
                                            .italics(),
                                        );
                                        finding(ui, h.status.as_deref(), h.verdict.as_deref());
                                        let mut place = origin(h);
                                        if let Some(d) = &h.date {
                                            place.push_str(&format!(
                                                " · {}",
                                                crate::core::time::display_date_here(d)
                                            ));
                                        }
                                        ui.weak(place);
                                    });
                                });
                            }
                        });
                }
            }
        });
    if let Some(name) = choose {
        view.claims = match seen.lib.as_ref() {
            Some(lib) => speaker_claims(lib, Some(&name)),
            None => Ok(Vec::new()),
        };
        view.chosen = Some(name);
    }
    if !open {
        seen.speakers = None;
    }
}

/// Reads a prior check's project (bounded, never written) into the viewer's shape.
fn read_prior(path: &Path, claim: &str) -> Result<Viewer, String> {
    let project = store::load(path).map_err(|e| format!("Could not read the project.\n\n{e}"))?;
    let c = project
        .claims
        .iter()
        .find(|c| c.id.0 == claim)
        .ok_or_else(|| {
            format!(
                "{}: the claim {claim} is no longer in this project (the library is older than the file).",
                path.display()
            )
        })?;
    let (before, quote, after) = context(&project, c);
    let article = project
        .article(&c.article)
        .map(|a| a.meta.title.clone())
        .unwrap_or_default();
    Ok(Viewer {
        path: path.to_path_buf(),
        article,
        before,
        quote,
        after,
        status: c.status,
        verdict: c.verdict.clone(),
        speaker: c.speaker.clone(),
        summary: c.summary.clone(),
        review_url: c.review_url.clone(),
        sources: c.sources.clone(),
        note: c.note.clone(),
    })
}

/// The claim's paragraph around its quote (capped), or its stored context when the body no
/// longer holds the quote at its offsets (a claim kept on an older version).
fn context(project: &Project, c: &Claim) -> (String, String, String) {
    let fallback = || {
        (
            c.anchor.prefix.clone(),
            c.anchor.quote.clone(),
            c.anchor.suffix.clone(),
        )
    };
    let Some(article) = project.article(&c.article) else {
        return fallback();
    };
    let body = &article.body;
    let idx = article.index();
    let (Some(s), Some(e)) = (
        idx.to_byte(body, c.anchor.start),
        idx.to_byte(body, c.anchor.end),
    ) else {
        return fallback();
    };
    if body.get(s..e) != Some(c.anchor.quote.as_str()) {
        return fallback();
    }
    let para_start = body[..s].rfind("\n\n").map_or(0, |i| i + 2);
    let para_end = body[e..].find("\n\n").map_or(body.len(), |i| e + i);
    let before: String = {
        let text = &body[para_start..s];
        let n = text.chars().count();
        let cut: String = text.chars().skip(n.saturating_sub(CONTEXT_CHARS)).collect();
        if n > CONTEXT_CHARS {
            format!("…{cut}")
        } else {
            cut
        }
    };
    let after: String = {
        let text = &body[e..para_end];
        let cut: String = text.chars().take(CONTEXT_CHARS).collect();
        if text.chars().count() > CONTEXT_CHARS {
            format!("{cut}…")
        } else {
            cut
        }
    };
    (before, c.anchor.quote.clone(), after)
}

/// The sources a prior check brings: its project claim's (copies of pages it captured stay
/// with that project), or for a published review the review itself.
fn prior_sources(h: &Hit) -> Result<Vec<Source>, String> {
    match &h.claim {
        Some(id) => {
            let path = Path::new(&h.project);
            let project = store::load(path).map_err(|e| e.to_string())?;
            Ok(project
                .claims
                .iter()
                .find(|c| &c.id.0 == id)
                .map(|c| {
                    c.sources
                        .iter()
                        .map(|s| Source {
                            captures: Vec::new(),
                            ..s.clone()
                        })
                        .collect()
                })
                .unwrap_or_default())
        }
        None => Ok(h
            .url
            .as_deref()
            .filter(|u| !u.trim().is_empty())
            .map(|u| Source {
                url: u.trim().to_string(),
                title: match &h.publisher {
                    Some(p) => format!("Fact-check by {p}"),
                    None => "Published fact-check".to_string(),
                },
                note: h.verdict.clone().unwrap_or_default(),
                captures: Vec::new(),
            })
            .into_iter()
            .collect()),
    }
}

/// `ours` followed by those of `theirs` it does not have yet (same address, or same title when
/// neither has one); empty sources are not copied.
fn merge_sources(ours: &[Source], theirs: Vec<Source>) -> Vec<Source> {
    let key = |s: &Source| {
        let url = s.url.trim().trim_end_matches('/').to_lowercase();
        if url.is_empty() {
            format!("title:{}", s.title.trim().to_lowercase())
        } else {
            url
        }
    };
    let mut all = ours.to_vec();
    let mut seen: Vec<String> = ours.iter().map(key).collect();
    for s in theirs {
        if s.url.trim().is_empty() && s.title.trim().is_empty() {
            continue;
        }
        let k = key(&s);
        if !seen.contains(&k) {
            seen.push(k);
            all.push(s);
        }
    }
    all
}

fn report_text(r: &IndexReport) -> String {
    let mut text = format!(
        "Claim library: {} claims ({} files read, {} unchanged, {} removed)",
        r.records, r.indexed, r.unchanged, r.removed
    );
    if !r.problems.is_empty() {
        text.push_str(&format!(
            "; {} skipped — `factdesk library index` lists why",
            r.problems.len()
        ));
    }
    text
}

impl FactdeskApp {
    /// Carries out what the library's parts asked for.
    pub(crate) fn apply_library(&mut self, intent: LibraryIntent) {
        match intent {
            LibraryIntent::Adopt { claim, from } => self.adopt_prior(&claim, &from),
            LibraryIntent::Open(hit) => self.open_prior(&hit),
            LibraryIntent::Speakers(name) => self.open_speakers(name),
            LibraryIntent::Index(folder) => {
                self.dialogs.path_prompt = None;
                self.index_library_folder(folder);
            }
        }
    }

    /// Copies a prior check onto a claim as one undo step: its status (when reviewed), its
    /// verdict, and its sources appended without duplicates.
    fn adopt_prior(&mut self, id: &ClaimId, hit: &Hit) {
        let Some(claim) = self.session.project.claim(id) else {
            return;
        };
        let mut actions = Vec::new();
        if let Some(st) = hit
            .status
            .as_deref()
            .and_then(|s| s.parse::<Status>().ok())
            .filter(|s| *s != Status::Unreviewed && *s != claim.status)
        {
            actions.push(Action::set_status(id, st, ""));
        }
        // A verdict is a level of this project's scale: one that is not on it is left out (the
        // edit would be refused), and the person is told.
        let mut off_scale = None;
        if let Some(v) = hit
            .verdict
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            let scale = self.session.project.settings.rating_scale.as_ref();
            match scale.and_then(|s| s.level(v)) {
                Some(level) if level.name != claim.verdict => actions.push(Action::edit_claim(
                    id,
                    ClaimEdit::Verdict(level.name.clone()),
                )),
                Some(_) => {}
                None => off_scale = Some(v.to_string()),
            }
        }
        let mut unread = None;
        match prior_sources(hit) {
            Ok(theirs) => {
                let merged = merge_sources(&claim.sources, theirs);
                if merged.len() > claim.sources.len() {
                    actions.push(Action::edit_claim(id, ClaimEdit::Sources(merged)));
                }
            }
            Err(e) => unread = Some(e),
        }
        let mut left_out = Vec::new();
        if let Some(v) = off_scale {
            left_out.push(format!("the verdict “{v}” is not on this project's scale"));
        }
        if let Some(e) = unread {
            left_out.push(format!("its sources could not be read ({e})"));
        }
        let left_out = if left_out.is_empty() {
            String::new()
        } else {
            format!("; {}", left_out.join("; "))
        };
        if actions.is_empty() {
            self.dialogs.toast(format!(
                "Nothing to adopt: the claim already has that status, verdict and sources{left_out}"
            ));
            return;
        }
        let result = self.commit(Action::Batch { actions });
        if result.is_ok() {
            self.dialogs
                .toast(format!("Adopted the check from {}{left_out}", origin(hit)));
        }
        self.report_edit(result);
    }

    /// Reads a prior check's project on a worker thread for the read-only viewer.
    fn open_prior(&mut self, hit: &Hit) {
        let Some(claim) = hit.claim.clone() else {
            return;
        };
        let path = PathBuf::from(&hit.project);
        let seen = &mut self.review.seen;
        seen.viewer = None;
        seen.viewer_loading = Some(file_name(&path));
        let tx = seen.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("prior-check".into())
            .spawn(move || {
                let _ = tx.send(Done::Opened(Box::new(read_prior(&path, &claim))));
            });
        if spawned.is_err() {
            seen.viewer_loading = None;
            seen.viewer = Some(Err("Could not start reading the project.".to_string()));
        }
    }

    /// Whether the claim library is indexing, updating or reading a prior check.
    pub fn library_busy(&self) -> bool {
        self.review.seen.job.is_some() || self.review.seen.viewer_loading.is_some()
    }

    /// Opens the speakers window (with `name` chosen).
    pub(crate) fn open_speakers(&mut self, name: Option<String>) {
        let dir = library_dir(&self.settings);
        let seen = &mut self.review.seen;
        seen.ensure(dir);
        let (all, claims) = match seen.lib.as_ref() {
            Some(lib) => (lib.speakers(), speaker_claims(lib, name.as_deref())),
            None => (Vec::new(), Ok(Vec::new())),
        };
        seen.speakers = Some(SpeakersView {
            all,
            filter: String::new(),
            chosen: name,
            claims,
        });
    }

    /// Adds `folder` to the library's folders and indexes them on a worker thread.
    pub(crate) fn index_library_folder(&mut self, folder: PathBuf) {
        if !folder.is_dir() {
            self.dialogs.error = Some(format!("{} is not a folder.", folder.display()));
            return;
        }
        let (roots, feeds) = match self.review.seen.lib.as_ref() {
            Some(lib) => (lib.roots().to_vec(), lib.feeds().to_vec()),
            None => (Vec::new(), Vec::new()),
        };
        let mut roots = roots;
        let abs = std::path::absolute(&folder).unwrap_or(folder);
        if !roots.contains(&abs) {
            roots.push(abs.clone());
        }
        let what = format!("Indexing {}", abs.display());
        self.start_index_job(what, move |lib| lib.index(&roots, &feeds));
    }

    /// Brings the index up to date with its folders and feeds, on a worker thread.
    pub(crate) fn refresh_library(&mut self) {
        self.start_index_job("Updating the claim library".to_string(), |lib| {
            lib.refresh()
        });
    }

    fn start_index_job(
        &mut self,
        what: String,
        work: impl FnOnce(&mut Library) -> Result<IndexReport, LibraryError> + Send + 'static,
    ) {
        let Some(dir) = library_dir(&self.settings) else {
            self.dialogs.error =
                Some("There is no folder for the claim library: set FACTDESK_LIBRARY.".to_string());
            return;
        };
        if self.review.seen.job.is_some() {
            self.dialogs
                .toast("The claim library is busy: try again when it is done".to_string());
            return;
        }
        let started = self.review.seen.start(what, move || {
            let r = Library::open(&dir)
                .and_then(|mut lib| work(&mut lib))
                .map_err(|e| e.to_string());
            Done::Indexed(r)
        });
        if !started {
            self.dialogs
                .toast("Could not start indexing the claim library".to_string());
        }
    }

    /// After a save: re-read the project into the library when it lies under one of the
    /// library's folders (off the UI thread).
    pub(crate) fn library_after_save(&mut self, path: &Path) {
        let Some(dir) = library_dir(&self.settings) else {
            return;
        };
        if !Library::exists(&dir) {
            return;
        }
        let seen = &mut self.review.seen;
        seen.ensure(Some(dir.clone()));
        let Some(lib) = seen.lib.as_ref() else {
            return;
        };
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let canon = std::fs::canonicalize(path).ok();
        let covered = lib.roots().iter().any(|root| {
            abs.starts_with(root)
                || canon
                    .as_ref()
                    .is_some_and(|c| std::fs::canonicalize(root).is_ok_and(|r| c.starts_with(r)))
        });
        if covered {
            seen.start_update(dir, abs);
        }
    }

    /// A worker's answer.
    fn library_done(&mut self, done: Done) {
        let seen = &mut self.review.seen;
        match done {
            Done::Opened(result) => {
                seen.viewer_loading = None;
                seen.viewer = Some(*result);
                return;
            }
            Done::Indexed(result) => {
                seen.job = None;
                match result {
                    Ok(r) => self.dialogs.toast(report_text(&r)),
                    Err(e) => {
                        self.dialogs.error =
                            Some(format!("Could not index the claim library.\n\n{e}"))
                    }
                }
            }
            Done::Updated(path, result) => {
                seen.job = None;
                if let Err(e) = result {
                    self.dialogs.toast(format!(
                        "The claim library was not updated with {}: {e}",
                        file_name(&path)
                    ));
                }
            }
        }
        let seen = &mut self.review.seen;
        seen.reload();
        if !seen.queued.is_empty() {
            let next = seen.queued.remove(0);
            if let Some(dir) = library_dir(&self.settings) {
                self.review.seen.start_update(dir, next);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(url: &str, title: &str) -> Source {
        Source {
            url: url.into(),
            title: title.into(),
            ..Source::default()
        }
    }

    #[test]
    fn adopted_sources_are_appended_without_duplicates() {
        let ours = vec![src("https://a.example/x", "A")];
        let theirs = vec![
            src("https://a.example/x/", "A again"),
            src("https://b.example", "B"),
            src("", ""),
            src("", "Phone call"),
        ];
        let merged = merge_sources(&ours, theirs);
        let urls: Vec<&str> = merged.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(urls, ["A", "B", "Phone call"]);
    }
}
