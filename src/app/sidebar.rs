//! The actor sidebar: the actors of the listed articles by kind, counted over the list, and
//! its selection (which steps over the kind headings).

use crate::actors::{ActorId, ActorKind};
use crate::corpus::Corpus;

use super::list::{Cursor, ListRow, cmp_ci};

/// One row of the actor sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideRow {
    /// A kind heading with the number of actors under it.
    Header { kind: ActorKind, actors: usize },
    /// An actor with the number of listed articles that mention it.
    Actor { id: ActorId, count: usize },
}

/// The sidebar's state.
#[derive(Debug, Clone, Default)]
pub struct Sidebar {
    pub rows: Vec<SideRow>,
    pub cursor: Cursor,
    /// The actor to select at the next rebuild instead of the one under the cursor (after a
    /// reload, whose actors have new ids).
    pub want: Option<ActorId>,
}

impl Sidebar {
    /// The actor under the selection.
    pub fn selected(&self) -> Option<ActorId> {
        match self.rows.get(self.cursor.sel) {
            Some(SideRow::Actor { id, .. }) => Some(*id),
            _ => None,
        }
    }

    /// Number of actors (not headings) shown.
    pub fn actor_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r, SideRow::Actor { .. }))
            .count()
    }

    /// Facets for the listed articles, keeping the selected actor selected if still there.
    pub fn rebuild(&mut self, corpus: &Corpus, listed: &[ListRow]) {
        let keep = self.want.take().or_else(|| self.selected());
        self.rows = facets(corpus, listed);
        let found = keep.and_then(|k| {
            self.rows
                .iter()
                .position(|r| matches!(r, SideRow::Actor { id, .. } if *id == k))
        });
        match found {
            Some(i) => self.cursor.sel = i,
            None => {
                self.cursor.sel = self.cursor.sel.min(self.rows.len().saturating_sub(1));
                self.move_by(0);
            }
        }
    }

    /// Moves the selection by `delta` rows, stepping over headings.
    pub fn move_by(&mut self, delta: isize) {
        let len = self.rows.len();
        if len == 0 {
            return;
        }
        let mut c = self.cursor;
        c.move_by(delta, len);
        let is_actor = |i: usize| matches!(self.rows.get(i), Some(SideRow::Actor { .. }));
        let forward = delta > 0;
        let find = |from: usize, fwd: bool| -> Option<usize> {
            if fwd {
                (from..len).find(|&i| is_actor(i))
            } else {
                (0..=from).rev().find(|&i| is_actor(i))
            }
        };
        self.cursor.sel = find(c.sel, forward)
            .or_else(|| find(c.sel, !forward))
            .unwrap_or(c.sel);
    }
}

/// The actors of the listed articles grouped by kind, most listed first.
fn facets(corpus: &Corpus, listed: &[ListRow]) -> Vec<SideRow> {
    let actors = corpus.actors.actors();
    let mut counts = vec![0usize; actors.len()];
    for r in listed {
        for &(id, _) in corpus.actors.actors_of(r.article()) {
            if let Some(c) = counts.get_mut(id) {
                *c += 1;
            }
        }
    }
    let mut rows = Vec::new();
    for kind in [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Place,
        ActorKind::Other,
    ] {
        let mut ids: Vec<ActorId> = (0..actors.len())
            .filter(|&i| counts[i] > 0 && actors[i].kind == kind)
            .collect();
        if ids.is_empty() {
            continue;
        }
        ids.sort_by(|&a, &b| {
            counts[b]
                .cmp(&counts[a])
                .then_with(|| cmp_ci(&actors[a].name, &actors[b].name))
        });
        rows.push(SideRow::Header {
            kind,
            actors: ids.len(),
        });
        rows.extend(ids.into_iter().map(|id| SideRow::Actor {
            id,
            count: counts[id],
        }));
    }
    rows
}
