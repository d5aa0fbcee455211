//! `update()` transitions on the hand-made fixture corpus.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::actors::ActorKind;
use crate::fixture;

fn app() -> App {
    App::with_corpus(fixture::sample(), 120, 40)
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn titles(app: &App) -> Vec<&str> {
    app.list
        .rows
        .iter()
        .map(|r| app.corpus.articles[r.article()].title.as_str())
        .collect()
}

fn actor_id(app: &App, name: &str) -> ActorId {
    app.corpus
        .actors
        .actors()
        .iter()
        .position(|a| a.name == name)
        .unwrap()
}

#[test]
fn starts_with_everything_newest_first() {
    let app = app();
    assert_eq!((app.shown(), app.total()), (6, 6));
    assert_eq!(app.list.sort, SortKey::Relevance);
    // Without a filter relevance is date order; the undated article comes last.
    assert_eq!(
        titles(&app)[0],
        "Militias threaten to resume attacks on US troops"
    );
    assert_eq!(
        titles(&app)[5],
        "Baghdad and Washington near deal on coalition exit"
    );
    assert!(app.list.read.iter().all(|r| !r));
}

#[test]
fn typing_filters_at_once_and_q_is_text_in_the_filter() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.focus(), Focus::Filter);
    typed(&mut app, "babel");
    assert_eq!(app.input(), "babel");
    assert_eq!(app.shown(), 2);
    typed(&mut app, "q");
    assert!(!app.should_quit());
    assert_eq!(app.shown(), 0);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.shown(), 2);
}

#[test]
fn esc_leaves_the_filter_then_clears_it_and_u_undoes() {
    let mut app = app();
    app.filter.chips.push(actor_id(&app, "Kataib Hezbollah"));
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "babel");
    assert_eq!(app.shown(), 1);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.shown(), 1);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.input(), "");
    assert!(app.filter.chips.is_empty());
    assert_eq!(app.shown(), 6);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("u to undo"))
    );
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.input(), "babel");
    assert_eq!(app.chip_names(), vec!["Kataib Hezbollah"]);
    assert_eq!(app.shown(), 1);
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.message.as_deref(), Some("nothing to undo"));
    assert_eq!(app.shown(), 1);
    // Once a new filter is typed, u does not bring the cleared one back over it.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "drone");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.input(), "drone");
}

#[test]
fn esc_in_the_reader_or_actors_goes_back_to_the_list_keeping_the_filter() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "@lami");
    let shown = app.shown();
    assert!(shown > 0 && shown < 6);
    // The reported sequence: filter, Enter (list), Enter (open), Esc.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Reader);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::List);
    assert_eq!((app.input(), app.shown()), ("@lami", shown));
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.input(), "@lami");
}

#[test]
fn at_terms_keep_only_articles_naming_the_actor() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "@lami");
    // Haider Al Lami is in two articles; "Islamic" and "Mobilization" do not count.
    assert_eq!(app.shown(), 2);
    key(&mut app, KeyCode::Char('w'));
    typed(&mut app, "x");
    assert_eq!(app.shown(), 0);
}

#[test]
fn enter_opens_and_marks_read() {
    let mut app = app();
    key(&mut app, KeyCode::Char('j'));
    let art = app.selected_article().unwrap();
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Reader);
    assert!(app.list.read[art]);
    assert_eq!(app.reader.article, art);
    // j now scrolls the reading view, not the list.
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected_article(), Some(art));
}

#[test]
fn selecting_actors_filters_to_articles_mentioning_all_of_them() {
    let mut app = app();
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.focus(), Focus::Actors);
    // The first row is a heading; the selection starts on the first actor.
    assert!(matches!(
        app.side.rows[0],
        SideRow::Header {
            kind: ActorKind::Person,
            ..
        }
    ));
    assert!(matches!(
        app.side.rows[app.side.cursor.sel],
        SideRow::Actor { .. }
    ));
    let lami = actor_id(&app, "Haider Al Lami");
    let i = app
        .side
        .rows
        .iter()
        .position(|r| matches!(r, SideRow::Actor { id, .. } if *id == lami))
        .unwrap();
    while app.side.cursor.sel < i {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.chip_names(), vec!["Haider Al Lami"]);
    assert_eq!(app.shown(), 2);
    // Facets follow the list: Babel is in neither article any more.
    let babel = actor_id(&app, "Babel");
    assert!(
        !app.side
            .rows
            .iter()
            .any(|r| matches!(r, SideRow::Actor { id, .. } if *id == babel))
    );
    // The selection stayed on the same actor, whose count is now the whole list.
    assert!(
        matches!(app.side.rows[app.side.cursor.sel], SideRow::Actor { id, count: 2 } if id == lami)
    );
    // Enter again unselects.
    key(&mut app, KeyCode::Enter);
    assert!(app.filter.chips.is_empty());
    assert_eq!(app.shown(), 6);
}

#[test]
fn facet_counts_follow_the_filter() {
    let mut app = app();
    let count = |app: &App, name: &str| {
        let id = actor_id(app, name);
        app.side.rows.iter().find_map(|r| match r {
            SideRow::Actor { id: i, count } if *i == id => Some(*count),
            _ => None,
        })
    };
    assert_eq!(count(&app, "Washington"), Some(3));
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "after:2024-08");
    assert_eq!(count(&app, "Washington"), Some(2));
    assert_eq!(count(&app, "Babel"), None);
}

#[test]
fn backspace_on_an_empty_filter_removes_the_last_chip() {
    let mut app = app();
    app.filter.chips.push(0);
    app.refilter_full();
    assert_eq!(app.shown(), 3);
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Backspace);
    assert!(app.filter.chips.is_empty());
    assert_eq!(app.shown(), 6);
}

#[test]
fn sort_cycles_date_source_title_relevance() {
    let mut app = app();
    // Unfiltered, relevance is date order: it says so, and `s` moves on to a new order.
    assert_eq!(app.sort_shown(), SortKey::Date);
    let mut seen = Vec::new();
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('s'));
        seen.push(app.sort_shown());
    }
    assert_eq!(seen, vec![SortKey::Source, SortKey::Title, SortKey::Date]);
    assert_eq!(app.list.sort, SortKey::Relevance);
    // Filtered, all four orders differ.
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "iraq");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::List);
    let mut seen = Vec::new();
    for _ in 0..4 {
        key(&mut app, KeyCode::Char('s'));
        seen.push(app.sort_shown());
    }
    assert_eq!(
        seen,
        vec![
            SortKey::Date,
            SortKey::Source,
            SortKey::Title,
            SortKey::Relevance
        ]
    );
    let mut app = crate::app::tests::app();
    key(&mut app, KeyCode::Char('s'));
    // By source: AP first, the unsourced article last.
    assert_eq!(titles(&app)[0], "Rockets target Ain al-Asad airbase");
    assert_eq!(
        titles(&app)[5],
        "Baghdad and Washington near deal on coalition exit"
    );
}

#[test]
fn clearing_the_filter_shows_the_list_in_the_order_the_bar_names() {
    let mut app = app();
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.sort_shown(), SortKey::Source);
    let by_source = titles(&app)
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "iraq");
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    assert_eq!(
        titles(&app),
        by_source,
        "Backspace's cached list, re-sorted by source"
    );
    // And the other way round: results cached under source order, shown after re-sorting.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.sort_shown(), SortKey::Date);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "iraq");
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    let dated: Vec<_> = app
        .list
        .articles
        .iter()
        .map(|r| app.corpus.articles[r.article()].date)
        .collect();
    let mut want = dated.clone();
    want.sort_by(|a, b| match (a, b) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    assert_eq!(dated, want, "newest first, undated last");
}

#[test]
fn sorting_keeps_the_selected_article() {
    let mut app = app();
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    let art = app.selected_article();
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.selected_article(), art);
}

#[test]
fn relevance_ranks_title_matches_above_body_matches() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "ceasefire");
    // Only one article says "ceasefire"; it is in its title and its body.
    assert_eq!(
        titles(&app),
        vec!["No ceasefire exists, Nujaba leader says"]
    );
    key(&mut app, KeyCode::Char('w'));
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    for _ in 0.."ceasefire".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "strike");
    // "Drone strike ..." (title) before the article with "strike" only in its body.
    assert_eq!(titles(&app)[0], "Drone strike hits PMF base in Babel");
    assert!(app.shown() >= 2);
}

#[test]
fn n_jumps_between_matches_in_the_reader() {
    let mut app = App::with_corpus(fixture::sample(), 120, 12);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "washington");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::List);
    key(&mut app, KeyCode::Enter);
    assert!(!app.reader.matches.is_empty());
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.reader.current, Some(0));
    let first = app.reader.scroll;
    key(&mut app, KeyCode::Char('n'));
    if app.reader.matches.len() > 1 {
        assert!(app.reader.scroll >= first);
    }
    key(&mut app, KeyCode::Char('N'));
    assert_eq!(app.reader.current, Some(0));
}

#[test]
fn help_is_modal_and_closes_with_q_or_esc() {
    let mut app = app();
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.context(), Context::Overlay);
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.focus(), Focus::List);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.overlay.is_none());
    key(&mut app, KeyCode::Char('?'));
    key(&mut app, KeyCode::Char('?'));
    assert!(app.overlay.is_none());
    key(&mut app, KeyCode::Char('?'));
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
    assert!(!app.should_quit());
    key(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}

#[test]
fn tab_cycles_the_four_panes() {
    let mut app = app();
    let mut seen = vec![app.focus()];
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
        seen.push(app.focus());
    }
    assert_eq!(
        seen,
        vec![
            Focus::List,
            Focus::Reader,
            Focus::Actors,
            Focus::Filter,
            Focus::List
        ]
    );
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus(), Focus::Filter);
}

#[test]
fn narrow_actor_overlay_toggles_with_a() {
    let mut app = App::with_corpus(fixture::sample(), 70, 24);
    assert!(!app.panes().show_actors);
    key(&mut app, KeyCode::Char('a'));
    assert!(app.panes().show_actors);
    key(&mut app, KeyCode::Char('a'));
    assert!(!app.panes().show_actors);
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn single_pane_mode_goes_back_to_the_list_with_esc() {
    let mut app = App::with_corpus(fixture::sample(), 50, 20);
    key(&mut app, KeyCode::Enter);
    assert!(app.panes().show_reader && !app.panes().show_list);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn list_scrolls_to_keep_the_selection_visible() {
    let mut app = App::with_corpus(fixture::sample(), 120, 6);
    // 6 rows high: 2 bottom rows, 2 border rows, 2 list rows.
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.list.cursor.sel, 5);
    assert_eq!(app.list.cursor.offset, 4);
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.list.cursor.offset, 0);
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.list.cursor.sel, 2);
}

#[test]
fn clicks_focus_and_select_and_wheel_scrolls() {
    let mut app = app();
    let p = app.panes();
    let inner = layout::inner(p.list);
    // Click the third row.
    app.update(Action::Click {
        column: inner.x + 3,
        row: inner.y + 2,
    });
    assert_eq!(app.list.cursor.sel, 2);
    // Clicking it again opens it.
    app.update(Action::Click {
        column: inner.x + 3,
        row: inner.y + 2,
    });
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::Wheel {
        column: inner.x + 1,
        row: inner.y + 1,
        down: true,
    });
    assert_eq!(app.list.cursor.sel, 5);
    app.update(Action::Click {
        column: p.filter.x + 5,
        row: p.filter.y,
    });
    assert_eq!(app.focus(), Focus::Filter);
}

#[test]
fn loading_progress_then_arrival_keeps_the_typed_filter() {
    let mut app = App::new(100, 30);
    app.update(Action::Progress { done: 3, total: 10 });
    assert_eq!(app.load, LoadState::Loading { done: 3, total: 10 });
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "babel");
    app.update(Action::Loaded(Box::new(Loaded::from_corpus(
        fixture::sample(),
    ))));
    assert_eq!(app.load, LoadState::Ready);
    assert_eq!(app.shown(), 2);
}

#[test]
fn resize_rewraps_the_reading_view() {
    let mut app = app();
    let before = app.reader.lines.len();
    app.update(Action::Resize {
        width: 60,
        height: 40,
    });
    assert!(app.reader.lines.len() > before);
    assert!(app.reader.width < 40);
    // Very wide: lines stop at 80 columns.
    app.update(Action::Resize {
        width: 250,
        height: 40,
    });
    assert_eq!(app.reader.width, layout::READ_WIDTH);
}

#[test]
fn nothing_panics_on_an_empty_corpus_or_tiny_terminal() {
    let mut app = App::with_corpus(Corpus::default(), 1, 1);
    for code in [
        KeyCode::Down,
        KeyCode::Enter,
        KeyCode::Char('n'),
        KeyCode::Char('a'),
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::PageDown,
        KeyCode::Char('G'),
        KeyCode::Char('/'),
        KeyCode::Char('x'),
        KeyCode::Left,
        KeyCode::Backspace,
        KeyCode::Esc,
        KeyCode::Esc,
    ] {
        key(&mut app, code);
    }
    app.update(Action::Click { column: 0, row: 0 });
    assert_eq!(app.shown(), 0);
}

#[test]
fn cursor_editing_handles_multibyte_text() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "été x");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.input(), "ét x");
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('Z'));
    assert_eq!(app.input(), "éZt x");
    app.update(Action::DeleteWord);
    assert_eq!(app.input(), "t x");
}

#[test]
fn delete_word_after_a_wide_space_keeps_char_boundaries() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "iraq\u{a0}x");
    app.update(Action::DeleteWord);
    assert_eq!(app.input(), "iraq\u{a0}");
    app.update(Action::DeleteWord);
    assert_eq!(app.input(), "");
}

#[test]
fn a_burst_of_typing_searches_once_but_other_keys_see_fresh_results() {
    let mut app = app();
    app.apply(Action::FocusFilter);
    for c in "babel".chars() {
        app.apply(Action::Insert(c));
    }
    // Not searched yet: the list is still everything.
    assert_eq!(app.shown(), 6);
    assert!(app.search.pending);
    // Moving in the list must act on the new results.
    app.apply(Action::Down);
    assert!(!app.search.pending);
    assert_eq!(app.shown(), 2);
    assert_eq!(app.list.cursor.sel, 1);
    app.apply(Action::Insert('x'));
    app.settle();
    assert_eq!(app.shown(), 0);
}

/// The fixture with load problems.
fn app_with_problems(n: usize) -> App {
    let mut app = App::new(120, 40);
    let problems = (0..n)
        .map(|i| Problem {
            path: format!("notes/bad{i}\u{1b}[2J.txt").into(),
            kind: crate::problem::ProblemKind::Skipped,
            reason: "binary content".into(),
        })
        .collect();
    let mut loaded = Loaded::from_corpus(fixture::sample());
    loaded.problems = problems;
    app.update(Action::Loaded(Box::new(loaded)));
    app
}

#[test]
fn p_shows_the_load_problems_in_a_scrolling_overlay() {
    let mut app = app();
    key(&mut app, KeyCode::Char('p'));
    assert!(app.overlay.is_none());
    assert_eq!(app.message.as_deref(), Some("no load problems"));
    let mut app = app_with_problems(3);
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(app.overlay, Some((Overlay::Problems, 0)));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.overlay, Some((Overlay::Problems, 2)));
    // Keys for the panes wait; ? switches to the help; Esc closes.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::List);
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, Some((Overlay::Help, 0)));
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
}

#[test]
fn n_counts_matches_not_lines_and_restarts_from_the_view_after_g() {
    let mut app = App::with_corpus(fixture::sample(), 120, 12);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "washington");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    let n = app.reader.matches.len();
    assert!(n >= 2, "{n}");
    // The count is per match in the text: the same at any width.
    for w in [101, 130, 200, 70, 50] {
        app.update(Action::Resize {
            width: w,
            height: 12,
        });
        assert_eq!(app.reader.matches.len(), n, "width {w}");
    }
    app.update(Action::Resize {
        width: 120,
        height: 12,
    });
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.reader.current, Some(1));
    // After G the view is at the end: n starts from the view, not from match 2.
    key(&mut app, KeyCode::Char('G'));
    let top = app.reader.scroll;
    key(&mut app, KeyCode::Char('n'));
    let c = app.reader.current.unwrap_or(usize::MAX);
    let first_below = app
        .reader
        .matches
        .iter()
        .position(|&l| l >= top)
        .unwrap_or(0);
    assert_eq!(c, first_below);
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.reader.current, Some(0));
}

#[test]
fn another_article_starts_jumping_from_its_first_match() {
    let mut app = App::with_corpus(fixture::sample(), 120, 12);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "washington");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.reader.current, None);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.reader.current, Some(0));
}

#[test]
fn capital_s_reverses_the_order() {
    let mut app = app();
    let before = titles(&app)
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    key(&mut app, KeyCode::Char('S'));
    assert!(app.list.reverse);
    let after = titles(&app)
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    // Oldest first; the undated article stays last, reading in date order either way.
    let (undated, dated) = before.split_last().expect("rows");
    let mut expected: Vec<String> = dated.iter().rev().cloned().collect();
    expected.push(undated.clone());
    assert_eq!(after, expected);
    // A filter typed now ranks by relevance, best first: reversing never puts the least
    // relevant first, only the date order relevance falls back on.
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "iraq");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.sort_shown(), SortKey::Relevance);
    let best = titles(&app)[0].to_string();
    key(&mut app, KeyCode::Char('S'));
    assert!(!app.list.reverse);
    assert_eq!(titles(&app)[0], best);
    key(&mut app, KeyCode::Char('S'));
    assert_eq!(titles(&app)[0], best);
    // Cycling keeps the direction; no message repeats what the status bar says.
    key(&mut app, KeyCode::Char('s'));
    assert!(app.list.reverse);
    assert_eq!(app.message, None);
}

/// The stories the list shows, in its order.
fn story_rows(app: &App) -> Vec<usize> {
    app.list
        .rows
        .iter()
        .filter_map(|r| match r {
            ListRow::Story { story, .. } => Some(*story),
            _ => None,
        })
        .collect()
}

#[test]
fn the_stories_view_follows_the_sort_it_names() {
    let mut app = seeds_app();
    press(&mut app, 't');
    let stories = app.stories.clone().expect("stories");
    let labels = |app: &App| -> Vec<String> {
        story_rows(app)
            .iter()
            .map(|&s| stories.stories[s].label.to_lowercase())
            .collect()
    };
    while app.sort_shown() != SortKey::Title {
        press(&mut app, 's');
    }
    let by_title = labels(&app);
    assert!(by_title.len() > 1, "{by_title:?}");
    assert!(
        by_title.is_sorted_by(|a, b| a.trim_start_matches(|c: char| !c.is_alphanumeric())
            <= b.trim_start_matches(|c: char| !c.is_alphanumeric())),
        "{by_title:?}"
    );
    press(&mut app, 'S');
    let mut back = labels(&app);
    back.reverse();
    assert_eq!(back, by_title);
    while app.sort_shown() != SortKey::Date {
        press(&mut app, 's');
    }
    // Reversed date order: oldest story first by its first report, undated stories last.
    let firsts: Vec<_> = story_rows(&app)
        .iter()
        .map(|&s| stories.stories[s].first)
        .collect();
    let dated = firsts.iter().take_while(|d| d.is_some()).count();
    assert!(dated > 1, "{firsts:?}");
    assert!(firsts[dated..].iter().all(Option::is_none), "{firsts:?}");
    assert!(firsts[..dated].is_sorted(), "{firsts:?}");
    // Newest first by the latest report.
    press(&mut app, 'S');
    let lasts: Vec<_> = story_rows(&app)
        .iter()
        .map(|&s| stories.stories[s].last)
        .collect();
    let dated = lasts.iter().take_while(|d| d.is_some()).count();
    assert!(
        dated > 1 && lasts[dated..].iter().all(Option::is_none),
        "{lasts:?}"
    );
    assert!(lasts[..dated].is_sorted_by(|a, b| a >= b), "{lasts:?}");
}

#[test]
fn an_article_selected_for_a_while_counts_as_read() {
    let mut app = app();
    key(&mut app, KeyCode::Char('j'));
    let art = app.selected_article().unwrap_or(usize::MAX);
    assert!(!app.is_read(art));
    app.update(Action::Dwell);
    assert!(app.is_read(art));
    // The list keeps the focus: reading is only marked, nothing opens.
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn read_marks_arrive_with_the_corpus_and_new_ones_are_queued_once() {
    let mut loaded = Loaded::from_corpus(fixture::sample());
    let mut marks = crate::read_marks::ReadMarks::none();
    let earlier = crate::read_marks::fingerprint(&loaded.corpus.articles[1]);
    marks.record(earlier).expect("kept in memory");
    loaded.mark_read(&marks);
    let mut app = App::new(120, 40);
    app.update(Action::Loaded(Box::new(loaded)));
    assert!(app.is_read(1));
    assert!(!app.is_read(0));
    // Reading an earlier-read article queues nothing; a new one is queued once.
    app.mark_read(1);
    assert!(app.take_read().is_empty());
    app.mark_read(0);
    app.mark_read(0);
    let fresh = crate::read_marks::fingerprint(&app.corpus.articles[0]);
    assert_eq!(app.take_read(), vec![fresh]);
    assert!(app.take_read().is_empty());
}

#[test]
fn r_reloads_keeping_the_filter_chips_selection_and_read_marks() {
    let mut app = app();
    app.filter.chips.push(actor_id(&app, "Kataib Hezbollah"));
    app.refilter_full();
    let listed = app.shown();
    assert!(listed >= 2, "the chip keeps several articles");
    key(&mut app, KeyCode::Char('j'));
    app.update(Action::Dwell);
    let sel = app.selected_article().unwrap_or(usize::MAX);
    let fp = crate::read_marks::fingerprint(&app.corpus.articles[sel]);
    assert!(app.is_read(sel));

    key(&mut app, KeyCode::Char('r'));
    assert!(app.take_reload());
    assert!(!app.take_reload(), "asked once");
    assert_eq!(app.reload_progress(), Some((0, 0)));
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(app.message.as_deref(), Some("still loading"));
    assert!(!app.take_reload());
    app.update(Action::Progress { done: 3, total: 6 });
    assert_eq!(app.reload_progress(), Some((3, 6)));
    // The old corpus stays on screen while the new one loads.
    assert_eq!(app.shown(), listed);

    // On disk meanwhile: another article was removed, the actors come in another order.
    let old = fixture::sample();
    let gone = if sel == 0 { 1 } else { 0 };
    let articles: Vec<_> = (0..old.articles.len())
        .filter(|&a| a != gone)
        .map(|a| old.articles[a].clone())
        .collect();
    let mut actors = old.actors.actors().to_vec();
    actors.reverse();
    let new = fixture::corpus_from(articles, actors);
    app.update(Action::Loaded(Box::new(Loaded::from_corpus(new))));
    assert_eq!(app.reload_progress(), None);
    assert_eq!(app.total(), 5);
    assert_eq!(app.chip_names(), vec!["Kataib Hezbollah"]);
    let now = app.selected_article().unwrap_or(usize::MAX);
    assert_eq!(
        crate::read_marks::fingerprint(&app.corpus.articles[now]),
        fp
    );
    assert!(app.is_read(now), "this session's marks carry over");
    assert_eq!(app.message.as_deref(), Some("reloaded: 5 articles"));
}

/// Runs the newest search the worker would have been handed, as the worker would.
fn run_search(app: &mut App) {
    if let Some(req) = app.take_search()
        && let Some(results) = search::run(&req, &|| false)
    {
        app.update(Action::SearchDone(Box::new(results)));
    }
}

#[test]
fn typing_before_a_reload_is_searched_does_not_start_from_the_old_list() {
    let mut app = app();
    app.use_search_worker();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "iraq");
    run_search(&mut app);
    let before = app.shown();
    assert!(before > 0);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('r'));
    assert!(app.take_reload());
    app.update(Action::Loaded(Box::new(Loaded::from_corpus(
        fixture::sample(),
    ))));
    // The new corpus' full search is in flight; a letter typed and deleted meanwhile.
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "x");
    key(&mut app, KeyCode::Backspace);
    run_search(&mut app);
    assert_eq!(app.shown(), before);
    typed(&mut app, " baghdad");
    run_search(&mut app);
    assert!(
        app.shown() > 0,
        "narrowing searched the new corpus, not an empty list"
    );
}

#[test]
fn a_reload_maps_chips_and_undo_by_name_and_kind_each_actor_once() {
    let mut app = app();
    let kh = actor_id(&app, "Kataib Hezbollah");
    app.filter.chips.push(kh);
    app.refilter_full();
    key(&mut app, KeyCode::Esc);
    assert!(
        app.filter.chips.is_empty(),
        "Esc cleared the chip, u would bring it back"
    );
    key(&mut app, KeyCode::Char('r'));
    assert!(app.take_reload());
    let old = fixture::sample();
    let mut actors = old.actors.actors().to_vec();
    actors.reverse();
    let new = fixture::corpus_from(old.articles.clone(), actors);
    app.update(Action::Loaded(Box::new(Loaded::from_corpus(new))));
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.chip_names(), vec!["Kataib Hezbollah"]);

    // The sidebar's cursor stays on its actor, whose id and place changed.
    app.filter.chips.clear();
    app.refilter_full();
    let kh = actor_id(&app, "Kataib Hezbollah");
    app.side.cursor.sel = app
        .side
        .rows
        .iter()
        .position(|r| matches!(r, sidebar::SideRow::Actor { id, .. } if *id == kh))
        .expect("listed");
    key(&mut app, KeyCode::Char('r'));
    assert!(app.take_reload());
    let old = fixture::sample();
    let mut actors = old.actors.actors().to_vec();
    actors.rotate_left(3);
    let new = fixture::corpus_from(old.articles[1..].to_vec(), actors);
    app.update(Action::Loaded(Box::new(Loaded::from_corpus(new))));
    let now = app
        .side
        .selected()
        .map(|id| app.corpus.actors.actors()[id].name.as_str());
    assert_eq!(now, Some("Kataib Hezbollah"));

    // Two actors of one name: each chip finds its own.
    let twins = vec![
        crate::actors::Actor {
            name: "Jordan".into(),
            kind: ActorKind::Place,
            aliases: vec!["Jordan".into()],
        },
        crate::actors::Actor {
            name: "Jordan".into(),
            kind: ActorKind::Person,
            aliases: vec!["Jordan".into()],
        },
    ];
    let named = vec![
        ("Jordan".to_string(), ActorKind::Person),
        ("Jordan".to_string(), ActorKind::Place),
        ("Jordan".to_string(), ActorKind::Place),
    ];
    assert_eq!(remap_chips(&twins, &named), vec![1, 0]);
}

#[test]
fn a_reload_keeps_an_edited_file_selected_read_and_scrolled() {
    // Short enough that the article scrolls.
    let mut app = App::with_corpus(fixture::sample(), 120, 12);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    let (sel, scroll) = (
        app.selected_article().unwrap_or(usize::MAX),
        app.reader.scroll,
    );
    assert!(scroll > 0 && app.is_read(sel));
    key(&mut app, KeyCode::Char('r'));
    assert!(app.take_reload());
    let mut new = fixture::sample();
    new.articles[sel].title.push_str(" (updated)");
    new.articles.swap(0, 5);
    let at = if sel == 0 {
        5
    } else if sel == 5 {
        0
    } else {
        sel
    };
    app.update(Action::Loaded(Box::new(Loaded::from_corpus(new))));
    assert_eq!(
        app.selected_article(),
        Some(at),
        "the same file, headline edited"
    );
    assert!(app.is_read(at));
    assert_eq!(app.reader.scroll, scroll);
}

#[test]
fn a_failed_reload_keeps_the_articles_and_standard_input_is_not_reread() {
    let mut app = app();
    key(&mut app, KeyCode::Char('r'));
    assert!(app.take_reload());
    app.update(Action::LoadFailed("no such folder".into()));
    assert_eq!(app.total(), 6);
    assert!(matches!(app.load, LoadState::Ready));
    assert_eq!(
        app.message.as_deref(),
        Some("reload failed: no such folder")
    );
    assert_eq!(app.reload_progress(), None);

    app.set_can_reload(false);
    key(&mut app, KeyCode::Char('r'));
    assert!(!app.take_reload());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("standard input"))
    );
}

#[test]
fn bad_filter_terms_are_reported_and_left_out() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "after:garbage");
    assert_eq!(app.filter.query.errors.len(), 1);
    // Left out of the search (so everything is listed), but not silently.
    assert_eq!(app.shown(), 6);
    key(&mut app, KeyCode::Char('w'));
    app.update(Action::ClearInput);
    typed(&mut app, "date:2024-13");
    assert_eq!(app.filter.query.errors.len(), 1);
}

#[test]
fn compact_dates_when_the_corpus_has_one_year() {
    let app = app();
    assert_eq!(app.list.year, Some(2024));
}

#[test]
fn with_a_worker_typing_shows_at_once_and_only_the_newest_results_land() {
    let mut app = app();
    app.use_search_worker();
    app.update(Action::FocusFilter);
    app.update(Action::Insert('b'));
    // The keystroke is on the line before any search has run.
    assert_eq!(app.input(), "b");
    assert_eq!(app.shown(), 6);
    assert!(app.searching());
    let older = app.take_search().expect("a request for 'b'");
    for c in "abel".chars() {
        app.update(Action::Insert(c));
    }
    let newer = app.take_search().expect("a request for 'babel'");
    assert!(newer.generation > older.generation);
    assert!(app.take_search().is_none());
    // The older search finishing late changes nothing.
    let late = search::run(&older, &|| false).expect("runs");
    app.update(Action::SearchDone(Box::new(late)));
    assert_eq!(app.shown(), 6);
    let done = search::run(&newer, &|| false).expect("runs");
    app.update(Action::SearchDone(Box::new(done)));
    assert_eq!(app.shown(), 2);
    assert!(!app.searching());
    // The rows in view came with their match positions: drawing computes none.
    let first = app.list.rows[0].article();
    assert!(!app.list.marks[&first].title.is_empty());
}

#[test]
fn typing_back_to_the_shown_filter_cancels_the_wait() {
    let mut app = app();
    app.use_search_worker();
    app.update(Action::FocusFilter);
    app.update(Action::Insert('x'));
    assert!(app.take_search().is_some());
    app.update(Action::DeleteBack);
    assert!(!app.searching());
    assert!(app.take_search().is_none());
    assert_eq!(app.shown(), 6);
}

/// The bundled seeds: four retellings of one event and a statement from another day.
fn seeds_app() -> App {
    App::with_corpus(crate::corpus::Corpus::bundled().corpus, 120, 40)
}

/// Selects the first story of several reports in the stories list and opens it.
fn open_a_story_of_several_reports(app: &mut App) {
    let big = app
        .list
        .rows
        .iter()
        .position(|r| matches!(r, ListRow::Story { listed, .. } if *listed > 1))
        .expect("a story of several reports");
    app.list.cursor.sel = big;
    key(app, KeyCode::Enter);
}

fn press(app: &mut App, c: char) {
    key(app, KeyCode::Char(c));
}

#[test]
fn t_lists_stories_and_enter_opens_one_onto_its_reports() {
    let mut app = seeds_app();
    assert_eq!(app.list.rows.len(), 5);
    press(&mut app, 't');
    let stories: Vec<_> = app
        .list
        .rows
        .iter()
        .filter(|r| matches!(r, ListRow::Story { .. }))
        .collect();
    assert_eq!(app.list.rows.len(), stories.len());
    assert!(stories.len() < 5, "some reports share a story");
    // Counts and facets are still over articles.
    assert_eq!(app.shown(), 5);
    open_a_story_of_several_reports(&mut app);
    assert!(matches!(
        app.list.rows[app.list.cursor.sel],
        ListRow::Member(_)
    ));
    assert_eq!(app.focus(), Focus::List);
    // The reading view names the other reports.
    assert!(!app.reader.others.is_empty());
    let text: String = app.reader.lines[..6]
        .iter()
        .flat_map(|l| &l.segs)
        .map(|s| s.text.as_str())
        .collect();
    assert!(text.contains("Also reported by"), "{text}");
    // Enter on a report opens it; t goes back to articles with the same article selected.
    let art = app.selected_article();
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Focus::Reader);
    key(&mut app, KeyCode::Esc);
    press(&mut app, 't');
    assert!(
        app.list
            .rows
            .iter()
            .all(|r| matches!(r, ListRow::Article(_)))
    );
    assert_eq!(app.selected_article(), art);
}

#[test]
fn a_reload_opens_again_the_stories_that_were_open() {
    let mut app = seeds_app();
    press(&mut app, 't');
    open_a_story_of_several_reports(&mut app);
    key(&mut app, KeyCode::Char('j'));
    let art = app.selected_article();
    let rows = app.list.rows.len();
    key(&mut app, KeyCode::Char('r'));
    assert!(app.take_reload());
    let corpus = crate::Corpus::bundled().corpus;
    let stories = Arc::new(crate::stories::group(&corpus));
    app.update(Action::Loaded(Box::new(Loaded::from_corpus(corpus))));
    app.update(Action::StoriesReady(stories));
    assert_eq!(app.list.rows.len(), rows, "the story is open again");
    assert_eq!(app.selected_article(), art);
    assert!(matches!(
        app.list.rows[app.list.cursor.sel],
        ListRow::Member(_)
    ));
}

#[test]
fn filters_apply_to_stories_too() {
    let mut app = seeds_app();
    press(&mut app, 't');
    press(&mut app, '/');
    typed(&mut app, "washington");
    key(&mut app, KeyCode::Enter);
    let listed: usize = app
        .list
        .rows
        .iter()
        .map(|r| match r {
            ListRow::Story { listed, .. } => *listed,
            _ => 0,
        })
        .sum();
    assert_eq!(listed, app.shown());
    assert!(app.shown() < 5);
}

#[test]
fn passages_only_one_report_carries_are_marked_and_jumped_to() {
    let mut app = seeds_app();
    let three = app
        .list
        .rows
        .iter()
        .position(|r| app.corpus.articles[r.article()].id.starts_with("003"))
        .expect("seed 003");
    app.list.cursor.sel = three;
    key(&mut app, KeyCode::Enter);
    assert!(!app.reader.uniques.is_empty());
    let marked = app.reader.lines.iter().filter(|l| l.only_here).count();
    assert!(marked > 0);
    press(&mut app, ']');
    let first = app.reader.uniques[0];
    assert_eq!(app.reader.scroll, first.saturating_sub(1));
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .starts_with("only in this report")
    );
}

#[test]
fn quotes_open_by_speaker_and_close_with_the_same_key() {
    let mut app = seeds_app();
    let zero = app
        .list
        .rows
        .iter()
        .position(|r| app.corpus.articles[r.article()].id.starts_with("000"))
        .expect("seed 000");
    app.list.cursor.sel = zero;
    app.update(Action::Dwell);
    press(&mut app, '"');
    assert_eq!(app.overlay, Some((Overlay::Quotes, 0)));
    assert!(matches!(app.quotes[0], quotes::QuoteLine::Speaker { .. }));
    let tamimi = app
        .quotes
        .iter()
        .any(|l| matches!(l, quotes::QuoteLine::Speaker { name, .. } if name.contains("Tamimi")));
    assert!(tamimi, "{:?}", app.quotes);
    press(&mut app, '"');
    assert!(app.overlay.is_none());
}

#[test]
fn enter_in_the_quotes_reads_the_report_of_the_top_quote() {
    let mut app = seeds_app();
    app.update(Action::ToggleStories);
    // The story with the most reports, opened onto its quotes.
    let biggest = (0..app.list.rows.len())
        .max_by_key(|&i| match app.list.rows[i] {
            ListRow::Story { listed, .. } => listed,
            _ => 0,
        })
        .expect("a story");
    app.list.cursor.sel = biggest;
    press(&mut app, '"');
    assert_eq!(app.overlay.map(|o| o.0), Some(Overlay::Quotes));
    // Scroll to a quote that another report than the one shown carries.
    let shown = app.selected_article();
    let at = (0..app.quotes.len())
        .find(|&k| quotes::quote_at(&app.quotes, k).is_some_and(|(_, a)| Some(a) != shown))
        .expect("a quote from another report of the story");
    let want = quotes::quote_at(&app.quotes, at).map(|(_, a)| a);
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none());
    assert_eq!(app.selected_article(), want);
    assert_eq!(app.focus, Focus::Reader);
    // A quote of the story's first report selects that report's own row, not the story's
    // (Enter there would close the story).
    let lead = shown.expect("the story's first report");
    app.list.cursor.sel = app
        .list
        .rows
        .iter()
        .position(|r| matches!(r, ListRow::Story { .. }) && r.article() == lead)
        .expect("the story row");
    press(&mut app, '"');
    let at = (0..app.quotes.len())
        .find(|&k| quotes::quote_at(&app.quotes, k).is_some_and(|(_, a)| a == lead))
        .expect("a quote of the first report");
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.selected_article(), Some(lead));
    assert!(matches!(
        app.list.rows[app.list.cursor.sel],
        ListRow::Member(_)
    ));
}

/// The first sample article that `keep` accepts.
fn sample_where(app: &App, keep: impl Fn(&crate::Article) -> bool) -> usize {
    app.corpus
        .articles
        .iter()
        .position(keep)
        .expect("a sample article of that kind")
}

#[test]
fn o_lists_the_links_and_enter_opens_only_web_links() {
    let mut app = seeds_app();
    let with_links = sample_where(&app, |a| !a.links.is_empty());
    let without = sample_where(&app, |a| a.links.is_empty());
    app.list.select_article(Some(without));
    press(&mut app, 'o');
    assert_eq!(app.overlay, None);
    assert_eq!(app.message.as_deref(), Some("no links in this article"));
    app.list.select_article(Some(with_links));
    press(&mut app, 'o');
    assert_eq!(app.overlay, Some((Overlay::Links, 0)));
    key(&mut app, KeyCode::Enter);
    let url = app.take_open_url().expect("a link to open");
    assert!(url.starts_with("http"), "{url}");
    assert_eq!(app.take_open_url(), None);
    // Only web links reach the browser: an article cannot make it run a file or a script.
    let mut corpus = (*app.corpus).clone();
    corpus.articles[with_links].links = vec!["file:///etc/passwd".into(), "javascript:x()".into()];
    app.corpus = std::sync::Arc::new(corpus);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.take_open_url(), None);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("not a web link"))
    );
    // `o` again closes.
    press(&mut app, 'o');
    assert_eq!(app.overlay, None);
}

#[test]
fn unfiltered_stories_come_largest_first_as_dossier_stories_lists_them() {
    // The samples (a story of four reports, one of one) and a newer report of its own: by
    // date it would come first, by size it comes after the four, before the older one.
    let mut articles = crate::corpus::Corpus::bundled().corpus.articles;
    articles.iter_mut().for_each(|a| a.mentions.clear());
    articles.push(crate::article::Article {
        id: "zebra".into(),
        path: "zebra.txt".into(),
        title: "Zebra crossing repainted on the high street".into(),
        date: chrono::NaiveDate::from_ymd_opt(2024, 9, 30),
        paragraphs: vec!["The council repainted the zebra crossing on Tuesday night.".into()],
        ..Default::default()
    });
    let zebra = articles.len() - 1;
    let mut app = App::with_corpus(crate::corpus::Corpus::from_articles(articles), 120, 40);
    press(&mut app, 't');
    let stories = app.stories.clone().expect("stories");
    // `dossier stories` prints `stories.stories` in order: largest first, ties newest.
    assert_eq!(
        story_rows(&app),
        (0..stories.stories.len()).collect::<Vec<_>>()
    );
    assert_eq!(story_rows(&app).len(), 3);
    assert_eq!(stories.stories[story_rows(&app)[0]].articles.len(), 4);
    assert_eq!(Some(story_rows(&app)[1]), stories.story_of(zebra));
    assert_eq!(app.sort_shown(), SortKey::Size);
    // A named order still rules: by date the newest story comes first.
    while app.sort_shown() != SortKey::Date {
        press(&mut app, 's');
    }
    assert_eq!(story_rows(&app).first().copied(), stories.story_of(zebra));
    // And back round the cycle to the size order; the articles' list keeps date order.
    while app.sort_shown() != SortKey::Size {
        press(&mut app, 's');
    }
    assert_eq!(
        story_rows(&app),
        (0..stories.stories.len()).collect::<Vec<_>>()
    );
    press(&mut app, 't');
    assert_eq!(app.sort_shown(), SortKey::Date);
    assert_eq!(app.list.rows[0].article(), zebra);
}

#[test]
fn a_note_from_the_links_window_goes_with_the_next_key_even_one_without_a_meaning() {
    let mut app = seeds_app();
    let with_links = sample_where(&app, |a| !a.links.is_empty());
    app.list.select_article(Some(with_links));
    press(&mut app, 'o');
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.message.as_deref(),
        Some("opening [1] in the web browser")
    );
    // A link's number is no key in the window: it does nothing, and the note on the last
    // link opened goes rather than read as its answer.
    press(&mut app, '2');
    assert_eq!(app.message, None);
    assert_eq!(app.overlay, Some((Overlay::Links, 0)));
    assert_eq!(
        app.take_open_url().map(|u| u.starts_with("http")),
        Some(true)
    );
    assert_eq!(app.take_open_url(), None);
    // A key released (terminals that report releases) is not a new key.
    key(&mut app, KeyCode::Enter);
    let mut release = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    release.kind = crossterm::event::KeyEventKind::Release;
    app.handle_event(Event::Key(release));
    assert!(app.message.is_some());
}
