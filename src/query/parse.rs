//! The filter line's grammar: free words, `@actor`, `source:`, `date:`, `after:`, `before:`,
//! `-term` and `"phrases"`, parsed into terms (never failing: bad terms become errors).

use std::ops::Range;

use chrono::NaiveDate;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testdata::date;

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
}
