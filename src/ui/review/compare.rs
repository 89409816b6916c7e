//! The comparison view: another annotator's project of the same articles, loaded read-only, set
//! against the open one (span F1, status kappa, matched / only-mine / only-theirs), with the
//! differences listed and one-step "adopt" buttons for their claims and statuses; their claims
//! missing here and the status disagreements are also drawn in the article (`ArticleMarks`).

use crate::core::action::Action;
use crate::core::model::{ArticleId, Claim, ClaimId, Project, Status};
use crate::core::team::agree::{self, Comparison};
use crate::ui::intent::Intent;
use crate::ui::intent::TeamIntent;
use crate::ui::look::theme;
use crate::ui::text::MarkIndex;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The other project and its comparison with the open one (recomputed when the open one changes).
#[derive(Debug)]
pub struct CompareState {
    pub path: PathBuf,
    pub theirs: Project,
    pub comparison: Comparison,
    /// What the article view draws, per article of the open project.
    pub(crate) marks: HashMap<ArticleId, ArticleMarks>,
    /// Their claim last shown from the list (drawn emphasised).
    pub(crate) current: Option<ClaimId>,
    /// Set when a claim of theirs was shown: the article view scrolls to it once.
    pub(crate) scroll: bool,
    /// (generation, revision) of the open project the comparison was computed for.
    pub(crate) key: (u64, u64),
}

/// The comparison's differences on one article of the open project, in its char offsets.
#[derive(Debug, Default)]
pub struct ArticleMarks {
    /// Their claims missing here, sorted by start.
    pub theirs: MarkIndex,
    /// The claim of theirs behind each range of `theirs`.
    pub ids: Vec<ClaimId>,
    /// My matched claims whose status they set differently.
    pub differs: MarkIndex,
}

impl CompareState {
    pub(crate) fn new(path: &Path, ours: &Project, theirs: Project, key: (u64, u64)) -> Self {
        let comparison = agree::compare(ours, &theirs);
        let marks = article_marks(ours, &theirs, &comparison);
        CompareState {
            path: path.to_path_buf(),
            theirs,
            comparison,
            marks,
            current: None,
            scroll: false,
            key,
        }
    }

    /// The index in `marks.theirs` of the claim last shown, if it is on that article.
    pub(crate) fn current_in(&self, marks: &ArticleMarks) -> Option<usize> {
        let id = self.current.as_ref()?;
        marks.ids.iter().position(|i| i == id)
    }
}

/// Their-only claims and status disagreements, grouped by the article of `ours` they fall on.
pub(crate) fn article_marks(
    ours: &Project,
    theirs: &Project,
    cmp: &Comparison,
) -> HashMap<ArticleId, ArticleMarks> {
    let mut their_spans: HashMap<ArticleId, Vec<(Range<usize>, ClaimId)>> = HashMap::new();
    let mut here: HashMap<ArticleId, Option<ArticleId>> = HashMap::new();
    for id in &cmp.only_b {
        let Some(c) = theirs.claim(id) else { continue };
        let article = here
            .entry(c.article.clone())
            .or_insert_with(|| counterpart(ours, theirs, &c.article));
        if let Some(a) = article {
            their_spans
                .entry(a.clone())
                .or_default()
                .push((c.range(), id.clone()));
        }
    }
    let mut differ_spans: HashMap<ArticleId, Vec<Range<usize>>> = HashMap::new();
    for (mine, ..) in cmp.status_differences(ours, theirs) {
        if let Some(c) = ours.claim(&mine) {
            differ_spans
                .entry(c.article.clone())
                .or_default()
                .push(c.range());
        }
    }
    let mut out: HashMap<ArticleId, ArticleMarks> = HashMap::new();
    for (article, mut spans) in their_spans {
        spans.sort_by_key(|(r, _)| (r.start, r.end));
        let (ranges, ids) = spans.into_iter().unzip();
        let m = out.entry(article).or_default();
        m.theirs = MarkIndex::new(ranges);
        m.ids = ids;
    }
    for (article, mut ranges) in differ_spans {
        ranges.sort_by_key(|r| (r.start, r.end));
        out.entry(article).or_default().differs = MarkIndex::new(ranges);
    }
    out
}

/// The article of `ours` that `theirs`' article `id` corresponds to (same id, else same body).
pub(crate) fn counterpart(ours: &Project, theirs: &Project, id: &ArticleId) -> Option<ArticleId> {
    if ours.article(id).is_some() {
        return Some(id.clone());
    }
    let hash = &theirs.article(id)?.content_hash;
    ours.articles
        .iter()
        .find(|a| !hash.is_empty() && a.content_hash == *hash)
        .map(|a| a.id.clone())
}

/// The action that copies their claim into the open project: their span, status, speaker,
/// sources, note, creator and status history, on the corresponding article (a fresh id if theirs is taken).
pub fn adopt_claim(ours: &Project, theirs: &Project, claim: &Claim) -> Option<Action> {
    let mut c = claim.clone();
    // Their editor's sign-off was about their copy, not this project's.
    c.reviewed = None;
    c.article = counterpart(ours, theirs, &claim.article)?;
    if ours.claim(&c.id).is_some() {
        c.id = ClaimId::generate();
    }
    Some(Action::AddClaim { claim: Box::new(c) })
}

/// Formats a statistic that may be undefined.
fn stat(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_string(), |v| format!("{v:.2}"))
}

fn quote_of(c: &Claim) -> String {
    format!(
        "{}  “{}”",
        theme::status_text(c.status),
        crate::ui::text::one_line(&c.anchor.quote, 70)
    )
}

/// The comparison window, while a comparison is open.
/// `compare` is refreshed for the revision of `ours` first (`refresh_comparison`).
pub fn show(ctx: &egui::Context, ours: &Project, compare: Option<&CompareState>) -> Vec<Intent> {
    let mut out = Vec::new();
    let Some(state) = compare else {
        return out;
    };
    let mut open = true;
    egui::Window::new("Compare with another annotator")
        .open(&mut open)
        .default_size([520.0, 560.0])
        .default_pos(ctx.content_rect().center() - egui::vec2(260.0, 280.0))
        .show(ctx, |ui| body(ui, ours, state, &mut out));
    if !open {
        out.push(Intent::Team(TeamIntent::CloseComparison));
    }
    out
}

fn body(ui: &mut egui::Ui, ours: &Project, state: &CompareState, out: &mut Vec<Intent>) {
    let cmp = &state.comparison;
    let theirs = &state.theirs;
    let name = state
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ui.label(format!("This project against {name} (read-only)"));
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Span F1: {}", stat(cmp.span_f1)));
        ui.separator();
        ui.strong(format!("Status kappa: {}", stat(cmp.status_kappa)))
            .on_hover_text("Cohen's kappa of the statuses of matched claims");
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Matched: {}", cmp.matched.len()));
        ui.separator();
        ui.label(format!("Only mine: {}", cmp.only_a.len()));
        ui.separator();
        ui.label(format!("Only theirs: {}", cmp.only_b.len()));
    });
    ui.weak("Claims match when they are on the same article and their spans overlap.");
    ui.separator();
    let diffs = cmp.status_differences(ours, theirs);
    egui::ScrollArea::vertical()
        .id_salt("compare_list")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.strong(format!("Only in theirs ({})", cmp.only_b.len()));
            for id in &cmp.only_b {
                let Some(c) = theirs.claim(id) else { continue };
                ui.push_id(("theirs", id.as_str()), |ui| {
                    ui.horizontal(|ui| {
                        theme::swatch(ui, c.status);
                        if ui
                            .add(egui::Button::selectable(false, quote_of(c)).truncate())
                            .on_hover_text("Show this text in the article, selected")
                            .clicked()
                        {
                            out.push(Intent::Team(TeamIntent::ShowTheirs(id.clone())));
                        }
                    });
                    ui.horizontal(|ui| {
                        ui.add_space(18.0);
                        let who = if c.creator.is_empty() {
                            String::new()
                        } else {
                            format!("by {}", c.creator)
                        };
                        if !c.speaker.is_empty() {
                            ui.weak(format!("speaker {}", c.speaker));
                        }
                        ui.weak(who);
                        match adopt_claim(ours, theirs, c) {
                            Some(action) => {
                                if ui
                                    .button("Adopt claim")
                                    .on_hover_text("Add their claim here (one undoable step)")
                                    .clicked()
                                {
                                    out.push(Intent::Edit(action));
                                }
                            }
                            None => {
                                ui.weak("(article not in this project)");
                            }
                        }
                    });
                });
            }
            ui.add_space(6.0);
            ui.strong(format!("Status differs ({})", diffs.len()));
            for (mine, my_status, their_id, their_status) in &diffs {
                let Some(c) = ours.claim(mine) else { continue };
                ui.push_id(("differs", mine.as_str()), |ui| {
                    ui.horizontal(|ui| {
                        theme::swatch(ui, *my_status);
                        if ui
                            .add(egui::Button::selectable(false, quote_of(c)).truncate())
                            .on_hover_text("Select this claim")
                            .clicked()
                        {
                            out.push(Intent::SelectClaim {
                                id: mine.clone(),
                                scroll: true,
                            });
                        }
                    });
                    ui.horizontal(|ui| {
                        ui.add_space(18.0);
                        ui.label(format!(
                            "mine {} · theirs {}",
                            my_status.label(),
                            their_status.label()
                        ));
                        let by = theirs
                            .claim(their_id)
                            .and_then(|t| t.history.last())
                            .map(|h| h.by.clone())
                            .filter(|b| !b.is_empty());
                        if let Some(by) = by {
                            ui.weak(format!("({by})"));
                        }
                        if ui
                            .button("Adopt their status")
                            .on_hover_text(format!(
                                "Set this claim to {} (one undoable step)",
                                their_status.label()
                            ))
                            .clicked()
                        {
                            out.push(Intent::Edit(adopt_status(mine, *their_status)));
                        }
                    });
                });
            }
            ui.add_space(6.0);
            ui.strong(format!("Only in mine ({})", cmp.only_a.len()));
            for id in &cmp.only_a {
                let Some(c) = ours.claim(id) else { continue };
                ui.push_id(("mine", id.as_str()), |ui| {
                    ui.horizontal(|ui| {
                        theme::swatch(ui, c.status);
                        if ui
                            .add(egui::Button::selectable(false, quote_of(c)).truncate())
                            .on_hover_text("Select this claim")
                            .clicked()
                        {
                            out.push(Intent::SelectClaim {
                                id: id.clone(),
                                scroll: true,
                            });
                        }
                    });
                });
            }
        });
    ui.separator();
    if ui.button("Close comparison").clicked() {
        out.push(Intent::Team(TeamIntent::CloseComparison));
    }
}

/// Their status on my claim, recorded as a status change by the analyst.
fn adopt_status(id: &ClaimId, status: Status) -> Action {
    Action::set_status(id, status, "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Anchor, Article, ArticleMeta, SignOff};
    use crate::core::time::Timestamp;

    const BODY: &str = "Seoul’s café owners shrugged. 北朝鮮 denied it 🚀.";

    fn with_article(id: &str) -> Project {
        let mut p = Project::new("desk");
        let mut a = Article::new(ArticleMeta::default(), BODY);
        a.id = ArticleId(id.to_string());
        p.articles.push(a);
        p
    }

    #[test]
    fn adopting_maps_the_article_by_body_and_avoids_taken_ids() {
        let mut ours = with_article("a-ours");
        let mut theirs = with_article("a-theirs");
        let anchor = Anchor::new(BODY, 30..40).expect("range");
        let mut c = Claim::new(ArticleId("a-theirs".into()), anchor, Timestamp::now());
        c.creator = "Bo".into();
        c.status = Status::Denied;
        c.reviewed = Some(SignOff::now("Their editor"));
        theirs.claims.push(c.clone());
        // The same id already used here for another claim.
        let mut mine = c.clone();
        mine.article = ArticleId("a-ours".into());
        mine.anchor = Anchor::new(BODY, 0..5).expect("range");
        ours.claims.push(mine);

        let Some(Action::AddClaim { claim }) = adopt_claim(&ours, &theirs, &c) else {
            panic!("an AddClaim")
        };
        assert_eq!(claim.article.0, "a-ours");
        assert_ne!(claim.id, c.id);
        assert_eq!(claim.creator, "Bo");
        assert_eq!(claim.status, Status::Denied);
        assert!(claim.reviewed.is_none(), "their sign-off stays theirs");
        assert_eq!(claim.anchor.quote, "北朝鮮 denied");
        crate::core::action::apply(&mut ours, Action::AddClaim { claim }).expect("applies");

        let elsewhere = Project::new("other");
        assert!(adopt_claim(&elsewhere, &theirs, &c).is_none());
    }
}
