//! Recognition: the names in one paragraph, each with evidence of its kind.
//!
//! A name starts as a run of capitalised words (with particles such as `al-`
//! or `van`, and connectors such as `of` inside organisation names), is cut at
//! days, months, titles and leading known places, and is then either a
//! gazetteer entry or a rule-found name whose kind is voted from its words and
//! its neighbours.

use std::collections::HashSet;

use super::ActorKind;
use super::lexicon::{GazClass, Lexicon, class::*};
use super::norm::{self, Initial};
use super::token::{Shape, Tok, is_close_quote, is_open_quote};

/// Kind evidence, indexed by [`kind_index`].
pub(crate) type Votes = [i32; 4];

const P: usize = 0;
const O: usize = 1;
const L: usize = 2;
const X: usize = 3;

/// Longest run of words read as one name; longer runs are cut (keeps work linear).
const MAX_RUN: usize = 12;

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
    /// A single word in capitals ("IRI").
    pub acronym: bool,
    /// Came after a title ("Mr", "Defense Secretary").
    pub titled: bool,
}

/// Candidates of one article plus what ties them together.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub cands: Vec<Cand>,
    /// Pairs of candidates that name one actor (definitions, translations).
    pub links: Vec<(usize, usize)>,
    /// Acronym letters (lowercase) -> the candidate it abbreviates.
    pub acronyms: Vec<(String, usize)>,
}

/// One tokenized paragraph and what the recogniser knows.
pub(crate) struct Para<'x> {
    pub text: &'x str,
    pub toks: &'x [Tok],
    pub index: usize,
    pub lex: &'x Lexicon,
    pub seen: &'x Seen<'x>,
}

/// How a segment was introduced.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    titled: bool,
    the_prefix: bool,
    weak: bool,
    headline: bool,
    /// An acronym after the run spells all of it.
    defined: bool,
    /// Named before "of <organisation>": a body of that organisation.
    sub_body: bool,
}

/// Clause state while reading a paragraph.
#[derive(Debug, Default)]
struct State {
    /// A designation verb was seen in this clause.
    designate: bool,
    /// Inside "designated ... as X": X is a designation, not an actor.
    designation: bool,
    /// Inside a photo credit.
    credit: bool,
    /// (candidate, index of "(") when a name is followed by a parenthesis.
    paren: Option<(usize, usize)>,
    /// Words of the last candidate pushed.
    last_words: Vec<usize>,
    /// (candidate, token after it) of the last candidate pushed.
    last: Option<(usize, usize)>,
}

/// What follows a known place at the start of a run.
#[derive(Debug, PartialEq, Eq)]
enum Rest {
    /// A name of its own ("Iraqi | Nujaba Movement").
    Proper,
    /// Tails that make the whole one name ("American Airlines").
    Tail,
    /// Only descriptive words ("Iraqi | Islamic").
    Descriptive,
}

/// Whether a rule-found name stands.
#[derive(Debug, PartialEq, Eq)]
enum Validity {
    Valid,
    Weak,
    Invalid,
}

impl Para<'_> {
    fn word(&self, k: usize) -> &str {
        self.toks
            .get(k)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn is_word_ci(&self, k: usize, w: &str) -> bool {
        self.toks.get(k).is_some_and(Tok::is_word) && self.word(k).eq_ignore_ascii_case(w)
    }

    /// The next token is a capitalised word of the same sentence.
    fn cap_follows(&self, k: usize) -> bool {
        self.toks
            .get(k + 1)
            .is_some_and(|n| n.is_cap() && !n.sent_start)
    }

    /// Lowercase particles from `k` ("von der", "de la") followed by a capital in
    /// the same sentence: how many particles, if so.
    fn particles_before_cap(&self, k: usize) -> Option<usize> {
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
    fn surface(&self, seg: &[usize]) -> &str {
        match (seg.first(), seg.last()) {
            (Some(&a), Some(&b)) => {
                let (s, e) = (self.toks[a].start, self.toks[b].end);
                self.text.get(s..e).unwrap_or("")
            }
            _ => "",
        }
    }

    /// Gazetteer entry named by exactly these words.
    fn gaz(&self, seg: &[usize]) -> Option<u32> {
        let surface = self.surface(seg);
        if surface.is_empty() {
            return None;
        }
        let key = norm::key(surface, &self.lex.tables);
        if key.is_empty() {
            return None;
        }
        let caps = !surface.chars().any(char::is_lowercase);
        self.lex.gaz(&key, caps)
    }

    /// Gazetteer entry named by these words without droppable tails ("Ericsson AB").
    fn gaz_core(&self, seg: &[usize]) -> Option<u32> {
        let toks = norm::key_tokens(self.surface(seg), &self.lex.tables);
        let core = norm::core(&toks, &self.lex.tables);
        (core.len() < toks.len())
            .then(|| self.lex.gaz(&core.join(" "), false))
            .flatten()
    }

    /// Some gazetteer entry starts at the first of these words.
    fn gaz_prefix(&self, seg: &[usize]) -> bool {
        (1..=seg.len()).any(|m| self.gaz(&seg[..m]).is_some())
    }

    /// Previous word, skipping opening quotes; none across other punctuation.
    fn prev_word(&self, k: usize) -> Option<usize> {
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
    fn next_tok(&self, k: usize) -> Option<usize> {
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

    /// Word initials of a definition, for acronym matching.
    fn initials(&self, seg: &[usize]) -> Vec<Initial> {
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
    words >= 3 && caps * 10 >= words * 7 && !sentence
}

/// Finds the names of one paragraph, appending them to `out`.
pub(crate) fn recognize(p: &Para, out: &mut Found) {
    let toks = p.toks;
    let headline = is_headline(toks);
    let mut st = State::default();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if t.shape == Shape::Punct {
            match t.ch {
                ',' | ';' | '.' | '!' | '?' => {
                    st.designate = false;
                    st.designation = false;
                }
                ':' => {
                    st.designate = false;
                    st.designation = false;
                    st.credit |= i > 0 && toks[i - 1].has(CREDIT);
                }
                ')' | ']' => st.credit = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        if t.has(DESIGNATE) {
            st.designate = true;
        }
        if st.designate && p.is_word_ci(i, "as") {
            st.designation = true;
        }
        // "pro-Iranian", "anti-ISIS": the prefix is not part of the name.
        if t.has(PREFIX) && toks.get(i + 1).is_some_and(|n| n.joined && n.is_cap()) {
            i += 1;
            continue;
        }
        let starts = t.is_cap() || p.particles_before_cap(i).is_some();
        if !starts {
            i += 1;
            continue;
        }
        let j = run_end(p, i);
        if st.credit || st.designation {
            i = j;
            continue;
        }
        let first = out.cands.len();
        process_run(p, i, j, headline, &mut st, out);
        i = definitions(p, i, j, first, &mut st, out).max(i + 1);
    }
}

/// End (exclusive) of the run of name words starting at `i`.
fn run_end(p: &Para, i: usize) -> usize {
    let toks = p.toks;
    let mut k = i + 1;
    let mut words = 1;
    while k < toks.len() && words < MAX_RUN {
        let prev = toks[k - 1];
        let t = toks[k];
        if prev.is_word() && prev.poss && !inner_possessive(p, k - 1) {
            break;
        }
        match t.shape {
            Shape::Cap | Shape::Upper => {
                if t.sent_start || (!t.joined && !t.space_before && prev.is_word()) {
                    break;
                }
                if t.joined && t.shape == Shape::Upper && acronym_defines(p, i, k) {
                    break;
                }
                k += 1;
                words += 1;
            }
            Shape::Lower => {
                if t.joined {
                    break;
                }
                if let Some(n) = p.particles_before_cap(k) {
                    k += n;
                    words += n;
                    continue;
                }
                match connector_span(p, i, k) {
                    Some(n) => {
                        k += n;
                        words += n;
                    }
                    None => break,
                }
            }
            Shape::Punct => {
                let glued = !t.space_before;
                if t.ch == '.' && glued && abbreviation_in_run(p, k) {
                    k += 1;
                    continue;
                }
                if t.ch == '&' && prev.is_cap() && p.cap_follows(k) {
                    k += 1;
                    continue;
                }
                break;
            }
            _ => break,
        }
    }
    // A run ends on a name word, never on a particle or a period.
    while k > i + 1 && !toks[k - 1].is_cap() {
        k -= 1;
    }
    k
}

/// A possessive inside an organisation name: "Farmers' Association",
/// "People's Party"; never after a known actor ("Iraq's Kurdistan").
fn inner_possessive(p: &Para, k: usize) -> bool {
    let (prev, next) = (p.toks[k], p.toks.get(k + 1));
    if !next.is_some_and(|n| n.is_cap() && !n.sent_start && n.has(ORG_TAIL | GENERIC)) {
        return false;
    }
    let after = p.text.get(prev.end..).unwrap_or("");
    let plural = !after.starts_with("'s") && !after.starts_with("’s");
    (plural || prev.has(GENERIC)) && prev.is_cap() && p.gaz(&[k]).is_none()
}

/// A period after an abbreviation or initial inside a name ("Mr. Smith", "George W. Bush").
fn abbreviation_in_run(p: &Para, k: usize) -> bool {
    let prev = p.toks[k - 1];
    let short = prev.shape == Shape::Cap && prev.end - prev.start == 1;
    (prev.has(ABBREV) || short) && p.cap_follows(k)
}

/// Letters of an acronym right after a run: "-PMF" or "(PMF)".
fn acronym_after(p: &Para, j: usize) -> Option<String> {
    let toks = p.toks;
    let t = toks.get(j)?;
    let k = if t.joined && t.shape == Shape::Upper {
        j
    } else if t.is_punct('(') && toks.get(j + 2).is_some_and(|c| c.is_punct(')')) {
        j + 1
    } else {
        return None;
    };
    (toks.get(k)?.shape == Shape::Upper)
        .then(|| norm::acronym_letters(p.word(k)))
        .flatten()
}

/// A capitalised word glued by a hyphen spells the words before it ("Forces-PMF").
fn acronym_defines(p: &Para, i: usize, k: usize) -> bool {
    let Some(letters) = norm::acronym_letters(p.word(k)) else {
        return false;
    };
    let words: Vec<usize> = (i..k).filter(|&x| p.toks[x].is_word()).collect();
    norm::acronym_start(&letters, &p.initials(&words)).is_some()
}

/// Tokens taken by a lowercase connector inside an organisation name, if allowed.
fn connector_span(p: &Para, i: usize, k: usize) -> Option<usize> {
    let toks = p.toks;
    let last = toks[k - 1];
    if !last.is_cap() {
        return None;
    }
    let n = if p.is_word_ci(k + 1, "the") && toks[k + 1].shape == Shape::Lower {
        2
    } else {
        1
    };
    let next = toks.get(k + n)?;
    if !next.is_cap() || next.sent_start || next.joined {
        return None;
    }
    let left: Vec<usize> = (i..k).filter(|&x| toks[x].is_word()).collect();
    let w = p.word(k).to_ascii_lowercase();
    let ok = match w.as_str() {
        // "Bank of England", "University of Oslo".
        "of" => last.has(OF_HEAD),
        // "Islamic Resistance in Iraq": only after descriptive words and an organisation word.
        "for" | "in" | "on" | "against" => {
            let named: Vec<usize> = left
                .iter()
                .copied()
                .filter(|&x| !toks[x].has(STOP))
                .collect();
            named
                .iter()
                .all(|&x| toks[x].has(GENERIC | ORG_TAIL | ORG_HEAD | NON_ACTOR))
                && named.iter().any(|&x| toks[x].has(ORG_TAIL | ORG_HEAD))
        }
        // "Ministry of Trade and Industry", "Bosnia and Herzegovina".
        "and" => {
            n == 1
                && ((left
                    .iter()
                    .any(|&x| p.is_word_ci(x, "of") || p.is_word_ci(x, "for"))
                    && next.has(GENERIC | ORG_TAIL))
                    || p.gaz(&[left[0], k + 1]).is_some()
                    || p.gaz(&[k - 1, k + 1]).is_some()
                    || and_in_org(p, &left, k))
        }
        _ => false,
    };
    ok.then_some(n)
}

/// "Securities and Exchange Commission": capitals that are not a known or
/// complete name, "and", then capitals ending in an organisation word.
fn and_in_org(p: &Para, left: &[usize], k: usize) -> bool {
    let toks = p.toks;
    let plain = |x: &usize| toks[*x].is_cap() && !toks[*x].has(STOP) && p.gaz(&[*x]).is_none();
    // "Green Party and Labour Party" are two names: an organisation word ends the first.
    let complete = left.len() > 1 && left.iter().any(|&x| toks[x].has(ORG_TAIL));
    if left.is_empty() || complete || !left.iter().all(plain) {
        return false;
    }
    let mut x = k + 1;
    while x < toks.len() && x <= k + 3 && toks[x].is_cap() && !toks[x].sent_start {
        if toks[x].has(ORG_TAIL) {
            return true;
        }
        x += 1;
    }
    false
}

/// Cuts a run into name segments and emits them.
fn process_run(p: &Para, i: usize, j: usize, headline: bool, st: &mut State, out: &mut Found) {
    let words: Vec<usize> = (i..j).filter(|&k| p.toks[k].is_word()).collect();
    // "Baltic Timber Council (BTC)": a definition spelled from the first word is one name.
    let defined = acronym_after(p, j)
        .is_some_and(|letters| norm::acronym_start(&letters, &p.initials(&words)) == Some(0));
    for (piece, sub_body) in split_run(p, &words) {
        let Some((seg, the_prefix, weak)) = strip_leading(p, piece) else {
            continue;
        };
        let parts = title_split(p, seg);
        let whole = parts.len() == 1;
        for (n, (part, titled)) in parts.into_iter().enumerate() {
            let ctx = Ctx {
                titled,
                the_prefix: the_prefix && n == 0 && part.first() == seg.first(),
                weak: weak && whole,
                headline,
                defined: defined && whole && piece.len() == words.len(),
                sub_body,
            };
            emit(p, part, ctx, st, out);
        }
    }
}

/// Splits a run at days, months, inner sentence words and "of" before an
/// organisation; a piece before such an "of" is a sub-body ("Political Council").
fn split_run<'w>(p: &Para, words: &'w [usize]) -> Vec<(&'w [usize], bool)> {
    let toks = p.toks;
    if p.gaz(words).is_some() {
        return vec![(words, false)];
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    for (x, &k) in words.iter().enumerate() {
        let t = toks[k];
        if t.has(DAY) || (t.has(MONTH) && !month_is_name(p, words, x)) {
            pieces.push((&words[start..x], false));
            start = x + 1;
        } else if x > start && t.is_cap() && t.has(STOP) && !t.has(GIVEN | GENERIC) {
            pieces.push((&words[start..x], false));
            start = x;
        } else if x > start
            && p.is_word_ci(k, "of")
            && t.shape == Shape::Lower
            && org_follows(p, &words[x + 1..])
        {
            pieces.push((&words[start..x], true));
            start = x + 1;
        }
    }
    pieces.push((&words[start..], false));
    pieces.retain(|(s, _)| !s.is_empty());
    pieces
}

/// A month word that is a name here ("Theresa May", "Jan Egeland").
fn month_is_name(p: &Para, words: &[usize], x: usize) -> bool {
    let toks = p.toks;
    let k = words[x];
    let date_follows = toks.get(k + 1).is_some_and(|n| n.shape == Shape::Digit)
        || p.next_tok(k).is_some_and(|n| toks[n].shape == Shape::Digit);
    if date_follows {
        return false;
    }
    let given = toks[k].has(GIVEN) && words.get(x + 1).is_some_and(|&n| toks[n].is_cap());
    let after_name = x > 0 && {
        let prev = toks[words[x - 1]];
        prev.is_cap() && !prev.has(STOP | MONTH | DAY | TITLE) && !prev.sent_start
    };
    given || after_name
}

/// The words after "of" name an organisation of their own ("... of the Nujaba Movement").
fn org_follows(p: &Para, rest: &[usize]) -> bool {
    let rest = match rest.first() {
        Some(&k) if p.is_word_ci(k, "the") => &rest[1..],
        _ => rest,
    };
    let (Some(&first), Some(&last)) = (rest.first(), rest.last()) else {
        return false;
    };
    if let Some(g) = p.gaz(rest) {
        return p.lex.entry(g).is_some_and(|e| e.class == GazClass::Org);
    }
    p.toks[last].has(ORG_TAIL) || (p.toks[first].has(ORG_HEAD) && rest.len() > 1)
}

/// Drops leading words that are capitalised only because they open a sentence;
/// returns the rest, whether it starts with a name's own "The", and whether it is weak.
fn strip_leading<'w>(p: &Para, piece: &'w [usize]) -> Option<(&'w [usize], bool, bool)> {
    let toks = p.toks;
    let mut s = 0;
    let mut weak = false;
    let mut the_prefix = false;
    while s < piece.len() {
        let k = piece[s];
        let t = toks[k];
        let initial = t.sent_start || t.quote_start;
        let rest = piece.len() - s;
        if t.shape == Shape::Lower && !t.has(PARTICLE) {
            s += 1;
            continue;
        }
        if p.word(k).eq_ignore_ascii_case("the") {
            // Inside a sentence, a capital "The" belongs to the name ("The National").
            if !initial && rest > 1 && t.shape == Shape::Cap {
                the_prefix = true;
                break;
            }
            s += 1;
            continue;
        }
        if t.shape == Shape::Upper || t.has(PARTICLE | TITLE | ORG_HEAD | PLACE_HEAD) {
            break;
        }
        if p.gaz_prefix(&piece[s..]) || (t.has(GIVEN) && rest > 1) {
            break;
        }
        if t.has(STOP) {
            s += 1;
            continue;
        }
        if initial {
            let w = p.word(k);
            if p.seen.cap_mid.contains(w) {
                break;
            }
            if p.seen.lower.contains(norm::fold(w).as_str()) {
                s += 1;
                continue;
            }
            weak = rest == 1;
        }
        break;
    }
    (s < piece.len()).then(|| (&piece[s..], the_prefix, weak))
}

/// Length of a title phrase starting at `pos` ("Defense Secretary", "Secretary of State").
fn title_at(p: &Para, seg: &[usize], pos: usize) -> usize {
    let toks = p.toks;
    let cap_title = |k: usize| toks[k].is_cap() && toks[k].has(TITLE | TITLE_MOD);
    let mut q = pos;
    while q < seg.len() && cap_title(seg[q]) {
        q += 1;
    }
    while q > pos && !toks[seg[q - 1]].has(TITLE) {
        q -= 1;
    }
    if q == pos {
        return 0;
    }
    // "Secretary of State", "Minister of Foreign Affairs".
    if q < seg.len() && p.is_word_ci(seg[q], "of") {
        let mut r = q + 1;
        while r < seg.len()
            && (p.is_word_ci(seg[r], "the")
                || (toks[seg[r]].is_cap() && toks[seg[r]].has(TITLE_MOD | GENERIC)))
        {
            r += 1;
        }
        if r > q + 1 && r < seg.len() {
            q = r;
        }
    }
    q - pos
}

/// Splits off a title: words before it stand alone, words after it are a person.
fn title_split<'w>(p: &Para, seg: &'w [usize]) -> Vec<(&'w [usize], bool)> {
    let toks = p.toks;
    let Some(&first) = seg.first() else {
        return Vec::new();
    };
    if toks[first].has(ORG_HEAD) && !toks[first].has(TITLE) {
        return vec![(seg, false)];
    }
    for pos in 0..seg.len() {
        let n = title_at(p, seg, pos);
        if n == 0 {
            continue;
        }
        let (left, rest) = (&seg[..pos], &seg[pos + n..]);
        let Some(&name) = rest.first() else {
            // A title with no name after it: keep what came before ("Iraqi Prime Minister").
            return if left.is_empty() {
                Vec::new()
            } else {
                vec![(left, false)]
            };
        };
        let last = toks[rest[rest.len() - 1]];
        let org_like =
            toks[name].has(GENERIC | ORG_TAIL | PLACE_TAIL | NON_ACTOR) || last.has(ORG_TAIL);
        if org_like
            || p.gaz(rest)
                .is_some_and(|g| p.lex.entry(g).is_some_and(|e| e.class == GazClass::Org))
        {
            return vec![(seg, false)];
        }
        let mut parts = Vec::new();
        if !left.is_empty() {
            parts.push((left, false));
        }
        parts.push((rest, true));
        return parts;
    }
    vec![(seg, false)]
}

/// Drops lowercase words (other than particles inside) from both ends.
fn trim<'w>(p: &Para, mut seg: &'w [usize]) -> &'w [usize] {
    while let Some(&k) = seg.first() {
        let t = p.toks[k];
        if t.shape == Shape::Lower && !(t.has(PARTICLE) && seg.len() > 1) {
            seg = &seg[1..];
        } else {
            break;
        }
    }
    while let Some(&k) = seg.last() {
        if p.toks[k].shape == Shape::Lower {
            seg = &seg[..seg.len() - 1];
        } else {
            break;
        }
    }
    seg
}

/// What the words after a leading known place are.
fn rest_kind(p: &Para, rest: &[usize]) -> Rest {
    let mut tail = false;
    for &k in rest {
        let t = p.toks[k];
        if t.shape == Shape::Lower {
            continue;
        }
        if p.gaz(&[k]).is_some() {
            return Rest::Proper;
        }
        if t.has(ORG_TAIL | PLACE_TAIL | ORG_HEAD) {
            tail = true;
            continue;
        }
        if t.has(NOT_PROPER) || p.seen.lower.contains(norm::fold(p.word(k)).as_str()) {
            continue;
        }
        return Rest::Proper;
    }
    if tail { Rest::Tail } else { Rest::Descriptive }
}

/// Emits the candidates of one segment.
fn emit(p: &Para, seg: &[usize], ctx: Ctx, st: &mut State, out: &mut Found) {
    let seg = trim(p, seg);
    if seg.is_empty() {
        return;
    }
    if !ctx.titled {
        if let Some(g) = p.gaz(seg) {
            // "The Iranian leadership": "The" belongs to the gazetteer name only if
            // the name itself has it ("The Hague").
            let own_the = p.lex.entry(g).is_some_and(|e| e.name.starts_with("The "));
            let seg = if ctx.the_prefix && !own_the {
                &seg[1..]
            } else {
                seg
            };
            push_gaz(p, seg, g, st, out);
            return;
        }
        for m in (1..seg.len()).rev().filter(|_| !ctx.defined) {
            let (head, rest) = seg.split_at(m);
            if p.toks[head[m - 1]].shape == Shape::Lower {
                continue;
            }
            let Some(g) = p.gaz(head) else { continue };
            // Only a place is peeled off: "Volvo Cars" is one name.
            if p.lex.entry(g).is_some_and(|e| e.class == GazClass::Org) {
                continue;
            }
            // "Chad Smith", "Austin Powers": a given name, not a place.
            if m == 1 && p.toks[head[0]].has(GIVEN) && seg.len() <= 3 {
                break;
            }
            match rest_kind(p, rest) {
                Rest::Proper => {
                    push_gaz(p, head, g, st, out);
                    let ctx = Ctx {
                        the_prefix: false,
                        ..ctx
                    };
                    emit(p, rest, ctx, st, out);
                    return;
                }
                Rest::Descriptive => {
                    push_gaz(p, head, g, st, out);
                    return;
                }
                Rest::Tail => break,
            }
        }
    }
    // Headline words are capitalised anyway: only known names inside them count.
    if ctx.headline {
        known_inside(p, seg, st, out);
        return;
    }
    // "Ericsson AB", "Hezbollah movement": a known actor with a generic tail.
    if !ctx.titled
        && seg.len() > 1
        && let Some(g) = p.gaz_core(seg)
    {
        push_gaz(p, seg, g, st, out);
        return;
    }
    let validity = validity(p, seg, ctx.the_prefix, ctx.sub_body);
    if validity == Validity::Invalid {
        return;
    }
    let (votes, cued) = votes(p, seg, ctx, st, out);
    let weak = ctx.headline || validity == Validity::Weak || (ctx.weak && !cued);
    let acronym = seg.len() == 1 && p.toks[seg[0]].shape == Shape::Upper;
    push(p, seg, None, votes, weak, acronym, ctx.titled, st, out);
}

/// Emits the gazetteer names inside a run, longest first from each word.
fn known_inside(p: &Para, seg: &[usize], st: &mut State, out: &mut Found) {
    let mut x = 0;
    while x < seg.len() {
        let found = (x + 1..=seg.len().min(x + 6))
            .rev()
            .find_map(|y| p.gaz(&seg[x..y]).map(|g| (y, g)));
        match found {
            Some((y, g)) => {
                push_gaz(p, &seg[x..y], g, st, out);
                x = y;
            }
            None => x += 1,
        }
    }
}

/// Whether a rule-found name stands on its own; descriptive names of a body of
/// another organisation ("Political Council of ...") only join known names.
fn validity(p: &Para, seg: &[usize], the_prefix: bool, sub_body: bool) -> Validity {
    let toks = p.toks;
    if let [k] = seg {
        let t = toks[*k];
        let w = norm::fold(p.word(*k));
        let ideology = t.shape != Shape::Upper && (w.ends_with("ist") || w.ends_with("ists"));
        if t.has(NON_ACTOR | STOP | DAY | MONTH | TITLE | TITLE_MOD | PREFIX)
            || ideology
            || t.shape == Shape::Lower
        {
            return Validity::Invalid;
        }
        if t.has(GENERIC | ORG_TAIL | PLACE_TAIL | ORG_HEAD | PLACE_HEAD | CONNECTOR) {
            return Validity::Weak;
        }
        return Validity::Valid;
    }
    // Laws and treaties are not actors: "Occupied Territories Bill", "Treaty of Rome".
    let last = toks[seg[seg.len() - 1]];
    if (last.has(DOCUMENT) && last.is_cap())
        || (toks[seg[0]].has(DOCUMENT) && p.is_word_ci(seg[1], "of"))
    {
        return Validity::Invalid;
    }
    let content: Vec<&Tok> = seg
        .iter()
        .map(|&k| &toks[k])
        .filter(|t| t.is_cap())
        .collect();
    let proper = content.iter().any(|t| !t.has(NOT_PROPER));
    if content.is_empty() {
        Validity::Invalid
    } else if !proper && !the_prefix && sub_body {
        Validity::Weak
    } else {
        Validity::Valid
    }
}

/// Kind evidence for a rule-found name, and whether any came from its neighbours.
fn votes(p: &Para, seg: &[usize], ctx: Ctx, st: &State, out: &Found) -> (Votes, bool) {
    let toks = p.toks;
    let mut v: Votes = [0; 4];
    let (first_k, last_k) = (seg[0], seg[seg.len() - 1]);
    let (first, last) = (toks[first_k], toks[last_k]);
    let multi = seg.len() > 1;
    let content = seg
        .iter()
        .filter(|&&k| toks[k].is_cap() && !toks[k].has(PARTICLE))
        .count();

    // The words of the name.
    if last.has(ORG_TAIL) && (multi || ctx.the_prefix) {
        v[O] += 6;
    } else if multi
        && seg.iter().enumerate().any(|(n, &k)| {
            toks[k].is_cap() && toks[k].has(ORG_TAIL) && !(n == 0 && toks[k].has(PLACE_HEAD))
        })
    {
        v[O] += 4;
    }
    if multi && first.has(ORG_HEAD) {
        v[O] += 5;
    }
    if multi && last.has(PLACE_TAIL) {
        v[L] += 6;
    }
    if multi && first.has(PLACE_HEAD) {
        v[L] += 4;
    }
    if ctx.the_prefix {
        v[O] += 3;
    }
    if ctx.titled {
        v[P] += 8;
    }
    if content >= 2 && first.has(GIVEN) {
        v[P] += 3;
    }
    // "Manchester City", "Bayern Munich", "Morning Ireland", "BT Sport": not people.
    let place_at = |range: &[usize]| {
        p.gaz(range)
            .and_then(|g| p.lex.entry(g))
            .is_some_and(|e| e.class != GazClass::Org)
    };
    if multi && last.has(CLUB) && place_at(&seg[..seg.len() - 1]) {
        v[O] += 8;
    }
    if multi && !first.has(GIVEN) && place_at(&seg[seg.len() - 1..]) {
        v[O] += 3;
    }
    if multi && seg.iter().any(|&k| toks[k].shape == Shape::Upper) {
        v[O] += 2;
    }
    let internal = v;

    // The words before it.
    if let Some(b) = p.prev_word(first_k) {
        let bt = toks[b];
        if bt.shape == Shape::Lower {
            if bt.has(TITLE) {
                v[P] += 5;
            }
            if bt.has(ORG_NOUN) {
                v[O] += 3;
            }
            if bt.has(PLACE_PREP) {
                v[L] += 1;
            }
            if p.is_word_ci(b, "of")
                && p.prev_word(b)
                    .is_some_and(|c| toks[c].has(PLACE_NOUN) && toks[c].shape == Shape::Lower)
            {
                v[L] += 4;
            }
            // "Baghdad and Anbar": a list keeps one kind.
            if (p.is_word_ci(b, "and") || p.is_word_ci(b, "or"))
                && let Some((c, after)) = st.last
                && after == b
                && let Some(cand) = out.cands.get(c)
            {
                let (kind, strength) = leading_kind(&cand.votes);
                if strength >= 3 {
                    v[kind_index(kind)] += 2;
                }
            }
        }
        if let Some(kind) = naming_cue(p, first_k) {
            v[kind_index(kind)] += 3;
        }
    }
    // "Cork, Kerry and Galway": inside a comma list, the kind of the item before.
    let in_list = p
        .next_tok(last_k)
        .is_some_and(|a| toks[a].is_punct(',') || p.is_word_ci(a, "and") || p.is_word_ci(a, "or"));
    if first_k > 0
        && toks[first_k - 1].is_punct(',')
        && in_list
        && let Some((c, after)) = st.last
        && after == first_k - 1
        && let Some(cand) = out.cands.get(c)
    {
        let (kind, strength) = leading_kind(&cand.votes);
        if strength >= 3 {
            v[kind_index(kind)] += 2;
        }
    }

    // The words after it.
    if let Some(a) = p.next_tok(last_k) {
        let at = toks[a];
        if at.shape == Shape::Lower {
            let air_base =
                p.is_word_ci(a, "air") && p.next_tok(a).is_some_and(|n| p.is_word_ci(n, "base"));
            if at.has(PLACE_CUE) || air_base {
                v[L] += 5;
            }
            if at.has(ORG_NOUN) {
                v[O] += 4;
            }
            // "Nordea analyst Thina Saltvedt": the employer of the person named next.
            if at.has(TITLE) && !at.has(ORG_NOUN) && p.cap_follows(a) {
                v[O] += 2;
            }
            // "Lami said" may be a surname, "Klarna said" a company: only two or
            // more name words make a speaker a person.
            if at.has(SAY) && content >= 2 && !ctx.the_prefix {
                v[P] += 2;
            } else if at.has(SAY) {
                v[X] += 1;
            }
        } else if at.is_punct(',')
            && let Some(kind) = appositive(p, a)
        {
            v[kind_index(kind)] += if kind == ActorKind::Place { 3 } else { 4 };
        }
    }
    let cued = v != internal;

    // Defaults by shape: two or more name-like words make a person.
    let name_like = seg.iter().all(|&k| {
        let t = toks[k];
        let common = GENERIC | ORG_TAIL | PLACE_TAIL | NON_ACTOR | STOP | DAY | MONTH;
        t.shape == Shape::Lower || t.has(PARTICLE) || (t.shape == Shape::Cap && !t.has(common))
    });
    if content >= 2 && name_like && v[O] == 0 && v[L] == 0 {
        v[P] += 1;
    }
    if content >= 2 && seg.iter().any(|&k| toks[k].has(PARTICLE)) {
        v[P] += 1;
    }
    if !multi && first.shape == Shape::Upper {
        v[O] += 1;
    }
    if v == [0; 4] {
        v[X] += 1;
    }
    (v, cued)
}

/// "a group called X", "an alliance known as X": the kind of the noun before.
fn naming_cue(p: &Para, k: usize) -> Option<ActorKind> {
    let mut b = p.prev_word(k)?;
    if p.is_word_ci(b, "as") {
        b = p.prev_word(b)?;
    }
    if !p.toks[b].has(NAMING) {
        return None;
    }
    let mut x = b;
    for _ in 0..6 {
        x = p.prev_word(x)?;
        let t = p.toks[x];
        if t.shape != Shape::Lower {
            continue;
        }
        if t.has(ORG_NOUN) {
            return Some(ActorKind::Organization);
        }
        if t.has(PERSON_NOUN) {
            return Some(ActorKind::Person);
        }
        if t.has(PLACE_NOUN) {
            return Some(ActorKind::Place);
        }
    }
    None
}

/// ", who ..." or ", a member of ...": the kind the apposition gives.
fn appositive(p: &Para, comma: usize) -> Option<ActorKind> {
    let toks = p.toks;
    let mut x = comma + 1;
    let first = toks.get(x).filter(|t| t.shape == Shape::Lower)?;
    let _ = first;
    if p.is_word_ci(x, "who") {
        return Some(ActorKind::Person);
    }
    let determiners = [
        "a", "an", "the", "another", "one", "its", "his", "her", "their", "this",
    ];
    if !determiners.iter().any(|d| p.is_word_ci(x, d)) {
        return None;
    }
    for _ in 0..5 {
        x += 1;
        let t = toks.get(x).filter(|t| t.shape == Shape::Lower)?;
        if t.has(PERSON_NOUN) {
            return Some(ActorKind::Person);
        }
        if t.has(ORG_NOUN) {
            return Some(ActorKind::Organization);
        }
        if t.has(PLACE_NOUN) {
            return Some(ActorKind::Place);
        }
    }
    None
}

/// Pushes a gazetteer candidate.
fn push_gaz(p: &Para, seg: &[usize], g: u32, st: &mut State, out: &mut Found) {
    let mut votes = [0; 4];
    if let Some(e) = p.lex.entry(g) {
        votes[kind_index(e.kind())] += 10;
    }
    let acronym = seg.len() == 1 && p.toks[seg[0]].shape == Shape::Upper;
    push(p, seg, Some(g), votes, false, acronym, false, st, out);
}

#[allow(clippy::too_many_arguments)]
fn push(
    p: &Para,
    seg: &[usize],
    gaz: Option<u32>,
    votes: Votes,
    weak: bool,
    acronym: bool,
    titled: bool,
    st: &mut State,
    out: &mut Found,
) {
    let (Some(&a), Some(&b)) = (seg.first(), seg.last()) else {
        return;
    };
    st.last = Some((out.cands.len(), b + 1));
    st.last_words.clear();
    st.last_words.extend_from_slice(seg);
    out.cands.push(Cand {
        para: p.index,
        start: p.toks[a].start,
        end: p.toks[b].end,
        gaz,
        votes,
        weak,
        acronym,
        titled,
    });
}

/// Acronym definitions and parenthesised alternatives after a run; returns where to go on.
fn definitions(
    p: &Para,
    i: usize,
    j: usize,
    first: usize,
    st: &mut State,
    out: &mut Found,
) -> usize {
    let toks = p.toks;
    let pending = st.paren.take();
    let Some(last) = out.cands.len().checked_sub(1).filter(|&c| c >= first) else {
        return j;
    };
    // "X (Y)": this run filled the parentheses opened after X.
    if let Some((before, open)) = pending
        && open + 1 == i
        && out.cands.len() - first == 1
    {
        let mut close = j;
        if toks
            .get(close)
            .is_some_and(|t| t.joined && t.shape == Shape::Upper)
        {
            close += 1;
        }
        if toks.get(close).is_some_and(|t| t.is_punct(')')) {
            link_paren(p, before, last, st, out);
        }
    }
    let words = st.last_words.clone();
    let spells = |k: usize| {
        norm::acronym_letters(p.word(k))
            .filter(|l| norm::acronym_start(l, &p.initials(&words)).is_some())
    };
    // "Popular Mobilization Forces-PMF".
    if toks
        .get(j)
        .is_some_and(|t| t.joined && t.shape == Shape::Upper)
        && let Some(letters) = spells(j)
    {
        push_acronym(p, j, last, letters, out);
        return j + 1;
    }
    // "Islamic Resistance in Iraq (IRI)".
    if toks.get(j).is_some_and(|t| t.is_punct('('))
        && toks.get(j + 1).is_some_and(|t| t.shape == Shape::Upper)
        && toks.get(j + 2).is_some_and(|t| t.is_punct(')'))
        && let Some(letters) = spells(j + 1)
    {
        push_acronym(p, j + 1, last, letters, out);
        return j + 3;
    }
    if toks.get(j).is_some_and(|t| t.is_punct('(')) {
        st.paren = Some((last, j));
    }
    j
}

/// Links "X (Y)" when X and Y can be one actor; "ACR (Long Name)" defines ACR.
fn link_paren(p: &Para, a: usize, b: usize, st: &State, out: &mut Found) {
    let (Some(ca), Some(cb)) = (out.cands.get(a), out.cands.get(b)) else {
        return;
    };
    let same = match (ca.gaz, cb.gaz) {
        (Some(x), Some(y)) => x == y,
        _ => {
            let (ka, kb) = (leading_kind(&ca.votes).0, leading_kind(&cb.votes).0);
            ka == kb || ka == ActorKind::Other || kb == ActorKind::Other
        }
    };
    if ca.acronym && !cb.acronym {
        let letters = p.text.get(ca.start..ca.end).and_then(norm::acronym_letters);
        if let Some(l) = letters
            && norm::acronym_start(&l, &p.initials(&st.last_words)).is_some()
        {
            out.acronyms.push((l, b));
            out.links.push((a, b));
        }
        return;
    }
    if same && !ca.acronym && !cb.acronym {
        out.links.push((a, b));
    }
}

/// Pushes an acronym defined by candidate `long`.
fn push_acronym(p: &Para, k: usize, long: usize, letters: String, out: &mut Found) {
    let t = p.toks[k];
    // A definition in the text beats the gazetteer's meaning of the letters.
    let long_gaz = out.cands.get(long).and_then(|c| c.gaz);
    let gaz = p.gaz(&[k]).filter(|&g| Some(g) == long_gaz);
    let mut votes = [0; 4];
    if let Some(c) = out.cands.get(long) {
        votes[kind_index(leading_kind(&c.votes).0)] += 1;
    }
    let idx = out.cands.len();
    out.cands.push(Cand {
        para: p.index,
        start: t.start,
        end: t.end,
        gaz,
        votes,
        weak: false,
        acronym: true,
        titled: false,
    });
    out.links.push((long, idx));
    out.acronyms.push((letters, long));
}
