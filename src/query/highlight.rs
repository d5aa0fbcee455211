//! Highlighting: which characters of a title and which byte ranges of a text the filter matched.

use std::ops::Range;

use super::fuzzy::{Needle, fuzzy_indices};
use super::parse::Query;
use super::words::{lower_words, phrase_starts, term_tokens};

/// Character indices of `text` matched by the query's free words (fuzzy), for highlighting.
pub fn fuzzy_highlights(query: &Query, text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for w in query.words() {
        if let Some(idx) = fuzzy_indices(text, &Needle::new(w)) {
            out.extend(idx);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Byte ranges of `text` matched by the query's free words: a word starting with the term,
/// or for a phrase (`"two words"`), the run of consecutive words starting with its words.
pub fn word_highlights(query: &Query, text: &str) -> Vec<Range<usize>> {
    let terms: Vec<Vec<String>> = query
        .words()
        .map(term_tokens)
        .filter(|t| !t.is_empty())
        .collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let words = lower_words(text);
    let mut out = Vec::new();
    for tokens in &terms {
        for i in phrase_starts(&words, tokens) {
            let (Some((first, _)), Some((last, _)), Some(t)) =
                (words.get(i), words.get(i + tokens.len() - 1), tokens.last())
            else {
                continue;
            };
            // Highlight as many characters of the last word as the token has.
            let word = &text[last.clone()];
            let n = t.chars().count();
            let end = word.char_indices().nth(n).map_or(word.len(), |(b, _)| b);
            out.push(first.start..last.start + end);
        }
    }
    out.sort_by_key(|r| (r.start, r.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_mark_word_prefixes_and_fuzzy_characters() {
        let q = Query::parse("nuj -said");
        let text = "Harakat Al-Nujaba said";
        let r = word_highlights(&q, text);
        assert_eq!(r, vec![11..14]);
        assert_eq!(&text[r[0].clone()], "Nuj");
        let f = fuzzy_highlights(&q, "Al Nujaba");
        assert_eq!(f, vec![3, 4, 5]);
    }
}
