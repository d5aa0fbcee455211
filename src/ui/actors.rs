//! The actor sidebar: actors of the listed articles by kind, with counts that follow the filter.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::theme;
use super::widgets::{fit, focused, inner};
use crate::app::{App, Focus, SideRow};

/// Draws the sidebar into `area`; `overlay` clears what is underneath first.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, overlay: bool) {
    if overlay {
        frame.render_widget(Clear, area);
    }
    let has_focus = focused(app, Focus::Actors);
    let n = app.side.actor_count();
    frame.render_widget(theme::block(format!(" Actors {n} "), has_focus), area);
    let inner = inner(area);
    if inner.is_empty() {
        return;
    }
    if app.side.rows.is_empty() {
        let msg = if app.total() == 0 {
            ""
        } else {
            "No actors in these articles."
        };
        super::widgets::message(frame, inner, msg, theme::dim());
        return;
    }
    let w = inner.width as usize;
    let actors = app.corpus.actors.actors();
    let end = (app.side.cursor.offset + inner.height as usize).min(app.side.rows.len());
    let mut lines = Vec::with_capacity(inner.height as usize);
    for (i, row) in app.side.rows[app.side.cursor.offset..end]
        .iter()
        .enumerate()
    {
        let idx = app.side.cursor.offset + i;
        match *row {
            SideRow::Header { kind, actors } => {
                let text = fit(&format!("{} ({actors})", theme::kind_heading(kind)), w);
                lines.push(Line::styled(
                    text,
                    Style::new()
                        .fg(theme::kind_color(kind))
                        .add_modifier(Modifier::BOLD),
                ));
            }
            SideRow::Actor { id, count } => {
                let Some(actor) = actors.get(id) else {
                    continue;
                };
                let selected = idx == app.side.cursor.sel;
                let chip = app.filter.chips.contains(&id);
                let base = if selected {
                    theme::selected(has_focus)
                } else {
                    Style::new()
                };
                let count = format!(" {count}");
                let name_w = w.saturating_sub(2 + count.len());
                let name_style = if chip {
                    base.fg(theme::kind_color(actor.kind))
                        .add_modifier(Modifier::BOLD)
                } else if selected {
                    base
                } else {
                    base.fg(theme::kind_color(actor.kind))
                };
                lines.push(Line::from(vec![
                    Span::styled(if selected { "▶" } else { " " }, base),
                    Span::styled(if chip { "✓" } else { " " }, base),
                    Span::styled(fit(&actor.name, name_w), name_style),
                    Span::styled(count, if selected { base } else { theme::dim() }),
                ]));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
