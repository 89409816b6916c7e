//! Accepting and rejecting suggestions: undoable actions, rejections saved with the project and
//! never proposed again, accepted ones no longer proposed.

use factdesk::core::model::{Article, ArticleMeta, Project, Status};
use factdesk::core::nlp::{
    AcceptAs, accept_action, accept_all_action, filter_known, reject_action, reject_all_action,
    suggest_article, suggest_project,
};
use factdesk::core::session::Session;
use factdesk::core::store;

fn project() -> Project {
    let mut p = Project::new("t");
    let meta = ArticleMeta {
        source: "Wire".into(),
        ..ArticleMeta::default()
    };
    p.articles.push(Article::new(
        meta,
        "The ministry denied that 40 tanks were sold to the rebels. \
         “We have never sold a single tank to anyone,” said spokeswoman Lena Berg.\n\n\
         Rebel leader Ivo Petrov accused the ministry of lying about the deal.",
    ));
    p
}

#[test]
fn accept_adds_claims_with_speaker_and_chosen_status() {
    let mut s = Session::unsaved(project());
    let sugg = suggest_project(&s.project);
    assert_eq!(sugg.len(), 3, "{sugg:#?}");
    let denial = &sugg[0];
    assert_eq!(denial.status, Status::Denied);
    s.edit(accept_action(&s.project, denial, AcceptAs::Suggested).expect("accept"))
        .expect("apply");
    let c = &s.project.claims[0];
    assert_eq!((c.status, c.speaker.as_str()), (Status::Denied, "ministry"));
    assert_eq!(c.anchor.quote, denial.quote);
    // Accepted suggestions are not proposed again; undo brings them back.
    assert_eq!(suggest_project(&s.project).len(), 2);
    s.undo().expect("undo");
    assert_eq!(suggest_project(&s.project).len(), 3);
    let all = accept_all_action(&s.project, &sugg, AcceptAs::Unreviewed).expect("all");
    s.edit(all).expect("apply all");
    assert_eq!(s.project.claims.len(), 3);
    assert!(
        s.project
            .claims
            .iter()
            .all(|c| c.status == Status::Unreviewed)
    );
    assert!(suggest_project(&s.project).is_empty());
    s.undo().expect("undo all");
    assert!(s.project.claims.is_empty());
}

#[test]
fn rejections_are_remembered_saved_and_undoable() {
    let mut s = Session::unsaved(project());
    let before = s.project.clone();
    let sugg = suggest_article(&s.project.articles[0]);
    s.edit(reject_action(&sugg[1])).expect("reject");
    assert!(
        s.edit(reject_action(&sugg[1])).is_err(),
        "rejecting twice is refused"
    );
    let left = filter_known(&s.project, sugg.clone());
    assert_eq!(left.len(), sugg.len() - 1);
    assert!(!left.contains(&sugg[1]));

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.ron");
    store::save(&path, &s.project).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("rejected_suggestions"));
    let reopened = store::load(&path).expect("load");
    assert_eq!(
        reopened.rejected_suggestions,
        s.project.rejected_suggestions
    );
    assert_eq!(suggest_project(&reopened).len(), sugg.len() - 1);

    s.undo().expect("undo");
    assert_eq!(s.project, before);
    s.edit(reject_all_action(&sugg)).expect("reject all");
    assert!(suggest_project(&s.project).is_empty());
    s.undo().expect("undo all");
    assert_eq!(s.project, before);

    // A project without rejections does not mention them.
    store::save(&path, &before).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(!text.contains("rejected_suggestions"));
}
