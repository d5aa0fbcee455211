//! The article list: unread marker, date, source, title with matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme;
use super::widgets::{fit, fit_spans, focused, inner};
use crate::app::reader::str_width;
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
    let cols = Columns {
        width: w,
        date: show_date.then_some(date_w),
        source: show_source.then_some(source_w),
    };
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
            lines.push(story_line(app, story, listed, selected, base, &cols));
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
        if let Some(date_w) = cols.date {
            let style = if selected { base } else { theme::dim() };
            let label = date_label(a.date, app.list.year.is_some());
            spans.push(Span::styled(format!("{} ", fit(&label, date_w)), style));
            used += date_w + 1;
        }
        if let Some(source_w) = cols.source {
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

/// The list's columns after the markers: the row width, and the date's and the source's
/// widths when they are shown.
struct Columns {
    width: usize,
    date: Option<usize>,
    source: Option<usize>,
}

/// An article's or a story's date as the date column writes it: without the year when the
/// list spans one year.
fn date_label(date: Option<chrono::NaiveDate>, one_year: bool) -> String {
    match date {
        Some(d) if one_year => d.format("%b %d").to_string(),
        Some(d) => d.to_string(),
        None => String::new(),
    }
}

/// A story row in the article rows' columns, so labels line up with titles: its latest date
/// in the date column, its number of reports in the source column (before the label when
/// that column is hidden), its label as the title; its date span and outlets follow the
/// label when the whole label leaves room for them.
fn story_line(
    app: &App,
    story: usize,
    listed: usize,
    selected: bool,
    base: Style,
    cols: &Columns,
) -> Line<'static> {
    let Some(s) = app.stories.as_deref().and_then(|s| s.stories.get(story)) else {
        return Line::raw("");
    };
    let opened = app.list.opened.contains(&story);
    let total = s.articles.len();
    let n = if listed == total {
        format!("{total}")
    } else {
        format!("{listed}/{total}")
    };
    let one_year = app.list.year.is_some();
    let dim = if selected { base } else { theme::dim() };
    let mut spans = vec![
        Span::styled(if selected { "▶" } else { " " }, base),
        Span::styled(
            if opened { "▾ " } else { "▸ " },
            base.add_modifier(Modifier::BOLD),
        ),
    ];
    let mut used = 3;
    if let Some(date_w) = cols.date {
        let label = date_label(s.last, one_year);
        spans.push(Span::styled(format!("{} ", fit(&label, date_w)), dim));
        used += date_w + 1;
    }
    let mut label = s.label.clone();
    if let Some(source_w) = cols.source {
        let count = format!("{n} report{}", if total == 1 { "" } else { "s" });
        spans.push(Span::styled(format!("{} ", fit(&count, source_w)), dim));
        used += source_w + 1;
    } else {
        // The count keeps its dot, or "16 Reports that ..." would read as the label.
        label = format!("{n} · {label}");
    }
    let title_w = cols.width.saturating_sub(used);
    let mut tail: Vec<String> = Vec::new();
    if let (Some(a), Some(b)) = (s.first, s.last)
        && a != b
    {
        tail.push(date_span(a, b, one_year));
    }
    if !s.sources.is_empty() {
        let mut outlets = s
            .sources
            .iter()
            .take(2)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if s.sources.len() > 2 {
            outlets.push_str(&format!(" +{}", s.sources.len() - 2));
        }
        tail.push(outlets);
    }
    let tail = if tail.is_empty() {
        String::new()
    } else {
        format!(" · {}", tail.join(" · "))
    };
    let label_w = str_width(&label);
    let (tail, label_room) = if label_w + str_width(&tail) <= title_w {
        (tail, label_w)
    } else {
        (String::new(), title_w)
    };
    spans.push(Span::styled(
        fit(&label, label_room),
        base.add_modifier(Modifier::BOLD),
    ));
    spans.push(Span::styled(
        fit(&tail, title_w.saturating_sub(label_room)),
        dim,
    ));
    Line::from(spans)
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
