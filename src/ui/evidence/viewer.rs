//! The offline viewer of a capture: the captured page's readable text (the WARC's payload through
//! the same extraction as an import), its date, final URL, HTTP status and SHA-256 checked on
//! open, and a find field, filled with the claim's quote, whose matches are highlighted and
//! stepped through. The file is read on a worker thread through the core's bounded readers;
//! nothing is fetched.

use crate::core::evidence::{self, ReadCaptureError, warc};
use crate::core::model::Capture;
use std::ops::Range;
use std::path::Path;
use std::sync::mpsc::Receiver;

/// The page as read from its capture file.
#[derive(Debug)]
pub(crate) struct Loaded {
    title: String,
    text: String,
    /// The text folded for finding, one char per char of `text`.
    folded: Vec<char>,
    /// Ok: the payload still has the recorded SHA-256; Err: what is wrong.
    verified: Result<(), String>,
}

/// One open viewer.
#[derive(Debug)]
pub(crate) struct CaptureViewer {
    /// The URL as cited.
    pub(crate) url: String,
    pub(crate) capture: Capture,
    pub(crate) rx: Option<Receiver<Result<Loaded, String>>>,
    pub(crate) page: Option<Result<Loaded, String>>,
    pub(crate) find: String,
    /// Matches of `find` in the text (char ranges), computed when it changes.
    pub(crate) matches: Vec<Range<usize>>,
    pub(crate) matches_for: Option<String>,
    pub(crate) current: usize,
    /// Scroll to the current match on the next frame.
    pub(crate) scroll: bool,
}

impl CaptureViewer {
    pub fn loading(&self) -> bool {
        self.rx.is_some()
    }
}

/// One char folded for a case-insensitive find that keeps char positions.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Where `query` occurs in `folded` (char ranges): the whole phrase, or when it does not occur,
/// each of its words of three letters or more (a quote is rarely copied word for word).
fn find_all(folded: &[char], query: &str) -> Vec<Range<usize>> {
    let phrase: Vec<char> = query.trim().chars().map(fold).collect();
    let found = occurrences(folded, &phrase);
    if !found.is_empty() || !query.trim().contains(char::is_whitespace) {
        return found;
    }
    let mut out: Vec<Range<usize>> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .flat_map(|w| occurrences(folded, &w.chars().map(fold).collect::<Vec<_>>()))
        .collect();
    out.sort_by_key(|r| (r.start, r.end));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

fn occurrences(hay: &[char], needle: &[char]) -> Vec<Range<usize>> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == *needle {
            out.push(i..i + needle.len());
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Checks the capture file's payload against the recorded SHA-256.
fn verify(project: &Path, c: &Capture) -> Result<(), String> {
    let bytes = evidence::read_capture_file(project, &c.file).map_err(|e| match e {
        ReadCaptureError::Missing => format!("the capture file {} is missing", c.file),
        ReadCaptureError::Unreadable(r) => format!("the capture file cannot be read: {r}"),
    })?;
    let response = warc::final_response(&bytes)?;
    let found = warc::sha256_hex(&response.payload);
    if found == c.sha256 {
        Ok(())
    } else {
        Err(format!(
            "the page was altered since it was captured: its SHA-256 is now {found}, \
             the recorded one {}",
            c.sha256
        ))
    }
}

pub(crate) fn load(project: &Path, c: &Capture) -> Result<Loaded, String> {
    let verified = verify(project, c);
    let page = evidence::readable_text(project, &c.file)?;
    let folded = page.body.chars().map(fold).collect();
    Ok(Loaded {
        title: page.meta.title,
        text: page.body,
        folded,
        verified,
    })
}

pub(crate) fn body(ui: &mut egui::Ui, v: &mut CaptureViewer) {
    let c = &v.capture;
    egui::Grid::new("capture_facts")
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for (k, val) in [
                ("Cited URL", v.url.clone()),
                ("Captured", c.time.readable()),
                ("Final URL", c.final_url.clone()),
                ("HTTP status", c.status.to_string()),
                ("SHA-256", c.sha256.clone()),
            ] {
                ui.label(k);
                ui.add(egui::Label::new(val).wrap());
                ui.end_row();
            }
            if !c.archive_url.is_empty() {
                ui.label("Internet Archive");
                ui.hyperlink(&c.archive_url);
                ui.end_row();
            }
        });
    let page = match &v.page {
        None => {
            ui.horizontal(|ui| {
                ui.add(egui::Spinner::new());
                ui.label("Reading the capture…");
            });
            return;
        }
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {e}"));
            return;
        }
        Some(Ok(p)) => p,
    };
    match &page.verified {
        Ok(()) => {
            ui.colored_label(
                egui::Color32::from_rgb(0, 158, 115),
                "✔ hash verified: the file holds the page exactly as captured",
            );
        }
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ Not verified: {e}"));
        }
    }
    ui.separator();
    let mut step: isize = 0;
    ui.horizontal(|ui| {
        let label = ui.label("Find");
        let r = ui
            .add(egui::TextEdit::singleline(&mut v.find).desired_width(260.0))
            .labelled_by(label.id);
        if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            step = if ui.input(|i| i.modifiers.shift) {
                -1
            } else {
                1
            };
            r.request_focus();
        }
        if ui.small_button("Previous").clicked() {
            step = -1;
        }
        if ui.small_button("Next").clicked() {
            step = 1;
        }
        if v.matches_for.as_deref() != Some(v.find.as_str()) {
            v.matches = find_all(&page.folded, &v.find);
            v.matches_for = Some(v.find.clone());
            v.current = 0;
            v.scroll = true;
        }
        let n = v.matches.len();
        if n > 0 && step != 0 {
            v.current = (v.current as isize + step).rem_euclid(n as isize) as usize;
            v.scroll = true;
        }
        match n {
            0 if v.find.trim().is_empty() => {}
            0 => {
                ui.weak("not found");
            }
            n => {
                ui.weak(format!("{} of {n}", v.current + 1));
            }
        }
    });
    if !page.title.is_empty() {
        ui.strong(&page.title);
    }
    let job = text_job(ui, &page.text, &v.matches, v.current);
    egui::ScrollArea::vertical()
        .id_salt("capture_text")
        .auto_shrink(false)
        .show(ui, |ui| {
            let galley = ui.painter().layout_job(job);
            let r = ui.add(egui::Label::new(galley.clone()));
            if v.scroll {
                v.scroll = false;
                if let Some(m) = v.matches.get(v.current) {
                    let at = galley
                        .pos_from_cursor(egui::text::CCursor::new(m.start))
                        .translate(r.rect.min.to_vec2());
                    ui.scroll_to_rect(at, Some(egui::Align::Center));
                }
            }
        });
}

/// The text with its matches highlighted (the current one strongest), wrapped to the width.
fn text_job(
    ui: &egui::Ui,
    text: &str,
    matches: &[Range<usize>],
    current: usize,
) -> egui::text::LayoutJob {
    let plain = egui::TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let hit = egui::TextFormat {
        background: ui.visuals().selection.bg_fill.gamma_multiply(0.5),
        ..plain.clone()
    };
    let here = egui::TextFormat {
        background: ui.visuals().selection.bg_fill,
        color: ui.visuals().strong_text_color(),
        ..plain.clone()
    };
    // Char offsets to byte offsets, once per frame over the text.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(text.len());
    let mut job = egui::text::LayoutJob::default();
    let mut pos = 0;
    for (i, m) in matches.iter().enumerate() {
        let (s, e) = (at(m.start), at(m.end));
        if s < pos {
            continue;
        }
        job.append(&text[pos..s], 0.0, plain.clone());
        let format = if i == current { &here } else { &hit };
        job.append(&text[s..e], 0.0, format.clone());
        pos = e;
    }
    job.append(&text[pos..], 0.0, plain);
    job.wrap.max_width = ui.available_width();
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> Vec<char> {
        s.chars().map(fold).collect()
    }

    #[test]
    fn the_quote_is_found_whole_or_word_by_word() {
        let text = folded("The Bridge cost forty-two million; the bridge is late.");
        assert_eq!(find_all(&text, "the bridge"), vec![0..10, 35..45]);
        // Not copied word for word: each longer word is highlighted instead.
        let words = find_all(&text, "bridge was late");
        assert_eq!(words, vec![4..10, 39..45, 49..53]);
        assert!(find_all(&text, "").is_empty());
        assert!(find_all(&text, "absent").is_empty());
    }

    #[test]
    fn positions_are_chars_even_after_wide_letters() {
        let text = folded("Café «ÉTÉ» été");
        assert_eq!(find_all(&text, "été"), vec![6..9, 11..14]);
    }
}
