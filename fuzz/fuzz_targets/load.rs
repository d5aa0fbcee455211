//! A file of arbitrary bytes under each extension through the whole load and every JSON view:
//! no panic, and no string in the JSON holds a control character once parsed back.
#![no_main]

use std::path::PathBuf;

use dossier::sanitize::is_forbidden;
use dossier::{Corpus, report};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn assert_safe(v: &Value) {
    match v {
        Value::String(s) => assert!(!s.chars().any(|c| c != '\n' && is_forbidden(c)), "{s:?}"),
        Value::Array(items) => items.iter().for_each(assert_safe),
        Value::Object(map) => map.values().for_each(assert_safe),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("dossier-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    for ext in ["txt", "html", "json", "jsonl"] {
        let path = dir.join(format!("f.{ext}"));
        if std::fs::write(&path, data).is_err() {
            return;
        }
        let Ok(outcome) = Corpus::load(&[PathBuf::from(&path)], &mut |_| {}) else {
            return;
        };
        let corpus = &outcome.corpus;
        for i in 0..corpus.articles.len() {
            let json = serde_json::to_value(report::ShowEntry::new(corpus, i));
            if let Ok(json) = json {
                assert_safe(&json);
            }
        }
    }
});
