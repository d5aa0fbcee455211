//! The word index: per-article sorted word ids, built once when a corpus arrives.

use std::collections::HashMap;
use std::ops::Range;

use crate::corpus::Corpus;

use super::names::NameForm;
use super::words::word_spans;

/// Sentinel for "no source" in [`Index`].
const NO_SOURCE: u32 = u32::MAX;

/// Per-article word lists for fast body matching, built once when a corpus arrives.
///
/// Words (lowercase) are numbered in sorted order, so all words with a given prefix form one
/// id range, and "does this article have a word starting with `nuj`" is one binary search in
/// the article's sorted id list. Four bytes per distinct word per article. Sources are
/// numbered too, so source terms are matched once per distinct source, not once per article.
#[derive(Debug, Clone, Default)]
pub struct Index {
    vocab: Vec<Box<str>>,
    docs: Vec<Box<[u32]>>,
    sources: Vec<Box<str>>,
    source_of: Vec<u32>,
    /// Per actor: its name and aliases, folded and split into words, for `@` terms.
    pub(crate) actor_names: Vec<Vec<NameForm>>,
}

impl Index {
    /// Indexes the words of every article's title, subtitle, source and paragraphs.
    pub fn build(corpus: &Corpus) -> Index {
        let mut ids: rustc_hash::FxHashMap<Box<str>, u32> = Default::default();
        let mut names: Vec<Box<str>> = Vec::new();
        let mut docs: Vec<Vec<u32>> = Vec::with_capacity(corpus.articles.len());
        let mut buf = String::new();
        for a in &corpus.articles {
            let mut doc = Vec::new();
            let texts = std::iter::once(a.title.as_str())
                .chain(a.subtitle.as_deref())
                .chain(a.source.as_deref())
                .chain(a.paragraphs.iter().map(String::as_str));
            for text in texts {
                for r in word_spans(text) {
                    buf.clear();
                    let word = &text[r];
                    if word.is_ascii() {
                        // Most words: skip the Unicode case tables.
                        buf.push_str(word);
                        buf.make_ascii_lowercase();
                    } else {
                        word.chars()
                            .for_each(|c| crate::actors::fold_char_into(c, &mut buf));
                    }
                    let id = match ids.get(buf.as_str()) {
                        Some(&id) => id,
                        None => {
                            let id = names.len() as u32;
                            names.push(buf.as_str().into());
                            ids.insert(buf.as_str().into(), id);
                            id
                        }
                    };
                    doc.push(id);
                }
            }
            doc.sort_unstable();
            doc.dedup();
            docs.push(doc);
        }
        drop(ids);
        // Renumber in sorted order so that a prefix is an id range.
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        let mut remap = vec![0u32; names.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        let mut slots: Vec<Option<Box<str>>> = names.into_iter().map(Some).collect();
        let vocab: Vec<Box<str>> = order
            .iter()
            .map(|&old| slots[old as usize].take().unwrap_or_default())
            .collect();
        let docs = docs
            .into_iter()
            .map(|mut d| {
                for id in &mut d {
                    *id = remap[*id as usize];
                }
                d.sort_unstable();
                d.into_boxed_slice()
            })
            .collect();
        let mut source_ids: HashMap<&str, u32> = HashMap::new();
        let mut sources: Vec<Box<str>> = Vec::new();
        let source_of = corpus
            .articles
            .iter()
            .map(|a| match a.source.as_deref() {
                None => NO_SOURCE,
                Some(name) => *source_ids.entry(name).or_insert_with(|| {
                    sources.push(name.into());
                    (sources.len() - 1) as u32
                }),
            })
            .collect();
        let actor_names = corpus
            .actors
            .actors()
            .iter()
            .map(|a| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .map(|n| NameForm::new(n))
                    .collect()
            })
            .collect();
        Index {
            vocab,
            docs,
            sources,
            source_of,
            actor_names,
        }
    }

    /// The source id of article `doc`, if it has a source.
    pub(crate) fn source(&self, doc: usize) -> Option<usize> {
        match self.source_of.get(doc) {
            Some(&id) if id != NO_SOURCE => Some(id as usize),
            _ => None,
        }
    }

    /// A value per distinct source.
    pub(crate) fn per_source<T>(&self, f: impl FnMut(&str) -> T) -> Vec<T> {
        self.sources.iter().map(|s| &**s).map(f).collect()
    }

    /// Ids of all words starting with `prefix` (lowercase).
    pub(crate) fn prefix_range(&self, prefix: &str) -> Range<u32> {
        let lo = self.vocab.partition_point(|w| &**w < prefix);
        let len = self.vocab[lo..].partition_point(|w| w.starts_with(prefix));
        lo as u32..(lo + len) as u32
    }

    /// Id of exactly this word, if the corpus has it.
    pub(crate) fn word_id(&self, word: &str) -> Option<u32> {
        self.vocab
            .binary_search_by(|w| (**w).cmp(word))
            .ok()
            .map(|i| i as u32)
    }

    /// Whether article `doc` has a word whose id is in `range`.
    pub(crate) fn doc_has(&self, doc: usize, range: &Range<u32>) -> bool {
        let Some(ids) = self.docs.get(doc) else {
            return false;
        };
        let i = ids.partition_point(|&id| id < range.start);
        i < ids.len() && ids[i] < range.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testdata::corpus;

    #[test]
    fn index_finds_words_by_prefix() {
        let c = corpus();
        let idx = Index::build(&c);
        let r = idx.prefix_range("cease");
        assert!(!idx.doc_has(0, &r));
        assert!(idx.doc_has(1, &r));
        assert!(idx.doc_has(2, &r));
        assert!(idx.prefix_range("zzz").is_empty());
        assert!(idx.word_id("ceasefire").is_some());
    }
}
