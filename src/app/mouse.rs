//! Mouse hit-testing: which pane (and which row of it) a cell belongs to, from the layout.

use super::layout::{self, Panes};

/// What a click or a wheel turn at a cell is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Filter,
    /// The list pane; the row on screen (0 = first visible) when over one.
    List(Option<usize>),
    /// The actor sidebar; the row on screen when over one.
    Actors(Option<usize>),
    Reader,
    /// The status bar, a border gap, or a hidden pane.
    Nothing,
}

/// The pane under `column`, `row`; overlays drawn on top (the narrow actor sidebar) win.
pub fn target(p: &Panes, column: u16, row: u16) -> Target {
    let row_in = |r: layout::Rect| {
        let inner = layout::inner(r);
        inner
            .contains(column, row)
            .then(|| (row - inner.y) as usize)
    };
    if p.filter.contains(column, row) {
        Target::Filter
    } else if p.show_actors && p.actors.contains(column, row) {
        Target::Actors(row_in(p.actors))
    } else if p.show_list && p.list.contains(column, row) {
        Target::List(row_in(p.list))
    } else if p.show_reader && p.reader.contains(column, row) {
        Target::Reader
    } else {
        Target::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::focus::Focus;
    use crate::app::layout::{Rect, panes};

    #[test]
    fn cells_map_to_panes_and_rows() {
        let p = panes(Rect::new(0, 0, 120, 40), Focus::List, false);
        assert_eq!(target(&p, p.list.x, p.list.y), Target::List(None));
        assert_eq!(
            target(&p, p.list.x + 2, p.list.y + 3),
            Target::List(Some(2))
        );
        assert_eq!(target(&p, p.reader.x + 5, 10), Target::Reader);
        assert_eq!(
            target(&p, p.actors.x + 2, p.actors.y + 1),
            Target::Actors(Some(0))
        );
        assert_eq!(target(&p, 3, p.filter.y), Target::Filter);
        assert_eq!(target(&p, 3, p.status.y), Target::Nothing);
    }

    #[test]
    fn the_narrow_sidebar_overlay_is_on_top() {
        let p = panes(Rect::new(0, 0, 80, 24), Focus::Actors, false);
        assert!(p.actors_overlay);
        assert!(matches!(target(&p, 79, 5), Target::Actors(_)));
    }
}
