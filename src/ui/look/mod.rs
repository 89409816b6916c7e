//! How the app looks: settings, theme, status colours, fonts and the desktop's light/dark preference.

pub(crate) mod appearance;
pub(crate) mod fonts;
pub(crate) mod settings;
pub(crate) mod status_colors;
#[cfg(target_os = "linux")]
pub(crate) mod system_theme;
pub(crate) mod theme;
