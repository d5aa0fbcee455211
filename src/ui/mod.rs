//! Pure draw functions, one per pane, from `&App` to a ratatui frame. No I/O, no state changes,
//! and only the visible rows are ever built.

mod actors;
mod filter;
mod help;
mod links;
mod list;
mod problems;
mod quotes;
mod reader;
mod status;
pub mod theme;
mod widgets;

use ratatui::Frame;

use crate::app::{App, Overlay};
use widgets::rect;

/// Draws the whole screen for `app`.
pub fn draw(app: &App, frame: &mut Frame) {
    let p = app.panes();
    if p.show_list {
        list::draw(app, frame, rect(p.list));
    }
    if p.show_reader {
        reader::draw(app, frame, rect(p.reader));
    }
    if p.show_actors {
        actors::draw(app, frame, rect(p.actors), p.actors_overlay);
    }
    filter::draw(app, frame, rect(p.filter));
    status::draw(app, frame, rect(p.status));
    match app.overlay {
        Some((Overlay::Help, scroll)) => help::draw(frame, frame.area(), scroll),
        Some((Overlay::Problems, scroll)) => problems::draw(app, frame, frame.area(), scroll),
        Some((Overlay::Quotes, scroll)) => quotes::draw(app, frame, frame.area(), scroll),
        Some((Overlay::Links, scroll)) => links::draw(app, frame, frame.area(), scroll),
        None => {}
    }
    widgets::one_cell_per_column(frame.buffer_mut());
}
