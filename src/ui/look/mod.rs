//! How the app looks: theme, status and mark colours, fonts and the desktop's light/dark preference.

pub(crate) mod appearance;
pub(crate) mod fonts;
pub(crate) mod marks;
pub(crate) mod status_colors;
#[cfg(target_os = "linux")]
pub(crate) mod system_theme;
pub(crate) mod theme;
