//! The quotes window: who said what in the article or its story, by speaker.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::theme;
use super::widgets::{centred, inner};
use crate::app::App;
use crate::app::quotes::QuoteLine;
use crate::sanitize;

/// Draws the quotes window centred in `area`, starting at entry `scroll`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let speakers = app
        .quotes
        .iter()
        .filter(|l| matches!(l, QuoteLine::Speaker { .. }))
        .count();
    let title = format!(
        " Quotes · {speakers} speaker{} · j/k scroll · Esc or \" closes ",
        if speakers == 1 { "" } else { "s" }
    );
    let width = area.width.min(100);
    let text_w = (width as usize).saturating_sub(2).max(1);
    let max_h = area.height.saturating_sub(2).max(3.min(area.height));
    let mut lines: Vec<Line> = Vec::new();
    for entry in app.quotes.iter().skip(scroll) {
        if lines.len() >= max_h as usize {
            break;
        }
        match entry {
            QuoteLine::Speaker { name, quotes } => {
                if !lines.is_empty() {
                    lines.push(Line::raw(""));
                }
                let text = sanitize::one_line(&format!("{name} ({quotes})"));
                lines.push(Line::styled(
                    text,
                    Style::new()
                        .fg(theme::kind_color(crate::actors::ActorKind::Person))
                        .add_modifier(Modifier::BOLD),
                ));
            }
            QuoteLine::Quote { text, from } => {
                let text = sanitize::one_line(&format!("“{text}” — {from}"));
                let opts = textwrap::Options::new(text_w)
                    .initial_indent("  ")
                    .subsequent_indent("    ");
                lines.extend(
                    textwrap::wrap(&text, opts)
                        .into_iter()
                        .map(|l| Line::raw(l.into_owned())),
                );
            }
        }
    }
    let height = u16::try_from(lines.len() + 2).map_or(max_h, |h| h.min(max_h));
    let r = centred(area, width, height);
    frame.render_widget(Clear, r);
    frame.render_widget(theme::block(title, true), r);
    let inner = inner(r);
    if inner.is_empty() {
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
