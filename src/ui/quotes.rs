//! The quotes window: who said what in the article or its story, by speaker.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::theme;
use super::widgets::{scrolled_rows, window};
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
        " Quotes · {speakers} speaker{} · j/k scroll · Enter opens the top quote's report · Esc closes ",
        if speakers == 1 { "" } else { "s" }
    );
    let width = area.width.min(100);
    let text_w = (width as usize).saturating_sub(2).max(1);
    let max_h = area.height.saturating_sub(2).max(3.min(area.height));
    // The quote Enter opens: the first one from the top of the view, drawn bold.
    let target = crate::app::quotes::quote_at(&app.quotes, scroll).map(|(k, _)| k);
    let render = |k: usize| -> Vec<Line> {
        match &app.quotes[k] {
            QuoteLine::Speaker { name, quotes } => {
                let text = sanitize::one_line(&format!("{name} ({quotes})"));
                let head = Line::styled(
                    text,
                    Style::new()
                        .fg(theme::kind_color(crate::actors::ActorKind::Person))
                        .add_modifier(Modifier::BOLD),
                );
                if k == 0 {
                    vec![head]
                } else {
                    vec![Line::raw(""), head]
                }
            }
            QuoteLine::Quote {
                text,
                from,
                reported,
                ..
            } => {
                // Reported speech is the report's own sentence: no quote marks on it.
                let text = if *reported {
                    sanitize::one_line(&format!("reported: {text} — {from}"))
                } else {
                    sanitize::one_line(&format!("“{text}” — {from}"))
                };
                let opts = textwrap::Options::new(text_w)
                    .initial_indent("  ")
                    .subsequent_indent("    ");
                let style = if target == Some(k) {
                    Style::new().add_modifier(Modifier::BOLD)
                } else {
                    Style::new()
                };
                textwrap::wrap(&text, opts)
                    .into_iter()
                    .map(|l| Line::styled(l.into_owned(), style))
                    .collect()
            }
        }
    };
    let lines = scrolled_rows(app.quotes.len(), scroll, max_h as usize, render);
    window(frame, area, (width, max_h), title, lines);
}
