//! Fuzzy matching of titles and sources: which matches count (dense, starting at a word).
//!
//! nucleo-matcher (helix's matcher) does the matching: on 100k realistic titles it was 2-7
//! times faster than skim v2 from fuzzy-matcher in `cargo bench --bench filter` (matcher
//! group), for scores and for match positions alike.

use std::cell::RefCell;

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32Str};

thread_local! {
    /// One matcher per thread (it keeps scratch memory between calls) and a buffer for the
    /// haystack's characters.
    static MATCHER: RefCell<(Matcher, Vec<char>)> =
        RefCell::new((Matcher::new(Config::DEFAULT), Vec::new()));
}

/// A pattern prepared for matching (case-insensitive, accents folded).
#[derive(Debug, Clone)]
pub struct Needle {
    atom: Atom,
    chars: usize,
}

impl Needle {
    /// Prepares `pattern` as typed (no special syntax: `^` or `!` are characters).
    pub fn new(pattern: &str) -> Needle {
        Needle {
            atom: Atom::new(
                pattern,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Fuzzy,
                false,
            ),
            chars: pattern.chars().count(),
        }
    }
}

/// Least score per pattern character for a match to count. nucleo gives 16 per matched
/// character plus bonuses at word starts and for runs, and takes 3-4 off per gap: letters
/// scattered across a title ("kaabi" in "Harakat ... armed ... between") score far lower,
/// and read as noise, not as a match.
const MIN_SCORE_PER_CHAR: u32 = 18;

fn good_enough(score: u32, needle: &Needle) -> bool {
    score >= MIN_SCORE_PER_CHAR * needle.chars as u32
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

/// Matched character indices and score of `needle` in `text`, if it is a match worth
/// showing: dense enough (not letters scattered over a title), and starting at a word, so
/// "lami" does not find "Islamic" (typing a word means the start of a word, as in the body).
fn fuzzy_match(text: &str, needle: &Needle) -> Option<(u32, Vec<u32>)> {
    if needle.chars == 0 {
        return None;
    }
    MATCHER.with(|cell| {
        let mut guard = cell.borrow_mut();
        let (matcher, buf) = &mut *guard;
        let mut idx = Vec::new();
        let score = needle
            .atom
            .indices(Utf32Str::new(text, buf), matcher, &mut idx)?;
        idx.sort_unstable();
        idx.dedup();
        let score = u32::from(score);
        let starts_word = idx.first().is_some_and(|&i| begins_word(text, i as usize));
        (good_enough(score, needle) && starts_word && words_hold(text, &idx, needle.chars))
            .then_some((score, idx))
    })
}

/// Longest pattern read as the initials of words ("dsh": "Drone strike hits"); a longer one
/// is a word typed, found within two words ("oscr": "Oscar", "alnuj": "Al Nujaba").
const INITIALS_MAX: usize = 3;

/// Each run of matched characters goes on in the word the last run was in, or starts a word,
/// and a typed word stays within two words: "oscar" finds neither "office Christmas party"
/// nor "Office Shooter Charged".
fn words_hold(text: &str, idx: &[u32], pattern_chars: usize) -> bool {
    let chars: Vec<char> = text.chars().collect();
    if pattern_chars > INITIALS_MAX
        && let (Some(&first), Some(&last)) = (idx.first(), idx.last())
    {
        let starts = chars
            .get(first as usize + 1..=last as usize)
            .unwrap_or(&[])
            .windows(2)
            .filter(|w| !w[0].is_alphanumeric() && w[1].is_alphanumeric())
            .count();
        if starts > 1 {
            return false;
        }
    }
    idx.windows(2).all(|w| {
        let (a, b) = (w[0] as usize, w[1] as usize);
        let same_word = chars
            .get(a + 1..b)
            .is_some_and(|gap| gap.iter().all(|c| c.is_alphanumeric()));
        let word_start = b == 0 || !chars.get(b - 1).is_some_and(|c| c.is_alphanumeric());
        b == a + 1 || same_word || word_start
    })
}

/// Fuzzy score of `needle` in `text`, if it is a match worth showing.
pub fn fuzzy_score(text: &str, needle: &Needle) -> Option<i64> {
    fuzzy_match(text, needle).map(|(s, _)| i64::from(s))
}

/// Matched character indices of `needle` in `text`, if it is a match worth showing.
pub fn fuzzy_indices(text: &str, needle: &Needle) -> Option<Vec<usize>> {
    fuzzy_match(text, needle).map(|(_, idx)| idx.into_iter().map(|i| i as usize).collect())
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

    fn score(text: &str, p: &str) -> Option<i64> {
        fuzzy_score(text, &Needle::new(p))
    }

    #[test]
    fn scattered_letters_are_not_a_fuzzy_match() {
        let title =
            "Harakat Al-Nujaba armed group reaffirmed, on Wednesday, that no ceasefire exists";
        assert!(score(title, "kaabi").is_none());
        assert!(score(title, "nuj").is_some());
        // Word initials still count.
        assert!(score("Drone strike hits PMF base", "dsh").is_some());
        // Letters picked from the middles of several words do not.
        let party = "A 61-year-old man was charged with first-degree murder Saturday after \
                     allegedly opening fire at his former employers' office Christmas party";
        assert!(score(party, "oscar").is_none());
        assert!(score("Detroit Office Shooter Charged", "oscar").is_none());
        assert!(score("Al Nujaba Movement", "alnuj").is_some());
        assert!(score("Oscar nominations announced", "oscr").is_some());
    }

    #[test]
    fn fuzzy_title_matches_start_at_a_word() {
        assert!(score("Islamic Resistance claims attack", "lami").is_none());
        assert!(score("Al-Lami speaks", "lami").is_some());
        assert!(begins_word("a-b", 2));
        assert!(!begins_word("ab", 1));
    }

    #[test]
    fn case_and_accents_do_not_matter() {
        assert!(score("Café Rouge reopens", "cafe").is_some());
        assert!(score("NUJABA statement", "nujaba").is_some());
        assert_eq!(
            fuzzy_indices("Al Nujaba", &Needle::new("nuj")),
            Some(vec![3, 4, 5])
        );
    }
}
