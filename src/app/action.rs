//! Everything that can change the app, as data: keys map to these, so do mouse and loader events.

use std::sync::Arc;

use crate::corpus::{Corpus, LoadOutcome};
use crate::problem::Problem;
use crate::query::Index;
use crate::read_marks::{self, ReadMarks};
use crate::stories::Stories;

use super::search::SearchResults;

/// A change request for [`super::App::update`], the only way app state changes.
#[derive(Debug, Clone)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Move up one row (list, actors) or scroll up a line (reader, help).
    Up,
    /// Move down one row or scroll down a line.
    Down,
    /// Up by a page.
    PageUp,
    /// Down by a page.
    PageDown,
    /// To the first row / top of the article.
    Top,
    /// To the last row / end of the article.
    Bottom,
    /// Focus the next pane (list, reader, actors, filter).
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Enter: open the article, toggle the actor, or leave the filter for the list.
    Activate,
    /// Esc: close an overlay, leave the filter, go back to the list, or (in the list) clear
    /// the filter.
    Back,
    /// Put back the filter and chips that Esc cleared.
    Undo,
    /// Focus the filter line.
    FocusFilter,
    /// Focus (or, when narrow, show) the actor sidebar; again to hide it.
    FocusActors,
    /// Cycle the sort order: date, source, title, relevance.
    CycleSort,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// The reading view alone across the terminal, or the panes again.
    ToggleZoom,
    /// Show or hide the list of load problems.
    ToggleProblems,
    /// Reverse the sort order.
    ReverseSort,
    /// The list selection has stayed on one article for a while: count it as read.
    Dwell,
    /// Scroll the reading view to the next filter match.
    NextMatch,
    /// Scroll the reading view to the previous filter match.
    PrevMatch,
    /// Type a character into the filter.
    Insert(char),
    /// Delete the character before the cursor (or the last chip when the input is empty).
    DeleteBack,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Clear the filter text.
    ClearInput,
    /// Move the filter cursor left.
    CursorLeft,
    /// Move the filter cursor right.
    CursorRight,
    /// Move the filter cursor to the start.
    CursorStart,
    /// Move the filter cursor to the end.
    CursorEnd,
    /// The terminal has a new size.
    Resize { width: u16, height: u16 },
    /// Left click at a cell.
    Click { column: u16, row: u16 },
    /// Mouse wheel at a cell.
    Wheel { column: u16, row: u16, down: bool },
    /// The loader has read `done` of `total` files.
    Progress { done: usize, total: usize },
    /// The corpus is ready.
    Loaded(Box<Loaded>),
    /// Loading failed before any article was read.
    LoadFailed(String),
    /// A search has finished (on the worker, or inline).
    SearchDone(Box<SearchResults>),
    /// The corpus' stories are grouped (after the corpus arrived).
    StoriesReady(Arc<Stories>),
    /// Show the list as stories (reports of one event together) or as articles.
    ToggleStories,
    /// Scroll the reading view to the next passage only this report carries.
    NextUnique,
    /// Scroll the reading view to the previous such passage.
    PrevUnique,
    /// Show or hide who said what in the article (or its story).
    ToggleQuotes,
    /// Show or hide the article's links.
    ToggleLinks,
    /// Read the articles again from disk, keeping the filter and the selection.
    Reload,
    /// A message from a worker for the status line (a read mark that could not be saved).
    Notice(String),
}

/// A finished load with its search index, built off the UI thread.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub corpus: Arc<Corpus>,
    pub index: Index,
    pub problems: Vec<Problem>,
    /// Per article, whether an earlier session read it (empty: none did).
    pub read: Vec<bool>,
}

impl Loaded {
    /// Indexes a finished load (the slow part of "arrival", so the loader thread does it).
    pub fn new(outcome: LoadOutcome) -> Self {
        let index = Index::build(&outcome.corpus);
        Loaded {
            corpus: Arc::new(outcome.corpus),
            index,
            problems: outcome.problems,
            read: Vec::new(),
        }
    }

    /// Marks the articles that an earlier session read, by their fingerprints.
    pub fn mark_read(&mut self, marks: &ReadMarks) {
        self.read = self
            .corpus
            .articles
            .iter()
            .map(|a| marks.contains(read_marks::fingerprint(a)))
            .collect();
    }

    /// A load of an in-memory corpus without problems (tests, benches).
    pub fn from_corpus(corpus: Corpus) -> Self {
        Self::new(LoadOutcome {
            corpus,
            problems: Vec::new(),
        })
    }
}
