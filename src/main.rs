//! The `factdesk` binary: the desktop app without a subcommand, the CLI with one.

use clap::Parser;
use factdesk::cli::{self, Cli, Outcome};

fn main() {
    let code = match cli::run(Cli::parse()) {
        Outcome::Exit(code) => code,
        Outcome::Gui(project) => gui(project),
    };
    std::process::exit(code);
}

#[cfg(feature = "gui")]
fn gui(project: Option<std::path::PathBuf>) -> i32 {
    match factdesk::ui::run(project) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("factdesk: {e}");
            1
        }
    }
}

#[cfg(not(feature = "gui"))]
fn gui(_project: Option<std::path::PathBuf>) -> i32 {
    eprintln!(
        "factdesk: this build has no desktop app (built without the 'gui' feature); see --help"
    );
    2
}
