//! A raw document as read from a file, before cleaning.

/// How a document's text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, possibly with inline HTML (`.txt`, `.md`, JSON bodies).
    Text,
    /// A whole HTML page.
    Html,
}

/// One document before cleaning: its text and whatever metadata the container gave.
#[derive(Debug, Clone)]
pub struct RawDoc {
    pub id: String,
    pub path: String,
    pub format: Format,
    pub body: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// Control characters removed from fields after parsing (reported as a warning).
    pub control_chars_removed: usize,
}

impl RawDoc {
    /// A document with only a body.
    pub fn new(
        id: impl Into<String>,
        path: impl Into<String>,
        format: Format,
        body: String,
    ) -> Self {
        RawDoc {
            id: id.into(),
            path: path.into(),
            format,
            body,
            title: None,
            date: None,
            source: None,
            url: None,
            author: None,
            control_chars_removed: 0,
        }
    }
}

/// Whether text is a whole HTML page rather than text with inline tags.
///
/// Saved pages may open with a byte-order mark, an XML prolog or a `<!-- saved from url -->`
/// comment before `<html>`, so the markers are looked for in the first kilobyte.
pub fn looks_like_html_page(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with('<')
        && (head.contains("<!doctype html")
            || head.contains("<html")
            || head.contains("<head>")
            || head.contains("<head ")
            || head.contains("<body"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_told_from_text_with_tags() {
        assert!(looks_like_html_page(
            "<!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html_page(
            "\u{feff}<!-- saved from url=(0040)https://news.example/a -->\n<html lang=en>"
        ));
        assert!(looks_like_html_page(
            "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"
        ));
        assert!(!looks_like_html_page(
            "The mayor said <i>no</i> to the <b>plan</b>."
        ));
        assert!(!looks_like_html_page("A story about the <body> of a ship."));
    }
}
