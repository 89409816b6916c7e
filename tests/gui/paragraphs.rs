//! Claims across paragraphs: a drag that starts in one paragraph and ends in the next, or a
//! Shift+click in another paragraph, selects across them, and M marks the whole span.

use crate::common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn blocks(h: &egui_kittest::Harness<'static, factdesk::ui::FactdeskApp>) -> Vec<egui::Rect> {
    h.get_all_by_role(Role::MultilineTextInput)
        .map(|n| n.rect())
        .collect()
}

/// A primary click at `at`: press and release in separate frames, or in one frame (`frame_between`
/// false) as a quick click on a real mouse often lands.
fn click_at(
    h: &mut egui_kittest::Harness<'static, factdesk::ui::FactdeskApp>,
    at: egui::Pos2,
    frame_between: bool,
) {
    h.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        if frame_between {
            h.step();
        }
    }
    h.run();
}

#[test]
fn a_drag_from_one_paragraph_into_the_next_marks_both_parts() {
    let mut h = harness(app(project()));
    let b = blocks(&h);
    assert!(b.len() >= 2, "the body has two paragraphs");
    let from = egui::pos2(b[0].left() + 2.0, b[0].top() + 8.0);
    let to = egui::pos2(b[1].left() + b[1].width() * 0.2, b[1].top() + 8.0);
    h.drag_at(from);
    h.step();
    h.hover_at(egui::pos2(from.x + 40.0, from.y));
    h.step();
    h.hover_at(egui::pos2(to.x, (from.y + to.y) / 2.0));
    h.step();
    h.hover_at(to);
    h.step();
    h.drop_at(to);
    h.run();
    let sel = h.state().article.selection.clone().expect("a selection");
    let first_end = BODY.split("\n\n").next().map_or(0, |p| p.chars().count());
    assert!(
        sel.range.start < first_end && sel.range.end > first_end + 2,
        "the selection {:?} crosses the paragraph break at {first_end}",
        sel.range
    );
    h.key_press(Key::M);
    h.run();
    let claims = &h.state().session.project.claims;
    assert_eq!(claims.len(), 1, "M marked one claim");
    let quote = &claims[0].anchor.quote;
    assert!(quote.starts_with("North Korea"), "{quote:?}");
    assert!(
        quote.contains("Kwon"),
        "the claim runs into the second paragraph: {quote:?}"
    );
}

#[test]
fn shift_click_in_another_paragraph_extends_the_selection() {
    let mut h = harness(app(project()));
    let b = blocks(&h);
    // The cursor at the start of the first paragraph, then Shift+click into the second.
    h.get_all_by_role(Role::MultilineTextInput)
        .next()
        .expect("first paragraph")
        .click();
    h.run();
    let at = egui::pos2(b[1].left() + b[1].width() * 0.25, b[1].top() + 8.0);
    h.event(egui::Event::PointerMoved(at));
    h.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::SHIFT,
    });
    h.step();
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::SHIFT,
    });
    h.step();
    h.event(egui::Event::ModifiersChanged(Modifiers::default()));
    h.run();
    let sel = h.state().article.selection.clone().expect("a selection");
    let first_end = BODY.split("\n\n").next().map_or(0, |p| p.chars().count());
    assert!(
        sel.range.end > first_end + 2,
        "Shift+click carried the selection into the second paragraph: {:?}",
        sel.range
    );
    // It stays: the second paragraph's own field does not replace it with its own.
    h.run();
    assert_eq!(
        h.state()
            .article
            .selection
            .as_ref()
            .map(|s| s.range.clone()),
        Some(sel.range)
    );
}

#[test]
fn one_quick_click_on_a_highlight_selects_its_claim() {
    let mut h = harness(app(project_with_claims()));
    let b = blocks(&h);
    // "Kwon Jong Gun" opens the second paragraph: press and release in the same frame, as a
    // quick click on a real mouse often lands.
    let at = egui::pos2(b[1].left() + 12.0, b[1].top() + 8.0);
    click_at(&mut h, at, false);
    let kwon = find_claim(&h, "Kwon Jong Gun").map(|c| c.id.clone());
    assert!(kwon.is_some());
    assert_eq!(
        h.state().claims.selected,
        kwon,
        "the quick click selected the claim"
    );
}

#[test]
fn shift_arrows_carry_a_selection_into_the_next_paragraph_and_back() {
    let mut h = harness(app(project()));
    let first_end = BODY.split("\n\n").next().map_or(0, |p| p.chars().count());
    let second_start = first_end + 2;
    // The cursor ten characters before the end of the first paragraph.
    h.get_all_by_role(Role::MultilineTextInput)
        .next()
        .expect("first paragraph")
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.run();
    for _ in 0..10 {
        h.key_press(Key::ArrowLeft);
        h.run();
    }
    let press = |h: &mut egui_kittest::Harness<'static, factdesk::ui::FactdeskApp>, key, n| {
        for _ in 0..n {
            h.key_press_modifiers(Modifiers::SHIFT, key);
            h.run();
        }
    };
    let range = |h: &egui_kittest::Harness<'static, factdesk::ui::FactdeskApp>| {
        h.state()
            .article
            .selection
            .as_ref()
            .map(|s| s.range.clone())
    };
    // To the end of the paragraph, then on: over the break into the second one.
    press(&mut h, Key::ArrowRight, 10);
    assert_eq!(range(&h), Some(first_end - 10..first_end));
    press(&mut h, Key::ArrowRight, 1);
    assert_eq!(range(&h), Some(first_end - 10..second_start));
    press(&mut h, Key::ArrowRight, 4);
    assert_eq!(
        range(&h),
        Some(first_end - 10..second_start + 4),
        "Shift+Right goes on inside the second paragraph"
    );
    // Ctrl+C copies all of it, not only the second paragraph's part.
    h.event(egui::Event::Copy);
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let expected: String = BODY
        .chars()
        .skip(first_end - 10)
        .take(second_start + 4 - (first_end - 10))
        .collect();
    assert!(
        copied.contains(&expected),
        "copied {copied:?}, expected {expected:?}"
    );
    // And back: into the first paragraph again.
    press(&mut h, Key::ArrowLeft, 5);
    assert_eq!(range(&h), Some(first_end - 10..first_end));
    // Down from the first paragraph's last row carries it forward again, keeping the column: into
    // the second paragraph's first row, past its start.
    press(&mut h, Key::ArrowDown, 1);
    let down = range(&h).expect("a selection");
    assert_eq!(down.start, first_end - 10);
    assert!(
        down.end > second_start + 4,
        "Shift+Down kept the column: {down:?}"
    );
    // Up goes back into the first paragraph; then on into the second again, and M marks the span.
    press(&mut h, Key::ArrowUp, 1);
    assert_eq!(range(&h).map(|r| r.start), Some(first_end - 10));
    press(&mut h, Key::ArrowRight, 10);
    press(&mut h, Key::ArrowRight, 5);
    h.key_press(Key::M);
    h.run();
    let claims = &h.state().session.project.claims;
    assert_eq!(claims.len(), 1, "M marked one claim");
    let quote = &claims[0].anchor.quote;
    assert!(
        quote.starts_with("Wagner group") && quote.contains("\n\nKwon"),
        "the claim runs from the first paragraph into the second: {quote:?}"
    );
}

#[test]
fn shift_right_carries_a_selection_into_a_block_below_the_view() {
    // A paragraph far taller than the article view: the block after the first is not drawn when
    // the cursor sits at the first one's end.
    let long: String = (0..300)
        .map(|i| format!("Sentence {i} of the long report was read aloud."))
        .collect::<Vec<_>>()
        .join(" ");
    let body = format!("{long}\n\nKwon Jong Gun said the claim was a rumour.");
    let mut p = factdesk::core::model::Project::new("Long");
    p.articles.push(factdesk::core::model::Article::new(
        Default::default(),
        &body,
    ));
    let mut h = harness(app(p));
    // Click the first line of the first block (its centre is far below the view).
    let b = blocks(&h);
    let at = egui::pos2(b[0].left() + 20.0, b[0].top() + 8.0);
    click_at(&mut h, at, true);
    // Cmd/Ctrl+Down: the end of the block's text (egui's "end of text").
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    h.run();
    // The view splits a paragraph into blocks of about 4,000 bytes, at a space.
    let first_end = long
        .char_indices()
        .find(|&(i, c)| i >= 4000 && c == ' ')
        .map(|(i, _)| i + 1)
        .expect("a split");
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
        h.run();
    }
    let sel = h.state().article.selection.clone().expect("a selection");
    assert_eq!(
        sel.range,
        first_end..first_end + 3,
        "the keys went on into the block below and three characters into it"
    );
}
