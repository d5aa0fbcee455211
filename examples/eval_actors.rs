//! Scores the actors of any folder against a gold file with the shipped model.
//!
//! ```sh
//! cargo run --release --example eval_actors -- ../shared/eval/actors/articles ../shared/eval/actors/gold.json
//! cargo run --release --example eval_actors -- tests/fixtures/blind2 tests/fixtures/blind2/gold.json
//! ```
//! Writes the predictions as `dossier entities --json` would (`--out FILE`, default
//! `target/actors_eval.json`) and prints the figures of `score_actors.py`, found beside the
//! gold file or given with `--scorer FILE`.

use std::path::PathBuf;

use dossier::Corpus;

#[path = "common/gold.rs"]
#[allow(dead_code)]
mod gold;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let positional: Vec<&String> = args
        .iter()
        .skip(1)
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || !args[*i].starts_with("--")))
        .map(|(_, a)| a)
        .collect();
    let (Some(folder), Some(gold_path)) = (positional.first(), positional.get(1)) else {
        eprintln!("usage: eval_actors FOLDER GOLD.json [--out FILE] [--scorer FILE]");
        std::process::exit(2);
    };
    let out = PathBuf::from(arg(&args, "--out").unwrap_or("target/actors_eval.json".into()));
    let corpus = Corpus::load(&[PathBuf::from(folder)], &mut |_| {})?.corpus;
    // What `dossier entities --json` prints: the actors of the text, of the standfirst and of
    // the dateline the cleaner took off the first paragraph.
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let rows = dossier::report::entity_rows(&corpus, &all);
    std::fs::write(&out, serde_json::to_string_pretty(&rows)?)?;
    eprintln!(
        "{} articles, {} actors -> {}",
        corpus.articles.len(),
        rows.len(),
        out.display()
    );
    let gold_path = PathBuf::from(gold_path);
    match arg(&args, "--scorer") {
        Some(s) => {
            let status = std::process::Command::new("python3")
                .arg(s)
                .arg(&gold_path)
                .arg(&out)
                .status()?;
            std::process::exit(status.code().unwrap_or(1));
        }
        None => gold::score(&gold_path, &out),
    }
    Ok(())
}
