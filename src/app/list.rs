//! The article list pane: its rows, selection, order, read marks and the match positions of
//! the rows on screen.

use std::cmp::Ordering;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::corpus::Corpus;
use crate::query::{self, Hit, Query};
use crate::stories::Stories;

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
    /// Largest story first, ties newest first, as `dossier stories` lists them: the stories
    /// view's order without a filter to rank by (never chosen with `s`).
    Size,
}

impl SortKey {
    /// The next order in the `s` cycle: date, source, title, relevance.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Date => SortKey::Source,
            SortKey::Source => SortKey::Title,
            SortKey::Title => SortKey::Relevance,
            SortKey::Relevance | SortKey::Size => SortKey::Date,
        }
    }

    /// Name for the status bar.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Relevance => "relevance",
            SortKey::Date => "date",
            SortKey::Source => "source",
            SortKey::Title => "title",
            SortKey::Size => "size",
        }
    }
}

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    /// An article (the list of articles).
    Article(Hit),
    /// A story (the list of stories): `listed` of its reports pass the filter; `lead` is the
    /// first of them in the list's order, the one the reading view shows.
    Story {
        story: usize,
        listed: usize,
        lead: usize,
    },
    /// A report of an opened story, drawn under it.
    Member(Hit),
}

impl ListRow {
    /// The article this row shows (a story shows its lead report).
    pub fn article(&self) -> usize {
        match self {
            ListRow::Article(h) | ListRow::Member(h) => h.article,
            ListRow::Story { lead, .. } => *lead,
        }
    }

    fn score(&self) -> i64 {
        match self {
            ListRow::Article(h) | ListRow::Member(h) => h.score,
            ListRow::Story { .. } => 0,
        }
    }
}

/// Whether the list shows articles or stories.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListMode {
    #[default]
    Articles,
    Stories,
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
        RowMarks {
            title: query::fuzzy_highlights(query, &a.title),
            source: a
                .source
                .as_deref()
                .map(|s| query::fuzzy_highlights(query, s))
                .unwrap_or_default(),
        }
    }
}

/// The list pane's state.
#[derive(Debug, Clone)]
pub struct ListPane {
    /// The articles that pass the filter, in the list's order (what counts and facets use).
    pub articles: Vec<ListRow>,
    /// What is drawn: the articles, or their stories with opened ones' reports under them.
    pub rows: Vec<ListRow>,
    pub mode: ListMode,
    /// Stories opened with Enter (story indices).
    pub opened: FxHashSet<usize>,
    pub cursor: Cursor,
    pub sort: SortKey,
    /// The sort order is reversed (`S`).
    pub reverse: bool,
    /// The one year every dated article is in, if there is one: the list then shows dates
    /// without it ("Aug 21"), leaving the room for titles.
    pub year: Option<i32>,
    /// Some article has a date, some a source: the list keeps those columns whatever rows
    /// are in view (they would jump while scrolling past undated ones).
    pub dated: bool,
    pub sourced: bool,
    /// Articles opened, or selected for a while.
    pub read: Vec<bool>,
    /// Match positions of rows that have been on screen, by article, for the shown query.
    pub marks: FxHashMap<usize, RowMarks>,
}

impl Default for ListPane {
    fn default() -> Self {
        ListPane {
            articles: Vec::new(),
            rows: Vec::new(),
            mode: ListMode::Articles,
            opened: FxHashSet::default(),
            cursor: Cursor::default(),
            sort: SortKey::Relevance,
            reverse: false,
            year: None,
            dated: false,
            sourced: false,
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

    /// Re-sorts the articles, keeping the selected row selected.
    pub fn resort(&mut self, corpus: &Corpus, stories: Option<&Stories>) {
        sort_rows(corpus, &mut self.articles, self.sort, self.reverse);
        self.rebuild(stories);
    }

    /// Puts `articles` (sorted) in the list, selecting `keep` if it is listed.
    pub fn show(&mut self, articles: Vec<ListRow>, stories: Option<&Stories>, keep: Option<usize>) {
        self.articles = articles;
        self.cursor.offset = 0;
        self.rows.clear();
        self.rebuild(stories);
        self.select_article(keep);
    }

    /// Rebuilds the drawn rows from `articles` for the mode, keeping the selection on the
    /// same article (or, between modes, on its story or its story's lead).
    pub fn rebuild(&mut self, stories: Option<&Stories>) {
        let keep = self.rows.get(self.cursor.sel).copied();
        self.rows = match (self.mode, stories) {
            (ListMode::Stories, Some(s)) => {
                story_rows(&self.articles, s, &self.opened, (self.sort, self.reverse))
            }
            _ => self.articles.clone(),
        };
        let story_of = |a: usize| stories.and_then(|s| s.story_of(a));
        let found = keep.and_then(|k| {
            let exact = self.rows.iter().position(|r| *r == k);
            let same_article = || {
                self.rows
                    .iter()
                    .position(|r| !matches!(r, ListRow::Story { .. }) && r.article() == k.article())
            };
            let same_story = || {
                let s = story_of(k.article())?;
                self.rows
                    .iter()
                    .position(|r| matches!(r, ListRow::Story { story, .. } if *story == s))
            };
            exact.or_else(same_article).or_else(same_story)
        });
        self.cursor.sel = found.unwrap_or(0);
    }

    /// Selects `keep`'s row if it is listed, else the first row.
    pub fn select_article(&mut self, keep: Option<usize>) {
        self.cursor.sel = keep
            .and_then(|k| self.rows.iter().position(|r| r.article() == k))
            .unwrap_or(0);
    }

    /// Opens or closes the story under the selection; true when it was a story row.
    pub fn toggle_open(&mut self, stories: Option<&Stories>) -> bool {
        let Some(&ListRow::Story { story, .. }) = self.rows.get(self.cursor.sel) else {
            return false;
        };
        if !self.opened.remove(&story) {
            self.opened.insert(story);
        }
        self.rebuild(stories);
        true
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

/// Stories in the list's order, each with its listed reports under it when opened.
fn story_rows(
    articles: &[ListRow],
    stories: &Stories,
    opened: &FxHashSet<usize>,
    (key, reverse): (SortKey, bool),
) -> Vec<ListRow> {
    let mut members: FxHashMap<usize, Vec<Hit>> = FxHashMap::default();
    let mut order = Vec::new();
    for r in articles {
        let ListRow::Article(h) = *r else { continue };
        let Some(s) = stories.story_of(h.article) else {
            continue;
        };
        let list = members.entry(s).or_default();
        if list.is_empty() {
            order.push(s);
        }
        list.push(h);
    }
    // A story row shows its date, size and label: it is ordered by those. Relevance ranks
    // by the best listed report, then, like `dossier stories`, largest first, ties newest
    // (the stories' own numbering): without a filter every score is equal, so that is all.
    let story = |s: usize| stories.stories.get(s);
    let best = |s: usize| {
        members
            .get(&s)
            .and_then(|hits| hits.iter().map(|h| h.score).max())
            .unwrap_or(0)
    };
    let dir = |o: Ordering| if reverse { o.reverse() } else { o };
    order.sort_by(|&a, &b| {
        let (x, y) = (story(a), story(b));
        match key {
            SortKey::Relevance | SortKey::Size => best(b).cmp(&best(a)).then(dir(a.cmp(&b))),
            // Newest first by the latest report; reversed, oldest first by the earliest.
            SortKey::Date if reverse => {
                last_missing(x.and_then(|s| s.first), y.and_then(|s| s.first), |p, q| {
                    p.cmp(&q)
                })
            }
            SortKey::Date => {
                last_missing(x.and_then(|s| s.last), y.and_then(|s| s.last), |p, q| {
                    q.cmp(&p)
                })
            }
            SortKey::Source => last_missing(
                x.and_then(|s| s.sources.first()),
                y.and_then(|s| s.sources.first()),
                |p, q| dir(cmp_ci(p, q)),
            ),
            SortKey::Title => dir(cmp_ci(
                x.map_or("", |s| bare(&s.label)),
                y.map_or("", |s| bare(&s.label)),
            )),
        }
    });
    let mut rows = Vec::with_capacity(order.len());
    for s in order {
        let hits = members.remove(&s).unwrap_or_default();
        let Some(lead) = hits.first() else { continue };
        rows.push(ListRow::Story {
            story: s,
            listed: hits.len(),
            lead: lead.article,
        });
        if opened.contains(&s) {
            rows.extend(hits.into_iter().map(ListRow::Member));
        }
    }
    rows
}

/// Case-insensitive comparison without allocating.
pub fn cmp_ci(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

/// A title as it is filed: quote marks and other leading punctuation do not count.
fn bare(title: &str) -> &str {
    title.trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// Sorts list rows by `key` (ties broken by date, then corpus order), reversed if asked
/// (relevance only in its date order); rows without a date or source stay last either way.
pub fn sort_rows(corpus: &Corpus, rows: &mut [ListRow], key: SortKey, reverse: bool) {
    let arts = &corpus.articles;
    let dir = |o: Ordering| if reverse { o.reverse() } else { o };
    let by_date = |a: usize, b: usize| {
        let da = arts.get(a).and_then(|x| x.date);
        let db = arts.get(b).and_then(|x| x.date);
        last_missing(da, db, |x, y| dir(y.cmp(&x)))
    };
    rows.sort_by(|x, y| {
        let (a, b) = (x.article(), y.article());
        let ord = match key {
            // Least relevant first helps no one: reversed, relevance keeps the best first and
            // reverses the date order it falls back on (all of it, without a filter).
            // Articles have no size: it stands for relevance, never chosen for them.
            SortKey::Relevance | SortKey::Size => {
                y.score().cmp(&x.score()).then_with(|| by_date(a, b))
            }
            SortKey::Date => by_date(a, b),
            SortKey::Source => {
                let sa = arts.get(a).and_then(|x| x.source.as_deref());
                let sb = arts.get(b).and_then(|x| x.source.as_deref());
                last_missing(sa, sb, |p, q| dir(cmp_ci(p, q))).then_with(|| by_date(a, b))
            }
            SortKey::Title => {
                let ta = arts.get(a).map_or("", |x| bare(&x.title));
                let tb = arts.get(b).map_or("", |x| bare(&x.title));
                dir(cmp_ci(ta, tb)).then_with(|| by_date(a, b))
            }
        };
        ord.then(a.cmp(&b))
    });
}

/// Orders two optional values by `cmp`, a missing one after a present one.
fn last_missing<T>(a: Option<T>, b: Option<T>, cmp: impl Fn(T, T) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => cmp(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
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

    #[test]
    fn titles_are_filed_without_their_leading_quote_marks() {
        assert_eq!(bare("'Tino' death toll rises"), "Tino' death toll rises");
        assert_eq!(
            bare("“Never again”, says mayor"),
            "Never again”, says mayor"
        );
        assert_eq!(bare("2024 in review"), "2024 in review");
    }
}
