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
            Some(Action::set_status(&claim_id(*claim)?, s, ""))
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

/// One step of a desk where the app and command-line writers share a project file.
#[derive(Debug, Clone)]
enum Desk {
    /// A command adds a claim (read, change, save under the write lock).
    Cli(usize),
    /// The analyst adds a claim in the app (unsaved until the next save).
    GuiEdit(usize),
    /// The app saves.
    GuiSave,
}

/// Adds a claim over `start..start+3` of the first article; returns its id.
fn add_claim(project: &mut Project, start: usize) -> Option<String> {
    let art = project.articles.first()?.id.clone();
    let len = project.articles[0].char_len();
    let start = start % len.saturating_sub(3).max(1);
    let action =
        Action::add_claim(project, &art, start..start + 3, false, Timestamp::now()).ok()?;
    let Action::AddClaim { claim } = &action else {
        return None;
    };
    let id = claim.id.0.clone();
    factdesk::core::action::apply(project, action).ok()?;
    Some(id)
}

/// The app's save as a careful person uses it: when the file changed on disk, reload it, redo
/// the unsaved claims on top and save again. Never an overwrite.
fn gui_save(
    file: &mut store::ProjectFile,
    project: &mut Project,
    pending: &mut Vec<usize>,
    saved: &mut Vec<String>,
) {
    loop {
        match file.save(project) {
            Ok(()) => {
                saved.extend(project.claims.iter().map(|c| c.id.0.clone()));
                pending.clear();
                return;
            }
            Err(store::SaveError::ChangedOnDisk { .. }) => {
                *project = file.reload().expect("reload");
                for start in pending.iter() {
                    add_claim(project, *start).expect("redo");
                }
            }
            Err(e) => panic!("save failed: {e}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// App saves interleaved with command-line writers, some of them running at the same time
    /// on other threads: every write that reported success is in the final file.
    #[test]
    fn app_saves_and_command_writers_lose_nothing(
        steps in prop::collection::vec(
            prop_oneof![
                (0usize..60).prop_map(Desk::Cli),
                (0usize..60).prop_map(Desk::GuiEdit),
                Just(Desk::GuiSave),
            ],
            1..24,
        ),
        background in 0usize..3,
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.ron");
        let mut p = Project::new("desk");
        p.articles.push(Article::new(
            ArticleMeta::default(),
            "North Korea denied supplying rockets and missiles to the Wagner group, said KCNA.",
        ));
        store::save(&path, &p).expect("save");
        let (mut file, mut project) = store::ProjectFile::open(&path).expect("open");
        let cli_add = |start: usize| -> String {
            store::update(&path, |p| -> Result<String, store::StoreError> {
                Ok(add_claim(p, start).expect("claim"))
            })
            .expect("command write")
        };
        let mut cli_ids = Vec::new();
        let mut gui_saved = Vec::new();
        let mut pending = Vec::new();
        let background_ids = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..background)
                .map(|t| scope.spawn(move || (0..4).map(|i| cli_add(t * 7 + i * 3)).collect::<Vec<_>>()))
                .collect();
            for step in &steps {
                match step {
                    Desk::Cli(start) => cli_ids.push(cli_add(*start)),
                    Desk::GuiEdit(start) => {
                        add_claim(&mut project, *start).expect("edit");
                        pending.push(*start);
                    }
                    Desk::GuiSave => gui_save(&mut file, &mut project, &mut pending, &mut gui_saved),
                }
            }
            workers
                .into_iter()
                .flat_map(|w| w.join().expect("worker"))
                .collect::<Vec<_>>()
        });
        gui_save(&mut file, &mut project, &mut pending, &mut gui_saved);
        let on_disk = store::load(&path).expect("load");
        let ids: std::collections::HashSet<&str> =
            on_disk.claims.iter().map(|c| c.id.0.as_str()).collect();
        for id in cli_ids.iter().chain(&background_ids) {
            prop_assert!(ids.contains(id.as_str()), "command write {} lost", id);
        }
        prop_assert_eq!(&on_disk, &project, "the app's last save is what is on disk");
        drop(file);
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp") || n.ends_with(".lock"))
            .collect();
        prop_assert!(left.is_empty(), "left behind: {:?}", left);
    }
}
