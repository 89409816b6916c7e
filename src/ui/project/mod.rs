//! The open project beyond its file (which the core `Session` owns): autosave, crash safety,
//! import, the path prompts and the start screen.

pub(crate) mod autosave;
pub(crate) mod file_dialogs;
pub(crate) mod import_files;
pub(crate) mod start_screen;

use crate::ui::derived::Derived;

/// The open project beyond its `Session` (which owns the project file): autosave, what is derived from
/// it, and the flows that open, import and save it.
pub struct ProjectState {
    pub autosave: autosave::Autosave,
    /// Bumped whenever another project is opened, so caches keyed by revision never mix projects.
    pub(crate) generation: u64,
    /// Per-revision data the panels read (counts, spans, suggestions' inputs).
    pub(crate) derived: Derived,
    /// Path prompts and native file dialogs.
    pub(crate) files: file_dialogs::FileDialogs,
    /// Adding articles (files, folders, pasted text) and the start screen.
    pub(crate) import: import_files::ImportUi,
}

impl ProjectState {
    /// No project file yet; `native` chooses the desktop's file dialogs over path prompts.
    pub fn new(native: bool) -> Self {
        ProjectState {
            autosave: Default::default(),
            generation: 0,
            derived: Derived::default(),
            files: file_dialogs::FileDialogs::new(native),
            import: Default::default(),
        }
    }
}
