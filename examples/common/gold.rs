//! Gold actor lists (the `gold.json` of `score_actors.py`) and predictions in the shape of
//! `dossier entities --json`, shared by the training and evaluation examples.

use std::collections::HashMap;
use std::path::Path;

use dossier::actors::{ActorIndex, Extraction};
use serde_json::{Value, json};
use unicode_normalization::UnicodeNormalization;

/// The labelled data beside the repository, where the project keeps it.
pub fn default_data() -> String {
    "../shared/eval/actors".into()
}

/// One document's gold: normalised name -> class index (0 person, 1 organisation, 2 place).
#[derive(Debug, Default)]
pub struct Doc {
    names: HashMap<String, usize>,
}

impl Doc {
    /// Class of a candidate spelling: its entity's kind, else 3 ("no actor"); `None` for a
    /// piece of a gold name or a name with more words around it, which says nothing sure.
    pub fn label(&self, surface: &str) -> Option<usize> {
        let n = norm(surface);
        if let Some(&k) = self.names.get(&n) {
            return Some(k);
        }
        let near = !n.is_empty()
            && self
                .names
                .keys()
                .any(|g| contains_words(g, &n) || contains_words(&n, g));
        (!near).then_some(3)
    }
}

/// The words of `part` appear in a row inside `whole`.
fn contains_words(whole: &str, part: &str) -> bool {
    let (w, p): (Vec<&str>, Vec<&str>) = (whole.split(' ').collect(), part.split(' ').collect());
    p.len() < w.len() && w.windows(p.len()).any(|x| x == p.as_slice())
}

/// Gold documents by id.
#[derive(Debug, Default)]
pub struct Gold {
    pub docs: HashMap<String, Doc>,
}

impl Gold {
    /// Reads a gold file; primary names win over other spellings shared by two entities.
    pub fn read(path: &Path) -> Result<Gold, Box<dyn std::error::Error>> {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
        let mut gold = Gold::default();
        let docs = v.get("docs").and_then(Value::as_object).ok_or("no docs")?;
        for (id, d) in docs {
            let mut doc = Doc::default();
            let ents = d.get("entities").and_then(Value::as_array);
            for primary_pass in [false, true] {
                for e in ents.into_iter().flatten() {
                    let class = match e.get("kind").and_then(Value::as_str) {
                        Some("person") => 0,
                        Some("organization") => 1,
                        Some("place") => 2,
                        _ => continue,
                    };
                    let field = if primary_pass { "primary" } else { "names" };
                    for n in e.get(field).and_then(Value::as_array).into_iter().flatten() {
                        if let Some(n) = n.as_str().map(norm).filter(|n| !n.is_empty()) {
                            doc.names.insert(n, class);
                        }
                    }
                }
            }
            gold.docs.insert(id.clone(), doc);
        }
        Ok(gold)
    }
}

/// The scorer's normal form: accents off, case folded, '.' and apostrophes dropped, other
/// punctuation as spaces, a leading "the" and a trailing possessive dropped.
pub fn norm(s: &str) -> String {
    let s: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    let mut t = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let apos = matches!(c, '\'' | '\u{2019}' | '`');
        let word_end = |k: usize| {
            chars
                .get(k)
                .is_none_or(|c| !c.is_alphanumeric() && *c != '_')
        };
        if apos && chars.get(i + 1) == Some(&'s') && word_end(i + 2) {
            i += 2;
            continue;
        }
        if matches!(c, '.' | '\'' | '\u{2019}' | '`' | '\u{2018}') {
            i += 1;
            continue;
        }
        t.push(if c.is_ascii_lowercase() || c.is_ascii_digit() {
            c
        } else {
            ' '
        });
        i += 1;
    }
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    t.strip_prefix("the ").map(str::to_string).unwrap_or(t)
}

/// Actors as `dossier entities --json` writes them, with article ids from `ids`.
pub fn entity_rows(e: &Extraction, ids: &[&str]) -> Vec<Value> {
    let index = ActorIndex::build(e);
    (0..index.actors().len())
        .map(|a| {
            let actor = &index.actors()[a];
            let articles: Vec<&str> = index
                .articles_of(a)
                .iter()
                .filter_map(|&d| ids.get(d).copied())
                .collect();
            json!({
                "name": actor.name,
                "kind": actor.kind,
                "aliases": actor.aliases,
                "mentions": index.mentions_total(a),
                "articles": articles,
            })
        })
        .collect()
}

/// Prints the scorer's figures when Python and the scorer are there.
pub fn score(gold: &Path, pred: &Path) {
    let beside = gold.with_file_name("score_actors.py");
    let shared = Path::new(&default_data()).join("score_actors.py");
    let scorer = if beside.exists() { beside } else { shared };
    if !scorer.exists() {
        eprintln!(
            "no scorer beside {}; score {} yourself",
            gold.display(),
            pred.display()
        );
        return;
    }
    let status = std::process::Command::new("python3")
        .arg(&scorer)
        .arg(gold)
        .arg(pred)
        .status();
    if let Err(e) = status {
        eprintln!("could not run python3: {e}");
    }
}
