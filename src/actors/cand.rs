//! What recognition works on and produces: a tokenised paragraph ([`Para`]), the state of a
//! pass over it, candidate names with their kind votes, and the words a corpus writes in
//! lower case ([`Seen`]). Shared by the recogniser, its rules and the resolver.

use std::cell::OnceCell;

use super::ActorKind;
use super::lexicon::{Lexicon, class::*};
use super::norm::{self, Initial};
use super::token::{NO_GAZ, Shape, Tok, UNKNOWN_GAZ, is_close_quote, is_open_quote};
use rustc_hash::FxHashSet as HashSet;

/// Kind evidence, indexed by [`kind_index`].
pub(crate) type Votes = [i32; 4];

pub(crate) const P: usize = 0;
pub(crate) const O: usize = 1;
pub(crate) const L: usize = 2;
pub(crate) const X: usize = 3;

/// Longest run of words read as one name; longer runs are cut (keeps work linear).
pub(crate) const MAX_RUN: usize = 12;

/// Index of a kind in [`Votes`].
pub(crate) fn kind_index(k: ActorKind) -> usize {
    match k {
        ActorKind::Person => P,
        ActorKind::Organization => O,
        ActorKind::Place => L,
        ActorKind::Other => X,
    }
}

/// Kind with the most votes and that vote; ties go to organisation, place, person.
pub(crate) fn leading_kind(v: &Votes) -> (ActorKind, i32) {
    let order = [
        (ActorKind::Organization, O),
        (ActorKind::Place, L),
        (ActorKind::Person, P),
        (ActorKind::Other, X),
    ];
    let mut best = (ActorKind::Other, 0);
    for (k, i) in order {
        if v[i] > best.1 {
            best = (k, v[i]);
        }
    }
    best
}

/// Words seen across the corpus, to tell sentence-initial names from common words.
#[derive(Debug, Default)]
pub(crate) struct Seen<'a> {
    /// Words written in lowercase somewhere.
    pub lower: HashSet<&'a str>,
    /// Capitalised words seen inside a sentence somewhere.
    pub cap_mid: HashSet<&'a str>,
}

impl<'a> Seen<'a> {
    /// Both observations in one (for corpora observed in parallel parts).
    pub fn merge(mut self, mut other: Seen<'a>) -> Seen<'a> {
        if self.lower.len() < other.lower.len() {
            std::mem::swap(&mut self.lower, &mut other.lower);
        }
        self.lower.extend(other.lower);
        if self.cap_mid.len() < other.cap_mid.len() {
            std::mem::swap(&mut self.cap_mid, &mut other.cap_mid);
        }
        self.cap_mid.extend(other.cap_mid);
        self
    }

    /// Records the words of one tokenized paragraph.
    pub fn observe(&mut self, text: &'a str, toks: &[Tok]) {
        let headline = is_headline(toks);
        for t in toks {
            let Some(w) = text.get(t.start..t.end) else {
                continue;
            };
            match t.shape {
                Shape::Lower if !w.chars().any(char::is_uppercase) => {
                    self.lower.insert(w);
                }
                Shape::Cap if !headline && !t.sent_start && !t.quote_start => {
                    self.cap_mid.insert(w);
                }
                _ => {}
            }
        }
    }
}

/// A name found in a paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub para: usize,
    pub start: usize,
    pub end: usize,
    pub gaz: Option<u32>,
    pub votes: Votes,
    /// Kept only if it joins a name found with more certainty.
    pub weak: bool,
    /// A single word in capitals ("HPU").
    pub acronym: bool,
    /// Came after a title ("Mr", "Defense Secretary").
    pub titled: bool,
    /// A city named as a sports team ("Liverpool, who play Everton").
    pub team: bool,
    /// The classifier read it as no actor.
    pub rejected: bool,
    /// A generated place list names it: evidence of its kind, not of its identity.
    pub listed: Option<u32>,
}

/// Candidates of one article plus what ties them together.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub cands: Vec<Cand>,
    /// Pairs of candidates that name one actor (definitions, translations).
    pub links: Vec<(usize, usize)>,
    /// Acronym letters (lowercase) -> the candidate it abbreviates.
    pub acronyms: Vec<(String, usize)>,
    /// Acronym letters defined as a law or event ("DMA"): never actors.
    pub ignored: HashSet<String>,
    /// Keys of names used as products ("the drug Wegovy"): never actors. A set: an article
    /// naming thousands of products made a list's lookups quadratic.
    pub products: HashSet<String>,
}

/// One tokenized paragraph and what the recogniser knows.
pub(crate) struct Para<'x> {
    pub text: &'x str,
    pub toks: &'x [Tok],
    pub index: usize,
    pub lex: &'x Lexicon,
    pub seen: &'x Seen<'x>,
    /// The line's shape, worked out on first use: features ask for it once per candidate,
    /// and a paragraph of thousands of names must not cost a scan for each.
    pub line: OnceCell<LineShape>,
}

impl<'x> Para<'x> {
    /// A tokenized paragraph of the corpus `seen` observed.
    pub fn new(
        text: &'x str,
        toks: &'x [Tok],
        index: usize,
        lex: &'x Lexicon,
        seen: &'x Seen<'x>,
    ) -> Self {
        Para {
            text,
            toks,
            index,
            lex,
            seen,
            line: OnceCell::new(),
        }
    }

    /// What kind of line the paragraph is.
    pub fn line(&self) -> LineShape {
        *self.line.get_or_init(|| LineShape {
            headline: is_headline(self.toks),
            caps: caps_line(self.toks),
            fragment: fragment(self.toks),
        })
    }
}

/// What kind of line a paragraph is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineShape {
    /// Title case or capitals, no sentence ([`is_headline`]).
    pub headline: bool,
    /// Every letter a capital.
    pub caps: bool,
    /// Short and without a full stop: a caption, heading or list item.
    pub fragment: bool,
}

/// A paragraph that reads as a caption, heading or list item: short, with no full stop.
pub(crate) fn fragment(toks: &[Tok]) -> bool {
    let words = toks.iter().filter(|t| t.is_word()).count();
    let stop = toks
        .iter()
        .rev()
        .find(|t| t.shape == Shape::Punct)
        .is_some_and(|t| matches!(t.ch, '.' | '!' | '?'));
    words <= 12 && !stop
}

/// All letters of the paragraph are capitals (a shouted headline or a dateline block).
pub(crate) fn caps_line(toks: &[Tok]) -> bool {
    let words: Vec<&Tok> = toks
        .iter()
        .filter(|t| matches!(t.shape, Shape::Cap | Shape::Upper | Shape::Lower))
        .collect();
    words.len() >= 2 && words.iter().all(|t| t.shape == Shape::Upper)
}

/// How a segment was introduced.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Ctx {
    pub(crate) titled: bool,
    pub(crate) the_prefix: bool,
    pub(crate) weak: bool,
    pub(crate) headline: bool,
    /// The line is a row of results: names before scores or nations are competitors.
    pub(crate) results: bool,
    /// An acronym after the run spells all of it.
    pub(crate) defined: bool,
    /// Named before "of <organisation>": a body of that organisation.
    pub(crate) sub_body: bool,
}

/// Clause state while reading a paragraph.
#[derive(Debug, Default)]
pub(crate) struct State {
    /// A designation verb was seen in this clause.
    pub(crate) designate: bool,
    /// Inside "designated ... as X": X is a designation, not an actor.
    pub(crate) designation: bool,
    /// Inside a photo credit.
    pub(crate) credit: bool,
    /// (candidate, index of "(") when a name is followed by a parenthesis.
    pub(crate) paren: Option<(usize, usize)>,
    /// Words of the last candidate pushed.
    pub(crate) last_words: Vec<usize>,
    /// (candidate, token after it) of the last candidate pushed.
    pub(crate) last: Option<(usize, usize)>,
    /// (candidate, index of ",") when a name is followed by a comma.
    pub(crate) comma: Option<(usize, usize)>,
}

impl Para<'_> {
    pub(crate) fn word(&self, k: usize) -> &str {
        self.toks
            .get(k)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    pub(crate) fn is_word_ci(&self, k: usize, w: &str) -> bool {
        self.toks.get(k).is_some_and(Tok::is_word) && self.word(k).eq_ignore_ascii_case(w)
    }

    /// The next token is a capitalised word of the same sentence.
    pub(crate) fn cap_follows(&self, k: usize) -> bool {
        self.toks
            .get(k + 1)
            .is_some_and(|n| n.is_cap() && !n.sent_start)
    }

    /// Lowercase particles from `k` ("von der", "de la") followed by a capital in
    /// the same sentence: how many particles, if so.
    pub(crate) fn particles_before_cap(&self, k: usize) -> Option<usize> {
        let mut n = 0;
        while n < 3
            && self
                .toks
                .get(k + n)
                .is_some_and(|t| t.shape == Shape::Lower && t.has(PARTICLE))
        {
            n += 1;
        }
        (n > 0 && self.cap_follows(k + n - 1)).then_some(n)
    }

    /// Source text of a run of word tokens.
    pub(crate) fn surface(&self, seg: &[usize]) -> &str {
        match (seg.first(), seg.last()) {
            (Some(&a), Some(&b)) => {
                let (s, e) = (self.toks[a].start, self.toks[b].end);
                self.text.get(s..e).unwrap_or("")
            }
            _ => "",
        }
    }

    /// Gazetteer entry named by exactly these words.
    pub(crate) fn gaz(&self, seg: &[usize]) -> Option<u32> {
        if let [k] = seg
            && let Some(t) = self.toks.get(*k)
            && t.gaz != UNKNOWN_GAZ
        {
            return (t.gaz != NO_GAZ).then_some(t.gaz);
        }
        let surface = self.surface(seg);
        if surface.is_empty() {
            return None;
        }
        let key = norm::key(surface, &self.lex.tables);
        if key.is_empty() {
            return None;
        }
        let caps = !surface.chars().any(char::is_lowercase);
        self.lex.gaz_written(&key, caps, surface)
    }

    /// Gazetteer entry named by these words without droppable tails ("Ericsson AB").
    pub(crate) fn gaz_core(&self, seg: &[usize]) -> Option<u32> {
        let toks = norm::key_tokens(self.surface(seg), &self.lex.tables);
        let core = norm::core(&toks, &self.lex.tables);
        (core.len() < toks.len())
            .then(|| self.lex.gaz(&core.join(" "), false))
            .flatten()
    }

    /// Some gazetteer entry starts at the first of these words.
    pub(crate) fn gaz_prefix(&self, seg: &[usize]) -> bool {
        (1..=seg.len()).any(|m| self.gaz(&seg[..m]).is_some())
    }

    /// Previous word, skipping opening quotes; none across other punctuation.
    pub(crate) fn prev_word(&self, k: usize) -> Option<usize> {
        let mut x = k;
        while x > 0 {
            x -= 1;
            let t = self.toks[x];
            if t.is_word() {
                return Some(x);
            }
            if !is_open_quote(t.ch) && t.ch != '"' {
                return None;
            }
        }
        None
    }

    /// Next token after `k`, skipping closing quotes and link markers like `[3]`.
    pub(crate) fn next_tok(&self, k: usize) -> Option<usize> {
        let mut x = k + 1;
        while let Some(t) = self.toks.get(x) {
            if t.shape == Shape::Punct && is_close_quote(t.ch) {
                x += 1;
            } else if t.is_punct('[')
                && self
                    .toks
                    .get(x + 1)
                    .is_some_and(|d| d.shape == Shape::Digit)
                && self.toks.get(x + 2).is_some_and(|c| c.is_punct(']'))
            {
                x += 3;
            } else {
                return Some(x);
            }
        }
        None
    }

    /// Word classes of a noun or of its singular ("rivers" as "river").
    pub(crate) fn noun_flags(&self, k: usize) -> u64 {
        let Some(t) = self.toks.get(k) else {
            return 0;
        };
        if t.flags != 0 {
            return t.flags;
        }
        let w = norm::fold(self.word(k));
        let singular = [("ies", "y"), ("es", ""), ("s", "")];
        singular
            .iter()
            .filter_map(|(end, add)| w.strip_suffix(end).map(|stem| format!("{stem}{add}")))
            .map(|s| self.lex.flags(&s))
            .find(|&f| f != 0)
            .unwrap_or(0)
    }

    /// The words without a sentence's leading "The" (when more follow).
    pub(crate) fn without_the<'w>(&self, words: &'w [usize]) -> &'w [usize] {
        match words.split_first() {
            Some((&f, rest)) if self.is_word_ci(f, "the") && !rest.is_empty() => rest,
            _ => words,
        }
    }

    /// Word initials of a definition, for acronym matching.
    pub(crate) fn initials(&self, seg: &[usize]) -> Vec<Initial> {
        seg.iter()
            .filter_map(|&k| {
                let c = self.word(k).chars().next()?;
                Some(Initial {
                    letter: c.to_lowercase().next().unwrap_or(c),
                    skippable: self.toks[k].shape == Shape::Lower,
                })
            })
            .collect()
    }
}

/// Title-case or all-caps line: headline words, not sentences.
pub(crate) fn is_headline(toks: &[Tok]) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for t in toks
        .iter()
        .filter(|t| t.is_word() && t.shape != Shape::Digit)
    {
        if t.shape == Shape::Lower && t.has(CONNECTOR | STOP | PARTICLE) {
            continue;
        }
        words += 1;
        caps += usize::from(t.is_cap());
    }
    let sentence = toks
        .iter()
        .rev()
        .find(|t| !(t.shape == Shape::Punct && is_close_quote(t.ch)))
        .is_some_and(|t| t.is_punct('.') || t.is_punct('!') || t.is_punct('?'));
    // A full stop inside makes prose however many names it holds ("Goode met Sophie Dymoke.
    // Career"); "U.S." keeps its dots inside the word.
    // A question quoted as a title ("Should I Buy This?" Test) ends no sentence.
    let inner_stop = toks.iter().enumerate().any(|(i, t)| {
        (t.is_punct('.') || t.is_punct('!') || t.is_punct('?'))
            && !(t.ch != '.'
                && toks
                    .get(i + 1)
                    .is_some_and(|q| q.shape == Shape::Punct && is_close_quote(q.ch)))
            && toks[i + 1..].iter().any(|w| w.is_word())
    });
    words >= 3 && caps * 10 >= words * 7 && !sentence && !inner_stop && !is_results_line(toks)
}

/// Whether a line reads as a row of results ("Kashima Antlers 2 Urawa Reds 1", "Sifan Hassan
/// (Netherlands) 30:44.12"): it ends in a number, and numbers follow two names, or one
/// follows a nation or club in brackets. Its names are names, not headline words.
pub(crate) fn is_results_line(toks: &[Tok]) -> bool {
    let last_word = toks.iter().rev().find(|t| t.is_word());
    if last_word.is_none_or(|t| t.shape != Shape::Digit) {
        return false;
    }
    let (mut after_name, mut after_bracket) = (0, 0);
    for (i, t) in toks.iter().enumerate() {
        if t.shape != Shape::Digit {
            continue;
        }
        // The parts of "30:44.12" or "2,111" after the first are one number with it.
        match toks[..i]
            .iter()
            .rev()
            .find(|w| w.is_word() || w.is_punct(')'))
        {
            Some(w) if w.is_punct(')') => after_bracket += 1,
            Some(w) if w.is_cap() => after_name += 1,
            _ => {}
        }
    }
    after_name >= 2 || after_bracket >= 1
}

/// Whether the token at `k` is a match score ("Olimpia 2, Cerro Porteño 1"): a number of one
/// or two digits after a name, not the start of a time, a distance or "2,111".
pub(crate) fn is_score(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    let after_name = k > 0 && toks[k - 1].is_cap();
    // Only a comma or semicolon and a space may follow it: not "8-4A" or "2:13".
    let more = toks.get(k + 1).is_some_and(|n| {
        !n.space_before
            && !((n.is_punct(',') || n.is_punct(';'))
                && toks.get(k + 2).is_none_or(|d| d.space_before))
    });
    t.shape == Shape::Digit && t.end - t.start <= 2 && after_name && !more
}

/// Whether a line is one match and nothing else: a name, its score, perhaps a comma, the
/// other name and its score ("Olimpia 2, Cerro Porteño 1"; not "Highs: Lagos 31, Abuja 29"
/// nor a sentence that ends in a number).
pub(crate) fn is_match_line(toks: &[Tok]) -> bool {
    let scores: Vec<usize> = (0..toks.len()).filter(|&k| is_score(toks, k)).collect();
    let [a, b] = scores[..] else {
        return false;
    };
    let name = |r: std::ops::Range<usize>| {
        let mut words = toks[r].iter();
        words.next().is_some_and(|t| t.is_cap())
            && words.all(|t| t.is_word() && t.shape != Shape::Digit)
    };
    let second = if toks
        .get(a + 1)
        .is_some_and(|t| t.is_punct(',') || t.is_punct(';'))
    {
        a + 2
    } else {
        a + 1
    };
    let end_ok = toks[b + 1..].iter().all(|t| t.is_punct('.'));
    name(0..a) && second < b && name(second..b) && end_ok
}

/// Runs `f` on `text` read as one paragraph of a corpus of its own (for tests).
#[cfg(test)]
pub(crate) fn with_para<R>(text: &str, f: impl FnOnce(&Para) -> R) -> R {
    let lex = &*super::lexicon::LEXICON;
    let mut toks = Vec::new();
    super::token::tokenize(text, lex, &mut String::new(), &mut toks);
    let mut seen = Seen::default();
    seen.observe(text, &toks);
    f(&Para::new(text, &toks, 0, lex, &seen))
}
