//! The open project: its file, autosave, crash safety, and the open/save/import/paste/export flows and start screen.

pub(crate) mod autosave;
pub(crate) mod export_flow;
pub(crate) mod file_dialogs;
pub(crate) mod import_files;
pub(crate) mod paste;
pub(crate) mod project_io;
pub(crate) mod safety;
pub(crate) mod start_screen;
