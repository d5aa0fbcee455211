//! dossier: load messy news articles, clean them, find their actors, and read them in a terminal.
//!
//! Data flows one way: files -> [`load`] -> [`clean`] -> [`actors`] -> [`Corpus`] / [`query`]
//! -> `app` -> `ui`. The library (everything up to [`query`] and [`report`]) knows nothing of
//! terminals; the reader (`app`, `ui`, `tui`) and the command line (`cli`) are behind the
//! `tui` feature, which the binary turns on.

// Lets dev-only code shared with `tests/` (the fixture corpus) name the crate the same way.
extern crate self as dossier;

pub mod actors;
pub mod article;
pub mod clean;
pub mod corpus;
pub mod load;
pub mod problem;
pub mod query;
pub mod read_marks;
pub mod report;
pub mod sanitize;
pub mod stories;
mod union_find;

#[cfg(feature = "tui")]
pub mod app;
#[cfg(feature = "tui")]
pub mod cli;
#[cfg(feature = "tui")]
pub mod tui;
#[cfg(feature = "tui")]
pub mod ui;

#[cfg(test)]
#[path = "../tests/common/fixture.rs"]
pub(crate) mod fixture;

pub use actors::{Actor, ActorId, ActorIndex, ActorKind, Mention};
pub use article::Article;
pub use corpus::{Corpus, FindError, LoadOutcome, LoadProgress, Origin};
pub use load::LoadError;
pub use problem::{Problem, ProblemKind};
