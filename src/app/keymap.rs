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
    Help,
}

impl Context {
    /// Heading for the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::List => "Article list",
            Context::Reader => "Reading view",
            Context::Actors => "Actor sidebar",
            Context::Filter => "Filter line",
            Context::Help => "This help",
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
    // Help first so that `q` and Esc close it instead of quitting or clearing.
    Binding {
        context: C::Help,
        keys: &[key(K::Esc), ch('?'), ch('q')],
        action: Action::ToggleHelp,
        help: "close the help",
        hint: Some("close"),
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
        help: "leave the filter (Esc again clears it)",
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
        keys: &[ch('s')],
        action: Action::CycleSort,
        help: "sort by date, source, title, relevance",
        hint: Some("sort"),
    },
    Binding {
        context: C::Global,
        keys: &[key(K::Esc)],
        action: Action::Back,
        help: "close the overlay, go back, or clear the filter",
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
        help: "quit",
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

/// `(keys, word)` pairs for the status bar in `context`: its own hints, then global ones.
pub fn hints(context: Context) -> Vec<(String, &'static str)> {
    let own = KEYS.iter().filter(|b| b.context == context);
    let global = KEYS.iter().filter(|b| {
        b.context == Context::Global && context != Context::Filter && context != Context::Help
    });
    own.chain(global)
        .filter_map(|b| b.hint.map(|h| (b.keys_label(), h)))
        .collect()
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(String),
    Key { keys: String, help: String },
    Text(String),
    Blank,
}

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
    for (keys, help) in [
        (
            "word",
            "fuzzy in title, source, actor names; word prefix in body",
        ),
        ("@actor", "articles mentioning an actor (any spelling)"),
        ("source:NAME", "source contains NAME (quote spaces: \"…\")"),
        ("date:2024-08", "date starts with 2024-08"),
        ("after:D", "dated on or after D (2024, 2024-08, 2024-08-01)"),
        ("before:D", "dated before D"),
        ("-term", "exclude articles matching the term"),
    ] {
        out.push(HelpLine::Key {
            keys: keys.into(),
            help: help.into(),
        });
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
        for ctx in [Context::List, Context::Filter, Context::Help] {
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
        assert!(matches!(
            lookup(Context::Help, esc),
            Some(Action::ToggleHelp)
        ));
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert!(matches!(lookup(Context::Help, q), Some(Action::ToggleHelp)));
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
        for b in KEYS.iter().filter(|b| b.context != Context::Help) {
            assert!(
                lines
                    .iter()
                    .any(|l| matches!(l, HelpLine::Key { keys, help }
                    if *keys == b.keys_label() && help == b.help)),
                "{:?} missing from help",
                b.help
            );
        }
        let hints = hints(Context::List);
        assert_eq!(hints[0], ("Enter".to_string(), "open"));
        assert!(hints.contains(&("q/Ctrl-c".to_string(), "quit")));
    }
}
