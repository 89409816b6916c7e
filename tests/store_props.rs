//! Property tests: save then load is the identity for arbitrary unicode projects; undo then redo
//! restores exactly; anchors stay valid through any sequence of actions.

use factdesk::core::action::{Action, ClaimEdit};
use factdesk::core::model::{Article, ArticleMeta, Project, Source, Status};
use factdesk::core::session::Session;
use factdesk::core::store;
use factdesk::core::time::Timestamp;
use proptest::prelude::*;
use std::path::Path;

/// Text mixing ASCII, accents, curly quotes, CJK, emoji, newlines and control characters.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-z ]{1,8}",
            Just("“quoted”".to_string()),
            Just("é à ñ".to_string()),
            Just("北朝鮮".to_string()),
            Just("🚀👩‍👩‍👧".to_string()),
            Just("\n".to_string()),
            Just("\\ \" ' \t\u{0} \u{7f}".to_string()),
            any::<String>(),
        ],
        0..12,
    )
    .prop_map(|v| v.concat())
}

#[derive(Debug, Clone)]
enum Op {
    AddClaim {
        art: usize,
        start: usize,
        len: usize,
    },
    SetStatus {
        claim: usize,
        status: u8,
    },
    Speaker {
        claim: usize,
        text: String,
    },
    Source {
        claim: usize,
        url: String,
    },
    Remove {
        claim: usize,
    },
    RemoveArticle {
        art: usize,
    },
    AddArticle {
        body: String,
    },
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..4usize, 0..200usize, 1..40usize)
            .prop_map(|(art, start, len)| Op::AddClaim { art, start, len }),
        2 => (0..20usize, 0..4u8).prop_map(|(claim, status)| Op::SetStatus { claim, status }),
        1 => (0..20usize, text()).prop_map(|(claim, text)| Op::Speaker { claim, text }),
        1 => (0..20usize, text()).prop_map(|(claim, url)| Op::Source { claim, url }),
        1 => (0..20usize).prop_map(|claim| Op::Remove { claim }),
        1 => (0..4usize).prop_map(|art| Op::RemoveArticle { art }),
        1 => text().prop_map(|body| Op::AddArticle { body }),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

fn to_action(p: &Project, op: &Op) -> Option<Action> {
    let claim_id = |i: usize| Some(p.claims.get(i % p.claims.len().max(1))?.id.clone());
    match op {
        Op::AddClaim { art, start, len } => {
            let a = p.articles.get(art % p.articles.len().max(1))?;
            let n = a.char_len().max(1);
            let s = start % n;
            let id = a.id.clone();
            Action::add_claim(p, &id, s..(s + len).min(n), true, Timestamp::now()).ok()
        }
        Op::SetStatus { claim, status } => {
            let s = [
                Status::Unreviewed,
                Status::Sourced,
                Status::Disputed,
                Status::Denied,
            ][usize::from(*status) % 4];
            Some(Action::edit_claim(&claim_id(*claim)?, ClaimEdit::Status(s)))
        }
        Op::Speaker { claim, text } => Some(Action::edit_claim(
            &claim_id(*claim)?,
            ClaimEdit::Speaker(text.clone()),
        )),
        Op::Source { claim, url } => Some(Action::edit_claim(
            &claim_id(*claim)?,
            ClaimEdit::Sources(vec![Source::from_url(url)]),
        )),
        Op::Remove { claim } => Some(Action::RemoveClaim {
            id: claim_id(*claim)?,
        }),
        Op::RemoveArticle { art } => Some(Action::RemoveArticle {
            id: p.articles.get(art % p.articles.len().max(1))?.id.clone(),
        }),
        Op::AddArticle { body } => Some(Action::AddArticle {
            article: Box::new(Article::new(ArticleMeta::default(), body)),
        }),
        Op::Undo | Op::Redo => None,
    }
}

fn start_project(title: &str, bodies: &[String]) -> Project {
    let mut p = Project::new(title);
    for b in bodies {
        p.articles.push(Article::new(ArticleMeta::default(), b));
    }
    p
}

fn run(ops: &[Op], session: &mut Session) {
    for o in ops {
        match o {
            Op::Undo => {
                let _ = session.undo();
            }
            Op::Redo => {
                let _ = session.redo();
            }
            _ => {
                if let Some(a) = to_action(&session.project, o) {
                    let _ = session.edit(a);
                }
            }
        }
        let problems = store::check(&session.project);
        assert!(problems.is_empty(), "after {o:?}: {problems:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn save_then_load_is_identity(
        title in text(),
        bodies in prop::collection::vec(text(), 0..4),
        ops in prop::collection::vec(op(), 0..30),
    ) {
        let mut session = Session::unsaved(start_project(&title, &bodies));
        run(&ops, &mut session);
        let s = store::to_ron_string(&session.project).expect("serialise");
        let back = store::from_ron_str(&s, Path::new("p.ron")).expect("parse");
        prop_assert_eq!(&back, &session.project);
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        store::save(&path, &session.project).expect("save");
        prop_assert_eq!(store::load(&path).expect("load"), session.project);
    }

    #[test]
    fn undo_then_redo_restores_exactly(
        bodies in prop::collection::vec(text(), 1..4),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let mut session = Session::unsaved(start_project("u", &bodies));
        run(&ops, &mut session);
        let after = session.project.clone();
        let mut undone = 0;
        while session.undo().expect("undo") {
            undone += 1;
        }
        for _ in 0..undone {
            prop_assert!(session.redo().expect("redo"));
        }
        prop_assert_eq!(session.project, after);
    }
}
