//! Fallback fonts taken from the system for scripts egui's bundled fonts cannot draw (Chinese,
//! Japanese, Korean), so such articles show their text instead of empty boxes.
//!
//! Nothing is bundled: CJK fonts are 5–20 MB. The first font found in the usual places of each
//! platform is added after egui's own fonts, so Latin text looks the same as before.

use crate::core::store;
use std::path::{Path, PathBuf};

/// Set to a `.ttf`/`.otf`/`.ttc` file to use that font as the fallback (tried first).
pub const ENV_VAR: &str = "FACTDESK_FALLBACK_FONT";

/// Where desktops usually keep a font covering CJK, most complete first.
const SYSTEM_CANDIDATES: &[&str] = &[
    // Debian / Ubuntu (fonts-noto-cjk, fonts-wqy-*, fonts-droid-fallback, fonts-arphic-*)
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    // Fedora, Arch
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    // macOS
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    // Windows
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\YuGothM.ttc",
    "C:\\Windows\\Fonts\\malgun.ttf",
    "C:\\Windows\\Fonts\\simsun.ttc",
];

/// The name the fallback font is registered under in egui.
const FONT_NAME: &str = "factdesk-system-fallback";

/// Fonts larger than this are not loaded (a broken link to a huge file must not eat memory).
/// Checked on the bytes read, not only on the file's size.
const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// True when `bytes` start like a TrueType, OpenType or font-collection file.
fn looks_like_font(bytes: &[u8]) -> bool {
    matches!(
        bytes.get(..4),
        Some([0, 1, 0, 0]) | Some(b"OTTO") | Some(b"ttcf") | Some(b"true")
    )
}

/// The first candidate that is a regular file (symlinks followed), is not too big and looks like
/// a font, with its bytes. Read through the core's bounded reader: a FIFO, a device (e.g. a link
/// to `/dev/zero`) or a folder is skipped without reading it.
pub fn first_font(candidates: &[PathBuf]) -> Option<(PathBuf, Vec<u8>)> {
    candidates.iter().find_map(|path| {
        let bytes = store::read_limited(path, MAX_FONT_BYTES).ok()?;
        looks_like_font(&bytes).then(|| (path.clone(), bytes))
    })
}

/// The places to look, in order: the environment override, then the platform's usual files.
fn candidates() -> Vec<PathBuf> {
    let from_env = std::env::var_os(ENV_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    from_env
        .into_iter()
        .chain(SYSTEM_CANDIDATES.iter().map(|p| Path::new(p).to_path_buf()))
        .collect()
}

/// Adds `bytes` as the last fallback of both font families.
pub fn install(ctx: &egui::Context, bytes: Vec<u8>) {
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| egui::InsertFontFamily {
            family,
            priority: egui::FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(egui::FontInsert::new(
        FONT_NAME,
        egui::FontData::from_owned(bytes),
        families,
    ));
}

/// Finds and installs the system fallback font; returns the file used, if any.
pub fn install_system_fallback(ctx: &egui::Context) -> Option<PathBuf> {
    let (path, bytes) = first_font(&candidates())?;
    install(ctx, bytes);
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_missing_and_non_font_files_and_takes_the_first_font() {
        let dir = std::env::temp_dir().join(format!("factdesk-fonts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let text = dir.join("notes.ttf");
        std::fs::write(&text, b"not a font at all").expect("temp dir");
        let collection = dir.join("a.ttc");
        std::fs::write(&collection, b"ttcf\0\x02\0\0rest").expect("temp dir");
        let otf = dir.join("b.otf");
        std::fs::write(&otf, b"OTTOrest").expect("temp dir");
        let missing = dir.join("missing.ttf");

        let found = first_font(&[
            missing.clone(),
            text.clone(),
            collection.clone(),
            otf.clone(),
        ]);
        assert_eq!(found.map(|(p, _)| p), Some(collection));
        let found = first_font(&[missing, text.clone(), otf.clone()]);
        assert_eq!(found.map(|(p, b)| (p, b.len())), Some((otf, 8)));
        assert!(first_font(&[text]).is_none());
        std::fs::remove_dir_all(&dir).expect("temp dir");
    }

    /// `first_font` on a thread: a read that blocks fails the test instead of hanging it.
    #[cfg(unix)]
    fn first_font_within_a_minute(candidates: Vec<PathBuf>) -> Option<PathBuf> {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(first_font(&candidates).map(|(p, _)| p));
        });
        rx.recv_timeout(std::time::Duration::from_secs(60))
            .expect("the font loader blocked on a file that is not a regular one")
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_skipped_without_reading_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        let font = dir.path().join("real.otf");
        std::fs::write(&font, b"OTTOrest").expect("write");
        // A FIFO nobody writes to: opening it to read would wait forever.
        let fifo = dir.path().join("pipe.ttf");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("cstring");
        // SAFETY: mkfifo only reads the NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        assert_eq!(
            first_font_within_a_minute(vec![fifo, font.clone()]),
            Some(font.clone())
        );
        // A link to /dev/zero: its size reads 0, its bytes never end.
        let zero = dir.path().join("zero.ttf");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        assert_eq!(
            first_font_within_a_minute(vec![zero, font.clone()]),
            Some(font)
        );
        // Nothing but a folder: no font.
        assert_eq!(first_font_within_a_minute(vec![dir.path().into()]), None);
    }

    #[test]
    fn the_environment_override_is_tried_first() {
        // Reads the variable without setting it (tests run in parallel): only the order is checked.
        let list = candidates();
        let expected_first = std::env::var_os(ENV_VAR)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(SYSTEM_CANDIDATES[0]));
        assert_eq!(list.first(), Some(&expected_first));
    }

    #[test]
    fn an_installed_font_joins_both_families_after_the_bundled_ones() {
        // Any real font on the machine will do; the check is about where it is placed.
        let Some((_, bytes)) = first_font(&[
            PathBuf::from("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            PathBuf::from(SYSTEM_CANDIDATES[0]),
            PathBuf::from(SYSTEM_CANDIDATES[1]),
        ]) else {
            eprintln!("skipped: no font file on this machine");
            return;
        };
        let ctx = egui::Context::default();
        install(&ctx, bytes);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        ctx.fonts(|f| {
            let defs = f.definitions();
            for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
                let names = &defs.families[&family];
                assert_eq!(names.last().map(String::as_str), Some(FONT_NAME));
                assert!(names.len() > 1, "the bundled fonts stay first");
            }
        });
    }
}
