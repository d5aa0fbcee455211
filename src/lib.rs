//! dossier: load messy news articles, clean them, find their actors, and read them in a terminal.
//!
//! Data flows one way: files -> [`load`] -> [`clean`] -> [`actors`] -> [`Corpus`] -> app -> frame.
//! Everything above the `app`/`ui`/`tui` modules knows nothing of terminals.

pub mod actors;
pub mod app;
pub mod article;
pub mod clean;
pub mod cli;
pub mod corpus;
pub mod load;
pub mod query;
pub mod report;
pub mod sanitize;
pub mod stories;
pub mod tui;
pub mod ui;

pub use actors::{Actor, ActorId, ActorIndex, ActorKind, Mention};
pub use article::Article;
pub use corpus::{Corpus, FindError, LoadError, LoadOutcome, LoadProgress, Problem, ProblemKind};
