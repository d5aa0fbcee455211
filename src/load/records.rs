//! JSON and JSON Lines collections: objects with title/date/source/url/body and their alternates.

use std::io::BufRead;

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
const ID: &[&str] = &["id", "_id", "guid", "uuid", "doc_id"];

/// Longest record id kept; a longer one is not an id a person types.
const ID_MAX: usize = 120;

/// The record's own id, when it is one a person can type back (`dossier show ID`).
fn own_id(map: &Map<String, Value>) -> Option<String> {
    let id = field(map, ID)?;
    let typable = id.len() <= ID_MAX
        && !id.chars().any(char::is_whitespace)
        && super::decode::clean_controls(&id).1 == 0;
    typable.then_some(id)
}
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

/// What a collection gave: how many documents it emitted, and one summary of what it skipped.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Documents handed to the consumer.
    pub docs: usize,
    /// Records skipped, summarised in one message (a million bad lines make one message).
    pub skipped: Skips,
    /// A repair made on the way (lines decoded as Windows-1252).
    pub repaired: Option<String>,
}

/// Records skipped in one collection: the first few reasons and how many in all.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Skips {
    shown: Vec<String>,
    total: usize,
}

/// Reasons kept in a skip summary; the rest are only counted.
const SHOWN_SKIPS: usize = 3;

impl Skips {
    /// Counts a skipped record, keeping its reason if it is one of the first few.
    pub fn add(&mut self, reason: impl FnOnce() -> String) {
        if self.shown.len() < SHOWN_SKIPS {
            self.shown.push(reason());
        }
        self.total += 1;
    }

    /// The one message for all skipped records, if any.
    pub fn summary(&self) -> Option<String> {
        let shown = self.shown.join("; ");
        match self.total {
            0 => None,
            1 => Some(format!("{shown}; skipped")),
            n if n <= SHOWN_SKIPS => Some(format!("{n} records skipped: {shown}")),
            n => Some(format!("{n} records skipped: {shown}; ...")),
        }
    }
}

/// A `.json` file: an array of articles, an object holding one, or a single article.
/// Each document goes to `emit` as soon as it is made.
pub fn parse_json(
    text: &str,
    stem: &str,
    path: &str,
    emit: &mut dyn FnMut(RawDoc),
) -> Result<Outcome, String> {
    if text.trim_start().starts_with('[') {
        return parse_array(text, stem, path, emit);
    }
    // serde_json refuses nesting deeper than 128, so hostile nesting is an error, not a crash.
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let items: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) if body_of(map).is_some() => {
            let mut out = Outcome::default();
            if let Some(doc) = record(map, stem.to_string(), path) {
                emit(doc);
                out.docs = 1;
            }
            return Ok(out);
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
    let mut out = Outcome::default();
    for (n, item) in items.into_iter().enumerate() {
        match item
            .as_object()
            .and_then(|m| record(m, format!("{stem}-{}", n + 1), path))
        {
            Some(doc) => {
                emit(doc);
                out.docs += 1;
            }
            None => out
                .skipped
                .add(|| format!("item {}: no body, content or text", n + 1)),
        }
    }
    Ok(out)
}

/// A `.json` array of articles, read an item at a time: an item the parser refuses (a number
/// out of range, a lone surrogate) ends the file there, and the items before it still load.
fn parse_array(
    text: &str,
    stem: &str,
    path: &str,
    emit: &mut dyn FnMut(RawDoc),
) -> Result<Outcome, String> {
    use serde::de::{Deserializer as _, SeqAccess, Visitor};

    struct Items<'a, 'e> {
        stem: &'a str,
        path: &'a str,
        emit: &'e mut dyn FnMut(RawDoc),
        out: &'e mut Outcome,
        /// Items read whole, good or not.
        read: &'e mut usize,
    }
    impl<'de> Visitor<'de> for Items<'_, '_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an array of articles")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let mut n = 0;
            while let Some(item) = seq.next_element::<Value>()? {
                n += 1;
                *self.read = n;
                match item
                    .as_object()
                    .and_then(|m| record(m, format!("{}-{n}", self.stem), self.path))
                {
                    Some(doc) => {
                        (self.emit)(doc);
                        self.out.docs += 1;
                    }
                    None => self
                        .out
                        .skipped
                        .add(|| format!("item {n}: no body, content or text")),
                }
            }
            Ok(())
        }
    }

    let mut out = Outcome::default();
    let mut items = 0;
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = de
        .deserialize_seq(Items {
            stem,
            path,
            emit,
            out: &mut out,
            read: &mut items,
        })
        .and_then(|()| de.end());
    if let Err(e) = parsed {
        if out.docs == 0 {
            return Err(format!("invalid JSON: {e}"));
        }
        // What follows the bad item is lost with it: say so once, with the first few skips.
        out.skipped
            .add(|| format!("invalid JSON at item {}, the rest not read: {e}", items + 1));
    }
    Ok(out)
}

/// A `.jsonl` stream: one article object per line, parsed and handed to `emit` one line at a
/// time, so memory follows the longest line, not the file. Bad lines are counted and skipped.
pub fn read_jsonl(
    mut input: impl BufRead,
    stem: &str,
    path: &str,
    emit: &mut dyn FnMut(RawDoc),
) -> Result<Outcome, String> {
    let mut out = Outcome::default();
    let mut line = Vec::new();
    let mut line_no = 0;
    let mut latin1_lines = 0usize;
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return Err(e.to_string()),
        }
        line_no += 1;
        let bytes = match line_no {
            1 => line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&line),
            _ => &line[..],
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => {
                latin1_lines += 1;
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(map)) => match record(&map, format!("{stem}-{line_no}"), path) {
                Some(doc) => {
                    emit(doc);
                    out.docs += 1;
                }
                None => out
                    .skipped
                    .add(|| format!("line {line_no}: no body, content or text")),
            },
            Ok(_) => out
                .skipped
                .add(|| format!("line {line_no}: not a JSON object")),
            Err(e) => out
                .skipped
                .add(|| format!("line {line_no}: invalid JSON ({e})")),
        }
    }
    if latin1_lines > 0 {
        out.repaired = Some(format!(
            "{latin1_lines} line(s) not valid UTF-8; decoded as Windows-1252"
        ));
    }
    if out.docs == 0 {
        if let Some(why) = out.skipped.summary() {
            return Err(format!("no valid line ({why})"));
        }
    }
    Ok(out)
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
    let mut doc = RawDoc::new(own_id(map).unwrap_or(id), path, format, body);
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

    fn json(text: &str, stem: &str) -> Result<(Vec<RawDoc>, Outcome), String> {
        let mut docs = Vec::new();
        let out = parse_json(text, stem, &format!("{stem}.json"), &mut |d| docs.push(d))?;
        Ok((docs, out))
    }

    fn jsonl(text: &str) -> Result<(Vec<RawDoc>, Outcome), String> {
        let mut docs = Vec::new();
        let out = read_jsonl(text.as_bytes(), "f", "f.jsonl", &mut |d| docs.push(d))?;
        Ok((docs, out))
    }

    #[test]
    fn array_of_articles_with_alternate_field_names() {
        let text = r#"[{"headline":"A","published":"2024-01-02","content":"Body A.","link":"https://x.org/a","source":{"name":"X"}},
                       {"title":"B","text":"Body B.","author":["Ann","Bo"]}]"#;
        let (docs, out) = json(text, "feed").unwrap();
        assert_eq!(out.skipped.summary(), None);
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
    fn a_bad_item_in_an_array_keeps_the_items_before_it() {
        let text = r#"[{"title":"no body"},{"title":"Good one","body":"The council met."},{"title":"t","body":"x","score":1e400},{"title":"Lost","body":"y"}]"#;
        let (docs, out) = json(text, "feed").unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "feed-2");
        let said = out.skipped.summary().unwrap_or_default();
        assert!(said.contains("invalid JSON at item 3"), "{said}");
        // Nothing good at all is still an error for the whole file.
        assert!(json(r#"[{"title":"t","body":"x","n":1e400}]"#, "f").is_err());
        assert!(json(r#"[{"title":"a","body":"x"}] trailing"#, "f").is_ok());
    }

    #[test]
    fn object_holding_an_array_and_single_objects() {
        let (docs, _) = json(r#"{"status":"ok","articles":[{"body":"x"}]}"#, "f").unwrap();
        assert_eq!(docs.len(), 1);
        let (docs, _) = json(r#"{"title":"T","body":"x"}"#, "one").unwrap();
        assert_eq!(docs[0].id, "one");
        assert!(json(r#"{"a":1}"#, "f").is_err());
        assert!(json("[1,", "f").unwrap_err().starts_with("invalid JSON"));
    }

    #[test]
    fn hostile_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(json(&deep, "f").unwrap_err().contains("recursion limit"));
        let deep_line = format!(
            "{{\"body\":{}1{}}}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(jsonl(&deep_line).unwrap_err().contains("recursion limit"));
    }

    #[test]
    fn escapes_inside_json_strings_are_removed() {
        let text = r#"[{"title":"A \u001b[31mred\u001b[0m title","body":"x\u202e y\u0007"}]"#;
        let (docs, _) = json(text, "f").unwrap();
        assert_eq!(docs[0].title.as_deref(), Some("A red title"));
        assert_eq!(docs[0].body, "x y");
        assert_eq!(docs[0].control_chars_removed, 4);
    }

    #[test]
    fn jsonl_reports_bad_lines_once_and_keeps_the_rest() {
        let text =
            "{\"body\":\"one\"}\nnot json\n\n[1]\n{\"title\":\"no body\"}\n{\"text\":\"five\"}\n";
        let (docs, out) = jsonl(text).unwrap();
        assert_eq!(
            docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["f-1", "f-6"]
        );
        let summary = out.skipped.summary().expect("a summary");
        assert!(
            summary.starts_with("3 records skipped: line 2: invalid JSON"),
            "{summary}"
        );
        assert!(summary.contains("line 4: not a JSON object"), "{summary}");
    }

    #[test]
    fn a_record_keeps_its_own_id_when_one_can_type_it() {
        let text = "{\"id\":\"story-abc\",\"body\":\"one\"}\n{\"id\":7,\"body\":\"two\"}\n\
                    {\"id\":\"has space\",\"body\":\"three\"}\n\
                    {\"id\":\"x\\u202ey\",\"body\":\"four\"}\n";
        let (docs, _) = jsonl(text).unwrap();
        assert_eq!(
            docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["story-abc", "7", "f-3", "f-4"]
        );
    }

    #[test]
    fn many_bad_lines_make_one_short_message() {
        let text = "nope\n".repeat(10_000) + "{\"body\":\"ok\"}\n";
        let (docs, out) = jsonl(&text).unwrap();
        assert_eq!(docs.len(), 1);
        let summary = out.skipped.summary().expect("a summary");
        assert!(
            summary.starts_with("10000 records skipped: line 1"),
            "{summary}"
        );
        assert!(summary.len() < 400, "{summary}");
    }

    #[test]
    fn jsonl_lines_in_windows_1252_are_decoded() {
        let mut bodies = Vec::new();
        let out = read_jsonl(&b"{\"body\":\"caf\xe9\"}\n"[..], "f", "f.jsonl", &mut |d| {
            bodies.push(d.body)
        })
        .unwrap();
        assert_eq!(bodies, ["café"]);
        assert!(out.repaired.is_some_and(|s| s.contains("Windows-1252")));
    }
}
