//! Saves a growing project to the given path in a tight loop, forever; `tests/store_crash.rs`
//! kills it at random moments and checks the file is always loadable.

use factdesk::core::model::{Article, ArticleMeta, Project};
use factdesk::core::store;
use std::path::PathBuf;

fn main() {
    let Some(path) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: save_loop PROJECT.ron");
        std::process::exit(2);
    };
    let mut project = Project::new("crash test “ünïcode” 北");
    for i in 0u64.. {
        let body = format!("Article {i}: “quotes”, émojis 🚀, 北朝鮮. ").repeat(200);
        project
            .articles
            .push(Article::new(ArticleMeta::default(), &body));
        if let Err(e) = store::save(&path, &project) {
            eprintln!("save_loop: {e}");
            std::process::exit(1);
        }
        println!("{i}");
    }
}
