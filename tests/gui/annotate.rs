//! GUI flows of annotating: drag-select and mark, mark sentence, click a highlight, tag by button
//! and key, edit speaker / sources / note, delete, filter and search, undo and redo.

use crate::common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use factdesk::core::model::Status;

fn is_word_edge(body: &str, quote: &str) -> bool {
    let Some(at) = body.find(quote) else {
        return false;
    };
    let before = body[..at].chars().next_back();
    let after = body[at + quote.len()..].chars().next();
    let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !inner(before) && !inner(after) && quote.trim() == quote
}

/// Drags across the first article block from `from` to `to` (fractions of its width).
fn drag_in_first_block(
    h: &mut egui_kittest::Harness<'static, factdesk::ui::FactdeskApp>,
    from: f32,
    to: f32,
) {
    let rect = h
        .get_all_by_role(Role::MultilineTextInput)
        .next()
        .expect("article text")
        .rect();
    let y = rect.top() + 10.0;
    let a = egui::pos2(rect.left() + rect.width() * from, y);
    let b = egui::pos2(rect.left() + rect.width() * to, y);
    h.drag_at(a);
    h.step();
    h.hover_at(egui::pos2((a.x + b.x) / 2.0, y));
    h.step();
    h.hover_at(b);
    h.step();
    h.drop_at(b);
    h.run();
}

#[test]
fn drag_select_then_mark_claim_button_snaps_to_words() {
    let mut h = harness(app(project()));
    drag_in_first_block(&mut h, 0.03, 0.3);
    assert!(
        h.state().article.selection.is_some(),
        "the drag selected text"
    );
    h.get_by_label("Mark claim").click();
    h.run();
    let claims = &h.state().session.project.claims;
    assert_eq!(claims.len(), 1);
    let quote = &claims[0].anchor.quote;
    assert!(
        is_word_edge(BODY, quote),
        "snapped to whole words: {quote:?}"
    );
    assert!(quote.starts_with("North"), "{quote:?}");
    assert_eq!(h.state().claims.selected.as_ref(), Some(&claims[0].id));
    assert!(h.state().session.is_dirty());
}

#[test]
fn drag_select_then_m_key_marks() {
    let mut h = harness(app(project()));
    drag_in_first_block(&mut h, 0.1, 0.5);
    h.key_press(Key::M);
    h.run();
    assert_eq!(h.state().session.project.claims.len(), 1);
}

#[test]
fn shift_m_marks_the_sentence_at_the_cursor() {
    let mut h = harness(app(project()));
    let second = h
        .get_all_by_role(Role::MultilineTextInput)
        .nth(1)
        .expect("second paragraph")
        .rect();
    h.get_all_by_role(Role::MultilineTextInput)
        .nth(1)
        .expect("block");
    let p = egui::pos2(second.left() + 30.0, second.top() + 10.0);
    h.drag_at(p);
    h.step();
    h.drop_at(p);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::M);
    h.run();
    let claims = &h.state().session.project.claims;
    assert_eq!(claims.len(), 1);
    assert_eq!(
        claims[0].anchor.quote,
        "Kwon Jong Gun said the claim was a “self-made rumour”."
    );
}

#[test]
fn shift_m_uses_the_articles_language_for_the_sentence() {
    // German rules read "3. Oktober" as a date; English ones end a sentence after "3.".
    for (lang, want) in [("de", "Es kam am 3. Oktober an."), ("en", "Es kam am 3.")] {
        let mut p = factdesk::core::model::Project::new("Sprache");
        p.articles.push(factdesk::core::model::Article::new(
            factdesk::core::model::ArticleMeta {
                title: "Ankunft".into(),
                lang: lang.into(),
                ..Default::default()
            },
            "Es kam am 3. Oktober an. Dann ging er.",
        ));
        let mut h = harness(app(p));
        let block = h
            .get_all_by_role(Role::MultilineTextInput)
            .next()
            .expect("article text")
            .rect();
        // On "Es", the first word.
        let at = egui::pos2(block.left() + 6.0, block.top() + 10.0);
        h.drag_at(at);
        h.step();
        h.drop_at(at);
        h.run();
        h.key_press_modifiers(Modifiers::SHIFT, Key::M);
        h.run();
        let claims = &h.state().session.project.claims;
        assert_eq!(claims.len(), 1, "lang {lang}");
        assert_eq!(claims[0].anchor.quote, want, "lang {lang}");
    }
}

#[test]
fn clicking_a_highlight_selects_its_claim() {
    let mut h = harness(app(project_with_claims()));
    assert!(h.state().claims.selected.is_none());
    // "Kwon Jong Gun" starts the second paragraph.
    let second = h
        .get_all_by_role(Role::MultilineTextInput)
        .nth(1)
        .expect("block")
        .rect();
    let p = egui::pos2(second.left() + 12.0, second.top() + 10.0);
    h.drag_at(p);
    h.step();
    h.drop_at(p);
    h.run();
    let id = h
        .state()
        .claims
        .selected
        .clone()
        .expect("a claim got selected");
    let c = h.state().session.project.claim(&id).expect("exists");
    assert_eq!(c.anchor.quote, "Kwon Jong Gun");
}

#[test]
fn tag_by_button_and_by_key() {
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Wagner group");
    h.get_by_label("Disputed").click();
    h.run();
    assert_eq!(claim_status(&h, "Wagner group"), Some(Status::Disputed));
    for (key, status) in [
        (Key::Num1, Status::Sourced),
        (Key::Num3, Status::Denied),
        (Key::Num2, Status::Disputed),
        (Key::Num0, Status::Unreviewed),
    ] {
        h.key_press(key);
        h.run();
        assert_eq!(claim_status(&h, "Wagner group"), Some(status));
    }
}

#[test]
fn edit_speaker_sources_and_note_typing_is_one_undo_step() {
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Wagner group");
    let steps = h.state().session.history.undo_len();
    replace_text(&mut h, "Speaker", "Kim");
    h.get_by_label("Speaker").type_text(" Yo Jong");
    h.run();
    let speaker = |h: &egui_kittest::Harness<'static, factdesk::ui::FactdeskApp>| {
        h.state()
            .session
            .project
            .claims
            .iter()
            .find(|c| c.anchor.quote == "Wagner group")
            .map(|c| c.speaker.clone())
    };
    assert_eq!(speaker(&h).as_deref(), Some("Kim Yo Jong"));
    assert_eq!(
        h.state().session.history.undo_len(),
        steps + 1,
        "typing merged"
    );
    // Typing a digit in a field types it; it does not tag.
    h.get_by_label("Speaker").type_text("1");
    h.run();
    assert_eq!(claim_status(&h, "Wagner group"), Some(Status::Unreviewed));

    h.get_by_label("Add source").click();
    h.run();
    replace_text(&mut h, "Source URL", "https://kcna.kp/statement");
    replace_text(&mut h, "Source title", "KCNA statement");
    replace_text(&mut h, "Note", "Denial relayed by state media");
    let c = h
        .state()
        .session
        .project
        .claims
        .iter()
        .find(|c| c.anchor.quote == "Wagner group")
        .cloned()
        .expect("claim");
    assert_eq!(c.sources.len(), 1);
    assert_eq!(c.sources[0].url, "https://kcna.kp/statement");
    assert_eq!(c.sources[0].title, "KCNA statement");
    assert_eq!(c.note, "Denial relayed by state media");
    // One undo takes back the whole note.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let c = h
        .state()
        .session
        .project
        .claims
        .iter()
        .find(|c| c.anchor.quote == "Wagner group")
        .cloned()
        .expect("claim");
    assert_eq!(c.note, "");
    assert_eq!(c.sources[0].title, "KCNA statement");
}

#[test]
fn delete_by_button_and_key_then_undo_redo() {
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Wagner group");
    h.get_by_label("Delete claim").click();
    h.run();
    assert_eq!(h.state().session.project.claims.len(), 2);
    assert!(h.state().claims.selected.is_none());
    click_row(&mut h, "Kwon Jong Gun");
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().session.project.claims.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.claims.len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().session.project.claims.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().session.project.claims.len(), 1);
}

#[test]
fn filter_by_status_and_search() {
    let mut h = harness(app(project_with_claims()));
    assert!(h.query_by_label_contains("“Wagner group").is_some());
    h.get_by_role_and_label(Role::CheckBox, "? Unreviewed")
        .click();
    h.run();
    assert!(
        h.query_by_label_contains("“Wagner group").is_none(),
        "unreviewed hidden"
    );
    assert!(h.query_by_label_contains("“Kwon Jong Gun").is_some());
    h.get_by_role_and_label(Role::CheckBox, "? Unreviewed")
        .click();
    h.run();
    h.get_by_label("Search").focus();
    h.get_by_label("Search").type_text("kcna");
    h.run();
    assert!(
        h.query_by_label_contains("“Kwon Jong Gun").is_some(),
        "speaker matched"
    );
    assert!(h.query_by_label_contains("“Wagner group").is_none());
    assert!(h.query_by_label_contains("“北朝鮮").is_none());
}

#[test]
fn selecting_a_row_selects_the_claim_and_j_k_step_through_the_list() {
    let mut h = harness(app(project_with_claims()));
    click_row(&mut h, "Wagner group");
    let first = h.state().claims.selected.clone();
    h.key_press(Key::J);
    h.run();
    let second = h.state().claims.selected.clone();
    assert_ne!(first, second);
    h.key_press(Key::K);
    h.run();
    assert_eq!(h.state().claims.selected, first);
}
