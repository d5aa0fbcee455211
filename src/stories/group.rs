//! Event grouping: TF-IDF over the content-word n-grams of each report's lead, candidate pairs
//! from an inverted index walked inside each report's date window, average linkage with a date
//! veto.
//!
//! Measured on labelled real news (issue 10): word 1-3-grams kept when in at least two articles
//! and at most half of them, compared by cosine and joined by average linkage with a cut near
//! 0.125, beat near-duplicate shingles and single linkage by a wide margin; single linkage
//! drifts as the corpus grows, average linkage does not.

use std::collections::BinaryHeap;
use std::hash::Hasher;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::atomic::{AtomicU32, AtomicU64};

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::text;
use crate::actors::ActorKind;
use crate::article::Article;
use crate::corpus::Corpus;
use crate::union_find::UnionFind;

/// The knobs of grouping; [`Params::default`] is what the dev set was tuned to.
#[derive(Debug, Clone)]
pub struct Params {
    /// Two groups merge while the average cosine between their articles is at least this.
    /// On the dev set 0.09-0.11 give the same groups; 0.08 joins look-alike events, 0.125
    /// splits short reports off their event.
    pub cut: f32,
    /// Longest n-gram of content words used as a term.
    pub max_ngram: usize,
    /// A term must appear in at least this many articles.
    pub min_df: u32,
    /// A term in more than this share of the articles says nothing about events.
    pub max_df_share: f32,
    /// Dated articles more than this many days apart never share a story: a look-alike event
    /// months later (next year's summit, another quake) stays apart, while the charges or
    /// the ruling weeks after the event join it. With the dates of the dev set's timestamp
    /// lines read, 14, 30, 60 and 400 days gave B3 F1 0.903, 0.926, 0.957 and 0.962: 60 keeps
    /// yearly events apart.
    pub span_days: i64,
    /// Dated articles more than this many days apart (up to `span_days`) share a story only
    /// through a strong link: an average cosine of `far_cut` and an actor named on both sides.
    pub near_days: i64,
    /// The average cosine a merge across more than `near_days` needs.
    pub far_cut: f32,
    /// Content words of an article's own text (after its title) that make its terms: news
    /// puts the event first, and the rest is background that links unrelated reports.
    pub lead_words: usize,
    /// A term held by more articles than this within an article's date window is not walked to
    /// find its pairs (it still counts in their cosine): keeps the cost near linear.
    pub posting_cap: usize,
    /// Most postings one article walks to find its candidates, heaviest terms first.
    pub walk_budget: usize,
    /// A pair is compared in full only when the rare terms it shares weigh at least this.
    pub seed: f32,
    /// Pairs whose cosine is below this are treated as unrelated (zero) in the averages.
    pub floor: f32,
    /// Term frequency as `1 + ln tf` instead of the raw count.
    pub sublinear_tf: bool,
    /// Merges at or above this average cosine need no agreement on people; below it (down to
    /// `cut`) two groups merge only when each one's leading person appears in the other.
    pub strict_cut: f32,
    /// Share of a group's articles that must name the other group's leading person.
    pub lead_presence: f32,
    /// How much the words of an article's lead that no other article holds count in its
    /// vector's length. In a handful of reports nearly every word is held by one only, and
    /// two unrelated ones that share "prices" and "Thursday" must not look alike; 0.75
    /// beat 0 and 1 on the dev set and on small folders drawn from it.
    pub unshared: f32,
    /// Merges below this average cosine need an actor named on both sides: reports of one
    /// event name a common person, place or organisation, while unrelated briefs of one beat
    /// share only its words ("chief executive", "profit"). On the dev set 0.2 cost 0.004 of B3
    /// F1 (reports that share no name the recogniser finds); in folders of unrelated reports
    /// it halved the wrong groupings.
    pub named_cut: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            cut: 0.10,
            max_ngram: 3,
            min_df: 2,
            max_df_share: 0.5,
            span_days: 60,
            near_days: 14,
            far_cut: 0.2,
            lead_words: 50,
            posting_cap: 100,
            walk_budget: 600,
            seed: 0.05,
            floor: 0.02,
            sublinear_tf: true,
            strict_cut: 0.15,
            lead_presence: 0.2,
            unshared: 0.75,
            named_cut: 0.2,
        }
    }
}

/// Fixed-point scale of the unshared weights summed per article (a term's squared weight is
/// below 1e4, and a lead holds a few hundred terms: far from overflow).
const UNSHARED_SCALE: f64 = (1u64 << 24) as f64;

/// The ceiling on document frequency is never below this many articles.
const MIN_MAX_DF: u32 = 30;

/// One article's sparse, L2-normalised TF-IDF vector: (term id, weight) sorted by term id.
pub(crate) type Vector = [(u32, f32)];

/// Every article's vector, one after another in one allocation: `vectors[i]` is article i's.
#[derive(Debug)]
pub(crate) struct Vectors {
    terms: Vec<(u32, f32)>,
    /// Article i's terms are at `starts[i]..starts[i + 1]`.
    starts: Vec<usize>,
}

impl Vectors {
    /// Vectors given one by one (each sorted by term id).
    #[cfg(test)]
    fn from_rows(rows: &[Vec<(u32, f32)>]) -> Self {
        let mut starts = vec![0];
        let mut terms = Vec::new();
        for r in rows {
            terms.extend_from_slice(r);
            starts.push(terms.len());
        }
        Vectors { terms, starts }
    }

    /// How many articles.
    pub(crate) fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Each article's vector in turn.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Vector> {
        self.starts.windows(2).map(|r| &self.terms[r[0]..r[1]])
    }
}

impl std::ops::Index<usize> for Vectors {
    type Output = Vector;

    fn index(&self, i: usize) -> &Vector {
        &self.terms[self.starts[i]..self.starts[i + 1]]
    }
}

/// Groups articles into events; each group lists article indices in ascending order.
pub fn cluster(corpus: &Corpus, p: &Params) -> Vec<Vec<usize>> {
    let vectors = vectors(&corpus.articles, p);
    let dates: Vec<Option<NaiveDate>> = corpus.articles.iter().map(|a| a.date).collect();
    let edges = similar_pairs(&vectors, &dates, p);
    average_linkage(&facts(corpus), edges, p)
}

/// What linkage knows of an article besides its text: its date and the actors it names.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    date: Option<NaiveDate>,
    /// The person the article mentions most (by surname key), if any.
    lead: Option<u64>,
    /// Every actor the article mentions, sorted and distinct: people by surname key, others
    /// by their name's.
    named: Vec<u64>,
}

/// Dates and actors of every article.
///
/// People are keyed by the last word of their name, lowercased: the actor index may keep
/// "Charger Vincent Jackson" and "Vincent Jackson" apart, and both are Jackson.
pub(crate) fn facts(corpus: &Corpus) -> Vec<Facts> {
    let actors = corpus.actors.actors();
    (0..corpus.articles.len())
        .map(|i| {
            let mut people: Vec<(u64, u32)> = Vec::new();
            let mut others: Vec<u64> = Vec::new();
            for &(id, count) in corpus.actors.actors_of(i) {
                let Some(actor) = actors.get(id) else {
                    continue;
                };
                if actor.kind != ActorKind::Person {
                    others.push(text::word_hash(&actor.name).rotate_left(1));
                } else if let Some(last) = actor.name.split_whitespace().last() {
                    people.push((text::word_hash(last), count));
                }
            }
            people.sort_unstable();
            people.dedup_by(|b, a| {
                let same = a.0 == b.0;
                if same {
                    a.1 += b.1;
                }
                same
            });
            let lead = people
                .iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|x| x.0);
            let mut named: Vec<u64> = people.into_iter().map(|x| x.0).chain(others).collect();
            named.sort_unstable();
            named.dedup();
            Facts {
                date: corpus.articles[i].date,
                lead,
                named,
            }
        })
        .collect()
}

/// The opening of an article as content-word hashes: its title, then its paragraphs until
/// enough words are read, each with the key that recognises it in other articles.
struct Opening {
    title: Vec<u64>,
    /// Words of the paragraphs read, one after another.
    words: Vec<u64>,
    /// For each paragraph read: where its words end in `words`, and its key.
    paragraphs: Vec<(usize, Option<u64>)>,
}

/// Reads paragraphs until this many times the lead's words, so that the lead can still be
/// filled when the first paragraphs turn out to be shared boilerplate.
const READ_AHEAD: usize = 2;

/// The title and enough of the first paragraphs of `a` to fill a lead of `lead_words`.
fn opening(a: &Article, lead_words: usize) -> Opening {
    let lang = text::foreign_language(&a.paragraphs);
    let mut title = Vec::new();
    text::content_hashes_in(&a.title, lang, &mut title);
    let mut words = Vec::new();
    let mut paragraphs = Vec::new();
    for para in &a.paragraphs {
        if words.len() >= lead_words.saturating_mul(READ_AHEAD) {
            break;
        }
        let from = words.len();
        text::content_hashes_in(para, lang, &mut words);
        let key = (words.len() > from).then(|| {
            let mut h = FxHasher::default();
            words[from..].iter().for_each(|&w| h.write_u64(w));
            h.finish()
        });
        paragraphs.push((words.len(), key));
    }
    Opening {
        title,
        words,
        paragraphs,
    }
}

/// Paragraphs found in more than one article's opening: an outlet's standard line or a
/// newsletter plea under unrelated reports must not make them look alike.
fn boilerplate(openings: &[Opening]) -> FxHashSet<u64> {
    let mut keys: Vec<u64> = openings
        .par_iter()
        .flat_map_iter(|o| {
            let mut own: Vec<u64> = o.paragraphs.iter().filter_map(|p| p.1).collect();
            own.sort_unstable();
            own.dedup();
            own
        })
        .collect();
    keys.par_sort_unstable();
    keys.chunk_by(|a, b| a == b)
        .filter(|run| run.len() > 1)
        .map(|run| run[0])
        .collect()
}

/// The n-gram terms of an article's lead with their counts, sorted by hash.
///
/// The lead is the title and the first `lead_words` content words of the paragraphs not
/// shared with other articles; an article made almost only of shared paragraphs is a wire
/// copy, and its shared text is what it reports. N-grams never cross a paragraph.
fn lead_terms(o: &Opening, shared: &FxHashSet<u64>, p: &Params) -> Vec<(u64, u32)> {
    let is_shared = |key: Option<u64>| key.is_some_and(|k| shared.contains(&k));
    let mut from = 0;
    let (mut own, mut common) = (0usize, 0usize);
    for &(to, key) in &o.paragraphs {
        if is_shared(key) {
            common += to - from;
        } else {
            own += to - from;
        }
        from = to;
    }
    let keep_shared = common >= 4 * own;
    let mut out: Vec<u64> = Vec::with_capacity(3 * (o.title.len() + p.lead_words));
    push_ngrams(&o.title, p.max_ngram, &mut out);
    let (mut from, mut taken) = (0, 0);
    for &(to, key) in &o.paragraphs {
        if taken >= p.lead_words {
            break;
        }
        if keep_shared || !is_shared(key) {
            let words = &o.words[from..to];
            let words = &words[..words.len().min(p.lead_words - taken)];
            taken += words.len();
            push_ngrams(words, p.max_ngram, &mut out);
        }
        from = to;
    }
    out.sort_unstable();
    let mut terms: Vec<(u64, u32)> = Vec::with_capacity(out.len());
    for h in out {
        match terms.last_mut() {
            Some(last) if last.0 == h => last.1 += 1,
            _ => terms.push((h, 1)),
        }
    }
    terms
}

/// The term of a single word: its hash with the lowest bit clear. Longer n-grams have it set,
/// so a term tells whether it is one word.
fn unigram(word: u64) -> u64 {
    word & !1
}

/// Whether a term is a single word.
fn is_unigram(term: u64) -> bool {
    term & 1 == 0
}

/// Pushes the hashes of every 1..=`max_n`-gram of `words`.
fn push_ngrams(words: &[u64], max_n: usize, out: &mut Vec<u64>) {
    for (i, &w) in words.iter().enumerate() {
        out.push(unigram(w));
        let mut h = FxHasher::default();
        h.write_u64(w);
        for &next in words.iter().skip(i + 1).take(max_n.saturating_sub(1)) {
            h.write_u64(next);
            out.push(h.finish() | 1);
        }
    }
}

/// Shards of the term space (top bits of the hash), counted in parallel; more shards than
/// cores balances the load, and each shard's sort stays near the cache.
const SHARD_BITS: u32 = 7;

/// One occurrence of a term in an article's lead: (hash, article, count).
type Occurrence = (u64, u32, u32);

/// One shard's kept occurrences, (article, shard-local term id, weight), and its term count.
type Shard = (Vec<(u32, u32, f32)>, u32);

/// Articles whose terms one parallel job scatters to the shards.
const SCATTER_BLOCK: usize = 4096;

/// Term counts below this get their term frequency from a table.
const TF_TABLE: u32 = 64;

/// TF-IDF vectors of all articles (empty for an article with no informative term).
///
/// Document frequencies are counted by sorting, shard by shard, instead of in one hash map
/// of every n-gram: at 100k articles most n-grams occur once, and the map would not fit in
/// any cache.
pub(crate) fn vectors(articles: &[Article], p: &Params) -> Vectors {
    let openings: Vec<Opening> = articles
        .par_iter()
        .map(|a| opening(a, p.lead_words))
        .collect();
    let shared = boilerplate(&openings);
    let terms: Vec<Vec<(u64, u32)>> = openings
        .par_iter()
        .map(|o| lead_terms(o, &shared, p))
        .collect();
    drop(openings);
    let n = articles.len();
    // In a handful of articles most of which tell one event, "in half of them" is that event's
    // own vocabulary, not noise: the share applies only once it means a few dozen articles.
    let max_df = ((n as f32 * p.max_df_share).floor() as u32).max(MIN_MAX_DF);
    let idf = |df: u32| ((1.0 + n as f32) / (1.0 + df as f32)).ln() + 1.0;
    let tf = |c: u32| {
        if p.sublinear_tf {
            1.0 + (c as f32).ln()
        } else {
            c as f32
        }
    };
    // Occurrences scattered to shards by the top bits of their hash, a block of articles at a
    // time, into one array laid out shard by shard: counted first, so nothing is regrown or
    // copied again to gather a shard.
    let shard_of = |h: u64| (h >> (64 - SHARD_BITS)) as usize;
    let sizes: Vec<Vec<usize>> = terms
        .par_chunks(SCATTER_BLOCK)
        .map(|chunk| {
            let mut size = vec![0usize; 1 << SHARD_BITS];
            for &(h, _) in chunk.iter().flatten() {
                size[shard_of(h)] += 1;
            }
            size
        })
        .collect();
    let total: usize = sizes.iter().flatten().sum();
    let mut occ: Vec<Occurrence> = vec![(0, 0, 0); total];
    let mut per_block: Vec<Vec<&mut [Occurrence]>> = sizes.iter().map(|_| Vec::new()).collect();
    let mut shard_slices: Vec<usize> = Vec::with_capacity(1 << SHARD_BITS);
    {
        let mut rest = &mut occ[..];
        for s in 0..1usize << SHARD_BITS {
            let mut shard_len = 0;
            for (b, size) in sizes.iter().enumerate() {
                let (part, tail) = rest.split_at_mut(size[s]);
                per_block[b].push(part);
                shard_len += size[s];
                rest = tail;
            }
            shard_slices.push(shard_len);
        }
    }
    terms
        .par_chunks(SCATTER_BLOCK)
        .zip(per_block)
        .enumerate()
        .for_each(|(b, (chunk, mut out))| {
            let mut fill = vec![0usize; 1 << SHARD_BITS];
            for (k, ts) in chunk.iter().enumerate() {
                let a = (b * SCATTER_BLOCK + k) as u32;
                for &(h, c) in ts {
                    let s = shard_of(h);
                    out[s][fill[s]] = (h, a, c);
                    fill[s] += 1;
                }
            }
        });
    drop(terms);
    // Term frequencies of a few occurrences, computed once.
    let tf_table: Vec<f32> = (0..TF_TABLE).map(tf).collect();
    let mut by_shard: Vec<&mut [Occurrence]> = Vec::with_capacity(shard_slices.len());
    let mut rest = &mut occ[..];
    for &len in &shard_slices {
        let (part, tail) = rest.split_at_mut(len);
        by_shard.push(part);
        rest = tail;
    }
    // Squared weight of each article's words held by no other article, in fixed point: they
    // count in the vector's length though no pair can share them. Integer sums do not depend
    // on the order the shards add them in, so vectors are the same on every run.
    let unshared: Vec<AtomicU64> = (0..n).map(|_| AtomicU64::new(0)).collect();
    let shards: Vec<Shard> = by_shard
        .into_par_iter()
        .map(|occ| {
            // By hash alone: an article holds a term once, and which of a term's articles
            // comes first changes nothing downstream.
            occ.sort_unstable_by_key(|x| x.0);
            let mut kept = Vec::new();
            let mut next = 0u32;
            for run in occ.chunk_by(|x, y| x.0 == y.0) {
                let df = run.len() as u32;
                // Only words: a lone word's n-grams are lone too, and would count it again.
                if df == 1 && p.unshared > 0.0 && is_unigram(run[0].0) {
                    let (_, a, c) = run[0];
                    let w = tf_table.get(c as usize).copied().unwrap_or_else(|| tf(c)) * idf(1);
                    let add = (f64::from(p.unshared * w * w) * UNSHARED_SCALE) as u64;
                    unshared[a as usize].fetch_add(add, Relaxed);
                }
                if df < p.min_df || df > max_df {
                    continue;
                }
                let w = idf(df);
                kept.extend(run.iter().map(|&(_, a, c)| {
                    let tf = tf_table.get(c as usize).copied().unwrap_or_else(|| tf(c));
                    (a, next, tf * w)
                }));
                next += 1;
            }
            (kept, next)
        })
        .collect();
    drop(occ);
    // Shard by shard, in hash order: each article's terms arrive sorted by global id.
    let mut counts = vec![0usize; n + 1];
    for (kept, _) in &shards {
        for &(a, _, _) in kept {
            counts[a as usize + 1] += 1;
        }
    }
    for i in 0..n {
        counts[i + 1] += counts[i];
    }
    let mut flat = vec![(0u32, 0f32); counts[n]];
    // One job per block of articles: each reads every shard but writes only its own rows.
    let per = n.div_ceil(rayon::current_num_threads().max(1)).max(1);
    let mut blocks: Vec<(usize, &mut [(u32, f32)])> = Vec::new();
    let mut rest = &mut flat[..];
    for first in (0..n).step_by(per) {
        let end = (first + per).min(n);
        let (block, tail) = rest.split_at_mut(counts[end] - counts[first]);
        blocks.push((first, block));
        rest = tail;
    }
    blocks.into_par_iter().for_each(|(first, block)| {
        let end = (first + per).min(n);
        let mut fill: Vec<usize> = counts[first..end]
            .iter()
            .map(|c| c - counts[first])
            .collect();
        let mut base = 0u32;
        for (kept, size) in &shards {
            for &(a, t, w) in kept {
                if let Some(f) = (a as usize)
                    .checked_sub(first)
                    .and_then(|k| fill.get_mut(k))
                {
                    block[*f] = (base + t, w);
                    *f += 1;
                }
            }
            base += size;
        }
    });
    drop(shards);
    let mut rows: Vec<&mut [(u32, f32)]> = Vec::with_capacity(n);
    let mut rest = &mut flat[..];
    for r in counts.windows(2) {
        let (row, tail) = rest.split_at_mut(r[1] - r[0]);
        rows.push(row);
        rest = tail;
    }
    rows.into_par_iter().zip(unshared).for_each(|(row, extra)| {
        normalise(row, (extra.into_inner() as f64 / UNSHARED_SCALE) as f32)
    });
    Vectors {
        terms: flat,
        starts: counts,
    }
}

/// L2-normalises an article's weighted terms, with `extra` squared weight of terms not kept.
fn normalise(terms: &mut [(u32, f32)], extra: f32) {
    let norm = (terms.iter().map(|x| x.1 * x.1).sum::<f32>() + extra).sqrt();
    if norm > 0.0 {
        terms.iter_mut().for_each(|x| x.1 /= norm);
    }
}

/// Cosine of two normalised vectors.
pub(crate) fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    // Without branches on the comparison, which are taken at random; weights are positive, so
    // adding 0.0 for unshared terms leaves the sum's bits as they were.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        dot += if x.0 == y.0 { x.1 * y.1 } else { 0.0 };
        i += usize::from(x.0 <= y.0);
        j += usize::from(y.0 <= x.0);
    }
    dot
}

/// [`cosine`], and how many terms the two vectors share.
fn cosine_shared(a: &Vector, b: &Vector) -> (f32, usize) {
    let (mut i, mut j, mut dot, mut shared) = (0, 0, 0.0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        let same = x.0 == y.0;
        dot += if same { x.1 * y.1 } else { 0.0 };
        shared += usize::from(same);
        i += usize::from(x.0 <= y.0);
        j += usize::from(y.0 <= x.0);
    }
    (dot, shared)
}

/// Terms two articles must share to be one story's: in a handful of articles each vector
/// keeps only the few words another article shares, and one number ("3" of "3-1" and of
/// "3,000") would make two unrelated notes alike.
const MIN_SHARED_TERMS: usize = 2;

/// A pair of articles `(i, j)`, `i < j`, and their cosine.
pub(crate) type Edge = (u32, u32, f32);

/// A term expected (by its share of the corpus) this many times over `posting_cap` in an
/// article's window is skipped unseen: searching its long postings costs more than the rest.
const EXPECTED_CAP_FACTOR: usize = 4;

/// Articles handled by one parallel job of [`similar_pairs`]; each job zeroes one dense
/// accumulator of the corpus's size, so jobs must be few and large.
const PAIR_CHUNK: usize = 2048;

/// Pairs with a cosine of at least `floor`, without comparing all pairs.
///
/// Articles are ranked by date (undated last), and an inverted index lists each term's
/// articles by rank. An article walks, for each of its terms, the later articles within
/// `span_days` of its date (dated articles further apart never share a story) and the
/// undated ones; the weight they share accumulates as the postings are walked. A term with
/// more than `posting_cap` such articles is too common in that period to be walked: it would
/// make the cost grow with the square of the corpus. A pair whose walked weight reaches
/// `seed` gets its full cosine, common terms included.
pub(crate) fn similar_pairs(
    vectors: &Vectors,
    dates: &[Option<NaiveDate>],
    p: &Params,
) -> Vec<Edge> {
    let n = vectors.len();
    let span = p.span_days as i32;
    let day = |i: usize| {
        dates
            .get(i)
            .copied()
            .flatten()
            .map(|d| d.num_days_from_ce())
    };
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by_key(|&i| (day(i as usize).is_none(), day(i as usize), i));
    let days: Vec<Option<i32>> = order.iter().map(|&i| day(i as usize)).collect();
    let undated = days.partition_point(Option::is_some);
    // The dated ranks each rank may share a story with, [lo, hi); undated ranks see all.
    let windows: Vec<(u32, u32)> = days
        .iter()
        .map(|d| match d {
            Some(d) => (
                days[..undated].partition_point(|&x| x < Some(d - span)) as u32,
                days[..undated].partition_point(|&x| x <= Some(d + span)) as u32,
            ),
            None => (0, n as u32),
        })
        .collect();
    let index = Index::new(vectors, &order, undated);
    let starts: Vec<usize> = (0..n).step_by(PAIR_CHUNK).collect();
    let mut pairs: Vec<(u32, u32)> = starts
        .into_par_iter()
        .flat_map_iter(|start| {
            let mut acc = vec![0f32; n];
            let mut touched: Vec<u32> = Vec::new();
            let mut probes: Vec<u128> = Vec::new();
            let mut out: Vec<(u32, u32)> = Vec::new();
            for rank in start..(start + PAIR_CHUNK).min(n) {
                let i = order[rank] as usize;
                // Heaviest terms first (the most telling of this article), then the rarest,
                // then by term id: packed in one integer, so the sort compares integers.
                probes.clear();
                let entries = &index.at[vectors.starts[i]..vectors.starts[i + 1]];
                probes.extend(vectors[i].iter().zip(entries).map(|(&(t, w), &at)| {
                    // A positive float's bits order as the float does; inverted, heaviest first.
                    (u128::from(!w.to_bits()) << 96)
                        | (u128::from(index.df(t)) << 64)
                        | (u128::from(t) << 32)
                        | u128::from(at)
                }));
                probes.sort_unstable();
                let mut walked = 0;
                // Share of the corpus in this article's windows: a term spread evenly over
                // the corpus is expected this often in them.
                let (lo, hi) = windows[rank];
                let later = if rank < undated { n - undated } else { 0 };
                let share = (hi - lo) as usize + later;
                let share = share as f32 / n as f32;
                for (k, &probe) in probes.iter().enumerate() {
                    if let Some(&ahead) = probes.get(k + PREFETCH_AHEAD) {
                        prefetch(index.postings.get(ahead as u32 as usize));
                    }
                    let (w, df, t, at) = (
                        f32::from_bits(!((probe >> 96) as u32)),
                        (probe >> 64) as u32,
                        (probe >> 32) as u32,
                        probe as u32,
                    );
                    // Far too common to be walked: skip it without looking at its postings.
                    if df as f32 * share > (EXPECTED_CAP_FACTOR * p.posting_cap) as f32 {
                        continue;
                    }
                    let Some(slices) =
                        index.window(t, at, windows[rank], rank < undated, p.posting_cap)
                    else {
                        continue;
                    };
                    let len = slices[0].len() + slices[1].len();
                    walked += len;
                    if walked > p.walk_budget {
                        break;
                    }
                    for &(j, wj) in slices.into_iter().flatten() {
                        if acc[j as usize] == 0.0 {
                            touched.push(j);
                        }
                        acc[j as usize] += w * wj;
                    }
                }
                for &r in &touched {
                    if std::mem::take(&mut acc[r as usize]) >= p.seed && r as usize != rank {
                        let j = order[r as usize];
                        out.push((j.min(i as u32), j.max(i as u32)));
                    }
                }
                touched.clear();
            }
            out
        })
        .collect();
    drop(index);
    // A pair found from both ends is compared once.
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
        .into_par_iter()
        .filter_map(|(i, j)| {
            let (sim, shared) = cosine_shared(&vectors[i as usize], &vectors[j as usize]);
            (sim >= p.floor && shared >= MIN_SHARED_TERMS).then_some((i, j, sim))
        })
        .collect()
}

/// Probes ahead whose postings are fetched into the cache before they are walked: each probe
/// reads a posting list far from the last, and the walk's branches stall on every miss.
const PREFETCH_AHEAD: usize = 4;

/// Asks the processor to bring `x` into the cache: a hint, which can neither fault nor change
/// a value.
#[inline(always)]
fn prefetch<T>(x: Option<&T>) {
    #[cfg(target_arch = "x86_64")]
    if let Some(x) = x {
        // SAFETY: a prefetch never faults and has no effect on memory; the pointer is valid.
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                (x as *const T).cast(),
            )
        };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Terms `t0..t1` and the postings they fill, for one job of [`Index::new`].
type TermRange<'a> = (usize, usize, &'a mut [(u32, f32)]);

/// The inverted index [`similar_pairs`] walks.
struct Index {
    /// (rank, weight) of term t's articles at `offsets[t]..offsets[t + 1]`, ranks ascending.
    postings: Vec<(u32, f32)>,
    offsets: Vec<u32>,
    /// For each vector entry: its posting (aligned with the vectors' terms).
    at: Vec<u32>,
    /// The first undated rank (the number of articles when all are dated).
    undated: u32,
}

impl Index {
    fn new(vectors: &Vectors, order: &[u32], undated: usize) -> Self {
        let n = vectors.len();
        let n_terms = vectors
            .iter()
            .flat_map(|v| v.last())
            .map(|x| x.0 as usize + 1)
            .max()
            .unwrap_or(0);
        let mut offsets = vec![0u32; n_terms + 1];
        for v in vectors.iter() {
            for &(t, _) in v {
                offsets[t as usize + 1] += 1;
            }
        }
        for t in 0..n_terms {
            offsets[t + 1] += offsets[t];
        }
        let firsts = &vectors.starts;
        let mut postings = vec![(0u32, 0f32); offsets[n_terms] as usize];
        let at: Vec<AtomicU32> = (0..firsts[n]).map(|_| AtomicU32::new(0)).collect();
        // One job per range of terms (about as many postings each): each reads every vector
        // in rank order and writes its own terms' postings, and their places into `at`.
        let jobs = rayon::current_num_threads().max(1);
        let total = offsets[n_terms] as usize;
        let mut ranges: Vec<TermRange> = Vec::new();
        let mut rest = &mut postings[..];
        let mut t0 = 0;
        for j in 1..=jobs {
            let t1 = if j == jobs {
                n_terms
            } else {
                offsets
                    .partition_point(|&o| (o as usize) < total * j / jobs)
                    .min(n_terms)
            }
            .max(t0);
            let (part, tail) = rest.split_at_mut((offsets[t1] - offsets[t0]) as usize);
            ranges.push((t0, t1, part));
            rest = tail;
            t0 = t1;
        }
        ranges.into_par_iter().for_each(|(t0, t1, part)| {
            let base = offsets[t0];
            let mut fill: Vec<u32> = offsets[t0..t1].iter().map(|o| o - base).collect();
            for (rank, &i) in order.iter().enumerate() {
                let i = i as usize;
                let v = &vectors[i];
                let from = v.partition_point(|x| (x.0 as usize) < t0);
                let to = v.partition_point(|x| (x.0 as usize) < t1);
                for (k, &(t, w)) in v.iter().enumerate().take(to).skip(from) {
                    let f = &mut fill[t as usize - t0];
                    part[*f as usize] = (rank as u32, w);
                    at[firsts[i] + k].store(base + *f, Relaxed);
                    *f += 1;
                }
            }
        });
        let at = at.into_iter().map(AtomicU32::into_inner).collect();
        Index {
            postings,
            offsets,
            at,
            undated: undated as u32,
        }
    }

    /// How many articles hold term `t`.
    fn df(&self, t: u32) -> u32 {
        self.offsets[t as usize + 1] - self.offsets[t as usize]
    }

    /// The postings of term `t` an article may share a story with, given its own posting `at`
    /// and its date window `[lo, hi)` of ranks: for a dated article those in the window, then
    /// the undated ones; for an undated article all. `None` when they are more than `cap`.
    ///
    /// Found by walking out from the article's own posting, which the window holds: the
    /// postings read are the ones about to be walked, already near in memory.
    fn window(
        &self,
        t: u32,
        at: u32,
        (lo, hi): (u32, u32),
        dated: bool,
        cap: usize,
    ) -> Option<[&[(u32, f32)]; 2]> {
        let (start, end) = (
            self.offsets[t as usize] as usize,
            self.offsets[t as usize + 1] as usize,
        );
        let list = &self.postings[start..end];
        if !dated {
            return (list.len() <= cap).then_some([list, &[]]);
        }
        let at = at as usize - start;
        let mut from = at;
        while from > 0 && list[from - 1].0 >= lo {
            from -= 1;
            if at + 1 - from > cap {
                return None;
            }
        }
        let mut to = at + 1;
        while to < list.len() && list[to].0 < hi {
            to += 1;
            if to - from > cap {
                return None;
            }
        }
        let mut tail = list.len();
        while tail > to && list[tail - 1].0 >= self.undated {
            tail -= 1;
            if to - from + list.len() - tail > cap {
                return None;
            }
        }
        (to - from + list.len() - tail <= cap).then_some([&list[from..to], &list[tail..]])
    }
}

/// A candidate merge in the heap, packed so that one integer comparison orders the heap: the
/// average cosine between groups `a` and `b` (highest first; a non-negative float's bits order
/// as the float does), then the smaller ids first, so the order never depends on thread
/// timing; and the number of merges done when it was pushed, to tell it stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Merge(u128);

impl Merge {
    fn new(avg: f32, a: u32, b: u32, epoch: u32) -> Self {
        Merge(
            (u128::from(avg.to_bits()) << 96)
                | (u128::from(!a) << 64)
                | (u128::from(!b) << 32)
                | u128::from(epoch),
        )
    }

    /// (average, a, b, epoch)
    fn parts(self) -> (f32, usize, usize, u32) {
        let x = self.0;
        (
            f32::from_bits((x >> 96) as u32),
            !((x >> 64) as u32) as usize,
            !((x >> 32) as u32) as usize,
            x as u32,
        )
    }
}

/// One group during linkage.
struct Group {
    members: Vec<usize>,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    /// Cosine sums to neighbouring groups (pairs not listed count as zero). A neighbour that
    /// merged away is still listed under its old id: ids are resolved, and their sums added,
    /// only when this group merges, so a merge never writes into its neighbours.
    links: Vec<(u32, f32)>,
    /// How many members have each person as their lead.
    leads: FxHashMap<u64, u32>,
    /// How many members name each actor (people by surname key).
    named: FxHashMap<u64, u32>,
}

impl Group {
    fn dead() -> Self {
        Group {
            members: Vec::new(),
            first: None,
            last: None,
            links: Vec::new(),
            leads: FxHashMap::default(),
            named: FxHashMap::default(),
        }
    }

    /// The person most members lead with (ties to the smaller key, for reproducibility), when
    /// at least two members and a third of them do: one article's focus is not the group's.
    fn lead(&self) -> Option<u64> {
        self.leads
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .filter(|x| *x.1 >= 2 && *x.1 as usize * 3 >= self.members.len())
            .map(|x| *x.0)
    }

    /// Whether a member of this group and one of `other`'s name the same actor.
    fn shares_an_actor(&self, other: &Group) -> bool {
        let (small, large) = if self.named.len() <= other.named.len() {
            (&self.named, &other.named)
        } else {
            (&other.named, &self.named)
        };
        small.keys().any(|k| large.contains_key(k))
    }

    /// Whether this group's leading person is named by enough of `other`'s members.
    fn lead_known_to(&self, other: &Group, share: f32) -> bool {
        match self.lead() {
            None => true,
            Some(lead) => {
                let named = other.named.get(&lead).copied().unwrap_or(0);
                named as f32 >= share * other.members.len() as f32
            }
        }
    }
}

/// Average linkage over the sparse similarity graph: repeatedly merges the two groups with the
/// highest average cosine until it falls below the cut; a merge whose dated articles would span
/// more than `span_days` is refused (look-alike events months apart stay apart). Groups come
/// out ordered by their first article.
pub(crate) fn average_linkage(facts: &[Facts], edges: Vec<Edge>, p: &Params) -> Vec<Vec<usize>> {
    // Each group's links sized once for its edges, not regrown edge by edge.
    let mut degree = vec![0usize; facts.len()];
    for &(i, j, _) in &edges {
        degree[i as usize] += 1;
        degree[j as usize] += 1;
    }
    let mut groups: Vec<Group> = facts
        .iter()
        .enumerate()
        .map(|(i, f)| Group {
            members: vec![i],
            first: f.date,
            last: f.date,
            links: Vec::with_capacity(degree[i]),
            leads: f.lead.into_iter().map(|l| (l, 1)).collect(),
            named: f.named.iter().map(|&k| (k, 1)).collect(),
        })
        .collect();
    let mut heap = Vec::with_capacity(edges.len());
    for (i, j, sim) in edges {
        groups[i as usize].links.push((j, sim));
        groups[j as usize].links.push((i, sim));
        if sim >= p.cut {
            heap.push(Merge::new(sim, i, j, 0));
        }
    }
    let mut heap = BinaryHeap::from(heap);
    // Sizes (0 once merged away) and last merges, apart from the groups: most entries popped
    // are stale, and these tell so without touching a group.
    let mut size = vec![1u32; facts.len()];
    // Which group each group merged into.
    let mut owner = UnionFind::new(facts.len());
    // The merge each group last took part in (0: none); an entry pushed before is stale.
    let mut last_merge = vec![0u32; facts.len()];
    let mut merges = 0u32;
    while let Some(entry) = heap.pop() {
        let (avg, a, b, epoch) = entry.parts();
        // Stale: a group merged since (its links, and so this average, changed) or is gone.
        if last_merge[a] > epoch || last_merge[b] > epoch || size[a] == 0 || size[b] == 0 {
            continue;
        }
        if !within_span(&groups[a], &groups[b], p.span_days) {
            continue;
        }
        let near = within_span(&groups[a], &groups[b], p.near_days);
        if !near && avg < p.far_cut {
            continue;
        }
        // Reports of one event name someone or somewhere in common.
        if (avg < p.named_cut || !near) && !groups[a].shares_an_actor(&groups[b]) {
            continue;
        }
        // Look-alike events (two arrests of one team's players) share most words; below the
        // strict cut they must also share their protagonist.
        if avg < p.strict_cut
            && !(groups[a].lead_known_to(&groups[b], p.lead_presence)
                && groups[b].lead_known_to(&groups[a], p.lead_presence))
        {
            continue;
        }
        // Merge the smaller group into the larger, so each article moves O(log n) times.
        let (keep, gone) = if size[a] >= size[b] { (a, b) } else { (b, a) };
        let gone_group = std::mem::replace(&mut groups[gone], Group::dead());
        let k = &mut groups[keep];
        for (&l, &c) in &gone_group.leads {
            *k.leads.entry(l).or_insert(0) += c;
        }
        for (&l, &c) in &gone_group.named {
            *k.named.entry(l).or_insert(0) += c;
        }
        k.members.extend(gone_group.members);
        k.first = min_date(k.first, gone_group.first);
        k.last = max_date(k.last, gone_group.last);
        k.links.extend(gone_group.links);
        owner.join_into(gone, keep);
        for x in k.links.iter_mut() {
            x.0 = owner.find(x.0 as usize) as u32;
        }
        k.links.sort_unstable_by_key(|x| x.0);
        k.links.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same {
                kept.1 += next.1;
            }
            same
        });
        k.links.retain(|x| x.0 as usize != keep);
        size[keep] += size[gone];
        size[gone] = 0;
        merges += 1;
        last_merge[keep] = merges;
        for &(c, s) in &groups[keep].links {
            let c = c as usize;
            let avg = s / (size[keep] as usize * size[c] as usize) as f32;
            if avg >= p.cut {
                let (x, y) = if keep < c { (keep, c) } else { (c, keep) };
                heap.push(Merge::new(avg, x as u32, y as u32, merges));
            }
        }
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_iter()
        .zip(size)
        .filter(|(_, size)| *size > 0)
        .map(|(g, _)| g)
        .map(|mut g| {
            g.members.sort_unstable();
            g.members
        })
        .collect();
    out.sort_unstable_by_key(|g| g[0]);
    out
}

fn within_span(a: &Group, b: &Group, span: i64) -> bool {
    match (min_date(a.first, b.first), max_date(a.last, b.last)) {
        (Some(first), Some(last)) => (last - first).num_days() <= span,
        _ => true,
    }
}

fn min_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) | (None, x) => x,
    }
}

fn max_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    a.max(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(title: &str, paragraphs: &[&str]) -> Article {
        Article {
            title: title.into(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Article::default()
        }
    }

    /// The single-word terms of `text`.
    fn hashes(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        text::content_hashes(text, &mut out);
        out.into_iter().map(unigram).collect()
    }

    #[test]
    fn the_lead_skips_shared_paragraphs_but_a_wire_copy_keeps_them() {
        let footer = "Subscribe to our newsletter for daily updates from the newsroom";
        let own = art(
            "Ferry strike",
            &[footer, "Ferry crews walked out in Bergen"],
        );
        let p = Params::default();
        let o = opening(&own, p.lead_words);
        let shared: FxHashSet<u64> = o.paragraphs[0].1.into_iter().collect();
        let terms = lead_terms(&o, &shared, &p);
        let has = |w: &str| terms.iter().any(|t| t.0 == hashes(w)[0]);
        assert!(has("bergen") && has("ferry"));
        assert!(!has("newsletter"), "a shared footer is not the lead");
        let copy = art("Ferry strike", &[footer]);
        let o = opening(&copy, p.lead_words);
        let terms = lead_terms(&o, &shared, &p);
        assert!(terms.iter().any(|t| t.0 == hashes("newsletter")[0]));
    }

    #[test]
    fn a_weak_link_needs_an_actor_named_on_both_sides() {
        let named = |keys: &[u64]| Facts {
            named: keys.to_vec(),
            ..Facts::default()
        };
        let facts = [named(&[7, 8]), named(&[7]), named(&[9])];
        let edges = vec![(0, 1, 0.18), (0, 2, 0.18), (1, 2, 0.18)];
        let p = Params::default();
        assert_eq!(
            average_linkage(&facts, edges.clone(), &p),
            vec![vec![0, 1], vec![2]]
        );
        let strong = vec![(0, 1, 0.3), (0, 2, 0.3), (1, 2, 0.3)];
        assert_eq!(average_linkage(&facts, strong, &p), vec![vec![0, 1, 2]]);
        let off = Params {
            named_cut: 0.0,
            ..Params::default()
        };
        assert_eq!(average_linkage(&facts, edges, &off), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn vectors_are_the_same_on_every_run() {
        // Many articles with many words of their own (drawn from a large vocabulary by a
        // fixed xorshift), so that shards add up lone words' weights concurrently.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut draw = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % 20_000
        };
        let arts: Vec<Article> = (0..300)
            .map(|_| {
                let words: String = (0..60).map(|_| format!("w{}x ", draw())).collect();
                art("Report", &[&words])
            })
            .collect();
        let p = Params::default();
        let bits = |v: &Vectors| -> Vec<(u32, u32)> {
            v.iter().flatten().map(|&(t, w)| (t, w.to_bits())).collect()
        };
        let first = bits(&vectors(&arts, &p));
        for _ in 0..20 {
            assert_eq!(bits(&vectors(&arts, &p)), first);
        }
    }

    #[test]
    fn the_lead_ends_after_its_words() {
        let long: String = (0..100).map(|i| format!("word{i} ")).collect();
        let a = art("", &[&long]);
        let p = Params {
            lead_words: 10,
            max_ngram: 1,
            ..Params::default()
        };
        let terms = lead_terms(&opening(&a, p.lead_words), &FxHashSet::default(), &p);
        assert_eq!(terms.len(), 10);
        assert!(terms.iter().any(|t| t.0 == hashes("word9")[0]));
        assert!(!terms.iter().any(|t| t.0 == hashes("word10")[0]));
    }

    #[test]
    fn pairs_are_found_only_within_the_date_window() {
        let vectors = Vectors::from_rows(&vec![vec![(0, 0.6), (1, 0.8)]; 4]);
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 1, d);
        // 0 and 1 three days apart, 2 four months later, 3 undated: every dated article
        // meets the undated one, and only 0 and 1 meet each other.
        let dates = [day(1), day(4), NaiveDate::from_ymd_opt(2024, 5, 1), None];
        let p = Params::default();
        let pairs: Vec<(u32, u32)> = similar_pairs(&vectors, &dates, &p)
            .into_iter()
            .map(|e| (e.0, e.1))
            .collect();
        assert_eq!(pairs, [(0, 1), (0, 3), (1, 3), (2, 3)]);
        let edges = similar_pairs(&vectors, &dates, &p);
        assert!(edges.iter().all(|e| (e.2 - 1.0).abs() < 1e-5));
    }

    #[test]
    fn a_window_is_the_dated_neighbours_then_the_undated_within_the_cap() {
        // Five articles holding term 0, ranked by date; ranks 3 and 4 are undated.
        let vectors = Vectors::from_rows(&vec![vec![(0u32, 1.0f32)]; 5]);
        let order: Vec<u32> = (0..5).collect();
        let index = Index::new(&vectors, &order, 3);
        let ranks = |w: Option<[&[(u32, f32)]; 2]>| -> Option<Vec<u32>> {
            w.map(|[a, b]| a.iter().chain(b).map(|x| x.0).collect())
        };
        // Rank 1 sees ranks 1..3 of its window, then the undated 3 and 4.
        assert_eq!(
            ranks(index.window(0, 1, (1, 3), true, 10)),
            Some(vec![1, 2, 3, 4])
        );
        assert_eq!(
            ranks(index.window(0, 0, (0, 1), true, 10)),
            Some(vec![0, 3, 4])
        );
        // An undated article sees every posting.
        assert_eq!(
            ranks(index.window(0, 3, (0, 5), false, 10)),
            Some(vec![0, 1, 2, 3, 4])
        );
        // More postings than the cap: not walked at all.
        assert_eq!(ranks(index.window(0, 1, (1, 3), true, 3)), None);
        assert_eq!(ranks(index.window(0, 3, (0, 5), false, 4)), None);
        assert_eq!(ranks(index.window(0, 0, (0, 1), true, 0)), None);
    }

    #[test]
    fn merges_pop_highest_average_then_smallest_ids() {
        let mut heap = BinaryHeap::from(vec![
            Merge::new(0.2, 3, 4, 0),
            Merge::new(0.5, 5, 6, 2),
            Merge::new(0.2, 1, 9, 1),
            Merge::new(0.2, 1, 2, 7),
        ]);
        let order: Vec<(f32, usize, usize, u32)> =
            std::iter::from_fn(|| heap.pop().map(Merge::parts)).collect();
        assert_eq!(
            order,
            [
                (0.5, 5, 6, 2),
                (0.2, 1, 2, 7),
                (0.2, 1, 9, 1),
                (0.2, 3, 4, 0)
            ]
        );
    }

    #[test]
    fn two_notes_sharing_one_number_are_not_one_story() {
        let arts = [
            art(
                "Storm closes schools",
                &["Heavy snow closed schools on Monday. Power was out for 3,000 homes."],
            ),
            art(
                "Local team wins final",
                &["The Rovers beat United 3-1 in the cup final on Saturday."],
            ),
        ];
        let p = Params::default();
        let v = vectors(&arts, &p);
        // The one word they share is all their vectors hold, but the words only one of them
        // holds count in their length: they are not alike.
        assert!(cosine(&v[0], &v[1]) < p.cut);
        assert!(similar_pairs(&v, &[None, None], &p).is_empty());
        let alone = Params {
            unshared: 0.0,
            ..Params::default()
        };
        let v = vectors(&arts, &alone);
        assert!(
            cosine(&v[0], &v[1]) > 0.9,
            "shared terms alone make them alike"
        );
        let quake = [
            art("Quake hits Izmir", &["A strong quake hit Izmir on Monday"]),
            art("Izmir quake", &["The quake in Izmir damaged buildings"]),
        ];
        let v = vectors(&quake, &p);
        assert_eq!(similar_pairs(&v, &[None, None], &p).len(), 1);
    }

    #[test]
    fn vectors_keep_terms_shared_by_at_least_two_articles() {
        let arts = [
            art("Quake hits Izmir", &["A strong quake hit Izmir on Monday"]),
            art("Izmir quake", &["The quake in Izmir damaged buildings"]),
            art("Budget vote", &["Parliament passed the budget"]),
        ];
        let v = vectors(&arts, &Params::default());
        assert!(v[2].is_empty(), "nothing of the budget report recurs");
        assert!(cosine(&v[0], &v[1]) > 0.5);
        // Unshared words ("strong", "damaged") count in the length only.
        for x in v.iter().take(2) {
            let norm: f32 = x.iter().map(|t| t.1 * t.1).sum();
            assert!(norm < 0.95 && norm > 0.5, "{norm}");
        }
        let alone = Params {
            unshared: 0.0,
            ..Params::default()
        };
        let v = vectors(&arts, &alone);
        for x in v.iter().take(2) {
            let norm: f32 = x.iter().map(|t| t.1 * t.1).sum();
            assert!((norm - 1.0).abs() < 1e-5);
        }
    }
}
