//! The filter line: the text being typed with its cursor, the parsed query (so bad terms show
//! at once), the selected actor chips, and what Esc cleared (for `u`).

use crate::actors::ActorId;
use crate::query::Query;

use super::action::Action;

/// The filter line's state.
#[derive(Debug, Clone, Default)]
pub struct FilterLine {
    pub input: String,
    /// Byte offset of the cursor in `input`, on a char boundary.
    pub cursor: usize,
    /// `input` parsed, for the red marks of bad terms (the list may still show an older one).
    pub query: Query,
    /// Selected actors (chips): listed articles mention all of them.
    pub chips: Vec<ActorId>,
    /// The text and chips Esc last cleared, for `u`.
    pub undo: Option<(String, Vec<ActorId>)>,
}

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Nothing to search again (a cursor move, or not an edit).
    None,
    /// The text changed: search for it.
    Text,
    /// The chips changed: search from scratch.
    Chips,
}

impl FilterLine {
    /// Whether there is any filter (text or chips).
    pub fn is_active(&self) -> bool {
        !self.input.is_empty() || !self.chips.is_empty()
    }

    /// Applies an editing action (typing, deleting, moving the cursor).
    pub fn edit(&mut self, action: &Action) -> Edit {
        let edit = match *action {
            Action::Insert(c) => {
                self.input.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                Edit::Text
            }
            Action::DeleteBack => {
                if let Some((i, _)) = self.input[..self.cursor].char_indices().next_back() {
                    self.input.replace_range(i..self.cursor, "");
                    self.cursor = i;
                    Edit::Text
                } else if self.input.is_empty() && self.chips.pop().is_some() {
                    Edit::Chips
                } else {
                    Edit::None
                }
            }
            Action::DeleteWord => {
                let before = &self.input[..self.cursor];
                // Whitespace may be wider than a byte (a no-break space).
                let start = before
                    .trim_end()
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.input.replace_range(start..self.cursor, "");
                self.cursor = start;
                Edit::Text
            }
            Action::ClearInput => {
                self.input.clear();
                self.cursor = 0;
                Edit::Text
            }
            Action::CursorLeft => {
                if let Some((i, _)) = self.input[..self.cursor].char_indices().next_back() {
                    self.cursor = i;
                }
                Edit::None
            }
            Action::CursorRight => {
                if let Some(c) = self.input[self.cursor..].chars().next() {
                    self.cursor += c.len_utf8();
                }
                Edit::None
            }
            Action::CursorStart => {
                self.cursor = 0;
                Edit::None
            }
            Action::CursorEnd => {
                self.cursor = self.input.len();
                Edit::None
            }
            _ => Edit::None,
        };
        if edit != Edit::None {
            // A new filter is being made: `u` must not bring an old one back over it.
            self.undo = None;
            self.query = Query::parse(&self.input);
        }
        edit
    }

    /// Selects or unselects an actor.
    pub fn toggle_chip(&mut self, id: ActorId) {
        self.undo = None;
        match self.chips.iter().position(|&c| c == id) {
            Some(i) => {
                self.chips.remove(i);
            }
            None => self.chips.push(id),
        }
    }

    /// Clears text and chips, keeping them for [`FilterLine::undo`].
    pub fn clear(&mut self) {
        let input = std::mem::take(&mut self.input);
        let chips = std::mem::take(&mut self.chips);
        self.undo = Some((input, chips));
        self.cursor = 0;
        self.query = Query::default();
    }

    /// Puts back what the last clear took; false when there is nothing to put back.
    pub fn undo(&mut self) -> bool {
        match self.undo.take() {
            Some((input, chips)) => {
                self.cursor = input.len();
                self.query = Query::parse(&input);
                self.input = input;
                self.chips = chips;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_parses_at_once_and_forgets_the_undo() {
        let mut f = FilterLine::default();
        f.chips.push(3);
        f.clear();
        assert_eq!(f.edit(&Action::Insert('x')), Edit::Text);
        assert!(f.undo.is_none());
        assert_eq!(f.query, Query::parse("x"));
    }

    #[test]
    fn backspace_on_an_empty_line_drops_the_last_chip() {
        let mut f = FilterLine {
            chips: vec![1, 2],
            ..FilterLine::default()
        };
        assert_eq!(f.edit(&Action::DeleteBack), Edit::Chips);
        assert_eq!(f.chips, [1]);
    }

    #[test]
    fn clear_then_undo_restores_text_and_chips() {
        let mut f = FilterLine::default();
        for c in "@lami".chars() {
            f.edit(&Action::Insert(c));
        }
        f.toggle_chip(7);
        f.clear();
        assert!(!f.is_active());
        assert!(f.undo());
        assert_eq!((f.input.as_str(), f.chips.as_slice()), ("@lami", &[7][..]));
        assert!(!f.undo());
    }
}
