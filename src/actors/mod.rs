//! Actors: recognise people, organisations and places, merge their aliases, index them.
//!
//! Pipeline: [`token`] splits paragraphs into words with byte offsets and
//! sentence starts; [`recognize`] finds candidate names (gazetteer entries and
//! rule-found runs of capitals) with evidence of their kind; [`resolve`] merges
//! candidates into actors within each article and across the corpus. Knowledge
//! (gazetteer, word classes, translations) lives in `assets/actors/` ([`lexicon`]).

mod lexicon;
mod norm;
mod recognize;
mod resolve;
mod token;

use serde::Serialize;

use lexicon::LEXICON;
use recognize::{Found, Para, Seen};

/// Index of an actor in the corpus' actor table.
pub type ActorId = usize;

/// What an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Place,
    Other,
}

/// One actor, under its canonical name, with every spelling seen.
#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
}

/// One mention: byte range `start..end` inside paragraph `paragraph` of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub actor: ActorId,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// Result of extraction over a whole corpus.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub actors: Vec<Actor>,
    /// Mentions per article (same order as the input), sorted by position.
    pub mentions: Vec<Vec<Mention>>,
}

/// Finds and resolves the actors of every article (paragraphs per article).
pub fn extract(articles: &[&[String]]) -> Extraction {
    let lex = &*LEXICON;
    let mut toks = Vec::new();
    let mut buf = String::new();
    // First pass: which words the corpus writes in lowercase, or capitalised
    // inside sentences; this tells "Calls for..." from "Shafaq News said".
    let mut seen = Seen::default();
    for paras in articles {
        for p in paras.iter() {
            token::tokenize(p, lex, &mut buf, &mut toks);
            seen.observe(p, &toks);
        }
    }
    let mut found = Vec::with_capacity(articles.len());
    for paras in articles {
        let mut f = Found::default();
        for (index, text) in paras.iter().enumerate() {
            token::tokenize(text, lex, &mut buf, &mut toks);
            let para = Para {
                text,
                toks: &toks,
                index,
                lex,
                seen: &seen,
            };
            recognize::recognize(&para, &mut f);
        }
        found.push(f);
    }
    resolve::resolve(articles, &found, lex)
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
