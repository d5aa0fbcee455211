//! Features of one candidate name for the learned classifier: the rule votes, word shape,
//! how its words are written elsewhere in the corpus and in general English, gazetteer hits,
//! neighbouring words and where it stands (sentence start, headline, caption, list).

use std::hash::Hasher;

use rustc_hash::FxHasher;

use super::cand::{Cand, Para, leading_kind};
use super::lexicon::GazClass;
use super::norm;
use super::token::{Shape, Tok};
use crate::article::ActorKind;

/// Features of one candidate, as hashes (and as names when training).
#[derive(Debug, Default, Clone)]
pub(crate) struct Feats {
    pub ids: Vec<u64>,
    /// Feature names, kept only when asked for (training, inspection).
    pub names: Option<Vec<String>>,
    /// The words start or end a longer name of the same article.
    pub part: bool,
}

impl Feats {
    /// An empty set; `named` keeps the names as well.
    pub fn new(named: bool) -> Self {
        Feats {
            ids: Vec::new(),
            names: named.then(Vec::new),
            part: false,
        }
    }

    /// Adds the feature `tmpl=val`.
    pub fn add(&mut self, tmpl: &str, val: &str) {
        self.ids.push(feature_id(tmpl, val));
        if let Some(n) = &mut self.names {
            n.push(format!("{tmpl}={val}"));
        }
    }
}

/// Hash of the feature `tmpl=val`; the model file stores names, hashed the same way on load.
pub(crate) fn feature_id(tmpl: &str, val: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(tmpl.as_bytes());
    h.write_u8(b'=');
    h.write(val.as_bytes());
    h.finish()
}

/// Hash of a feature written `tmpl=val` (as in the model file).
pub fn feature_id_of(name: &str) -> u64 {
    match name.split_once('=') {
        Some((t, v)) => feature_id(t, v),
        None => feature_id(name, ""),
    }
}

/// A small number as a bucket name.
fn bucket(n: i32) -> &'static str {
    match n {
        i32::MIN..=0 => "0",
        1..=2 => "1",
        3..=5 => "3",
        6..=9 => "6",
        _ => "10",
    }
}

fn kind_name(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "P",
        ActorKind::Organization => "O",
        ActorKind::Place => "L",
        ActorKind::Other => "X",
    }
}

fn shape_char(t: &Tok) -> char {
    match t.shape {
        Shape::Cap => 'C',
        Shape::Upper => 'U',
        Shape::Lower => 'l',
        Shape::Digit => 'd',
        Shape::Other => 'o',
        Shape::Punct => 'p',
    }
}

/// Token indices of the words a candidate covers.
fn words_of(p: &Para, c: &Cand) -> Vec<usize> {
    let from = p.toks.partition_point(|t| t.start < c.start);
    (from..p.toks.len())
        .take_while(|&k| p.toks[k].end <= c.end)
        .filter(|&k| p.toks[k].is_word())
        .collect()
}

/// What a neighbouring token looks like: a lowercase word itself, else its shape or mark.
fn neighbour(p: &Para, k: Option<usize>) -> String {
    let Some(t) = k.and_then(|k| p.toks.get(k).map(|t| (k, t))) else {
        return "^".into();
    };
    // A sentence's first word is capitalised for its place alone ("In Cork", "Shares in").
    let opening = t.1.shape == Shape::Cap
        && (t.1.sent_start || t.1.quote_start)
        && p.lex.case_of(&norm::fold(p.word(t.0))) == Some(true);
    if opening {
        return norm::fold(p.word(t.0));
    }
    match t.1.shape {
        Shape::Lower => norm::fold(p.word(t.0)),
        Shape::Punct => t.1.ch.to_string(),
        _ => shape_char(t.1).to_string(),
    }
}

/// The last two letters of a lowercase word of four or more letters, or nothing.
fn word_end(w: &str) -> String {
    let letters = w.chars().count();
    if letters < 4 || !w.chars().all(char::is_lowercase) {
        return String::new();
    }
    w.chars().skip(letters - 2).collect()
}

/// Adds the set word classes of a token under `tmpl`.
fn add_flags(f: &mut Feats, tmpl: &str, flags: u64) {
    let mut bits = flags;
    while bits != 0 {
        let b = bits.trailing_zeros();
        let mut buf = [0u8; 2];
        let digits = if b < 10 {
            buf[0] = b'0' + b as u8;
            &buf[..1]
        } else {
            buf[0] = b'0' + (b / 10) as u8;
            buf[1] = b'0' + (b % 10) as u8;
            &buf[..2]
        };
        f.add(tmpl, std::str::from_utf8(digits).unwrap_or("?"));
        bits &= bits - 1;
    }
}

/// Last `n` characters of a string.
fn suffix(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &s[start..]
}

/// A year of a reference: four digits from 1500 to 2099.
fn is_year(p: &Para, k: usize) -> bool {
    p.toks[k].shape == Shape::Digit
        && p.word(k)
            .parse::<u32>()
            .is_ok_and(|y| (1500..2100).contains(&y))
}

/// The name cites a work: "Smith (2010)", "Smith et al.", or it stands in a parenthesis that
/// gives a year ("(Li, Polat, & Bavelier, 2010)"). Cited names are authors, not places.
fn cites(p: &Para, first: usize, last: usize) -> bool {
    cites_alone(p, first, last) || cites_with_coauthor(p, last)
}

/// "Palmeri and Gazio (1995)", "Carrano & Biewener (2004)": the first of two authors cites
/// the work the second one does.
fn cites_with_coauthor(p: &Para, last: usize) -> bool {
    let toks = p.toks;
    let joined = toks
        .get(last + 1)
        .is_some_and(|t| t.is_punct('&') || p.is_word_ci(last + 1, "and"));
    let second = last + 2;
    if !joined || !toks.get(second).is_some_and(|t| t.is_cap()) {
        return false;
    }
    let mut end = second;
    while end < second + 2
        && toks
            .get(end + 1)
            .is_some_and(|t| t.is_cap() && !t.sent_start)
    {
        end += 1;
    }
    // Only a parenthesis or "et al." after the second: "Russia and Ukraine, 2022" cites nothing.
    let marked = toks
        .get(end + 1)
        .is_some_and(|t| t.is_punct('(') || p.word(end + 1) == "et");
    marked && cites_alone(p, second, end)
}

fn cites_alone(p: &Para, first: usize, last: usize) -> bool {
    let toks = p.toks;
    let next = |k: usize| toks.get(k);
    if next(last + 1).is_some_and(|t| t.shape == Shape::Lower) && p.word(last + 1) == "et" {
        return true;
    }
    // A year right after, past an opening parenthesis or a comma.
    let mut k = last + 1;
    while next(k).is_some_and(|t| t.is_punct('(') || t.is_punct(',')) && k <= last + 2 {
        k += 1;
    }
    if k > last + 1 && next(k).is_some() && is_year(p, k) {
        return true;
    }
    // Inside a parenthesis that holds a year, looked for within a reference's length (a long
    // paragraph must not cost a scan per name).
    let from = first.saturating_sub(CITE_REACH);
    let open = toks[from..first]
        .iter()
        .rposition(|t| t.is_punct('(') || t.is_punct(')'))
        .map(|o| from + o)
        .filter(|&o| toks[o].is_punct('('));
    if open.is_none() {
        return false;
    }
    let to = toks.len().min(last + 1 + CITE_REACH);
    let Some(close) = toks[last + 1..to].iter().position(|t| t.is_punct(')')) else {
        return false;
    };
    (last + 1..last + 1 + close).any(|k| is_year(p, k))
}

/// Tokens searched each way for the parenthesis around a cited name.
const CITE_REACH: usize = 40;

/// Features of candidate `c`, found in paragraph `p`, into `f`.
pub(crate) fn candidate(p: &Para, c: &Cand, f: &mut Feats) {
    let words = words_of(p, c);
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        f.add("b", "");
        return;
    };
    let toks = p.toks;
    let (ft, lt) = (toks[first], toks[last]);
    f.add("b", "");

    // Today's rules, as evidence to weigh rather than a verdict.
    let (rk, rs) = leading_kind(&c.votes);
    f.add("rk", kind_name(rk));
    f.add("rks", &format!("{}{}", kind_name(rk), bucket(rs)));
    for (i, v) in c.votes.iter().enumerate().filter(|(_, v)| **v > 0) {
        f.add("rv", &format!("{i}{}", bucket(*v)));
    }
    let mut gaz_class = "none";
    if let Some(e) = c.gaz.or(c.listed).and_then(|g| p.lex.entry(g)) {
        gaz_class = match e.class {
            GazClass::Country => "country",
            GazClass::City => "city",
            GazClass::Region => "region",
            GazClass::Org => "org",
        };
        let key = norm::key(p.surface(&words), &p.lex.tables);
        let form = if key == norm::key(&e.name, &p.lex.tables) {
            "name"
        } else if p.lex.is_demonym(&key) {
            "demonym"
        } else {
            "alias"
        };
        f.add("gazf", &format!("{gaz_class}:{form}"));
    }
    f.add("gaz", gaz_class);
    for (flag, on) in [
        ("weak", c.weak),
        ("titled", c.titled),
        ("acr", c.acronym),
        ("team", c.team),
        ("poss", lt.poss),
    ] {
        if on {
            f.add(flag, "");
        }
    }

    // Shape.
    let n = words.len();
    let nb = match n {
        1 => "1",
        2 => "2",
        3 => "3",
        _ => "4",
    };
    f.add("n", nb);
    let shape: String = words
        .iter()
        .take(4)
        .map(|&k| shape_char(&toks[k]))
        .collect();
    f.add("shape", &shape);
    let fw = norm::fold(p.word(first));
    let lw = norm::fold(p.word(last));
    f.add("w1", &fw);
    if n > 1 {
        f.add("wl", &lw);
    }
    f.add("suf3", suffix(&lw, 3));
    f.add("suf2", suffix(&lw, 2));
    if p.word(first).contains('.') {
        f.add("dotted", "");
    }
    if words.iter().skip(1).any(|&k| toks[k].joined) {
        f.add("hyphen", "");
    }
    if n == 1
        && ft.shape == Shape::Cap
        && let Some(k) = p.lex.shape_kind(p.word(first))
    {
        f.add("shapek", kind_name(k));
    }
    add_flags(f, "f1", ft.flags);
    if n > 1 {
        add_flags(f, "fl", lt.flags);
    }

    // How the words are written elsewhere in the corpus and in general English.
    let caps: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&k| toks[k].is_cap())
        .collect();
    let (mut low, mut mid, mut common, mut proper, mut unknown) = (0, 0, 0, 0, 0);
    for &k in &caps {
        let w = p.word(k);
        let lower = w.to_lowercase();
        if p.seen.lower.contains(lower.as_str()) {
            low += 1;
        }
        if p.seen.cap_mid.contains(w) {
            mid += 1;
        }
        match p.lex.case_of(&norm::fold(w)) {
            Some(true) => common += 1,
            Some(false) => proper += 1,
            None => unknown += 1,
        }
    }
    let share = |x: usize| match (x, caps.len()) {
        (0, _) => "none",
        (x, m) if x == m => "all",
        _ => "some",
    };
    f.add("low", share(low));
    f.add("mid", share(mid));
    f.add("dict", &format!("{}/{}", share(common), share(proper)));
    f.add("unk", share(unknown));

    // Position.
    let line = p.line();
    let headline = line.headline;
    let mut pos = String::new();
    if ft.sent_start {
        pos.push('s');
    }
    if ft.quote_start {
        pos.push('q');
    }
    if headline {
        pos.push('h');
    }
    if line.caps {
        pos.push('u');
    }
    if line.fragment {
        pos.push('f');
    }
    if p.index == 0 {
        pos.push('0');
    }
    f.add("pos", &pos);
    f.add("pos_low", &format!("{pos}:{}", share(low)));
    f.add("pos_dict", &format!("{pos}:{}:{}", share(common), n.min(3)));

    // Neighbours.
    let prev = first.checked_sub(1);
    let next = Some(last + 1).filter(|&k| k < toks.len());
    let pw = neighbour(p, prev);
    let nw = neighbour(p, next);
    f.add("prev", &pw);
    f.add("next", &nw);
    f.add("prev2", &neighbour(p, first.checked_sub(2)));
    f.add(
        "next2",
        &neighbour(p, Some(last + 2).filter(|&k| k < toks.len())),
    );
    // The endings of lowercase neighbours generalise over words too rare to learn one by one:
    // a name before "stayed" or "resigns" is the subject of a verb.
    f.add("next_suf", &word_end(&nw));
    f.add("prev_suf", &word_end(&pw));
    f.add("prev_gaz", &format!("{pw}:{gaz_class}"));
    // "Brazil's Petrobras", "Kenya's Faith Kipyegon": what a known place owns is an actor.
    if let Some(k) = prev.filter(|&k| toks[k].poss && toks[k].is_cap()) {
        let owner = p
            .gaz(&[k])
            .and_then(|g| p.lex.entry(g))
            .map_or("none", |e| match e.class {
                GazClass::Org => "org",
                _ => "place",
            });
        f.add("owner", owner);
    }
    f.add("prev_next", &format!("{pw}:{nw}"));
    if cites(p, first, last) {
        f.add("cite", "");
    }
    if let Some(k) = prev {
        add_flags(f, "fp", toks[k].flags);
    }
    if let Some(k) = next {
        add_flags(f, "fn", toks[k].flags);
    }
}

/// Features that need the whole article: how often the same name comes back in it.
pub(crate) fn article(count: usize, longer: bool, f: &mut Feats) {
    let c = match count {
        0 | 1 => "1",
        2 | 3 => "2",
        _ => "4",
    };
    f.add("cnt", c);
    if longer {
        // A word that also starts or ends a longer name of the article ("Smith" in "Daniel Smith").
        f.add("part", "");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::cand::{Found, with_para};
    use crate::actors::recognize::recognize;

    fn names_of(text: &str, which: usize) -> Vec<String> {
        with_para(text, |p| {
            let mut out = Found::default();
            recognize(p, &mut out);
            let mut f = Feats::new(true);
            if let Some(c) = out.cands.get(which) {
                candidate(p, c, &mut f);
            }
            f.names.unwrap_or_default()
        })
    }

    #[test]
    fn features_name_shape_position_and_neighbours() {
        let f = names_of("Later, the minister met Jane Holloway in Oslo.", 0);
        assert!(f.contains(&"shape=CC".to_string()), "{f:?}");
        assert!(f.contains(&"w1=jane".to_string()));
        assert!(f.contains(&"prev=met".to_string()));
        assert!(f.contains(&"next=in".to_string()));
        let f = names_of("Later, the minister met Jane Holloway in Oslo.", 1);
        assert!(f.contains(&"gaz=city".to_string()) || f.contains(&"gaz=country".to_string()));
    }

    #[test]
    fn what_a_known_place_owns_is_marked() {
        let f = names_of("Later, Brazil's Petrobras raised prices.", 1);
        assert!(f.contains(&"owner=place".to_string()), "{f:?}");
        let f = names_of("Later, Jane's Petrobras raised prices.", 1);
        assert!(f.contains(&"owner=none".to_string()), "{f:?}");
        let f = names_of("Later, the Petrobras board met.", 0);
        assert!(!f.iter().any(|x| x.starts_with("owner=")), "{f:?}");
    }

    #[test]
    fn a_sentence_opening_word_is_read_as_itself() {
        let f = names_of("In Cork, rain fell.", 0);
        assert!(f.contains(&"prev=in".to_string()), "{f:?}");
        let f = names_of("Mary Holloway left.", 0);
        assert!(f.contains(&"prev=^".to_string()), "{f:?}");
    }

    #[test]
    fn ids_are_stable_and_match_written_names() {
        assert_eq!(feature_id("w1", "jane"), feature_id_of("w1=jane"));
        assert_ne!(feature_id("w1", "jane"), feature_id("wl", "jane"));
        assert_eq!(feature_id("b", ""), feature_id_of("b"));
    }

    #[test]
    fn cited_names_are_marked() {
        for (text, which, cited) in [
            ("As Turano (2010) showed, eyes wander.", 0, true),
            (
                "This was shown before (Li, Polat, & Bavelier, 2010).",
                1,
                true,
            ),
            ("Work by Klingberg et al. found gains.", 1, true),
            (
                "The map, adapted from Palmeri and Gazio (1995), shows it.",
                0,
                true,
            ),
            ("As Carrano & Biewener et al. found.", 0, true),
            ("Talks between Lagos and Abuja stalled in 2010.", 1, false),
            ("War between Russia and Ukraine, 2022, went on.", 0, false),
            ("The mayor of Turano spoke in 2010.", 0, false),
            (
                "Crowds gathered in Lagos (the capital) on Monday.",
                0,
                false,
            ),
        ] {
            let f = names_of(text, which);
            assert_eq!(f.contains(&"cite=".to_string()), cited, "{text}: {f:?}");
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(suffix("holloway", 3), "way");
        assert_eq!(suffix("øy", 3), "øy");
        assert_eq!(bucket(7), "6");
    }
}
