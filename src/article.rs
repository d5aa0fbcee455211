//! The cleaned article, the unit every later stage works on, and the actor mention types it
//! carries (a leaf: every stage may use it, it uses none).

use chrono::NaiveDate;
use serde::Serialize;

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

/// One mention: byte range `start..end` inside paragraph `paragraph` of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub actor: ActorId,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// One cleaned article: metadata, readable paragraphs and numbered links.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    /// File stem, or `stem-N` for the N-th record of a collection file.
    pub id: String,
    /// Path the article was read from, as given (`seeds/NAME` for the bundled ones).
    pub path: String,
    /// The headline, or the first sentence shortened when the article has none.
    pub title: String,
    /// A standfirst or dek under the headline.
    pub subtitle: Option<String>,
    /// The outlet, from metadata, a dateline, link hosts or the page's chrome.
    pub source: Option<String>,
    /// Publication date, from metadata or a leading `date` line only (never from chrome).
    pub date: Option<NaiveDate>,
    /// Where the article was published, when the file says so.
    pub url: Option<String>,
    /// The byline, when the file gives one.
    pub author: Option<String>,
    /// Where the report was filed, from an agency dateline (`NAIROBI (AP) -` gives Nairobi).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The agency as that dateline writes it (`AP`), read for actors beside the place.
    #[serde(skip)]
    pub agency: Option<String>,
    /// Body paragraphs; links appear in them as `[N]`, N counting from 1 into `links`.
    pub paragraphs: Vec<String>,
    /// URLs of the article's links, in reference order.
    pub links: Vec<String>,
    /// Word count of the paragraphs.
    pub words: usize,
    /// Actor mentions in `paragraphs`, ordered by position (filled in by the corpus).
    #[serde(skip)]
    pub mentions: Vec<Mention>,
}

impl Article {
    /// Minutes a reader needs at about 230 words a minute, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(230).max(1)
    }

    /// The date as `YYYY-MM-DD`, or an empty string when unknown.
    pub fn date_label(&self) -> String {
        self.date.map(|d| d.to_string()).unwrap_or_default()
    }
}

/// Counts words the way readers do: runs of letters or digits; in scripts written without
/// spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese) a few characters make a word.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            let (mut han, mut south_east) = (0usize, 0usize);
            for c in w.chars() {
                match c as u32 {
                    0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => {
                        han += 1
                    }
                    0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF => south_east += 1,
                    _ => {}
                }
            }
            // About two Chinese or Japanese characters and five Thai letters a word.
            (han.div_ceil(2) + south_east.div_ceil(5)).max(1)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_punctuation_only_tokens() {
        assert_eq!(count_words("Hello — world, 2024 !"), 3);
    }

    #[test]
    fn words_of_unspaced_scripts_are_counted_by_characters() {
        assert_eq!(count_words("短缺药品保供稳价"), 4);
        assert_eq!(count_words("ผลการตรวจ DNA"), 3);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn reading_time_rounds_up_and_is_never_zero() {
        let mut a = Article::default();
        assert_eq!(a.reading_minutes(), 1);
        a.words = 231;
        assert_eq!(a.reading_minutes(), 2);
    }
}
