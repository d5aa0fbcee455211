//! Scores the cleaner on folders of saved pages with gold (see `tests/common/page_score.rs`).
//!
//! `cargo run --release --example score_pages [DIR ...]` (default: the regression and
//! blind sets).

#[path = "../tests/common/page_score.rs"]
mod page_score;

use std::path::PathBuf;

fn main() {
    let mut dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        dirs.push(PathBuf::from("tests/fixtures/pages/regression"));
        dirs.push(PathBuf::from("tests/fixtures/pages/blind"));
    }
    for dir in dirs {
        let pages = page_score::load_set(&dir);
        println!("{} ({} pages)", dir.display(), pages.len());
        println!(
            "{:<40} {:>5} {:>5} {:>5}  title date",
            "page", "P", "R", "F1"
        );
        let scores: Vec<_> = pages.iter().map(page_score::score).collect();
        // SHOW=name prints what the cleaner kept of that page.
        if let Ok(name) = std::env::var("SHOW") {
            for p in pages.iter().filter(|p| p.name == name) {
                println!("{}", page_score::cleaned_text(p));
            }
        }
        for s in &scores {
            let [wf, wm, xf, xa] = s.snippets;
            let snip = if wf + wm + xf + xa > 0 {
                format!(" with {wf}/{} without {xf}/{}", wf + wm, xf + xa)
            } else {
                String::new()
            };
            println!(
                "{:<40} {:>5.3} {:>5.3} {:>5.3}  {:<5} {:<5} {:?} {:?}{snip}",
                s.name,
                s.precision,
                s.recall,
                s.f1,
                match (s.title_ok, s.title_fair) {
                    (true, _) => "ok",
                    (false, true) => "fair",
                    _ => "WRONG",
                },
                if s.date_ok { "ok" } else { "WRONG" },
                s.title,
                s.date
            );
        }
        let m = page_score::summarize(&scores);
        let rounds = std::env::var("ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(if cfg!(debug_assertions) { 3 } else { 30 });
        let mbs = page_score::throughput(&pages, rounds);
        // Reference on the same run: html2text rendering whole pages, nothing else.
        let whole = page_score::html2text_throughput(&pages, rounds);
        println!("html2text alone on whole pages: {whole:.1} MB per CPU-second");
        println!(
            "mean: F1 {:.3} precision {:.3} recall {:.3} title {:.2} (fair {:.2}; {} titled) date {:.2} (where the gold has one: {:.2} of {}; where metadata or URL states it: {:.2} of {}) | {:.1} MB per CPU-second",
            m.f1,
            m.precision,
            m.recall,
            m.title,
            m.title_fair,
            m.titled,
            m.date,
            m.date_where_known,
            m.dated,
            m.date_where_meta,
            m.dated_meta,
            mbs
        );
        if m.snippets > 0 {
            let (p, r, f) = m.snippet_prf;
            println!(
                "snippets ({} must or must not be in the body): precision {p:.3} recall {r:.3} F1 {f:.3}",
                m.snippets
            );
        }
    }
}
