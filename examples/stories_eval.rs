//! Prints the `dossier stories --json` shape for some paths, to score grouping against labelled
//! data: `cargo run --release --example stories_eval -- ../shared/eval/stories/ecbplus_dev.jsonl`
//! then `python3 ../shared/eval/stories/score_stories.py GOLD OUT.json`.
//!
//! Grouping knobs can be overridden for tuning through `STORIES_CUT`, `STORIES_NGRAM`,
//! `STORIES_SPAN`, `STORIES_MAX_DF`, `STORIES_LEAD`, `STORIES_CAP` (and the
//! others named below) (environment variables); `STORIES_DUMP=1` lists
//! every article with its story and leading actors on stderr.

use std::path::PathBuf;

use dossier::Corpus;
use dossier::stories::{self, Params};
use serde::Serialize;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    label: &'a str,
    articles: Vec<&'a str>,
    sources: &'a [String],
    first: Option<String>,
    last: Option<String>,
    actors: Vec<&'a str>,
}

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let outcome = Corpus::load(&paths, &mut |_| {})?;
    for p in &outcome.problems {
        eprintln!("stories_eval: {p}");
    }
    let corpus = outcome.corpus;
    let d = Params::default();
    let params = Params {
        cut: env("STORIES_CUT", d.cut),
        max_ngram: env("STORIES_NGRAM", d.max_ngram),
        span_days: env("STORIES_SPAN", d.span_days),
        near_days: env("STORIES_NEAR", d.near_days),
        far_cut: env("STORIES_FAR", d.far_cut),
        max_df_share: env("STORIES_MAX_DF", d.max_df_share),
        strict_cut: env("STORIES_STRICT", d.strict_cut),
        lead_presence: env("STORIES_PRESENCE", d.lead_presence),
        lead_words: env("STORIES_LEAD", d.lead_words),
        posting_cap: env("STORIES_CAP", d.posting_cap),
        seed: env("STORIES_SEED", d.seed),
        walk_budget: env("STORIES_BUDGET", d.walk_budget),
        floor: env("STORIES_FLOOR", d.floor),
        unshared: env("STORIES_UNSHARED", d.unshared),
        named_cut: env("STORIES_NAMED", d.named_cut),
        sublinear_tf: env("STORIES_SUBLINEAR", d.sublinear_tf),
        ..d
    };
    let started = std::time::Instant::now();
    let found = stories::group_with(&corpus, &params);
    eprintln!(
        "stories_eval: {} articles -> {} stories in {:.1} ms",
        corpus.articles.len(),
        found.stories.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let names = corpus.actors.actors();
    if std::env::var_os("STORIES_DUMP").is_some() {
        // One line per article for error analysis: story, date, id, leading actors, title.
        for (i, a) in corpus.articles.iter().enumerate() {
            eprintln!(
                "{}\t{}\t{}\t{}\t{}",
                found.story_of(i).unwrap_or(0),
                a.date_label(),
                a.id,
                corpus
                    .actor_names(i)
                    .iter()
                    .take(4)
                    .copied()
                    .collect::<Vec<_>>()
                    .join("; "),
                a.title
            );
        }
    }
    let rows: Vec<Row> = found
        .stories
        .iter()
        .map(|s| Row {
            id: &s.id,
            label: &s.label,
            articles: s
                .articles
                .iter()
                .map(|&a| corpus.articles[a].id.as_str())
                .collect(),
            sources: &s.sources,
            first: s.first.map(|d| d.to_string()),
            last: s.last.map(|d| d.to_string()),
            actors: s
                .actors
                .iter()
                .filter_map(|&a| names.get(a).map(|x| x.name.as_str()))
                .collect(),
        })
        .collect();
    serde_json::to_writer_pretty(std::io::stdout().lock(), &rows)?;
    println!();
    Ok(())
}
