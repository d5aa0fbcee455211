//! The article a page describes in its JSON-LD (`<script type="application/ld+json">`).

use serde_json::Value;

/// What a page's JSON-LD says about its article; every field optional.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LdArticle {
    /// `headline` (or `name`).
    pub headline: Option<String>,
    /// `name`, which some pages give as the headline and `headline` as a description.
    pub name: Option<String>,
    /// `datePublished`, as written.
    pub date: Option<String>,
    /// `dateCreated`, as written: weaker than a page's own publication metadata.
    pub created: Option<String>,
    /// `dateModified`, as written: the last resort for a date.
    pub modified: Option<String>,
    /// The publisher's name, `@id` references resolved.
    pub publisher: Option<String>,
    /// Author names joined (`A, B and C`).
    pub author: Option<String>,
    /// `articleBody`.
    pub body: Option<String>,
    /// `url` or `mainEntityOfPage`.
    pub url: Option<String>,
}

/// Schema.org types that describe an article (compared without case).
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "socialmediaposting",
    "liveblogposting",
    "techarticle",
    "scholarlyarticle",
    "report",
];

/// Objects deeper than this are not looked into (hostile nesting).
const MAX_DEPTH: usize = 8;

/// A block's JSON without the `<![CDATA[ ... ]]>` or `<!-- ... -->` some pages wrap it in.
fn unwrapped(block: &str) -> &str {
    let mut b = block.trim();
    // Wrappers nest (a comment around CDATA) and scripts write `//<![CDATA[ ... //]]>`.
    for _ in 0..4 {
        let inner = b.trim_start_matches("//").trim_start();
        let inner = if let Some(i) = inner.strip_prefix("<![CDATA[") {
            i.trim_end()
                .trim_end_matches("]]>")
                .trim_end()
                .trim_end_matches("//")
        } else if let Some(i) = inner.strip_prefix("<!--") {
            i.trim_end()
                .trim_end_matches("-->")
                .trim_end()
                .trim_end_matches("//")
        } else {
            break;
        };
        b = inner.trim();
    }
    b
}

/// Reads the first article object among the JSON-LD blocks; unreadable blocks are skipped.
pub fn read<'a>(blocks: impl IntoIterator<Item = &'a str>) -> LdArticle {
    let values: Vec<Value> = blocks
        .into_iter()
        .filter_map(|b| serde_json::from_str(unwrapped(b)).ok())
        .collect();
    let mut objects = Vec::new();
    for value in &values {
        collect_objects(value, 0, &mut objects);
    }
    let Some(article) = objects.iter().find(|o| is_article(o)) else {
        return LdArticle::default();
    };
    let by_id = |v: &Value| -> Option<String> {
        let id = v.get("@id")?.as_str()?;
        objects
            .iter()
            .filter(|o| o.get("@id").and_then(Value::as_str) == Some(id))
            .find_map(|o| name_of(o))
    };
    let named = |key: &str| -> Option<String> {
        let v = article.get(key)?;
        let names: Vec<String> = match v {
            Value::Array(items) => items
                .iter()
                .filter_map(|i| name_of(i).or_else(|| by_id(i)))
                .collect(),
            other => name_of(other)
                .or_else(|| by_id(other))
                .into_iter()
                .collect(),
        };
        join_names(&names)
    };
    LdArticle {
        headline: string(article, "headline").or_else(|| string(article, "name")),
        name: string(article, "name"),
        date: string(article, "datePublished"),
        created: string(article, "dateCreated"),
        modified: string(article, "dateModified"),
        publisher: named("publisher"),
        author: named("author").or_else(|| named("creator")),
        body: string(article, "articleBody"),
        url: string(article, "url").or_else(|| {
            let page = article.get("mainEntityOfPage")?;
            page.as_str()
                .map(str::to_string)
                .or_else(|| string(page, "@id"))
        }),
    }
}

/// Every object in a JSON-LD value: arrays, `@graph` and nested `mainEntity` included.
fn collect_objects<'a>(value: &'a Value, depth: usize, out: &mut Vec<&'a Value>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_objects(item, depth + 1, out);
            }
        }
        Value::Object(map) => {
            out.push(value);
            for key in ["@graph", "mainEntity", "itemListElement"] {
                if let Some(inner) = map.get(key) {
                    collect_objects(inner, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

/// Whether a Schema.org type name (`NewsArticle`, or a URL ending in it) is an article's.
fn article_type(name: &str) -> bool {
    ARTICLE_TYPES.contains(&type_name(name).as_str())
}

/// Schema.org types of things a page shows beside its story (compared without case): their
/// dates are theirs. A page's own item (`WebPage`, `Blog`, `CreativeWork`) is not one.
const OTHER_THINGS: &[&str] = &[
    "comment",
    "usercomments",
    "person",
    "organization",
    "imageobject",
    "videoobject",
    "audioobject",
    "mediaobject",
    "event",
    "place",
    "offer",
    "product",
    "review",
    "rating",
    "aggregaterating",
    "interactioncounter",
];

/// Whether a Schema.org type name names a thing other than the page and its story.
pub fn other_thing_type(name: &str) -> bool {
    OTHER_THINGS.contains(&type_name(name).as_str())
}

/// A type name without its vocabulary's address, in lower case.
fn type_name(name: &str) -> String {
    name.trim()
        .rsplit('/')
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase()
}

/// Whether an object's `@type` (a string or a list) is an article type.
fn is_article(object: &Value) -> bool {
    let is = |t: &Value| t.as_str().is_some_and(article_type);
    match object.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// A non-empty string field, trimmed.
fn string(object: &Value, key: &str) -> Option<String> {
    let s = object.get(key)?.as_str()?.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The name of a person or organisation given as a string or as an object with `name`.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(_) => string(value, "name"),
        _ => None,
    }
}

/// `A`, `A and B`, `A, B and C`.
fn join_names(names: &[String]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_news_article() {
        let a = read([r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":" Rents rise ","datePublished":"2023-06-14T07:30:00+01:00",
            "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Ek"}],
            "publisher":{"@type":"Organization","name":"The Example"},"articleBody":"Text."}"#]);
        assert_eq!(a.headline.as_deref(), Some("Rents rise"));
        assert_eq!(a.date.as_deref(), Some("2023-06-14T07:30:00+01:00"));
        assert_eq!(a.author.as_deref(), Some("Ann Lee and Bo Ek"));
        assert_eq!(a.publisher.as_deref(), Some("The Example"));
        assert_eq!(a.body.as_deref(), Some("Text."));
    }

    #[test]
    fn graph_with_type_lists_and_id_references() {
        let a = read([r##"{"@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["Article","NewsArticle"],"headline":"H","publisher":{"@id":"#org"}},
            {"@type":"Organization","@id":"#org","name":"Org Name"}]}"##]);
        assert_eq!(a.headline.as_deref(), Some("H"));
        assert_eq!(a.publisher.as_deref(), Some("Org Name"));
    }

    #[test]
    fn arrays_of_blocks_and_broken_blocks() {
        let a = read([
            "{not json",
            r#"[{"@type":"Organization","name":"O"},{"@type":"BlogPosting","headline":"B","author":"Cy"}]"#,
        ]);
        assert_eq!(a.headline.as_deref(), Some("B"));
        assert_eq!(a.author.as_deref(), Some("Cy"));
        assert_eq!(read(["{}"]), LdArticle::default());
    }

    #[test]
    fn wrapped_blocks_and_created_dates() {
        let a = read([r#" <![CDATA[ {"@type":"NewsArticle","headline":"H",
            "dateCreated":"2015-10-14T23:00:00Z","datePublished":"2015-10-15T02:19:15Z"} ]]> "#]);
        assert_eq!(a.date.as_deref(), Some("2015-10-15T02:19:15Z"));
        assert_eq!(a.created.as_deref(), Some("2015-10-14T23:00:00Z"));
        let a = read([r#"//<![CDATA[ <!-- {"@type":"Article","headline":"D"} --> //]]>"#]);
        assert_eq!(a.headline.as_deref(), Some("D"));
        let a = read([r#"<!-- {"@type":"Article","headline":"C"} -->"#]);
        assert_eq!(a.headline.as_deref(), Some("C"));
        assert_eq!(a.date, None);
    }

    #[test]
    fn hostile_nesting_is_not_followed() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(read([deep.as_str()]), LdArticle::default());
    }
}
