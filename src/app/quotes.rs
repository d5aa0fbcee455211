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
        /// Reported speech: the report's own words, drawn without quote marks.
        reported: bool,
    },
}

/// One thing said: its text, the outlets that carry it, the first report, and whether it is
/// reported speech.
type Saying = (String, Vec<String>, usize, bool);

/// A speaker's display name and what they said.
type Said = (String, Vec<Saying>);

/// Letters and digits of a text in lower case, to tell the same words apart from their marks.
fn bare(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Shortest text, in letters, that counts as the same quote when another report's is longer.
const SAME_WITHIN: usize = 40;

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
            let norm = bare(&q.text);
            let letters = norm.chars().count();
            // The same words, or one report's quote cut short inside another's; a quote and
            // reported speech stay apart, as they are drawn apart.
            let same = entry.1.iter_mut().find(|(t, _, _, reported)| {
                let t = bare(t);
                *reported == q.reported
                    && (t == norm
                        || (t.chars().count().min(letters) >= SAME_WITHIN
                            && (t.contains(&norm) || norm.contains(&t))))
            });
            match same {
                Some((text, from, first, _)) => {
                    // The longer telling stays, with the report that carries it (Enter opens it).
                    if q.text.len() > text.len() {
                        text.clone_from(&q.text);
                        *first = art;
                    }
                    if !from.contains(&outlet) {
                        from.push(outlet.clone());
                    }
                }
                None => entry
                    .1
                    .push((q.text.clone(), vec![outlet.clone()], art, q.reported)),
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
                .map(|(text, from, article, reported)| QuoteLine::Quote {
                    text,
                    from: from.join(", "),
                    article,
                    reported,
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

    #[test]
    fn reported_speech_is_marked_and_a_quote_cut_short_is_the_same_quote() {
        let corpus = Corpus::from_articles(vec![
            article(
                "a",
                "Wire One",
                "\"We will not extend the truce under any circumstances,\" Haider Al Lami said. \
                 The truce ended on Tuesday, according to the Iraqi police.",
            ),
            article(
                "b",
                "Wire Two",
                "\"We will not extend the truce under any circumstances, whatever Washington \
                 offers,\" Haider Al Lami said.",
            ),
        ]);
        let lines = lines(&corpus, &[0, 1]);
        let quotes: Vec<(&str, &str, bool)> = lines
            .iter()
            .filter_map(|l| match l {
                QuoteLine::Quote {
                    text,
                    from,
                    reported,
                    ..
                } => Some((text.as_str(), from.as_str(), *reported)),
                QuoteLine::Speaker { .. } => None,
            })
            .collect();
        assert_eq!(quotes.len(), 2, "{lines:?}");
        assert!(
            quotes.contains(&(
                "We will not extend the truce under any circumstances, whatever Washington offers",
                "Wire One, Wire Two",
                false
            )),
            "{quotes:?}"
        );
        assert!(
            quotes
                .iter()
                .any(|(t, _, r)| *r && t.starts_with("The truce ended")),
            "{quotes:?}"
        );
    }
}
