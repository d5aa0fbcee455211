//! Reader state and the only place it changes: `App::update(Action)`.
//!
//! The app holds the corpus (library state) beside what the reader shows (UI state): the
//! filter, the list rows, the selection, the laid-out article. Drawing reads it through `&App`.

mod action;
pub mod keymap;
pub mod layout;
pub mod reader;

use std::cmp::Ordering;

use crossterm::event::{Event, MouseButton, MouseEventKind};

pub use action::{Action, Loaded};
pub use keymap::Context;
pub use reader::ReaderView;

use crate::actors::{ActorId, ActorKind};
use crate::corpus::Corpus;
use crate::problem::Problem;
use crate::query::{self, Hit, Index, Query};
use layout::{Mode, Panes, Rect};

/// The pane that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    Actors,
    Filter,
}

impl Focus {
    const ORDER: [Focus; 4] = [Focus::List, Focus::Reader, Focus::Actors, Focus::Filter];

    fn step(self, forward: bool) -> Focus {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        let n = Self::ORDER.len();
        Self::ORDER[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

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

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The key table and filter syntax.
    Help,
    /// Files that could not be read or were repaired while loading.
    Problems,
}

/// Whether the corpus has arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadState {
    Loading { done: usize, total: usize },
    Ready,
    Failed(String),
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
}

/// One row of the actor sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideRow {
    /// A kind heading with the number of actors under it.
    Header { kind: ActorKind, actors: usize },
    /// An actor with the number of listed articles that mention it.
    Actor { id: ActorId, count: usize },
}

/// A selection in a scrolling list: selected row and first visible row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub sel: usize,
    pub offset: usize,
}

impl Cursor {
    /// Clamps to `len` rows and scrolls so the selection is inside a viewport of `height`.
    fn fit(&mut self, len: usize, height: usize) {
        let h = height.max(1);
        self.sel = self.sel.min(len.saturating_sub(1));
        if self.sel < self.offset {
            self.offset = self.sel;
        } else if self.sel >= self.offset + h {
            self.offset = self.sel + 1 - h;
        }
        self.offset = self.offset.min(len.saturating_sub(h));
    }

    fn move_by(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1);
        self.sel = self.sel.saturating_add_signed(delta).min(last);
    }
}

/// Everything the reader shows and remembers.
#[derive(Debug)]
pub struct App {
    pub(crate) corpus: Corpus,
    pub(crate) index: Index,
    pub(crate) problems: Vec<Problem>,
    pub(crate) load: LoadState,
    pub(crate) width: u16,
    pub(crate) height: u16,
    pub(crate) focus: Focus,
    /// Pane to return to from the filter or an overlay.
    pub(crate) last_pane: Focus,
    /// The overlay shown, with its scroll offset (lines of help, or problems).
    pub(crate) overlay: Option<(Overlay, usize)>,
    pub(crate) input: String,
    /// Byte offset of the cursor in `input`, on a char boundary.
    pub(crate) cursor: usize,
    pub(crate) query: Query,
    /// Selected actors (chips): listed articles mention all of them.
    pub(crate) chips: Vec<ActorId>,
    pub(crate) sort: SortKey,
    /// The sort order is reversed (`S`).
    pub(crate) reverse: bool,
    /// The filter text and chips Esc last cleared, for `u`.
    undo: Option<(String, Vec<ActorId>)>,
    /// The one year every dated article is in, if there is one: the list then shows dates
    /// without it ("Aug 21"), leaving the room for titles.
    pub(crate) year: Option<i32>,
    pub(crate) rows: Vec<ListRow>,
    pub(crate) list: Cursor,
    /// Articles opened, or selected for a while (see [`Action::Dwell`]).
    pub(crate) read: Vec<bool>,
    pub(crate) reader: ReaderView,
    pub(crate) sidebar: Vec<SideRow>,
    pub(crate) side: Cursor,
    /// One-shot note for the status bar (cleared by the next key).
    pub(crate) message: Option<String>,
    /// Bumped whenever the filter changes, so the reading view knows to re-highlight.
    generation: u64,
    /// The input changed and the list has not been searched for it yet.
    search_pending: bool,
    /// Recent searches for the current chips, newest last: Backspace returns to a query just
    /// typed, and its results come from here instead of a full search.
    recent: Vec<(Query, Vec<Hit>)>,
    quit: bool,
}

/// The year all dated articles share, if they share one (and some are dated).
fn single_year(corpus: &Corpus) -> Option<i32> {
    use chrono::Datelike;
    let mut years = corpus
        .articles
        .iter()
        .filter_map(|a| a.date)
        .map(|d| d.year());
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

/// How many recent searches are kept for Backspace.
const RECENT_SEARCHES: usize = 8;

/// Case-insensitive comparison without allocating.
fn cmp_ci(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

impl App {
    /// An app for a terminal of `width` x `height`, waiting for its corpus.
    pub fn new(width: u16, height: u16) -> Self {
        App {
            corpus: Corpus::default(),
            index: Index::default(),
            problems: Vec::new(),
            load: LoadState::Loading { done: 0, total: 0 },
            width,
            height,
            focus: Focus::List,
            last_pane: Focus::List,
            overlay: None,
            input: String::new(),
            cursor: 0,
            query: Query::default(),
            chips: Vec::new(),
            sort: SortKey::Relevance,
            reverse: false,
            undo: None,
            year: None,
            rows: Vec::new(),
            list: Cursor::default(),
            read: Vec::new(),
            reader: ReaderView::default(),
            sidebar: Vec::new(),
            side: Cursor::default(),
            message: None,
            generation: 1,
            search_pending: false,
            recent: Vec::new(),
            quit: false,
        }
    }

    /// An app already showing `corpus` (tests, benches).
    pub fn with_corpus(corpus: Corpus, width: u16, height: u16) -> Self {
        let mut app = App::new(width, height);
        app.update(Action::Loaded(Box::new(Loaded::from_corpus(corpus))));
        app
    }

    /// Whether the user asked to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The focused pane.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// Number of articles in the list.
    pub fn shown(&self) -> usize {
        self.rows.len()
    }

    /// Number of articles in the corpus.
    pub fn total(&self) -> usize {
        self.corpus.articles.len()
    }

    /// The filter text.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Selected actors' canonical names.
    pub fn chip_names(&self) -> Vec<&str> {
        self.chips
            .iter()
            .filter_map(|&id| self.corpus.actors.actors().get(id))
            .map(|a| a.name.as_str())
            .collect()
    }

    /// The actor under the sidebar selection.
    pub fn selected_actor(&self) -> Option<&str> {
        match self.sidebar.get(self.side.sel) {
            Some(SideRow::Actor { id, .. }) => self
                .corpus
                .actors
                .actors()
                .get(*id)
                .map(|a| a.name.as_str()),
            _ => None,
        }
    }

    /// Problems met while loading.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Which key-table context is active.
    pub fn context(&self) -> Context {
        if self.overlay.is_some() {
            return Context::Overlay;
        }
        match self.focus {
            Focus::List => Context::List,
            Focus::Reader => Context::Reader,
            Focus::Actors => Context::Actors,
            Focus::Filter => Context::Filter,
        }
    }

    /// The current pane geometry.
    pub fn panes(&self) -> Panes {
        layout::panes(Rect::new(0, 0, self.width, self.height), self.focus)
    }

    /// The article under the list selection.
    pub fn selected_article(&self) -> Option<usize> {
        self.rows.get(self.list.sel).map(ListRow::article)
    }

    /// The action a terminal event means now (keys go through the key table).
    fn action_for(&self, ev: Event) -> Option<Action> {
        match ev {
            Event::Key(k) => keymap::lookup(self.context(), k),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                    column: m.column,
                    row: m.row,
                }),
                MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                    column: m.column,
                    row: m.row,
                    down: m.kind == MouseEventKind::ScrollDown,
                }),
                _ => None,
            },
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        }
    }

    /// Translates a terminal event through the key table and applies it.
    pub fn handle_event(&mut self, ev: Event) {
        self.apply_event(ev);
        self.settle();
    }

    /// Applies one action and finishes any deferred work. The way state changes.
    pub fn update(&mut self, action: Action) {
        self.apply(action);
        self.settle();
    }

    /// Like [`App::handle_event`] but leaves the search for [`App::settle`]: the event loop
    /// applies a whole burst of keys, then searches once.
    pub fn apply_event(&mut self, ev: Event) {
        if let Some(a) = self.action_for(ev) {
            self.apply(a);
        }
    }

    /// Like [`App::update`] but leaves the search for [`App::settle`]. Typing several
    /// characters in one burst then costs one search, not one per character.
    pub fn apply(&mut self, action: Action) {
        let edits_text = matches!(
            action,
            Action::Insert(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput
        );
        // Anything else may look at the list, so it must see fresh results.
        if self.search_pending && !edits_text {
            self.run_pending_search();
        }
        self.apply_now(action);
        self.sync();
    }

    /// Runs deferred work (a pending search); call before drawing.
    pub fn settle(&mut self) {
        if self.search_pending {
            self.run_pending_search();
            self.sync();
        }
    }

    /// The state change an action stands for (search may be left pending).
    fn apply_now(&mut self, action: Action) {
        let user_input = !matches!(
            action,
            Action::Progress { .. } | Action::Resize { .. } | Action::Loaded(_)
        );
        if user_input {
            self.message = None;
        }
        if self.overlay.is_some() && self.update_overlay(&action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::Top | Action::Bottom => {
                let down = matches!(action, Action::Bottom);
                self.move_by(if down { isize::MAX / 2 } else { isize::MIN / 2 });
                // `n` then starts from the new view, not from the match left behind.
                self.reader.current = None;
            }
            Action::NextPane => self.set_focus(self.focus.step(true)),
            Action::PrevPane => self.set_focus(self.focus.step(false)),
            Action::Activate => self.activate(),
            Action::Back => self.back(),
            Action::FocusFilter => {
                self.set_focus(Focus::Filter);
                self.cursor = self.input.len();
            }
            Action::FocusActors => {
                let f = if self.focus == Focus::Actors {
                    self.last_pane
                } else {
                    Focus::Actors
                };
                self.set_focus(f);
            }
            // The status bar shows the order; no message needed.
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.apply_sort();
            }
            Action::ReverseSort => {
                self.reverse = !self.reverse;
                self.apply_sort();
            }
            Action::ToggleHelp => self.overlay = Some((Overlay::Help, 0)),
            Action::ToggleProblems => self.show_problems(),
            Action::Undo => self.undo_clear(),
            Action::Dwell => self.mark_selected_read(),
            Action::NextMatch => self.jump_match(true),
            Action::PrevMatch => self.jump_match(false),
            Action::Insert(c) => {
                self.input.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                self.refilter();
            }
            Action::DeleteBack => {
                if let Some((i, _)) = self.input[..self.cursor].char_indices().next_back() {
                    self.input.replace_range(i..self.cursor, "");
                    self.cursor = i;
                    self.refilter();
                } else if self.input.is_empty() && self.chips.pop().is_some() {
                    self.undo = None;
                    self.refilter_full();
                }
            }
            Action::DeleteWord => {
                let before = &self.input[..self.cursor];
                // Whitespace may be wider than a byte (a no-break space).
                let start = before
                    .trim_end()
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.input.replace_range(start..self.cursor, "");
                self.cursor = start;
                self.refilter();
            }
            Action::ClearInput => {
                self.input.clear();
                self.cursor = 0;
                self.refilter();
            }
            Action::CursorLeft => {
                if let Some((i, _)) = self.input[..self.cursor].char_indices().next_back() {
                    self.cursor = i;
                }
            }
            Action::CursorRight => {
                if let Some(c) = self.input[self.cursor..].chars().next() {
                    self.cursor += c.len_utf8();
                }
            }
            Action::CursorStart => self.cursor = 0,
            Action::CursorEnd => self.cursor = self.input.len(),
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
            }
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Progress { done, total } => {
                if !matches!(self.load, LoadState::Ready) {
                    self.load = LoadState::Loading { done, total };
                }
            }
            Action::Loaded(loaded) => {
                let Loaded {
                    corpus,
                    index,
                    problems,
                } = *loaded;
                self.read = vec![false; corpus.articles.len()];
                self.year = single_year(&corpus);
                self.corpus = corpus;
                self.index = index;
                self.problems = problems;
                self.load = LoadState::Ready;
                self.chips.clear();
                self.list = Cursor::default();
                self.reader = ReaderView::default();
                self.query = Query::parse(&self.input);
                self.search_pending = false;
                self.recent.clear();
                self.generation += 1;
                self.run_search(None, false);
            }
            Action::LoadFailed(msg) => self.load = LoadState::Failed(msg),
        }
    }

    /// Lines (help) or entries (problems) an overlay scrolls over.
    fn overlay_len(&self, which: Overlay) -> usize {
        match which {
            Overlay::Help => keymap::help_lines().len(),
            Overlay::Problems => self.problems.len(),
        }
    }

    /// Handles an action while an overlay is open; false lets it through.
    fn update_overlay(&mut self, action: &Action) -> bool {
        let Some((which, scroll)) = self.overlay else {
            return false;
        };
        let page = self.height.saturating_sub(4).max(1) as usize;
        let max = match which {
            Overlay::Help => self.overlay_len(which).saturating_sub(page),
            // Problems wrap to several lines each: let the last one reach the top.
            Overlay::Problems => self.overlay_len(which).saturating_sub(1),
        };
        let scroll = match action {
            Action::Up => scroll.saturating_sub(1),
            Action::Down => (scroll + 1).min(max),
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => (scroll + page).min(max),
            Action::Top => 0,
            Action::Bottom => max,
            Action::Back => {
                self.overlay = None;
                return true;
            }
            Action::ToggleHelp | Action::ToggleProblems => {
                let want = if matches!(action, Action::ToggleHelp) {
                    Overlay::Help
                } else {
                    Overlay::Problems
                };
                self.overlay = (want != which).then_some((want, 0));
                return true;
            }
            // Quit, terminal and loader events still apply; other keys wait for the overlay.
            Action::Quit
            | Action::Resize { .. }
            | Action::Progress { .. }
            | Action::Loaded(_)
            | Action::LoadFailed(_)
            | Action::Dwell => return false,
            _ => scroll,
        };
        self.overlay = Some((which, scroll));
        true
    }

    /// Opens the problems overlay, or says there is nothing to show.
    fn show_problems(&mut self) {
        if self.problems.is_empty() {
            self.message = Some(if matches!(self.load, LoadState::Ready) {
                "no load problems".into()
            } else {
                "still loading".into()
            });
        } else {
            self.overlay = Some((Overlay::Problems, 0));
        }
    }

    /// Marks the article under the list selection read.
    fn mark_selected_read(&mut self) {
        if let Some(art) = self.selected_article()
            && let Some(r) = self.read.get_mut(art)
        {
            *r = true;
        }
    }

    /// Whether an article has been read (opened, or selected for a while).
    pub fn is_read(&self, article: usize) -> bool {
        self.read.get(article).copied().unwrap_or(false)
    }

    /// Clears the filter text and chips, keeping them for `u`.
    fn clear_filter(&mut self) {
        let input = std::mem::take(&mut self.input);
        let chips = std::mem::take(&mut self.chips);
        self.undo = Some((input, chips));
        self.cursor = 0;
        self.refilter_full();
        self.message = Some("filter cleared — u to undo".into());
    }

    /// Puts back what the last Esc cleared.
    fn undo_clear(&mut self) {
        match self.undo.take() {
            Some((input, chips)) => {
                self.cursor = input.len();
                self.input = input;
                self.chips = chips;
                self.refilter_full();
                self.message = Some("filter restored".into());
            }
            None => self.message = Some("nothing to undo".into()),
        }
    }

    fn set_focus(&mut self, f: Focus) {
        if f == self.focus {
            return;
        }
        if matches!(self.focus, Focus::List | Focus::Reader) {
            self.last_pane = self.focus;
        }
        self.focus = f;
    }

    /// Rows of the viewport a page key moves by, for the focused pane.
    fn page(&self) -> usize {
        let p = self.panes();
        let r = match self.focus {
            Focus::List | Focus::Filter => p.list,
            Focus::Reader => p.reader,
            Focus::Actors => p.actors,
        };
        let h = layout::inner(r).height as usize;
        if self.focus == Focus::Reader {
            h.saturating_sub(1).max(1)
        } else {
            h.max(1)
        }
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::List | Focus::Filter => self.list.move_by(delta, self.rows.len()),
            Focus::Reader => {
                self.reader.scroll = self.reader.scroll.saturating_add_signed(delta);
            }
            Focus::Actors => self.move_side(delta),
        }
    }

    /// Moves the sidebar selection, stepping over headings.
    fn move_side(&mut self, delta: isize) {
        let len = self.sidebar.len();
        if len == 0 {
            return;
        }
        let mut c = self.side;
        c.move_by(delta, len);
        let is_actor = |i: usize| matches!(self.sidebar.get(i), Some(SideRow::Actor { .. }));
        let forward = delta > 0;
        let find = |from: usize, fwd: bool| -> Option<usize> {
            if fwd {
                (from..len).find(|&i| is_actor(i))
            } else {
                (0..=from).rev().find(|&i| is_actor(i))
            }
        };
        c.sel = find(c.sel, forward)
            .or_else(|| find(c.sel, !forward))
            .unwrap_or(c.sel);
        self.side.sel = c.sel;
    }

    fn activate(&mut self) {
        match self.focus {
            Focus::List => {
                if self.selected_article().is_some() {
                    self.set_focus(Focus::Reader);
                }
            }
            Focus::Filter => self.set_focus(Focus::List),
            Focus::Actors => {
                if let Some(SideRow::Actor { id, .. }) = self.sidebar.get(self.side.sel) {
                    let id = *id;
                    self.undo = None;
                    if let Some(i) = self.chips.iter().position(|&c| c == id) {
                        self.chips.remove(i);
                    } else {
                        self.chips.push(id);
                    }
                    self.refilter_full();
                }
            }
            Focus::Reader => {}
        }
    }

    /// Esc: one step back, never losing work without a way back. The filter and the reader
    /// go to the list; the actors go to the list (or, as an overlay, close); only in the list
    /// does Esc clear the filter, and `u` undoes that.
    fn back(&mut self) {
        let mode = Mode::for_width(self.width);
        match self.focus {
            Focus::Filter | Focus::Reader => self.set_focus(Focus::List),
            Focus::Actors if mode == Mode::Narrow => self.set_focus(self.last_pane),
            Focus::Actors => self.set_focus(Focus::List),
            Focus::List if !self.input.is_empty() || !self.chips.is_empty() => {
                self.clear_filter();
            }
            Focus::List => {}
        }
    }

    /// Notes that the input changed; the search runs in [`App::settle`] or before the next
    /// action that is not typing.
    fn refilter(&mut self) {
        // A new filter is being made: `u` must not bring an old one back over it.
        self.undo = None;
        self.search_pending = true;
    }

    /// Re-runs the filter for the typed text, reusing the last results when it only narrowed.
    fn run_pending_search(&mut self) {
        self.search_pending = false;
        let q = Query::parse(&self.input);
        if q == self.query {
            return;
        }
        let narrows = q.narrows(&self.query);
        self.query = q;
        self.generation += 1;
        if narrows && matches!(self.load, LoadState::Ready) {
            let mut prev: Vec<usize> = self.rows.iter().map(ListRow::article).collect();
            prev.sort_unstable();
            self.run_search(Some(&prev), false);
        } else {
            self.run_search(None, false);
        }
    }

    /// Re-runs the filter from scratch (chips changed, or everything was cleared), keeping the
    /// selected article when it is still listed.
    fn refilter_full(&mut self) {
        self.search_pending = false;
        // Cached results were for other chips.
        self.recent.clear();
        self.query = Query::parse(&self.input);
        self.generation += 1;
        self.run_search(None, true);
    }

    /// Searches and rebuilds the list and facets. `keep` keeps the selected article selected
    /// (chip toggles, arrival); otherwise the best match is selected (typing: like fzf).
    fn run_search(&mut self, candidates: Option<&[usize]>, keep: bool) {
        let keep = if keep { self.selected_article() } else { None };
        self.list.offset = 0;
        let cached = self.recent.iter().rposition(|(q, _)| *q == self.query);
        let hits = match cached {
            Some(i) => self.recent.remove(i).1,
            None => query::search(
                &self.corpus,
                &self.index,
                &self.query,
                &self.chips,
                candidates,
            ),
        };
        self.recent.push((self.query.clone(), hits.clone()));
        if self.recent.len() > RECENT_SEARCHES {
            self.recent.remove(0);
        }
        self.rows = hits.into_iter().map(ListRow::Article).collect();
        self.apply_sort_keeping(keep);
        self.build_sidebar();
    }

    fn apply_sort(&mut self) {
        let keep = self.selected_article();
        self.apply_sort_keeping(keep);
    }

    /// Sorts the rows and puts the selection back on `keep` if it is still listed.
    fn apply_sort_keeping(&mut self, keep: Option<usize>) {
        let arts = &self.corpus.articles;
        let date_desc = |a: usize, b: usize| {
            let da = arts.get(a).and_then(|x| x.date);
            let db = arts.get(b).and_then(|x| x.date);
            db.cmp(&da)
        };
        let sort = self.sort;
        self.rows.sort_by(|x, y| {
            let (a, b) = (x.article(), y.article());
            let ord = match sort {
                SortKey::Relevance => {
                    let (ListRow::Article(hx), ListRow::Article(hy)) = (x, y);
                    hy.score.cmp(&hx.score).then_with(|| date_desc(a, b))
                }
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
        if self.reverse {
            self.rows.reverse();
        }
        self.list.sel = keep
            .and_then(|k| self.rows.iter().position(|r| r.article() == k))
            .unwrap_or(0);
    }

    /// Facets: actors of the listed articles, grouped by kind, counted over the list.
    fn build_sidebar(&mut self) {
        let keep = match self.sidebar.get(self.side.sel) {
            Some(SideRow::Actor { id, .. }) => Some(*id),
            _ => None,
        };
        let actors = self.corpus.actors.actors();
        let mut counts = vec![0usize; actors.len()];
        for r in &self.rows {
            for &(id, _) in self.corpus.actors.actors_of(r.article()) {
                if let Some(c) = counts.get_mut(id) {
                    *c += 1;
                }
            }
        }
        let mut rows = Vec::new();
        for kind in [
            ActorKind::Person,
            ActorKind::Organization,
            ActorKind::Place,
            ActorKind::Other,
        ] {
            let mut ids: Vec<ActorId> = (0..actors.len())
                .filter(|&i| counts[i] > 0 && actors[i].kind == kind)
                .collect();
            if ids.is_empty() {
                continue;
            }
            ids.sort_by(|&a, &b| {
                counts[b]
                    .cmp(&counts[a])
                    .then_with(|| cmp_ci(&actors[a].name, &actors[b].name))
            });
            rows.push(SideRow::Header {
                kind,
                actors: ids.len(),
            });
            rows.extend(ids.into_iter().map(|id| SideRow::Actor {
                id,
                count: counts[id],
            }));
        }
        self.sidebar = rows;
        let found = keep.and_then(|k| {
            self.sidebar
                .iter()
                .position(|r| matches!(r, SideRow::Actor { id, .. } if *id == k))
        });
        match found {
            Some(i) => self.side.sel = i,
            None => {
                self.side.sel = self.side.sel.min(self.sidebar.len().saturating_sub(1));
                self.move_side(0);
            }
        }
    }

    /// Height of the reading view in lines.
    fn reader_height(&self) -> usize {
        layout::inner(self.panes().reader).height as usize
    }

    /// `n`/`N`: scrolls to the next or previous filter match. Steps from the current match
    /// while it is on screen; otherwise (after scrolling, `g`/`G`, another article) starts
    /// from the first match at or below the top of the view (or the last above it, for `N`).
    fn jump_match(&mut self, forward: bool) {
        let n = self.reader.matches.len();
        if n == 0 {
            self.message = Some(if self.query.is_empty() && self.chips.is_empty() {
                "no filter: nothing to jump to".into()
            } else {
                "no filter match in this article".into()
            });
            return;
        }
        let top = self.reader.scroll;
        let bottom = top + self.reader_height().max(1);
        let lines = &self.reader.matches;
        let on_screen = self
            .reader
            .current
            .filter(|&c| lines.get(c).is_some_and(|&l| l >= top && l < bottom));
        let next = match (on_screen, forward) {
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
            (None, true) => lines.iter().position(|&l| l >= top).unwrap_or(0),
            (None, false) => lines.iter().rposition(|&l| l < top).unwrap_or(n - 1),
        };
        self.reader.current = Some(next);
        // One line of context above the match.
        self.reader.scroll = lines[next].saturating_sub(1);
        self.message = Some(format!("match {}/{n}", next + 1));
    }

    fn click(&mut self, column: u16, row: u16) {
        let p = self.panes();
        if p.filter.contains(column, row) {
            self.set_focus(Focus::Filter);
            self.cursor = self.input.len();
            return;
        }
        if p.show_actors && p.actors.contains(column, row) {
            self.set_focus(Focus::Actors);
            let inner = layout::inner(p.actors);
            if inner.contains(column, row) {
                let i = self.side.offset + (row - inner.y) as usize;
                if matches!(self.sidebar.get(i), Some(SideRow::Actor { .. })) {
                    if i == self.side.sel {
                        self.activate();
                    } else {
                        self.side.sel = i;
                    }
                }
            }
            return;
        }
        if p.show_list && p.list.contains(column, row) {
            self.set_focus(Focus::List);
            let inner = layout::inner(p.list);
            if inner.contains(column, row) {
                let i = self.list.offset + (row - inner.y) as usize;
                if i < self.rows.len() {
                    if i == self.list.sel {
                        self.activate();
                    } else {
                        self.list.sel = i;
                    }
                }
            }
            return;
        }
        if p.show_reader && p.reader.contains(column, row) {
            self.set_focus(Focus::Reader);
        }
    }

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let p = self.panes();
        let d: isize = if down { 3 } else { -3 };
        if p.show_actors && p.actors.contains(column, row) {
            self.move_side(d);
        } else if p.show_list && p.list.contains(column, row) {
            self.list.move_by(d, self.rows.len());
        } else if p.show_reader && p.reader.contains(column, row) {
            self.reader.scroll = self.reader.scroll.saturating_add_signed(d);
        }
    }

    /// Restores invariants after any change: cursors in range and visible, the reading view
    /// laid out for the selected article, width and filter, the open article marked read.
    fn sync(&mut self) {
        let p = self.panes();
        self.list
            .fit(self.rows.len(), layout::inner(p.list).height as usize);
        self.side
            .fit(self.sidebar.len(), layout::inner(p.actors).height as usize);
        let inner = layout::inner(p.reader);
        // One column of padding on each side of the text; lines longer than this are hard
        // to follow.
        let width = (inner.width as usize)
            .saturating_sub(2)
            .clamp(1, layout::READ_WIDTH);
        match self.selected_article() {
            Some(art) => {
                let r = &self.reader;
                let stale = r.article != art
                    || r.width != width
                    || r.generation != self.generation
                    || r.lines.is_empty();
                if stale {
                    let same_article = r.article == art && !r.lines.is_empty();
                    let scroll = r.scroll;
                    self.reader = reader::build(
                        &self.corpus,
                        &self.index,
                        art,
                        &self.query,
                        &self.chips,
                        width,
                        self.generation,
                    );
                    if same_article {
                        self.reader.scroll = scroll;
                    }
                }
                if self.focus == Focus::Reader
                    && let Some(r) = self.read.get_mut(art)
                {
                    *r = true;
                }
            }
            None => self.reader = ReaderView::default(),
        }
        let h = inner.height as usize;
        let max = self.reader.lines.len().saturating_sub(h.max(1));
        self.reader.scroll = self.reader.scroll.min(max);
    }
}

#[cfg(test)]
mod tests;
