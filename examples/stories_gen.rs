//! Times story grouping on generated articles, stage by stage:
//! `cargo run --release --example stories_gen -- 100000`.

#[path = "../benches/stories_gen/mod.rs"]
mod stories_gen;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let (corpus, events) = stories_gen::generate(n);
    let started = std::time::Instant::now();
    let found = dossier::stories::group(&corpus);
    eprintln!(
        "{n} articles, {events} events, {} stories in {:.2} s",
        found.stories.len(),
        started.elapsed().as_secs_f64()
    );
}
