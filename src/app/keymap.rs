//! The one key table: handlers, status-bar hints and the `?` help overlay all read [`KEYS`],
//! so the help cannot drift from what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::Action;

/// Where a binding applies. Lookups try the focused context first, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    List,
    Reader,
    Actors,
    Filter,
    /// The help or problems overlay.
    Overlay,
}

impl Context {
    /// Heading for the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere (in the filter, character keys are typed)",
            Context::List => "Article list",
            Context::Reader => "Reading view",
            Context::Actors => "Actor sidebar",
            Context::Filter => "Filter line",
            Context::Overlay => "Help, problems, quotes and links",
        }
    }
}

/// A key with the modifiers that matter (Ctrl, Alt; Shift is part of the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// How the key is written in hints and help (`Ctrl-c`, `Space`, `↓`).
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// One row of the key table.
#[derive(Debug)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help overlay says.
    pub help: &'static str,
    /// Short word for the status-bar hints, if this binding is hinted there.
    pub hint: Option<&'static str>,
}

impl Binding {
    /// The keys as one label, e.g. `j/↓`.
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join("/")
    }
}

use Context as C;
use KeyCode as K;

/// The key table. Order matters only for display.
pub static KEYS: &[Binding] = &[
    // Overlays first so that `q` and Esc close them instead of quitting or clearing.
    Binding {
        context: C::Overlay,
        keys: &[key(K::Esc), ch('q')],
        action: Action::Back,
        help: "close (?, p, \" and o switch between the windows)",
        hint: Some("close"),
    },
    Binding {
        context: C::Overlay,
        keys: &[key(K::Enter)],
        action: Action::Activate,
        help: "in the quotes: read the report of the top quote; in the links: open the top link in the web browser",
        hint: None,
    },
    Binding {
        context: C::Filter,
        keys: &[key(K::Enter)],
        action: Action::Activate,
        help: "go to the filtered list",
        hint: Some("list"),
    },
    Binding {
        context: C::Filter,
        keys: &[key(K::Esc)],
        action: Action::Back,
        help: "go to the list (Esc there clears the filter)",
        hint: Some("leave"),
    },
    Binding {
        context: C::Filter,
        keys: &[key(K::Backspace)],
        action: Action::DeleteBack,
        help: "delete a character (or the last actor chip)",
        hint: None,
    },
    Binding {
        context: C::Filter,
        keys: &[ctrl('w')],
        action: Action::DeleteWord,
        help: "delete a word",
        hint: None,
    },
    Binding {
        context: C::Filter,
        keys: &[ctrl('u')],
        action: Action::ClearInput,
        help: "clear the text",
        hint: None,
    },
    Binding {
        context: C::Filter,
        keys: &[key(K::Left)],
        action: Action::CursorLeft,
        help: "cursor left",
        hint: None,
    },
    Binding {
        context: C::Filter,
        keys: &[key(K::Right)],
        action: Action::CursorRight,
        help: "cursor right",
        hint: None,
    },
    Binding {
        context: C::Filter,
        keys: &[key(K::Home), ctrl('a')],
        action: Action::CursorStart,
        help: "cursor to the start",
        hint: None,
    },
    Binding {
        context: C::Filter,
        keys: &[key(K::End), ctrl('e')],
        action: Action::CursorEnd,
        help: "cursor to the end",
        hint: None,
    },
    Binding {
        context: C::List,
        keys: &[key(K::Enter)],
        action: Action::Activate,
        help: "open the article",
        hint: Some("open"),
    },
    Binding {
        context: C::List,
        keys: &[key(K::Esc)],
        action: Action::Back,
        help: "clear the filter and actor chips (u puts them back)",
        hint: None,
    },
    Binding {
        context: C::List,
        keys: &[ch('u')],
        action: Action::Undo,
        help: "undo clearing the filter",
        hint: None,
    },
    Binding {
        context: C::List,
        keys: &[ch('n')],
        action: Action::NextMatch,
        help: "next filter match in the article",
        hint: None,
    },
    Binding {
        context: C::List,
        keys: &[ch('N')],
        action: Action::PrevMatch,
        help: "previous filter match in the article",
        hint: None,
    },
    Binding {
        context: C::Reader,
        keys: &[key(K::Esc)],
        action: Action::Back,
        help: "back to the list",
        hint: Some("list"),
    },
    Binding {
        context: C::Reader,
        keys: &[ch('n')],
        action: Action::NextMatch,
        help: "next filter match",
        hint: Some("match"),
    },
    Binding {
        context: C::Reader,
        keys: &[ch('N')],
        action: Action::PrevMatch,
        help: "previous filter match",
        hint: None,
    },
    Binding {
        context: C::Reader,
        keys: &[ch(']')],
        action: Action::NextUnique,
        help: "next passage only this report carries (marked ▌)",
        hint: None,
    },
    Binding {
        context: C::Reader,
        keys: &[ch('[')],
        action: Action::PrevUnique,
        help: "previous passage only this report carries",
        hint: None,
    },
    // Esc first: its hint keeps its place on a narrow bar, where the actors fill the screen
    // and the way back is not visible.
    Binding {
        context: C::Actors,
        keys: &[key(K::Esc)],
        action: Action::Back,
        help: "back to the list (or close the actors when narrow)",
        hint: Some("back"),
    },
    Binding {
        context: C::Actors,
        keys: &[key(K::Enter)],
        action: Action::Activate,
        help: "select or unselect the actor (filters the list)",
        hint: Some("select"),
    },
    Binding {
        context: C::Global,
        keys: &[ch('j'), key(K::Down)],
        action: Action::Down,
        help: "down a row / scroll down",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[ch('k'), key(K::Up)],
        action: Action::Up,
        help: "up a row / scroll up",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[key(K::PageDown), ch(' ')],
        action: Action::PageDown,
        help: "down a page",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[key(K::PageUp)],
        action: Action::PageUp,
        help: "up a page",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[ch('g'), key(K::Home)],
        action: Action::Top,
        help: "to the top",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[ch('G'), key(K::End)],
        action: Action::Bottom,
        help: "to the bottom",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[key(K::Tab)],
        action: Action::NextPane,
        help: "next pane (list, reader, actors, filter)",
        hint: Some("pane"),
    },
    Binding {
        context: C::Global,
        keys: &[key(K::BackTab)],
        action: Action::PrevPane,
        help: "previous pane",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[ch('/')],
        action: Action::FocusFilter,
        help: "filter the articles",
        hint: Some("filter"),
    },
    Binding {
        context: C::Global,
        keys: &[ch('a')],
        action: Action::FocusActors,
        help: "go to the actors (show/hide them when narrow)",
        hint: Some("actors"),
    },
    Binding {
        context: C::Global,
        keys: &[ch('t')],
        action: Action::ToggleStories,
        help: "list stories (reports of one event together) or articles",
        hint: Some("stories"),
    },
    Binding {
        context: C::Global,
        keys: &[ch('z')],
        action: Action::ToggleZoom,
        help: "read alone across the terminal; again for the panes",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[ch('"')],
        action: Action::ToggleQuotes,
        help: "quotes of the article (or its story) by speaker",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[ch('o')],
        action: Action::ToggleLinks,
        help: "the article's links in full (Enter opens one in the browser)",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[ch('r')],
        action: Action::Reload,
        help: "read the articles again (files added, changed or removed)",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[ch('s')],
        action: Action::CycleSort,
        help: "sort by date, source, title, relevance",
        hint: Some("sort"),
    },
    Binding {
        context: C::Global,
        keys: &[ch('S')],
        action: Action::ReverseSort,
        help: "reverse the sort order",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[ch('p')],
        action: Action::ToggleProblems,
        help: "files that could not be read, or were repaired",
        hint: None,
    },
    Binding {
        context: C::Global,
        keys: &[ch('?')],
        action: Action::ToggleHelp,
        help: "this help",
        hint: Some("help"),
    },
    Binding {
        context: C::Global,
        keys: &[ch('q'), ctrl('c')],
        action: Action::Quit,
        help: "quit (in the filter q is typed: use Ctrl-c)",
        hint: Some("quit"),
    },
];

/// The key with Shift folded into characters (terminals differ on reporting it) and only the
/// modifiers that change meaning kept.
fn normalize(ev: KeyEvent) -> Key {
    let mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let code = match ev.code {
        // Some terminals report Ctrl-letters in upper case.
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        other => other,
    };
    Key { code, mods }
}

fn find(context: Context, k: Key) -> Option<&'static Binding> {
    KEYS.iter()
        .find(|b| b.context == context && b.keys.contains(&k))
}

/// The action a key press means in `context`, if any.
///
/// In the filter, plain characters are typed (so `q`, `j` and `/` are text there); Ctrl keys
/// and the non-character keys still reach the global bindings.
pub fn lookup(context: Context, ev: KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let k = normalize(ev);
    if let Some(b) = find(context, k) {
        return Some(b.action.clone());
    }
    if context == Context::Filter
        && let KeyCode::Char(c) = k.code
        && k.mods.is_empty()
    {
        return Some(Action::Insert(c));
    }
    find(Context::Global, k).map(|b| b.action.clone())
}

/// Whether `k` does something in `context` (in the filter, plain characters are typed).
fn usable(context: Context, k: &Key) -> bool {
    !(context == Context::Filter && matches!(k.code, KeyCode::Char(_)) && k.mods.is_empty())
}

/// Hints that always close the status bar, in this order, so they never move.
const TAIL_HINTS: [&str; 2] = ["help", "quit"];

/// `(key, word)` pairs for the status bar in `context`: its own hints, then global ones, with
/// `help` and `quit` last. Each shows the first key that works there (`Ctrl-c` in the filter).
pub fn hints(context: Context) -> Vec<(String, &'static str)> {
    let own = KEYS.iter().filter(|b| b.context == context);
    let global = KEYS
        .iter()
        .filter(|b| b.context == Context::Global && context != Context::Overlay);
    let mut out: Vec<(String, &'static str)> = own
        .chain(global)
        .filter_map(|b| {
            let word = b.hint?;
            let k = b.keys.iter().find(|k| usable(context, k))?;
            Some((k.label(), word))
        })
        .collect();
    // Stable positions: help and quit move to the end.
    for word in TAIL_HINTS {
        if let Some(i) = out.iter().position(|(_, w)| *w == word) {
            let h = out.remove(i);
            out.push(h);
        }
    }
    out
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(String),
    Key { keys: String, help: String },
    Text(String),
    Blank,
}

/// The filter language for the help overlay, `(term, what it keeps)`.
pub const FILTER_SYNTAX: &[(&str, &str)] = &[
    (
        "word",
        "fuzzy in title/source from a word start; actor/text words",
    ),
    (
        "@name",
        "mentions an actor: a name word starts with it (any spelling)",
    ),
    ("@\"van der\"", "actor whose name words start with van, der"),
    ("\"two words\"", "the phrase"),
    ("source:NAME", "source contains NAME (quote spaces: \"…\")"),
    ("date:2024-08", "date starts with 2024-08"),
    ("after:D", "dated on or after D (2024, 2024-08, 2024-08-01)"),
    ("before:D", "dated before D"),
    ("-term", "exclude articles matching the term"),
];

/// What the list's `•` marker means, as the help overlay says it.
pub const UNREAD_LEGEND: &str =
    "• marks an unread article (read once opened or selected for a second)";

/// The help overlay's content: the key table by context, then mouse and filter syntax.
pub fn help_lines() -> Vec<HelpLine> {
    let mut out = Vec::new();
    for ctx in [
        Context::Global,
        Context::List,
        Context::Reader,
        Context::Actors,
        Context::Filter,
    ] {
        out.push(HelpLine::Heading(ctx.title().to_string()));
        for b in KEYS.iter().filter(|b| b.context == ctx) {
            out.push(HelpLine::Key {
                keys: b.keys_label(),
                help: b.help.to_string(),
            });
        }
        // The list's only unlabelled mark: say what it means where its keys are.
        if ctx == Context::List {
            out.push(HelpLine::Text(UNREAD_LEGEND.into()));
        }
        out.push(HelpLine::Blank);
    }
    out.push(HelpLine::Heading("Mouse".into()));
    out.push(HelpLine::Text(
        "click to focus and select (click again to open / select); wheel to scroll".into(),
    ));
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading(
        "Filter syntax (terms combine with AND)".into(),
    ));
    for &(keys, help) in FILTER_SYNTAX {
        out.push(HelpLine::Key {
            keys: keys.into(),
            help: help.into(),
        });
    }
    out
}

/// Widest the help overlay gets, borders included.
pub const HELP_WIDTH: u16 = 78;

/// Columns of the help overlay's keys column inside `inner` columns.
pub fn help_keys_width(inner: usize) -> usize {
    16.min(inner / 2)
}

/// The help overlay's rows for a terminal `width` columns wide: long explanations wrap under
/// their own column instead of being cut (a continuation row has empty `keys`).
pub fn help_rows(width: u16) -> Vec<HelpLine> {
    let inner = usize::from(width.min(HELP_WIDTH)).saturating_sub(2);
    let keys_w = help_keys_width(inner);
    let wrap = |text: &str, w: usize| -> Vec<String> {
        let rows: Vec<String> = super::reader::wrap_ranges(text, w.max(1))
            .into_iter()
            .map(|r| text[r].to_string())
            .collect();
        if rows.is_empty() {
            vec![String::new()]
        } else {
            rows
        }
    };
    let mut out = Vec::new();
    for line in help_lines() {
        match line {
            HelpLine::Key { keys, help } => {
                for (i, row) in wrap(&help, inner.saturating_sub(keys_w))
                    .into_iter()
                    .enumerate()
                {
                    let keys = if i == 0 { keys.clone() } else { String::new() };
                    out.push(HelpLine::Key { keys, help: row });
                }
            }
            HelpLine::Text(t) => out.extend(
                wrap(&t, inner.saturating_sub(2))
                    .into_iter()
                    .map(HelpLine::Text),
            ),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn characters_are_typed_in_the_filter_but_commands_elsewhere() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert!(matches!(lookup(Context::List, q), Some(Action::Quit)));
        assert!(matches!(
            lookup(Context::Filter, q),
            Some(Action::Insert('q'))
        ));
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert!(matches!(
            lookup(Context::Filter, j),
            Some(Action::Insert('j'))
        ));
        assert!(matches!(lookup(Context::Reader, j), Some(Action::Down)));
    }

    #[test]
    fn ctrl_c_quits_everywhere_and_shift_is_folded() {
        let c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for ctx in [
            Context::List,
            Context::Reader,
            Context::Actors,
            Context::Filter,
            Context::Overlay,
        ] {
            assert!(matches!(lookup(ctx, c), Some(Action::Quit)), "{ctx:?}");
        }
        let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert!(matches!(lookup(Context::List, big_g), Some(Action::Bottom)));
        let back = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert!(matches!(
            lookup(Context::List, back),
            Some(Action::PrevPane)
        ));
    }

    #[test]
    fn context_bindings_win_over_global_ones() {
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert!(matches!(lookup(Context::Overlay, esc), Some(Action::Back)));
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert!(matches!(lookup(Context::Overlay, q), Some(Action::Back)));
        let u = press(KeyCode::Char('u'), KeyModifiers::NONE);
        assert!(matches!(lookup(Context::List, u), Some(Action::Undo)));
        assert!(matches!(
            lookup(Context::Filter, u),
            Some(Action::Insert('u'))
        ));
        let home = press(KeyCode::Home, KeyModifiers::NONE);
        assert!(matches!(
            lookup(Context::Filter, home),
            Some(Action::CursorStart)
        ));
        assert!(matches!(lookup(Context::List, home), Some(Action::Top)));
    }

    #[test]
    fn releases_are_ignored() {
        let mut ev = press(KeyCode::Char('q'), KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert!(lookup(Context::List, ev).is_none());
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in KEYS.iter().enumerate() {
            for b in &KEYS[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn help_lists_every_binding_and_hints_come_from_the_table() {
        let lines = help_lines();
        for b in KEYS.iter().filter(|b| b.context != Context::Overlay) {
            assert!(
                lines
                    .iter()
                    .any(|l| matches!(l, HelpLine::Key { keys, help }
                    if *keys == b.keys_label() && help == b.help)),
                "{:?} missing from help",
                b.help
            );
        }
        let list = hints(Context::List);
        assert_eq!(list[0], ("Enter".to_string(), "open"));
        // The list's unread marker is explained under the list's keys.
        let list_at = lines
            .iter()
            .position(|l| *l == HelpLine::Heading(Context::List.title().into()))
            .expect("a list heading");
        let legend = lines
            .iter()
            .position(|l| matches!(l, HelpLine::Text(t) if t.starts_with('•')))
            .expect("the unread marker explained");
        let reader_at = lines
            .iter()
            .position(|l| *l == HelpLine::Heading(Context::Reader.title().into()))
            .expect("a reader heading");
        assert!(
            (list_at..reader_at).contains(&legend),
            "under the list's heading"
        );
        assert!(
            lines
                .iter()
                .any(|l| matches!(l, HelpLine::Key { keys, .. } if keys == "\"two words\""))
        );
    }

    #[test]
    fn narrow_help_wraps_every_word_inside_its_column() {
        let words = |lines: &[HelpLine]| -> Vec<String> {
            lines
                .iter()
                .flat_map(|l| {
                    match l {
                        HelpLine::Key { keys, help } => format!("{keys} {help}"),
                        HelpLine::Text(t) | HelpLine::Heading(t) => t.clone(),
                        HelpLine::Blank => String::new(),
                    }
                    .split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
                })
                .collect()
        };
        let wide = help_rows(200);
        assert_eq!(
            wide.len(),
            help_lines().len(),
            "nothing wraps at full width"
        );
        let narrow = help_rows(60);
        assert!(narrow.len() > wide.len());
        assert_eq!(words(&narrow), words(&wide));
        let keys_w = help_keys_width(58);
        for l in &narrow {
            match l {
                HelpLine::Key { help, .. } => {
                    assert!(
                        super::super::reader::str_width(help) <= 58 - keys_w,
                        "{help:?}"
                    )
                }
                HelpLine::Text(t) => assert!(super::super::reader::str_width(t) <= 56, "{t:?}"),
                _ => {}
            }
        }
    }

    #[test]
    fn help_and_quit_hints_close_the_bar_with_keys_that_work_there() {
        for ctx in [Context::List, Context::Reader, Context::Actors] {
            let h = hints(ctx);
            let tail: Vec<_> = h[h.len() - 2..]
                .iter()
                .map(|(k, w)| (k.as_str(), *w))
                .collect();
            assert_eq!(tail, vec![("?", "help"), ("q", "quit")], "{ctx:?}");
        }
        // In the filter q and ? are typed: only Ctrl-c quits, and no help hint.
        let f = hints(Context::Filter);
        assert_eq!(f.last(), Some(&("Ctrl-c".to_string(), "quit")));
        assert!(!f.iter().any(|(_, w)| *w == "help"));
        assert!(hints(Context::Reader).contains(&("Esc".to_string(), "list")));
    }
}
