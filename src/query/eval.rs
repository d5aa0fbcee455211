//! Evaluation and scoring: which articles pass every term, and how well.

use std::ops::Range;

use chrono::NaiveDate;

use crate::actors::ActorId;
use crate::article::Article;
use crate::corpus::Corpus;

use super::fuzzy::{Needle, fuzzy_score, head};
use super::index::Index;
use super::names::{NameForm, name_score};
use super::parse::{Query, Term, TermKind};
use super::words::{lower_words, phrase_starts, term_tokens};

/// Score of a free word found only in the body as a word prefix (below any fuzzy title match).
const BODY_PREFIX_SCORE: i64 = 10;
/// Score of a free word found only in the body as a whole word.
const BODY_WORD_SCORE: i64 = 12;
/// Bonus when a fuzzy match on title/source/actors is confirmed by the body.
const BODY_BONUS: i64 = 5;

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
        needle: Needle,
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

fn prepare(index: &Index, term: &Term) -> Prepared {
    let neg = term.negated;
    match &term.kind {
        TermKind::Word(w) => {
            let tokens = term_tokens(w);
            let ranges = tokens.iter().map(|t| index.prefix_range(t)).collect();
            let exact = tokens.len() == 1 && index.word_id(&tokens[0]).is_some();
            let needle = Needle::new(w);
            Prepared::Word {
                neg,
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
                    index.per_source(|s| fuzzy_score(s, &needle))
                },
                needle,
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
fn eval(corpus: &Corpus, index: &Index, doc: usize, a: &Article, term: &Prepared) -> Option<i64> {
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
            needle,
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
                fuzzy_score(head(&a.title), needle),
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
    search_until(corpus, index, query, actors, candidates, &|| false).unwrap_or_default()
}

/// The articles (ascending) that a filter line keeps, as the reader's filter would; the
/// terms it cannot use, when there are any.
pub fn select(corpus: &Corpus, line: &str) -> Result<Vec<usize>, Vec<super::QueryError>> {
    let query = Query::parse(line);
    if !query.errors.is_empty() {
        return Err(query.errors);
    }
    let index = Index::build(corpus);
    let mut kept: Vec<usize> = search(corpus, &index, &query, &[], None)
        .into_iter()
        .map(|h| h.article)
        .collect();
    kept.sort_unstable();
    Ok(kept)
}

/// Articles checked between two looks at `stop`: often enough to give up within a
/// millisecond, rarely enough to cost nothing.
const STOP_EVERY: usize = 256;

/// Like [`search`], but gives up (`None`) as soon as `stop` says the answer is no longer
/// wanted: a newer keystroke has made a newer query.
pub fn search_until(
    corpus: &Corpus,
    index: &Index,
    query: &Query,
    actors: &[ActorId],
    candidates: Option<&[usize]>,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Hit>> {
    let mut terms: Vec<Prepared> = query.terms.iter().map(|t| prepare(index, t)).collect();
    terms.sort_by_key(Prepared::cost);
    let check = |doc: usize| -> Option<Hit> {
        let a = corpus.articles.get(doc)?;
        if !has_all_actors(corpus, doc, actors) {
            return None;
        }
        let mut score = 0;
        for t in &terms {
            score += eval(corpus, index, doc, a, t)?;
        }
        Some(Hit {
            article: doc,
            score,
        })
    };
    let scan = |part: &[usize]| -> Option<Vec<Hit>> {
        let mut hits = Vec::new();
        for block in part.chunks(STOP_EVERY) {
            if stop() {
                return None;
            }
            hits.extend(block.iter().filter_map(|&d| check(d)));
        }
        Some(hits)
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
        return scan(docs);
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = docs
            .chunks(chunk)
            .map(|part| scope.spawn(move || scan(part)))
            .collect();
        let mut hits = Vec::new();
        for p in parts {
            match p.join() {
                Ok(Some(mut v)) => hits.append(&mut v),
                Ok(None) => return None,
                // A panic in a worker is a bug; re-raise it on this thread.
                Err(e) => std::panic::resume_unwind(e),
            }
        }
        Some(hits)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::highlight::word_highlights;
    use crate::query::testdata::{actor_corpus, actor_names, article, corpus, ids};

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
    fn a_stopped_search_gives_up() {
        let c = corpus();
        let idx = Index::build(&c);
        let q = Query::parse("ceasefire");
        assert!(search_until(&c, &idx, &q, &[], None, &|| true).is_none());
        let all = search_until(&c, &idx, &q, &[], None, &|| false);
        assert_eq!(all.map(|h| h.len()), Some(2));
    }
}
