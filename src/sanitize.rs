//! Making untrusted text safe for a terminal: no control characters, no bidi overrides.

use std::path::Path;

/// Whether a character must never reach the terminal (C0/C1 controls, DEL, bidi controls).
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
        || matches!(c, '\u{FFF9}'..='\u{FFFB}')
}

/// The character as shown on one line: line breaks and tabs a space, anything unsafe `?`.
pub fn safe_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        c if is_forbidden(c) => '?',
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

/// Text with every forbidden character removed (newlines and tabs kept).
pub fn strip_forbidden(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(is_forbidden) {
        text.chars()
            .filter(|&c| !is_forbidden(c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}
