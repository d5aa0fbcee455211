//! Normal forms of names, so that spellings of one name compare equal.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Translation tables from `assets/actors/translations.toml` plus droppable tails.
#[derive(Debug, Default)]
pub(crate) struct Tables {
    /// Arabic head word -> English tail ("harakat" -> "movement").
    pub heads: HashMap<String, String>,
    /// Spelling variant -> one spelling ("defence" -> "defense").
    pub spelling: HashMap<String, String>,
    /// Heads written "X of Y" or "Y X" ("ministry").
    pub of_reorder: HashSet<String>,
    /// Tails dropped for the core form ("movement", "agency", "province").
    pub strip_tails: HashSet<String>,
    /// Leading words dropped from every key ("county").
    pub drop_leading: HashSet<String>,
}

/// Appends `s` folded for lookups: lowercase, Latin diacritics removed, ’ as '.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        fold_char_into(c, out);
    }
}

/// `s` folded (see [`fold_into`]).
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Pushes `c` lowercased with diacritics removed; marks written as separate code points
/// are dropped, so "é" and "e\u{301}" both fold to "e". Shared by actors and the filter.
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        '’' | 'ʼ' | '‘' | '`' => return out.push('\''),
        '‐' | '‑' | '–' => return out.push('-'),
        _ => {}
    }
    // Canonical decomposition splits "é" into "e" and a mark; the marks go.
    decompose_canonical(c, |d| {
        if d.is_ascii() {
            out.push(d.to_ascii_lowercase());
        } else if is_mark(d) {
            // Accents written apart are dropped like composed ones.
        } else if let Some(latin) = latin_fold(d) {
            out.push_str(latin);
        } else {
            out.extend(d.to_lowercase());
        }
    });
}

/// ASCII for a Latin letter that has no decomposition ("ø", "ł", "ß", "æ"); other
/// scripts keep their letters, so "Москва" still folds to "москва".
fn latin_fold(c: char) -> Option<&'static str> {
    let latin = matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF);
    latin
        .then(|| deunicode::deunicode_char(c))
        .flatten()
        .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(|s| match s {
            "AE" | "Ae" => "ae",
            "OE" | "Oe" => "oe",
            "TH" | "Th" => "th",
            "ss" => "ss",
            _ if s.len() == 1 => lower_ascii(s),
            _ => s,
        })
}

/// The lowercase of a one-letter ASCII string, without allocating.
fn lower_ascii(s: &'static str) -> &'static str {
    const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => {
            let i = usize::from(b - b'A');
            LOWER.get(i..=i).unwrap_or(s)
        }
        _ => s,
    }
}

/// Combining marks (accents written as separate code points).
pub(crate) fn is_mark(c: char) -> bool {
    is_combining_mark(c)
}

/// Articles dropped from every key: "al-Zarqa" = "Zarqa", "The National" = "National".
pub(crate) fn is_article(t: &str) -> bool {
    matches!(t, "al" | "el" | "the")
}

/// Name tokens for comparing: folded; periods and apostrophes dropped; spelling,
/// articles and Arabic heads ("Harakat X" -> "x movement") normalised.
pub(crate) fn key_tokens(surface: &str, t: &Tables) -> Vec<String> {
    let folded = fold(surface);
    let mut toks: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in folded.chars() {
        if c == '.' || c == '\'' {
            continue;
        }
        if c.is_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            toks.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        toks.push(cur);
    }
    // Spaced initials are one word: "U. S." is "U.S.", "J. K. Rowling" is "J.K. Rowling".
    let single = |x: &str| x.chars().count() == 1 && x.chars().all(char::is_alphabetic);
    let mut joined: Vec<String> = Vec::with_capacity(toks.len());
    let mut initials = false;
    for w in toks {
        let one = single(&w);
        match joined.last_mut() {
            Some(prev) if one && initials => prev.push_str(&w),
            _ => joined.push(w),
        }
        initials = one;
    }
    let toks = joined;
    let mut toks: Vec<String> = toks
        .into_iter()
        .map(|w| t.spelling.get(&w).cloned().unwrap_or(w))
        .filter(|w| !is_article(w))
        .collect();
    if toks.len() > 1 && t.drop_leading.contains(&toks[0]) {
        toks.remove(0);
    }
    if let Some(first) = toks.first()
        && let Some(tail) = t.heads.get(first)
        && toks.len() > 1
    {
        let tail = tail.clone();
        toks.remove(0);
        toks.push(tail);
    }
    if toks.len() > 2 && t.of_reorder.contains(&toks[0]) && toks[1] == "of" {
        let head = toks.remove(0);
        toks.remove(0);
        toks.push(head);
    }
    toks
}

/// Key of one folded word made only of letters and digits, as [`key`] would
/// give it; `None` for an article, which leaves no key.
pub(crate) fn word_key<'a>(folded: &'a str, t: &'a Tables) -> Option<&'a str> {
    let w = t.spelling.get(folded).map_or(folded, String::as_str);
    (!is_article(w)).then_some(w)
}

/// Joined key of `surface` (see [`key_tokens`]).
pub(crate) fn key(surface: &str, t: &Tables) -> String {
    key_tokens(surface, t).join(" ")
}

/// Key tokens without droppable tails ("fjord news agency" -> "fjord news").
pub(crate) fn core<'t>(toks: &'t [String], t: &Tables) -> &'t [String] {
    let mut end = toks.len();
    while end > 1 && t.strip_tails.contains(&toks[end - 1]) {
        end -= 1;
    }
    &toks[..end]
}

/// Loose form for transliterations: e/i, o/u and y/i meet, doubled letters
/// collapse, a final h after a vowel goes ("Qarnit" = "Qarnet").
pub(crate) fn translit(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut prev = '\0';
    for c in key.chars() {
        let c = match c {
            'e' | 'y' => 'i',
            'o' => 'u',
            _ => c,
        };
        if c == prev {
            continue;
        }
        out.push(c);
        prev = c;
    }
    if out.ends_with('h') && out.len() > 2 {
        let before = out[..out.len() - 1].chars().next_back();
        if before.is_some_and(|b| "aiu".contains(b)) {
            out.pop();
        }
    }
    out
}

/// Letters of an acronym written in capitals ("U.S." -> "us"), if it is one.
pub(crate) fn acronym_letters(s: &str) -> Option<String> {
    let mut out = String::new();
    for c in s.chars() {
        if c == '.' {
            continue;
        }
        if !c.is_uppercase() {
            return None;
        }
        out.extend(c.to_lowercase());
    }
    (2..=10).contains(&out.chars().count()).then_some(out)
}

/// One word of a candidate definition: its initial and whether it may be skipped.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Initial {
    pub letter: char,
    pub skippable: bool,
}

/// Index of the first word of `words` that an acronym spells, matching from
/// the end ("Islamic Resistance in Iraq" spells "iri"); lowercase words may be
/// skipped, capitalised ones may not.
pub(crate) fn acronym_start(letters: &str, words: &[Initial]) -> Option<usize> {
    let letters: Vec<char> = letters.chars().collect();
    // Bound the search: acronyms are short and so are definitions.
    if letters.len() > 10 || words.is_empty() {
        return None;
    }
    let from = words.len().saturating_sub(24);
    let words = &words[from..];
    fn go(l: &[char], w: &[Initial], li: usize, wi: usize) -> Option<usize> {
        if li == 0 {
            return Some(wi);
        }
        if wi == 0 {
            return None;
        }
        let word = w[wi - 1];
        if word.letter == l[li - 1]
            && let Some(s) = go(l, w, li - 1, wi - 1)
        {
            return Some(s);
        }
        if word.skippable {
            return go(l, w, li, wi - 1);
        }
        None
    }
    let start = go(&letters, words, letters.len(), words.len())?;
    // The last word must take part: "Forces (PMF)" ends the definition.
    let last_used = !words[words.len() - 1].skippable;
    (last_used && words.len() - start >= 2).then_some(start + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> Tables {
        let mut t = Tables::default();
        t.heads.insert("harakat".into(), "movement".into());
        t.heads.insert("kataib".into(), "brigades".into());
        t.spelling.insert("defence".into(), "defense".into());
        t.of_reorder.insert("ministry".into());
        t.drop_leading.insert("county".into());
        for w in ["movement", "agency", "province"] {
            t.strip_tails.insert(w.into());
        }
        t
    }

    #[test]
    fn fold_removes_diacritics_and_case() {
        assert_eq!(fold("Sinn Féin"), "sinn fein");
        assert_eq!(fold("Jonas Gahr Støre"), "jonas gahr store");
        assert_eq!(fold("Iraq’s"), "iraq's");
        assert_eq!(fold("Ó Súilleabháin"), "o suilleabhain");
        assert_eq!(fold("e\u{301}"), "e");
        assert_eq!(fold("Łódź Straße Ærø Þór"), "lodz strasse aero thor");
        assert_eq!(fold("Москва İstanbul 北京"), "москва istanbul 北京");
        assert_eq!(fold("Nguyễn Phú Trọng"), "nguyen phu trong");
    }

    #[test]
    fn keys_unify_spellings() {
        let t = tables();
        assert_eq!(key("Ain al-Zarqa", &t), key("Ain Al Zarqa", &t));
        assert_eq!(key("Al-Rawi", &t), "rawi");
        assert_eq!(key("U.S.", &t), "us");
        assert_eq!(key("U. S.", &t), "us");
        assert_eq!(key("J. K. Rowling", &t), key("J.K. Rowling", &t));
        assert_eq!(key("Malcolm X", &t), "malcolm x");
        assert_eq!(key("O'Brien", &t), "obrien");
        assert_eq!(key("Harakat Al-Wafa", &t), key("Wafa Movement", &t));
        assert_eq!(key("Kataib Hezbollah", &t), key("Hezbollah Brigades", &t));
        assert_ne!(
            key("Harakat Hezbollah al-Wafa", &t),
            key("Wafa Movement", &t)
        );
        assert_eq!(key("Ministry of Defence", &t), key("Defense Ministry", &t));
        assert_eq!(key("The National", &t), "national");
        assert_eq!(key("County Kerry", &t), "kerry");
        assert_eq!(key("County", &t), "county");
        assert_eq!(key("", &t), "");
    }

    #[test]
    fn core_drops_generic_tails_but_keeps_one_token() {
        let t = tables();
        let k = key_tokens("Fjord News Agency", &t);
        assert_eq!(core(&k, &t).join(" "), "fjord news");
        let k = key_tokens("Movement", &t);
        assert_eq!(core(&k, &t).join(" "), "movement");
        let k = key_tokens("Qarnit province", &t);
        assert_eq!(core(&k, &t).join(" "), "qarnit");
    }

    #[test]
    fn translit_meets_vowel_variants() {
        assert_eq!(translit("qarnit"), translit("qarnet"));
        assert_eq!(translit("mosul"), translit("mossul"));
        assert_ne!(translit("maria"), translit("mario"));
        assert_eq!(translit(""), "");
    }

    fn initials(words: &[&str]) -> Vec<Initial> {
        words
            .iter()
            .filter_map(|w| {
                let c = w.chars().next()?;
                Some(Initial {
                    letter: c.to_ascii_lowercase(),
                    skippable: c.is_lowercase(),
                })
            })
            .collect()
    }

    #[test]
    fn acronyms_match_their_definitions() {
        let w = initials(&["the", "Islamic", "Resistance", "in", "Iraq"]);
        assert_eq!(acronym_start("iri", &w), Some(1));
        let w = initials(&["Harakat", "Ansar", "Allah", "al", "Awfiya"]);
        assert_eq!(acronym_start("haaa", &w), Some(0));
        let w = initials(&["Norwegian", "Oil", "Fund"]);
        assert_eq!(acronym_start("of", &w), Some(1));
        let w = initials(&["Popular", "Mobilization", "Forces"]);
        assert_eq!(acronym_start("pmf", &w), Some(0));
        assert_eq!(acronym_start("xyz", &w), None);
        assert_eq!(acronym_start("f", &w), None);
        assert_eq!(acronym_start("pmf", &[]), None);
    }

    #[test]
    fn acronym_letters_need_capitals() {
        assert_eq!(acronym_letters("U.S.").as_deref(), Some("us"));
        assert_eq!(acronym_letters("HPAA").as_deref(), Some("hpaa"));
        assert_eq!(acronym_letters("Iraq"), None);
        assert_eq!(acronym_letters("A"), None);
    }
}
