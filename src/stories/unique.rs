//! Sentences that one report of a story carries and no other does.
//!
//! A sentence is carried by another report when one of that report's sentences contains at
//! least half of its content-word stems: "Al Lami added there was procrastination" and
//! "Al-Lami accused the U.S. of stalling and procrastinating" are one sentence reworded.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::text;
use crate::corpus::Corpus;

/// A span of an article: byte `range` inside paragraph `paragraph`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub paragraph: usize,
    pub range: Range<usize>,
}

/// Share of a sentence's stems another sentence must hold to carry it.
const CARRIED: f32 = 0.5;
/// Sentences with fewer distinct stems ("He said so.") are too short to call unique.
const MIN_STEMS: usize = 4;

/// The sentences of `article` that no other article of `story` carries, in reading order.
///
/// `story` lists article indices (the article itself may be among them); an article alone in
/// its story has no unique sentences: there is nothing to compare with.
pub fn unique_sentences(corpus: &Corpus, story: &[usize], article: usize) -> Vec<Passage> {
    let others: Vec<usize> = story.iter().copied().filter(|&a| a != article).collect();
    let Some(target) = corpus.articles.get(article) else {
        return Vec::new();
    };
    if others.is_empty() {
        return Vec::new();
    }
    // Every sentence of the other reports, as a stem set, indexed by stem.
    let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut count = 0u32;
    for &o in &others {
        let Some(other) = corpus.articles.get(o) else {
            continue;
        };
        for para in &other.paragraphs {
            for r in text::sentences(para) {
                for s in stems(&para[r]) {
                    index.entry(s).or_default().push(count);
                }
                count += 1;
            }
        }
    }
    let mut out = Vec::new();
    let mut overlap: FxHashMap<u32, u32> = FxHashMap::default();
    for (p, para) in target.paragraphs.iter().enumerate() {
        for r in text::sentences(para) {
            let own = stems(&para[r.clone()]);
            if own.len() < MIN_STEMS {
                continue;
            }
            overlap.clear();
            for s in &own {
                for &t in index.get(s).map_or(&[][..], Vec::as_slice) {
                    *overlap.entry(t).or_insert(0) += 1;
                }
            }
            let best = overlap.values().copied().max().unwrap_or(0);
            if (best as f32) < CARRIED * own.len() as f32 {
                out.push(Passage {
                    paragraph: p,
                    range: r,
                });
            }
        }
    }
    out
}

/// Distinct content-word stems of a sentence.
fn stems(sentence: &str) -> FxHashSet<u64> {
    text::words(sentence)
        .filter(|(_, w)| w.len() > 1 && !text::is_stopword(w))
        .map(|(_, w)| text::stem_hash(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn art(text: &str) -> Article {
        Article {
            paragraphs: text.split("\n\n").map(String::from).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn reworded_sentences_are_shared_and_new_facts_are_unique() {
        let a = art(
            "Al Lami added there was procrastination and stalling from the American side \
             during talks with the Iraqi government on the withdrawal of troops.",
        );
        let b = art(
            "Al-Lami accused the U.S. of stalling and procrastinating regarding the withdrawal \
             of its forces during the negotiations with the Iraqi government.\n\n\
             In late July, an Iraqi delegation led by Defense Minister Thabit Al-Abbasi visited \
             Washington to finalize the deal. He agreed.",
        );
        let corpus = Corpus {
            articles: vec![a, b],
            ..Corpus::default()
        };
        assert!(unique_sentences(&corpus, &[0, 1], 0).is_empty());
        let got = unique_sentences(&corpus, &[0, 1], 1);
        assert_eq!(got.len(), 1, "{got:?}");
        let p = &corpus.articles[1].paragraphs[got[0].paragraph];
        assert!(p[got[0].range.clone()].starts_with("In late July"));
        assert!(p[got[0].range.clone()].ends_with("the deal."));
    }

    #[test]
    fn an_article_alone_has_nothing_to_compare_with() {
        let corpus = Corpus {
            articles: vec![art(
                "A long sentence about the harbour strike in Cork today.",
            )],
            ..Corpus::default()
        };
        assert!(unique_sentences(&corpus, &[0], 0).is_empty());
        assert!(unique_sentences(&corpus, &[0], 7).is_empty());
    }
}
