//! The suggestions panel, driven through the real app: shortcuts, menus, the panel's buttons and
//! filters, accept / reject as undoable edits, offsets with CJK / emoji (find: find.rs).

use crate::common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use factdesk::core::store;
use factdesk::ui::FactdeskApp;

/// Runs frames until the worker has delivered the current article's suggestions.
fn wait_for_suggestions(h: &mut Harness<'static, FactdeskApp>) {
    for _ in 0..1000 {
        h.step();
        if !h.state().suggestions_computing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        !h.state().suggestions_computing(),
        "suggestions never arrived"
    );
    h.run();
}

/// The sample article as freshly imported: its annotations removed, so every suggestion shows.
fn sample_harness() -> Harness<'static, FactdeskApp> {
    let mut project = FactdeskApp::sample_session().project;
    project.claims.clear();
    project.articles.truncate(1);
    harness(app(project))
}

fn open_suggestions(h: &mut Harness<'static, FactdeskApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    wait_for_suggestions(h);
}

fn claim_count(h: &Harness<'static, FactdeskApp>) -> usize {
    h.state().session.project.claims.len()
}

fn current_quote(h: &Harness<'static, FactdeskApp>) -> Option<String> {
    h.state().current_suggestion().map(|s| s.quote.clone())
}

#[test]
fn ctrl_g_lists_the_sample_suggestions_which_are_not_claims() {
    let mut h = sample_harness();
    let claims = claim_count(&h);
    assert!(h.query_by_label("Accept all visible").is_none());
    open_suggestions(&mut h);
    let visible = h.state().visible_suggestions().to_vec();
    assert!(!visible.is_empty());
    assert!(
        visible.iter().any(|s| s.speaker == "John Kirby"),
        "speakers: {:?}",
        visible.iter().map(|s| &s.speaker).collect::<Vec<_>>()
    );
    // Rows show quote, speaker, cue, status, score and reason.
    let kirby = visible
        .iter()
        .find(|s| s.speaker == "John Kirby")
        .expect("a Kirby suggestion");
    h.get_by_label_contains(&format!("John Kirby · {}", kirby.cue));
    h.get_all_by_label_contains(&format!(
        "{} · score {:.2}\n{}",
        kirby.status.label(),
        kirby.score,
        kirby.reason.chars().take(20).collect::<String>()
    ))
    .next()
    .expect("a row with status, score and reason");
    assert_eq!(claim_count(&h), claims, "showing suggestions adds no claim");
    // None of them repeats a claim already marked.
    let project = &h.state().session.project;
    for s in &visible {
        assert!(
            !project
                .claims
                .iter()
                .any(|c| c.anchor.start == s.start && c.anchor.end == s.end),
            "{} is already a claim",
            s.quote
        );
    }
    // The same command closes it.
    press(&mut h, Modifiers::COMMAND, Key::G);
    assert!(h.query_by_label("Accept all visible").is_none());
}

#[test]
fn the_claim_menu_opens_the_panel() {
    let mut h = sample_harness();
    // The menu bar comes first; the claim panel has a "Claim" heading too.
    h.get(by().label("Claim").role(Role::Button)).click();
    h.run();
    h.get_by_label("Suggest claims Ctrl+G").click();
    wait_for_suggestions(&mut h);
    assert!(h.query_by_label("Accept all visible").is_some());
    assert!(!h.state().visible_suggestions().is_empty());
}

#[test]
fn n_and_shift_n_move_through_the_list() {
    let mut h = sample_harness();
    open_suggestions(&mut h);
    let visible = h.state().visible_suggestions().to_vec();
    assert!(visible.len() >= 3);
    press(&mut h, Modifiers::NONE, Key::N);
    assert_eq!(current_quote(&h), Some(visible[0].quote.clone()));
    press(&mut h, Modifiers::NONE, Key::N);
    press(&mut h, Modifiers::NONE, Key::N);
    assert_eq!(current_quote(&h), Some(visible[2].quote.clone()));
    press(&mut h, Modifiers::SHIFT, Key::N);
    assert_eq!(current_quote(&h), Some(visible[1].quote.clone()));
    // N does not select claims or tag anything.
    assert!(h.state().claims.selected.is_none());
}

#[test]
fn a_accepts_with_speaker_and_chosen_status_and_undo_removes_it() {
    let mut h = sample_harness();
    open_suggestions(&mut h);
    let claims = claim_count(&h);
    let kirby = h
        .state()
        .visible_suggestions()
        .iter()
        .find(|s| s.speaker == "John Kirby")
        .cloned()
        .expect("a Kirby suggestion");
    // Pick it in the list and choose "suggested status".
    h.get_by_label_contains(&format!("John Kirby · {}", kirby.cue))
        .click();
    h.run();
    assert_eq!(current_quote(&h), Some(kirby.quote.clone()));
    h.get_by_label("suggested status").click();
    h.run();
    assert!(h.state().settings.accept_suggested_status);
    press(&mut h, Modifiers::NONE, Key::A);
    assert_eq!(claim_count(&h), claims + 1);
    let claim = h
        .state()
        .session
        .project
        .claims
        .iter()
        .find(|c| c.anchor.start == kirby.start && c.anchor.end == kirby.end)
        .cloned()
        .expect("accepted as a claim");
    assert_eq!(claim.speaker, "John Kirby");
    assert_eq!(claim.status, kirby.status);
    assert_eq!(claim.anchor.quote, kirby.quote);
    assert!(
        !h.state()
            .visible_suggestions()
            .iter()
            .any(|s| s.quote == kirby.quote),
        "accepted suggestions leave the list at once"
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(claim_count(&h), claims);
    assert!(
        h.state()
            .visible_suggestions()
            .iter()
            .any(|s| s.quote == kirby.quote),
        "undo brings the suggestion back"
    );
}

#[test]
fn accepting_as_unreviewed_is_the_default() {
    let mut h = sample_harness();
    open_suggestions(&mut h);
    press(&mut h, Modifiers::NONE, Key::N);
    let s = h.state().current_suggestion().cloned().expect("current");
    h.get_by_label("Accept suggestion").click();
    h.run();
    let c = h
        .state()
        .session
        .project
        .claims
        .iter()
        .find(|c| c.anchor.start == s.start && c.anchor.end == s.end)
        .cloned()
        .expect("accepted");
    assert_eq!(c.status, factdesk::core::model::Status::Unreviewed);
    assert_eq!(c.speaker, s.speaker);
}

#[test]
fn r_rejects_for_good_even_after_saving_and_reopening() {
    let mut h = sample_harness();
    open_suggestions(&mut h);
    let claims = claim_count(&h);
    press(&mut h, Modifiers::NONE, Key::N);
    press(&mut h, Modifiers::NONE, Key::N);
    let rejected = h.state().current_suggestion().cloned().expect("current");
    press(&mut h, Modifiers::NONE, Key::R);
    let gone = |h: &Harness<'static, FactdeskApp>| {
        !h.state()
            .visible_suggestions()
            .iter()
            .any(|s| s.start == rejected.start && s.end == rejected.end)
    };
    assert!(gone(&h));
    assert_eq!(claim_count(&h), claims, "a rejection adds no claim");
    // The next one becomes current, so R can be pressed again.
    assert!(h.state().current_suggestion().is_some());

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rejected.ron");
    store::save(&path, &h.state().session.project).expect("save");
    let reopened = store::load(&path).expect("load");
    let mut h2 = harness(app(reopened));
    open_suggestions(&mut h2);
    assert!(!h2.state().visible_suggestions().is_empty());
    assert!(gone(&h2), "rejections are kept in the project file");

    // Undo forgets the rejection.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(!gone(&h));
}

#[test]
fn shift_a_accepts_all_visible_as_one_undo_step() {
    let mut h = sample_harness();
    open_suggestions(&mut h);
    let claims = claim_count(&h);
    let visible = h.state().visible_suggestions().to_vec();
    let mut spans: Vec<(usize, usize)> = visible.iter().map(|s| (s.start, s.end)).collect();
    spans.dedup();
    press(&mut h, Modifiers::SHIFT, Key::A);
    assert_eq!(claim_count(&h), claims + spans.len());
    assert!(h.state().visible_suggestions().is_empty());
    assert!(h.query_by_label_contains("No suggestions left").is_some());
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(claim_count(&h), claims, "one undo step");
    assert_eq!(h.state().visible_suggestions().len(), visible.len());
}

#[test]
fn plain_keys_do_nothing_while_the_panel_is_closed() {
    let mut h = sample_harness();
    let claims = claim_count(&h);
    press(&mut h, Modifiers::NONE, Key::A);
    press(&mut h, Modifiers::SHIFT, Key::A);
    press(&mut h, Modifiers::NONE, Key::R);
    assert_eq!(claim_count(&h), claims);
    assert!(h.state().session.project.rejected_suggestions.is_empty());
}

#[test]
fn suggestion_offsets_are_chars_with_cjk_and_emoji() {
    let mut h = harness(app(project()));
    open_suggestions(&mut h);
    let visible = h.state().visible_suggestions().to_vec();
    assert!(!visible.is_empty());
    let chars: Vec<char> = BODY.chars().collect();
    for s in &visible {
        let text: String = chars[s.start..s.end].iter().collect();
        assert_eq!(text, s.quote);
    }
    press(&mut h, Modifiers::SHIFT, Key::A);
    for c in &h.state().session.project.claims {
        let text: String = chars[c.anchor.start..c.anchor.end].iter().collect();
        assert_eq!(text, c.anchor.quote);
    }
}

#[test]
fn clicking_a_suggestion_in_the_article_selects_it_in_the_panel() {
    let mut h = harness(app(project()));
    open_suggestions(&mut h);
    // The article opens with North Korea's denial.
    let para = 0;
    let covering = h
        .state()
        .visible_suggestions()
        .iter()
        .position(|s| s.start <= para + 1 && para + 1 < s.end)
        .unwrap_or_else(|| panic!("{:?}", h.state().visible_suggestions()));
    assert!(h.state().current_suggestion().is_none());
    let first = h
        .get_all_by_role(Role::MultilineTextInput)
        .next()
        .expect("first paragraph")
        .rect();
    let p = egui::pos2(first.left() + 12.0, first.top() + 10.0);
    h.drag_at(p);
    h.step();
    h.drop_at(p);
    h.run();
    let current = h.state().current_suggestion().cloned().expect("selected");
    assert_eq!(current, h.state().visible_suggestions()[covering]);
    assert!(h.state().session.project.claims.is_empty());
}

#[test]
fn suggestion_and_find_controls_have_accessible_names() {
    use egui_kittest::kittest::NodeT;
    let mut h = sample_harness();
    open_suggestions(&mut h);
    press(&mut h, Modifiers::COMMAND, Key::F);
    let unnamed: Vec<String> = h
        .query_all(by().predicate(|n| {
            matches!(
                n.role(),
                Role::Button | Role::RadioButton | Role::TextInput | Role::CheckBox
            ) && !n.is_hidden()
                && n.label().is_none_or(|l| l.trim().is_empty())
                && n.value().is_none_or(|v| v.trim().is_empty())
        }))
        .map(|n| format!("{:?}", n.accesskit_node().role()))
        .collect();
    assert!(unnamed.is_empty(), "controls without a name: {unnamed:?}");
    for label in [
        "⏶ Previous",
        "⏷ Next",
        "unreviewed",
        "suggested status",
        "Accept suggestion",
        "Reject suggestion",
        "Accept all visible",
        "Reject all visible",
        "Search suggestions",
        "Suggested ✔ Sourced",
        "Suggested ? Unreviewed",
    ] {
        h.get_by_label(label);
    }
    assert_eq!(h.get_all_by_label("✖ Close").count(), 2);
    // Each Close button closes its own part.
    h.get_all_by_label("✖ Close")
        .next()
        .expect("a Close")
        .click();
    h.run();
    let panel_open = h.query_by_label("Accept all visible").is_some();
    assert_ne!(panel_open, h.state().find_open(), "one of them closed");
    h.get_by_label("✖ Close").click();
    h.run();
    assert!(!h.state().find_open());
    assert!(h.query_by_label("Accept all visible").is_none());
}

#[test]
fn moving_the_current_suggestion_or_match_relays_out_only_the_blocks_it_touches() {
    let mut h = sample_harness();
    open_suggestions(&mut h);
    press(&mut h, Modifiers::NONE, Key::N);
    h.run();
    let before = h.state().layouts_built();
    h.run();
    assert_eq!(
        h.state().layouts_built(),
        before,
        "idle frames lay nothing out"
    );
    // The first two suggestions sit in different paragraphs: two blocks change.
    press(&mut h, Modifiers::NONE, Key::N);
    let after = h.state().layouts_built();
    assert!(after > before, "the emphasis moved");
    assert!(after - before <= 4, "laid out {} blocks", after - before);

    press(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Find text").type_text("wagner");
    h.run();
    assert!(h.state().find_count() >= 2);
    let before = h.state().layouts_built();
    press(&mut h, Modifiers::NONE, Key::F3);
    let after = h.state().layouts_built();
    assert!(after - before <= 4, "laid out {} blocks", after - before);
}

fn untick(h: &mut Harness<'static, FactdeskApp>, status: &str) {
    h.get_by_label(&format!("Suggested {status}")).click();
    h.run();
}

fn spans(list: &[factdesk::core::nlp::Suggestion]) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = list.iter().map(|s| (s.start, s.end)).collect();
    v.dedup();
    v
}

#[test]
fn filtering_to_denied_lists_navigates_and_accepts_only_denied_as_one_step() {
    use factdesk::core::model::Status;
    let mut h = sample_harness();
    open_suggestions(&mut h);
    let all = h.state().visible_suggestions().to_vec();
    let denied: Vec<_> = all
        .iter()
        .filter(|s| s.status == Status::Denied)
        .cloned()
        .collect();
    assert!(!denied.is_empty() && denied.len() < all.len());
    assert!(
        h.query_by_label(&format!("{0} of {0} shown", all.len()))
            .is_some()
    );
    for s in ["✔ Sourced", "⚠ Disputed", "? Unreviewed"] {
        untick(&mut h, s);
    }
    assert_eq!(h.state().visible_suggestions(), denied.as_slice());
    assert!(
        h.query_by_label(&format!("{} of {} shown", denied.len(), all.len()))
            .is_some()
    );
    assert_eq!(
        h.state().settings.suggest_filter.hidden,
        [Status::Unreviewed, Status::Sourced, Status::Disputed],
        "the filter is kept in the settings"
    );
    // N and Shift+N walk the denied ones only.
    for want in &denied {
        press(&mut h, Modifiers::NONE, Key::N);
        assert_eq!(current_quote(&h).as_ref(), Some(&want.quote));
    }
    press(&mut h, Modifiers::SHIFT, Key::N);
    if denied.len() > 1 {
        assert_eq!(
            current_quote(&h),
            Some(denied[denied.len() - 2].quote.clone())
        );
    }
    // Shift+A accepts those, with their suggested status, and nothing else.
    h.get_by_label("suggested status").click();
    h.run();
    let before = h.state().session.project.claims.clone();
    press(&mut h, Modifiers::SHIFT, Key::A);
    let added: Vec<_> = h
        .state()
        .session
        .project
        .claims
        .iter()
        .filter(|c| !before.iter().any(|b| b.id == c.id))
        .cloned()
        .collect();
    assert_eq!(added.len(), spans(&denied).len());
    for c in &added {
        assert_eq!(c.status, Status::Denied, "{}", c.anchor.quote);
        assert!(
            denied
                .iter()
                .any(|s| s.start == c.anchor.start && s.end == c.anchor.end)
        );
    }
    assert!(h.state().visible_suggestions().is_empty());
    // The other statuses are still proposed: clearing the filter shows them.
    h.get_by_label("Show all").click();
    h.run();
    let rest = h.state().visible_suggestions().to_vec();
    assert!(!rest.is_empty());
    assert!(rest.iter().all(|s| s.status != Status::Denied));
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().session.project.claims, before, "one undo step");
    assert_eq!(h.state().visible_suggestions(), all.as_slice());
}

#[test]
fn a_minimum_score_hides_low_scores() {
    let mut h = sample_harness();
    open_suggestions(&mut h);
    let all = h.state().visible_suggestions().to_vec();
    let high = all.iter().filter(|s| s.score >= 0.5).count();
    assert!(high > 0 && high < all.len(), "the sample has low scores");
    h.get_by_role_and_label(Role::Slider, "Minimum score")
        .set_value_accesskit(0.5);
    h.run();
    let visible = h.state().visible_suggestions().to_vec();
    assert_eq!(visible.len(), high);
    assert!(visible.iter().all(|s| s.score >= 0.5));
    assert_eq!(h.state().settings.suggest_filter.min_score, 0.5);
    assert!(
        h.query_by_label(&format!("{high} of {} shown", all.len()))
            .is_some()
    );
    // Rejecting nothing: the hidden ones stay proposed.
    assert!(h.state().session.project.rejected_suggestions.is_empty());
}

#[test]
fn searching_for_kirby_leaves_only_his_and_accept_all_takes_only_those() {
    let mut h = sample_harness();
    open_suggestions(&mut h);
    let all = h.state().visible_suggestions().to_vec();
    let kirby: Vec<_> = all
        .iter()
        .filter(|s| s.speaker == "John Kirby")
        .cloned()
        .collect();
    assert!(!kirby.is_empty());
    h.get_by_label("Search suggestions").focus();
    h.get_by_label("Search suggestions").type_text("Kirby");
    h.run();
    assert_eq!(h.state().visible_suggestions(), kirby.as_slice());
    // R and Shift+R in the field are text, not rejections.
    press(&mut h, Modifiers::NONE, Key::R);
    press(&mut h, Modifiers::SHIFT, Key::R);
    assert!(h.get_by_label("Search suggestions").is_focused());
    assert!(h.state().session.project.rejected_suggestions.is_empty());
    // Case and accents are ignored.
    replace_text(&mut h, "Search suggestions", "KÍRBY");
    assert_eq!(h.state().visible_suggestions(), kirby.as_slice());
    h.get_by_label("Accept all visible").click();
    h.run();
    let claims = &h.state().session.project.claims;
    assert_eq!(claims.len(), spans(&kirby).len());
    assert!(claims.iter().all(
        |c| c.speaker == "John Kirby" && c.status == factdesk::core::model::Status::Unreviewed
    ));
}

#[test]
fn reject_all_visible_is_one_undo_step_and_stays_rejected() {
    use factdesk::core::model::Status;
    let mut h = sample_harness();
    open_suggestions(&mut h);
    let all = h.state().visible_suggestions().to_vec();
    for s in ["✔ Sourced", "✖ Denied", "? Unreviewed"] {
        untick(&mut h, s);
    }
    let disputed = h.state().visible_suggestions().to_vec();
    assert!(!disputed.is_empty());
    assert!(disputed.iter().all(|s| s.status == Status::Disputed));
    let claims = claim_count(&h);
    press(&mut h, Modifiers::SHIFT, Key::R);
    assert_eq!(claim_count(&h), claims, "rejecting adds no claim");
    assert_eq!(
        h.state().session.project.rejected_suggestions.len(),
        spans(&disputed).len()
    );
    assert!(h.state().visible_suggestions().is_empty());
    let rejected = |h: &Harness<'static, FactdeskApp>, s: &factdesk::core::nlp::Suggestion| {
        h.state()
            .session
            .project
            .rejected_suggestions
            .iter()
            .any(|r| r.matches(s))
    };
    // Showing every status again does not bring them back; the others are untouched.
    h.get_by_label("Show all").click();
    h.run();
    let left = h.state().visible_suggestions().to_vec();
    assert_eq!(left.len(), all.len() - disputed.len());
    assert!(left.iter().all(|s| s.status != Status::Disputed));
    assert!(left.iter().all(|s| !rejected(&h, s)));
    // Saved and reopened, they stay rejected.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rejected-all.ron");
    store::save(&path, &h.state().session.project).expect("save");
    let mut h2 = harness(app(store::load(&path).expect("load")));
    open_suggestions(&mut h2);
    assert_eq!(h2.state().visible_suggestions(), left.as_slice());
    // One undo step brings all of them back, redo rejects them all again.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(h.state().session.project.rejected_suggestions.is_empty());
    assert_eq!(h.state().visible_suggestions(), all.as_slice());
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert!(disputed.iter().all(|s| rejected(&h, s)));
    assert_eq!(h.state().visible_suggestions(), left.as_slice());
}
