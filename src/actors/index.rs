//! What extraction yields: the corpus' actors with their mentions, and the index built on it
//! (actor -> articles and counts, article -> actors).

use serde::Serialize;

use crate::article::{ActorId, ActorKind, Mention};

/// One actor, under its canonical name, with every spelling seen.
#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
}

/// Result of extraction over a whole corpus.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub actors: Vec<Actor>,
    /// Mentions per article (same order as the input), sorted by position.
    pub mentions: Vec<Vec<Mention>>,
}

/// Actor -> articles and counts, article -> actors, co-occurrence; built once at load.
#[derive(Debug, Clone, Default)]
pub struct ActorIndex {
    actors: Vec<Actor>,
    /// Per article: (actor, mentions) sorted by actor id.
    by_article: Vec<Vec<(ActorId, u32)>>,
    /// Per actor: articles (ascending) that mention it.
    by_actor: Vec<Vec<usize>>,
    mention_totals: Vec<u32>,
}

impl ActorIndex {
    /// Builds the index from an extraction over `n_articles` articles.
    pub fn build(extraction: &Extraction) -> Self {
        let n = extraction.actors.len();
        let mut by_actor = vec![Vec::new(); n];
        let mut mention_totals = vec![0u32; n];
        let mut by_article = Vec::with_capacity(extraction.mentions.len());
        for (art, mentions) in extraction.mentions.iter().enumerate() {
            let mut counts: Vec<(ActorId, u32)> = Vec::new();
            for m in mentions {
                match counts.binary_search_by_key(&m.actor, |c| c.0) {
                    Ok(i) => counts[i].1 += 1,
                    Err(i) => counts.insert(i, (m.actor, 1)),
                }
            }
            for &(a, c) in &counts {
                by_actor[a].push(art);
                mention_totals[a] += c;
            }
            by_article.push(counts);
        }
        Self {
            actors: extraction.actors.clone(),
            by_article,
            by_actor,
            mention_totals,
        }
    }

    /// All actors, indexed by `ActorId`.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// Articles (indices, ascending) that mention `actor`.
    pub fn articles_of(&self, actor: ActorId) -> &[usize] {
        self.by_actor.get(actor).map_or(&[], |v| v.as_slice())
    }

    /// Actors of an article with their mention counts, by actor id.
    pub fn actors_of(&self, article: usize) -> &[(ActorId, u32)] {
        self.by_article.get(article).map_or(&[], |v| v.as_slice())
    }

    /// Mentions of `actor` across the corpus.
    pub fn mentions_total(&self, actor: ActorId) -> u32 {
        self.mention_totals.get(actor).copied().unwrap_or(0)
    }

    /// Number of articles mentioning both actors.
    pub fn cooccurrence(&self, a: ActorId, b: ActorId) -> usize {
        let (xs, ys) = (self.articles_of(a), self.articles_of(b));
        xs.iter().filter(|x| ys.binary_search(x).is_ok()).count()
    }
}
