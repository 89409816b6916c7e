//! The claim library: its answers taken in, asked again when the subject changes, adopting a prior check.

use crate::core::action::{Action, ClaimEdit};
use crate::core::library::{Hit, IndexReport, Library, LibraryError};
use crate::core::model::{ClaimId, Status};
use crate::ui::app::FactdeskApp;
use crate::ui::intent::LibraryIntent;
use crate::ui::review::prior::{merge_sources, prior_sources, read_prior};
use crate::ui::review::seen_before::*;
use std::path::{Path, PathBuf};

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
        let own = own_project(app.session.path());
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
    if let Some((path, claim)) = viewer_window(ctx, &mut app.review.seen) {
        app.review.seen.select_after_open = Some((path.clone(), claim, app.project.generation));
        app.guard(ctx, crate::ui::dialogs::Pending::OpenPath(path));
    }
    app.select_opened_prior();
    speakers_window(ctx, &mut app.review.seen);
}

impl FactdeskApp {
    /// Once the prior check's project the person chose is open, selects its claim. Another
    /// project opened instead (or the open refused) ends the wait.
    fn select_opened_prior(&mut self) {
        let Some((path, claim, asked_in)) = self.review.seen.select_after_open.clone() else {
            return;
        };
        if self.project.generation == asked_in {
            return; // not opened yet (unsaved changes asked about first)
        }
        self.review.seen.select_after_open = None;
        if self.session.path() == Some(path.as_path())
            && let Some(id) = self
                .session
                .project
                .find_claim(&claim)
                .map(|c| c.id.clone())
        {
            self.select_claim(id, true);
        }
    }

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
