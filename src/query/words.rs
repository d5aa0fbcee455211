//! Words as the filter sees them: spans of a text, folded (lowercase, accents off) for matching,
//! and runs of consecutive words for phrases.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// The words of a text (Unicode word boundaries, UAX #29) as byte ranges: "al-Nujaba" is two
/// words, "Lami's" and "3.5" one each.
pub fn word_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.unicode_word_indices()
        .map(|(start, w)| start..start + w.len())
}

/// Folded words of a query term (what body matching looks for as prefixes).
pub fn term_tokens(term: &str) -> Vec<String> {
    word_spans(term).map(|r| fold(&term[r])).collect()
}

/// Lowercase without Latin accents, as the word index stores words ("Café" and "cafe" meet).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        crate::actors::fold_char_into(c, &mut out);
    }
    out
}

/// Folded words of `text` with their byte ranges.
pub fn lower_words(text: &str) -> Vec<(Range<usize>, String)> {
    word_spans(text)
        .map(|r| {
            let w = fold(&text[r.clone()]);
            (r, w)
        })
        .collect()
}

/// Start indices in `words` where consecutive words start with the `tokens`, in order.
pub fn phrase_starts<'a>(
    words: &'a [(Range<usize>, String)],
    tokens: &'a [String],
) -> impl Iterator<Item = usize> + 'a {
    let n = tokens.len();
    (0..words.len().saturating_sub(n.saturating_sub(1))).filter(move |&i| {
        n > 0
            && tokens
                .iter()
                .zip(&words[i..])
                .all(|(t, (_, w))| w.starts_with(t.as_str()))
    })
}

/// Folded words of a name or an `@` query: "Al-Lami" is "al", "lami"; periods and apostrophes
/// inside a word are dropped ("U.S." is "us", "O'Brien" "obrien").
pub fn name_words(text: &str) -> Vec<String> {
    text.unicode_words()
        .map(|w| {
            let mut out = String::with_capacity(w.len());
            w.chars()
                .filter(|c| !matches!(c, '.' | '\'' | '’'))
                .for_each(|c| crate::actors::fold_char_into(c, &mut out));
            out
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_spans_split_on_punctuation() {
        let t = "al-Nujaba, 2024!";
        let w: Vec<&str> = word_spans(t).map(|r| &t[r]).collect();
        assert_eq!(w, vec!["al", "Nujaba", "2024"]);
    }

    #[test]
    fn name_words_split_at_spaces_and_hyphens_and_drop_dots() {
        assert_eq!(name_words("Al-Lami"), vec!["al", "lami"]);
        assert_eq!(name_words("U.S. Army"), vec!["us", "army"]);
        assert_eq!(name_words("O'Brien"), vec!["obrien"]);
        assert_eq!(name_words("Ḥaydar Çelik"), vec!["haydar", "celik"]);
        assert_eq!(name_words("Zoë"), vec!["zoe"]);
        assert_eq!(name_words("Zoe\u{308}"), vec!["zoe"]);
    }
}
