//! The article list: unread marker, date, source, title with matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use super::widgets::{fit, fit_spans, focused, inner};
use crate::app::{App, Focus, ListRow, LoadState};

/// Draws the list pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let has_focus = focused(app, Focus::List);
    // Dates in the rows leave out the year when there is only one: it is said here instead.
    let title = match app.list.year {
        Some(y) => format!(" Articles {}/{} · {y} ", app.shown(), app.total()),
        None => format!(" Articles {}/{} ", app.shown(), app.total()),
    };
    frame.render_widget(theme::block(title, has_focus), area);
    let inner = inner(area);
    if inner.is_empty() {
        return;
    }
    if app.list.rows.is_empty() {
        let msg = match &app.load {
            LoadState::Loading { done, total } if *total > 0 && done == total => {
                format!("Preparing {total} files…")
            }
            LoadState::Loading { done, total } if *total > 0 => {
                format!("Loading {done}/{total} files…")
            }
            LoadState::Loading { .. } => "Loading…".to_string(),
            LoadState::Failed(e) => format!("Could not load: {e}"),
            LoadState::Ready if app.total() == 0 => "No articles found.".to_string(),
            LoadState::Ready if app.searching() => "Searching…".to_string(),
            // Esc in the filter line leaves it; only in the list does Esc clear the filter.
            LoadState::Ready if app.focus == crate::app::Focus::Filter => {
                "No article matches the filter. Esc twice clears it.".to_string()
            }
            LoadState::Ready => "No article matches the filter. Esc clears it.".to_string(),
        };
        let style = if matches!(app.load, LoadState::Failed(_)) {
            theme::error()
        } else {
            theme::dim()
        };
        super::widgets::message(frame, inner, &msg, style);
        return;
    }
    let w = inner.width as usize;
    // Columns: markers(3) date(7 or 11) source(12-15) title. The title keeps at least 16
    // columns: the source goes first as the pane narrows, then the date.
    let end = (app.list.cursor.offset + inner.height as usize).min(app.list.rows.len());
    let visible = &app.list.rows[app.list.cursor.offset..end];
    let article = |r: &crate::app::ListRow| app.corpus.articles.get(r.article());
    let date_w = if app.list.year.is_some() { 6 } else { 10 };
    // Columns only when some visible row fills them: undated, unsourced corpora get the room.
    let show_date =
        w >= 3 + date_w + 1 + 16 && visible.iter().filter_map(article).any(|a| a.date.is_some());
    let source_w = if w >= 70 { 14 } else { 11 };
    let show_source = w >= 3 + (date_w + 1) + (source_w + 1) + 24
        && visible
            .iter()
            .filter_map(article)
            .any(|a| a.source.is_some());
    let row_focus = matches!(app.focus, Focus::List | Focus::Filter);
    let mut lines = Vec::with_capacity(inner.height as usize);
    for (i, row) in visible.iter().enumerate() {
        let idx = app.list.cursor.offset + i;
        let art = row.article();
        let Some(a) = app.corpus.articles.get(art) else {
            continue;
        };
        let selected = idx == app.list.cursor.sel;
        let unread = !app.is_read(art);
        let base = if selected {
            theme::selected(row_focus)
        } else {
            Style::new()
        };
        if let ListRow::Story { story, listed, .. } = *row {
            lines.push(story_line(app, story, listed, selected, base, w));
            continue;
        }
        let member = matches!(row, ListRow::Member(_));
        let mut spans = vec![
            Span::styled(if selected { "▶" } else { " " }, base),
            Span::styled(
                match (member, unread) {
                    (true, true) => "└•",
                    (true, false) => "└ ",
                    (false, true) => "• ",
                    (false, false) => "  ",
                },
                base.add_modifier(Modifier::BOLD),
            ),
        ];
        let mut used = 3;
        if show_date {
            let style = if selected { base } else { theme::dim() };
            let label = match (a.date, app.list.year) {
                (Some(d), Some(_)) => d.format("%b %d").to_string(),
                _ => a.date_label(),
            };
            spans.push(Span::styled(format!("{} ", fit(&label, date_w)), style));
            used += date_w + 1;
        }
        if show_source {
            let src = a.source.as_deref().unwrap_or("");
            let marks = app.list.marks.get(&art).map_or(&[][..], |m| &m.source);
            let (s, u) = fit_spans(src, source_w, marks, base, base.patch(theme::mark()));
            spans.extend(s);
            spans.push(Span::styled(" ".repeat(source_w + 1 - u), base));
            used += source_w + 1;
        }
        let title_w = w.saturating_sub(used);
        // Match positions were computed with the results or when the row came into view.
        let marks = app.list.marks.get(&art).map_or(&[][..], |m| &m.title);
        let title_style = if unread {
            base.add_modifier(Modifier::BOLD)
        } else {
            base
        };
        let (s, u) = fit_spans(
            &a.title,
            title_w,
            marks,
            title_style,
            base.patch(theme::mark()),
        );
        spans.extend(s);
        spans.push(Span::styled(" ".repeat(title_w.saturating_sub(u)), base));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A story row: opened or not, how many reports (of how many), the date span, the outlets,
/// then the story's label.
fn story_line(
    app: &App,
    story: usize,
    listed: usize,
    selected: bool,
    base: Style,
    width: usize,
) -> Line<'static> {
    let Some(s) = app.stories.as_deref().and_then(|s| s.stories.get(story)) else {
        return Line::raw("");
    };
    let opened = app.list.opened.contains(&story);
    let total = s.articles.len();
    let count = if listed == total {
        format!("{total}")
    } else {
        format!("{listed}/{total}")
    };
    let day = |d: chrono::NaiveDate| match app.list.year {
        Some(_) => d.format("%b %d").to_string(),
        None => d.to_string(),
    };
    let span = match (s.first, s.last) {
        (Some(a), Some(b)) if a != b => format!("{}–{}", day(a), day(b)),
        (Some(a), _) => day(a),
        _ => String::new(),
    };
    let mut sources = s
        .sources
        .iter()
        .take(2)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if s.sources.len() > 2 {
        sources.push_str(&format!(" +{}", s.sources.len() - 2));
    }
    let head = format!(
        "{count} · {span}{}",
        if sources.is_empty() {
            String::new()
        } else {
            format!(" · {sources}")
        }
    );
    let head_w = (width.saturating_sub(4) / 2).min(head.chars().count());
    let label_w = width.saturating_sub(4 + head_w);
    let dim = if selected { base } else { theme::dim() };
    Line::from(vec![
        Span::styled(if selected { "▶" } else { " " }, base),
        Span::styled(
            if opened { "▾ " } else { "▸ " },
            base.add_modifier(Modifier::BOLD),
        ),
        Span::styled(fit(&head, head_w), dim),
        Span::styled(" ", base),
        Span::styled(fit(&s.label, label_w), base.add_modifier(Modifier::BOLD)),
    ])
}
