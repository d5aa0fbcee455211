//! The quotes window's content: who said what in an article or across its story, grouped by
//! speaker, each quote once however many reports carry it.

use rustc_hash::FxHashMap;

use crate::corpus::Corpus;
use crate::stories;

/// One line of the quotes window (the window wraps long quotes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteLine {
    /// A speaker and how many different quotes follow.
    Speaker { name: String, quotes: usize },
    /// What they said, the outlets (or article ids) that carry it, and the first report
    /// that does (Enter opens it).
    Quote {
        text: String,
        from: String,
        article: usize,
    },
}

/// A speaker's display name and their quotes, each with the outlets that carry it and the
/// first report.
type Said = (String, Vec<(String, Vec<String>, usize)>);

/// Quotes of `articles` by speaker (actors merged over spellings), most quoted first.
pub fn lines(corpus: &Corpus, articles: &[usize]) -> Vec<QuoteLine> {
    // Speaker key -> (display name, quote text -> outlets), in first-seen order.
    let mut order: Vec<String> = Vec::new();
    let mut by: FxHashMap<String, Said> = FxHashMap::default();
    let actors = corpus.actors.actors();
    for &art in articles {
        let Some(a) = corpus.articles.get(art) else {
            continue;
        };
        let outlet = super::reader::byline_label(a);
        for q in stories::quotes(a) {
            let (key, name) = match (q.actor.and_then(|id| actors.get(id)), &q.speaker) {
                (Some(actor), _) => (format!("actor:{}", actor.name), actor.name.clone()),
                (None, Some(s)) => (format!("name:{}", s.to_lowercase()), s.clone()),
                (None, None) => ("?".to_string(), "Unattributed".to_string()),
            };
            let entry = by.entry(key.clone()).or_insert_with(|| {
                order.push(key);
                (name, Vec::new())
            });
            let norm: String = q
                .text
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            let same = entry.1.iter_mut().find(|(t, _, _)| {
                let t: String = t
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect();
                t == norm
            });
            match same {
                Some((_, from, _)) if !from.contains(&outlet) => from.push(outlet.clone()),
                Some(_) => {}
                None => entry.1.push((q.text.clone(), vec![outlet.clone()], art)),
            }
        }
    }
    // Most quoted first; the unattributed last.
    order.sort_by_key(|k| {
        (
            k == "?",
            std::cmp::Reverse(by.get(k).map_or(0, |e| e.1.len())),
        )
    });
    let mut out = Vec::new();
    for key in order {
        let Some((name, quotes)) = by.remove(&key) else {
            continue;
        };
        out.push(QuoteLine::Speaker {
            name,
            quotes: quotes.len(),
        });
        out.extend(
            quotes
                .into_iter()
                .map(|(text, from, article)| QuoteLine::Quote {
                    text,
                    from: from.join(", "),
                    article,
                }),
        );
    }
    out
}

/// The first quote at or after entry `from` (a speaker's line stands for their first
/// quote): its entry and its report.
pub fn quote_at(lines: &[QuoteLine], from: usize) -> Option<(usize, usize)> {
    lines
        .iter()
        .enumerate()
        .skip(from)
        .find_map(|(k, l)| match l {
            QuoteLine::Quote { article, .. } => Some((k, *article)),
            QuoteLine::Speaker { .. } => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn article(id: &str, source: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            source: Some(source.into()),
            paragraphs: vec![text.into()],
            ..Article::default()
        }
    }

    #[test]
    fn one_quote_carried_by_two_outlets_shows_once_under_its_speaker() {
        let corpus = Corpus::from_articles(vec![
            article(
                "a",
                "Wire One",
                "\"We will not extend the truce,\" Haider Al Lami said on Tuesday.",
            ),
            article(
                "b",
                "Wire Two",
                "\"We will not extend the truce,\" Haider Al Lami said. \"Talks are over,\" he added.",
            ),
        ]);
        let lines = lines(&corpus, &[0, 1]);
        let quotes: Vec<&QuoteLine> = lines
            .iter()
            .filter(|l| matches!(l, QuoteLine::Quote { .. }))
            .collect();
        assert!(!quotes.is_empty(), "{lines:?}");
        let shared = quotes.iter().find_map(|l| match l {
            QuoteLine::Quote { text, from, .. } if text.contains("extend the truce") => Some(from),
            _ => None,
        });
        assert_eq!(shared.map(String::as_str), Some("Wire One, Wire Two"));
        assert!(matches!(&lines[0], QuoteLine::Speaker { name, .. } if name.contains("Lami")));
    }
}
