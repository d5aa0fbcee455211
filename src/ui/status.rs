//! The status bar: counts, sort, active filter, problems, then key hints from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit;
use crate::app::reader::str_width;
use crate::app::{App, LoadState, keymap};

/// Draws the status bar into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let bar = Style::new().bg(Color::Black).fg(Color::Gray);
    let mut left = match &app.load {
        LoadState::Loading { done, total } if *total > 0 && done == total => {
            format!(" Preparing {total} files…")
        }
        LoadState::Loading { done, total } if *total > 0 => {
            format!(" Loading {done}/{total} files…")
        }
        LoadState::Loading { .. } => " Loading…".to_string(),
        LoadState::Failed(_) => " Load failed".to_string(),
        LoadState::Ready => format!(" {}/{} articles", app.shown(), app.total()),
    };
    left.push_str(&format!(" · sort: {}", app.sort.label()));
    let chips = app.chip_names();
    if !app.input.trim().is_empty() || !chips.is_empty() {
        let mut parts: Vec<String> = chips.iter().map(|n| format!("@{n}")).collect();
        if !app.input.trim().is_empty() {
            parts.push(app.input.trim().to_string());
        }
        left.push_str(&format!(" · filter: {}", parts.join(" ")));
    }
    if !app.problems.is_empty() {
        left.push_str(&format!(" · {} load problems", app.problems.len()));
    }
    if let Some(m) = &app.message {
        left.push_str(&format!(" · {m}"));
    }
    let w = area.width as usize;
    // Keep room for the help hint on narrow terminals: it is the way to learn everything else.
    let reserve = if w >= 30 { 8 } else { 0 };
    let left = fit(&left, w.saturating_sub(reserve));
    let left_trim = left.trim_end();
    let used = str_width(left_trim);
    // Hints from the key table, as many as fit after the counts.
    let mut hints: Vec<Span> = Vec::new();
    let mut hint_w = 0;
    let mut all = keymap::hints(app.context());
    if used + 50 > w
        && let Some(i) = all.iter().position(|(_, word)| *word == "help")
    {
        // Too narrow for all hints: the help hint goes first.
        let help = all.remove(i);
        all.insert(0, help);
    }
    for (keys, word) in all {
        let piece_w = str_width(&keys) + 1 + str_width(word) + 2;
        if used + 2 + hint_w + piece_w > w {
            break;
        }
        hint_w += piece_w;
        hints.push(Span::styled(
            keys,
            bar.fg(Color::Cyan).add_modifier(Modifier::BOLD),
        ));
        hints.push(Span::styled(format!(" {word}  "), bar));
    }
    let gap = w.saturating_sub(used + hint_w);
    let mut spans = vec![
        Span::styled(left_trim.to_string(), bar.fg(Color::White)),
        Span::styled(" ".repeat(gap), bar),
    ];
    spans.extend(hints);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(bar), area);
}
