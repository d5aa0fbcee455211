//! The `p` overlay: files that were skipped or repaired while loading, one wrapped entry each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::theme;
use super::widgets::{scrolled_rows, window};
use crate::app::App;
use crate::problem::ProblemKind;

/// Draws the problems overlay centred in `area`, starting at problem `scroll`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let problems = app.problems();
    let n = problems.len();
    let title = format!(
        " {n} load problem{} · j/k scroll · Esc or q closes ",
        if n == 1 { "" } else { "s" }
    );
    let width = area.width.min(100);
    let text_w = (width as usize).saturating_sub(2).max(1);
    let max_h = area.height.saturating_sub(2).max(3.min(area.height));
    // Wrapped with a hanging indent so each problem reads as one entry; `Problem`'s Display
    // sanitises the path and the reason. Only what can show is wrapped.
    let render = |k: usize| -> Vec<Line> {
        let p = &problems[k];
        let style = match p.kind {
            ProblemKind::Skipped => theme::error(),
            ProblemKind::Warning => Style::new(),
        };
        let text = p.to_string();
        let opts = textwrap::Options::new(text_w).subsequent_indent("  ");
        textwrap::wrap(&text, opts)
            .into_iter()
            .map(|l| Line::styled(l.into_owned(), style))
            .collect()
    };
    let lines = scrolled_rows(n, scroll, max_h as usize, render);
    window(frame, area, (width, max_h), title, lines);
}
