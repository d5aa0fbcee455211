//! Reader state and the only place it changes: `App::update(Action)`.
//!
//! Each pane's state and its handling live together ([`list`], [`reader`], [`sidebar`],
//! [`filter`]); `App` holds them with the corpus and routes actions, which come from one key
//! table ([`keymap`]) or from the loader and the search worker. Searching is a request the app
//! sends and results it takes back ([`search`]), so typing never waits for a search. Drawing
//! reads the app through `&App` and computes nothing: the rows' match positions, the laid-out
//! article and the pane geometry ([`layout`]) are all made here.

mod action;
pub mod filter;
pub mod focus;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod mouse;
pub mod quotes;
pub mod reader;
pub mod search;
pub mod sidebar;

use std::sync::Arc;

use rustc_hash::FxHashSet;

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

pub use action::{Action, Loaded};
pub use focus::{Focus, Overlay};
pub use keymap::Context;
pub use list::{Cursor, ListMode, ListRow, SortKey};
pub use reader::ReaderView;
pub use search::{SearchRequest, SearchResults};
pub use sidebar::SideRow;

use crate::actors::{ActorId, ActorKind};
use crate::corpus::Corpus;
use crate::problem::Problem;
use crate::query::{Index, Query};
use crate::read_marks;
use crate::stories::Stories;
use filter::{Edit, FilterLine};
use layout::{Panes, Rect};
use list::ListPane;
use mouse::Target;
use search::SearchState;
use sidebar::Sidebar;

/// Whether the corpus has arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadState {
    Loading { done: usize, total: usize },
    Ready,
    Failed(String),
}

/// Everything the reader shows and remembers.
#[derive(Debug)]
pub struct App {
    pub(crate) corpus: Arc<Corpus>,
    pub(crate) index: Arc<Index>,
    /// The corpus grouped into stories, once grouped (it follows the corpus' arrival).
    pub(crate) stories: Option<Arc<Stories>>,
    /// Who said what, by speaker, while the quotes window is open.
    pub(crate) quotes: Vec<quotes::QuoteLine>,
    pub(crate) problems: Vec<Problem>,
    pub(crate) load: LoadState,
    pub(crate) width: u16,
    pub(crate) height: u16,
    pub(crate) focus: Focus,
    /// The reading view alone, across the terminal (`z`); going back to the list ends it.
    pub(crate) zoom: bool,
    /// Pane to return to from the filter or an overlay.
    pub(crate) last_pane: Focus,
    /// The overlay shown, with its scroll offset (lines of help, or problems).
    pub(crate) overlay: Option<(Overlay, usize)>,
    pub(crate) filter: FilterLine,
    pub(crate) list: ListPane,
    pub(crate) reader: ReaderView,
    pub(crate) side: Sidebar,
    pub(crate) search: SearchState,
    /// One-shot note for the status bar (cleared by the next key).
    pub(crate) message: Option<String>,
    quit: bool,
    /// A reload is running: files done and total (the old corpus stays on screen meanwhile).
    reloading: Option<(usize, usize)>,
    /// A reload was asked for and not yet started.
    reload_asked: bool,
    /// After a reload, the kept article and the reading view's scroll to restore on it.
    carry_scroll: Option<(usize, usize)>,
    /// After a reload, reports whose stories were open, opened again once grouped.
    reopen: FxHashSet<u64>,
    /// Whether the corpus can be read again (false for standard input).
    can_reload: bool,
    /// Fingerprints of articles newly read, waiting to be saved.
    read_out: Vec<u64>,
    /// The article whose links the links window shows.
    pub(crate) links_of: usize,
    /// A web link the reader asked to open, waiting for the terminal loop.
    open_url: Option<String>,
}

/// What a reload carries from the old corpus to the new one.
struct Carried {
    /// Actor chips, and those of the undo, by name and kind (ids change with the corpus).
    chips: Vec<(String, ActorKind)>,
    undo: Option<(String, Vec<(String, ActorKind)>)>,
    /// The actor under the sidebar's cursor.
    side: Option<(String, ActorKind)>,
    /// The selected report's fingerprint and file.
    selected: Option<(u64, String)>,
    /// The reading view's scroll.
    scroll: usize,
    /// This session's read reports, by fingerprint and by file.
    read: FxHashSet<u64>,
    read_paths: FxHashSet<String>,
    /// The reports of the stories open in the list.
    opened: FxHashSet<u64>,
}

impl Carried {
    fn take(app: &App) -> Carried {
        let actors = app.corpus.actors.actors();
        let named = |ids: &[ActorId]| -> Vec<(String, ActorKind)> {
            ids.iter()
                .filter_map(|&id| actors.get(id))
                .map(|a| (a.name.clone(), a.kind))
                .collect()
        };
        let arts = &app.corpus.articles;
        let read = || (0..arts.len()).filter(|&a| app.list.is_read(a));
        Carried {
            chips: named(&app.filter.chips),
            side: named(&app.side.selected().into_iter().collect::<Vec<_>>()).pop(),
            undo: app
                .filter
                .undo
                .as_ref()
                .map(|(text, chips)| (text.clone(), named(chips))),
            selected: app
                .selected_article()
                .and_then(|a| arts.get(a))
                .map(|a| (read_marks::fingerprint(a), a.path.clone())),
            scroll: app.reader.scroll,
            read: read().map(|a| read_marks::fingerprint(&arts[a])).collect(),
            read_paths: read().map(|a| arts[a].path.clone()).collect(),
            opened: match &app.stories {
                Some(s) => (0..arts.len())
                    .filter(|&a| {
                        s.story_of(a)
                            .is_some_and(|st| app.list.opened.contains(&st))
                    })
                    .map(|a| read_marks::fingerprint(&arts[a]))
                    .collect(),
                None => FxHashSet::default(),
            },
        }
    }
}

/// Chips named `(name, kind)` as ids of `actors`: each actor once, in order; names no actor
/// has any more are dropped.
fn remap_chips(actors: &[crate::actors::Actor], named: &[(String, ActorKind)]) -> Vec<ActorId> {
    let mut out: Vec<ActorId> = Vec::new();
    for (name, kind) in named {
        let found = actors
            .iter()
            .enumerate()
            .find(|(id, a)| a.name == *name && a.kind == *kind && !out.contains(id))
            .or_else(|| {
                actors
                    .iter()
                    .enumerate()
                    .find(|(id, a)| a.name == *name && !out.contains(id))
            });
        if let Some((id, _)) = found {
            out.push(id);
        }
    }
    out
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

/// Rows beyond the list's height whose match positions come with the results (a page of
/// scrolling without computing any on the UI thread).
const MARK_WINDOW_EXTRA: usize = 64;

impl App {
    /// An app for a terminal of `width` x `height`, waiting for its corpus.
    pub fn new(width: u16, height: u16) -> Self {
        App {
            corpus: Arc::default(),
            index: Arc::default(),
            stories: None,
            quotes: Vec::new(),
            links_of: 0,
            open_url: None,
            problems: Vec::new(),
            load: LoadState::Loading { done: 0, total: 0 },
            width,
            height,
            focus: Focus::List,
            zoom: false,
            last_pane: Focus::List,
            overlay: None,
            filter: FilterLine::default(),
            list: ListPane::default(),
            reader: ReaderView::default(),
            side: Sidebar::default(),
            search: SearchState::default(),
            message: None,
            quit: false,
            reloading: None,
            reload_asked: false,
            carry_scroll: None,
            reopen: FxHashSet::default(),
            can_reload: true,
            read_out: Vec::new(),
        }
    }

    /// An app already showing `corpus` and its stories (tests, benches).
    pub fn with_corpus(corpus: Corpus, width: u16, height: u16) -> Self {
        let mut app = App::new(width, height);
        let loaded = Loaded::from_corpus(corpus);
        let stories = Arc::new(crate::stories::group(&loaded.corpus));
        app.update(Action::Loaded(Box::new(loaded)));
        app.update(Action::StoriesReady(stories));
        app
    }

    /// Searches are run by a worker from now on: [`App::take_search`] hands them over and
    /// their results come back as [`Action::SearchDone`].
    pub fn use_search_worker(&mut self) {
        self.search.worker = true;
    }

    /// The newest search request not yet handed to the worker.
    pub fn take_search(&mut self) -> Option<SearchRequest> {
        self.search.outbox.take()
    }

    /// Whether results are awaited.
    pub fn searching(&self) -> bool {
        self.search.in_flight.is_some() || self.search.pending
    }

    /// Whether the user asked to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The focused pane.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// Number of articles in the list (whether shown as articles or as stories).
    pub fn shown(&self) -> usize {
        self.list.articles.len()
    }

    /// Number of articles in the corpus.
    pub fn total(&self) -> usize {
        self.corpus.articles.len()
    }

    /// The filter text.
    pub fn input(&self) -> &str {
        &self.filter.input
    }

    /// The query whose results the list shows (highlights follow it, not the typed text).
    pub fn shown_query(&self) -> &Query {
        &self.search.shown
    }

    /// Counts an article as read; one newly read is queued for saving ([`App::take_read`]).
    fn mark_read(&mut self, art: usize) {
        if self.list.is_read(art) {
            return;
        }
        self.list.mark_read(art);
        if let Some(a) = self.corpus.articles.get(art) {
            self.read_out.push(crate::read_marks::fingerprint(a));
        }
    }

    /// The fingerprints of the articles read since the last call, to save.
    pub fn take_read(&mut self) -> Vec<u64> {
        std::mem::take(&mut self.read_out)
    }

    /// The order the list is really in: relevance without a filter to rank by is date order,
    /// or for stories size order (as `dossier stories` lists them).
    pub fn sort_shown(&self) -> SortKey {
        let unfiltered = self.filter.input.trim().is_empty() && self.filter.chips.is_empty();
        match self.list.sort {
            SortKey::Relevance if unfiltered && self.list.mode == ListMode::Stories => {
                SortKey::Size
            }
            SortKey::Relevance if unfiltered => SortKey::Date,
            key => key,
        }
    }

    /// Selected actors' canonical names.
    pub fn chip_names(&self) -> Vec<&str> {
        self.filter
            .chips
            .iter()
            .filter_map(|&id| self.corpus.actors.actors().get(id))
            .map(|a| a.name.as_str())
            .collect()
    }

    /// The actor under the sidebar selection.
    pub fn selected_actor(&self) -> Option<&str> {
        let id = self.side.selected()?;
        self.corpus.actors.actors().get(id).map(|a| a.name.as_str())
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
        layout::panes(
            Rect::new(0, 0, self.width, self.height),
            self.focus,
            self.zoom,
        )
    }

    /// The article under the list selection.
    pub fn selected_article(&self) -> Option<usize> {
        self.list.selected_article()
    }

    /// Whether an article has been read (opened, or selected for a while).
    pub fn is_read(&self, article: usize) -> bool {
        self.list.is_read(article)
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
        let pressed = matches!(&ev, Event::Key(k) if k.kind != KeyEventKind::Release);
        match self.action_for(ev) {
            Some(a) => self.apply(a),
            // A key that means nothing here still ends the one-shot note: left up, "opening
            // [1]" reads as the answer to the key just typed.
            None if pressed => self.message = None,
            None => {}
        }
    }

    /// Like [`App::update`] but leaves the search for [`App::settle`]. Typing several
    /// characters in one burst then costs one search, not one per character.
    pub fn apply(&mut self, action: Action) {
        let edits_text = matches!(
            action,
            Action::Insert(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput
        );
        // Anything else may look at the list: ask for its results now (inline, they are
        // there at once; with a worker, they follow).
        if self.search.pending && !edits_text {
            self.request_search(false, false);
        }
        self.apply_now(action);
        self.sync();
    }

    /// Makes the request for a pending filter change (and, without a worker, runs it); call
    /// before drawing.
    pub fn settle(&mut self) {
        if self.search.pending {
            self.request_search(false, false);
        }
        self.sync();
    }

    /// The state change an action stands for (search may be left pending).
    fn apply_now(&mut self, action: Action) {
        let user_input = !matches!(
            action,
            Action::Progress { .. }
                | Action::Resize { .. }
                | Action::Loaded(_)
                | Action::SearchDone(_)
                | Action::StoriesReady(_)
                | Action::Notice(_)
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
                self.filter.cursor = self.filter.input.len();
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
                // Unfiltered, relevance is date order: the next key must change something.
                let from = self.sort_shown();
                self.list.sort = self.list.sort.next();
                if self.sort_shown() == from {
                    self.list.sort = self.list.sort.next();
                }
                self.list.resort(&self.corpus, self.stories.as_deref());
            }
            Action::ReverseSort => {
                self.list.reverse = !self.list.reverse;
                self.list.resort(&self.corpus, self.stories.as_deref());
            }
            Action::ToggleStories => self.toggle_stories(),
            Action::StoriesReady(stories) => {
                // After a reload, the stories that were open are opened again.
                let reopen = std::mem::take(&mut self.reopen);
                if !reopen.is_empty() {
                    for (a, art) in self.corpus.articles.iter().enumerate() {
                        if reopen.contains(&read_marks::fingerprint(art))
                            && let Some(s) = stories.story_of(a)
                        {
                            self.list.opened.insert(s);
                        }
                    }
                }
                self.stories = Some(stories);
                self.list.rebuild(self.stories.as_deref());
                // The reading view gains the other reports and what only this one says.
                self.search.shown_gen += 1;
            }
            Action::NextUnique | Action::PrevUnique => {
                let forward = matches!(action, Action::NextUnique);
                self.message = Some(match self.reader.jump_unique(forward) {
                    Some((n, of)) => format!("only in this report: passage {n}/{of}"),
                    None if self.reader.others.is_empty() => {
                        "no other report of this story: nothing to compare".into()
                    }
                    None => "every passage is in another report too".into(),
                });
            }
            Action::ToggleQuotes => self.show_quotes(),
            Action::ToggleLinks => self.show_links(),
            Action::ToggleHelp => self.overlay = Some((Overlay::Help, 0)),
            // Leaving the zoom keeps the focus where it is: reading goes on in the panes.
            Action::ToggleZoom => {
                self.zoom = !self.zoom;
                if self.zoom {
                    self.set_focus(Focus::Reader);
                }
            }
            Action::ToggleProblems => self.show_problems(),
            Action::Undo => self.undo_clear(),
            Action::Dwell => {
                if let Some(art) = self.selected_article() {
                    self.mark_read(art);
                }
            }
            Action::Notice(text) => self.message = Some(text),
            Action::NextMatch => self.jump_match(true),
            Action::PrevMatch => self.jump_match(false),
            Action::Insert(_)
            | Action::DeleteBack
            | Action::DeleteWord
            | Action::ClearInput
            | Action::CursorLeft
            | Action::CursorRight
            | Action::CursorStart
            | Action::CursorEnd => match self.filter.edit(&action) {
                Edit::Text => self.search.pending = true,
                Edit::Chips => self.refilter_full(),
                Edit::None => {}
            },
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
            }
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Progress { done, total } => {
                if self.reloading.is_some() {
                    self.reloading = Some((done, total));
                } else if !matches!(self.load, LoadState::Ready) {
                    self.load = LoadState::Loading { done, total };
                }
            }
            Action::Loaded(loaded) => self.arrive(*loaded),
            // A failed reload keeps what is on screen.
            Action::LoadFailed(msg) if self.reloading.take().is_some() => {
                self.message = Some(format!("reload failed: {msg}"));
            }
            Action::LoadFailed(msg) => self.load = LoadState::Failed(msg),
            Action::Reload => self.ask_reload(),
            Action::SearchDone(results) => self.apply_results(*results),
        }
    }

    /// A corpus has arrived: show it all (or what the filter typed meanwhile keeps). After a
    /// reload, the filter, the actor chips (by name), the selection and this session's read
    /// marks carry over to the new corpus.
    fn arrive(&mut self, loaded: Loaded) {
        let Loaded {
            corpus,
            index,
            problems,
            mut read,
        } = loaded;
        let n = corpus.articles.len();
        if read.len() != n {
            read = vec![false; n];
        }
        let again = self.reloading.take().is_some();
        let carried = again.then(|| Carried::take(self));
        // The quotes and links windows show articles of the old corpus by number.
        if matches!(self.overlay, Some((Overlay::Quotes | Overlay::Links, _))) {
            self.overlay = None;
            self.quotes.clear();
        }
        let mut keep = None;
        if let Some(c) = &carried {
            for (a, art) in corpus.articles.iter().enumerate() {
                let f = read_marks::fingerprint(art);
                read[a] |= c.read.contains(&f) || c.read_paths.contains(&art.path);
                // The same report, else the same file (its headline may have been edited).
                let same_report = c.selected.as_ref().is_some_and(|(sf, _)| *sf == f);
                let same_file = c.selected.as_ref().is_some_and(|(_, p)| *p == art.path);
                if same_report || (same_file && keep.is_none()) {
                    keep = Some(a);
                }
            }
        }
        self.list = ListPane {
            read,
            year: single_year(&corpus),
            dated: corpus.articles.iter().any(|a| a.date.is_some()),
            sourced: corpus.articles.iter().any(|a| a.source.is_some()),
            sort: self.list.sort,
            reverse: self.list.reverse,
            mode: self.list.mode,
            ..ListPane::default()
        };
        self.stories = None;
        self.corpus = corpus;
        self.index = Arc::new(index);
        self.problems = problems;
        self.load = LoadState::Ready;
        self.reader = ReaderView::default();
        self.carry_scroll = None;
        self.search.forget();
        // Nothing on screen answers a filter yet: no shortcut may start from the old list.
        self.search.shown_chips = vec![ActorId::MAX];
        let Some(c) = carried else {
            self.filter.chips.clear();
            self.search_keeping(true, None);
            return;
        };
        let actors = self.corpus.actors.actors();
        self.filter.chips = remap_chips(actors, &c.chips);
        self.filter.undo = c
            .undo
            .map(|(text, chips)| (text, remap_chips(actors, &chips)));
        self.carry_scroll = keep.map(|k| (k, c.scroll));
        // The sidebar's rows name old ids: the same actor is found again by name.
        self.side.rows.clear();
        self.side.want = remap_chips(actors, &c.side.into_iter().collect::<Vec<_>>())
            .first()
            .copied();
        self.reopen = c.opened;
        self.search_keeping(true, keep);
        let lost = c.chips.len() - self.filter.chips.len();
        self.message = Some(match lost {
            0 => format!("reloaded: {n} articles"),
            _ => format!("reloaded: {n} articles; {lost} selected actor(s) no longer found"),
        });
    }

    /// Asks for the articles to be read again from disk (files added, changed or removed).
    fn ask_reload(&mut self) {
        if !self.can_reload {
            self.message = Some("articles from standard input cannot be read again".into());
        } else if !matches!(self.load, LoadState::Ready) || self.reloading.is_some() {
            self.message = Some("still loading".into());
        } else {
            self.reloading = Some((0, 0));
            self.reload_asked = true;
        }
    }

    /// Whether a reload was asked for since the last call (the event loop starts it).
    pub fn take_reload(&mut self) -> bool {
        std::mem::take(&mut self.reload_asked)
    }

    /// Says whether the articles can be read again (not when they came from standard input).
    pub fn set_can_reload(&mut self, can: bool) {
        self.can_reload = can;
    }

    /// Progress of a running reload, `(done, total)` files.
    pub fn reload_progress(&self) -> Option<(usize, usize)> {
        self.reloading
    }

    /// Asks for the list of the current filter. `full` searches everything (chips or the
    /// corpus changed); otherwise the shown results are reused when the query only narrowed
    /// them, and Backspace's recent results are taken from the cache. `keep` keeps the
    /// selected article selected when the results arrive.
    fn request_search(&mut self, full: bool, keep: bool) {
        let keep = keep.then(|| self.selected_article()).flatten();
        self.search_keeping(full, keep);
    }

    /// [`App::request_search`], selecting article `keep` (if listed) when the results arrive.
    fn search_keeping(&mut self, full: bool, keep: Option<usize>) {
        self.search.pending = false;
        let query = self.filter.query.clone();
        let chips = self.filter.chips.clone();
        let same_chips = chips == self.search.shown_chips;
        let shown = query == self.search.shown && same_chips;
        if !full {
            let target = self.search.wanted.as_ref();
            if target.is_some_and(|(q, c)| *q == query && *c == chips) {
                return;
            }
            if shown {
                // Back to what is on screen (typed and deleted): nothing to wait for.
                self.search.in_flight = None;
                self.search.wanted = None;
                self.search.outbox = None;
                return;
            }
            if same_chips && let Some(mut rows) = self.search.take_recent(&query) {
                // Cached under the order of their day; the list may have been re-sorted since.
                list::sort_rows(&self.corpus, &mut rows, self.list.sort, self.list.reverse);
                self.search.in_flight = None;
                self.search.wanted = None;
                self.search.outbox = None;
                self.show_rows(query, chips, rows, keep);
                return;
            }
        }
        let ready = matches!(self.load, LoadState::Ready);
        let candidates =
            (!full && ready && same_chips && query.narrows(&self.search.shown)).then(|| {
                let mut ids: Vec<usize> = self.list.articles.iter().map(ListRow::article).collect();
                ids.sort_unstable();
                Arc::<[usize]>::from(ids)
            });
        self.search.generation += 1;
        let generation = self.search.generation;
        self.search.in_flight = Some(generation);
        self.search.wanted = Some((query.clone(), chips.clone()));
        self.search.keep = keep;
        let list_h = layout::inner(self.panes().list).height as usize;
        self.search.outbox = Some(SearchRequest {
            generation,
            corpus: Arc::clone(&self.corpus),
            index: Arc::clone(&self.index),
            query,
            chips,
            candidates,
            sort: self.list.sort,
            reverse: self.list.reverse,
            window: list_h + MARK_WINDOW_EXTRA,
        });
        // Without a worker the request runs here, so the next action sees its results.
        if !self.search.worker
            && let Some(req) = self.search.outbox.take()
            && let Some(results) = search::run(&req, &|| false)
        {
            self.apply_results(results);
        }
    }

    /// Results have come back: show them if they answer the newest request.
    fn apply_results(&mut self, results: SearchResults) {
        if self.search.in_flight != Some(results.generation) {
            return;
        }
        self.search.in_flight = None;
        self.search.wanted = None;
        let keep = self.search.keep.take();
        let SearchResults {
            query,
            chips,
            mut rows,
            marks,
            ..
        } = results;
        // The order may have changed while the search ran.
        list::sort_rows(&self.corpus, &mut rows, self.list.sort, self.list.reverse);
        self.show_rows(query, chips, rows, keep);
        self.list.marks.extend(marks);
    }

    /// Puts rows for `query` and `chips` in the list and the sidebar.
    fn show_rows(
        &mut self,
        query: Query,
        chips: Vec<ActorId>,
        rows: Vec<ListRow>,
        keep: Option<usize>,
    ) {
        if query != self.search.shown || chips != self.search.shown_chips {
            self.list.marks.clear();
        }
        if chips != self.search.shown_chips {
            self.search.forget();
        }
        self.search.remember(query.clone(), rows.clone());
        self.search.shown = query;
        self.search.shown_chips = chips;
        self.list.show(rows, self.stories.as_deref(), keep);
        self.side.rebuild(&self.corpus, &self.list.articles);
        // The reading view re-highlights for the new query.
        self.search.shown_gen += 1;
    }

    /// Lines (help) or entries (problems) an overlay scrolls over.
    fn overlay_len(&self, which: Overlay) -> usize {
        match which {
            Overlay::Help => keymap::help_rows(self.width).len(),
            Overlay::Problems => self.problems.len(),
            Overlay::Quotes => self.quotes.len(),
            Overlay::Links => self.links().len(),
        }
    }

    /// Handles an action while an overlay is open; false lets it through.
    fn update_overlay(&mut self, action: &Action) -> bool {
        let Some((which, scroll)) = self.overlay else {
            return false;
        };
        let page = self.height.saturating_sub(4).max(1) as usize;
        let max = match which {
            // The help box takes the whole screen but its two borders.
            Overlay::Help => self
                .overlay_len(which)
                .saturating_sub(self.height.saturating_sub(2).max(1) as usize),
            // Problems and quotes wrap to several lines each: let the last reach the top.
            Overlay::Problems | Overlay::Quotes | Overlay::Links => {
                self.overlay_len(which).saturating_sub(1)
            }
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
            Action::Activate if which == Overlay::Quotes => {
                if let Some((_, art)) = quotes::quote_at(&self.quotes, scroll) {
                    self.overlay = None;
                    self.open_report(art);
                }
                return true;
            }
            Action::Activate if which == Overlay::Links => {
                self.open_link(scroll);
                return true;
            }
            Action::ToggleHelp
            | Action::ToggleProblems
            | Action::ToggleQuotes
            | Action::ToggleLinks => {
                let want = match action {
                    Action::ToggleHelp => Overlay::Help,
                    Action::ToggleProblems => Overlay::Problems,
                    Action::ToggleLinks => Overlay::Links,
                    _ => Overlay::Quotes,
                };
                self.overlay = None;
                if want != which {
                    match want {
                        Overlay::Problems => self.show_problems(),
                        Overlay::Quotes => self.show_quotes(),
                        Overlay::Links => self.show_links(),
                        Overlay::Help => self.overlay = Some((Overlay::Help, 0)),
                    }
                }
                return true;
            }
            // Quit, terminal, loader and search events still apply; other keys wait.
            Action::Quit
            | Action::Resize { .. }
            | Action::Progress { .. }
            | Action::Loaded(_)
            | Action::LoadFailed(_)
            | Action::SearchDone(_)
            | Action::StoriesReady(_)
            | Action::Notice(_)
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

    /// `t`: the list as stories or as articles.
    fn toggle_stories(&mut self) {
        if self.stories.is_none() {
            self.message = Some(if matches!(self.load, LoadState::Ready) {
                "grouping stories…".into()
            } else {
                "still loading".into()
            });
            return;
        }
        self.list.mode = match self.list.mode {
            ListMode::Articles => ListMode::Stories,
            ListMode::Stories => ListMode::Articles,
        };
        self.list.rebuild(self.stories.as_deref());
        self.message = Some(match self.list.mode {
            ListMode::Stories => "stories: Enter opens one, t lists articles".into(),
            ListMode::Articles => "articles: t groups them by story".into(),
        });
    }

    /// `"`: who said what in the selected article, or across its story.
    fn show_quotes(&mut self) {
        let Some(art) = self.selected_article() else {
            self.message = Some("no article selected".into());
            return;
        };
        let members = self
            .stories
            .as_deref()
            .map(|s| s.members(art).to_vec())
            .filter(|m| m.len() > 1)
            .unwrap_or_else(|| vec![art]);
        self.quotes = quotes::lines(&self.corpus, &members);
        if self.quotes.is_empty() {
            self.message = Some(if members.len() > 1 {
                "no quotes in this story".into()
            } else {
                "no quotes in this article".into()
            });
        } else {
            self.overlay = Some((Overlay::Quotes, 0));
        }
    }

    /// `o`: the selected article's links, whole, to read or open.
    fn show_links(&mut self) {
        let Some(art) = self.selected_article() else {
            self.message = Some("no article selected".into());
            return;
        };
        self.links_of = art;
        if self.links().is_empty() {
            self.message = Some("no links in this article".into());
        } else {
            self.overlay = Some((Overlay::Links, 0));
        }
    }

    /// The links the links window lists.
    pub(crate) fn links(&self) -> &[String] {
        self.corpus
            .articles
            .get(self.links_of)
            .map_or(&[][..], |a| a.links.as_slice())
    }

    /// Asks the terminal loop to open link `k` in the web browser; only web links are opened,
    /// so no article can make the browser run a file or a script.
    fn open_link(&mut self, k: usize) {
        let Some(url) = self.links().get(k).cloned() else {
            return;
        };
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            self.message = Some(format!("opening [{}] in the web browser", k + 1));
            self.open_url = Some(url);
        } else {
            self.message = Some(format!("[{}] is not a web link", k + 1));
        }
    }

    /// The web link to open, once.
    pub fn take_open_url(&mut self) -> Option<String> {
        self.open_url.take()
    }

    /// Selects report `art` in the list (opening its story in the stories view) and reads it.
    fn open_report(&mut self, art: usize) {
        if self.list.mode == ListMode::Stories
            && let Some(story) = self.stories.as_deref().and_then(|s| s.story_of(art))
        {
            self.list.opened.insert(story);
            self.list.rebuild(self.stories.as_deref());
        }
        self.list.select_article(Some(art));
        // In an opened story, the report's own row rather than the story's.
        if let Some(i) = self
            .list
            .rows
            .iter()
            .position(|r| matches!(r, ListRow::Member(h) if h.article == art))
        {
            self.list.cursor.sel = i;
        }
        if self.selected_article() == Some(art) {
            self.set_focus(Focus::Reader);
        } else {
            self.message = Some("that report is not in the filtered list".into());
        }
    }

    /// Clears the filter text and chips, keeping them for `u`.
    fn clear_filter(&mut self) {
        self.filter.clear();
        self.refilter_full();
        self.message = Some("filter cleared — u to undo".into());
    }

    /// Puts back what the last Esc cleared.
    fn undo_clear(&mut self) {
        if self.filter.undo() {
            self.refilter_full();
            self.message = Some("filter restored".into());
        } else {
            self.message = Some("nothing to undo".into());
        }
    }

    fn set_focus(&mut self, f: Focus) {
        if f == self.focus {
            return;
        }
        if matches!(self.focus, Focus::List | Focus::Reader) {
            self.last_pane = self.focus;
        }
        // The list is hidden while zoomed: going to it ends the zoom.
        if f == Focus::List {
            self.zoom = false;
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
            Focus::List | Focus::Filter => self.list.cursor.move_by(delta, self.list.rows.len()),
            Focus::Reader => {
                self.reader.scroll = self.reader.scroll.saturating_add_signed(delta);
            }
            Focus::Actors => self.side.move_by(delta),
        }
    }

    fn activate(&mut self) {
        match self.focus {
            Focus::List => {
                if self.list.toggle_open(self.stories.as_deref()) {
                    // Opened: step onto its first report.
                    if matches!(
                        self.list.rows.get(self.list.cursor.sel + 1),
                        Some(ListRow::Member(_))
                    ) {
                        self.list.cursor.sel += 1;
                    }
                } else if self.selected_article().is_some() {
                    self.set_focus(Focus::Reader);
                }
            }
            // Zoomed, the filter narrows what is read: back to the reading view.
            Focus::Filter if self.zoom => self.set_focus(Focus::Reader),
            Focus::Filter => self.set_focus(Focus::List),
            Focus::Actors => {
                if let Some(id) = self.side.selected() {
                    self.filter.toggle_chip(id);
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
        match self.focus {
            Focus::Filter if self.zoom => self.set_focus(Focus::Reader),
            Focus::Filter | Focus::Reader => self.set_focus(Focus::List),
            Focus::Actors if self.panes().actors_overlay => self.set_focus(self.last_pane),
            Focus::Actors => self.set_focus(Focus::List),
            Focus::List if self.filter.is_active() => self.clear_filter(),
            Focus::List => {}
        }
    }

    /// Searches again from scratch (chips changed, or everything was cleared), keeping the
    /// selected article when it is still listed.
    fn refilter_full(&mut self) {
        self.search.forget();
        self.request_search(true, true);
    }

    /// Height of the reading view in lines.
    fn reader_height(&self) -> usize {
        layout::inner(self.panes().reader).height as usize
    }

    /// `n`/`N`: scrolls to the next or previous filter match (see [`ReaderView::jump`]).
    fn jump_match(&mut self, forward: bool) {
        if self.reader.matches.is_empty() {
            self.message = Some(
                if self.search.shown.is_empty() && self.filter.chips.is_empty() {
                    "no filter: nothing to jump to".into()
                } else {
                    "no filter match in this article".into()
                },
            );
            return;
        }
        let h = self.reader_height();
        if let Some((n, of)) = self.reader.jump(forward, h) {
            self.message = Some(format!("match {n}/{of}"));
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        match mouse::target(&self.panes(), column, row) {
            Target::Filter => {
                self.set_focus(Focus::Filter);
                self.filter.cursor = self.filter.input.len();
            }
            Target::Actors(at) => {
                self.set_focus(Focus::Actors);
                let i = at.map(|r| self.side.cursor.offset + r);
                if let Some(i) =
                    i.filter(|&i| matches!(self.side.rows.get(i), Some(SideRow::Actor { .. })))
                {
                    // A second click on the selected actor selects it as a chip.
                    if i == self.side.cursor.sel {
                        self.activate();
                    } else {
                        self.side.cursor.sel = i;
                    }
                }
            }
            Target::List(at) => {
                self.set_focus(Focus::List);
                let i = at.map(|r| self.list.cursor.offset + r);
                if let Some(i) = i.filter(|&i| i < self.list.rows.len()) {
                    // A second click on the selected row opens it.
                    if i == self.list.cursor.sel {
                        self.activate();
                    } else {
                        self.list.cursor.sel = i;
                    }
                }
            }
            Target::Reader => self.set_focus(Focus::Reader),
            Target::Nothing => {}
        }
    }

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let d: isize = if down { 3 } else { -3 };
        match mouse::target(&self.panes(), column, row) {
            Target::Actors(_) => self.side.move_by(d),
            Target::List(_) => self.list.cursor.move_by(d, self.list.rows.len()),
            Target::Reader => {
                self.reader.scroll = self.reader.scroll.saturating_add_signed(d);
            }
            Target::Filter | Target::Nothing => {}
        }
    }

    /// Restores invariants after any change: cursors in range and visible, the visible rows'
    /// match positions known, the reading view laid out for the selected article, width and
    /// filter, the open article marked read.
    fn sync(&mut self) {
        let p = self.panes();
        let list_h = layout::inner(p.list).height as usize;
        self.list.cursor.fit(self.list.rows.len(), list_h);
        self.list
            .mark_visible(&self.corpus, &self.search.shown, list_h);
        self.side.cursor.fit(
            self.side.rows.len(),
            layout::inner(p.actors).height as usize,
        );
        let inner = layout::inner(p.reader);
        // One column of padding on each side of the text; lines longer than this are hard
        // to follow.
        let width = (inner.width as usize)
            .saturating_sub(2)
            .clamp(1, layout::READ_WIDTH);
        // Highlights follow the shown results.
        let generation = self.search.shown_gen;
        match self.selected_article() {
            Some(art) => {
                let r = &self.reader;
                let stale = r.article != art
                    || r.width != width
                    || r.generation != generation
                    || r.lines.is_empty();
                if stale {
                    let same_article = r.article == art && !r.lines.is_empty();
                    let scroll = r.scroll;
                    self.reader = reader::build(
                        &reader::Sources {
                            corpus: &self.corpus,
                            index: &self.index,
                            stories: self.stories.as_deref(),
                        },
                        art,
                        &self.search.shown,
                        &self.search.shown_chips,
                        width,
                        generation,
                    );
                    if same_article {
                        self.reader.scroll = scroll;
                    } else if let Some((a, scroll)) = self.carry_scroll.take()
                        && a == art
                    {
                        // The report read before a reload, where it was read.
                        self.reader.scroll = scroll;
                    }
                }
                if self.focus == Focus::Reader {
                    self.mark_read(art);
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
