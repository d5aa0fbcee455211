//! The reading view: the laid-out article from `App`, sliced to the visible lines.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use super::widgets::{focused, inner};
use crate::app::{App, Focus};

/// Draws the reading pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let r = &app.reader;
    let inner = inner(area);
    let h = inner.height as usize;
    let mut title = String::from(" Reading ");
    if !r.lines.is_empty() {
        // As pagers say it: the top, the end, else how far down the view's last line is.
        let pos = if r.lines.len() <= h {
            "all".to_string()
        } else if r.scroll == 0 {
            "top".to_string()
        } else if r.scroll + h >= r.lines.len() {
            "end".to_string()
        } else {
            format!("{}%", ((r.scroll + h) * 100) / r.lines.len())
        };
        title = format!(" Reading · {pos} ");
        if !r.matches.is_empty() {
            let n = r.matches.len();
            title.push_str(&match r.current {
                Some(c) => format!("· match {}/{n} ", c + 1),
                None => format!("· {n} match{} (n/N) ", if n == 1 { "" } else { "es" }),
            });
        }
        // After the matches: a narrow title keeps what the filter found.
        if !r.uniques.is_empty() {
            title.push_str(&format!("· ▌{} only here (]/[) ", r.uniques.len()));
        }
    }
    frame.render_widget(theme::block(title, focused(app, Focus::Reader)), area);
    // One column of padding each side, as the layout in `App` assumed.
    let text = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    };
    if text.is_empty() {
        return;
    }
    if r.lines.is_empty() {
        let msg = if app.total() == 0 {
            ""
        } else {
            "Nothing to read: no article is selected."
        };
        super::widgets::message(frame, text, msg, theme::dim());
        return;
    }
    let end = (r.scroll + h).min(r.lines.len());
    let lines: Vec<Line> = r.lines[r.scroll.min(end)..end]
        .iter()
        .map(|l| {
            Line::from(
                l.segs
                    .iter()
                    .map(|s| {
                        let current = s.mark.is_some() && s.mark == r.current;
                        Span::styled(
                            s.text.as_str(),
                            theme::tone(s.tone, s.mark.is_some(), current),
                        )
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text);
    // The left padding column marks what only this report of its story carries.
    if inner.width > 0 {
        let marks: Vec<Line> = r.lines[r.scroll.min(end)..end]
            .iter()
            .map(|l| Line::styled(if l.only_here { "▌" } else { "" }, theme::only_here()))
            .collect();
        frame.render_widget(Paragraph::new(marks), Rect { width: 1, ..inner });
    }
}
