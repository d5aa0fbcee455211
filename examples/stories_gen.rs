//! Times story grouping on generated articles:
//! `cargo run --release --example stories_gen -- 100000` (`STORIES_RUNS=5` for a median of
//! five). Also prints the B-cubed score against the generated events and a digest of the
//! stories found (ids, labels, members), so a change meant only for speed can be checked to
//! group the same way.

use std::hash::{Hash, Hasher};

#[path = "../benches/stories_gen/mod.rs"]
mod stories_gen;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let (corpus, event_of) = stories_gen::generate(n);
    let events = stories_gen::event_count(&event_of);
    let d = dossier::stories::Params::default();
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<f64>().ok());
    let params = dossier::stories::Params {
        posting_cap: env("STORIES_CAP").map_or(d.posting_cap, |v| v as usize),
        walk_budget: env("STORIES_BUDGET").map_or(d.walk_budget, |v| v as usize),
        seed: env("STORIES_SEED").map_or(d.seed, |v| v as f32),
        lead_words: env("STORIES_LEAD").map_or(d.lead_words, |v| v as usize),
        ..d.clone()
    };
    // Several runs on one generated corpus give a median on a shared, noisy machine.
    let runs = env("STORIES_RUNS").map_or(1, |v| (v as usize).max(1));
    let mut times = Vec::with_capacity(runs);
    let mut found = None;
    for _ in 0..runs {
        let started = std::time::Instant::now();
        found = Some(dossier::stories::group_with(&corpus, &params));
        times.push(started.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let elapsed = times[times.len() / 2];
    let Some(found) = found else { return };
    let (bp, br, bf) = stories_gen::b_cubed(&found, &event_of);
    let mut digest = std::hash::DefaultHasher::new();
    for s in &found.stories {
        (&s.id, &s.label, &s.articles).hash(&mut digest);
    }
    eprintln!(
        "{n} articles, {events} events, {} stories (B3 P {bp:.3} R {br:.3} F1 {bf:.3}) in {elapsed:.2} s (median of {runs}), digest {:016x}",
        found.stories.len(),
        digest.finish()
    );
}
