//! Shared set-up for the GUI flow tests: a small project and a headless harness over the real app.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factdesk::core::action::Action;
use factdesk::core::model::{Article, ArticleMeta, Claim, Project, Status};
use factdesk::core::session::Session;
use factdesk::core::time::Timestamp;
use factdesk::ui::{FactdeskApp, Settings};

/// Curly quotes, an accent, CJK and emoji, so offsets in chars and bytes differ.
pub const BODY: &str = "North Korea on Sunday denied supplying “rockets and missiles” to Russia’s Wagner group 🚀.\n\nKwon Jong Gun said the claim was a “self-made rumour”. Seoul’s café owners shrugged. 北朝鮮 denied it again.";

pub fn project() -> Project {
    let mut p = Project::new("Test desk");
    p.articles.push(Article::new(
        ArticleMeta {
            title: "North Korea denies arms".into(),
            ..ArticleMeta::default()
        },
        BODY,
    ));
    p
}

/// A project with three claims: "Kwon Jong Gun" (sourced, speaker KCNA), "北朝鮮 denied it again"
/// (denied) and "Wagner group" (unreviewed).
pub fn project_with_claims() -> Project {
    with_claims(
        project(),
        0,
        &[
            ("Kwon Jong Gun", Status::Sourced, "KCNA"),
            ("北朝鮮 denied it again", Status::Denied, ""),
            ("Wagner group", Status::Unreviewed, "John Kirby"),
        ],
    )
}

/// `p` with claims added by quote (first occurrence) to its article `ai`, each with its status
/// and speaker, through the same `Session::edit` the app uses.
pub fn with_claims(p: Project, ai: usize, claims: &[(&str, Status, &str)]) -> Project {
    let mut s = Session::opened(p, None);
    let art = s.project.articles[ai].id.clone();
    for (quote, status, speaker) in claims {
        let act = Action::add_claim_by_quote(&s.project, &art, quote, 1, Timestamp::now())
            .expect("quote in body");
        let Action::AddClaim { mut claim } = act else {
            panic!("not an AddClaim")
        };
        claim.status = *status;
        claim.speaker = (*speaker).into();
        s.edit(Action::AddClaim { claim }).expect("add");
    }
    s.project
}

pub fn app(project: Project) -> FactdeskApp {
    FactdeskApp::new(Session::opened(project, None), Settings::headless())
}

pub fn harness(app: FactdeskApp) -> Harness<'static, FactdeskApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        // CJK needs a system font; the default fonts draw it as boxes, which is fine here.
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut FactdeskApp| app.show(ui), app);
    h.run();
    h
}

/// Clicks the claim-list row whose text contains `quote`.
pub fn click_row(h: &mut Harness<'static, FactdeskApp>, quote: &str) {
    h.get_by_label_contains(&format!("“{quote}")).click();
    h.run();
}

/// The claim whose quote is exactly `quote`, if there is one.
pub fn find_claim<'a>(h: &'a Harness<'static, FactdeskApp>, quote: &str) -> Option<&'a Claim> {
    h.state()
        .session
        .project
        .claims
        .iter()
        .find(|c| c.anchor.quote == quote)
}

pub fn claim_status(h: &Harness<'static, FactdeskApp>, quote: &str) -> Option<Status> {
    find_claim(h, quote).map(|c| c.status)
}

/// Replaces the text of the focused field (select all, then type).
pub fn replace_text(h: &mut Harness<'static, FactdeskApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Presses a key with modifiers and lets the app handle it.
pub fn press(h: &mut Harness<'static, FactdeskApp>, modifiers: egui::Modifiers, key: egui::Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// A file dropped on the window.
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
