//! The article list: unread marker, date, source, title with matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use super::widgets::{fit, fit_spans, focused, inner};
use crate::app::{App, Focus, ListMode, ListRow, LoadState};

/// Draws the list pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let has_focus = focused(app, Focus::List);
    // Dates in the rows leave out the year when there is only one: it is said here instead.
    // In the stories view the rows are stories: say how many, over the reports shown.
    let stories = app.list.mode == ListMode::Stories;
    let counted = if stories {
        let n = app
            .list
            .rows
            .iter()
            .filter(|r| matches!(r, ListRow::Story { .. }))
            .count();
        format!(" Stories {n} · {}/{} reports", app.shown(), app.total())
    } else {
        format!(" Articles {}/{}", app.shown(), app.total())
    };
    let title = match app.list.year {
        Some(y) => format!("{counted} · {y} "),
        None => format!("{counted} "),
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
    let date_w = if app.list.year.is_some() { 6 } else { 10 };
    // Columns only when some article fills them: undated, unsourced corpora get the room.
    let show_date = w >= 3 + date_w + 1 + 16 && app.list.dated;
    let source_w = if w >= 70 { 14 } else { 11 };
    let show_source = w >= 3 + (date_w + 1) + (source_w + 1) + 24 && app.list.sourced;
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
        // A story's reports hang from it like a tree: the last one closes the branch.
        let last = !matches!(app.list.rows.get(idx + 1), Some(ListRow::Member(_)));
        let mut spans = vec![
            Span::styled(if selected { "▶" } else { " " }, base),
            Span::styled(
                match (member, last, unread) {
                    (true, true, true) => "└•",
                    (true, true, false) => "└ ",
                    (true, false, true) => "├•",
                    (true, false, false) => "├ ",
                    (false, _, true) => "• ",
                    (false, _, false) => "  ",
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

/// Columns a story's label keeps before its outlets are shown.
const MIN_LABEL: usize = 24;

/// A story's first and last day, the end written only as far as it differs:
/// `2013-09-14–19`, `2013-09-14–10-02`; `Sep 14–19` when the list spans one year.
fn date_span(a: chrono::NaiveDate, b: chrono::NaiveDate, one_year: bool) -> String {
    use chrono::Datelike;
    let start = if one_year {
        a.format("%b %d").to_string()
    } else {
        a.to_string()
    };
    if a == b {
        return start;
    }
    let end = if a.year() != b.year() {
        b.to_string()
    } else if a.month() != b.month() {
        b.format(if one_year { "%b %d" } else { "%m-%d" })
            .to_string()
    } else {
        b.format("%d").to_string()
    };
    format!("{start}–{end}")
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
    let span = match (s.first, s.last) {
        (Some(a), b) => date_span(a, b.unwrap_or(a), app.list.year.is_some()),
        (None, _) => String::new(),
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
    // The count and the dates always show; the outlets only while the label keeps room.
    // A lone count keeps its dot, or "16 Reports that ..." reads as the label.
    let core = if span.is_empty() {
        format!("{count} ·")
    } else {
        format!("{count} · {span}")
    };
    let room = width.saturating_sub(4);
    let with_sources = format!("{} · {sources}", core.trim_end_matches(" ·"));
    let head = if !sources.is_empty()
        && room.saturating_sub(with_sources.chars().count()) >= MIN_LABEL.max(room / 2)
    {
        with_sources
    } else {
        core
    };
    let head_w = head.chars().count().min(room);
    let label_w = room.saturating_sub(head_w);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn a_date_span_writes_its_end_only_as_far_as_it_differs() {
        assert_eq!(
            date_span(d(2013, 9, 14), d(2013, 9, 19), false),
            "2013-09-14–19"
        );
        assert_eq!(
            date_span(d(2013, 9, 14), d(2013, 10, 2), false),
            "2013-09-14–10-02"
        );
        assert_eq!(
            date_span(d(2012, 12, 30), d(2013, 1, 2), false),
            "2012-12-30–2013-01-02"
        );
        assert_eq!(
            date_span(d(2013, 9, 14), d(2013, 9, 14), false),
            "2013-09-14"
        );
        assert_eq!(
            date_span(d(2013, 9, 14), d(2013, 10, 2), true),
            "Sep 14–Oct 02"
        );
        assert_eq!(date_span(d(2013, 9, 14), d(2013, 9, 19), true), "Sep 14–19");
    }
}
