//! The `?` overlay, generated from the key table so it always matches the handlers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::theme;
use super::widgets::{centred, fit, inner};
use crate::app::keymap::{HELP_WIDTH, HelpLine, help_keys_width, help_rows};

/// Draws the help overlay centred in `area`, scrolled down `scroll` lines.
pub fn draw(frame: &mut Frame, area: Rect, scroll: usize) {
    let lines = help_rows(area.width);
    let r = centred(
        area,
        HELP_WIDTH,
        u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
    );
    frame.render_widget(Clear, r);
    let title = if lines.len() + 2 > area.height as usize {
        " Keys · j/k scroll · Esc, q or ? closes "
    } else {
        " Keys · Esc, q or ? closes "
    };
    frame.render_widget(theme::block(title.into(), true), r);
    let inner = inner(r);
    if inner.is_empty() {
        return;
    }
    let iw = inner.width as usize;
    let keys_w = help_keys_width(iw);
    let shown: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .map(|l| match l {
            HelpLine::Heading(t) => Line::styled(
                fit(t, iw),
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            ),
            HelpLine::Key { keys, help } => Line::from(vec![
                Span::styled(
                    fit(&format!("  {keys}"), keys_w),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(fit(help, iw.saturating_sub(keys_w))),
            ]),
            HelpLine::Text(t) => Line::raw(fit(&format!("  {t}"), iw)),
            HelpLine::Blank => Line::raw(""),
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
