//! Fuzzy matching of titles and sources: which matches count (dense, starting at a word).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The fuzzy matcher every part of the reader uses (case-insensitive skim v2).
pub fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}

/// Least fuzzy score per pattern character for a match to count. Skim gives about 20 per
/// character to contiguous or word-initial matches and about 10 to letters scattered across a
/// title ("kaabi" in "Harakat ... armed ... between"), which read as noise, not as a match.
const MIN_SCORE_PER_CHAR: i64 = 12;

fn good_enough(score: i64, pattern: &str) -> bool {
    score >= MIN_SCORE_PER_CHAR * pattern.chars().count() as i64
}

/// Whether the character at char index `i` of `text` begins a word (or is not a letter at
/// all, for patterns that start with punctuation).
fn begins_word(text: &str, i: usize) -> bool {
    let mut prev = None;
    for (n, c) in text.chars().enumerate() {
        if n == i {
            return !c.is_alphanumeric() || !prev.is_some_and(char::is_alphanumeric);
        }
        prev = Some(c);
    }
    false
}

/// Matched character indices and score of `pattern` in `text`, if it is a match worth
/// showing: dense enough (not letters scattered over a title), and starting at a word, so
/// "lami" does not find "Islamic" (typing a word means the start of a word, as in the body).
fn fuzzy_match(m: &SkimMatcherV2, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
    m.fuzzy_indices(text, pattern).filter(|(s, idx)| {
        good_enough(*s, pattern) && idx.first().is_some_and(|&i| begins_word(text, i))
    })
}

/// Fuzzy score of `pattern` in `text`, if it is a match worth showing.
pub fn fuzzy_score(m: &SkimMatcherV2, text: &str, pattern: &str) -> Option<i64> {
    fuzzy_match(m, text, pattern).map(|(s, _)| s)
}

/// Matched character indices of `pattern` in `text`, if it is a match worth showing.
pub fn fuzzy_indices(m: &SkimMatcherV2, text: &str, pattern: &str) -> Option<Vec<usize>> {
    fuzzy_match(m, text, pattern).map(|(_, idx)| idx)
}

/// Longest title prefix (bytes) given to the fuzzy matcher: its cost grows with length, and a
/// "title" that is really a whole paragraph (bad input) should not slow every keystroke.
const TITLE_MAX: usize = 256;

/// The first `TITLE_MAX` bytes of `s`, cut on a character boundary.
pub fn head(s: &str) -> &str {
    if s.len() <= TITLE_MAX {
        return s;
    }
    let mut end = TITLE_MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scattered_letters_are_not_a_fuzzy_match() {
        let m = matcher();
        let title =
            "Harakat Al-Nujaba armed group reaffirmed, on Wednesday, that no ceasefire exists";
        assert!(fuzzy_score(&m, title, "kaabi").is_none());
        assert!(fuzzy_score(&m, title, "nuj").is_some());
        // Word initials still count.
        assert!(fuzzy_score(&m, "Drone strike hits PMF base", "dsh").is_some());
    }

    #[test]
    fn fuzzy_title_matches_start_at_a_word() {
        let m = matcher();
        assert!(fuzzy_score(&m, "Islamic Resistance claims attack", "lami").is_none());
        assert!(fuzzy_score(&m, "Al-Lami speaks", "lami").is_some());
        assert!(begins_word("a-b", 2));
        assert!(!begins_word("ab", 1));
    }
}
