//! The one sanitiser: what may reach a terminal, a log or a JSON consumer, for every string
//! dossier prints (article text, file names, paths, ids, error messages).
//!
//! Forbidden characters are replaced by a visible stand-in of the same UTF-8 length, so byte
//! offsets into a sanitised text (actor mentions) stay valid and nothing shifts silently.

use std::borrow::Cow;
use std::path::Path;

use serde::{Serialize, Serializer};

/// Whether a character must never reach the terminal: C0/C1 controls (ESC and CSI start every
/// escape sequence, OSC 8 and OSC 52 included), DEL, bidi or other invisible formatting
/// controls that reorder or hide what is shown, and tag characters (invisible letters that can
/// smuggle hidden text). Joiners, which emoji and Indic and Persian words need, and the zero
/// width space, which marks word breaks in Thai and Khmer, stay.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// The visible character shown instead of a forbidden one: same UTF-8 length, so offsets hold
/// (but for the four-byte tag characters, which article text never holds: loading drops them).
pub fn stand_in(c: char) -> char {
    match c.len_utf8() {
        1 => '?',
        2 => '¿',
        _ => '\u{FFFD}',
    }
}

/// The character as shown on one line: line breaks and tabs a space, anything unsafe a stand-in.
pub fn safe_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        c if is_forbidden(c) => stand_in(c),
        c => c,
    }
}

/// A path for messages, with anything unsafe replaced (see [`safe_char`]).
pub fn display_path(path: &Path) -> String {
    one_line(&path.to_string_lossy())
}

/// Text for a single message line (see [`safe_char`]).
pub fn one_line(text: &str) -> String {
    text.chars().map(safe_char).collect()
}

/// Text that may span lines: newlines kept, tabs a space, anything unsafe a stand-in of the
/// same length. Borrowed when nothing needed replacing.
pub fn multi_line(text: &str) -> Cow<'_, str> {
    if text.chars().any(|c| c == '\t' || is_forbidden(c)) {
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if is_forbidden(c) => stand_in(c),
                c => c,
            })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// Text with every forbidden character removed (newlines and tabs kept).
pub fn strip_forbidden(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_forbidden) {
        text.chars()
            .filter(|&c| !is_forbidden(c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// A string that serialises sanitised (see [`multi_line`]): JSON output then holds neither
/// raw controls nor their `\u001b` escapes, whatever the data.
#[derive(Debug, Clone, Copy)]
pub struct Safe<'a>(pub &'a str);

impl Serialize for Safe<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&multi_line(self.0))
    }
}

/// Strings that serialise sanitised, for lists of names, links and aliases.
pub fn safe_all<'a, I>(items: I) -> Vec<Safe<'a>>
where
    I: IntoIterator<Item = &'a String>,
{
    items.into_iter().map(|s| Safe(s)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "\u{9b}6n \u{1b}]0;PWNED\u{7} bel\u{7} del\u{7f} rlo_\u{202e}txt.exe \u{2066}x\u{2069} \u{1b}]52;c;aGk=\u{7}";

    #[test]
    fn every_class_of_unsafe_character_is_forbidden() {
        for c in [
            '\u{0}',
            '\u{7}',
            '\u{1b}',
            '\r',
            '\u{7f}',
            '\u{80}',
            '\u{9b}',
            '\u{9c}',
            '\u{202a}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{200f}',
            '\u{2028}',
            '\u{2060}',
            '\u{206a}',
            '\u{206f}',
            '\u{e0001}',
            '\u{e0041}',
            '\u{e007f}',
        ] {
            assert!(is_forbidden(c), "{c:?}");
        }
        for c in [
            'a', '\n', '\t', 'é', '“', '\u{FFFD}', '¿', '?', '\u{200b}', '\u{200c}', '\u{200d}',
        ] {
            assert!(!is_forbidden(c), "{c:?}");
        }
    }

    #[test]
    fn stand_ins_keep_byte_offsets() {
        let clean = multi_line(HOSTILE);
        assert_eq!(clean.len(), HOSTILE.len());
        assert!(!clean.chars().any(is_forbidden), "{clean:?}");
        for (a, b) in HOSTILE.char_indices().zip(clean.char_indices()) {
            assert_eq!(a.0, b.0);
        }
    }

    #[test]
    fn one_line_has_no_line_breaks_and_nothing_unsafe() {
        let line = one_line(&format!("{HOSTILE}\nnext\tline\r"));
        assert!(!line.contains(['\n', '\t', '\r']));
        assert!(!line.chars().any(is_forbidden), "{line:?}");
        assert!(line.contains("rlo_\u{FFFD}txt.exe"), "{line}");
    }

    #[test]
    fn json_of_safe_strings_has_no_escaped_controls() {
        let json = serde_json::to_string(&Safe(HOSTILE)).expect("serialises");
        assert!(!json.contains("\\u00"), "{json}");
        assert!(!json.chars().any(is_forbidden), "{json}");
        let back: String = serde_json::from_str(&json).expect("parses");
        assert!(!back.chars().any(is_forbidden));
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(multi_line("plain\ntext"), Cow::Borrowed(_)));
    }
}
