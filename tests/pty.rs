//! The real binary in a pseudo-terminal: type, move, open, select an actor, quit, and check
//! the terminal was given back.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;
const TIMEOUT: Duration = Duration::from_secs(20);

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero size")
}

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

fn dossier_cmd(args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    // Read marks are kept nowhere unless a test says where.
    cmd.env("DOSSIER_STATE_DIR", "");
    cmd
}

impl Session {
    fn start() -> Session {
        Session::spawn(dossier_cmd(&[]))
    }

    fn spawn(cmd: CommandBuilder) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn dossier");
        // Our copy of the slave must go, or the reader never sees end-of-file.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(ROWS), nz(COLS), 0)));
        let feed = Arc::clone(&parser);
        let master = pair.master;
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = feed.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
        Session {
            parser,
            writer,
            child,
            master,
        }
    }

    /// Resizes the terminal, as a window manager would (the child gets SIGWINCH).
    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        if let Ok(mut p) = self.parser.lock() {
            p.screen_mut().set_size(nz(rows), nz(cols));
        }
    }

    fn alternate(&self) -> bool {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .alternate_screen()
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen satisfies `pred`; panics with the screen on timeout.
    fn wait_until(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Sends keys with a pause after them, so two Escs are not read as one Alt-Esc.
    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
        thread::sleep(Duration::from_millis(120));
    }
}

/// The `N/T articles` count from the status bar.
fn counts(screen: &str) -> Option<(usize, usize)> {
    let line = screen.lines().last()?;
    let at = line.find(" articles")?;
    let head = line[..at].trim().rsplit(' ').next()?;
    let (n, t) = head.split_once('/')?;
    Some((n.parse().ok()?, t.parse().ok()?))
}

#[test]
fn filter_open_select_actor_quit_and_restore() {
    let mut s = Session::start();
    let first = s.wait_for("5/5 articles");
    assert!(first.contains("Articles 5/5"), "{first}");

    s.send("/nuj");
    let screen = s.wait_until("the filter to apply", |s| {
        s.lines().last().is_some_and(|l| l.contains("filter: nuj"))
    });
    let (n, total) = counts(&screen).expect("status counts");
    assert_eq!(total, 5);
    assert!((1..=5).contains(&n), "{screen}");
    assert!(screen.contains("/ nuj"), "filter line: {screen}");
    // The selected article's reading view has highlighted matches to jump to.
    assert!(screen.contains("(n/N)"), "{screen}");

    s.send("\r");
    s.wait_until("the list to take focus", |s| s.contains("┏ Articles"));
    s.send("j");
    let moved = s.wait_until("the selection to move", |s| {
        s.lines().nth(2).is_some_and(|l| l.starts_with("┃▶"))
    });
    assert!(moved.lines().nth(1).is_some_and(|l| !l.contains('▶')));

    s.send("\r");
    let reading = s.wait_until("the article to open", |s| s.contains("┏ Reading"));
    // Opened articles lose their unread marker.
    assert!(
        reading.lines().nth(2).is_some_and(|l| l.starts_with("│▶ ")),
        "{reading}"
    );

    s.send("a");
    let actors = s.wait_until("the actors to take focus", |s| s.contains("┏ Actors"));
    assert!(
        !actors.contains("┏ Actors 0 "),
        "the seeds have actors: {actors}"
    );
    // The highlighted sidebar row names the actor about to be selected.
    let sidebar_x = actors
        .lines()
        .next()
        .and_then(|top| top.chars().position(|c| c == '┏'))
        .expect("the focused actors pane has a thick border");
    let picked = actors
        .lines()
        .map(|l| l.chars().skip(sidebar_x).collect::<String>())
        .find_map(|l| l.split('▶').nth(1).map(str::to_string))
        .and_then(|rest| {
            let cell = rest.split('┃').next().unwrap_or(&rest).trim().to_string();
            cell.rsplit_once(' ')
                .map(|(name, _count)| name.trim().to_string())
        })
        .expect("a highlighted actor row");
    let prefix: String = picked.chars().take(6).collect();
    s.send("\r");
    let chip = s.wait_until("a chip on the filter line", |s| {
        s.lines()
            .nth(ROWS as usize - 2)
            .is_some_and(|l| l.contains("[@"))
    });
    let (m, _) = counts(&chip).expect("status counts");
    assert!(m >= 1 && m <= n, "{chip}");
    assert!(chip.contains("filter: @"), "{chip}");
    let filter_line = chip.lines().nth(ROWS as usize - 2).unwrap_or_default();
    assert!(
        filter_line.contains(&format!("[@{prefix}")),
        "chip for {picked}: {filter_line}"
    );

    // Esc steps back without losing the filter: actors -> list; only then does Esc clear it,
    // and u brings it back.
    s.send("\x1b");
    s.wait_until("the list to take focus back", |s| s.contains("┏ Articles"));
    assert!(
        s.screen().contains("[@"),
        "the chip survives leaving the actors"
    );
    s.send("\x1b");
    let cleared = s.wait_for("u to undo");
    assert_eq!(counts(&cleared), Some((5, 5)), "{cleared}");
    s.send("u");
    let restored = s.wait_for("filter restored");
    assert_eq!(counts(&restored), Some((m, 5)), "{restored}");

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

#[test]
fn read_marks_are_remembered_by_the_next_session() {
    let state = tempfile::tempdir().expect("temp dir");
    let with_state = || {
        let mut cmd = dossier_cmd(&[]);
        cmd.env("DOSSIER_STATE_DIR", state.path());
        cmd
    };
    let row = |screen: &str, n: usize| screen.lines().nth(n).unwrap_or_default().to_string();

    let mut s = Session::spawn(with_state());
    let first = s.wait_for("5/5 articles");
    assert!(
        row(&first, 2).starts_with("┃ • "),
        "second row unread: {first}"
    );
    s.send("j");
    s.send("\r");
    s.wait_until("the second article to open", |s| s.contains("┏ Reading"));
    s.send("q");
    assert!(s.wait_exit().success());
    let saved = std::fs::read_to_string(state.path().join("read")).expect("marks saved");
    assert!(!saved.trim().is_empty(), "{saved:?}");

    // The next session opens on the first row; the second, never selected here, is read.
    let mut s = Session::spawn(with_state());
    let again = s.wait_for("5/5 articles");
    assert!(
        row(&again, 2).starts_with("┃   "),
        "second row read: {again}"
    );
    assert!(
        row(&again, 3).starts_with("┃ • "),
        "third row unread: {again}"
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

impl Session {
    /// Waits for the child to exit; kills it and panics with the screen on timeout.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().expect("wait") {
                return st;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("dossier did not quit; screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Asserts the terminal was given back: main screen, cursor shown, mouse reporting off.
    fn assert_restored(&self) {
        // Let the reader thread drain the last bytes.
        thread::sleep(Duration::from_millis(200));
        let parser = self.parser.lock().expect("parser");
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture still on"
        );
    }
}

#[test]
fn term_hup_and_int_restore_the_terminal() {
    for sig in ["TERM", "HUP", "INT"] {
        let mut s = Session::start();
        s.wait_for("5/5 articles");
        {
            // The screen really was taken over, so the checks below mean something.
            let parser = s.parser.lock().expect("parser");
            assert!(
                parser.screen().alternate_screen(),
                "{sig}: no alternate screen"
            );
            assert!(parser.screen().hide_cursor(), "{sig}: cursor shown");
        }
        let pid = s.child.process_id().expect("child pid");
        let sent = std::process::Command::new("kill")
            .args(["-s", sig, &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -s {sig} {pid}");
        s.wait_exit();
        s.assert_restored();
    }
}

/// A folder whose load takes seconds: one pathological page and a few good files.
fn slow_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in 0..20 {
        std::fs::write(
            dir.path().join(format!("good{n}.txt")),
            "The council met on Monday to discuss the harbour.\n",
        )
        .expect("write");
    }
    let page = format!(
        "<html><body><p>Slow.</p>{}</body></html>",
        "<div/>".repeat(60_000)
    );
    std::fs::write(dir.path().join("slow.html"), page).expect("write");
    dir
}

#[test]
fn term_hup_and_int_mid_load_restore_the_terminal() {
    let dir = slow_folder();
    let path = dir.path().to_str().expect("utf-8").to_string();
    for sig in ["TERM", "HUP", "INT"] {
        let mut s = Session::spawn(dossier_cmd(&["--file-timeout", "600", &path]));
        s.wait_for("Loading");
        assert!(s.alternate(), "{sig}: no alternate screen");
        let pid = s.child.process_id().expect("child pid");
        let sent = std::process::Command::new("kill")
            .args(["-s", sig, &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success());
        s.wait_exit();
        s.assert_restored();
    }
}

#[test]
fn a_resize_storm_from_1x1_to_300x100_mid_load_never_panics() {
    let dir = slow_folder();
    let path = dir.path().to_str().expect("utf-8").to_string();
    let mut s = Session::spawn(dossier_cmd(&["--file-timeout", "3", &path]));
    s.wait_for("Loading");
    let mut sizes: Vec<(u16, u16)> = (1..=300).step_by(7).map(|w| (w, 1 + w / 3)).collect();
    sizes.extend([(1, 1), (300, 1), (1, 100), (300, 100), (2, 2), (0, 0)]);
    for (w, h) in sizes {
        s.resize(w.max(1), h.max(1));
        thread::sleep(Duration::from_millis(5));
    }
    s.resize(COLS, ROWS);
    // The good files, and the slow page too if the cleaner got through it in its budget.
    s.wait_until("the load to finish", |screen| {
        counts(screen).is_some_and(|(n, total)| n == total && total >= 20)
    });
    assert!(
        s.child.try_wait().expect("wait").is_none(),
        "dossier died in the storm"
    );
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

#[test]
fn ctrl_z_then_fg_gives_the_terminal_back_and_redraws() {
    let mut bash = CommandBuilder::new("bash");
    bash.args(["--norc", "--noprofile", "-i"]);
    bash.env("PS1", "PROMPT$ ");
    bash.env("TERM", "xterm-256color");
    bash.env("DOSSIER_STATE_DIR", "");
    let mut s = Session::spawn(bash);
    s.wait_for("PROMPT$");
    s.send(&format!("{}\r", env!("CARGO_BIN_EXE_dossier")));
    s.wait_for("5/5 articles");
    assert!(s.alternate());

    s.send("\x1a");
    let stopped = s.wait_until("the shell to get the terminal back", |screen| {
        screen.contains("Stopped")
    });
    assert!(!s.alternate(), "still on the alternate screen: {stopped}");
    assert!(
        !s.parser.lock().expect("parser").screen().hide_cursor(),
        "cursor hidden while stopped"
    );

    s.send("fg\r");
    let back = s.wait_until("the reader to come back", |screen| {
        screen.contains("5/5 articles") && screen.contains("Articles")
    });
    assert!(s.alternate(), "{back}");
    s.send("q");
    s.wait_for("PROMPT$");
    assert!(!s.alternate());
    s.send("exit\r");
    s.wait_exit();
}

#[test]
fn ctrl_z_without_a_shell_to_resume_keeps_running() {
    let mut s = Session::start();
    s.wait_for("5/5 articles");
    s.send("\x1a");
    thread::sleep(Duration::from_millis(300));
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success());
    s.assert_restored();
}

#[test]
fn a_dash_on_a_terminal_is_refused_at_once() {
    let mut s = Session::spawn(dossier_cmd(&["list", "-"]));
    let screen = s.wait_for("standard input is a terminal");
    assert!(screen.contains("pipe articles in"), "{screen}");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
}
