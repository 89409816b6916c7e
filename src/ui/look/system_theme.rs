//! The desktop's light/dark preference on Linux, read from the XDG desktop portal
//! (`org.freedesktop.appearance color-scheme`), which GNOME, KDE and others implement.

use egui::Theme;
use zbus::zvariant::{OwnedValue, Value};

const DEST: &str = "org.freedesktop.portal.Desktop";
const PATH: &str = "/org/freedesktop/portal/desktop";
const IFACE: &str = "org.freedesktop.portal.Settings";
const KEY: (&str, &str) = ("org.freedesktop.appearance", "color-scheme");

/// Asks the portal every few seconds and sets egui's fallback theme (what `System` uses when
/// the windowing layer reports nothing). Gives up quietly when there is no session bus.
pub fn watch(ctx: egui::Context) {
    let Ok(conn) = zbus::block_on(zbus::Connection::session()) else {
        return;
    };
    let mut last = None;
    loop {
        let now = zbus::block_on(read(&conn)).and_then(theme_of);
        if let Some(t) = now
            && now != last
        {
            ctx.options_mut(|o| o.fallback_theme = t);
            ctx.request_repaint();
            last = now;
        }
        std::thread::sleep(std::time::Duration::from_secs(5));
    }
}

/// 1: prefer dark, 2: prefer light, 0: no preference (None: keep egui's default).
fn theme_of(scheme: u32) -> Option<Theme> {
    match scheme {
        1 => Some(Theme::Dark),
        2 => Some(Theme::Light),
        _ => None,
    }
}

async fn read(conn: &zbus::Connection) -> Option<u32> {
    for method in ["ReadOne", "Read"] {
        // Portals before version 2 only have `Read`, which wraps the value once more.
        if let Ok(reply) = conn
            .call_method(Some(DEST), PATH, Some(IFACE), method, &KEY)
            .await
            && let Ok(v) = reply.body().deserialize::<OwnedValue>()
            && let Some(n) = as_u32(&v)
        {
            return Some(n);
        }
    }
    None
}

fn as_u32(v: &Value<'_>) -> Option<u32> {
    match v {
        Value::U32(n) => Some(*n),
        Value::Value(inner) => as_u32(inner),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portal_values_map_to_themes() {
        assert_eq!(theme_of(1), Some(Theme::Dark));
        assert_eq!(theme_of(2), Some(Theme::Light));
        assert_eq!(theme_of(0), None);
        let nested = Value::Value(Box::new(Value::U32(2)));
        assert_eq!(as_u32(&nested), Some(2));
        assert_eq!(as_u32(&Value::from("dark")), None);
    }
}
