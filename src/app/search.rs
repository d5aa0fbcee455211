//! Searching for the list: a request (one generation of the filter), the work it stands for,
//! and its results. The work is a pure function, so the same code runs on the search worker
//! (the reader) and inline (tests, benches); the app only sends requests and takes results.

use std::sync::Arc;

use crate::actors::ActorId;
use crate::corpus::Corpus;
use crate::query::{self, Hit, Index, Query};

use super::list::{ListRow, RowMarks, SortKey, sort_rows};

/// One search to run: the filter of one generation, against one corpus.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// Bumped for every request; results of an older one are dropped.
    pub generation: u64,
    pub corpus: Arc<Corpus>,
    pub index: Arc<Index>,
    pub query: Query,
    pub chips: Vec<ActorId>,
    /// Only these articles (ascending) can match: the query narrows the one shown.
    pub candidates: Option<Arc<[usize]>>,
    pub sort: SortKey,
    pub reverse: bool,
    /// How many leading rows get their match positions with the results (the rows in view).
    pub window: usize,
}

/// What a search found, sorted for the list, with match positions for the first rows.
#[derive(Debug, Clone)]
pub struct SearchResults {
    pub generation: u64,
    pub query: Query,
    pub chips: Vec<ActorId>,
    pub rows: Vec<ListRow>,
    /// `(article, marks)` for the first `window` rows.
    pub marks: Vec<(usize, RowMarks)>,
}

/// Runs a request; `None` when `stop` said a newer one made it pointless.
pub fn run(req: &SearchRequest, stop: &(dyn Fn() -> bool + Sync)) -> Option<SearchResults> {
    let hits: Vec<Hit> = query::search_until(
        &req.corpus,
        &req.index,
        &req.query,
        &req.chips,
        req.candidates.as_deref(),
        stop,
    )?;
    let mut rows: Vec<ListRow> = hits.into_iter().map(ListRow::Article).collect();
    sort_rows(&req.corpus, &mut rows, req.sort, req.reverse);
    let marks = rows
        .iter()
        .take(req.window)
        .map(|r| {
            let art = r.article();
            (art, RowMarks::compute(&req.corpus, &req.query, art))
        })
        .collect();
    Some(SearchResults {
        generation: req.generation,
        query: req.query.clone(),
        chips: req.chips.clone(),
        rows,
        marks,
    })
}

/// How many recent searches are kept for Backspace.
const RECENT_SEARCHES: usize = 8;

/// The app's side of searching: what is shown, what is asked, what was recently found.
#[derive(Debug, Default)]
pub struct SearchState {
    /// Generation of the newest request.
    pub generation: u64,
    /// The query and chips whose results the list shows.
    pub shown: Query,
    pub shown_chips: Vec<ActorId>,
    /// The filter changed and no request has been made for it yet.
    pub pending: bool,
    /// Bumped whenever the list shows other results (the reading view re-highlights).
    pub shown_gen: u64,
    /// A request whose results have not arrived.
    pub in_flight: Option<u64>,
    /// The query and chips of that request.
    pub wanted: Option<(Query, Vec<ActorId>)>,
    /// The article to keep selected when its results arrive.
    pub keep: Option<usize>,
    /// The newest request, for the worker (or for [`run`] inline) to take.
    pub outbox: Option<SearchRequest>,
    /// A worker runs requests; without one they run inline when the app settles.
    pub worker: bool,
    /// Recent results for the shown chips, newest last: Backspace returns to a query just
    /// typed and its results come from here instead of a search.
    recent: Vec<(Query, Vec<ListRow>)>,
}

impl SearchState {
    /// Results found earlier for `query` (with the shown chips), taken out of the cache.
    pub fn take_recent(&mut self, query: &Query) -> Option<Vec<ListRow>> {
        let i = self.recent.iter().rposition(|(q, _)| q == query)?;
        Some(self.recent.remove(i).1)
    }

    /// Remembers results for Backspace.
    pub fn remember(&mut self, query: Query, rows: Vec<ListRow>) {
        self.recent.push((query, rows));
        if self.recent.len() > RECENT_SEARCHES {
            self.recent.remove(0);
        }
    }

    /// Forgets cached results (they were for other chips or another corpus).
    pub fn forget(&mut self) {
        self.recent.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backspace_cache_is_bounded_and_newest_wins() {
        let mut s = SearchState::default();
        for i in 0..20 {
            s.remember(Query::parse(&format!("q{i}")), Vec::new());
        }
        assert!(s.take_recent(&Query::parse("q0")).is_none());
        assert!(s.take_recent(&Query::parse("q19")).is_some());
        assert!(s.take_recent(&Query::parse("q19")).is_none());
    }
}
