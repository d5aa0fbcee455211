//! Terminal setup and restore, the event loop, and background loading.
//!
//! Four producer threads feed one channel: terminal input, the loader (progress, then the
//! indexed corpus), the search worker (results of the newest filter) and signals (TERM, HUP,
//! INT become a quit, so the terminal is restored on the way out; TSTP and Ctrl-Z give the
//! terminal back and stop, CONT takes it again and redraws). The loop blocks on the
//! channel, applies everything pending, hands the newest search request to the worker, then
//! draws once, so a burst of events costs one frame and typing never waits for a search.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App, Loaded, SearchRequest, search};
use crate::corpus::{Corpus, Origin};
use crate::load::Limits;
use crate::read_marks::ReadMarks;
use crate::sanitize;

/// What the producer threads send to the loop.
enum Msg {
    Term(crossterm::event::Event),
    Action(Action),
    /// A worker thread panicked: the hook already restored the terminal, so stop.
    Fatal(String),
    /// SIGTSTP (or Ctrl-Z, which raw mode delivers as a key): give the terminal back and stop.
    Suspend,
    /// SIGCONT: the shell may have changed the terminal while we were stopped; take it again.
    Resumed,
    /// The stories of a corpus; dropped if another corpus has arrived since (a reload).
    Stories(Arc<Corpus>, Arc<crate::stories::Stories>),
}

/// What the loop must do to the terminal after a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TermOp {
    None,
    Suspend,
    Retake,
}

/// Whether a key is Ctrl-Z, the suspend key (raw mode turns off the terminal's own handling).
fn is_suspend_key(ev: &crossterm::event::Event) -> bool {
    use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
    matches!(ev, Event::Key(k) if k.kind != KeyEventKind::Release
        && k.code == KeyCode::Char('z')
        && k.modifiers == KeyModifiers::CONTROL)
}

/// Puts the terminal back: mouse off, main screen, cursor shown, raw mode off. Safe to call
/// twice (the panic hook and the guard may both run).
fn restore_terminal() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Takes the terminal: raw mode, alternate screen, mouse, hidden cursor.
fn take_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// Whether anyone could resume us after a stop: a session leader (run with `exec`, or
/// straight from tmux) has no shell to type `fg` in, so it must not stop.
#[cfg(unix)]
fn can_be_resumed() -> bool {
    // SAFETY: both calls only read this process's ids and cannot fail for the caller.
    unsafe { libc::getpgrp() != libc::getsid(0) }
}

/// Gives the terminal back and stops until `fg` (SIGCONT), then takes it again.
#[cfg(unix)]
fn suspend() -> io::Result<()> {
    if !can_be_resumed() {
        return Ok(());
    }
    restore_terminal();
    // SIGSTOP, not SIGTSTP: our own SIGTSTP handler would only ask the loop to suspend again.
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    take_terminal()
}

#[cfg(not(unix))]
fn suspend() -> io::Result<()> {
    Ok(())
}

/// Restores the terminal when dropped, so every early return and unwinding panic restores it.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Chains a hook that restores the terminal before the panic message is printed, so the
/// message lands on a usable screen (including for panics on other threads).
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

/// Turns SIGTERM, SIGHUP (the terminal went away) and SIGINT into a quit through the loop,
/// so the guard restores the terminal. A second signal means the loop is stuck: restore and
/// leave at once.
///
/// SIGTSTP (`kill -TSTP`) suspends through the loop like Ctrl-Z; SIGCONT (after any stop, even
/// an uncatchable SIGSTOP) makes the loop take the terminal again and redraw it whole.
#[cfg(unix)]
fn spawn_signals(tx: Sender<Msg>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
    thread::spawn(move || {
        let mut seen = false;
        for sig in signals.forever() {
            let msg = match sig {
                SIGTSTP => Some(Msg::Suspend),
                SIGCONT => Some(Msg::Resumed),
                _ => None,
            };
            if let Some(msg) = msg {
                if tx.send(msg).is_err() {
                    return;
                }
                continue;
            }
            if seen || tx.send(Msg::Action(Action::Quit)).is_err() {
                restore_terminal();
                std::process::exit(128 + sig);
            }
            seen = true;
        }
    });
    Ok(())
}

#[cfg(not(unix))]
fn spawn_signals(_tx: Sender<Msg>) -> anyhow::Result<()> {
    Ok(())
}

fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        while let Ok(ev) = crossterm::event::read() {
            if tx.send(Msg::Term(ev)).is_err() {
                return;
            }
        }
        // The terminal cannot be read any more (it went away): nothing left to do but leave.
        let _ = tx.send(Msg::Action(Action::Quit));
    });
}

/// Loads and indexes on a worker thread, then groups the stories; progress at most every
/// 50 ms so a 100k-file load does not flood the loop.
/// Where read marks are kept: `$DOSSIER_STATE_DIR/read` (set but empty: nowhere), else the
/// platform's state or local data folder (`~/.local/state/dossier/read` on Linux).
pub fn read_marks_path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DOSSIER_STATE_DIR") {
        return (!dir.is_empty()).then(|| PathBuf::from(dir).join("read"));
    }
    let dirs = directories::ProjectDirs::from("", "", "dossier")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("read"))
}

/// Opens the read marks kept at `path`; a file that cannot be read is reported, not fatal.
fn open_marks(path: Option<&Path>) -> Result<ReadMarks, String> {
    match path {
        Some(p) => ReadMarks::open(p).map_err(|e| {
            format!(
                "read marks not loaded from {} (nor saved this session): {e}",
                sanitize::one_line(&p.display().to_string())
            )
        }),
        None => Ok(ReadMarks::none()),
    }
}

/// Saves read marks off the UI thread, appending each newly read article's fingerprint; the
/// first failure is shown once and later marks stay in this session only.
struct Marker {
    tx: Sender<u64>,
    /// Closed by the thread when everything sent is written.
    done: Receiver<()>,
}

impl Marker {
    fn spawn(path: Option<PathBuf>, out: Sender<Msg>) -> Marker {
        let (tx, rx) = mpsc::channel::<u64>();
        let (done_tx, done) = mpsc::channel::<()>();
        thread::spawn(move || {
            let _done = done_tx;
            // The loader reports an unreadable file; nothing is written over it.
            let Ok(mut marks) = open_marks(path.as_deref()) else {
                return;
            };
            for key in rx {
                if let Err(e) = marks.record(key) {
                    let at = marks
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    let text = format!("read marks not saved to {}: {e}", sanitize::one_line(&at));
                    let _ = out.send(Msg::Action(Action::Notice(text)));
                    return;
                }
            }
        });
        Marker { tx, done }
    }

    fn send(&self, keys: Vec<u64>) {
        for key in keys {
            let _ = self.tx.send(key);
        }
    }

    /// Waits (a moment at most: a hung disk must not hang the exit) for the last marks.
    fn finish(self, keys: Vec<u64>) {
        self.send(keys);
        drop(self.tx);
        let _ = self.done.recv_timeout(Duration::from_secs(2));
    }
}

/// What a load needs, kept so that `r` can load again.
struct Loader {
    origin: Origin,
    limits: Limits,
    marks: Option<PathBuf>,
    tx: Sender<Msg>,
}

impl Loader {
    /// Whether loading again would read the same articles (standard input is read once).
    fn repeatable(&self) -> bool {
        match &self.origin {
            Origin::Bundled => true,
            Origin::Paths(paths) => !paths.iter().any(|p| crate::load::is_stdin(p)),
        }
    }

    fn start(&self) {
        spawn_loader(
            self.origin.clone(),
            self.limits,
            self.marks.clone(),
            self.tx.clone(),
        );
    }
}

fn spawn_loader(origin: Origin, limits: Limits, marks: Option<PathBuf>, tx: Sender<Msg>) {
    thread::spawn(move || {
        let mut last = Instant::now();
        let progress_tx = tx.clone();
        let work = std::panic::AssertUnwindSafe(|| {
            Corpus::open_with(&origin, &limits, &mut |p| {
                if p.done == p.total || last.elapsed() >= Duration::from_millis(50) {
                    last = Instant::now();
                    let _ = progress_tx.send(Msg::Action(Action::Progress {
                        done: p.done,
                        total: p.total,
                    }));
                }
            })
            .map(Loaded::new)
        });
        let corpus = match std::panic::catch_unwind(work) {
            Ok(Ok(mut loaded)) => {
                match open_marks(marks.as_deref()) {
                    Ok(m) => loaded.mark_read(&m),
                    Err(text) => {
                        let _ = tx.send(Msg::Action(Action::Notice(text)));
                    }
                }
                let corpus = Arc::clone(&loaded.corpus);
                if tx
                    .send(Msg::Action(Action::Loaded(Box::new(loaded))))
                    .is_err()
                {
                    return;
                }
                corpus
            }
            Ok(Err(e)) => {
                let _ = tx.send(Msg::Action(Action::LoadFailed(e.to_string())));
                return;
            }
            Err(_) => {
                let _ = tx.send(Msg::Fatal(
                    "internal error while loading (see the message above)".into(),
                ));
                return;
            }
        };
        // The reader is usable meanwhile; `t` waits for this.
        let grouping = std::panic::AssertUnwindSafe(|| crate::stories::group(&corpus));
        let msg = match std::panic::catch_unwind(grouping) {
            Ok(stories) => Msg::Stories(corpus, Arc::new(stories)),
            Err(_) => Msg::Fatal("internal error while grouping stories (see above)".into()),
        };
        let _ = tx.send(msg);
    });
}

/// The search worker's end: requests go in; each supersedes the ones before it.
struct Searcher {
    tx: Sender<SearchRequest>,
    /// Generation of the newest request: a search for an older one gives up.
    latest: Arc<AtomicU64>,
}

impl Searcher {
    fn send(&self, req: SearchRequest) {
        self.latest.store(req.generation, Ordering::Relaxed);
        let _ = self.tx.send(req);
    }
}

/// Runs searches off the UI thread. Only the newest queued request is run, a running one
/// stops when a newer one arrives, and results come back as [`Action::SearchDone`].
fn spawn_searcher(out: Sender<Msg>) -> Searcher {
    let (tx, rx) = mpsc::channel::<SearchRequest>();
    let latest = Arc::new(AtomicU64::new(0));
    let newest = Arc::clone(&latest);
    thread::spawn(move || {
        while let Ok(mut req) = rx.recv() {
            while let Ok(newer) = rx.try_recv() {
                req = newer;
            }
            let stale = || newest.load(Ordering::Relaxed) != req.generation;
            let work = std::panic::AssertUnwindSafe(|| search::run(&req, &stale));
            let msg = match std::panic::catch_unwind(work) {
                Ok(Some(results)) => Msg::Action(Action::SearchDone(Box::new(results))),
                Ok(None) => continue,
                Err(_) => {
                    Msg::Fatal("internal error while searching (see the message above)".into())
                }
            };
            if out.send(msg).is_err() {
                return;
            }
        }
    });
    Searcher { tx, latest }
}

/// Applies one message, leaving the search for `settle` so a burst of typing searches once;
/// says what the terminal needs (suspend, or taking it back after a stop).
fn apply(app: &mut App, msg: Msg) -> anyhow::Result<TermOp> {
    match msg {
        Msg::Term(ev) if is_suspend_key(&ev) => return Ok(TermOp::Suspend),
        Msg::Term(ev) => app.apply_event(ev),
        Msg::Action(a) => app.apply(a),
        Msg::Stories(corpus, stories) => {
            if Arc::ptr_eq(&corpus, &app.corpus) {
                app.apply(Action::StoriesReady(stories));
            }
        }
        Msg::Fatal(why) => anyhow::bail!(why),
        Msg::Suspend => return Ok(TermOp::Suspend),
        Msg::Resumed => return Ok(TermOp::Retake),
    }
    Ok(TermOp::None)
}

/// Does what `apply` asked of the terminal; a full redraw follows either way, since the
/// screen may hold anything after a stop.
fn handle(op: TermOp, terminal: &mut Terminal<CrosstermBackend<io::Stdout>>) -> anyhow::Result<()> {
    match op {
        TermOp::None => return Ok(()),
        TermOp::Suspend => suspend()?,
        TermOp::Retake => take_terminal()?,
    }
    // Not `Terminal::clear`: it asks the terminal where the cursor is, and the input thread
    // would swallow the answer. A blank screen and a fresh terminal (empty last frame, the
    // size of now) make the next draw a whole one.
    execute!(io::stdout(), Clear(ClearType::All))?;
    *terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok(())
}

/// Starts a graphical web browser on `url` (a web link: the app opens nothing else): the
/// first command of `$BROWSER` (`firefox %s:chromium`), else the system's opener. It runs on
/// its own, in its own process group (closing the terminal leaves it open), its output
/// discarded; a thread reaps it.
fn open_in_browser(url: &str) -> io::Result<()> {
    let browser = std::env::var("BROWSER").ok();
    let first = browser
        .as_deref()
        .and_then(|b| b.split(':').map(str::trim).find(|c| !c.is_empty()));
    let mut words: Vec<String> = match first {
        Some(b) => b.split_whitespace().map(String::from).collect(),
        None if cfg!(target_os = "macos") => vec!["open".into()],
        None if cfg!(windows) => vec!["explorer".into()],
        None => vec!["xdg-open".into()],
    };
    // `%s` stands for the address; without it the address comes last.
    if words.iter().any(|w| w.contains("%s")) {
        for w in &mut words {
            *w = w.replace("%s", url);
        }
    } else {
        words.push(url.to_string());
    }
    let mut cmd = std::process::Command::new(&words[0]);
    cmd.args(&words[1..])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd.spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// How long the list selection must stay on an unread article to count it as read.
const DWELL: Duration = Duration::from_secs(1);

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    app: &mut App,
    rx: &Receiver<Msg>,
    searcher: &Searcher,
    marker: &Marker,
    loader: &Loader,
) -> anyhow::Result<()> {
    // The unread article under the selection (of which corpus: a reload renumbers) and since
    // when it has been there.
    let mut dwell: Option<((usize, *const Corpus), Instant)> = None;
    loop {
        if let Some(req) = app.take_search() {
            searcher.send(req);
        }
        marker.send(app.take_read());
        if app.take_reload() {
            loader.start();
        }
        if let Some(url) = app.take_open_url()
            && let Err(e) = open_in_browser(&url)
        {
            app.message = Some(format!("could not start the web browser: {e}"));
        }
        terminal.draw(|f| crate::ui::draw(app, f))?;
        let unread = app
            .selected_article()
            .filter(|&a| !app.is_read(a))
            .map(|a| (a, Arc::as_ptr(&app.corpus)));
        if dwell.map(|(a, _)| a) != unread {
            dwell = unread.map(|a| (a, Instant::now()));
        }
        // Block for the next event (or until the selection has stayed long enough), then take
        // everything already queued: one frame per burst.
        let first = match dwell {
            Some((_, since)) => match rx.recv_timeout(DWELL.saturating_sub(since.elapsed())) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => {
                    app.update(Action::Dwell);
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match rx.recv() {
                Ok(m) => m,
                Err(_) => return Ok(()),
            },
        };
        let op = apply(app, first)?;
        handle(op, terminal)?;
        while let Ok(more) = rx.try_recv() {
            let op = apply(app, more)?;
            handle(op, terminal)?;
            if app.should_quit() {
                break;
            }
        }
        if app.should_quit() {
            return Ok(());
        }
        app.settle();
    }
}

/// Runs the interactive reader on the articles `origin` names, on this terminal.
pub fn run(origin: Origin, limits: Limits) -> anyhow::Result<()> {
    install_panic_hook();
    let (tx, rx) = mpsc::channel();
    // Before the screen is taken over, so no signal can leave it behind.
    spawn_signals(tx.clone())?;
    let guard = Guard;
    take_terminal()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let mut app = App::new(size.width, size.height);
    app.use_search_worker();
    let searcher = spawn_searcher(tx.clone());
    spawn_input(tx.clone());
    let marks = read_marks_path();
    let marker = Marker::spawn(marks.clone(), tx.clone());
    let loader = Loader {
        origin,
        limits,
        marks,
        tx,
    };
    app.set_can_reload(loader.repeatable());
    loader.start();
    let result = event_loop(&mut terminal, &mut app, &rx, &searcher, &marker, &loader);
    marker.finish(app.take_read());
    drop(terminal);
    drop(guard);
    // Problems go to stderr once the screen is back, like the CLI reports them.
    let mut err = io::stderr().lock();
    for p in app.problems() {
        let _ = writeln!(err, "dossier: {p}");
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_of_a_superseded_corpus_are_dropped() {
        let mut app = App::with_corpus(crate::fixture::sample(), 120, 40);
        app.stories = None;
        let stale = Arc::new(crate::fixture::sample());
        let stories = Arc::new(crate::stories::group(&stale));
        let op = apply(&mut app, Msg::Stories(stale, Arc::clone(&stories)));
        assert!(matches!(op, Ok(TermOp::None)));
        assert!(app.stories.is_none(), "grouped from another corpus");
        let current = Arc::clone(&app.corpus);
        let _ = apply(&mut app, Msg::Stories(current, stories));
        assert!(app.stories.is_some());
    }
}
