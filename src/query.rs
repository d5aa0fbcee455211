//! The filter language: free words, `@actor`, `source:`, `date:`, `after:`, `before:`, `-term`.
//!
//! Library side (no terminal types). [`Query::parse`] turns the filter line into terms;
//! [`Index`] holds per-article word lists built once when a corpus arrives; [`search`]
//! filters and scores articles. Terms combine with AND.
//!
//! Free words are fuzzy-matched (skim) against titles, sources and actor names, and matched
//! against bodies only by whole words or word prefixes: a character subsequence over a 5 KB
//! body matches almost anything, so bodies are never fuzzy-matched.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::actors::ActorId;
use crate::article::Article;
use crate::corpus::Corpus;

/// Score of a free word found only in the body as a word prefix (below any fuzzy title match).
const BODY_PREFIX_SCORE: i64 = 10;
/// Score of a free word found only in the body as a whole word.
const BODY_WORD_SCORE: i64 = 12;
/// Bonus when a fuzzy match on title/source/actors is confirmed by the body.
const BODY_BONUS: i64 = 5;

/// One parsed filter term; `negated` terms exclude what they match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub negated: bool,
    pub kind: TermKind,
}

/// What a term matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermKind {
    /// A free word (lowercase): fuzzy over title, source, actor names; word prefix over body.
    Word(String),
    /// `@name`: fuzzy over actor names and aliases.
    Actor(String),
    /// `source:NAME`: case-insensitive substring of the source.
    Source(String),
    /// `date:2024-08`: prefix of the `YYYY-MM-DD` date.
    Date(String),
    /// `after:D`: dated on or after the start of D (`2024`, `2024-08` or `2024-08-01`).
    After(NaiveDate),
    /// `before:D`: dated before the start of D.
    Before(NaiveDate),
}

/// A term that was not understood: where it is in the filter line and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// Byte range of the term in the filter line.
    pub span: Range<usize>,
    /// A short reason for the status bar.
    pub reason: String,
}

/// A parsed filter line: terms to AND together, plus the terms that were not understood (they
/// are left out of the search and shown as errors).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    pub errors: Vec<QueryError>,
}

/// Splits the line into tokens with their byte ranges; `"..."` keeps spaces inside one token
/// (quotes removed).
fn tokenize(input: &str) -> Vec<(String, Range<usize>)> {
    let mut tokens = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut start: Option<usize> = None;
    for (i, c) in input.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                start.get_or_insert(i);
            }
            c if c.is_whitespace() && !quoted => {
                if let Some(s) = start.take() {
                    tokens.push((std::mem::take(&mut cur), s..i));
                }
            }
            c => {
                cur.push(c);
                start.get_or_insert(i);
            }
        }
    }
    if let Some(s) = start {
        tokens.push((cur, s..input.len()));
    }
    tokens
}

/// Parses `2024`, `2024-08` or `2024-08-01` to the first day of that period.
fn parse_period_start(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = match parts.next() {
        Some(m) => m.parse().ok()?,
        None => 1,
    };
    let day: u32 = match parts.next() {
        Some(d) => d.parse().ok()?,
        None => 1,
    };
    if parts.next().is_some() || !(1000..=9999).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Whether `s` can begin a `YYYY-MM-DD` date (so `date:` with it can match something):
/// `2024`, `2024-0`, `2024-08-3` are fine while typing; `2024-13`, `2024-02-30`, `24-08` not.
fn is_date_prefix(s: &str) -> bool {
    const SHAPE: &[u8] = b"dddd-dd-dd";
    let b = s.as_bytes();
    if b.is_empty() || b.len() > SHAPE.len() {
        return false;
    }
    let shaped = b.iter().zip(SHAPE).all(|(&c, &want)| {
        if want == b'd' {
            c.is_ascii_digit()
        } else {
            c == want
        }
    });
    if !shaped {
        return false;
    }
    let num = |r: Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    match b.len() {
        6 => b[5] <= b'1',
        7 | 8 => num(5..7).is_some_and(|m| (1..=12).contains(&m)),
        9 => num(5..7).is_some_and(|m| (1..=12).contains(&m)) && b[8] <= b'3',
        10 => parse_period_start(s).is_some(),
        _ => true,
    }
}

impl Query {
    /// Parses a filter line. Never fails: terms it cannot use are left out and described in
    /// `errors`, with their place in the line.
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        for (token, span) in tokenize(input) {
            let (negated, body) = match token.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest),
                _ => (false, token.as_str()),
            };
            let lower = body.to_lowercase();
            let mut bad = |reason: String| {
                q.errors.push(QueryError {
                    span: span.clone(),
                    reason,
                });
                None
            };
            let kind = if let Some(name) = lower.strip_prefix('@') {
                (!name.trim().is_empty()).then(|| TermKind::Actor(name.trim().to_string()))
            } else if let Some((key, value)) = lower.split_once(':') {
                match key {
                    "source" | "src" => {
                        (!value.is_empty()).then(|| TermKind::Source(value.to_string()))
                    }
                    "date" => {
                        if value.is_empty() {
                            None
                        } else if is_date_prefix(value) {
                            Some(TermKind::Date(value.to_string()))
                        } else {
                            bad("date: wants the start of a date, like 2024-08".into())
                        }
                    }
                    "after" | "before" => {
                        if value.is_empty() {
                            None
                        } else if let Some(d) = parse_period_start(value) {
                            Some(if key == "after" {
                                TermKind::After(d)
                            } else {
                                TermKind::Before(d)
                            })
                        } else {
                            bad(format!("{key}: wants a date like 2024-08-01"))
                        }
                    }
                    // Not a known key: a word that happens to contain a colon.
                    _ => Some(TermKind::Word(lower.clone())),
                }
            } else if lower == "-" {
                None
            } else {
                Some(TermKind::Word(lower))
            };
            if let Some(kind) = kind {
                q.terms.push(Term { negated, kind });
            }
        }
        q
    }

    /// Whether the query has no usable term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every article matching `self` also matches `previous`, so a search can start from
    /// the previous results (typing more characters at the end narrows; deleting does not).
    pub fn narrows(&self, previous: &Query) -> bool {
        if previous.terms.len() > self.terms.len() {
            return false;
        }
        let n = previous.terms.len();
        for (i, (old, new)) in previous.terms.iter().zip(&self.terms).enumerate() {
            if old == new {
                continue;
            }
            // Only the last old term may have grown, and only where growing can only narrow.
            if i + 1 != n || old.negated || new.negated {
                return false;
            }
            let grew = match (&old.kind, &new.kind) {
                (TermKind::Word(a), TermKind::Word(b))
                | (TermKind::Actor(a), TermKind::Actor(b))
                | (TermKind::Source(a), TermKind::Source(b))
                | (TermKind::Date(a), TermKind::Date(b)) => b.starts_with(a.as_str()),
                _ => false,
            };
            if !grew {
                return false;
            }
        }
        true
    }

    /// Positive free words, for highlighting.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .filter_map(|t| match (&t.kind, t.negated) {
                (TermKind::Word(w), false) => Some(w.as_str()),
                _ => None,
            })
    }

    /// Positive `@actor` patterns, for highlighting mentions.
    pub fn actor_patterns(&self) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .filter_map(|t| match (&t.kind, t.negated) {
                (TermKind::Actor(w), false) => Some(w.as_str()),
                _ => None,
            })
    }
}

/// Runs of letters and digits with their byte ranges: the words of a text.
pub fn word_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = iter.peek() {
            if c.is_alphanumeric() {
                break;
            }
            iter.next();
        }
        let (start, _) = *iter.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        Some(start..end)
    })
}

/// Folded words of a query term (what body matching looks for as prefixes).
fn term_tokens(term: &str) -> Vec<String> {
    word_spans(term).map(|r| fold(&term[r])).collect()
}

/// Lowercase without Latin accents, as the word index stores words ("Café" and "cafe" meet).
fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        crate::actors::fold_char_into(c, &mut out);
    }
    out
}

/// Sentinel for "no source" in [`Index`].
const NO_SOURCE: u32 = u32::MAX;

/// Per-article word lists for fast body matching, built once when a corpus arrives.
///
/// Words (lowercase) are numbered in sorted order, so all words with a given prefix form one
/// id range, and "does this article have a word starting with `nuj`" is one binary search in
/// the article's sorted id list. Four bytes per distinct word per article. Sources are
/// numbered too, so source terms are matched once per distinct source, not once per article.
#[derive(Debug, Clone, Default)]
pub struct Index {
    vocab: Vec<Box<str>>,
    docs: Vec<Box<[u32]>>,
    sources: Vec<Box<str>>,
    source_of: Vec<u32>,
    /// Per actor: its name and aliases, folded and split into words, for `@` terms.
    actor_names: Vec<Vec<NameForm>>,
}

impl Index {
    /// Indexes the words of every article's title, subtitle, source and paragraphs.
    pub fn build(corpus: &Corpus) -> Index {
        let mut ids: rustc_hash::FxHashMap<Box<str>, u32> = Default::default();
        let mut names: Vec<Box<str>> = Vec::new();
        let mut docs: Vec<Vec<u32>> = Vec::with_capacity(corpus.articles.len());
        let mut buf = String::new();
        for a in &corpus.articles {
            let mut doc = Vec::new();
            let texts = std::iter::once(a.title.as_str())
                .chain(a.subtitle.as_deref())
                .chain(a.source.as_deref())
                .chain(a.paragraphs.iter().map(String::as_str));
            for text in texts {
                for r in word_spans(text) {
                    buf.clear();
                    let word = &text[r];
                    if word.is_ascii() {
                        // Most words: skip the Unicode case tables.
                        buf.push_str(word);
                        buf.make_ascii_lowercase();
                    } else {
                        word.chars()
                            .for_each(|c| crate::actors::fold_char_into(c, &mut buf));
                    }
                    let id = match ids.get(buf.as_str()) {
                        Some(&id) => id,
                        None => {
                            let id = names.len() as u32;
                            names.push(buf.as_str().into());
                            ids.insert(buf.as_str().into(), id);
                            id
                        }
                    };
                    doc.push(id);
                }
            }
            doc.sort_unstable();
            doc.dedup();
            docs.push(doc);
        }
        drop(ids);
        // Renumber in sorted order so that a prefix is an id range.
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        let mut remap = vec![0u32; names.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        let mut slots: Vec<Option<Box<str>>> = names.into_iter().map(Some).collect();
        let vocab: Vec<Box<str>> = order
            .iter()
            .map(|&old| slots[old as usize].take().unwrap_or_default())
            .collect();
        let docs = docs
            .into_iter()
            .map(|mut d| {
                for id in &mut d {
                    *id = remap[*id as usize];
                }
                d.sort_unstable();
                d.into_boxed_slice()
            })
            .collect();
        let mut source_ids: HashMap<&str, u32> = HashMap::new();
        let mut sources: Vec<Box<str>> = Vec::new();
        let source_of = corpus
            .articles
            .iter()
            .map(|a| match a.source.as_deref() {
                None => NO_SOURCE,
                Some(name) => *source_ids.entry(name).or_insert_with(|| {
                    sources.push(name.into());
                    (sources.len() - 1) as u32
                }),
            })
            .collect();
        let actor_names = corpus
            .actors
            .actors()
            .iter()
            .map(|a| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .map(|n| NameForm::new(n))
                    .collect()
            })
            .collect();
        Index {
            vocab,
            docs,
            sources,
            source_of,
            actor_names,
        }
    }

    /// The source id of article `doc`, if it has a source.
    fn source(&self, doc: usize) -> Option<usize> {
        match self.source_of.get(doc) {
            Some(&id) if id != NO_SOURCE => Some(id as usize),
            _ => None,
        }
    }

    /// A value per distinct source.
    fn per_source<T>(&self, f: impl FnMut(&str) -> T) -> Vec<T> {
        self.sources.iter().map(|s| &**s).map(f).collect()
    }

    /// Ids of all words starting with `prefix` (lowercase).
    fn prefix_range(&self, prefix: &str) -> Range<u32> {
        let lo = self.vocab.partition_point(|w| &**w < prefix);
        let len = self.vocab[lo..].partition_point(|w| w.starts_with(prefix));
        lo as u32..(lo + len) as u32
    }

    /// Id of exactly this word, if the corpus has it.
    fn word_id(&self, word: &str) -> Option<u32> {
        self.vocab
            .binary_search_by(|w| (**w).cmp(word))
            .ok()
            .map(|i| i as u32)
    }

    /// Whether article `doc` has a word whose id is in `range`.
    fn doc_has(&self, doc: usize, range: &Range<u32>) -> bool {
        let Some(ids) = self.docs.get(doc) else {
            return false;
        };
        let i = ids.partition_point(|&id| id < range.start);
        i < ids.len() && ids[i] < range.end
    }
}

/// An article that passed the filter, with its relevance score (0 without free words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub article: usize,
    pub score: i64,
}

/// A term prepared against one corpus: word ranges and per-actor scores computed once.
enum Prepared {
    Word {
        neg: bool,
        text: String,
        ranges: Vec<Range<u32>>,
        /// The term's words when there are several: they must follow each other.
        phrase: Vec<String>,
        exact: bool,
        actor_scores: Vec<i64>,
        source_scores: Vec<Option<i64>>,
    },
    Actor {
        neg: bool,
        actor_scores: Vec<i64>,
    },
    Source {
        neg: bool,
        /// Per distinct source: whether it contains the needle.
        hits: Vec<bool>,
    },
    Date {
        neg: bool,
        prefix: String,
    },
    After {
        neg: bool,
        date: NaiveDate,
    },
    Before {
        neg: bool,
        date: NaiveDate,
    },
}

impl Prepared {
    /// Rough cost, so cheap terms reject articles before fuzzy matching runs.
    fn cost(&self) -> u8 {
        match self {
            Prepared::Date { .. } | Prepared::After { .. } | Prepared::Before { .. } => 0,
            Prepared::Source { .. } | Prepared::Actor { .. } => 1,
            Prepared::Word { neg: true, .. } => 2,
            Prepared::Word { neg: false, .. } => 3,
        }
    }
}

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

/// Folded words of a name or an `@` query: split at spaces, hyphens and other punctuation;
/// periods and apostrophes inside a word are dropped ("U.S." is "us", "O'Brien" "obrien").
pub fn name_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if matches!(c, '.' | '\'' | '’') {
            continue;
        }
        if c.is_alphanumeric() {
            crate::actors::fold_char_into(c, &mut cur);
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// One spelling of an actor, ready for `@` matching.
#[derive(Debug, Clone, Default)]
struct NameForm {
    /// Folded words ("Al-Lami" gives "al", "lami").
    words: Vec<Box<str>>,
    /// The words run together ("allami"), so `@allami` finds "Al-Lami".
    compact: Box<str>,
}

impl NameForm {
    fn new(name: &str) -> NameForm {
        let words = name_words(name);
        NameForm {
            compact: words.concat().into(),
            words: words.into_iter().map(Into::into).collect(),
        }
    }
}

/// Score of an `@` query equal to a whole name or alias.
const ACTOR_EXACT: i64 = 100;
/// Score of query words that prefix name words in order (`@lami`, `@al lam`).
const ACTOR_PREFIX: i64 = 50;
/// Bonus when those query words are whole words of the name (`@lami` for "Al Lami").
const ACTOR_WHOLE_WORDS: i64 = 20;
/// Bonus when the match starts at the name's first word (`@haider` for "Haider Al Lami").
const ACTOR_FIRST_WORD: i64 = 10;

/// How well query `q` (folded words and their run-together form) matches one spelling:
/// an exact name first, then whole words, then word prefixes. `None`: no match. Words must
/// match from their start: `@lami` is not in "Islamic", so `@` stays a precision tool.
fn name_score(q: &NameForm, name: &NameForm) -> Option<i64> {
    if q.words.is_empty() {
        return None;
    }
    if q.compact == name.compact {
        return Some(ACTOR_EXACT);
    }
    // Each query word prefixes a later name word than the one before (earliest first, which
    // finds an in-order match whenever one exists).
    let mut next = 0;
    let mut first = None;
    let mut whole = true;
    for qw in &q.words {
        let found = name.words[next..]
            .iter()
            .position(|nw| nw.starts_with(&**qw))
            .map(|i| next + i);
        match found {
            Some(i) => {
                first.get_or_insert(i);
                whole &= *name.words[i] == **qw;
                next = i + 1;
            }
            None => {
                first = None;
                break;
            }
        }
    }
    if let Some(first) = first {
        let mut score = ACTOR_PREFIX;
        if whole {
            score += ACTOR_WHOLE_WORDS;
        }
        if first == 0 {
            score += ACTOR_FIRST_WORD;
        }
        return Some(score);
    }
    // "allami" for "Al-Lami", "haideral" for "Haider Al Lami".
    name.compact
        .starts_with(&*q.compact)
        .then_some(ACTOR_PREFIX)
}

/// Best score of `pattern` over each actor's name and aliases (0: no match).
fn actor_scores(index: &Index, pattern: &str) -> Vec<i64> {
    let q = NameForm::new(pattern);
    index
        .actor_names
        .iter()
        .map(|forms| {
            forms
                .iter()
                .filter_map(|f| name_score(&q, f))
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// Actors an `@pattern` term stands for: a query word prefixes a word of the name or of an
/// alias (in order, for several words), or the name run together starts with the query.
/// Case and Latin diacritics are ignored.
pub fn matching_actors(index: &Index, pattern: &str) -> Vec<ActorId> {
    actor_scores(index, pattern)
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > 0)
        .map(|(i, _)| i)
        .collect()
}

fn prepare(m: &SkimMatcherV2, index: &Index, term: &Term) -> Prepared {
    let neg = term.negated;
    match &term.kind {
        TermKind::Word(w) => {
            let tokens = term_tokens(w);
            let ranges = tokens.iter().map(|t| index.prefix_range(t)).collect();
            let exact = tokens.len() == 1 && index.word_id(&tokens[0]).is_some();
            Prepared::Word {
                neg,
                text: w.clone(),
                ranges,
                phrase: if tokens.len() > 1 { tokens } else { Vec::new() },
                exact,
                actor_scores: if neg {
                    Vec::new()
                } else {
                    actor_scores(index, w)
                },
                source_scores: if neg {
                    Vec::new()
                } else {
                    index.per_source(|s| fuzzy_score(m, s, w))
                },
            }
        }
        TermKind::Actor(p) => Prepared::Actor {
            neg,
            actor_scores: actor_scores(index, p),
        },
        TermKind::Source(needle) => Prepared::Source {
            neg,
            hits: index.per_source(|s| s.to_lowercase().contains(needle.as_str())),
        },
        TermKind::Date(p) => Prepared::Date {
            neg,
            prefix: p.clone(),
        },
        TermKind::After(d) => Prepared::After { neg, date: *d },
        TermKind::Before(d) => Prepared::Before { neg, date: *d },
    }
}

/// Whether the article has every word token (each as a word prefix).
fn body_has(index: &Index, doc: usize, ranges: &[Range<u32>]) -> bool {
    !ranges.is_empty() && ranges.iter().all(|r| index.doc_has(doc, r))
}

/// Score of one prepared term on one article; `None` means the article fails the term.
fn eval(
    m: &SkimMatcherV2,
    corpus: &Corpus,
    index: &Index,
    doc: usize,
    a: &Article,
    term: &Prepared,
) -> Option<i64> {
    let (hit, score) = match term {
        Prepared::Word {
            neg: true,
            ranges,
            phrase,
            ..
        } => (
            body_has(index, doc, ranges) && (phrase.is_empty() || has_phrase(a, phrase)),
            0,
        ),
        Prepared::Word {
            neg: false,
            text,
            ranges,
            phrase,
            exact,
            actor_scores,
            source_scores,
        } => {
            let actor_best = corpus
                .actors
                .actors_of(doc)
                .iter()
                .map(|&(id, _)| actor_scores.get(id).copied().unwrap_or(0))
                .max()
                .filter(|&s| s > 0);
            let fuzzy = [
                fuzzy_score(m, head(&a.title), text),
                index
                    .source(doc)
                    .and_then(|s| source_scores.get(s).copied().flatten()),
                actor_best,
            ]
            .into_iter()
            .flatten()
            .max();
            let body = body_has(index, doc, ranges) && (phrase.is_empty() || has_phrase(a, phrase));
            match (fuzzy, body) {
                (Some(s), b) => (true, s.max(1) + if b { BODY_BONUS } else { 0 }),
                (None, true) if *exact => (true, BODY_WORD_SCORE),
                (None, true) => (true, BODY_PREFIX_SCORE),
                (None, false) => (false, 0),
            }
        }
        Prepared::Actor { actor_scores, .. } => {
            let best = corpus
                .actors
                .actors_of(doc)
                .iter()
                .map(|&(id, _)| actor_scores.get(id).copied().unwrap_or(0))
                .max()
                .unwrap_or(0);
            (best > 0, best)
        }
        Prepared::Source { hits, .. } => (
            index
                .source(doc)
                .is_some_and(|s| hits.get(s).copied().unwrap_or(false)),
            0,
        ),
        Prepared::Date { prefix, .. } => (
            a.date
                .is_some_and(|d| d.to_string().starts_with(prefix.as_str())),
            0,
        ),
        Prepared::After { date, .. } => (a.date.is_some_and(|d| d >= *date), 0),
        Prepared::Before { date, .. } => (a.date.is_some_and(|d| d < *date), 0),
    };
    let neg = match term {
        Prepared::Word { neg, .. }
        | Prepared::Actor { neg, .. }
        | Prepared::Source { neg, .. }
        | Prepared::Date { neg, .. }
        | Prepared::After { neg, .. }
        | Prepared::Before { neg, .. } => *neg,
    };
    match (neg, hit) {
        (false, true) => Some(score),
        (true, false) => Some(0),
        _ => None,
    }
}

/// Longest title prefix (bytes) given to the fuzzy matcher: its cost grows with length, and a
/// "title" that is really a whole paragraph (bad input) should not slow every keystroke.
const TITLE_MAX: usize = 256;

/// The first `TITLE_MAX` bytes of `s`, cut on a character boundary.
fn head(s: &str) -> &str {
    if s.len() <= TITLE_MAX {
        return s;
    }
    let mut end = TITLE_MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Below this many articles a search runs on one thread (spawning costs more than it saves).
const PARALLEL_MIN: usize = 4096;

/// Whether the article mentions every one of `actors`.
fn has_all_actors(corpus: &Corpus, doc: usize, actors: &[ActorId]) -> bool {
    let of = corpus.actors.actors_of(doc);
    actors
        .iter()
        .all(|id| of.binary_search_by_key(id, |&(a, _)| a).is_ok())
}

/// Articles matching `query` and mentioning all of `actors`, in corpus order.
///
/// `candidates` restricts the search to a previous result set (see [`Query::narrows`]).
pub fn search(
    corpus: &Corpus,
    index: &Index,
    query: &Query,
    actors: &[ActorId],
    candidates: Option<&[usize]>,
) -> Vec<Hit> {
    let m = matcher();
    let mut terms: Vec<Prepared> = query.terms.iter().map(|t| prepare(&m, index, t)).collect();
    terms.sort_by_key(Prepared::cost);
    let check = |doc: usize| -> Option<Hit> {
        let a = corpus.articles.get(doc)?;
        if !has_all_actors(corpus, doc, actors) {
            return None;
        }
        let mut score = 0;
        for t in &terms {
            score += eval(&m, corpus, index, doc, a, t)?;
        }
        Some(Hit {
            article: doc,
            score,
        })
    };
    let all: Vec<usize>;
    let docs: &[usize] = match candidates {
        Some(c) => c,
        None => {
            all = (0..corpus.articles.len()).collect();
            &all
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Free words cost a fuzzy match per article; big searches are split over the cores.
    if threads < 2 || docs.len() < PARALLEL_MIN || query.words().next().is_none() {
        return docs.iter().filter_map(|&d| check(d)).collect();
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = docs
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().filter_map(|&d| check(d)).collect::<Vec<_>>()))
            .collect();
        let mut hits = Vec::new();
        for p in parts {
            match p.join() {
                Ok(mut v) => hits.append(&mut v),
                // A panic in a worker is a bug; re-raise it on this thread.
                Err(e) => std::panic::resume_unwind(e),
            }
        }
        hits
    })
}

/// Character indices of `text` matched by the query's free words (fuzzy), for highlighting.
pub fn fuzzy_highlights(m: &SkimMatcherV2, query: &Query, text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for w in query.words() {
        if let Some(idx) = fuzzy_indices(m, text, w) {
            out.extend(idx);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Folded words of `text` with their byte ranges.
fn lower_words(text: &str) -> Vec<(Range<usize>, String)> {
    word_spans(text)
        .map(|r| {
            let w = fold(&text[r.clone()]);
            (r, w)
        })
        .collect()
}

/// Start indices in `words` where consecutive words start with the `tokens`, in order.
fn phrase_starts<'a>(
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

/// Whether the article's title, subtitle, source or text has the phrase: consecutive words
/// starting with `tokens` (the index only knows each word is somewhere in the article).
fn has_phrase(a: &Article, tokens: &[String]) -> bool {
    std::iter::once(a.title.as_str())
        .chain(a.subtitle.as_deref())
        .chain(a.source.as_deref())
        .chain(a.paragraphs.iter().map(String::as_str))
        .any(|text| phrase_starts(&lower_words(text), tokens).next().is_some())
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
    use crate::actors::{Actor, ActorIndex, ActorKind, Extraction, Mention};

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parses_every_kind_of_term() {
        let q = Query::parse(
            "@nujaba source:national date:2024-08 after:2024-08-01 -ceasefire truce before:2025",
        );
        let kinds: Vec<_> = q
            .terms
            .iter()
            .map(|t| (t.negated, t.kind.clone()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (false, TermKind::Actor("nujaba".into())),
                (false, TermKind::Source("national".into())),
                (false, TermKind::Date("2024-08".into())),
                (false, TermKind::After(date("2024-08-01"))),
                (true, TermKind::Word("ceasefire".into())),
                (false, TermKind::Word("truce".into())),
                (false, TermKind::Before(date("2025-01-01"))),
            ]
        );
        assert!(q.errors.is_empty());
    }

    #[test]
    fn quotes_keep_spaces_and_bad_dates_are_reported_not_fatal() {
        let line = "source:\"The National\" after:2024-13 - @ date:";
        let q = Query::parse(line);
        assert_eq!(
            q.terms,
            vec![Term {
                negated: false,
                kind: TermKind::Source("the national".into())
            }]
        );
        assert_eq!(q.errors.len(), 1);
        assert!(q.errors[0].reason.starts_with("after: wants a date"));
        assert_eq!(&line[q.errors[0].span.clone()], "after:2024-13");
    }

    #[test]
    fn impossible_dates_are_errors_with_their_place_in_the_line() {
        for (line, bad) in [
            ("after:garbage", "after:garbage"),
            ("truce date:2024-13", "date:2024-13"),
            ("date:2024-02-30", "date:2024-02-30"),
            ("date:24-08", "date:24-08"),
            ("-before:soon x", "-before:soon"),
        ] {
            let q = Query::parse(line);
            assert_eq!(q.errors.len(), 1, "{line}");
            assert_eq!(&line[q.errors[0].span.clone()], bad, "{line}");
        }
        // Prefixes that are still being typed are fine.
        for ok in [
            "date:2",
            "date:2024-",
            "date:2024-1",
            "date:2024-08-",
            "date:2024-08-3",
        ] {
            assert!(Query::parse(ok).errors.is_empty(), "{ok}");
            assert_eq!(Query::parse(ok).terms.len(), 1, "{ok}");
        }
    }

    #[test]
    fn token_spans_are_byte_ranges_of_the_line() {
        let line = "é \"two words\"  -x";
        let t = tokenize(line);
        let spans: Vec<&str> = t.iter().map(|(_, r)| &line[r.clone()]).collect();
        assert_eq!(spans, vec!["é", "\"two words\"", "-x"]);
        assert_eq!(t[1].0, "two words");
    }

    #[test]
    fn unknown_keys_are_words_and_case_is_folded() {
        let q = Query::parse("SOURCE:Reuters http://x");
        assert_eq!(q.terms[0].kind, TermKind::Source("reuters".into()));
        assert_eq!(q.terms[1].kind, TermKind::Word("http://x".into()));
    }

    #[test]
    fn typing_more_narrows_but_deleting_or_negating_does_not() {
        let p = |s| Query::parse(s);
        assert!(p("nuj").narrows(&p("nu")));
        assert!(p("nu x").narrows(&p("nu")));
        assert!(p("@nuj").narrows(&p("@")));
        assert!(p("nuj").narrows(&p("")));
        assert!(!p("nu").narrows(&p("nuj")));
        assert!(!p("-nuj").narrows(&p("-nu")));
        assert!(!p("before:2024-08").narrows(&p("before:2024")));
        assert!(!p("ab cd").narrows(&p("a cd")));
    }

    fn article(title: &str, source: &str, date_s: &str, body: &[&str]) -> Article {
        Article {
            id: title.to_lowercase().replace(' ', "-"),
            title: title.into(),
            source: Some(source.into()),
            date: Some(date(date_s)),
            paragraphs: body.iter().map(|s| s.to_string()).collect(),
            ..Article::default()
        }
    }

    /// Three articles; actor 0 "Al Nujaba Movement" in articles 0 and 2, actor 1 in 1.
    fn corpus() -> Corpus {
        let articles = vec![
            article(
                "Militias end truce",
                "The National",
                "2024-08-20",
                &["Al Nujaba Movement said the truce is over."],
            ),
            article(
                "Drone strike in Babel",
                "Reuters",
                "2024-07-30",
                &["Kataib Hezbollah blamed Washington for the ceasefire breach."],
            ),
            article(
                "Harakat al-Nujaba reaffirms",
                "Shafaq News",
                "2024-07-31",
                &["No ceasefire exists, said Harakat Al-Nujaba."],
            ),
        ];
        let actors = vec![
            Actor {
                name: "Al Nujaba Movement".into(),
                kind: ActorKind::Organization,
                aliases: vec!["Harakat al-Nujaba".into()],
            },
            Actor {
                name: "Kataib Hezbollah".into(),
                kind: ActorKind::Organization,
                aliases: vec![],
            },
        ];
        let m = |actor, start, end| Mention {
            actor,
            paragraph: 0,
            start,
            end,
        };
        let mentions = vec![vec![m(0, 0, 18)], vec![m(1, 0, 16)], vec![m(0, 26, 43)]];
        let index = ActorIndex::build(&Extraction {
            actors,
            mentions: mentions.clone(),
        });
        let mut articles = articles;
        for (a, ms) in articles.iter_mut().zip(mentions) {
            a.mentions = ms;
        }
        Corpus {
            articles,
            actors: index,
        }
    }

    fn ids(q: &str, actors: &[ActorId]) -> Vec<usize> {
        let c = corpus();
        let idx = Index::build(&c);
        search(&c, &idx, &Query::parse(q), actors, None)
            .iter()
            .map(|h| h.article)
            .collect()
    }

    #[test]
    fn body_words_match_without_accents_either_way() {
        let c = Corpus::from_articles(vec![
            article("One", "X", "2024-01-01", &["The Café Rouge reopened."]),
            article("Two", "X", "2024-01-02", &["Nothing here."]),
        ]);
        let idx = Index::build(&c);
        for q in ["cafe", "café", "CAFÉ"] {
            let hits = search(&c, &idx, &Query::parse(q), &[], None);
            assert_eq!(
                hits.iter().map(|h| h.article).collect::<Vec<_>>(),
                [0],
                "{q}"
            );
        }
    }

    #[test]
    fn index_finds_words_by_prefix() {
        let c = corpus();
        let idx = Index::build(&c);
        let r = idx.prefix_range("cease");
        assert!(!idx.doc_has(0, &r));
        assert!(idx.doc_has(1, &r));
        assert!(idx.doc_has(2, &r));
        assert!(idx.prefix_range("zzz").is_empty());
        assert!(idx.word_id("ceasefire").is_some());
    }

    #[test]
    fn empty_query_matches_all() {
        assert_eq!(ids("", &[]), vec![0, 1, 2]);
    }

    #[test]
    fn terms_combine_with_and() {
        assert_eq!(ids("ceasefire", &[]), vec![1, 2]);
        assert_eq!(ids("ceasefire -kataib", &[]), vec![2]);
        assert_eq!(ids("source:reuters", &[]), vec![1]);
        assert_eq!(ids("date:2024-07", &[]), vec![1, 2]);
        assert_eq!(ids("after:2024-07-31", &[]), vec![0, 2]);
        assert_eq!(ids("before:2024-07-31", &[]), vec![1]);
        assert_eq!(ids("-date:2024-07", &[]), vec![0]);
        assert_eq!(ids("@hezbollah", &[]), vec![1]);
    }

    #[test]
    fn actor_terms_match_aliases_and_selected_actors_filter() {
        // "harakat" only appears in actor 0's alias.
        assert_eq!(ids("@harakat", &[]), vec![0, 2]);
        assert_eq!(ids("", &[0]), vec![0, 2]);
        assert_eq!(ids("", &[0, 1]), Vec::<usize>::new());
    }

    #[test]
    fn title_matches_rank_above_body_matches() {
        let c = corpus();
        let idx = Index::build(&c);
        let hits = search(&c, &idx, &Query::parse("truce"), &[], None);
        // Article 0 has "truce" in its title; nobody else mentions it.
        assert_eq!(hits.len(), 1);
        let hits = search(&c, &idx, &Query::parse("said"), &[], None);
        assert!(hits.iter().all(|h| h.score <= BODY_WORD_SCORE));
        let title = search(&c, &idx, &Query::parse("drone"), &[], None);
        assert!(title[0].score > BODY_WORD_SCORE);
    }

    #[test]
    fn searching_candidates_only_checks_them() {
        let c = corpus();
        let idx = Index::build(&c);
        let hits = search(&c, &idx, &Query::default(), &[], Some(&[2]));
        assert_eq!(
            hits,
            vec![Hit {
                article: 2,
                score: 0
            }]
        );
    }

    #[test]
    fn highlights_mark_word_prefixes_and_fuzzy_characters() {
        let q = Query::parse("nuj -said");
        let text = "Harakat Al-Nujaba said";
        let r = word_highlights(&q, text);
        assert_eq!(r, vec![11..14]);
        assert_eq!(&text[r[0].clone()], "Nuj");
        let f = fuzzy_highlights(&matcher(), &q, "Al Nujaba");
        assert_eq!(f, vec![3, 4, 5]);
    }

    #[test]
    fn word_spans_split_on_punctuation() {
        let t = "al-Nujaba, 2024!";
        let w: Vec<&str> = word_spans(t).map(|r| &t[r]).collect();
        assert_eq!(w, vec!["al", "Nujaba", "2024"]);
    }

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

    /// Actors for `@` tests: names that fuzzy matching mixed up.
    fn actor_corpus() -> (Corpus, Index) {
        let names: &[(&str, &[&str])] = &[
            ("Haider Al Lami", &["Al-Lami", "Lami", "Haider Al-Lami"]),
            ("Islamic Resistance in Iraq", &["IRI"]),
            (
                "Popular Mobilization Forces",
                &["PMF", "al-Hashd al-Shaabi"],
            ),
            ("ISIS", &[]),
            ("International Coalition against ISIS", &[]),
            (
                "Al Nujaba Movement",
                &["Harakat Al-Nujaba", "Nujaba Movement"],
            ),
            ("José Müller", &[]),
            ("Ali Hassan", &[]),
            ("Salim Khalil", &[]),
        ];
        let actors = names
            .iter()
            .map(|(n, al)| Actor {
                name: n.to_string(),
                kind: ActorKind::Person,
                aliases: al.iter().map(|s| s.to_string()).collect(),
            })
            .collect();
        // One article per actor, mentioning only it.
        let mentions: Vec<Vec<Mention>> = (0..names.len())
            .map(|i| {
                vec![Mention {
                    actor: i,
                    paragraph: 0,
                    start: 0,
                    end: 1,
                }]
            })
            .collect();
        let articles = (0..names.len())
            .map(|i| Article {
                title: format!("Report {i}"),
                paragraphs: vec!["x".into()],
                mentions: mentions[i].clone(),
                ..Article::default()
            })
            .collect();
        let corpus = Corpus {
            articles,
            actors: ActorIndex::build(&Extraction { actors, mentions }),
        };
        let index = Index::build(&corpus);
        (corpus, index)
    }

    fn actor_names(pattern: &str) -> Vec<String> {
        let (c, idx) = actor_corpus();
        matching_actors(&idx, pattern)
            .into_iter()
            .map(|i| c.actors.actors()[i].name.clone())
            .collect()
    }

    #[test]
    fn at_terms_match_the_start_of_name_words_not_letters_inside_them() {
        assert_eq!(actor_names("lami"), vec!["Haider Al Lami"]);
        assert_eq!(actor_names("LAMI"), vec!["Haider Al Lami"]);
        assert_eq!(
            actor_names("isis"),
            vec!["ISIS", "International Coalition against ISIS"]
        );
        assert_eq!(actor_names("ali"), vec!["Ali Hassan"]);
        assert_eq!(actor_names("hai"), vec!["Haider Al Lami"]);
        assert!(actor_names("xyz").is_empty());
    }

    #[test]
    fn at_terms_join_words_fold_accents_and_take_several_words_in_order() {
        assert_eq!(actor_names("allami"), vec!["Haider Al Lami"]);
        assert_eq!(actor_names("al-lami"), vec!["Haider Al Lami"]);
        assert_eq!(actor_names("al lam"), vec!["Haider Al Lami"]);
        assert!(actor_names("lami al").is_empty());
        assert_eq!(actor_names("jose muller"), vec!["José Müller"]);
        assert_eq!(actor_names("Müll"), vec!["José Müller"]);
        // Every spelling of one actor.
        assert_eq!(actor_names("nujaba"), vec!["Al Nujaba Movement"]);
        assert_eq!(actor_names("harakat"), vec!["Al Nujaba Movement"]);
        assert_eq!(actor_names("hashd"), vec!["Popular Mobilization Forces"]);
    }

    #[test]
    fn exact_names_rank_first() {
        let (c, idx) = actor_corpus();
        let hits = search(&c, &idx, &Query::parse("@isis"), &[], None);
        let best = hits.iter().max_by_key(|h| h.score).map(|h| h.article);
        assert_eq!(hits.len(), 2);
        assert_eq!(best, Some(3), "the article mentioning ISIS itself");
        let q = NameForm::new("lami");
        let exact = name_score(&q, &NameForm::new("Lami"));
        let word = name_score(&q, &NameForm::new("Haider Al Lami"));
        let prefix = name_score(&NameForm::new("lam"), &NameForm::new("Haider Al Lami"));
        assert!(
            exact > word && word > prefix,
            "{exact:?} {word:?} {prefix:?}"
        );
    }

    #[test]
    fn name_words_split_at_spaces_and_hyphens_and_drop_dots() {
        assert_eq!(name_words("Al-Lami"), vec!["al", "lami"]);
        assert_eq!(name_words("U.S. Army"), vec!["us", "army"]);
        assert_eq!(name_words("Ḥaydar Çelik"), vec!["ḥaydar", "celik"]);
        assert_eq!(name_words("Zoë"), vec!["zoe"]);
        assert_eq!(name_words("Zoe\u{308}"), vec!["zoe"]);
    }

    #[test]
    fn free_words_find_actors_by_word_start_too() {
        let (c, idx) = actor_corpus();
        let hits = search(&c, &idx, &Query::parse("lami"), &[], None);
        let arts: Vec<usize> = hits.iter().map(|h| h.article).collect();
        assert_eq!(arts, vec![0]);
    }

    #[test]
    fn phrases_need_their_words_together() {
        assert_eq!(ids("\"truce is over\"", &[]), vec![0]);
        assert!(ids("\"over truce\"", &[]).is_empty());
        assert_eq!(ids("-\"no ceasefire\"", &[]), vec![0, 1]);
        let q = Query::parse("\"said the\"");
        let text = "Al Nujaba Movement said the truce; the said";
        let r = word_highlights(&q, text);
        assert_eq!(r.len(), 1);
        assert_eq!(&text[r[0].clone()], "said the");
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
