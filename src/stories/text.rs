//! Words, stopwords and sentences as the stories module sees them.
//!
//! Grouping works on hashes of lowercased words so 100k articles never allocate a string per
//! word; sentence comparison works on crude stems so "negotiations" meets "negotiating".

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use unicode_segmentation::UnicodeSegmentation;

/// Function words that carry no event: dropped before n-grams are built, so "the police said"
/// and "police said" make the same bigram.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "s",
    "t",
    "said",
    "says",
    "say",
    "told",
    "mr",
    "mrs",
    "ms",
    "according",
    "also",
    "one",
    "two",
    "new",
    "last",
    "year",
    "years",
    "it's",
    "would",
    "may",
    "might",
    "must",
    "shall",
    "get",
    "got",
    "like",
    "make",
    "made",
];

/// Hashes of the stopwords, as [`word_hash`] computes them.
fn stopword_hashes() -> &'static FxHashSet<u64> {
    static SET: std::sync::OnceLock<FxHashSet<u64>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().map(|w| word_hash(w)).collect())
}

/// Per word hash: the languages (bits, in `stop_words::available_languages()` order) whose
/// stopword list (stopwords-iso) holds the word.
fn stop_languages() -> &'static FxHashMap<u64, u64> {
    static MAP: std::sync::OnceLock<FxHashMap<u64, u64>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: FxHashMap<u64, u64> = FxHashMap::default();
        for (bit, code) in stop_words::available_languages()
            .iter()
            .enumerate()
            .take(64)
        {
            for w in stop_words::lookup(code).unwrap_or_default() {
                *map.entry(word_hash(w)).or_default() |= 1 << bit;
            }
        }
        map
    })
}

/// Words read to tell a report's language.
const LANGUAGE_SAMPLE: usize = 200;

/// The language (its bit in [`stop_languages`]) of a text not in English: the one whose
/// stopwords make up most of its first words, clearly more than English's do. Reports in
/// one foreign language must not look alike for sharing "de", "la" and "que".
pub(crate) fn foreign_language(paragraphs: &[String]) -> Option<u32> {
    let map = stop_languages();
    let english = stop_words::available_languages()
        .iter()
        .position(|c| *c == "en")?;
    let mut counts = [0u32; 64];
    let mut n = 0u32;
    for (_, w) in paragraphs
        .iter()
        .flat_map(|p| words(p))
        .take(LANGUAGE_SAMPLE)
    {
        n += 1;
        let mut bits = map.get(&word_hash(w)).copied().unwrap_or(0);
        while bits != 0 {
            counts[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
    }
    let (best, &top) = counts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != english)
        .max_by_key(|&(_, c)| *c)?;
    (top * 5 >= n && top * 2 > counts[english] * 3).then_some(best as u32)
}

/// Whether `word` (any case) is a stopword.
pub(crate) fn is_stopword(word: &str) -> bool {
    stopword_hashes().contains(&word_hash(word))
}

/// A case-insensitive hash of a word, stable across runs (FxHasher is seedless).
pub(crate) fn word_hash(word: &str) -> u64 {
    let mut h = FxHasher::default();
    for c in word.chars() {
        // Most words are ASCII; `to_lowercase` is a table lookup for the rest.
        if c.is_ascii() {
            h.write_u32(c.to_ascii_lowercase() as u32);
        } else {
            for l in c.to_lowercase() {
                h.write_u32(l as u32);
            }
        }
    }
    h.finish()
}

/// Words of `text`: runs of letters or digits, with their byte offsets.
///
/// Apostrophes and dots split ("Iraq's" gives "Iraq", "s"; "U.S." gives "U", "S"), which the
/// stopword list and the one-letter rule then drop.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .scan(0usize, |pos, part| {
            let at = *pos;
            // Every separator that split the text is one char; find its width from the text.
            let sep = text[at + part.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            *pos = at + part.len() + sep;
            Some((at, part))
        })
        .filter(|(_, p)| !p.is_empty())
}

/// Content-word hashes of `text` in order: lowercased, stopwords and one-letter words dropped.
///
/// The words of [`words`] hashed as [`word_hash`] does, in one pass over the chars: grouping
/// reads millions of words.
pub(crate) fn content_hashes(text: &str, out: &mut Vec<u64>) {
    content_hashes_in(text, None, out);
}

/// [`content_hashes`] of a text in the language `foreign` (see [`foreign_language`]), whose
/// stopwords are dropped as well.
pub(crate) fn content_hashes_in(text: &str, foreign: Option<u32>, out: &mut Vec<u64>) {
    let stop = stopword_hashes();
    let theirs = foreign.map(|bit| (stop_languages(), 1u64 << bit));
    let mut h = FxHasher::default();
    // Bytes of the word being read; a word of one byte is one ASCII char.
    let mut len = 0;
    let mut digit = false;
    let mut end = |h: &mut FxHasher, len: &mut usize, digit: bool| {
        if *len >= 2 || (*len == 1 && digit) {
            let hash = h.finish();
            let their_stopword =
                theirs.is_some_and(|(map, bit)| map.get(&hash).is_some_and(|b| b & bit != 0));
            if !stop.contains(&hash) && !their_stopword {
                out.push(hash);
            }
        }
        *h = FxHasher::default();
        *len = 0;
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            h.write_u32(c.to_ascii_lowercase() as u32);
            digit = c.is_ascii_digit();
            len += 1;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            for l in c.to_lowercase() {
                h.write_u32(l as u32);
            }
            len += c.len_utf8();
        } else if len > 0 {
            end(&mut h, &mut len, digit);
        }
    }
    if len > 0 {
        end(&mut h, &mut len, digit);
    }
}

/// A crude stem: the lowercased word cut to six characters, so inflections and derived forms
/// ("procrastination", "procrastinating") compare equal in sentence matching.
pub(crate) fn stem_hash(word: &str) -> u64 {
    let mut h = FxHasher::default();
    for c in word.chars().flat_map(char::to_lowercase).take(6) {
        h.write_u32(c as u32);
    }
    h.finish()
}

/// Sentences of a paragraph as trimmed byte ranges.
///
/// Unicode sentence bounds break after "Mr." before a capital; such a piece of fewer than
/// three words is joined to the next one so a name is not cut off its sentence.
pub(crate) fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut pending: Option<usize> = None;
    for (start, s) in paragraph.split_sentence_bound_indices() {
        let trimmed = s.trim_end();
        let lead = s.len() - s.trim_start().len();
        if trimmed.trim().is_empty() {
            continue;
        }
        let begin = pending.take().unwrap_or(start + lead);
        let end = start + trimmed.len();
        if words(trimmed).count() < 3 && trimmed.ends_with('.') {
            pending = Some(begin);
            continue;
        }
        out.push(begin..end);
    }
    if let Some(begin) = pending {
        let end = paragraph.trim_end().len();
        if end > begin {
            out.push(begin..end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_possessives_and_abbreviations() {
        let w: Vec<&str> = words("Iraq's U.S. forces, 2,500 troops")
            .map(|x| x.1)
            .collect();
        assert_eq!(w, ["Iraq", "s", "U", "S", "forces", "2", "500", "troops"]);
        let text = "Al-Lami said";
        for (at, w) in words(text) {
            assert_eq!(&text[at..at + w.len()], w);
        }
    }

    #[test]
    fn content_hashes_ignore_case_and_stopwords() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        content_hashes("The POLICE said that the suspect fled", &mut a);
        content_hashes("police suspect fled", &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn content_hashes_are_the_hashes_of_the_content_words() {
        let text = "Iraq's U.S. forces: 2,500 troops, 7 ÉTATS-unis déjà vu; a İ ß Σ x1 é";
        let mut got = Vec::new();
        content_hashes(text, &mut got);
        let want: Vec<u64> = words(text)
            .map(|(_, w)| w)
            .filter(|w| w.len() >= 2 || w.chars().all(|c| c.is_ascii_digit()))
            .map(word_hash)
            .filter(|h| !stopword_hashes().contains(h))
            .collect();
        assert_eq!(got, want);
        assert_eq!(got.len(), 15);
    }

    #[test]
    fn a_report_not_in_english_drops_its_own_function_words() {
        let es = vec![
            "El gobierno de la ciudad anunció que las obras del puerto terminarán en marzo, \
             según dijo el alcalde a los periodistas."
                .to_string(),
        ];
        let en = vec![
            "The city government said that work on the port would end in March, the mayor \
             told reporters on Monday."
                .to_string(),
        ];
        let lang = foreign_language(&es);
        assert!(lang.is_some());
        assert_eq!(foreign_language(&en), None);
        let mut plain = Vec::new();
        content_hashes(&es[0], &mut plain);
        let mut own = Vec::new();
        content_hashes_in(&es[0], lang, &mut own);
        assert!(plain.contains(&word_hash("que")) && !own.contains(&word_hash("que")));
        assert!(own.contains(&word_hash("gobierno")) && own.contains(&word_hash("puerto")));
        let mut english = Vec::new();
        content_hashes_in(&en[0], None, &mut english);
        assert!(english.contains(&word_hash("port")));
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem_hash("Procrastination"), stem_hash("procrastinating"));
        assert_ne!(stem_hash("truce"), stem_hash("troops"));
    }

    #[test]
    fn sentences_keep_titles_with_their_names() {
        let p = "Mr. Al Tamimi spoke. He left on Monday. Then it rained hard.";
        let got: Vec<&str> = sentences(p).into_iter().map(|r| &p[r]).collect();
        assert_eq!(
            got,
            [
                "Mr. Al Tamimi spoke.",
                "He left on Monday.",
                "Then it rained hard."
            ]
        );
    }
}
