//! `dossier stories` and the `story` of `list --json`, as scripts use them.

use std::process::Command;

use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("the dossier binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

#[test]
fn stories_json_groups_the_retellings_and_keeps_the_july_statement_apart() {
    let stories = json(&["stories", "--json"]);
    let list = stories.as_array().expect("an array");
    let with = |prefix: &str| {
        list.iter()
            .find(|s| ids(&s["articles"]).iter().any(|id| id.starts_with(prefix)))
            .expect("every article is in a story")
    };
    let truce = with("001");
    assert_eq!(truce["id"], with("002")["id"]);
    assert_eq!(truce["id"], with("003")["id"]);
    assert_ne!(truce["id"], with("004")["id"]);
    // Every field of the documented shape, filled in.
    for key in [
        "id", "label", "articles", "sources", "first", "last", "actors",
    ] {
        assert!(truce.get(key).is_some(), "{key}");
    }
    assert!(!ids(&truce["actors"]).is_empty());
    assert_eq!(truce["first"], "2024-08-21");
    // Each article once.
    let total: usize = list.iter().map(|s| ids(&s["articles"]).len()).sum();
    assert_eq!(total, 5);
}

#[test]
fn list_json_names_each_articles_story() {
    let list = json(&["list", "--json"]);
    let stories = json(&["stories", "--json"]);
    for a in list.as_array().expect("an array") {
        let id = a["id"].as_str().expect("an id");
        let story = a["story"].as_str().expect("a story id");
        let holder = stories
            .as_array()
            .into_iter()
            .flatten()
            .find(|s| s["id"] == story)
            .expect("the story exists");
        assert!(ids(&holder["articles"]).contains(&id));
    }
}
