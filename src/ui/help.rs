//! The `?` overlay, generated from the key table so it always matches the handlers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{fit, layout, theme};
use crate::app::App;
use crate::app::keymap::{HelpLine, help_lines};

/// Draws the help overlay centred in `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let lines = help_lines();
    let w = area.width.min(78);
    let h = area.height.min(lines.len() as u16 + 2);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    let title = if (lines.len() as u16) + 2 > area.height {
        " Keys · j/k scroll · ? or Esc closes "
    } else {
        " Keys · ? or Esc closes "
    };
    frame.render_widget(theme::block(title.into(), true), r);
    let inner = layout::inner(r);
    if inner.is_empty() {
        return;
    }
    let iw = inner.width as usize;
    let keys_w = 16.min(iw / 2);
    let scroll = app.help.unwrap_or(0);
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
