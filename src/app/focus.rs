//! Which pane has the keyboard, and which window is drawn over the panes.

/// The pane that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    Actors,
    Filter,
}

impl Focus {
    const ORDER: [Focus; 4] = [Focus::List, Focus::Reader, Focus::Actors, Focus::Filter];

    /// The next pane in Tab order (or the previous one).
    pub fn step(self, forward: bool) -> Focus {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        let n = Self::ORDER.len();
        Self::ORDER[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The key table and filter syntax.
    Help,
    /// Files that could not be read or were repaired while loading.
    Problems,
    /// Who said what in the article or its story.
    Quotes,
    /// The web links of the article, to open in the browser.
    Links,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_cycles_through_every_pane_both_ways() {
        let mut f = Focus::List;
        for _ in 0..4 {
            f = f.step(true);
        }
        assert_eq!(f, Focus::List);
        assert_eq!(Focus::List.step(false), Focus::Filter);
    }
}
