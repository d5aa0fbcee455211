//! The links window: the article's web links, whole, numbered as in the reading view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::widgets::{scrolled_rows, window};
use crate::app::App;
use crate::sanitize;

/// Draws the links window centred in `area`, starting at link `scroll` (the one Enter opens).
pub fn draw(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let links = app.links();
    let n = links.len();
    let title = format!(
        " {n} link{} · j/k scroll · Enter opens the top one in the browser · Esc closes ",
        if n == 1 { "" } else { "s" }
    );
    // As wide as the terminal allows, so most addresses fit on one line and the terminal's
    // own link detection and selection see them whole.
    let width = area.width;
    let text_w = (width as usize).saturating_sub(2).max(1);
    let max_h = area.height.saturating_sub(2).max(3.min(area.height));
    let render = |k: usize| -> Vec<Line> {
        let text = sanitize::one_line(&format!("[{}] {}", k + 1, links[k]));
        let style = if k == scroll {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        // An address is one word, cut where the line ends (by display width: a CJK character
        // takes two columns).
        let opts = textwrap::Options::new(text_w)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(true);
        textwrap::wrap(&text, opts)
            .into_iter()
            .map(|l| Line::styled(l.into_owned(), style))
            .collect()
    };
    let lines = scrolled_rows(n, scroll, max_h as usize, render);
    window(frame, area, (width, max_h), title, lines);
}
