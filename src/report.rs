//! Plain-text and JSON views of the corpus for the CLI (pure: corpus in, text out).

use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::actors::{ActorId, ActorKind, Mention};
use crate::article::Article;
use crate::corpus::Corpus;
use crate::sanitize::{self, Safe, safe_all};
use crate::stories::Stories;

// Every string in the JSON views is a `Safe`, so nothing from a file, a file name or an
// argument reaches a JSON consumer unsanitised, not even as a `\u001b` escape.

/// An article for `list --json`: everything but the paragraphs, plus its actors.
#[derive(Debug, Serialize)]
pub struct ListEntry<'a> {
    pub id: Safe<'a>,
    pub path: Safe<'a>,
    pub title: Safe<'a>,
    pub subtitle: Option<Safe<'a>>,
    pub source: Option<Safe<'a>>,
    /// Where an agency dateline says the report was filed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Safe<'a>>,
    pub date: Option<String>,
    pub url: Option<Safe<'a>>,
    pub author: Option<Safe<'a>>,
    pub links: Vec<Safe<'a>>,
    pub words: usize,
    pub actors: Vec<Safe<'a>>,
    /// Id of the story (event) the article reports, shared by its other reports.
    pub story: Option<Safe<'a>>,
}

fn safe_opt(text: &Option<String>) -> Option<Safe<'_>> {
    text.as_deref().map(Safe)
}

impl<'a> ListEntry<'a> {
    /// The entry for article `i`, with its story from `stories`.
    pub fn new(corpus: &'a Corpus, stories: &'a Stories, i: usize) -> Self {
        let a = &corpus.articles[i];
        ListEntry {
            id: Safe(&a.id),
            path: Safe(&a.path),
            title: Safe(&a.title),
            subtitle: safe_opt(&a.subtitle),
            source: safe_opt(&a.source),
            place: safe_opt(&a.place),
            date: a.date.map(|d| d.to_string()),
            url: safe_opt(&a.url),
            author: safe_opt(&a.author),
            links: safe_all(&a.links),
            words: a.words,
            actors: corpus.actor_names(i).into_iter().map(Safe).collect(),
            story: stories
                .story_of(i)
                .and_then(|s| stories.stories.get(s))
                .map(|s| Safe(s.id.as_str())),
        }
    }
}

/// A story for `stories --json`: its reports by id and its leading actors by name.
#[derive(Debug, Serialize)]
pub struct StoryEntry<'a> {
    pub id: Safe<'a>,
    pub label: Safe<'a>,
    pub articles: Vec<Safe<'a>>,
    pub sources: Vec<Safe<'a>>,
    pub first: Option<String>,
    pub last: Option<String>,
    pub actors: Vec<Safe<'a>>,
}

/// Every story, largest first (a story of one article included).
pub fn story_entries<'a>(corpus: &'a Corpus, stories: &'a Stories) -> Vec<StoryEntry<'a>> {
    let names = corpus.actors.actors();
    stories
        .stories
        .iter()
        .map(|s| StoryEntry {
            id: Safe(&s.id),
            label: Safe(&s.label),
            articles: s
                .articles
                .iter()
                .filter_map(|&a| corpus.articles.get(a))
                .map(|a| Safe(&a.id))
                .collect(),
            sources: safe_all(&s.sources),
            first: s.first.map(|d| d.to_string()),
            last: s.last.map(|d| d.to_string()),
            actors: s
                .actors
                .iter()
                .filter_map(|&id| names.get(id))
                .map(|a| Safe(&a.name))
                .collect(),
        })
        .collect()
}

/// Stories as text: one line per story (reports, date span, label), then its reports.
pub fn stories_text(corpus: &Corpus, stories: &Stories) -> String {
    let mut out = String::new();
    for s in &stories.stories {
        let span = match (s.first, s.last) {
            (Some(a), Some(b)) if a != b => format!("{a}..{b}"),
            (Some(a), _) => a.to_string(),
            _ => "undated".to_string(),
        };
        let n = s.articles.len();
        out.push_str(&sanitize::one_line(&format!(
            "{} · {n} report{} · {span} · {}",
            s.id,
            if n == 1 { "" } else { "s" },
            s.label
        )));
        out.push('\n');
        for a in s.articles.iter().filter_map(|&a| corpus.articles.get(a)) {
            out.push_str(&sanitize::one_line(&format!(
                "    {}  {:<10}  {}",
                a.id,
                a.source.as_deref().unwrap_or("-"),
                a.title
            )));
            out.push('\n');
        }
    }
    out
}

/// A mention for `show --json`, with the actor's name and the text it covers.
#[derive(Debug, Serialize)]
pub struct MentionEntry<'a> {
    pub actor: Safe<'a>,
    pub kind: ActorKind,
    pub text: Safe<'a>,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// An article for `show --json`: the whole article plus actors and mentions.
#[derive(Debug, Serialize)]
pub struct ShowEntry<'a> {
    pub id: Safe<'a>,
    pub path: Safe<'a>,
    pub title: Safe<'a>,
    pub subtitle: Option<Safe<'a>>,
    pub source: Option<Safe<'a>>,
    /// Where an agency dateline says the report was filed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Safe<'a>>,
    pub date: Option<String>,
    pub url: Option<Safe<'a>>,
    pub author: Option<Safe<'a>>,
    /// Sanitised with same-length stand-ins, so the mentions' byte ranges still hold.
    pub paragraphs: Vec<Safe<'a>>,
    pub links: Vec<Safe<'a>>,
    pub words: usize,
    pub actors: Vec<Safe<'a>>,
    pub mentions: Vec<MentionEntry<'a>>,
}

impl<'a> ShowEntry<'a> {
    /// The entry for article `i`.
    pub fn new(corpus: &'a Corpus, i: usize) -> Self {
        let article = &corpus.articles[i];
        let mentions = article
            .mentions
            .iter()
            .filter_map(|m: &Mention| {
                let actor = corpus.actors.actors().get(m.actor)?;
                let text = article.paragraphs.get(m.paragraph)?.get(m.start..m.end)?;
                Some(MentionEntry {
                    actor: Safe(&actor.name),
                    kind: actor.kind,
                    text: Safe(text),
                    paragraph: m.paragraph,
                    start: m.start,
                    end: m.end,
                })
            })
            .collect();
        let a: &Article = article;
        ShowEntry {
            id: Safe(&a.id),
            path: Safe(&a.path),
            title: Safe(&a.title),
            subtitle: safe_opt(&a.subtitle),
            source: safe_opt(&a.source),
            place: safe_opt(&a.place),
            date: a.date.map(|d| d.to_string()),
            url: safe_opt(&a.url),
            author: safe_opt(&a.author),
            paragraphs: safe_all(&a.paragraphs),
            links: safe_all(&a.links),
            words: a.words,
            actors: corpus.actor_names(i).into_iter().map(Safe).collect(),
            mentions,
        }
    }
}

/// One actor for `entities`.
#[derive(Debug, Serialize)]
pub struct EntityRow<'a> {
    pub name: Safe<'a>,
    pub kind: ActorKind,
    pub aliases: Vec<Safe<'a>>,
    pub mentions: u32,
    pub articles: Vec<Safe<'a>>,
}

/// The actors of the articles `only` (ascending), sorted by number of those articles, then
/// mentions in them, then name.
pub fn entity_rows<'a>(corpus: &'a Corpus, only: &[usize]) -> Vec<EntityRow<'a>> {
    let index = &corpus.actors;
    // Per actor: its articles among `only` and its mentions in them.
    let mut of: Vec<(Vec<usize>, u32)> = vec![(Vec::new(), 0); index.actors().len()];
    for &i in only {
        for &(id, n) in index.actors_of(i) {
            if let Some((articles, mentions)) = of.get_mut(id) {
                articles.push(i);
                *mentions += n;
            }
        }
    }
    let mut ids: Vec<ActorId> = (0..of.len()).filter(|&id| !of[id].0.is_empty()).collect();
    ids.sort_by(|&a, &b| {
        let key = |id: ActorId| (of[id].0.len(), of[id].1);
        key(b)
            .cmp(&key(a))
            .then_with(|| index.actors()[a].name.cmp(&index.actors()[b].name))
    });
    ids.into_iter()
        .map(|id| {
            let actor = &index.actors()[id];
            EntityRow {
                name: Safe(&actor.name),
                kind: actor.kind,
                aliases: safe_all(&actor.aliases),
                mentions: of[id].1,
                articles: of[id]
                    .0
                    .iter()
                    .map(|&i| Safe(corpus.articles[i].id.as_str()))
                    .collect(),
            }
        })
        .collect()
}

fn kind_label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "org",
        ActorKind::Place => "place",
        ActorKind::Other => "other",
    }
}

/// `entities` as text columns: articles, mentions, kind, name, other spellings.
pub fn entities_text(rows: &[EntityRow<'_>]) -> String {
    let mut out = String::from("ARTICLES  MENTIONS  KIND    NAME\n");
    for r in rows {
        let others: Vec<&str> = r
            .aliases
            .iter()
            .map(|a| a.0)
            .filter(|a| *a != r.name.0)
            .collect();
        let aka = if others.is_empty() {
            String::new()
        } else {
            format!("  (also: {})", others.join(", "))
        };
        out.push_str(&sanitize::one_line(&format!(
            "{:>8}  {:>8}  {:<6}  {}{aka}",
            r.articles.len(),
            r.mentions,
            kind_label(r.kind),
            r.name.0
        )));
        out.push('\n');
    }
    out
}

/// `text` in exactly `width` terminal columns: cut with an ellipsis, or padded.
fn columns(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let cut = text.width() > width;
    let room = if cut { width.saturating_sub(1) } else { width };
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        out.push(c);
        used += w;
    }
    if cut {
        out.push('…');
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// Widest id the `list` column is sized for unless most ids are wider.
const ID_COLUMN: usize = 32;

/// `list` as text: id, date, source, title; one line per article.
pub fn list_text(corpus: &Corpus, only: &[usize]) -> String {
    let articles: Vec<&crate::article::Article> = only
        .iter()
        .filter_map(|&i| corpus.articles.get(i))
        .collect();
    // An id is printed whole (`show` takes it back), but a few long file names must not push
    // every other line off the screen: only their own lines go wider. When most ids are
    // long, the column fits them all.
    let lens: Vec<usize> = articles
        .iter()
        .map(|a| sanitize::one_line(&a.id).width())
        .collect();
    let long = lens.iter().filter(|&&n| n > ID_COLUMN).count();
    let id_w = lens
        .iter()
        .copied()
        .filter(|&n| long * 2 > lens.len() || n <= ID_COLUMN)
        .max()
        .unwrap_or(2)
        .max(2);
    let src_w = articles
        .iter()
        .map(|a| sanitize::one_line(a.source.as_deref().unwrap_or("-")).width())
        .max()
        .unwrap_or(6)
        .clamp(6, 24);
    let mut out = String::new();
    for a in &articles {
        let date = a
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "----------".into());
        let source = columns(
            &sanitize::one_line(a.source.as_deref().unwrap_or("-")),
            src_w,
        );
        let id = sanitize::one_line(&a.id);
        // Padded by display width: a CJK character takes two columns.
        let pad = id_w.saturating_sub(id.width());
        out.push_str(&format!(
            "{id}{:pad$}  {date}  {source}  {}",
            "",
            sanitize::one_line(&a.title)
        ));
        out.push('\n');
    }
    out
}

/// `show` as text wrapped at `width`: title, subtitle, meta line, paragraphs, references.
pub fn show_text(corpus: &Corpus, i: usize, width: usize) -> String {
    let a = &corpus.articles[i];
    let mut out = String::new();
    // No hyphen splitting: URLs and hyphenated names stay whole.
    let options =
        textwrap::Options::new(width).word_splitter(textwrap::WordSplitter::NoHyphenation);
    let block = |text: &str, out: &mut String| {
        for line in textwrap::wrap(&sanitize::one_line(text), &options) {
            out.push_str(&line);
            out.push('\n');
        }
    };
    block(&a.title, &mut out);
    if let Some(sub) = &a.subtitle {
        block(sub, &mut out);
    }
    block(&meta_line(a), &mut out);
    if let Some(url) = &a.url {
        out.push_str(&sanitize::one_line(url));
        out.push('\n');
    }
    out.push('\n');
    for p in &a.paragraphs {
        block(p, &mut out);
        out.push('\n');
    }
    if !a.links.is_empty() {
        out.push_str("References\n");
        // URLs stay on one line so they can be copied whole.
        for (n, url) in a.links.iter().enumerate() {
            out.push_str(&sanitize::one_line(&format!("[{}] {url}", n + 1)));
            out.push('\n');
        }
    }
    out
}

/// `source · dateline place · by author · date · N words · M min read`, leaving out what is
/// unknown.
pub fn meta_line(a: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = &a.source {
        parts.push(s.clone());
    }
    if let Some(p) = &a.place {
        parts.push(p.clone());
    }
    if let Some(by) = &a.author {
        parts.push(format!("by {by}"));
    }
    if let Some(d) = a.date {
        parts.push(d.to_string());
    }
    parts.push(format!("{} words", a.words));
    parts.push(format!("{} min read", a.reading_minutes()));
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn columns_cut_with_an_ellipsis_and_count_wide_characters_twice() {
        assert_eq!(columns("Reuters", 10), "Reuters   ");
        assert_eq!(columns("Wikimedia Foundation, Inc.", 12), "Wikimedia F…");
        assert_eq!(columns("光明网新闻", 6).width(), 6);
        assert_eq!(columns("光明网新闻", 6), "光明… ");
    }

    #[test]
    fn list_columns_line_up_whatever_the_script_of_the_source() {
        let article = |id: &str, source: &str| Article {
            id: id.into(),
            title: "A title".into(),
            source: Some(source.into()),
            ..Article::default()
        };
        let corpus = Corpus::from_articles(vec![
            article("a", "Reuters"),
            article("b", "光明网"),
            article("c", "A very long outlet name that goes on and on"),
        ]);
        let text = list_text(&corpus, &[0, 1, 2]);
        let starts: Vec<usize> = text
            .lines()
            .map(|l| l.find("A title").map_or(0, |i| l[..i].width()))
            .collect();
        assert!(starts.iter().all(|&s| s == starts[0] && s > 0), "{text}");
        assert!(text.contains('…'), "{text}");
    }
}
