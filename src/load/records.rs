//! JSON and JSON Lines collections: objects with title/date/source/url/body and their alternates.

use serde_json::{Map, Value};

use super::doc::{Format, RawDoc, looks_like_html_page};

const TITLE: &[&str] = &["title", "headline", "name"];
const DATE: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "datePublished",
    "created_at",
    "time",
];
const SOURCE: &[&str] = &["source", "publisher", "site_name", "outlet", "site"];
const URL: &[&str] = &["url", "link", "href", "permalink"];
const BODY: &[&str] = &[
    "body",
    "content",
    "text",
    "article",
    "html",
    "description",
    "summary",
];
const AUTHOR: &[&str] = &["author", "byline", "authors", "creator"];
/// Fields of an object that may hold the array of articles.
const LISTS: &[&str] = &[
    "articles",
    "items",
    "data",
    "results",
    "entries",
    "posts",
    "documents",
    "docs",
];

type Parsed = (Vec<RawDoc>, Vec<String>);

/// A `.json` file: an array of articles, an object holding one, or a single article.
pub fn parse_json(text: &str, stem: &str, path: &str) -> Result<Parsed, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let items: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) if body_of(map).is_some() => {
            return Ok((
                record(map, stem.to_string(), path).into_iter().collect(),
                Vec::new(),
            ));
        }
        Value::Object(map) => {
            let list = LISTS
                .iter()
                .filter_map(|k| map.get(*k))
                .chain(map.values())
                .find_map(|v| v.as_array().filter(|a| a.iter().any(Value::is_object)));
            match list {
                Some(items) => items.iter().collect(),
                None => return Err("JSON object holds no array of articles".to_string()),
            }
        }
        _ => return Err("JSON is neither an article, an array nor an object".to_string()),
    };
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    for (n, item) in items.into_iter().enumerate() {
        match item
            .as_object()
            .and_then(|m| record(m, format!("{stem}-{}", n + 1), path))
        {
            Some(doc) => docs.push(doc),
            None => warnings.push(format!("item {}: no body, content or text; skipped", n + 1)),
        }
    }
    Ok((docs, warnings))
}

/// A `.jsonl` file: one article object per line; bad lines are reported and skipped.
pub fn parse_jsonl(text: &str, stem: &str, path: &str) -> Result<Parsed, String> {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let line_no = n + 1;
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => match record(&map, format!("{stem}-{line_no}"), path) {
                Some(doc) => docs.push(doc),
                None => warnings.push(format!("line {line_no}: no body, content or text; skipped")),
            },
            Ok(_) => warnings.push(format!("line {line_no}: not a JSON object; skipped")),
            Err(e) => warnings.push(format!("line {line_no}: invalid JSON ({e}); skipped")),
        }
    }
    if docs.is_empty() && !warnings.is_empty() {
        return Err(format!("no valid line ({})", warnings[0]));
    }
    Ok((docs, warnings))
}

/// The first string-ish value among `keys`.
fn field(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().filter_map(|k| map.get(*k)).find_map(text_of)
}

/// A value as text: strings, numbers, `{name: ...}` objects, arrays of those.
fn text_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Object(m) => ["name", "title", "text", "value"]
            .iter()
            .find_map(|k| m.get(*k).and_then(text_of))?,
        Value::Array(items) => items
            .iter()
            .filter_map(text_of)
            .collect::<Vec<_>>()
            .join(", "),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

fn body_of(map: &Map<String, Value>) -> Option<String> {
    BODY.iter()
        .filter_map(|k| map.get(*k))
        .find_map(|v| match v {
            Value::Array(parts) => {
                let joined: Vec<String> = parts.iter().filter_map(text_of).collect();
                (!joined.is_empty()).then(|| joined.join("\n\n"))
            }
            v => text_of(v),
        })
}

/// JSON escapes (`\u001b`) can smuggle control characters past the file-level cleaning.
fn safe(text: String, removed: &mut usize) -> String {
    let (clean, n) = super::decode::clean_controls(&text);
    *removed += n;
    clean
}

fn record(map: &Map<String, Value>, id: String, path: &str) -> Option<RawDoc> {
    let mut removed = 0;
    let body = safe(body_of(map)?, &mut removed);
    let format = if looks_like_html_page(&body) {
        Format::Html
    } else {
        Format::Text
    };
    let mut doc = RawDoc::new(id, path, format, body);
    let mut get = |keys: &[&str]| field(map, keys).map(|v| safe(v, &mut removed));
    doc.title = get(TITLE);
    doc.date = get(DATE);
    doc.source = get(SOURCE);
    doc.url = get(URL);
    doc.author = get(AUTHOR);
    doc.control_chars_removed = removed;
    Some(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_of_articles_with_alternate_field_names() {
        let json = r#"[{"headline":"A","published":"2024-01-02","content":"Body A.","link":"https://x.org/a","source":{"name":"X"}},
                       {"title":"B","text":"Body B.","author":["Ann","Bo"]}]"#;
        let (docs, warnings) = parse_json(json, "feed", "feed.json").unwrap();
        assert!(warnings.is_empty());
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "feed-1");
        assert_eq!(docs[0].title.as_deref(), Some("A"));
        assert_eq!(docs[0].date.as_deref(), Some("2024-01-02"));
        assert_eq!(docs[0].source.as_deref(), Some("X"));
        assert_eq!(docs[0].url.as_deref(), Some("https://x.org/a"));
        assert_eq!(docs[1].id, "feed-2");
        assert_eq!(docs[1].author.as_deref(), Some("Ann, Bo"));
    }

    #[test]
    fn object_holding_an_array_and_single_objects() {
        let (docs, _) = parse_json(
            r#"{"status":"ok","articles":[{"body":"x"}]}"#,
            "f",
            "f.json",
        )
        .unwrap();
        assert_eq!(docs.len(), 1);
        let (docs, _) = parse_json(r#"{"title":"T","body":"x"}"#, "one", "one.json").unwrap();
        assert_eq!(docs[0].id, "one");
        assert!(parse_json(r#"{"a":1}"#, "f", "f.json").is_err());
        assert!(
            parse_json("[1,", "f", "f.json")
                .unwrap_err()
                .starts_with("invalid JSON")
        );
    }

    #[test]
    fn escapes_inside_json_strings_are_removed() {
        let json = r#"[{"title":"A \u001b[31mred\u001b[0m title","body":"x\u202e y\u0007"}]"#;
        let (docs, _) = parse_json(json, "f", "f.json").unwrap();
        assert_eq!(docs[0].title.as_deref(), Some("A red title"));
        assert_eq!(docs[0].body, "x y");
        assert_eq!(docs[0].control_chars_removed, 4);
    }

    #[test]
    fn jsonl_reports_bad_lines_and_keeps_the_rest() {
        let text =
            "{\"body\":\"one\"}\nnot json\n\n[1]\n{\"title\":\"no body\"}\n{\"text\":\"five\"}\n";
        let (docs, warnings) = parse_jsonl(text, "f", "f.jsonl").unwrap();
        assert_eq!(
            docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["f-1", "f-6"]
        );
        assert_eq!(warnings.len(), 3);
        assert!(warnings[0].starts_with("line 2: invalid JSON"));
    }
}
