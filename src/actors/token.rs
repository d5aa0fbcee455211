//! Words and punctuation of a paragraph, with byte offsets and sentence starts.

use super::lexicon::{Lexicon, class};
use super::norm;

/// Letter case of a word, or punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// First letter upper case ("Iraq", "McDonald").
    Cap,
    /// Two or more letters, all capitals ("US", "U.S.", "PMF").
    Upper,
    Lower,
    Digit,
    /// A word with no case (scripts without capitals).
    Other,
    Punct,
}

/// One token: a word (without any possessive 's) or one punctuation character.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    /// The punctuation character, or the word's first character.
    pub ch: char,
    /// Glued to the previous word by a hyphen ("backed" in "Iran-backed").
    pub joined: bool,
    /// A possessive ('s, ’s, s') followed the word.
    pub poss: bool,
    pub space_before: bool,
    /// First word of a sentence.
    pub sent_start: bool,
    /// First word after an opening quote that starts a quoted sentence.
    pub quote_start: bool,
    /// Word classes from the lexicon.
    pub flags: u64,
    /// The gazetteer entry this word names alone: [`NO_GAZ`], [`UNKNOWN_GAZ`] or an id.
    pub gaz: u32,
}

/// The word alone names no gazetteer entry.
pub(crate) const NO_GAZ: u32 = u32::MAX;
/// Not worked out while tokenizing (odd characters, lowercase): ask the lexicon.
pub(crate) const UNKNOWN_GAZ: u32 = u32::MAX - 1;

impl Tok {
    /// A word of any case.
    pub fn is_word(&self) -> bool {
        self.shape != Shape::Punct
    }

    /// A capitalised word or an acronym.
    pub fn is_cap(&self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::Upper)
    }

    /// Punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.shape == Shape::Punct && self.ch == c
    }

    /// Has any of the classes in `mask`.
    pub fn has(&self, mask: u64) -> bool {
        self.flags & mask != 0
    }
}

/// A capital inside a word after a small letter, as brands join words ("GoTo", "YouTube");
/// a surname's prefix does not count ("McGuire", "DeSantis").
pub(crate) fn brand_capital(w: &str) -> bool {
    let mut prev_lower = false;
    for (i, c) in w.char_indices() {
        if c.is_uppercase() && prev_lower {
            let head = w[..i].to_lowercase();
            return !matches!(
                head.as_str(),
                "mc" | "mac" | "de" | "di" | "da" | "du" | "le" | "la" | "van" | "von" | "fitz"
            );
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// Letters, digits and combining marks make words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || norm::is_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Opening quotation marks that are never apostrophes.
pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '«' | '„' | '‘' | '‹')
}

/// Closing quotation marks (and the ambiguous straight ones).
pub(crate) fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '»' | '’' | '›' | '"' | '\'')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// End of the word starting at `i`, where scanning resumes, and whether a possessive followed.
fn scan_word(text: &str, i: usize) -> (usize, usize, bool) {
    let mut j = i;
    loop {
        let seg = j;
        while let Some(c) = char_at(text, j).filter(|&c| is_word_char(c)) {
            j += c.len_utf8();
        }
        let end = j;
        match char_at(text, j) {
            Some(a) if is_apostrophe(a) => {
                let k = j + a.len_utf8();
                match char_at(text, k) {
                    Some(n @ ('s' | 'S'))
                        if !char_at(text, k + n.len_utf8()).is_some_and(is_word_char) =>
                    {
                        return (end, k + 1, true);
                    }
                    Some(n) if n.is_alphabetic() => j = k,
                    _ => {
                        // "Forces'" is a plural possessive; otherwise a closing quote.
                        let plural = text[..end].ends_with(['s', 'S']);
                        return (end, if plural { k } else { end }, plural);
                    }
                }
            }
            // "U.S.", "U.K.": single capitals joined by periods.
            Some('.')
                if end - seg == 1 && text[seg..end].chars().all(|c| c.is_ascii_uppercase()) =>
            {
                let mut k = end;
                while text.as_bytes().get(k) == Some(&b'.')
                    && text
                        .as_bytes()
                        .get(k + 1)
                        .is_some_and(u8::is_ascii_uppercase)
                    && text.as_bytes().get(k + 2) == Some(&b'.')
                {
                    k += 2;
                }
                if k == end {
                    // "E.ON": one capital, a period, then capitals to the end of the word.
                    let caps = text[end + 1..]
                        .bytes()
                        .take_while(u8::is_ascii_uppercase)
                        .count();
                    let after = end + 1 + caps;
                    if caps >= 2 && !char_at(text, after).is_some_and(is_word_char) {
                        return (after, after, false);
                    }
                    return (end, end, false);
                }
                return (k + 1, k + 1, false);
            }
            // "AT&T", "H&M".
            Some('&')
                if text[..end]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_uppercase())
                    && char_at(text, end + 1).is_some_and(|c| c.is_uppercase()) =>
            {
                j = end + 1;
            }
            _ => return (end, end, false),
        }
    }
}

/// Case shape of a word.
fn shape_of(word: &str) -> Shape {
    let Some(first) = word.chars().next() else {
        return Shape::Other;
    };
    if first.is_uppercase() {
        let mut letters = 0;
        for c in word.chars().filter(|c| c.is_alphabetic()) {
            if c.is_lowercase() {
                return Shape::Cap;
            }
            letters += 1;
        }
        if letters >= 2 {
            Shape::Upper
        } else {
            Shape::Cap
        }
    } else if first.is_lowercase() {
        // "easyJet", "xAI": a capital after the first letter marks a brand name.
        if word.chars().skip(1).any(char::is_uppercase) {
            Shape::Cap
        } else {
            Shape::Lower
        }
    } else if first.is_numeric() {
        Shape::Digit
    } else {
        Shape::Other
    }
}

/// Splits `text` into tokens (appended to `out`), with word classes and sentence starts.
pub(crate) fn tokenize(text: &str, lex: &Lexicon, buf: &mut String, out: &mut Vec<Tok>) {
    out.clear();
    let mut i = 0;
    let mut space = true;
    let mut glue = false;
    while let Some(c) = char_at(text, i) {
        let len = c.len_utf8();
        if c.is_whitespace() {
            space = true;
            glue = false;
            i += len;
            continue;
        }
        if is_word_char(c) {
            let (end, next, poss) = scan_word(text, i);
            let word = &text[i..end];
            buf.clear();
            norm::fold_into(word, buf);
            let shape = shape_of(word);
            // Names are looked up alone again and again: do it once here.
            let gaz = match shape {
                Shape::Cap | Shape::Upper if buf.chars().all(char::is_alphanumeric) => {
                    let caps = !word.chars().any(char::is_lowercase);
                    norm::word_key(buf, &lex.tables)
                        .and_then(|k| lex.gaz_written(k, caps, word))
                        // "GoTo" the company is not "Gotō" the town: a brand's inner capital
                        // must be the list's own spelling.
                        .filter(|&g| {
                            !brand_capital(word)
                                || lex.entry(g).is_some_and(|e| e.name.contains(word))
                        })
                        .unwrap_or(NO_GAZ)
                }
                _ => UNKNOWN_GAZ,
            };
            out.push(Tok {
                start: i,
                end,
                shape,
                ch: c,
                joined: glue && !space,
                poss,
                space_before: space,
                sent_start: false,
                quote_start: false,
                flags: lex.flags(buf),
                gaz,
            });
            space = false;
            glue = false;
            // Always advance, whatever the scanner said.
            i = next.max(i + len);
            continue;
        }
        let after_word = out.last().is_some_and(|t| t.is_word() && t.end == i);
        if is_hyphen(c) && after_word && char_at(text, i + len).is_some_and(is_word_char) {
            glue = true;
            i += len;
            continue;
        }
        out.push(Tok {
            start: i,
            end: i + len,
            shape: Shape::Punct,
            ch: c,
            joined: false,
            poss: false,
            space_before: space,
            sent_start: false,
            quote_start: false,
            flags: 0,
            gaz: NO_GAZ,
        });
        space = false;
        glue = false;
        i += len;
    }
    mark_sentences(out);
}

/// A period after an abbreviation ("Mr.") or an initial ("W.") ends no sentence.
fn abbreviation_period(toks: &[Tok], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p)) else {
        return false;
    };
    prev.is_word()
        && prev.end == toks[i].start
        && (prev.has(class::ABBREV) || (prev.shape == Shape::Cap && prev.end - prev.start == 1))
}

/// Sets `sent_start` and `quote_start`.
fn mark_sentences(toks: &mut [Tok]) {
    let mut sentence = true;
    let mut quote = false;
    for i in 0..toks.len() {
        let t = toks[i];
        if t.is_word() {
            toks[i].sent_start = sentence;
            toks[i].quote_start = quote;
            sentence = false;
            quote = false;
            continue;
        }
        match t.ch {
            '.' => sentence |= !abbreviation_period(toks, i),
            '!' | '?' | '…' | ':' => sentence = true,
            c if is_open_quote(c) => quote = true,
            '"' | '\'' => {
                let opens = t.space_before || i == 0 || toks[i - 1].is_punct('(');
                let next_glued = toks.get(i + 1).is_some_and(|n| !n.space_before);
                quote |= opens && next_glued;
            }
            _ => {}
        }
    }
    // A quote that holds only a name ("“The National”") opens no sentence.
    for i in 0..toks.len() {
        if toks[i].quote_start && quoted_name(toks, i) {
            toks[i].quote_start = false;
        }
    }
}

/// Words from `i` to the closing quote are all capitalised (or connectors), at most six.
fn quoted_name(toks: &[Tok], i: usize) -> bool {
    let mut words = 0;
    for t in &toks[i..] {
        if t.is_word() {
            let ok = t.is_cap()
                || (t.shape == Shape::Lower && t.has(class::CONNECTOR | class::PARTICLE));
            words += 1;
            if !ok || words > 6 {
                return false;
            }
        } else if is_close_quote(t.ch) {
            return words > 0;
        } else if t.ch != '-' {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands_join_words_with_capitals() {
        assert!(brand_capital("GoTo"));
        assert!(brand_capital("eHow"));
        assert!(!brand_capital("McGuire"));
        assert!(!brand_capital("Oslo"));
        assert!(!brand_capital("NATO"));
    }

    #[test]
    fn a_brand_is_not_a_town_spelled_otherwise() {
        let lex = &*LEXICON;
        let (mut buf, mut toks) = (String::new(), Vec::new());
        tokenize("GoTo and Goto", lex, &mut buf, &mut toks);
        assert_eq!(toks[0].gaz, NO_GAZ);
        assert_ne!(toks[2].gaz, NO_GAZ, "Gotō is a listed town");
    }

    use crate::actors::lexicon::LEXICON;

    fn toks(text: &str) -> Vec<Tok> {
        let mut out = Vec::new();
        tokenize(text, &LEXICON, &mut String::new(), &mut out);
        out
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text)
            .iter()
            .filter(|t| t.is_word())
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn possessives_are_split_off() {
        assert_eq!(
            words("Iraq's and Iraq’s forces' O'Brien"),
            ["Iraq", "and", "Iraq", "forces", "O'Brien"]
        );
        let t = toks("Iraq’s Kurdistan");
        assert!(t[0].poss && !t[1].poss);
    }

    #[test]
    fn hyphens_glue_words() {
        let t = toks("Iran-backed al-Zarqa - x");
        assert!(t[1].joined && !t[0].joined && t[3].joined);
        assert_eq!(t.iter().filter(|t| t.is_punct('-')).count(), 1);
    }

    #[test]
    fn dotted_acronyms_are_one_word() {
        assert_eq!(
            words("the U.S.-led coalition"),
            ["the", "U.S.", "led", "coalition"]
        );
        assert_eq!(toks("U.S.")[0].shape, Shape::Upper);
        assert_eq!(words("AT&T and H&M"), ["AT&T", "and", "H&M"]);
        assert_eq!(words("E.ON and RWE. A.B"), ["E.ON", "and", "RWE", "A", "B"]);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape_of("Iraq"), Shape::Cap);
        assert_eq!(shape_of("PMF"), Shape::Upper);
        assert_eq!(shape_of("I"), Shape::Cap);
        assert_eq!(shape_of("easyJet"), Shape::Cap);
        assert_eq!(shape_of("xAI"), Shape::Cap);
        assert_eq!(shape_of("iphone"), Shape::Lower);
        assert_eq!(shape_of("47th"), Shape::Digit);
        assert_eq!(shape_of("北京"), Shape::Other);
    }

    #[test]
    fn sentence_starts_skip_abbreviations() {
        let text = "He met Mr. Smith. Then George W. Bush left: Now.";
        let t = toks(text);
        let starts: Vec<&str> = t
            .iter()
            .filter(|t| t.sent_start)
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(starts, ["He", "Then", "Now"]);
    }

    #[test]
    fn quoted_names_open_no_sentence() {
        let text = "told “The National” that “We will win” soon";
        let t = toks(text);
        let q: Vec<&str> = t
            .iter()
            .filter(|t| t.quote_start)
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(q, ["We"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "", "'", "’s", "-", "a-", "-a", "U.", "U.S", "A&", "&B", "\u{301}", "x\u{0}y", "🙂's",
        ] {
            let t = toks(s);
            for tok in &t {
                assert!(s.is_char_boundary(tok.start) && s.is_char_boundary(tok.end));
                assert!(tok.start < tok.end);
            }
        }
    }
}
