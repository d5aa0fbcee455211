//! Paragraphs and sentences of plain text: blank or single newlines, hard wraps, walls of text.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Words that end with a period without ending a sentence, from `assets/abbreviations.txt`.
pub fn abbreviations() -> impl Iterator<Item = &'static str> {
    include_str!("../../assets/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static ABBREVIATIONS: LazyLock<HashSet<String>> =
    LazyLock::new(|| abbreviations().map(str::to_lowercase).collect());

/// Paragraphs longer than this (bytes) with no line breaks are split at sentence boundaries.
const WALL_BYTES: usize = 900;
/// Target size of the paragraphs a wall is split into.
const TARGET_BYTES: usize = 420;

/// Collapses runs of whitespace to single spaces and trims.
pub fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a line ends a sentence (final punctuation, possibly inside closing quotes).
pub fn ends_sentence(line: &str) -> bool {
    let trimmed = line
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Splits text into paragraphs the way the file has them.
///
/// Blank lines always separate paragraphs. Inside a block, a single newline separates
/// paragraphs too, unless the block is hard-wrapped (lines of similar length), whose
/// lines are joined. Walls of text are left to [`split_walls`].
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        let line = strip_heading_marks(line.trim());
        if line.is_empty() {
            push_block(&block, &mut out);
            block.clear();
        } else {
            block.push(line);
        }
    }
    out
}

/// Markdown headings (`## Title`) read as plain paragraphs.
pub fn strip_heading_marks(line: &str) -> &str {
    let rest = line.trim_start_matches('#');
    let marks = line.len() - rest.len();
    if (1..=6).contains(&marks) && rest.starts_with(' ') {
        rest.trim_start()
    } else {
        line
    }
}

fn push_block(lines: &[&str], out: &mut Vec<String>) {
    if lines.is_empty() {
        return;
    }
    if is_hard_wrapped(lines) {
        out.push(squash(&lines.join(" ")));
        return;
    }
    let mut current = String::new();
    for (i, line) in lines.iter().enumerate() {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
        let next_continues = lines
            .get(i + 1)
            .is_some_and(|next| !ends_sentence(line) && next.starts_with(char::is_lowercase));
        if !next_continues {
            out.push(squash(&current));
            current.clear();
        }
    }
    if !current.is_empty() {
        out.push(squash(&current));
    }
}

/// A block whose lines (but the last) are all long and of similar width was wrapped by a tool.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    let max = widths.iter().copied().max().unwrap_or(0);
    if !(40..=120).contains(&max) {
        return false;
    }
    let body = &widths[..widths.len() - 1];
    let similar = body.iter().filter(|&&w| w * 10 >= max * 7).count();
    similar * 10 >= body.len() * 9
}

/// Byte offsets where sentences start (always including 0 for non-empty text).
pub fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Skip closing quotes and brackets after the punctuation.
        let mut end = i + c.len_utf8();
        while let Some(&(j, q)) = iter.peek() {
            if matches!(
                q,
                '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '.' | '!' | '?'
            ) {
                end = j + q.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        if end >= bytes.len() || !text[end..].starts_with(char::is_whitespace) {
            continue;
        }
        let next_start = end + text[end..].len() - text[end..].trim_start().len();
        let Some(next) = text[next_start..].chars().next() else {
            continue;
        };
        let opens = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '“' | '"' | '‘' | '(' | '[' | '«');
        if opens && !(c == '.' && is_abbreviation(&text[..i])) {
            starts.push(next_start);
        }
    }
    starts
}

/// Whether the word just before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"'))
        .next()
        .unwrap_or("");
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    ABBREVIATIONS.contains(&word.to_lowercase())
}

/// The sentences of a paragraph, trimmed.
pub fn sentences(text: &str) -> Vec<&str> {
    let starts = sentence_starts(text);
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| text[s..starts.get(k + 1).copied().unwrap_or(text.len())].trim())
        .filter(|s| !s.is_empty())
        .collect()
}

static REF: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r" ?\[(\d{1,4})\]").expect("static regex"));

/// The most links an article numbers: the ` [N]` pattern reads at most four digits.
pub const MAX_REF: usize = 9_999;

/// Text without its ` [N]` link references.
pub fn strip_refs(text: &str) -> std::borrow::Cow<'_, str> {
    REF.replace_all(text, "")
}

/// The ` [N]` link reference pattern (N in group 1).
pub fn ref_pattern() -> &'static regex::Regex {
    &REF
}

/// Splits any paragraph longer than a screenful into paragraphs of a few sentences.
pub fn split_walls(paragraphs: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        if p.len() <= WALL_BYTES {
            out.push(p);
            continue;
        }
        let mut current = String::new();
        for sentence in sentences(&p) {
            // A quote opening a new sentence after a long run starts its own paragraph.
            if !current.is_empty() && current.len() >= TARGET_BYTES {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(sentence);
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

/// The text cut at a word boundary to at most `max` characters, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let ends_at_word = text[cut.len()..].starts_with(char::is_whitespace);
    let at_word = match cut.rfind(' ') {
        _ if ends_at_word => cut.as_str(),
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        at_word.trim_end_matches([',', ';', ':', ' ', '-', '—'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_and_single_newlines_both_separate() {
        let text = "First para.\n\nSecond para.\nThird para.\n";
        assert_eq!(
            paragraphs(text),
            ["First para.", "Second para.", "Third para."]
        );
    }

    #[test]
    fn hard_wrapped_blocks_are_joined() {
        let text = "The committee met on Monday to discuss the budget for the coming\n\
                    year, and after a long debate the members agreed to postpone the\n\
                    vote until the auditors had reported on last year's accounts in\n\
                    full.\n\nNext paragraph.";
        let p = paragraphs(text);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].starts_with("The committee") && p[0].ends_with("in full."));
    }

    #[test]
    fn a_lowercase_continuation_joins_the_line_before() {
        assert_eq!(
            paragraphs("The mayor said that\nthe bridge will reopen."),
            ["The mayor said that the bridge will reopen."]
        );
    }

    #[test]
    fn markdown_heading_marks_are_dropped() {
        assert_eq!(
            paragraphs("# Title\n\nText #1 and #tag."),
            ["Title", "Text #1 and #tag."]
        );
        assert_eq!(strip_heading_marks("#hashtag"), "#hashtag");
    }

    #[test]
    fn short_lines_stay_separate() {
        assert_eq!(
            paragraphs("Get the App\nDownload now\n4\n"),
            ["Get the App", "Download now", "4"]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_initials_and_quotes() {
        let s = sentences(
            "Mr. Smith met Dr. J. R. Jones in the U.S. on Monday. “It went well,” he said. Then 3 people left! Done",
        );
        assert_eq!(
            s,
            [
                "Mr. Smith met Dr. J. R. Jones in the U.S. on Monday.",
                "“It went well,” he said.",
                "Then 3 people left!",
                "Done"
            ]
        );
    }

    #[test]
    fn sentence_ends_before_an_opening_quote() {
        assert_eq!(sentences("He spoke. “Yes.” Fine.").len(), 3);
    }

    #[test]
    fn walls_are_split_at_sentence_boundaries_only() {
        let sentence = "The council voted on the harbour plan after a long and heated debate. ";
        let wall = sentence.repeat(30);
        let parts = split_walls(vec![wall.trim().to_string()]);
        assert!(parts.len() >= 4, "{}", parts.len());
        for p in &parts {
            assert!(p.ends_with("debate."), "{p}");
            assert!(p.len() < 900);
        }
        assert_eq!(parts.join(" "), wall.trim());
    }

    #[test]
    fn short_paragraphs_are_untouched() {
        assert_eq!(split_walls(vec!["Short. Text.".into()]), ["Short. Text."]);
    }

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(
            shorten("The quick brown fox jumps over the lazy dog", 20),
            "The quick brown fox…"
        );
        assert_eq!(shorten("short", 20), "short");
    }

    #[test]
    fn ends_sentence_sees_through_quotes() {
        assert!(ends_sentence("He said “no.”"));
        assert!(!ends_sentence("A headline with no stop"));
    }
}
