//! `OpenProject`: what every panel may read of the open project, without knowing the app.
//!
//! Panels take it beside their own feature state (`&mut ClaimsState`, `&mut Minimap`, …) and
//! return intents; only `app.rs` and the dispatcher know `FactdeskApp`. It sits low in the tree,
//! beside `intent.rs`, so that no feature folder imports the app to read the project.

use crate::core::model::Project;
use crate::core::session::Session;
use crate::ui::derived::Derived;
use crate::ui::settings::Settings;

/// A read-only view of the open project: the session (project and history), the person's
/// settings and the data derived from the project once per revision.
#[derive(Clone, Copy)]
pub struct OpenProject<'a> {
    pub session: &'a Session,
    pub settings: &'a Settings,
    pub derived: &'a Derived,
    /// Bumped whenever another project is opened, so caches keyed by revision never mix projects.
    pub generation: u64,
}

impl<'a> OpenProject<'a> {
    pub fn project(&self) -> &'a Project {
        &self.session.project
    }

    /// The key a cache built from the project is valid for: this project at this revision.
    pub fn revision_key(&self) -> (u64, u64) {
        (self.generation, self.session.history.revision())
    }
}
