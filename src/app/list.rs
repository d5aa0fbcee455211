//! The article list pane: its rows, selection, order, read marks and the match positions of
//! the rows on screen.

use std::cmp::Ordering;

use rustc_hash::FxHashMap;

use crate::corpus::Corpus;
use crate::query::{self, Hit, Query};

/// Order of the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Filter score, ties newest first; without a filter this is date order.
    Relevance,
    /// Newest first, undated last.
    Date,
    /// Source A-Z, then newest first.
    Source,
    /// Title A-Z.
    Title,
}

impl SortKey {
    /// The next order in the `s` cycle: date, source, title, relevance.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Date => SortKey::Source,
            SortKey::Source => SortKey::Title,
            SortKey::Title => SortKey::Relevance,
            SortKey::Relevance => SortKey::Date,
        }
    }

    /// Name for the status bar.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Relevance => "relevance",
            SortKey::Date => "date",
            SortKey::Source => "source",
            SortKey::Title => "title",
        }
    }
}

/// One row of the article list. An enum so that story group headers can join later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    Article(Hit),
}

impl ListRow {
    /// The article this row shows.
    pub fn article(&self) -> usize {
        match self {
            ListRow::Article(h) => h.article,
        }
    }

    fn score(&self) -> i64 {
        match self {
            ListRow::Article(h) => h.score,
        }
    }
}

/// A selection in a scrolling list: selected row and first visible row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub sel: usize,
    pub offset: usize,
}

impl Cursor {
    /// Clamps to `len` rows and scrolls so the selection is inside a viewport of `height`.
    pub fn fit(&mut self, len: usize, height: usize) {
        let h = height.max(1);
        self.sel = self.sel.min(len.saturating_sub(1));
        if self.sel < self.offset {
            self.offset = self.sel;
        } else if self.sel >= self.offset + h {
            self.offset = self.sel + 1 - h;
        }
        self.offset = self.offset.min(len.saturating_sub(h));
    }

    /// Moves the selection by `delta` rows, staying inside `len` rows.
    pub fn move_by(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1);
        self.sel = self.sel.saturating_add_signed(delta).min(last);
    }
}

/// Matched character indices in a row's title and source, for highlighting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowMarks {
    pub title: Vec<usize>,
    pub source: Vec<usize>,
}

impl RowMarks {
    /// What `query`'s free words match in article `art`'s title and source.
    pub fn compute(corpus: &Corpus, query: &Query, art: usize) -> RowMarks {
        let Some(a) = corpus.articles.get(art) else {
            return RowMarks::default();
        };
        if query.words().next().is_none() {
            return RowMarks::default();
        }
        let m = query::matcher();
        RowMarks {
            title: query::fuzzy_highlights(&m, query, &a.title),
            source: a
                .source
                .as_deref()
                .map(|s| query::fuzzy_highlights(&m, query, s))
                .unwrap_or_default(),
        }
    }
}

/// The list pane's state.
#[derive(Debug, Clone)]
pub struct ListPane {
    pub rows: Vec<ListRow>,
    pub cursor: Cursor,
    pub sort: SortKey,
    /// The sort order is reversed (`S`).
    pub reverse: bool,
    /// The one year every dated article is in, if there is one: the list then shows dates
    /// without it ("Aug 21"), leaving the room for titles.
    pub year: Option<i32>,
    /// Articles opened, or selected for a while.
    pub read: Vec<bool>,
    /// Match positions of rows that have been on screen, by article, for the shown query.
    pub marks: FxHashMap<usize, RowMarks>,
}

impl Default for ListPane {
    fn default() -> Self {
        ListPane {
            rows: Vec::new(),
            cursor: Cursor::default(),
            sort: SortKey::Relevance,
            reverse: false,
            year: None,
            read: Vec::new(),
            marks: FxHashMap::default(),
        }
    }
}

impl ListPane {
    /// The article under the selection.
    pub fn selected_article(&self) -> Option<usize> {
        self.rows.get(self.cursor.sel).map(ListRow::article)
    }

    /// Whether an article has been read.
    pub fn is_read(&self, article: usize) -> bool {
        self.read.get(article).copied().unwrap_or(false)
    }

    /// Counts an article as read.
    pub fn mark_read(&mut self, article: usize) {
        if let Some(r) = self.read.get_mut(article) {
            *r = true;
        }
    }

    /// Re-sorts the rows, keeping the selected article selected.
    pub fn resort(&mut self, corpus: &Corpus) {
        let keep = self.selected_article();
        sort_rows(corpus, &mut self.rows, self.sort, self.reverse);
        self.select_article(keep);
    }

    /// Selects `keep` if it is listed, else the first row.
    pub fn select_article(&mut self, keep: Option<usize>) {
        self.cursor.sel = keep
            .and_then(|k| self.rows.iter().position(|r| r.article() == k))
            .unwrap_or(0);
    }

    /// Computes match positions for the rows in a viewport of `height` that lack them.
    pub fn mark_visible(&mut self, corpus: &Corpus, query: &Query, height: usize) {
        let end = (self.cursor.offset + height).min(self.rows.len());
        for row in self.rows.get(self.cursor.offset..end).unwrap_or(&[]) {
            let art = row.article();
            self.marks
                .entry(art)
                .or_insert_with(|| RowMarks::compute(corpus, query, art));
        }
    }
}

/// Case-insensitive comparison without allocating.
pub fn cmp_ci(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

/// Sorts list rows by `key` (ties broken by date, then corpus order), reversed if asked.
pub fn sort_rows(corpus: &Corpus, rows: &mut [ListRow], key: SortKey, reverse: bool) {
    let arts = &corpus.articles;
    let date_desc = |a: usize, b: usize| {
        let da = arts.get(a).and_then(|x| x.date);
        let db = arts.get(b).and_then(|x| x.date);
        db.cmp(&da)
    };
    rows.sort_by(|x, y| {
        let (a, b) = (x.article(), y.article());
        let ord = match key {
            SortKey::Relevance => y.score().cmp(&x.score()).then_with(|| date_desc(a, b)),
            SortKey::Date => date_desc(a, b),
            SortKey::Source => {
                let sa = arts.get(a).and_then(|x| x.source.as_deref());
                let sb = arts.get(b).and_then(|x| x.source.as_deref());
                match (sa, sb) {
                    (Some(p), Some(q)) => cmp_ci(p, q),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
                .then_with(|| date_desc(a, b))
            }
            SortKey::Title => {
                let ta = arts.get(a).map_or("", |x| x.title.as_str());
                let tb = arts.get(b).map_or("", |x| x.title.as_str());
                cmp_ci(ta, tb).then_with(|| date_desc(a, b))
            }
        };
        ord.then(a.cmp(&b))
    });
    if reverse {
        rows.reverse();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_keeps_its_selection_in_view() {
        let mut c = Cursor { sel: 9, offset: 0 };
        c.fit(20, 5);
        assert_eq!((c.sel, c.offset), (9, 5));
        c.move_by(-100, 20);
        c.fit(20, 5);
        assert_eq!((c.sel, c.offset), (0, 0));
        c.move_by(100, 3);
        assert_eq!(c.sel, 2);
    }

    #[test]
    fn case_does_not_change_the_title_order() {
        assert_eq!(cmp_ci("apple", "Banana"), Ordering::Less);
        assert_eq!(cmp_ci("É", "é"), Ordering::Equal);
    }
}
