//! Where each pane goes for a terminal size. Pure geometry, computed by the app (which needs
//! page heights, the reading width and mouse hit-testing) and handed to drawing.

use super::focus::Focus;

/// A rectangle of terminal cells (the app's own type: state knows no drawing library).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rect {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Rect {
    /// A rectangle at `x`, `y` of `width` x `height` cells.
    pub const fn new(x: u16, y: u16, width: u16, height: u16) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    /// The column just right of the rectangle.
    pub fn right(self) -> u16 {
        self.x.saturating_add(self.width)
    }

    /// The row just below the rectangle.
    pub fn bottom(self) -> u16 {
        self.y.saturating_add(self.height)
    }

    /// Whether the cell at `column`, `row` is inside.
    pub fn contains(self, column: u16, row: u16) -> bool {
        column >= self.x && column < self.right() && row >= self.y && row < self.bottom()
    }
}

/// Longest reading line in columns: longer lines are hard to follow back to their start.
pub const READ_WIDTH: usize = 80;
/// Widest reading pane: the text, a column of padding each side, the borders.
const READER_MAX: u16 = READ_WIDTH as u16 + 4;
/// Narrowest reading pane in the wide layout (40 columns of text, a newspaper column).
const READER_MIN: u16 = 44;
/// What the list would like in the wide layout: date, source and a useful title.
const LIST_WANT: u16 = 60;

/// How many panes fit side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// More than 100 columns: list, reader and actor sidebar.
    Wide,
    /// 60 to 100 columns: list and reader; the actors are an overlay. (Three panes in 100
    /// columns leave a cramped reader or a list without titles.)
    Narrow,
    /// Fewer than 60 columns: one pane at a time.
    Single,
}

impl Mode {
    /// The mode for a terminal width.
    pub fn for_width(width: u16) -> Mode {
        if width > 100 {
            Mode::Wide
        } else if width >= 60 {
            Mode::Narrow
        } else {
            Mode::Single
        }
    }
}

/// The rectangles of one frame. Pane rectangles are valid even for hidden panes (so the
/// reading width does not change when focus moves); `show_*` says what is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub mode: Mode,
    pub list: Rect,
    pub reader: Rect,
    pub actors: Rect,
    pub filter: Rect,
    pub status: Rect,
    pub show_list: bool,
    pub show_reader: bool,
    pub show_actors: bool,
    /// The actors are drawn over the reader (narrow mode).
    pub actors_overlay: bool,
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// Lays out a frame of `area` with `focus`; `zoom` gives the reading view the whole width
/// (centred, at most a comfortable line), the actors an overlay.
pub fn panes(area: Rect, focus: Focus, zoom: bool) -> Panes {
    let h = area.height;
    // Bottom rows: filter line and status bar, as long as there is room.
    let (body_h, filter_h, status_h) = match h {
        0 => (0, 0, 0),
        1 => (0, 0, 1),
        2 => (0, 1, 1),
        _ => (h - 2, 1, 1),
    };
    let body = Rect {
        height: body_h,
        ..area
    };
    let filter = Rect {
        y: area.y + body_h,
        height: filter_h,
        ..area
    };
    let status = Rect {
        y: area.y + body_h + filter_h,
        height: status_h,
        ..area
    };
    let mode = Mode::for_width(area.width);
    let w = area.width;
    let split = |x: u16, width: u16| Rect { x, width, ..body };
    let (list, reader, actors) = match mode {
        Mode::Wide => {
            let side = (w.saturating_sub(10) / 5).clamp(20, 30);
            let rest = w - side;
            // The reader gets what the list can spare, at most a comfortable line; anything
            // wider goes to the list, whose titles can use it.
            let reader_w = rest
                .saturating_sub(LIST_WANT)
                .clamp(READER_MIN, READER_MAX)
                .min(rest);
            let list_w = rest - reader_w;
            (
                split(area.x, list_w),
                split(area.x + list_w, reader_w),
                split(area.x + rest, side),
            )
        }
        Mode::Narrow => {
            let list_w = w * 2 / 5;
            let side = w.min(34);
            (
                split(area.x, list_w),
                split(area.x + list_w, w - list_w),
                split(area.x + w - side, side),
            )
        }
        Mode::Single => (body, body, body),
    };
    if zoom && mode != Mode::Single {
        let reader_w = w.min(READER_MAX);
        let side = w.min(34);
        let visible = body_h > 0;
        return Panes {
            mode,
            list,
            reader: split(area.x + (w - reader_w) / 2, reader_w),
            actors: split(area.x + w - side, side),
            filter,
            status,
            show_list: false,
            show_reader: visible,
            show_actors: visible && focus == Focus::Actors,
            actors_overlay: true,
        };
    }
    let (show_list, show_reader, show_actors) = match (mode, focus) {
        (Mode::Wide, _) => (true, true, true),
        (Mode::Narrow, f) => (true, true, f == Focus::Actors),
        (Mode::Single, Focus::Reader) => (false, true, false),
        (Mode::Single, Focus::Actors) => (false, false, true),
        (Mode::Single, _) => (true, false, false),
    };
    let visible = body_h > 0;
    Panes {
        mode,
        list,
        reader,
        actors,
        filter,
        status,
        show_list: show_list && visible,
        show_reader: show_reader && visible,
        show_actors: show_actors && visible,
        actors_overlay: mode == Mode::Narrow,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(w: u16, h: u16) -> Rect {
        Rect::new(0, 0, w, h)
    }

    #[test]
    fn zoom_shows_the_reader_alone_centred_at_a_reading_width() {
        let p = panes(area(120, 40), Focus::Reader, true);
        assert!(p.show_reader && !p.show_list && !p.show_actors);
        assert_eq!(inner(p.reader).width as usize - 2, READ_WIDTH);
        assert_eq!(p.reader.x, (120 - p.reader.width) / 2);
        let p = panes(area(80, 24), Focus::Actors, true);
        assert!(p.show_reader && p.show_actors && p.actors_overlay);
        assert_eq!(p.reader.width, 80);
        // One pane at a time already: zoom changes nothing.
        assert_eq!(
            panes(area(50, 20), Focus::Reader, true),
            panes(area(50, 20), Focus::Reader, false)
        );
    }

    #[test]
    fn wide_shows_three_panes_that_tile_the_width() {
        let p = panes(area(120, 40), Focus::List, false);
        assert_eq!(p.mode, Mode::Wide);
        assert!(p.show_list && p.show_reader && p.show_actors);
        assert_eq!(p.list.width + p.reader.width + p.actors.width, 120);
        assert_eq!(p.reader.x, p.list.right());
        assert_eq!(p.filter.y, 38);
        assert_eq!(p.status.y, 39);
    }

    #[test]
    fn wide_caps_the_reading_line_and_gives_the_rest_to_the_list() {
        for w in [101, 120, 150, 200, 300] {
            let p = panes(area(w, 40), Focus::List, false);
            assert_eq!(p.mode, Mode::Wide, "{w}");
            let text = inner(p.reader).width as usize - 2;
            assert!((40..=READ_WIDTH).contains(&text), "{w}: reader text {text}");
            assert_eq!(p.list.width + p.reader.width + p.actors.width, w);
        }
        // 120 columns: date, source and 30 columns of title in the list.
        assert!(inner(panes(area(120, 40), Focus::List, false).list).width >= 52);
        // 200 columns: lines of 80, and the list takes the spare room.
        let p = panes(area(200, 50), Focus::List, false);
        assert_eq!(inner(p.reader).width as usize - 2, READ_WIDTH);
        assert!(p.list.width > p.reader.width);
    }

    #[test]
    fn up_to_100_columns_the_reader_is_not_cramped() {
        for w in [81, 90, 100] {
            let p = panes(area(w, 30), Focus::List, false);
            assert_eq!(p.mode, Mode::Narrow);
            assert!(inner(p.reader).width >= 45, "{w}: {}", p.reader.width);
        }
    }

    #[test]
    fn narrow_folds_the_sidebar_into_an_overlay() {
        let p = panes(area(80, 24), Focus::List, false);
        assert_eq!(p.mode, Mode::Narrow);
        assert!(!p.show_actors);
        let p = panes(area(80, 24), Focus::Actors, false);
        assert!(p.show_actors && p.actors_overlay);
    }

    #[test]
    fn single_shows_the_focused_pane() {
        let p = panes(area(50, 20), Focus::Reader, false);
        assert!(p.show_reader && !p.show_list);
        let p = panes(area(50, 20), Focus::Filter, false);
        assert!(p.show_list);
    }

    #[test]
    fn tiny_sizes_do_not_underflow() {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (1, 2),
            (2, 3),
            (20, 5),
            (59, 1),
            (81, 2),
            (101, 3),
        ] {
            let p = panes(area(w, h), Focus::Actors, false);
            assert!(p.status.bottom() <= h);
            assert!(inner(p.list).width <= w);
        }
    }
}
