//! Making untrusted text safe for a terminal: no control characters, no bidi overrides.

use std::path::Path;

/// Whether a character must never reach the terminal (C0/C1 controls, DEL, bidi controls).
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
        || matches!(c, '\u{FFF9}'..='\u{FFFB}')
}

/// A path for messages, with anything unsafe replaced by `?`.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy()
        .chars()
        .map(|c| {
            if is_forbidden(c) || c == '\n' || c == '\t' {
                '?'
            } else {
                c
            }
        })
        .collect()
}

/// Text for a single message line: controls and newlines become `?`/spaces.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => ' ',
            c if is_forbidden(c) => '?',
            c => c,
        })
        .collect()
}
