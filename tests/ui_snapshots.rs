//! Screens rendered to a `TestBackend` and compared with insta snapshots.
//!
//! Most use the hand-made fixture corpus (deterministic, with actors); one uses the bundled
//! seeds and will change when the cleaner and recogniser land.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use dossier::app::{Action, App, Focus, Loaded};

#[path = "common/fixture.rs"]
mod fixture;
use dossier::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

fn render(app: &App) -> TestBackend {
    let (w, h) = (app.panes().status.width, app.panes().status.bottom());
    let mut terminal = Terminal::new(TestBackend::new(w, h.max(1))).expect("test backend");
    terminal.draw(|f| ui::draw(app, f)).expect("draw");
    terminal.backend().clone()
}

/// The bottom row (the status bar) of the app drawn at `w` x `h`.
fn status_bar(app: &App, w: u16, h: u16) -> String {
    let screen = render_at(app, w, h);
    (0..w)
        .map(|x| screen.buffer()[(x, h - 1)].symbol().to_string())
        .collect()
}

fn render_at(app: &App, w: u16, h: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| ui::draw(app, f)).expect("draw");
    terminal.backend().clone()
}

fn sample(w: u16, h: u16) -> App {
    App::with_corpus(fixture::sample(), w, h)
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Moves the sidebar selection down to the actor called `name`.
fn select_actor(app: &mut App, name: &str) {
    press(app, KeyCode::Char('a'));
    for _ in 0..50 {
        if app.selected_actor() == Some(name) {
            press(app, KeyCode::Enter);
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("actor {name} not in the sidebar");
}

#[test]
fn main_screen_120x40() {
    let app = sample(120, 40);
    insta::assert_snapshot!(render_at(&app, 120, 40));
}

#[test]
fn main_screen_80x24() {
    let app = sample(80, 24);
    insta::assert_snapshot!(render_at(&app, 80, 24));
}

#[test]
fn filter_in_use_120x40() {
    let mut app = sample(120, 40);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "strike -ceasefire");
    assert_eq!(app.focus(), Focus::Filter);
    let backend = render_at(&app, 120, 40);
    // Matched characters of the title are highlighted in the list.
    let buf = backend.buffer();
    let highlighted = (0..40u16)
        .flat_map(|y| (0..50u16).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].bg == Color::LightYellow)
        .count();
    assert!(highlighted >= "strike".len(), "no highlighted characters");
    insta::assert_snapshot!(backend);
}

#[test]
fn actor_filter_in_use_120x40() {
    let mut app = sample(120, 40);
    select_actor(&mut app, "Haider Al Lami");
    assert_eq!(app.shown(), 2);
    // Open the first article to show its mentions highlighted.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Focus::List);
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render_at(&app, 120, 40));
}

#[test]
fn actor_overlay_at_70x24() {
    let mut app = sample(70, 24);
    select_actor(&mut app, "Washington");
    insta::assert_snapshot!(render_at(&app, 70, 24));
}

#[test]
fn single_pane_reader_50x20() {
    let mut app = sample(50, 20);
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render_at(&app, 50, 20));
}

#[test]
fn help_overlay_120x40() {
    let mut app = sample(120, 40);
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!(render_at(&app, 120, 40));
}

#[test]
fn help_overlay_wraps_at_60x30() {
    let mut app = sample(60, 30);
    press(&mut app, KeyCode::Char('?'));
    for _ in 0..200 {
        press(&mut app, KeyCode::Char('j'));
    }
    // Scrolled to the end: the filter syntax, long lines wrapped under their column.
    insta::assert_snapshot!(render_at(&app, 60, 30));
}

#[test]
fn tiny_terminal_20x5() {
    let app = sample(20, 5);
    insta::assert_snapshot!(render_at(&app, 20, 5));
}

#[test]
fn loading_screen() {
    let mut app = App::new(80, 12);
    app.update(Action::Progress {
        done: 120,
        total: 5000,
    });
    insta::assert_snapshot!(render(&app));
}

#[test]
fn bundled_seeds_120x40() {
    let outcome = dossier::Corpus::bundled();
    let app = App::with_corpus(outcome.corpus, 120, 40);
    insta::assert_snapshot!(render_at(&app, 120, 40));
}

#[test]
fn reader_colours_mentions_by_kind() {
    let mut app = sample(120, 40);
    press(&mut app, KeyCode::Enter);
    let backend = render_at(&app, 120, 40);
    let buf = backend.buffer();
    let colours: std::collections::HashSet<Color> = (0..40u16)
        .flat_map(|y| (40..100u16).map(move |x| (x, y)))
        .map(|(x, y)| buf[(x, y)].fg)
        .collect();
    // The first article mentions an organisation, a person and places.
    for c in [Color::Cyan, Color::Yellow, Color::Green] {
        assert!(colours.contains(&c), "{c:?} missing");
    }
}

#[test]
fn wide_200x50_caps_the_reading_line() {
    let app = sample(200, 50);
    insta::assert_snapshot!(render_at(&app, 200, 50));
}

#[test]
fn narrow_100x30_keeps_a_roomy_reader() {
    let app = sample(100, 30);
    insta::assert_snapshot!(render_at(&app, 100, 30));
}

#[test]
fn zoomed_reader_120x40_then_back_to_the_panes() {
    let mut app = sample(120, 40);
    press(&mut app, KeyCode::Char('z'));
    assert_eq!(app.focus(), Focus::Reader);
    insta::assert_snapshot!(render_at(&app, 120, 40));
    // Filtering while zoomed comes back to the zoomed reader.
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Reader);
    assert!(!app.panes().show_list);
    // Back to the list (Esc from the reader) shows every pane again.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::List);
    assert!(app.panes().show_list && app.panes().show_actors);
    // `z` twice while reading leaves the focus in the reader, with the panes back.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('z'));
    press(&mut app, KeyCode::Char('z'));
    assert_eq!(app.focus(), Focus::Reader);
    assert!(app.panes().show_list);
}

#[test]
fn load_problems_overlay_100x20() {
    let mut loaded = Loaded::from_corpus(fixture::sample());
    loaded.problems = vec![
        dossier::Problem {
            path: "notes/scan\u{1b}[31m.txt".into(),
            kind: dossier::ProblemKind::Skipped,
            reason: "binary content".into(),
        },
        dossier::Problem {
            path: "old/a-very-long-folder-name/with/many/levels/of/nesting/caf.txt".into(),
            kind: dossier::ProblemKind::Warning,
            reason: "not valid UTF-8 (byte 3); decoded as Windows-1252".into(),
        },
    ];
    let mut app = App::new(100, 20);
    app.update(Action::Loaded(Box::new(loaded)));
    let bar = status_bar(&app, 100, 20);
    assert!(bar.contains("2 load problems (p)"), "{bar}");
    press(&mut app, KeyCode::Char('p'));
    for (w, h) in [(1, 1), (5, 3), (20, 5), (40, 4), (60, 8)] {
        render_at(&app, w, h);
    }
    insta::assert_snapshot!(render_at(&app, 100, 20));
}

#[test]
fn a_message_is_not_cut_for_key_hints_at_60_columns() {
    let mut app = sample(60, 20);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "iraq");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    let bar = status_bar(&app, 60, 20);
    assert!(bar.contains("u to undo"), "{bar}");
    assert!(bar.contains("? help"), "the help hint stays: {bar}");
}

#[test]
fn single_pane_actors_say_how_to_go_back() {
    let mut app = sample(50, 20);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.focus(), Focus::Actors);
    let backend = render_at(&app, 50, 20);
    let bar: String = (0..50u16)
        .map(|x| backend.buffer()[(x, 19)].symbol().to_string())
        .collect();
    assert!(bar.contains("Esc back"), "{bar}");
    assert!(bar.trim_end().ends_with("? help  q quit"), "{bar}");
}

#[test]
fn bad_filter_term_is_marked_with_a_reason() {
    let mut app = sample(120, 12);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "truce after:garbage");
    let backend = render_at(&app, 120, 12);
    let buf = backend.buffer();
    // The bad term is drawn in the error colour on the filter line.
    let red: String = (0..120u16)
        .filter(|&x| buf[(x, 10)].fg == Color::LightRed)
        .map(|x| buf[(x, 10)].symbol().to_string())
        .collect();
    assert_eq!(red, "after:garbage");
    insta::assert_snapshot!(backend);
}

#[test]
fn current_match_is_drawn_apart_from_the_others() {
    let mut app = sample(120, 40);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "washington");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('n'));
    let backend = render_at(&app, 120, 40);
    let buf = backend.buffer();
    let reversed = (0..40u16)
        .flat_map(|y| (0..120u16).map(move |x| (x, y)))
        .filter(|&p| buf[p].modifier.contains(ratatui::style::Modifier::REVERSED))
        .count();
    assert_eq!(reversed, "Washington".len(), "only the current match");
    insta::assert_snapshot!(backend);
}

#[test]
fn no_size_panics_down_to_1x1() {
    for (w, h) in [
        (1, 1),
        (0, 0),
        (1, 3),
        (2, 2),
        (5, 1),
        (20, 5),
        (59, 7),
        (60, 3),
        (81, 4),
    ] {
        let mut app = sample(w, h);
        for code in [
            KeyCode::Enter,
            KeyCode::Char('a'),
            KeyCode::Enter,
            KeyCode::Char('n'),
            KeyCode::Char('p'),
            KeyCode::Char('?'),
        ] {
            render_at(&app, w.max(1), h.max(1));
            press(&mut app, code);
        }
        render_at(&app, w.max(1), h.max(1));
    }
    for w in (1..140).step_by(7) {
        for h in 1..12 {
            let mut app = sample(w, h);
            press(&mut app, KeyCode::Char('/'));
            typed(&mut app, "nuj");
            render_at(&app, w, h);
        }
    }
    insta::assert_snapshot!(render_at(&sample(1, 1), 1, 1));
}

#[test]
fn stories_of_the_bundled_seeds_120x40() {
    let mut app = App::with_corpus(dossier::Corpus::bundled().corpus, 120, 40);
    press(&mut app, KeyCode::Char('t'));
    insta::assert_snapshot!("stories_list", render_at(&app, 120, 40));
    // Enter opens the story onto its reports, the first selected, with what only it carries
    // marked in the reader's margin.
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("story_opened", render_at(&app, 120, 40));
}

#[test]
fn quotes_window_100x30() {
    let mut app = App::with_corpus(dossier::Corpus::bundled().corpus, 100, 30);
    press(&mut app, KeyCode::Char('"'));
    insta::assert_snapshot!(render_at(&app, 100, 30));
}

#[test]
fn links_window_80x24() {
    let mut app = sample(80, 24);
    // The second newest article's links, listed whole, the top one (Enter opens it) in bold.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('o'));
    insta::assert_snapshot!(render_at(&app, 80, 24));
}

#[test]
fn the_date_column_stays_while_undated_rows_scroll_by() {
    let report = |i: usize, date: Option<&str>| dossier::Article {
        id: format!("r{i:02}"),
        path: format!("r{i:02}.txt"),
        title: format!("Report number {i} on the harbour strike"),
        date: date.and_then(|d| d.parse().ok()),
        paragraphs: vec!["The harbour strike went on.".into()],
        ..dossier::Article::default()
    };
    let mut articles = vec![report(0, Some("2024-03-04"))];
    articles.extend((1..30).map(|i| report(i, None)));
    let mut app = App::with_corpus(dossier::Corpus::from_articles(articles), 100, 12);
    // Where the title starts in the first row of the list (the dated report on top).
    let title_at = |app: &App| {
        let screen = render_at(app, 100, 12);
        let cells: Vec<String> = (0..100)
            .map(|x| screen.buffer()[(x, 1)].symbol().to_string())
            .collect();
        // The column (not the byte: markers are wide in UTF-8) where the title starts.
        (0..cells.len() - 6)
            .find(|&x| cells[x..x + 6].concat() == "Report")
            .expect("a title in the first row")
    };
    let top = title_at(&app);
    // At the bottom only undated reports are in view: the titles do not move left.
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(title_at(&app), top);
}

#[test]
fn story_rows_keep_the_columns_of_the_article_rows() {
    // The samples (a story of four reports, one of one) and an undated, unsourced report of
    // its own: every row's label or title starts in one column.
    let mut articles = dossier::Corpus::bundled().corpus.articles;
    articles.iter_mut().for_each(|a| a.mentions.clear());
    articles.push(dossier::Article {
        id: "zebra".into(),
        path: "zebra.txt".into(),
        title: "Zebra crossing repainted on the high street".into(),
        paragraphs: vec!["The council repainted the zebra crossing on Tuesday night.".into()],
        ..dossier::Article::default()
    });
    let corpus = dossier::Corpus::from_articles(articles);
    let stories = dossier::stories::group(&corpus);
    let titles: Vec<String> = corpus.articles.iter().map(|a| a.title.clone()).collect();
    let mut app = App::with_corpus(corpus, 120, 40);
    press(&mut app, KeyCode::Char('t'));
    // The largest story opened onto its reports.
    press(&mut app, KeyCode::Enter);
    let screen = render_at(&app, 120, 40);
    let mut starts = Vec::new();
    for y in 1..12u16 {
        let cells: Vec<String> = (0..52)
            .map(|x| screen.buffer()[(x, y)].symbol().to_string())
            .collect();
        let row = cells.concat();
        let texts = stories
            .stories
            .iter()
            .map(|s| s.label.as_str())
            .chain(titles.iter().map(String::as_str));
        let found = texts.filter_map(|t| {
            let head: String = t.chars().take(8).collect();
            (0..cells.len()).find(|&x| cells[x..].concat().starts_with(&head))
        });
        if let Some(x) = found.min() {
            starts.push((x, row));
        }
    }
    assert!(starts.len() >= 7, "{starts:#?}");
    assert!(starts.iter().all(|(x, _)| *x == starts[0].0), "{starts:#?}");
}

/// Thai reports: SARA AM (U+0E33) after its consonant, vowels and tone marks above and below.
fn thai_app(w: u16, h: u16) -> App {
    let titles = [
        "น้ำท่วมกรุงเทพฯ ทำให้ถนนหลายสายปิด",
        "ผู้ว่าฯ สั่งการให้เร่งระบายน้ำ",
        "Flood waters recede in the capital",
        "กำแพงกั้นน้ำพังที่ปทุมธานี",
        "Rain expected again this weekend",
    ];
    let articles = titles
        .iter()
        .enumerate()
        .map(|(i, t)| dossier::Article {
            id: format!("t{i}"),
            path: format!("t{i}.txt"),
            title: (*t).to_string(),
            source: Some(
                if i % 2 == 0 {
                    "ไทยรัฐ"
                } else {
                    "Bangkok Post"
                }
                .into(),
            ),
            date: format!("2024-10-0{}", i + 1).parse().ok(),
            paragraphs: vec![format!("{t}.")],
            ..dossier::Article::default()
        })
        .collect();
    App::with_corpus(dossier::Corpus::from_articles(articles), w, h)
}

#[test]
fn thai_titles_120x16() {
    insta::assert_snapshot!(render_at(&thai_app(120, 16), 120, 16));
}

/// What the crossterm backend writes, kept for a terminal emulator to read.
#[derive(Clone, Default)]
struct Written(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Written {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn thai_rows_redrawn_leave_no_ghost_on_the_terminal() {
    use ratatui::backend::CrosstermBackend;
    let (w, h) = (80u16, 16u16);
    let mut app = thai_app(w, h);
    let out = Written::default();
    let options = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, w, h)),
    };
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(out.clone()), options).expect("terminal");
    let nz = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
    let mut vt = vt100::Parser::new(nz(h), nz(w), 0);
    // Each step redraws rows: the sort reorders the titles, the help covers them and goes.
    let steps = [
        None,
        Some('s'),
        Some('s'),
        Some('j'),
        Some('?'),
        Some('q'),
        Some('S'),
    ];
    for step in steps {
        if let Some(c) = step {
            press(&mut app, KeyCode::Char(c));
        }
        let frame = terminal.draw(|f| ui::draw(&app, f)).expect("draw");
        let buffer = frame.buffer.clone();
        vt.process(&std::mem::take(&mut *out.0.borrow_mut()));
        let screen = vt.screen();
        for y in 0..h {
            // The row as ratatui means it and as the terminal shows it, column by column.
            let mut meant = String::new();
            let mut x = 0;
            while x < w {
                let cell = &buffer[(x, y)];
                meant.push_str(cell.symbol());
                x += unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
            }
            let shown: String = (0..w)
                .filter_map(|x| screen.cell(y, x))
                .filter(|c| !c.is_wide_continuation())
                .map(|c| match c.contents() {
                    "" => " ".to_string(),
                    s => s.to_string(),
                })
                .collect();
            assert_eq!(shown, meant, "after {step:?}, row {y}");
        }
    }
}
