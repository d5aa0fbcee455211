//! The filter: a small language (`@actor`, `source:`, `date:`, `after:`, `before:`, `-term`,
//! `"phrases"`, free words) over a word index, split by job.
//!
//! [`parse`] turns the filter line into terms; [`index`] holds per-article word lists built
//! once when a corpus arrives; [`eval`] filters and scores articles (terms combine with AND);
//! [`highlight`] says what matched, for drawing. Free words are fuzzy-matched against titles,
//! sources and actor names, and matched against bodies only by whole words or word prefixes:
//! a character subsequence over a 5 KB body matches almost anything.

pub mod eval;
pub mod fuzzy;
pub mod highlight;
pub mod index;
pub mod names;
pub mod parse;
#[cfg(test)]
mod testdata;
pub mod words;

pub use eval::{Hit, matching_actors, search, search_until, select};
pub use fuzzy::{Needle, fuzzy_indices, fuzzy_score};
pub use highlight::{fuzzy_highlights, word_highlights};
pub use index::Index;
pub use parse::{Query, QueryError, Term, TermKind};
pub use words::{name_words, word_spans};
