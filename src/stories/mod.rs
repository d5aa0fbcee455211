//! Stories: the reports of one event grouped together, what each report alone says, and who
//! is quoted.
//!
//! [`group`] clusters the corpus into [`Story`]s ([`group`](mod@group) module: TF-IDF and
//! average linkage); [`near_duplicates`] marks rewrites and wire copies inside a story
//! ([`dedup`]); [`unique_sentences`] finds the sentences no other report of the story carries
//! ([`unique`]); [`quotes`] finds quotes and their speakers ([`quotes`](mod@quotes)).
//! Nothing here knows about terminals.

pub mod dedup;
pub mod group;
pub mod quotes;
mod text;
pub mod unique;

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::actors::ActorId;
use crate::corpus::Corpus;

pub use dedup::{NearDuplicate, near_duplicates};
pub use group::Params;
pub use quotes::{Quote, quotes};
pub use unique::{Passage, unique_sentences};

/// One event and the articles that report it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// Stable across reloads: derived from the content of the story's first report.
    pub id: String,
    /// The title of the report closest to all the others.
    pub label: String,
    /// Indices into `corpus.articles`, earliest first (undated last, then by id).
    pub articles: Vec<usize>,
    /// Outlets, most frequent first.
    pub sources: Vec<String>,
    /// Earliest known date of a report.
    pub first: Option<NaiveDate>,
    /// Latest known date of a report.
    pub last: Option<NaiveDate>,
    /// Leading actors: those in the most reports, then with the most mentions.
    pub actors: Vec<ActorId>,
}

/// All stories of a corpus and the story of each article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stories {
    /// Largest first, then latest first.
    pub stories: Vec<Story>,
    of_article: Vec<usize>,
}

impl Stories {
    /// Index into `stories` of the story that holds `article`.
    pub fn story_of(&self, article: usize) -> Option<usize> {
        self.of_article.get(article).copied()
    }

    /// All reports of the story that holds `article`, itself included.
    pub fn members(&self, article: usize) -> &[usize] {
        self.story_of(article)
            .map_or(&[][..], |s| self.stories[s].articles.as_slice())
    }
}

/// Most actors listed per story.
const LEADING_ACTORS: usize = 5;

/// Groups the corpus into stories with the tuned parameters; every article is in exactly one.
pub fn group(corpus: &Corpus) -> Stories {
    group_with(corpus, &Params::default())
}

/// Groups the corpus into stories with explicit parameters (for tuning and tests).
pub fn group_with(corpus: &Corpus, params: &Params) -> Stories {
    let articles = &corpus.articles;
    let vectors = group::vectors(articles, params);
    let dates: Vec<_> = articles.iter().map(|a| a.date).collect();
    let edges = group::similar_pairs(&vectors, &dates, params);
    let clusters = group::average_linkage(&group::facts(corpus), edges, params);
    // Stories are built independently (labels compare members, ids hash whole texts); the
    // collected order is the clusters' order, so sorting below is unchanged.
    let mut stories: Vec<Story> = clusters
        .into_par_iter()
        .map(|members| story(corpus, &vectors, members))
        .collect();
    stories.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.last.cmp(&a.last))
            .then_with(|| a.id.cmp(&b.id))
    });
    disambiguate_ids(&mut stories);
    let mut of_article = vec![0; articles.len()];
    for (s, story) in stories.iter().enumerate() {
        for &a in &story.articles {
            of_article[a] = s;
        }
    }
    Stories {
        stories,
        of_article,
    }
}

/// Builds the story of one group of articles.
fn story(corpus: &Corpus, vectors: &group::Vectors, mut members: Vec<usize>) -> Story {
    let articles = &corpus.articles;
    members.sort_by(|&a, &b| {
        let (x, y) = (&articles[a], &articles[b]);
        // Dated reports first, earliest first; then by id so the order is reproducible.
        (x.date.is_none(), x.date, &x.id).cmp(&(y.date.is_none(), y.date, &y.id))
    });
    let first = members.iter().filter_map(|&a| articles[a].date).min();
    let last = members.iter().filter_map(|&a| articles[a].date).max();
    let mut sources: FxHashMap<&str, usize> = FxHashMap::default();
    for &a in &members {
        if let Some(s) = articles[a].source.as_deref() {
            *sources.entry(s).or_insert(0) += 1;
        }
    }
    let mut sources: Vec<(&str, usize)> = sources.into_iter().collect();
    sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let label = articles[central(&members, vectors)].title.clone();
    Story {
        id: story_id(corpus, members[0]),
        label,
        sources: sources.into_iter().map(|(s, _)| s.to_string()).collect(),
        first,
        last,
        actors: leading_actors(corpus, &members),
        articles: members,
    }
}

/// The member most similar to the others: its title names the event best.
fn central(members: &[usize], vectors: &group::Vectors) -> usize {
    if members.len() > 200 {
        // Quadratic below; a huge story is labelled by its first report instead.
        return members[0];
    }
    // Each pair once, added to both ends; each member's sum still adds its pairs in member
    // order.
    let mut score = vec![0f32; members.len()];
    for (x, &a) in members.iter().enumerate() {
        for (y, &b) in members.iter().enumerate().skip(x + 1) {
            let sim = group::cosine(&vectors[a], &vectors[b]);
            score[x] += sim;
            score[y] += sim;
        }
    }
    let mut best = 0;
    for (x, &s) in score.iter().enumerate() {
        if s > score[best] {
            best = x;
        }
    }
    members[best]
}

/// Actors in the most reports of the story (then most mentioned), at most five.
fn leading_actors(corpus: &Corpus, members: &[usize]) -> Vec<ActorId> {
    let mut tally: FxHashMap<ActorId, (usize, u32)> = FxHashMap::default();
    for &a in members {
        for &(actor, count) in corpus.actors.actors_of(a) {
            let e = tally.entry(actor).or_insert((0, 0));
            e.0 += 1;
            e.1 += count;
        }
    }
    let mut ranked: Vec<(ActorId, (usize, u32))> = tally.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(LEADING_ACTORS)
        .map(|(a, _)| a)
        .collect()
}

/// `s-` and 12 hex digits of a hash of the first report's title and text: unchanged when the
/// corpus is reloaded, or when later reports join the story.
fn story_id(corpus: &Corpus, anchor: usize) -> String {
    let a = &corpus.articles[anchor];
    // FNV-1a: a fixed, documented function, so ids do not change with a library's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(a.title.as_bytes());
    for p in &a.paragraphs {
        feed(b"\n");
        feed(p.as_bytes());
    }
    format!("s-{:012x}", h >> 16)
}

/// Two stories whose first reports are identical copies would share an id; suffix the later.
fn disambiguate_ids(stories: &mut [Story]) {
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    for s in stories.iter_mut() {
        let n = seen.entry(s.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            s.id = format!("{}~{n}", s.id);
        }
    }
}
