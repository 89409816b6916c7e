//! GUI flows of team review: the claim history with the analyst's name, sign-off and its undo,
//! settling merge conflicts, and comparing with another annotator's project.

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use factdesk::core::action::Action;
use factdesk::core::model::{Claim, Project, Status};
use factdesk::core::session::Session;
use factdesk::core::store;
use factdesk::core::team::merge::merge;
use factdesk::core::time::Timestamp;
use factdesk::ui::{FactdeskApp, Settings};

const ANALYST: &str = "Ana Lyst";

fn team_app(project: Project) -> FactdeskApp {
    let settings = Settings {
        analyst: ANALYST.to_string(),
        ..Settings::headless()
    };
    FactdeskApp::new(Session::opened(project, None), settings)
}

fn claim<'a>(h: &'a Harness<'static, FactdeskApp>, quote: &str) -> &'a Claim {
    find_claim(h, quote).expect("claim with that quote")
}

fn has_label(h: &Harness<'static, FactdeskApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn tagging_records_a_history_entry_with_the_analyst_shown_in_the_panel() {
    let mut h = harness(team_app(project_with_claims()));
    assert!(has_label(&h, &format!("Analyst: {ANALYST}")), "status bar");
    click_row(&mut h, "Wagner group");
    assert!(!has_label(&h, "Unreviewed ➡ Sourced"));
    h.key_press(Key::Num1);
    h.run();
    let c = claim(&h, "Wagner group");
    assert_eq!(c.status, Status::Sourced);
    assert_eq!(c.history.len(), 1);
    assert_eq!(c.history[0].by, ANALYST);
    assert!(
        has_label(&h, &format!("Unreviewed ➡ Sourced by {ANALYST}, ")),
        "the history line names the analyst"
    );
    assert!(has_label(&h, "History (1 status change)"));
    // Readable times, not raw RFC 3339.
    let line = format!("Unreviewed ➡ Sourced by {ANALYST}, ");
    let node = h
        .get_all_by_label_contains(&line)
        .next()
        .expect("history line");
    let text = node
        .accesskit_node()
        .label()
        .filter(|l| !l.is_empty())
        .or_else(|| node.value())
        .unwrap_or_default();
    assert!(text.ends_with(" UTC"), "{text}");

    // A claim marked in the app records its creator.
    let art = h.state().session.project.articles[0].id.clone();
    let range = BODY.chars().count() - 6..BODY.chars().count() - 1;
    h.state_mut().article.selection = Some(factdesk::ui::TextSelection {
        article: art,
        range,
    });
    h.key_press(Key::M);
    h.run();
    let id = h
        .state()
        .claims
        .selected
        .clone()
        .expect("new claim selected");
    let created = h.state().session.project.claim(&id).expect("claim");
    assert_eq!(created.creator, ANALYST);
    assert!(has_label(&h, &format!("Marked by {ANALYST} on ")));
}

#[test]
fn the_analyst_is_set_from_the_status_bar() {
    let mut h = harness(team_app(project_with_claims()));
    h.get_by_label(&format!("Analyst: {ANALYST}")).click();
    h.run();
    // The status bar opens the settings window at the analyst name.
    replace_text(&mut h, "Analyst name", "Bo Editor");
    h.get_by_label("Close").click();
    h.run();
    assert_eq!(h.state().settings.analyst, "Bo Editor");
    assert_eq!(h.state().session.analyst, "Bo Editor");
    assert!(has_label(&h, "Analyst: Bo Editor"));
    click_row(&mut h, "Kwon Jong Gun");
    h.key_press(Key::Num2);
    h.run();
    assert_eq!(claim(&h, "Kwon Jong Gun").history[0].by, "Bo Editor");
}

#[test]
fn v_signs_off_and_undo_takes_it_back() {
    let mut h = harness(team_app(project_with_claims()));
    click_row(&mut h, "Kwon Jong Gun");
    assert!(claim(&h, "Kwon Jong Gun").reviewed.is_none());
    h.key_press(Key::V);
    h.run();
    let signed = claim(&h, "Kwon Jong Gun")
        .reviewed
        .clone()
        .expect("signed off");
    assert_eq!(signed.by, ANALYST);
    assert!(has_label(&h, &format!("Signed off by {ANALYST} on ")));
    // The claim list row carries the mark too (its hover text says who).
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(claim(&h, "Kwon Jong Gun").reviewed.is_none());
    assert!(!has_label(&h, "Signed off by"));

    // The button does the same; removing the sign-off is undoable as well.
    h.get_by_label("Sign off claim").click();
    h.run();
    assert!(claim(&h, "Kwon Jong Gun").reviewed.is_some());
    h.get_by_label("Remove sign-off").click();
    h.run();
    assert!(claim(&h, "Kwon Jong Gun").reviewed.is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(claim(&h, "Kwon Jong Gun").reviewed.is_some());
}

/// A merged project where both sides set "Wagner group" to different statuses.
fn merged_with_conflict() -> Project {
    let base = project_with_claims();
    let side = |status: Status, by: &str| {
        let mut s = Session::opened(base.clone(), None);
        let id = s
            .project
            .claims
            .iter()
            .find(|c| c.anchor.quote == "Wagner group")
            .map(|c| c.id.clone())
            .expect("claim");
        s.edit(Action::set_status(&id, status, by)).expect("edit");
        s.project
    };
    let ours = side(Status::Disputed, "Ana");
    let theirs = side(Status::Denied, "Bo");
    let outcome = merge(&base, &ours, &theirs);
    assert_eq!(outcome.conflicts.len(), 1, "{:?}", outcome.conflicts);
    outcome.project
}

fn unresolved(p: &Project) -> usize {
    store::check(p)
        .iter()
        .filter(|p| matches!(p, store::Problem::UnresolvedConflict { .. }))
        .count()
}

#[test]
fn a_merge_conflict_is_shown_found_and_settled_with_keep_ours_or_take_theirs() {
    let project = merged_with_conflict();
    assert_eq!(unresolved(&project), 1);
    let mut h = harness(team_app(project));
    assert!(has_label(&h, "1 conflict — review"), "the banner");
    assert!(h.state().claims.selected.is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::J);
    h.run();
    let id = h.state().claims.selected.clone().expect("a claim selected");
    assert_eq!(claim(&h, "Wagner group").id, id);
    assert!(has_label(&h, "Merge conflict: status"));
    assert_eq!(
        claim(&h, "Wagner group").status,
        Status::Disputed,
        "ours meanwhile"
    );

    h.get_by_label("Take theirs").click();
    h.run();
    assert_eq!(claim(&h, "Wagner group").status, Status::Denied);
    assert!(h.state().session.project.conflicts.is_empty());
    assert!(!has_label(&h, "conflict — review"));
    assert!(!has_label(&h, "Merge conflict"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.conflicts.len(), 1, "undo reopens");
    assert_eq!(claim(&h, "Wagner group").status, Status::Disputed);
    assert!(has_label(&h, "1 conflict — review"));

    h.get_by_label("Keep ours").click();
    h.run();
    assert_eq!(claim(&h, "Wagner group").status, Status::Disputed);
    assert!(h.state().session.project.conflicts.is_empty());

    // Saved and loaded again, check no longer reports it.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("merged.ron");
    store::save(&path, &h.state().session.project).expect("save");
    let back = store::load(&path).expect("load");
    assert_eq!(unresolved(&back), 0);
    assert!(back.conflicts.is_empty());
}

#[test]
fn edit_then_mark_resolved_keeps_the_hand_made_value() {
    let mut h = harness(team_app(merged_with_conflict()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::J);
    h.run();
    // The last "Edit" is the conflict's button (the first is the Edit menu).
    h.get_all_by_label("Edit")
        .last()
        .expect("edit button")
        .click();
    h.run();
    assert!(has_label(&h, "Change the status above"));
    h.get_by_label("Sourced").click();
    h.run();
    assert_eq!(h.state().session.project.conflicts.len(), 1, "not yet");
    h.get_by_label("Mark resolved").click();
    h.run();
    assert_eq!(claim(&h, "Wagner group").status, Status::Sourced);
    assert!(h.state().session.project.conflicts.is_empty());
    assert_eq!(unresolved(&h.state().session.project), 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.conflicts.len(), 1);
    assert_eq!(claim(&h, "Wagner group").status, Status::Sourced);
}

/// Theirs: "Kwon Jong Gun" disputed (mine sourced), no "北朝鮮 denied it again", and an extra
/// claim "café owners shrugged" (denied, speaker "Bo", made by Bo).
fn their_project(mine: &Project) -> Project {
    let mut s = Session::opened(mine.clone(), None);
    s.analyst = "Bo".to_string();
    let find = |p: &Project, q: &str| {
        p.claims
            .iter()
            .find(|c| c.anchor.quote == q)
            .map(|c| c.id.clone())
            .expect("claim")
    };
    let kwon = find(&s.project, "Kwon Jong Gun");
    s.edit(Action::set_status(&kwon, Status::Disputed, ""))
        .expect("status");
    let gone = find(&s.project, "北朝鮮 denied it again");
    s.edit(Action::RemoveClaim { id: gone }).expect("remove");
    let art = s.project.articles[0].id.clone();
    let add = Action::add_claim_by_quote(
        &s.project,
        &art,
        "café owners shrugged",
        1,
        Timestamp::now(),
    )
    .expect("quote");
    let Action::AddClaim { mut claim } = add else {
        panic!("not an AddClaim")
    };
    claim.status = Status::Denied;
    claim.speaker = "Seoul".into();
    s.edit(Action::AddClaim { claim }).expect("add");
    s.project
}

#[test]
fn comparing_with_another_project_lists_differences_and_adopts_them() {
    let mine = project_with_claims();
    let theirs = their_project(&mine);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bo.ron");
    store::save(&path, &theirs).expect("save theirs");
    let before = std::fs::read(&path).expect("read");

    let mut h = harness(team_app(mine));
    assert!(
        h.query_by_label("their claim").is_none(),
        "no legend entry yet"
    );
    compare_with(&mut h, &path);
    assert!(h.state().error_message().is_none());
    for stat in [
        "Matched: 2",
        "Only mine: 1",
        "Only theirs: 1",
        "Span F1: 0.67",
    ] {
        assert!(has_label(&h, stat), "{stat}");
    }
    assert!(has_label(&h, "Status differs (1)"));
    assert!(has_label(&h, "mine Sourced · theirs Disputed"));
    // Their claim missing here and my claim they tagged otherwise are drawn in the article.
    assert_eq!(
        drawn_quotes(h.state().drawn_their_claims()),
        ["café owners shrugged"]
    );
    assert_eq!(
        drawn_quotes(h.state().drawn_status_differences()),
        ["Kwon Jong Gun"]
    );
    h.get_by_label("their claim");
    h.get_by_label("status differs");

    // Clicking their claim selects its text here.
    h.get_by_label_contains("“café owners shrugged”").click();
    h.run();
    let sel = h
        .state()
        .article
        .selection
        .clone()
        .expect("their span selected");
    let quote: String = BODY
        .chars()
        .skip(sel.range.start)
        .take(sel.range.len())
        .collect();
    assert_eq!(quote, "café owners shrugged");

    // Adopt their claim: one undoable step, their creator kept.
    h.get_by_label("Adopt claim").click();
    h.run();
    let adopted = claim(&h, "café owners shrugged").clone();
    assert_eq!(adopted.status, Status::Denied);
    assert_eq!(adopted.speaker, "Seoul");
    assert_eq!(adopted.creator, "Bo");
    assert!(has_label(&h, "Only theirs: 0"));
    assert!(has_label(&h, "Matched: 3"));
    assert!(
        h.state().drawn_their_claims().is_empty(),
        "now a claim here"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.claims.len(), 3);
    assert!(has_label(&h, "Only theirs: 1"));
    assert_eq!(
        drawn_quotes(h.state().drawn_their_claims()),
        ["café owners shrugged"]
    );

    // Adopt their status: recorded as my status change, undoable.
    h.get_by_label("Adopt their status").click();
    h.run();
    let kwon = claim(&h, "Kwon Jong Gun");
    assert_eq!(kwon.status, Status::Disputed);
    assert_eq!(kwon.history.last().map(|e| e.by.as_str()), Some(ANALYST));
    assert!(has_label(&h, "Status differs (0)"));
    assert!(h.state().drawn_status_differences().is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(claim(&h, "Kwon Jong Gun").status, Status::Sourced);
    assert_eq!(
        drawn_quotes(h.state().drawn_status_differences()),
        ["Kwon Jong Gun"]
    );

    h.get_by_label("Close comparison").click();
    h.run();
    assert!(!has_label(&h, "Only theirs"));
    assert!(h.state().drawn_their_claims().is_empty());
    assert!(h.state().drawn_status_differences().is_empty());
    assert!(
        h.query_by_label("their claim").is_none(),
        "legend entry gone"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before, "never written");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no lock or backup beside it: {leftovers:?}"
    );
}

/// Opens the comparison with `path` through the File menu and its path field.
fn compare_with(h: &mut Harness<'static, FactdeskApp>, path: &std::path::Path) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Compare with another annotator…").click();
    h.run();
    replace_text(h, "Path", &path.display().to_string());
    h.get_by_label("Compare").click();
    h.run();
}

/// The text of `ranges` of the test article.
fn drawn_quotes(ranges: Vec<std::ops::Range<usize>>) -> Vec<String> {
    ranges
        .into_iter()
        .map(|r| BODY.chars().skip(r.start).take(r.len()).collect())
        .collect()
}

#[test]
fn clicking_their_claim_scrolls_the_article_to_it_and_adopting_it_removes_the_outline() {
    // A long article whose last paragraph holds the only claim, which only they marked.
    let filler = "Officials in Seoul said talks would resume next week, 北朝鮮 🚀 “quietly”.";
    let mut body = vec![filler; 80].join("\n\n");
    body.push_str("\n\nAt the end, Kwon Jong Gun called it a “self-made rumour”.");
    let mut mine = Project::new("Long desk");
    mine.articles.push(factdesk::core::model::Article::new(
        Default::default(),
        &body,
    ));
    let mut theirs = Session::opened(mine.clone(), None);
    let art = mine.articles[0].id.clone();
    let add = Action::add_claim_by_quote(
        &theirs.project,
        &art,
        "self-made rumour",
        1,
        Timestamp::now(),
    )
    .expect("quote");
    theirs.edit(add).expect("add");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bo.ron");
    store::save(&path, &theirs.project).expect("save theirs");

    let mut h = harness(team_app(mine));
    compare_with(&mut h, &path);
    for _ in 0..3 {
        h.run();
    }
    assert_eq!(h.state().article_scroll_offset(), 0.0);
    assert!(
        h.state().drawn_their_claims().is_empty(),
        "off screen, so not laid out"
    );
    let start = body.chars().count() - "self-made rumour”.".chars().count();
    h.get_by_label_contains("“self-made rumour”").click();
    for _ in 0..3 {
        h.run();
    }
    assert!(
        h.state().article_scroll_offset() > 500.0,
        "scrolled to the last paragraph: {}",
        h.state().article_scroll_offset()
    );
    let range = start..start + "self-made rumour".chars().count();
    assert_eq!(
        h.state()
            .article
            .selection
            .as_ref()
            .map(|s| s.range.clone()),
        Some(range.clone())
    );
    assert_eq!(h.state().drawn_their_claims(), vec![range.clone()]);

    let before = h.state().layouts_built();
    h.get_by_label("Adopt claim").click();
    h.run();
    assert!(h.state().drawn_their_claims().is_empty());
    let relaid = h.state().layouts_built() - before;
    assert!(
        (1..=2).contains(&relaid),
        "only the paragraph of the claim is laid out again: {relaid}"
    );
    let claims = &h.state().session.project.claims;
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].range(), range);
    assert!(h.state().article_scroll_offset() > 500.0, "stays put");
}

#[test]
fn a_project_that_does_not_load_is_reported_and_nothing_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(format_version: 1, title: ").expect("write");
    let mut h = harness(team_app(project_with_claims()));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Compare with another annotator…").click();
    h.run();
    replace_text(&mut h, "Path", &path.display().to_string());
    h.get_by_label("Compare").click();
    h.run();
    let err = h.state().error_message().expect("error shown").to_string();
    assert!(err.contains("broken.ron"), "{err}");
    assert!(!has_label(&h, "Only theirs"));
}

#[test]
fn a_deleted_against_edited_claim_and_an_article_conflict_are_settled_too() {
    let base = project_with_claims();
    let wagner = |p: &Project| {
        p.claims
            .iter()
            .find(|c| c.anchor.quote == "Wagner group")
            .map(|c| c.id.clone())
            .expect("claim")
    };
    let art = base.articles[0].id.clone();
    let mut ours = Session::opened(base.clone(), None);
    ours.edit(Action::set_status(&wagner(&base), Status::Disputed, "Ana"))
        .expect("edit");
    let mut meta = base.articles[0].meta.clone();
    meta.title = "Ours: North Korea denies".into();
    ours.edit(Action::SetArticleMeta {
        id: art.clone(),
        meta: Box::new(meta.clone()),
    })
    .expect("meta");
    let mut theirs = Session::opened(base.clone(), None);
    theirs
        .edit(Action::RemoveClaim { id: wagner(&base) })
        .expect("remove");
    meta.title = "Theirs: Pyongyang denies".into();
    theirs
        .edit(Action::SetArticleMeta {
            id: art.clone(),
            meta: Box::new(meta),
        })
        .expect("meta");
    let merged = merge(&base, &ours.project, &theirs.project).project;
    assert_eq!(merged.conflicts.len(), 2, "{:?}", merged.conflicts);

    let mut h = harness(team_app(merged));
    assert!(has_label(&h, "2 conflicts — review"));
    // Article conflicts come first: the article is shown with no claim selected.
    h.key_press_modifiers(Modifiers::COMMAND, Key::J);
    h.run();
    assert!(h.state().claims.selected.is_none());
    assert!(has_label(&h, "Merge conflict: article-meta"));
    h.get_by_label("Take theirs").click();
    h.run();
    assert_eq!(
        h.state().session.project.articles[0].meta.title,
        "Theirs: Pyongyang denies"
    );
    assert!(has_label(&h, "1 conflict — review"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::J);
    h.run();
    assert_eq!(h.state().claims.selected.as_ref(), Some(&wagner(&base)));
    assert!(has_label(&h, "Merge conflict: claim"));
    h.get_by_label("Take theirs").click();
    h.run();
    assert!(
        h.state().session.project.claim(&wagner(&base)).is_none(),
        "deleted"
    );
    assert!(h.state().claims.selected.is_none());
    assert!(h.state().session.project.conflicts.is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().session.project.claim(&wagner(&base)).is_some());
    assert_eq!(h.state().session.project.conflicts.len(), 1);
}
