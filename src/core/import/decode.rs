//! Bytes to text: BOMs, UTF-8, UTF-16 and legacy 8-bit encodings, and a clear refusal for binary files.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decoded text and the name of the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG encoding name, e.g. "UTF-8", "windows-1252", "UTF-16LE".
    pub encoding: &'static str,
    /// Set when some bytes did not fit the encoding and were replaced by U+FFFD.
    pub lossy: bool,
}

/// Signatures of common binary formats, named so that the refusal tells the user what the file is.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7FELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"RIFF", "a media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"OggS", "an audio file"),
    (b"7z\xBC\xAF", "a 7-Zip archive"),
];

/// Turns raw bytes into text. The error is a reason for a person ("looks like a PDF document").
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    decode_with_charset(bytes, None)
}

/// [`decode`] with the charset a web server named in its `Content-Type` header. A BOM and valid
/// UTF-8 still decide first; otherwise the header's charset wins over the page's own declaration
/// and the statistical guess when it reads the bytes without errors (pages often declare the wrong
/// charset, or none, while the server knows better). A header that does not fit is ignored.
pub fn decode_with_charset(
    bytes: &[u8],
    header: Option<&'static Encoding>,
) -> Result<Decoded, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty".to_string());
    }
    // Printable signatures such as "MZ" or "RIFF" can open a real text; only believe them on
    // bytes that are not clean UTF-8.
    let clean_text = !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok();
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| {
        bytes.starts_with(m)
            && (!m.iter().all(u8::is_ascii_graphic)
                || m.starts_with(b"%PDF")
                || m.starts_with(b"{\\rtf")
                || !clean_text)
    }) {
        return Err(format!("looks like {what}, not text"));
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom_len..]);
    }
    if let Some(enc) = bomless_utf16(bytes) {
        return finish(enc, bytes);
    }
    if bytes.contains(&0) {
        return Err("looks like a binary file, not text".to_string());
    }
    if std::str::from_utf8(bytes).is_ok() {
        // ISO-2022-JP is 7-bit, so it is valid UTF-8 too; its escape sequences give it away.
        if [b"\x1b$B", b"\x1b$@", b"\x1b(J"]
            .iter()
            .any(|e| find(bytes, *e).is_some())
        {
            return finish(encoding_rs::ISO_2022_JP, bytes);
        }
        return finish(UTF_8, bytes);
    }
    if let Some(enc) = header.filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE)
        && enc
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
    {
        return finish(enc, bytes);
    }
    finish(guess_legacy(bytes), bytes)
}

/// Picks a legacy encoding for bytes that are not UTF-8. A charset the page declares is only a hint:
/// the statistical guess wins when it is confident (several real pages declare the wrong charset).
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    det.feed(detection_sample(bytes), true);
    let guess = det.guess(None, chardetng::Utf8Detection::Deny);
    match declared_charset(bytes) {
        // windows-1252 is the detector's fallback when unsure; then the declaration is better.
        Some(declared) if declared != UTF_8 && guess == WINDOWS_1252 => declared,
        _ => guess,
    }
}

/// Up to 128 KiB of the text starting a little before its first non-ASCII byte: the detector learns
/// nothing from ASCII, and feeding it whole megabytes costs a tenth of a second per megabyte.
fn detection_sample(bytes: &[u8]) -> &[u8] {
    const SAMPLE: usize = 128 * 1024;
    let first = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    // Start on a line boundary so no multi-byte character is cut in half.
    let start = bytes[..first.saturating_sub(256)]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    &bytes[start..bytes.len().min(start + SAMPLE)]
}

/// The charset named by an HTML `<meta charset>` or `http-equiv` tag, or an XML declaration, in the
/// first few kilobytes.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(8192)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len() && (lower[i].is_ascii_alphanumeric() || b"-_:.".contains(&lower[i])) {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[start..i]) {
            // A page that is in UTF-16 cannot contain an ASCII meta tag saying so.
            return Some(if enc == UTF_16LE || enc == UTF_16BE {
                UTF_8
            } else {
                enc
            });
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// UTF-16 without a BOM: mostly-ASCII text shows up as zero bytes in every other position.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 20 < pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn finish(enc: &'static Encoding, bytes: &[u8]) -> Result<Decoded, String> {
    let (text, lossy) = enc.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    if looks_binary(&text) {
        return Err("looks like a binary file, not text".to_string());
    }
    if text.trim().is_empty() {
        return Err("is empty".to_string());
    }
    Ok(Decoded {
        text,
        encoding: enc.name(),
        lossy,
    })
}

/// Text with many control characters or replacement characters is not something a person wrote.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) || c == '\u{FFFD}' {
            bad += 1;
        }
    }
    total > 0 && bad * 100 > total * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_charset_decides_only_what_utf8_and_boms_do_not() {
        let cyrillic = encoding_rs::WINDOWS_1251.encode("Мост откроется в марте").0;
        let d = decode_with_charset(&cyrillic, Some(encoding_rs::WINDOWS_1251)).expect("1251");
        assert_eq!(d.encoding, "windows-1251");
        assert_eq!(d.text, "Мост откроется в марте");
        // Valid UTF-8 stays UTF-8 whatever the header says; a header claiming UTF-8 for bytes
        // that are not is ignored.
        let utf8 = "Мост".as_bytes();
        assert_eq!(
            decode_with_charset(utf8, Some(encoding_rs::WINDOWS_1252))
                .expect("utf8")
                .encoding,
            "UTF-8"
        );
        let guessed = decode_with_charset(&cyrillic, Some(UTF_8)).expect("guess");
        assert_ne!(guessed.encoding, "UTF-8");
    }

    #[test]
    fn boms_and_utf16() {
        let d = decode(b"\xEF\xBB\xBFcaf\xC3\xA9").expect("utf8 bom");
        assert_eq!((d.text.as_str(), d.encoding), ("café", "UTF-8"));
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("“Né” 日本 🎉".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).expect("le").text, "“Né” 日本 🎉");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Señor — ok".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let d = decode(&be).expect("be");
        assert_eq!((d.text.as_str(), d.encoding), ("Señor — ok", "UTF-16BE"));
        let bomless: Vec<u8> = "Plain words here."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&bomless).expect("bomless").text, "Plain words here.");
    }

    #[test]
    fn windows_1252_curly_quotes_and_accents() {
        let bytes = b"\x93Caf\xE9 cr\xE8me\x94 \x96 d\xE9j\xE0 vu, na\xEFve r\xE9sum\xE9 of the \x91d\xE9cor\x92.";
        let d = decode(bytes).expect("1252");
        assert_eq!(
            d.text,
            "“Café crème” – déjà vu, naïve résumé of the ‘décor’."
        );
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn declared_charset_is_found_but_valid_utf8_wins() {
        let page = "<html><head><meta charset=\"iso-8859-1\"></head><body>café</body></html>";
        assert_eq!(declared_charset(page.as_bytes()), Some(WINDOWS_1252));
        assert_eq!(decode(page.as_bytes()).expect("ok").encoding, "UTF-8");
    }

    #[test]
    fn other_legacy_encodings_are_detected() {
        for (enc, text) in [
            (
                encoding_rs::SHIFT_JIS,
                "東京で国際会議が開かれ、各国の代表が気候変動について議論した。",
            ),
            (
                encoding_rs::WINDOWS_1251,
                "Правительство заявило во вторник, что новые санкции вступят в силу.",
            ),
            (
                encoding_rs::GBK,
                "中国外交部发言人在记者会上表示，双方将继续加强合作。",
            ),
        ] {
            let (bytes, _, _) = enc.encode(text);
            let d = decode(&bytes).expect("decodes");
            assert_eq!((d.text.as_str(), d.encoding), (text, enc.name()));
        }
    }

    #[test]
    fn iso_2022_jp_is_not_mistaken_for_utf8() {
        let (bytes, _, _) = encoding_rs::ISO_2022_JP.encode("東京で会議が開かれた。");
        let d = decode(&bytes).expect("jis");
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("東京で会議が開かれた。", "ISO-2022-JP")
        );
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(decode(b"%PDF-1.7\n...").expect_err("pdf").contains("PDF"));
        assert!(
            decode(b"\x89PNG\r\n\x1a\n\0\0")
                .expect_err("png")
                .contains("PNG")
        );
        assert!(
            decode(b"abc\0\x01\x02\x03def\0\0\x05")
                .expect_err("bin")
                .contains("binary")
        );
        assert_eq!(decode(b"  \n\t ").expect_err("empty"), "is empty");
        assert_eq!(decode(b"").expect_err("empty"), "is empty");
    }
}
