//! The selected claim's editor: merge conflicts to settle, status buttons, sign-off, speaker,
//! sources (URL, title, note; several), note, delete, the claim's history, and the claim
//! library's "Seen before". Typing in a field becomes one undo step per field.

use crate::core::action::{Action, ClaimEdit};
use crate::core::model::{ArticleId, Claim, ClaimId, ConflictField, Project, Source, Status};
use crate::ui::claims::ClaimsState;
use crate::ui::command::UiCommand;
use crate::ui::evidence::capture::CaptureJob;
use crate::ui::intent::{EvidenceIntent, Intent, TextSelection};
use crate::ui::look::theme;
use crate::ui::review::seen_before::{self, SeenState, Subject};
use crate::ui::view::OpenProject;

/// What the claim panel reads beyond the open project.
pub struct PanelInput<'a> {
    pub claims: &'a ClaimsState,
    /// The article being read, and the text selected in it (to re-place a flagged claim).
    pub current_article: Option<&'a ArticleId>,
    pub article_selection: Option<&'a TextSelection>,
    /// The merge conflict whose value is being edited, if any.
    pub editing: Option<&'a (String, ConflictField)>,
    /// The capture of sources in flight, if any.
    pub capturing: Option<&'a CaptureJob>,
    /// The claim library's answers, for "Seen before", and what they are about.
    pub seen: &'a SeenState,
    pub subject: Option<Subject>,
}

/// A labelled single-line field; returns the new text when edited.
fn field(
    ui: &mut egui::Ui,
    label: &str,
    value: &str,
    hint: &str,
    multiline: bool,
) -> Option<String> {
    let mut text = value.to_string();
    let l = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let r = ui
        .add(edit.hint_text(hint).desired_width(f32::INFINITY))
        .labelled_by(l.id);
    r.changed().then_some(text)
}

pub fn show(ui: &mut egui::Ui, open: &OpenProject, input: &PanelInput) -> Vec<Intent> {
    let mut out = Vec::new();
    let project = open.project();
    let claim = input.claims.selected.as_ref().and_then(|id| {
        // Through the per-revision index (no walk over every claim each frame), checked.
        let i = open.derived.claim_index(id)?;
        project.claims.get(i).filter(|c| &c.id == id)
    });
    let editing = input.editing;
    let Some(c) = claim else {
        if let Some(a) = input.current_article
            && project.conflicts_on(&a.0).next().is_some()
        {
            ui.heading("Article");
            crate::ui::review::conflicts::show(ui, project.conflicts_on(&a.0), editing, &mut out);
            ui.separator();
        }
        ui.heading("Claim");
        ui.weak("No claim selected.");
        ui.add_space(6.0);
        ui.label("Select text in the article and press Mark claim (M), or click a highlight or a row of the claim list.");
        seen_before::section(ui, input.seen, input.subject.as_ref(), None, &mut out);
        return out;
    };
    egui::ScrollArea::vertical()
        .id_salt("claim_panel")
        .auto_shrink(false)
        .show(ui, |ui| {
            let n = input.claims.selected_set.len();
            if n > 1 && input.claims.selected_set.contains(&c.id) {
                ui.strong(format!("{n} claims selected: tags and Delete apply to all"));
            }
            // The article selection, when it is in this claim's article (to re-place it).
            let selected = input
                .article_selection
                .filter(|s| s.article == c.article)
                .map(|s| s.range.clone());
            editor(ui, project, c, editing, selected, input.capturing, &mut out);
            seen_before::section(ui, input.seen, input.subject.as_ref(), Some(c), &mut out);
        });
    out
}

/// Whether the source's page is kept as evidence: the newest capture, or the last failure, or
/// nothing yet; then Capture / Capture again and View capture (or the capture's progress).
fn evidence_state(
    ui: &mut egui::Ui,
    claim: &ClaimId,
    s: &Source,
    capturing: Option<&CaptureJob>,
    out: &mut Vec<Intent>,
) {
    if s.url.trim().is_empty() {
        return;
    }
    let latest = crate::core::model::latest_capture(&s.captures);
    let text = match (latest, s.captures.last()) {
        (Some(c), _) => format!(
            "Evidence: captured on {} (HTTP {}, {}) · SHA-256 {}",
            c.time.readable(),
            c.status,
            crate::core::store::human_bytes(c.bytes),
            c.sha256.get(..12).unwrap_or("")
        ),
        (None, Some(last)) => format!("Evidence: {}", last.describe()),
        (None, None) => "Evidence: not captured yet".to_string(),
    };
    ui.add(egui::Label::new(egui::RichText::new(text).weak()).wrap());
    if let Some(job) = capturing.filter(|j| j.covers(&s.url)) {
        ui.horizontal(|ui| {
            ui.add(egui::Spinner::new());
            ui.label(job.progress());
            if ui.small_button("Cancel capture").clicked() {
                out.push(Intent::Evidence(EvidenceIntent::CancelCapture));
            }
        });
        return;
    }
    ui.horizontal(|ui| {
        let label = if latest.is_some() {
            "Capture again"
        } else {
            "Capture"
        };
        if ui
            .add_enabled(capturing.is_none(), egui::Button::new(label).small())
            .on_hover_text(format!(
                "Fetch {} now and keep the page as evidence beside the project",
                s.url.trim()
            ))
            .clicked()
        {
            out.push(Intent::Evidence(EvidenceIntent::Capture {
                claim: claim.clone(),
                url: s.url.clone(),
            }));
        }
        if latest.is_some()
            && ui
                .small_button("View capture")
                .on_hover_text("Read the captured page offline, with its hash checked")
                .clicked()
        {
            out.push(Intent::Evidence(EvidenceIntent::View {
                claim: claim.clone(),
                url: s.url.clone(),
            }));
        }
    });
}

/// "Capture all sources" under the sources, with the batch's progress while one runs elsewhere.
fn capture_all(
    ui: &mut egui::Ui,
    c: &Claim,
    capturing: Option<&CaptureJob>,
    out: &mut Vec<Intent>,
) {
    if let Some(job) = capturing.filter(|j| !c.sources.iter().any(|s| j.covers(&s.url))) {
        ui.horizontal(|ui| {
            ui.add(egui::Spinner::new());
            ui.label(job.progress());
            if ui.small_button("Cancel capture").clicked() {
                out.push(Intent::Evidence(EvidenceIntent::CancelCapture));
            }
        });
        return;
    }
    let cmd = UiCommand::CaptureAllSources;
    if capturing.is_none()
        && c.sources.iter().any(|s| !s.url.trim().is_empty())
        && ui
            .button(cmd.label())
            .on_hover_text(cmd.tooltip())
            .clicked()
    {
        out.push(Intent::Run(cmd));
    }
}

/// The fact-check's finding, apart from the status: the verdict on the project's scale, what was
/// checked in one line, and where the review is published.
fn verdict(ui: &mut egui::Ui, project: &Project, c: &Claim, out: &mut Vec<Intent>) {
    let edit = |e: ClaimEdit| Action::edit_claim(&c.id, e);
    ui.strong("Fact-check");
    match &project.settings.rating_scale {
        None => {
            ui.weak("No rating scale: choose one in Settings (Ctrl+,) to give verdicts.");
        }
        Some(scale) => {
            let label = ui.label("Verdict");
            let shown = if c.verdict.is_empty() {
                "(no verdict)".to_string()
            } else {
                c.verdict.clone()
            };
            egui::ComboBox::from_id_salt("verdict")
                .selected_text(shown)
                .width(220.0)
                .show_ui(ui, |ui| {
                    if ui
                        .add(egui::Button::selectable(
                            c.verdict.is_empty(),
                            "(no verdict)",
                        ))
                        .clicked()
                    {
                        out.push(Intent::Edit(edit(ClaimEdit::Verdict(String::new()))));
                    }
                    // Best first, as a reader scans a verdict list.
                    for level in scale.levels.iter().rev() {
                        let text = match level.value {
                            Some(v) => format!("{} ({v})", level.name),
                            None => level.name.clone(),
                        };
                        if ui
                            .add(egui::Button::selectable(c.verdict == level.name, text))
                            .clicked()
                        {
                            out.push(Intent::Edit(edit(ClaimEdit::Verdict(level.name.clone()))));
                        }
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("The fact-check's finding; the status above is not a rating");
            if !c.verdict.is_empty() && scale.level(&c.verdict).is_none() {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("⚠ “{}” is not on the project's scale", c.verdict),
                );
            }
        }
    }
    if let Some(t) = field(
        ui,
        "Claim summary",
        &c.summary,
        "what was checked, in one line",
        false,
    ) {
        out.push(Intent::Typing(edit(ClaimEdit::Summary(
            t.replace('\n', " "),
        ))));
    }
    let chars = c.summary.trim().chars().count();
    if chars > crate::core::export::SUMMARY_ADVISED_CHARS {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "⚠ {chars} characters: under {} reads best where reviews are listed",
                crate::core::export::SUMMARY_ADVISED_CHARS
            ),
        );
    }
    if let Some(t) = field(
        ui,
        "Review URL",
        &c.review_url,
        "where the fact-check is published",
        false,
    ) {
        out.push(Intent::Typing(edit(ClaimEdit::ReviewUrl(t))));
    }
}

/// A claim whose quote a new version of the article changed: the old and new wording side by
/// side, re-placing it on the words selected in the current text (one undo step), or keeping it
/// as changed by the outlet.
fn outlet_change(
    ui: &mut egui::Ui,
    project: &Project,
    c: &Claim,
    selected: Option<std::ops::Range<usize>>,
    out: &mut Vec<Intent>,
) {
    let Some(ch) = &c.changed else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("⚠ Quote changed in version {}: {}", ch.in_version, ch.reason),
        );
        ui.label(format!("Marked in version {}: “{}”", ch.version, c.anchor.quote));
        ui.label(format!("Version {} reads: “{}”", ch.in_version, ch.new_text));
        let replace = selected.and_then(|r| crate::core::versions::replace_claim(project, c, r).ok());
        if ui
            .add_enabled(replace.is_some(), egui::Button::new("Re-place on the selection"))
            .on_hover_text("Select the new words in the article first; the claim moves there")
            .clicked()
            && let Some(a) = replace
        {
            out.push(Intent::Edit(a));
        }
        if ch.kept {
            ui.weak("Kept as changed by the outlet.");
        } else if ui
            .button("Keep as changed by the outlet")
            .on_hover_text("The claim stays on the version it was marked in; exports say the article was modified")
            .clicked()
            && let Some(a) = crate::core::versions::keep_changed(c)
        {
            out.push(Intent::Edit(a));
        }
    });
}

fn editor(
    ui: &mut egui::Ui,
    project: &Project,
    c: &Claim,
    editing: Option<&(String, ConflictField)>,
    selected: Option<std::ops::Range<usize>>,
    capturing: Option<&CaptureJob>,
    out: &mut Vec<Intent>,
) {
    ui.heading("Claim");
    ui.horizontal(|ui| {
        theme::swatch(ui, c.status);
        ui.strong(theme::status_text(c.status));
    });
    let quote = crate::ui::text::one_line(&c.anchor.quote, 600);
    ui.label(egui::RichText::new(format!("“{quote}”")).italics());
    crate::ui::review::conflicts::show(ui, project.conflicts_on(&c.id.0), editing, out);
    ui.add_space(6.0);
    // Two columns of status buttons where the panel has the room, else one: never wider than
    // the panel (a narrow window gives the claim panel its minimum width).
    let columns = if ui.available_width() >= 290.0 { 2 } else { 1 };
    egui::Grid::new("tag_buttons")
        .num_columns(columns)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (i, s) in Status::REVIEWED_FIRST.into_iter().enumerate() {
                let cmd = UiCommand::Tag(s);
                let shortcut = cmd.shortcut_text(ui.ctx()).unwrap_or_default();
                ui.horizontal(|ui| {
                    theme::swatch(ui, s);
                    let r = ui
                        .add(egui::Button::selectable(c.status == s, s.label()))
                        .on_hover_text(format!("{} ({shortcut})", cmd.tooltip()));
                    // With several claims selected the others may differ: always run.
                    if r.clicked() {
                        out.push(Intent::Run(cmd));
                    }
                    theme::key_cap(ui, &shortcut);
                });
                if (i + 1) % columns == 0 {
                    ui.end_row();
                }
            }
        });
    crate::ui::claims::claim_history::sign_off(ui, c, out);
    let edit = |e: ClaimEdit| Action::edit_claim(&c.id, e);
    outlet_change(ui, project, c, selected, out);
    ui.separator();
    verdict(ui, project, c, out);
    ui.separator();
    if let Some(t) = field(ui, "Speaker", &c.speaker, "who made the claim", false) {
        out.push(Intent::Typing(edit(ClaimEdit::Speaker(t))));
    }
    crate::ui::review::seen_before::speaker_button(ui, &c.speaker, out);
    ui.add_space(6.0);
    ui.strong("Sources");
    for (i, s) in c.sources.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.push_id(i, |ui| {
                let mut changed = s.clone();
                let mut any = false;
                if let Some(t) = field(ui, "Source URL", &s.url, "https://…", false) {
                    changed.url = t;
                    any = true;
                }
                if let Some(t) = field(ui, "Source title", &s.title, "what the source is", false) {
                    changed.title = t;
                    any = true;
                }
                if let Some(t) = field(ui, "Source note", &s.note, "what it shows", false) {
                    changed.note = t;
                    any = true;
                }
                if any {
                    let mut all = c.sources.clone();
                    all[i] = changed;
                    out.push(Intent::Typing(edit(ClaimEdit::Sources(all))));
                }
                evidence_state(ui, &c.id, s, capturing, out);
                if ui.button("Remove source").clicked() {
                    let mut all = c.sources.clone();
                    all.remove(i);
                    out.push(Intent::Edit(edit(ClaimEdit::Sources(all))));
                }
            });
        });
    }
    if ui.button("Add source").clicked() {
        let mut all = c.sources.clone();
        all.push(Source::default());
        out.push(Intent::Edit(edit(ClaimEdit::Sources(all))));
    }
    capture_all(ui, c, capturing, out);
    ui.add_space(6.0);
    if let Some(t) = field(ui, "Note", &c.note, "your reasoning, open questions", true) {
        out.push(Intent::Typing(edit(ClaimEdit::Note(t))));
    }
    ui.add_space(8.0);
    if ui
        .button(UiCommand::DeleteClaim.label())
        .on_hover_text(UiCommand::DeleteClaim.tooltip())
        .clicked()
    {
        out.push(Intent::Run(UiCommand::DeleteClaim));
    }
    ui.add_space(6.0);
    crate::ui::claims::claim_history::show(ui, c);
    ui.weak(format!(
        "chars {}..{} · id {}",
        c.anchor.start, c.anchor.end, c.id
    ));
}
