//! Event grouping: TF-IDF over content-word n-grams, candidate pairs from an inverted index,
//! average linkage with a date veto.
//!
//! Measured on labelled real news (issue 10): word 1-3-grams kept when in at least two articles
//! and at most half of them, compared by cosine and joined by average linkage with a cut near
//! 0.125, beat near-duplicate shingles and single linkage by a wide margin; single linkage
//! drifts as the corpus grows, average linkage does not.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::hash::Hasher;

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::text;
use crate::actors::ActorKind;
use crate::article::Article;
use crate::corpus::Corpus;

/// The knobs of grouping; [`Params::default`] is what the dev set was tuned to.
#[derive(Debug, Clone)]
pub struct Params {
    /// Two groups merge while the average cosine between their articles is at least this.
    pub cut: f32,
    /// Longest n-gram of content words used as a term.
    pub max_ngram: usize,
    /// A term must appear in at least this many articles.
    pub min_df: u32,
    /// A term in more than this share of the articles says nothing about events.
    pub max_df_share: f32,
    /// Dated articles more than this many days apart never share a story: a look-alike event
    /// a month later, or an earlier statement of one side, stays apart.
    pub span_days: i64,
    /// An article proposes candidates through this many of its heaviest terms.
    pub top_terms: usize,
    /// Terms that are among the heaviest of more articles than this propose no candidates
    /// (they still count in the cosine); keeps the cost near linear.
    pub posting_cap: usize,
    /// Full cosines computed per article, with the candidates sharing the most weight.
    pub neighbours: usize,
    /// Pairs whose cosine is below this are treated as unrelated (zero) in the averages.
    pub floor: f32,
    /// Term frequency as `1 + ln tf` instead of the raw count.
    pub sublinear_tf: bool,
    /// Merges at or above this average cosine need no agreement on people; below it (down to
    /// `cut`) two groups merge only when each one's leading person appears in the other.
    pub strict_cut: f32,
    /// Share of a group's articles that must name the other group's leading person.
    pub lead_presence: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            cut: 0.125,
            max_ngram: 3,
            min_df: 2,
            max_df_share: 0.5,
            span_days: 14,
            top_terms: 50,
            posting_cap: 300,
            neighbours: 60,
            floor: 0.02,
            sublinear_tf: true,
            strict_cut: 0.15,
            lead_presence: 0.2,
        }
    }
}

/// The ceiling on document frequency is never below this many articles.
const MIN_MAX_DF: u32 = 30;

/// One article's sparse, L2-normalised TF-IDF vector: (term id, weight) sorted by term id.
pub(crate) type Vector = Vec<(u32, f32)>;

/// Groups articles into events; each group lists article indices in ascending order.
pub fn cluster(corpus: &Corpus, p: &Params) -> Vec<Vec<usize>> {
    let vectors = vectors(&corpus.articles, p);
    let edges = similar_pairs(&vectors, p);
    average_linkage(&facts(corpus), edges, p)
}

/// What linkage knows of an article besides its text: its date and the people it names.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    date: Option<NaiveDate>,
    /// The person the article mentions most (by surname key), if any.
    lead: Option<u64>,
    /// Every person the article mentions (surname keys, sorted, distinct).
    people: Vec<u64>,
}

/// Dates and people of every article.
///
/// People are keyed by the last word of their name, lowercased: the actor index may keep
/// "Charger Vincent Jackson" and "Vincent Jackson" apart, and both are Jackson.
pub(crate) fn facts(corpus: &Corpus) -> Vec<Facts> {
    let actors = corpus.actors.actors();
    (0..corpus.articles.len())
        .map(|i| {
            let mut people: Vec<(u64, u32)> = corpus
                .actors
                .actors_of(i)
                .iter()
                .filter_map(|&(id, count)| {
                    let actor = actors.get(id)?;
                    if actor.kind != ActorKind::Person {
                        return None;
                    }
                    let last = actor.name.split_whitespace().last()?;
                    Some((text::word_hash(last), count))
                })
                .collect();
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
            Facts {
                date: corpus.articles[i].date,
                lead,
                people: people.into_iter().map(|x| x.0).collect(),
            }
        })
        .collect()
}

/// TF-IDF vectors of all articles (empty for an article with no informative term).
pub(crate) fn vectors(articles: &[Article], p: &Params) -> Vec<Vector> {
    let shared = boilerplate(articles);
    let terms: Vec<Vec<(u64, u32)>> = articles
        .par_iter()
        .map(|a| article_terms(a, &shared, p.max_ngram))
        .collect();
    let n = articles.len();
    // In a handful of articles most of which tell one event, "in half of them" is that event's
    // own vocabulary, not noise: the share applies only once it means a few dozen articles.
    let max_df = ((n as f32 * p.max_df_share).floor() as u32).max(MIN_MAX_DF);
    let vocab = Vocabulary::build(&terms, p.min_df, max_df);
    let n_f = n as f32;
    terms
        .par_iter()
        .map(|ts| {
            let mut v: Vector = ts
                .iter()
                .filter_map(|&(h, tf)| {
                    let &(id, df) = vocab.get(h)?;
                    // Smoothed idf as in common TF-IDF tools.
                    let idf = ((1.0 + n_f) / (1.0 + df as f32)).ln() + 1.0;
                    let tf = if p.sublinear_tf {
                        1.0 + (tf as f32).ln()
                    } else {
                        tf as f32
                    };
                    Some((id, tf * idf))
                })
                .collect();
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|x| x.1 /= norm);
            }
            v.sort_unstable_by_key(|x| x.0);
            v
        })
        .collect()
}

/// Cosine of two normalised vectors.
pub(crate) fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Hash of a paragraph's content words, so a paragraph is recognised whatever its spacing.
fn paragraph_key(text: &str, buf: &mut Vec<u64>) -> Option<u64> {
    buf.clear();
    text::content_hashes(text, buf);
    if buf.is_empty() {
        return None;
    }
    let mut h = FxHasher::default();
    buf.iter().for_each(|&w| h.write_u64(w));
    Some(h.finish())
}

/// Paragraphs found in more than one article: an outlet's footer or a newsletter plea
/// repeated under unrelated reports must not make them look alike.
fn boilerplate(articles: &[Article]) -> FxHashSet<u64> {
    let counts = articles
        .par_iter()
        .fold(
            || (FxHashMap::<u64, u32>::default(), Vec::new()),
            |(mut counts, mut buf), a| {
                let mut seen = FxHashSet::default();
                for para in &a.paragraphs {
                    if let Some(k) = paragraph_key(para, &mut buf) {
                        if seen.insert(k) {
                            *counts.entry(k).or_insert(0) += 1;
                        }
                    }
                }
                (counts, buf)
            },
        )
        .map(|(counts, _)| counts)
        .reduce(FxHashMap::default, |mut a, b| {
            let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (k, c) in small {
                *big.entry(k).or_insert(0) += c;
            }
            a = big;
            a
        });
    counts
        .into_iter()
        .filter(|&(_, c)| c > 1)
        .map(|(k, _)| k)
        .collect()
}

/// The n-gram terms of an article with their counts, sorted by hash.
///
/// Paragraphs shared with other articles are left out, unless they make up four fifths of the
/// article: then it is a wire copy, and its shared text is what it reports.
fn article_terms(a: &Article, shared: &FxHashSet<u64>, max_n: usize) -> Vec<(u64, u32)> {
    let mut buf = Vec::new();
    let mut paras: Vec<(Vec<u64>, bool)> = Vec::with_capacity(a.paragraphs.len() + 1);
    let mut title = Vec::new();
    text::content_hashes(&a.title, &mut title);
    paras.push((title, false));
    let (mut own, mut common) = (0usize, 0usize);
    for para in &a.paragraphs {
        let key = paragraph_key(para, &mut buf);
        let is_shared = key.is_some_and(|k| shared.contains(&k));
        if is_shared {
            common += buf.len();
        } else {
            own += buf.len();
        }
        paras.push((std::mem::take(&mut buf), is_shared));
    }
    // A wire copy shares nearly everything; an article under a shared footer keeps its own text.
    let keep_shared = common >= 4 * own;
    let mut out: Vec<u64> = Vec::new();
    for (words, is_shared) in &paras {
        if *is_shared && !keep_shared {
            continue;
        }
        for (i, &w) in words.iter().enumerate() {
            out.push(w);
            let mut h = FxHasher::default();
            h.write_u64(w);
            for &next in words.iter().skip(i + 1).take(max_n.saturating_sub(1)) {
                h.write_u64(next);
                out.push(h.finish());
            }
        }
    }
    out.sort_unstable();
    let mut terms: Vec<(u64, u32)> = Vec::with_capacity(out.len() / 2);
    for h in out {
        match terms.last_mut() {
            Some(last) if last.0 == h => last.1 += 1,
            _ => terms.push((h, 1)),
        }
    }
    terms
}

/// Kept terms: hash -> (dense id, document frequency), counted shard by shard in parallel.
struct Vocabulary {
    shards: Vec<FxHashMap<u64, (u32, u32)>>,
}

/// Shards of the term space (top bits of the hash); more shards than cores balances the load.
const SHARD_BITS: u32 = 6;

impl Vocabulary {
    fn build(terms: &[Vec<(u64, u32)>], min_df: u32, max_df: u32) -> Self {
        let shards: Vec<FxHashMap<u64, u32>> = (0..1u64 << SHARD_BITS)
            .into_par_iter()
            .map(|s| {
                let (lo, hi) = shard_range(s);
                let mut df: FxHashMap<u64, u32> = FxHashMap::default();
                for ts in terms {
                    let from = ts.partition_point(|t| t.0 < lo);
                    let to = hi.map_or(ts.len(), |hi| ts.partition_point(|t| t.0 < hi));
                    for &(h, _) in &ts[from..to] {
                        *df.entry(h).or_insert(0) += 1;
                    }
                }
                df.retain(|_, &mut d| d >= min_df && d <= max_df);
                df
            })
            .collect();
        let mut next = 0u32;
        let shards = shards
            .into_iter()
            .map(|df| {
                let mut keys: Vec<(u64, u32)> = df.into_iter().collect();
                // Ids in hash order so they do not depend on the map's iteration order.
                keys.sort_unstable();
                keys.into_iter()
                    .map(|(h, d)| {
                        next += 1;
                        (h, (next - 1, d))
                    })
                    .collect()
            })
            .collect();
        Vocabulary { shards }
    }

    fn get(&self, h: u64) -> Option<&(u32, u32)> {
        self.shards[(h >> (64 - SHARD_BITS)) as usize].get(&h)
    }
}

/// Hash range `lo..hi` of shard `s` (`hi` None for the last one).
fn shard_range(s: u64) -> (u64, Option<u64>) {
    let width = 1u64 << (64 - SHARD_BITS);
    (
        s * width,
        (s + 1)
            .checked_mul(width)
            .filter(|_| s + 1 < 1 << SHARD_BITS),
    )
}

/// A pair of articles `(i, j)`, `i < j`, and their cosine.
pub(crate) type Edge = (u32, u32, f32);

/// Pairs with a cosine of at least `floor`, without comparing all pairs.
///
/// Each article is indexed under its `top_terms` heaviest terms; it meets the articles that
/// share one of them (terms held by more than `posting_cap` articles are skipped), ranks them
/// by the weight of what they share, and computes the full cosine with the best `neighbours`
/// only. Reports of one event share their heaviest terms (names, places, the thing that
/// happened), so they find each other; the cost grows with the corpus, not with its square.
pub(crate) fn similar_pairs(vectors: &[Vector], p: &Params) -> Vec<Edge> {
    let tops: Vec<Vector> = vectors
        .par_iter()
        .map(|v| {
            let mut top = v.clone();
            top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            top.truncate(p.top_terms);
            top
        })
        .collect();
    let n_terms = vectors
        .iter()
        .flat_map(|v| v.last())
        .map(|x| x.0 as usize + 1)
        .max()
        .unwrap_or(0);
    // Postings as one flat array (CSR): (article, weight) of term t at offsets[t]..offsets[t + 1].
    let mut offsets = vec![0u32; n_terms + 1];
    for v in &tops {
        for &(t, _) in v {
            offsets[t as usize + 1] += 1;
        }
    }
    let cap = p.posting_cap as u32;
    for t in 0..n_terms {
        if offsets[t + 1] > cap {
            offsets[t + 1] = 0;
        }
        offsets[t + 1] += offsets[t];
    }
    let mut fill = offsets.clone();
    let mut postings = vec![(0u32, 0f32); offsets[n_terms] as usize];
    for (i, v) in tops.iter().enumerate() {
        for &(t, w) in v {
            let t = t as usize;
            if offsets[t + 1] > offsets[t] {
                postings[fill[t] as usize] = (i as u32, w);
                fill[t] += 1;
            }
        }
    }
    let n = vectors.len();
    let mut edges: Vec<Edge> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0f32; n], Vec::new(), vec![0f32; n_terms]),
            |(acc, touched, dense), i| {
                for &(t, w) in &tops[i] {
                    let t = t as usize;
                    for &(j, wj) in &postings[offsets[t] as usize..offsets[t + 1] as usize] {
                        let j = j as usize;
                        if j != i {
                            if acc[j] == 0.0 {
                                touched.push(j);
                            }
                            acc[j] += w * wj;
                        }
                    }
                }
                let mut ranked: Vec<(f32, usize)> = touched.iter().map(|&j| (acc[j], j)).collect();
                for &j in touched.iter() {
                    acc[j] = 0.0;
                }
                touched.clear();
                if ranked.len() > p.neighbours {
                    ranked.select_nth_unstable_by(p.neighbours, |a, b| {
                        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
                    });
                    ranked.truncate(p.neighbours);
                }
                // Full cosines against a dense copy of this article's vector: one lookup per
                // term of the other article, no merge of two sorted lists.
                for &(t, w) in &vectors[i] {
                    dense[t as usize] = w;
                }
                let out: Vec<Edge> = ranked
                    .iter()
                    .filter_map(|&(_, j)| {
                        let sim: f32 = vectors[j].iter().map(|&(t, w)| dense[t as usize] * w).sum();
                        (sim >= p.floor).then(|| (i.min(j) as u32, i.max(j) as u32, sim))
                    })
                    .collect();
                for &(t, _) in &vectors[i] {
                    dense[t as usize] = 0.0;
                }
                out
            },
        )
        .flatten()
        .collect();
    // A pair found from both ends is kept once.
    edges.par_sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    edges.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
    edges
}

/// A candidate merge in the heap: the average cosine between two groups.
#[derive(Debug, PartialEq)]
struct Merge {
    avg: f32,
    a: u32,
    b: u32,
}

impl Eq for Merge {}

impl Ord for Merge {
    fn cmp(&self, other: &Self) -> Ordering {
        self.avg
            .total_cmp(&other.avg)
            // Ties broken by ids so the result does not depend on thread timing.
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One group during linkage.
struct Group {
    members: Vec<usize>,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    /// Sum of cosines to each neighbouring group (pairs not listed count as zero).
    links: FxHashMap<u32, f32>,
    /// How many members have each person as their lead.
    leads: FxHashMap<u64, u32>,
    /// How many members name each person.
    people: FxHashMap<u64, u32>,
    alive: bool,
}

impl Group {
    fn dead() -> Self {
        Group {
            members: Vec::new(),
            first: None,
            last: None,
            links: FxHashMap::default(),
            leads: FxHashMap::default(),
            people: FxHashMap::default(),
            alive: false,
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

    /// Whether this group's leading person is named by enough of `other`'s members.
    fn lead_known_to(&self, other: &Group, share: f32) -> bool {
        match self.lead() {
            None => true,
            Some(lead) => {
                let named = other.people.get(&lead).copied().unwrap_or(0);
                named as f32 >= share * other.members.len() as f32
            }
        }
    }
}

/// Average linkage over the sparse similarity graph: repeatedly merges the two groups with the
/// highest average cosine until it falls below the cut; a merge whose dated articles would span
/// more than `span_days` is refused (look-alike events weeks apart stay apart).
pub(crate) fn average_linkage(facts: &[Facts], edges: Vec<Edge>, p: &Params) -> Vec<Vec<usize>> {
    let mut groups: Vec<Group> = facts
        .iter()
        .enumerate()
        .map(|(i, f)| Group {
            members: vec![i],
            first: f.date,
            last: f.date,
            links: FxHashMap::default(),
            leads: f.lead.into_iter().map(|l| (l, 1)).collect(),
            people: f.people.iter().map(|&k| (k, 1)).collect(),
            alive: true,
        })
        .collect();
    let mut heap = BinaryHeap::with_capacity(edges.len());
    for (i, j, sim) in edges {
        groups[i as usize].links.insert(j, sim);
        groups[j as usize].links.insert(i, sim);
        if sim >= p.cut {
            heap.push(Merge {
                avg: sim,
                a: i,
                b: j,
            });
        }
    }
    while let Some(Merge { avg, a, b }) = heap.pop() {
        let (a, b) = (a as usize, b as usize);
        if !groups[a].alive || !groups[b].alive {
            continue;
        }
        // Stale entry: the pair's average changed since it was pushed.
        let current = groups[a].links.get(&(b as u32)).copied().unwrap_or(0.0)
            / (groups[a].members.len() * groups[b].members.len()) as f32;
        if current != avg {
            continue;
        }
        if !within_span(&groups[a], &groups[b], p.span_days) {
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
        let (keep, gone) = if groups[a].members.len() >= groups[b].members.len() {
            (a, b)
        } else {
            (b, a)
        };
        let gone_group = std::mem::replace(&mut groups[gone], Group::dead());
        let k = &mut groups[keep];
        for (&l, &c) in &gone_group.leads {
            *k.leads.entry(l).or_insert(0) += c;
        }
        for (&l, &c) in &gone_group.people {
            *k.people.entry(l).or_insert(0) += c;
        }
        k.members.extend(gone_group.members);
        k.first = min_date(k.first, gone_group.first);
        k.last = max_date(k.last, gone_group.last);
        k.links.remove(&(gone as u32));
        for (&c, &s) in &gone_group.links {
            if c as usize != keep {
                *groups[keep].links.entry(c).or_insert(0.0) += s;
            }
        }
        for &c in gone_group.links.keys() {
            if c as usize != keep {
                let s = groups[keep].links.get(&c).copied().unwrap_or(0.0);
                let cl = &mut groups[c as usize].links;
                cl.remove(&(gone as u32));
                cl.insert(keep as u32, s);
            }
        }
        let size = groups[keep].members.len();
        for (&c, &s) in &groups[keep].links {
            let avg = s / (size * groups[c as usize].members.len()) as f32;
            if avg >= p.cut {
                let (x, y) = (keep as u32, c);
                heap.push(Merge {
                    avg,
                    a: x.min(y),
                    b: x.max(y),
                });
            }
        }
    }
    groups
        .into_iter()
        .filter(|g| g.alive)
        .map(|mut g| {
            g.members.sort_unstable();
            g.members
        })
        .collect()
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
