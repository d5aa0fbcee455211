//! Property tests: arbitrary bytes, arbitrary HTML and arbitrary file names through the whole
//! pipeline (load, clean, actors, every report): no panic, time bounded by size, no control
//! character in any output, every mention's byte range inside its paragraph.

#[path = "common/hostile.rs"]
mod hostile;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dossier::Corpus;
use dossier::report;
use proptest::prelude::*;

/// Loads one file named `name` holding `bytes`, checks every output, returns the load time.
fn through_everything(name: &std::ffi::OsStr, bytes: &[u8]) -> Duration {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let start = Instant::now();
    let outcome = Corpus::load(&[PathBuf::from(dir.path())], &mut |_| {}).expect("loads");
    let took = start.elapsed();
    let corpus = &outcome.corpus;
    // Text and JSON apart: in text a backslash is only a backslash.
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let mut out = report::list_text(corpus, &all);
    let stories = dossier::stories::group(corpus);
    let rows: Vec<_> = (0..corpus.articles.len())
        .map(|i| report::ListEntry::new(corpus, &stories, i))
        .collect();
    let mut json = serde_json::to_string(&rows).expect("json");
    json.push_str(&serde_json::to_string(&report::story_entries(corpus, &stories)).expect("json"));
    out.push_str(&report::stories_text(corpus, &stories));
    let entities = report::entity_rows(corpus, &all);
    out.push_str(&report::entities_text(&entities));
    json.push_str(&serde_json::to_string(&entities).expect("json"));
    for (i, a) in corpus.articles.iter().enumerate() {
        out.push_str(&report::show_text(corpus, i, 40));
        json.push_str(&serde_json::to_string(&report::ShowEntry::new(corpus, i)).expect("json"));
        for m in &a.mentions {
            let p = a.paragraphs.get(m.paragraph).expect("mention's paragraph");
            assert!(
                m.start < m.end && p.get(m.start..m.end).is_some(),
                "{m:?} outside {p:?}"
            );
        }
    }
    for p in &outcome.problems {
        out.push_str(&p.to_string());
    }
    let leaks = hostile::raw_leaks(out.as_bytes());
    assert!(leaks.is_empty(), "{leaks:?} in {out:?}");
    let leaks = hostile::leaks(json.as_bytes());
    assert!(leaks.is_empty(), "{leaks:?} in {json:?}");
    took
}

/// Generous for a debug build on busy cores: about 1 s plus 1 s per 10 KB.
fn bound(len: usize) -> Duration {
    Duration::from_millis(1000 + len as u64 / 10)
}

/// Pieces of hostile HTML: tags, stray and self-closing tags, attributes, entities that decode
/// to controls, comments, links, and text with escape sequences.
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,20}".prop_map(String::from),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("</div>".to_string()),
        Just("<div/>".to_string()),
        Just("<".to_string()),
        Just("<title>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("&#x1b;[31m&#155;6n&#x202e;&#7;&#127;".to_string()),
        Just("\u{1b}]8;;http://e.example\u{7}x\u{1b}]8;;\u{7}".to_string()),
        Just("Olaf Scholz met Emmanuel Macron in Paris. ".to_string()),
        "[a-z]{1,8}".prop_map(|a| format!("<a href=\"https://x.example/{a}\" {a}=1>{a}</a>")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_as_any_kind_of_file(
        bytes in prop::collection::vec(any::<u8>(), 0..4096),
        ext in prop::sample::select(vec!["txt", "html", "json", "jsonl", "md"]),
    ) {
        let took = through_everything(std::ffi::OsStr::new(&format!("f.{ext}")), &bytes);
        prop_assert!(took < bound(bytes.len()), "{took:?}");
    }

    #[test]
    fn arbitrary_html(pieces in prop::collection::vec(html_piece(), 0..300)) {
        let page = format!("<html><body>{}</body></html>", pieces.concat());
        let took = through_everything(std::ffi::OsStr::new("page.html"), page.as_bytes());
        prop_assert!(took < bound(page.len()), "{took:?}");
    }

    #[test]
    fn arbitrary_json_records(
        fields in prop::collection::vec(("[a-z]{1,8}", any::<String>()), 0..8),
    ) {
        let record: serde_json::Map<String, serde_json::Value> = fields
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::String(v)))
            .chain([("body".to_string(), "Olaf Scholz met Emmanuel Macron.".into())])
            .collect();
        let line = serde_json::to_string(&record).expect("json");
        through_everything(std::ffi::OsStr::new("feed.jsonl"), line.as_bytes());
    }
}

#[cfg(unix)]
proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_file_names(
        stem in prop::collection::vec(any::<u8>().prop_filter("no / or NUL", |b| *b != b'/' && *b != 0), 1..40),
        ext in prop::sample::select(vec!["txt", "json", "html"]),
    ) {
        use std::os::unix::ffi::OsStrExt;
        let mut name = stem;
        name.push(b'.');
        name.extend_from_slice(ext.as_bytes());
        let name = std::ffi::OsStr::from_bytes(&name);
        // Names the filesystem refuses (too long, or "." and "..") prove nothing.
        prop_assume!(name.len() < 255 && Path::new(name).file_stem().is_some());
        let body = match ext {
            "json" => r#"{"title":"T","body":"Olaf Scholz met Emmanuel Macron in Paris."}"#,
            "html" => "<html><body><p>Olaf Scholz met Emmanuel Macron in Paris.</p></body></html>",
            _ => hostile::ARTICLE,
        };
        through_everything(name, body.as_bytes());
    }
}
