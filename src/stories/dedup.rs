//! Near-duplicates inside a story: MinHash over word 3-shingles.
//!
//! Shingles find rewrites and wire copies, not stories (only 2-3% of same-event pairs of real
//! news reach a 3-shingle Jaccard of 0.3), so they run only inside a story found by grouping.

use serde::Serialize;

use std::hash::Hasher;

use rustc_hash::FxHasher;

use super::text;
use crate::article::Article;
use crate::corpus::Corpus;

/// Two reports of a story that are copies or light rewrites of each other.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NearDuplicate {
    /// Article index (the earlier of the two in the story's order).
    pub a: usize,
    /// Article index of the copy.
    pub b: usize,
    /// Estimated Jaccard similarity of their 3-shingle sets.
    pub similarity: f32,
}

/// Hash functions in a signature: estimates are within about 0.06 of the true Jaccard.
const PERMUTATIONS: usize = 64;
/// Estimated Jaccard from which two reports count as copies of each other.
pub const THRESHOLD: f32 = 0.5;

/// Pairs of near-duplicate reports among `articles` (a story's article indices).
pub fn near_duplicates(corpus: &Corpus, articles: &[usize]) -> Vec<NearDuplicate> {
    let sigs: Vec<Option<[u64; PERMUTATIONS]>> = articles
        .iter()
        .map(|&a| corpus.articles.get(a).and_then(signature))
        .collect();
    let mut out = Vec::new();
    for (x, sx) in sigs.iter().enumerate() {
        let Some(sx) = sx else { continue };
        for (y, sy) in sigs.iter().enumerate().skip(x + 1) {
            let Some(sy) = sy else { continue };
            let same = sx.iter().zip(sy.iter()).filter(|(p, q)| p == q).count();
            let similarity = same as f32 / PERMUTATIONS as f32;
            if similarity >= THRESHOLD {
                out.push(NearDuplicate {
                    a: articles[x],
                    b: articles[y],
                    similarity,
                });
            }
        }
    }
    out
}

/// The MinHash signature of an article's word 3-shingles; None when it has fewer than three words.
fn signature(a: &Article) -> Option<[u64; PERMUTATIONS]> {
    let mut words = Vec::new();
    for p in &a.paragraphs {
        text::content_hashes(p, &mut words);
    }
    if words.len() < 3 {
        return None;
    }
    let mut sig = [u64::MAX; PERMUTATIONS];
    for w in words.windows(3) {
        let h = fx(w);
        for (k, slot) in sig.iter_mut().enumerate() {
            // One hash per permutation from a multiply-xorshift of the shingle hash.
            let v = mix(h ^ SEEDS[k % SEEDS.len()].wrapping_mul(k as u64 + 1));
            if v < *slot {
                *slot = v;
            }
        }
    }
    Some(sig)
}

const SEEDS: [u64; 4] = [
    0x9E37_79B9_7F4A_7C15,
    0xC2B2_AE3D_27D4_EB4F,
    0x1656_67B1_9E37_79F9,
    0x27D4_EB2F_1656_67C5,
];

/// A 64-bit finaliser (splitmix64) so the permuted hashes are independent enough.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Content hash used by near-duplicate shingles and ids, stable across runs.
fn fx(words: &[u64]) -> u64 {
    let mut h = FxHasher::default();
    words.iter().for_each(|&w| h.write_u64(w));
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn art(id: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            title: id.into(),
            paragraphs: text.split("\n\n").map(String::from).collect(),
            ..Article::default()
        }
    }

    const BASE: &str = "Rescue teams searched the collapsed buildings of the old town through \
        the night after the earthquake struck the coastal province on Sunday morning.\n\n\
        Officials said at least forty people were killed and hundreds were injured, and that \
        the number of victims was expected to rise as roads to mountain villages reopened.\n\n\
        The national weather agency measured the quake at magnitude six point four.";

    #[test]
    fn a_wire_copy_with_a_new_ending_is_a_near_duplicate_and_another_report_is_not() {
        let copy = format!("{BASE}\n\nThe prime minister will visit the region on Tuesday.");
        let other = "Firefighters battled a blaze at a chemical plant outside the capital, \
            sending black smoke over nearby suburbs, while residents were told to keep windows shut.";
        let corpus = Corpus {
            articles: vec![art("a", BASE), art("b", &copy), art("c", other)],
            ..Corpus::default()
        };
        let dups = near_duplicates(&corpus, &[0, 1, 2]);
        assert_eq!(dups.len(), 1, "{dups:?}");
        assert_eq!((dups[0].a, dups[0].b), (0, 1));
        assert!(dups[0].similarity > 0.7);
    }

    #[test]
    fn tiny_articles_have_no_signature() {
        let corpus = Corpus {
            articles: vec![art("a", "Hi."), art("b", "Hi.")],
            ..Corpus::default()
        };
        assert!(near_duplicates(&corpus, &[0, 1]).is_empty());
    }
}
