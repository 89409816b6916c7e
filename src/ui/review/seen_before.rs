//! "Seen before": the claim library beside the selected claim or suggestion — look-alike prior checks, adopting one, viewing one read-only, speakers across the library, indexing a folder and keeping the index current after saves.
//!
//! The library is asked once per (claim, quote), never per frame: the answer is cached until the
//! subject or the library changes. Indexing, updating after a save and reading a prior project
//! run on worker threads that answer through a channel, so the window never waits on the disk.

use crate::core::library::{self, Hit, IndexReport, Library, SearchFilters, Similar, SpeakerStats};
use crate::core::model::{Claim, ClaimId, Project, Source, Status};
use crate::ui::command::UiCommand;
use crate::ui::intent::{Intent, LibraryIntent};
use crate::ui::look::theme;
use crate::ui::review::suggestions::SuggestState;
use crate::ui::settings::Settings;
use crate::ui::text::one_line;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

/// Prior checks listed for one claim.
pub(crate) const SHOWN: usize = 8;
/// Suggestion rows looked up per frame: a long list is marked over a few frames instead of
/// stalling one.
const MARKS_PER_FRAME: usize = 6;
/// Claims listed for one speaker.
const SPEAKER_CLAIMS: usize = 200;

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
    pub(crate) claim: Option<ClaimId>,
    pub(crate) quote: String,
}

/// A suggestion that repeats a prior check: what the marker's tooltip says about it.
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    pub tooltip: String,
}

/// A prior check as read from its project file, for the read-only viewer.
#[derive(Debug, Clone)]
pub(crate) struct Viewer {
    pub(crate) path: PathBuf,
    /// The claim's id in that project.
    pub(crate) claim: String,
    pub(crate) article: String,
    pub(crate) before: String,
    pub(crate) quote: String,
    pub(crate) after: String,
    pub(crate) status: Status,
    pub(crate) verdict: String,
    pub(crate) speaker: String,
    pub(crate) summary: String,
    pub(crate) review_url: String,
    pub(crate) sources: Vec<Source>,
    pub(crate) note: String,
}

/// The speakers window: every speaker, a filter, and the chosen speaker's claims.
pub(crate) struct SpeakersView {
    pub(crate) all: Vec<SpeakerStats>,
    pub(crate) filter: String,
    pub(crate) chosen: Option<String>,
    pub(crate) claims: Result<Vec<Hit>, String>,
}

/// What a worker thread reports.
pub(crate) enum Done {
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
    pub(crate) looked: bool,
    /// The open index; `None`: there is none in `dir` (or it could not be opened).
    pub(crate) lib: Option<Library>,
    open_error: Option<String>,
    /// The last question and its answer.
    pub(crate) results: Option<(Subject, Result<Vec<Similar>, String>)>,
    /// Suggestion quote → the prior check it repeats, if any.
    marks: HashMap<String, Option<Mark>>,
    marks_pass: u64,
    marks_budget: usize,
    /// The running job: what it does (shown with a spinner) and since when.
    pub(crate) job: Option<(String, Instant)>,
    /// Projects saved while a job ran, re-read after it.
    pub(crate) queued: Vec<PathBuf>,
    pub(crate) tx: Sender<Done>,
    pub(crate) rx: Receiver<Done>,
    /// The read-only viewer: loading (what), or the prior check, or why it could not be read.
    pub(crate) viewer_loading: Option<String>,
    pub(crate) viewer: Option<Result<Viewer, String>>,
    pub(crate) speakers: Option<SpeakersView>,
    /// A prior check's project the person chose to open from the viewer: its path, the claim
    /// to select once it is the open project, and the project generation when asked.
    pub(crate) select_after_open: Option<(PathBuf, String, u64)>,
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
            select_after_open: None,
        }
    }
}

impl SeenState {
    /// Opens the index in `dir` when it is not the one open (or was never looked for).
    pub(crate) fn ensure(&mut self, dir: Option<PathBuf>) {
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
    pub(crate) fn reload(&mut self) {
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

    pub(crate) fn start(
        &mut self,
        what: String,
        work: impl FnOnce() -> Done + Send + 'static,
    ) -> bool {
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
    pub(crate) fn start_update(&mut self, dir: PathBuf, path: PathBuf) {
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
pub(crate) fn origin(h: &Hit) -> String {
    let file = file_name(Path::new(&h.project));
    match (&h.claim, &h.article, &h.publisher) {
        (Some(_), Some(a), _) => format!("{file}, “{}”", one_line(a, 60)),
        (Some(_), None, _) => file,
        (None, _, Some(p)) => format!("published by {p}"),
        (None, _, None) => file,
    }
}

pub(crate) fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

pub(crate) fn speaker_claims(lib: &Library, speaker: Option<&str>) -> Result<Vec<Hit>, String> {
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
pub(crate) fn own_project(path: Option<&Path>) -> Option<String> {
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
/// The read-only viewer of a prior check. Returns the project and claim to open when the
/// person asks to open that project.
pub(crate) fn viewer_window(
    ctx: &egui::Context,
    seen: &mut SeenState,
) -> Option<(PathBuf, String)> {
    if seen.viewer.is_none() && seen.viewer_loading.is_none() {
        return None;
    }
    let mut open = true;
    let mut go = None;
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
                Some(Ok(v)) => {
                    if ui
                        .button("Open this project at the claim")
                        .on_hover_text(
                            "Opens the prior check's project in place of this one (asks first \
                             about unsaved changes) and selects the claim",
                        )
                        .clicked()
                    {
                        go = Some((v.path.clone(), v.claim.clone()));
                    }
                    viewer_body(ui, v);
                }
                Some(Err(e)) => {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                None => {}
            }
        });
    if !open || go.is_some() {
        seen.viewer = None;
        seen.viewer_loading = None;
    }
    go
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
pub(crate) fn speakers_window(ctx: &egui::Context, seen: &mut SeenState) {
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

pub(crate) fn report_text(r: &IndexReport) -> String {
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
