//! The filter line: prompt, actor chips, typed text with a cursor, and parse errors.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use super::widgets::focused;
use crate::app::reader::str_width;
use crate::app::{App, Focus};
use crate::sanitize::safe_char;

/// Draws the filter line into `area` and places the cursor there when it has focus.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let has_focus = focused(app, Focus::Filter);
    let prompt_style = if has_focus {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        theme::dim()
    };
    let mut spans = vec![Span::styled("/ ", prompt_style)];
    let mut col = 2;
    let actors = app.corpus.actors.actors();
    for &id in &app.filter.chips {
        let Some(a) = actors.get(id) else { continue };
        let name: String = a.name.chars().map(safe_char).collect();
        let chip = format!("[@{name}]");
        col += str_width(&chip) + 1;
        spans.push(Span::styled(
            chip,
            Style::new()
                .fg(Color::Black)
                .bg(theme::kind_color(a.kind))
                .add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::raw(" "));
    }
    let before_cursor: String = app.filter.input[..app.filter.cursor.min(app.filter.input.len())]
        .chars()
        .map(safe_char)
        .collect();
    let cursor_col = col + str_width(&before_cursor);
    if app.filter.input.is_empty() && app.filter.chips.is_empty() && !has_focus {
        spans.push(Span::styled(
            "filter: words @actor source: date: after: before: -term",
            theme::dim(),
        ));
    } else {
        spans.extend(text_spans(app));
    }
    // Scroll sideways so the cursor stays visible on long filters.
    let w = area.width as usize;
    let shift = (cursor_col + 1).saturating_sub(w);
    let shift16 = u16::try_from(shift).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(Line::from(spans)).scroll((0, shift16)), area);
    if has_focus {
        let x = area.x as usize + cursor_col - shift;
        frame.set_cursor_position(Position::new(u16::try_from(x).unwrap_or(area.x), area.y));
    }
}

/// The typed text, with terms the parser could not use in the error style (the reason is in
/// the status bar).
fn text_spans(app: &App) -> Vec<Span<'static>> {
    let input = app.filter.input.as_str();
    let mut out = Vec::new();
    let mut pos = 0;
    let mut errors: Vec<_> = app
        .filter
        .query
        .errors
        .iter()
        .map(|e| e.span.clone())
        .collect();
    errors.sort_by_key(|r| r.start);
    let clean = |s: &str| -> String { s.chars().map(safe_char).collect() };
    for r in errors {
        // The query may lag the input by a keystroke: skip spans that no longer fit.
        if r.start < pos || r.end > input.len() || !input.is_char_boundary(r.start) {
            continue;
        }
        if !input.is_char_boundary(r.end) {
            continue;
        }
        out.push(Span::raw(clean(&input[pos..r.start])));
        out.push(Span::styled(
            clean(&input[r.clone()]),
            theme::error().add_modifier(Modifier::UNDERLINED),
        ));
        pos = r.end;
    }
    out.push(Span::raw(clean(&input[pos..])));
    out
}
