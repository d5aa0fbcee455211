//! Colours and borders in one place, so panes look alike and focus is always visible.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Borders};

use crate::actors::ActorKind;
use crate::app::reader::Tone;

/// Colour of an actor kind (mentions in the reader, sidebar rows, chips).
pub fn kind_color(kind: ActorKind) -> Color {
    match kind {
        ActorKind::Person => Color::Yellow,
        ActorKind::Organization => Color::Cyan,
        ActorKind::Place => Color::Green,
        ActorKind::Other => Color::Magenta,
    }
}

/// Plural heading of an actor kind.
pub fn kind_heading(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "People",
        ActorKind::Organization => "Organisations",
        ActorKind::Place => "Places",
        ActorKind::Other => "Other",
    }
}

/// A filter match.
pub fn mark() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(Modifier::BOLD)
}

/// Dim text (hints, placeholders, meta).
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// Errors in the filter line.
pub fn error() -> Style {
    Style::new().fg(Color::LightRed)
}

/// The selected row; brighter when its pane has focus.
pub fn selected(focused: bool) -> Style {
    if focused {
        Style::new().bg(Color::Blue).fg(Color::White)
    } else {
        Style::new().bg(Color::DarkGray)
    }
}

/// The match `n`/`N` went to: reversed and underlined on top of the mark, so it stands out
/// from the other matches with or without colour.
pub fn current(marked: Style) -> Style {
    marked.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
}

/// The style of a reading-view segment; `current` is the match `n`/`N` went to.
pub fn tone(t: Tone, marked: bool, current_match: bool) -> Style {
    let base = match t {
        Tone::Title => Style::new().add_modifier(Modifier::BOLD),
        Tone::Subtitle => Style::new().add_modifier(Modifier::ITALIC),
        Tone::Meta => dim(),
        Tone::Body => Style::new(),
        Tone::Heading => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        Tone::Link => Style::new().fg(Color::Blue),
        Tone::Actor(k) => Style::new().fg(kind_color(k)),
    };
    let style = match (marked, t) {
        (false, _) => base,
        // A matched mention keeps its kind colour as the background.
        (true, Tone::Actor(k)) => Style::new()
            .fg(Color::Black)
            .bg(kind_color(k))
            .add_modifier(Modifier::BOLD),
        (true, _) => mark(),
    };
    if marked && current_match {
        current(style)
    } else {
        style
    }
}

/// A pane frame: thick and coloured when focused, so focus shows even without colour.
pub fn block(title: String, focused: bool) -> Block<'static> {
    let (border, style) = if focused {
        (BorderType::Thick, Style::new().fg(Color::Cyan))
    } else {
        (BorderType::Plain, dim())
    };
    let title_style = if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    Block::new()
        .borders(Borders::ALL)
        .border_type(border)
        .border_style(style)
        .title(ratatui::text::Span::styled(title, title_style))
}

/// The margin mark of a passage only this report of its story carries.
pub fn only_here() -> Style {
    Style::new().fg(Color::Yellow)
}
