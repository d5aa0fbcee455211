//! Bytes to safe text: encoding detection, binary detection, newlines, control characters.

use crate::sanitize::is_forbidden;

/// Decoded text plus the repairs made on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
];

/// Decodes a file's bytes, or says why it is not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        utf8_or_1252(rest, &mut warnings)
    } else if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        let (text, _, had_errors) = encoding_rs::UTF_16LE.decode(bytes);
        // A byte-order mark can open noise too: what it decodes to must read as text.
        let head = text.chars().take(4096);
        let (odd, all) = head.fold((0usize, 0usize), |(odd, all), c| {
            let bad = c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
            (odd + usize::from(bad), all + 1)
        });
        if odd >= 4 && odd * 50 > all {
            return Err("binary content".to_string());
        }
        if had_errors {
            warnings.push("invalid UTF-16 sequences replaced".to_string());
        }
        text.into_owned()
    } else {
        if let Some(why) = binary_kind(bytes) {
            return Err(why);
        }
        utf8_or_1252(bytes, &mut warnings)
    };
    let (text, removed) = clean_controls(&text);
    if removed > 0 {
        warnings.push(format!(
            "removed {removed} control character{}",
            if removed == 1 { "" } else { "s" }
        ));
    }
    if text.trim().is_empty() {
        let why = if removed > 0 {
            "only control characters"
        } else {
            "empty file"
        };
        return Err(why.to_string());
    }
    Ok(Decoded { text, warnings })
}

/// Why bytes starting with `head` are not text (a known magic number, or control noise).
pub fn binary_kind(head: &[u8]) -> Option<String> {
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(format!("binary content ({what})"));
    }
    looks_binary(head).then(|| "binary content".to_string())
}

/// Many NULs or other non-text control bytes in the first 8 KB mean a binary file: random or
/// compressed bytes hold about one in ten, text next to none.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    let odd = head
        .iter()
        .filter(|&&b| matches!(b, 0x00..=0x08 | 0x0e..=0x1a | 0x1c..=0x1f))
        .count();
    let nuls = head.iter().filter(|&&b| b == 0).count();
    (nuls >= 4 && nuls * 100 > head.len()) || (odd >= 4 && odd * 50 > head.len())
}

fn utf8_or_1252(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            warnings.push(format!(
                "not valid UTF-8 (byte {}); decoded as Windows-1252",
                e.valid_up_to()
            ));
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()
        }
    }
}

/// Normalises newlines and drops every control character and escape sequence but `\n`.
///
/// Returns the text and how many characters (escape sequences count as one) were removed,
/// not counting the invisible marks web pages are full of (a byte-order mark inside the text,
/// left-to-right and right-to-left marks, the word joiner and invisible operators): dropping
/// those says nothing about the file.
pub fn clean_controls(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{0b}' | '\u{0c}' => out.push('\n'),
            '\u{FEFF}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2060}'..='\u{2064}' => {}
            '\u{1b}' => {
                removed += 1;
                skip_escape(&mut chars);
            }
            '\u{9b}' => {
                removed += 1;
                skip_csi(&mut chars);
            }
            c if is_forbidden(c) => removed += 1,
            c => out.push(c),
        }
    }
    (out, removed)
}

/// Longest terminal string (a title, a hyperlink) skipped whole.
const MAX_STRING: usize = 2048;

/// Skips the rest of an escape sequence after ESC (CSI, OSC/DCS strings, two-byte forms).
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            // A string runs to BEL or ST (ESC \) on its line. Without one close by, the ESC
            // was stray ("ESC President Biden said..."): only it goes, not the rest of the file.
            let mut ahead = chars.clone();
            ahead.next();
            let mut taken = 1;
            loop {
                // The end of the text ends no string either.
                let Some(c) = ahead.next() else { return };
                taken += 1;
                if c == '\u{7}' || c == '\u{9c}' {
                    break;
                }
                if c == '\u{1b}' {
                    if ahead.peek() == Some(&'\\') {
                        ahead.next();
                    }
                    break;
                }
                let line_end = matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}');
                if line_end || taken > MAX_STRING {
                    return;
                }
            }
            *chars = ahead;
        }
        Some(c) if ('\u{20}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("café “quoted”\n".as_bytes()).unwrap();
        assert_eq!(d.text, "café “quoted”\n");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252_with_a_warning() {
        let d = decode(b"caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(d.text, "café “quoted”");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains("Windows-1252"), "{:?}", d.warnings);
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc\n").unwrap().text, "a\nb\nc\n");
    }

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        let d =
            decode("red \x1b[31mALERT\x1b[0m\x07 \x1b]0;title\x07done\u{202E}x\u{0}y".as_bytes())
                .unwrap();
        assert_eq!(d.text, "red ALERT donexy");
        assert!(
            d.warnings[0].starts_with("removed 6 control characters"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn invisible_marks_of_web_pages_go_without_a_warning() {
        let d = decode(
            "\u{FEFF}Ahmed\u{200F} said\u{200E} \u{FEFF}no\u{2060}.\x0cNext page.".as_bytes(),
        )
        .unwrap();
        assert_eq!(d.text, "Ahmed said no.\nNext page.");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn a_stray_escape_before_a_string_introducer_loses_only_itself() {
        let story = format!(
            "\x1bPresident Biden spoke. {}\n\nLast paragraph.",
            "More. ".repeat(400)
        );
        let (text, removed) = clean_controls(&story);
        assert_eq!(removed, 1);
        assert!(text.starts_with("President Biden spoke."), "{text:.40}");
        assert!(text.ends_with("Last paragraph."));
        // At the end of the text, or before a lone carriage return, only the ESC goes too.
        let last = "First.\n\n\x1bPresident Biden said the budget would pass.";
        assert!(
            clean_controls(last)
                .0
                .ends_with("President Biden said the budget would pass.")
        );
        let cr = clean_controls("\x1bPresident spoke.\rThe end.").0;
        assert!(cr.starts_with("President spoke."), "{cr}");
        // A terminated string on its line still goes whole.
        assert_eq!(clean_controls("a\x1bPq#0;2\x1b\\b").0, "ab");
    }

    #[test]
    fn osc_terminated_by_st_is_removed() {
        assert_eq!(
            clean_controls("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b").0,
            "alinkb"
        );
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0").unwrap_err(),
            "binary content (PNG image)"
        );
        let mut noise = vec![0u8; 100];
        noise.extend_from_slice(b"some text");
        assert_eq!(decode(&noise).unwrap_err(), "binary content");
        assert_eq!(decode(b"").unwrap_err(), "empty file");
        assert_eq!(
            decode(b"\0\x01\x02").unwrap_err(),
            "only control characters"
        );
        assert_eq!(
            decode(b"\x1b[2J\x1b]0;x\x07").unwrap_err(),
            "only control characters"
        );
        // Noise as random as a compressed file's, with and without a UTF-16 byte-order mark.
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let noise: Vec<u8> = (0..100_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        assert_eq!(decode(&noise).unwrap_err(), "binary content");
        let with_bom = [b"\xff\xfe".as_slice(), &noise].concat();
        assert_eq!(decode(&with_bom).unwrap_err(), "binary content");
        assert_eq!(decode(b" \n\t\n").unwrap_err(), "empty file");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let bytes: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("hi".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&bytes).unwrap().text, "hi");
    }
}
