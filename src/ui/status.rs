//! The status bar: counts, errors and messages, problems, filter, sort, then key hints from
//! the key table. The context's main key and `? help`, `q quit` keep their places; other
//! hints fill what room is left, so narrowing the bar or setting a filter drops hints from
//! the middle instead of moving the ones people look for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::widgets::fit;
use crate::app::reader::str_width;
use crate::app::{App, LoadState, keymap};

/// One piece of the left part: text, style, and whether it may be cut short (otherwise it
/// is left out when it does not fit).
struct Piece {
    text: String,
    style: Style,
    may_cut: bool,
    /// Hints give way to it (the counts, a message, a filter error).
    essential: bool,
}

/// Columns between the left part and the hints.
const GAP: usize = 2;

/// Draws the status bar into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let bar = Style::new().bg(Color::Black).fg(Color::Gray);
    let w = area.width as usize;
    let all = keymap::hints(app.context());
    let piece_w = |(k, word): &(String, &str)| str_width(k) + 1 + str_width(word) + 2;
    let tail_n = all
        .iter()
        .rev()
        .take_while(|(_, word)| matches!(*word, "help" | "quit"))
        .count();
    let (head, tail) = all.split_at(all.len() - tail_n);
    let pieces = left_pieces(app);
    // The counts, cut to this, always show; the fixed hints give way below it.
    let counts_min = pieces.first().map_or(0, |p| str_width(&p.text)).min(14);
    // Fixed hints: the context's main key and the tail, else the tail, else just help.
    let first: Vec<&(String, &str)> = head.iter().take(1).collect();
    let help: Vec<&(String, &str)> = tail.iter().filter(|(_, w)| *w == "help").collect();
    let choices: [Vec<&(String, &str)>; 3] = [
        first.iter().copied().chain(tail).collect(),
        tail.iter().collect(),
        help,
    ];
    // Fewer hints when a message or an error would not fit beside them.
    let essential_w: usize = pieces
        .iter()
        .filter(|p| p.essential)
        .map(|p| str_width(&p.text))
        .sum();
    let hints_w = |c: &Vec<&(String, &str)>| c.iter().map(|h| piece_w(h)).sum::<usize>();
    let fixed: Vec<&(String, &str)> = choices
        .iter()
        .find(|c| essential_w + GAP + hints_w(c) <= w)
        .or_else(|| choices.iter().find(|c| counts_min + GAP + hints_w(c) <= w))
        .cloned()
        .unwrap_or_default();
    let fixed_w: usize = fixed.iter().map(|h| piece_w(h)).sum();
    // The left part gets what the fixed hints leave.
    let room = w.saturating_sub(fixed_w + if fixed.is_empty() { 0 } else { GAP });
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    for (i, p) in pieces.into_iter().enumerate() {
        let pw = str_width(&p.text);
        let text = if used + pw <= room {
            p.text
        } else if (i == 0 || p.may_cut) && room > used + 1 {
            fit(&p.text, room - used).trim_end().to_string()
        } else {
            continue;
        };
        used += str_width(&text);
        spans.push(Span::styled(text, bar.patch(p.style)));
    }
    // Other hints fill the room between, in table order.
    let has_first = fixed.first().is_some_and(|f| head.first() == Some(*f));
    let mut spare = w.saturating_sub(used + GAP + fixed_w);
    let mut middle: Vec<&(String, &str)> = Vec::new();
    for h in head.iter().skip(usize::from(has_first)) {
        let pw = piece_w(h);
        if pw > spare {
            break;
        }
        spare -= pw;
        middle.push(h);
    }
    let middle_w: usize = middle.iter().map(|h| piece_w(h)).sum();
    let mut hints: Vec<&(String, &str)> = Vec::new();
    if has_first {
        hints.push(fixed[0]);
    }
    hints.extend(middle);
    hints.extend(fixed.iter().skip(usize::from(has_first)));
    spans.push(Span::styled(
        " ".repeat(w.saturating_sub(used + fixed_w + middle_w)),
        bar,
    ));
    for (keys, word) in hints {
        spans.push(Span::styled(
            keys.clone(),
            bar.fg(Color::Cyan).add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::styled(format!(" {word}  "), bar));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(bar), area);
}

/// The left part of the bar, most important first: counts, a filter error, the last
/// message, load problems (the only sign of them), the filter, sort.
fn left_pieces(app: &App) -> Vec<Piece> {
    let text = Style::new().fg(Color::White);
    let piece = |text: String, style: Style, may_cut: bool| Piece {
        text,
        style,
        may_cut,
        essential: false,
    };
    let essential = |p: Piece| Piece {
        essential: true,
        ..p
    };
    let counts = match &app.load {
        LoadState::Loading { done, total } if *total > 0 && done == total => {
            format!(
                " Preparing {total} file{}…",
                if *total == 1 { "" } else { "s" }
            )
        }
        LoadState::Loading { done, total } if *total > 0 => {
            format!(" Loading {done}/{total} files…")
        }
        LoadState::Loading { .. } => " Loading…".to_string(),
        LoadState::Failed(_) => " Load failed".to_string(),
        // The stories view counts reports, as its pane title does.
        LoadState::Ready => format!(
            " {}/{} {}",
            app.shown(),
            app.total(),
            if app.list.mode == crate::app::ListMode::Stories {
                "reports"
            } else {
                "articles"
            }
        ),
    };
    let mut out = vec![essential(piece(counts, text, true))];
    match app.reload_progress() {
        Some((done, total)) if total > 0 && done < total => out.push(piece(
            format!(" · reloading {done}/{total} files…"),
            Style::new().fg(Color::Yellow),
            false,
        )),
        Some(_) => out.push(piece(
            " · reloading…".into(),
            Style::new().fg(Color::Yellow),
            false,
        )),
        None => {}
    }
    if let Some(e) = app.filter.query.errors.first() {
        out.push(essential(piece(
            format!(" · ⚠ {}", e.reason),
            Style::new().fg(Color::LightRed),
            true,
        )));
    }
    if let Some(m) = &app.message {
        out.push(essential(piece(
            format!(" · {m}"),
            text.add_modifier(Modifier::BOLD),
            true,
        )));
    }
    let n = app.problems.len();
    if n > 0 {
        out.push(piece(
            format!(" · {n} load problem{} (p)", if n == 1 { "" } else { "s" }),
            Style::new().fg(Color::Yellow),
            false,
        ));
    }
    let chips = app.chip_names();
    let typed = app.filter.input.trim();
    if !typed.is_empty() || !chips.is_empty() {
        let mut parts: Vec<String> = chips.iter().map(|n| format!("@{n}")).collect();
        if !typed.is_empty() {
            parts.push(typed.to_string());
        }
        let shown = crate::sanitize::one_line(&parts.join(" "));
        out.push(piece(format!(" · filter: {shown}"), text, true));
    }
    let label = app.sort_shown().label();
    let sort = if app.list.reverse {
        format!(" · sort: {label}, reversed")
    } else {
        format!(" · sort: {label}")
    };
    out.push(piece(sort, text, false));
    out
}
