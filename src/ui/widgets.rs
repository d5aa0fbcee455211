//! Small drawing helpers every pane uses: cells from the app's geometry, text cut to a width,
//! centred boxes, notices.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::app::layout::{self, Rect as Area};
use crate::app::reader::char_width;
use crate::app::{App, Focus};
use crate::sanitize::{self, safe_char};

/// A pane's rectangle as ratatui draws it.
pub fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    rect(layout::inner(Area::new(r.x, r.y, r.width, r.height)))
}

/// A short notice wrapped into `area` (empty panes, loading, errors).
pub fn message(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    let lines: Vec<Line> = textwrap::wrap(&sanitize::one_line(text), area.width.max(1) as usize)
        .into_iter()
        .map(|l| Line::styled(l.into_owned(), style))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// `text` cut to `width` columns (ending in `…` when cut), terminal-safe, with the characters
/// at `marks` (char indices, ascending) in `mark` style. Returns the spans and the width used.
///
/// Text is cut and styled by grapheme clusters, never inside one: a Thai vowel or tone mark
/// split from its consonant would start a span on its own, and the terminal would draw it
/// apart or not at all. A cluster with a marked character is marked whole.
pub fn fit_spans(
    text: &str,
    width: usize,
    marks: &[usize],
    base: Style,
    mark: Style,
) -> (Vec<Span<'static>>, usize) {
    let total: usize = text.graphemes(true).map(grapheme_width).sum();
    let budget = if total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    let mut used = 0;
    let mut marks = marks.iter().peekable();
    let mut chars = 0;
    for g in text.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > budget {
            break;
        }
        used += w;
        let (from, to) = (chars, chars + g.chars().count());
        chars = to;
        while marks.peek().is_some_and(|&&m| m < from) {
            marks.next();
        }
        let marked = marks.peek().is_some_and(|&&m| m < to);
        if marked != run_marked && !run.is_empty() {
            let style = if run_marked { mark } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = marked;
        run.extend(g.chars().map(safe_char));
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_marked { mark } else { base }));
    }
    if total > width && width > 0 {
        spans.push(Span::styled("…", base));
        used += 1;
    }
    (spans, used)
}

/// Columns a grapheme cluster takes as ratatui lays it out: the cluster's width; controls
/// (one column each as stand-ins, `\r\n` two) by the character.
fn grapheme_width(g: &str) -> usize {
    if g.chars().count() == 1
        || g.chars()
            .any(|c| c.is_control() || sanitize::is_forbidden(c))
    {
        g.chars().map(char_width).sum()
    } else {
        g.width()
    }
}

/// Gives each spacing character of a cluster its own cell, as terminals draw them.
///
/// ratatui keeps a grapheme cluster in one cell as wide as the cluster, so "กำ" (ก, then
/// SARA AM U+0E33, one column each) is one cell two columns wide whose second column it
/// never writes again. A terminal holds ก and ำ in two cells: when the row is redrawn with
/// a blank there (a shorter title, the help overlay over the list), ำ stays on screen. One
/// cell per column keeps ratatui's picture of the screen and the terminal's the same. Wide
/// characters and flags, which terminals draw as one wide glyph, are left as they are.
pub fn one_cell_per_column(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let parts = columns(buf[(x, y)].symbol());
            let fits = usize::from(area.right() - x) >= parts.len();
            if parts.is_empty() || !fits {
                x += 1;
                continue;
            }
            let cell = buf[(x, y)].clone();
            for part in &parts {
                let mut c = cell.clone();
                c.set_symbol(part);
                buf[(x, y)] = c;
                x += 1;
            }
        }
    }
}

/// A cluster cut into one piece per column, each spacing character with the marks after
/// it; empty when the cluster takes one column or holds a wide character or a flag's half.
fn columns(cluster: &str) -> Vec<String> {
    let mut chars = cluster.chars();
    if chars.next().is_none() || chars.next().is_none() {
        return Vec::new();
    }
    let mut parts: Vec<String> = Vec::new();
    for c in cluster.chars() {
        let regional = ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
        match char_width(c) {
            0 => match parts.last_mut() {
                Some(p) => p.push(c),
                None => parts.push(c.to_string()),
            },
            1 if !regional => parts.push(c.to_string()),
            _ => return Vec::new(),
        }
    }
    // Only when ratatui gives the cluster as many columns as it has pieces.
    if parts.len() > 1 && cluster.width() == parts.len() {
        parts
    } else {
        Vec::new()
    }
}

/// A rectangle of at most `width` x `height` centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (w, h) = (area.width.min(width), area.height.min(height));
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// `text` cut to `width` columns and padded to exactly `width`.
pub fn fit(text: &str, width: usize) -> String {
    let (spans, used) = fit_spans(text, width, &[], Style::new(), Style::new());
    let mut s: String = spans.iter().map(|s| s.content.as_ref()).collect();
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    s
}

/// Whether `pane` has focus (the filter counts as the list for highlighting rows).
pub fn focused(app: &App, pane: Focus) -> bool {
    app.focus == pane
}

/// The rows of a scrolled list of wrapped entries, `render(k)` giving entry `k`'s rows, from
/// entry `scroll` at the top: always as many rows as the list's start fills, so the window
/// keeps one height while it scrolls (blank rows below the last entry). A blank row that
/// would open the window goes. Only the entries that can show are rendered.
pub fn scrolled_rows<'a>(
    n: usize,
    scroll: usize,
    max_rows: usize,
    render: impl Fn(usize) -> Vec<Line<'a>>,
) -> Vec<Line<'a>> {
    let mut height = 0;
    for k in 0..n {
        if height >= max_rows {
            break;
        }
        height += render(k).len();
    }
    let height = height.min(max_rows);
    let mut rows: Vec<Line<'a>> = Vec::new();
    for k in scroll.min(n.saturating_sub(1))..n {
        if rows.len() > height {
            break;
        }
        rows.extend(render(k));
    }
    if rows.first().is_some_and(|r| r.width() == 0) {
        rows.remove(0);
    }
    rows.truncate(height);
    rows.resize(height, Line::raw(""));
    rows
}

/// Draws `lines` in a bordered window titled `title`, centred in `area`, `size.0` wide and as
/// tall as the lines but at most `size.1` rows.
pub fn window(frame: &mut Frame, area: Rect, size: (u16, u16), title: String, lines: Vec<Line>) {
    let (width, max_h) = size;
    let height = u16::try_from(lines.len() + 2).map_or(max_h, |h| h.min(max_h));
    let r = centred(area, width, height);
    frame.render_widget(Clear, r);
    frame.render_widget(super::theme::block(title, true), r);
    let inner = inner(r);
    if inner.is_empty() {
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme;

    #[test]
    fn a_scrolled_list_keeps_its_height_from_its_first_entry_to_its_last() {
        // Entries of 1, 2, 3, 1, 2 rows: "k.r" is row r of entry k.
        let sizes = [1, 2, 3, 1, 2];
        let render = |k: usize| -> Vec<Line<'static>> {
            (0..sizes[k])
                .map(|r| Line::raw(format!("{k}.{r}")))
                .collect()
        };
        let text = |rows: &[Line]| -> Vec<String> { rows.iter().map(|l| l.to_string()).collect() };
        for scroll in 0..8 {
            assert_eq!(
                scrolled_rows(5, scroll, 4, render).len(),
                4,
                "scroll {scroll}"
            );
        }
        assert_eq!(
            text(&scrolled_rows(5, 1, 4, render)),
            ["1.0", "1.1", "2.0", "2.1"]
        );
        // The last entry reaches the top, blank rows below it.
        assert_eq!(
            text(&scrolled_rows(5, 4, 4, render)),
            ["4.0", "4.1", "", ""]
        );
        // A list shorter than the room shows whole, at its own height.
        assert_eq!(scrolled_rows(2, 1, 10, render).len(), 3);
        assert!(scrolled_rows(0, 0, 10, render).is_empty());
        // A blank row never opens the window.
        let spaced =
            |k: usize| -> Vec<Line<'static>> { vec![Line::raw(""), Line::raw(format!("{k}"))] };
        assert_eq!(text(&scrolled_rows(3, 1, 4, spaced)), ["1", "", "2", ""]);
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_and_pads() {
        assert_eq!(fit("hello world", 8), "hello w…");
        assert_eq!(fit("hi", 4), "hi  ");
        assert_eq!(fit("日本語", 5), "日本…");
        assert_eq!(fit("anything", 0), "");
        assert_eq!(fit("x\u{1b}y", 3), "x?y");
    }

    #[test]
    fn thai_is_cut_and_marked_by_whole_clusters() {
        // "กิน": the vowel ิ (U+0E34) sits on ก and takes no column of its own.
        let (spans, used) = fit_spans("กินข้าว", 10, &[0], Style::new(), theme::mark());
        assert_eq!(used, 5);
        assert_eq!(spans[0].content, "กิ");
        assert_eq!(spans[0].style, theme::mark());
        // Drawn, the marked cluster keeps its vowel (a span opening on a lone mark loses it).
        let mut buf = ratatui::buffer::Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_line(0, 0, &Line::from(spans), 6);
        assert_eq!(buf[(0, 0)].symbol(), "กิ");
        assert_eq!(buf[(1, 0)].symbol(), "น");
        // A mark on the vowel marks its consonant too.
        let (spans, _) = fit_spans("กินข้าว", 10, &[1], Style::new(), theme::mark());
        assert_eq!(spans[0].content, "กิ");
        // "กำ" (with SARA AM, U+0E33) is one cluster two columns wide: kept whole or not at all.
        assert_eq!(fit("กำแพง", 2), "… ");
        assert_eq!(fit("กำแพง", 3), "กำ…");
        assert_eq!(fit("น้ำท่วม", 4), "น้ำท่…");
        assert_eq!(fit("น้ำท่วม", 5), "น้ำท่วม");
    }

    #[test]
    fn a_cluster_of_spacing_characters_takes_one_cell_per_column() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "น้ำกิ日x", theme::mark());
        // ratatui's own layout: "น้ำ" one cell two columns wide.
        assert_eq!(buf[(0, 0)].symbol(), "น้ำ");
        one_cell_per_column(&mut buf);
        let cells: Vec<&str> = (0..8).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(cells, ["น้", "ำ", "กิ", "日", " ", "x", " ", " "]);
        assert_eq!(buf[(1, 0)].style(), buf[(0, 0)].style());
        // Wide characters and flags stay one glyph.
        assert!(columns("🇹🇭").is_empty());
        assert!(columns("日\u{0E34}").is_empty());
        assert!(columns("👍🏽").is_empty());
        assert!(columns("e\u{301}").is_empty());
        assert_eq!(columns("คำ"), ["ค", "ำ"]);
    }

    #[test]
    fn fit_spans_marks_characters() {
        let (spans, used) = fit_spans("Nujaba", 10, &[0, 1, 2], Style::new(), theme::mark());
        assert_eq!(used, 6);
        assert_eq!(spans[0].content, "Nuj");
        assert_eq!(spans[0].style, theme::mark());
        assert_eq!(spans[1].content, "aba");
    }
}
