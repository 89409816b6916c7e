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
    h.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    let kwon = find_claim(&h, "Kwon Jong Gun").map(|c| c.id.clone());
    assert!(kwon.is_some());
    assert_eq!(
        h.state().claims.selected,
        kwon,
        "the quick click selected the claim"
    );
}
