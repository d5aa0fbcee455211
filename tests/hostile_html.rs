//! Pathological pages and text from the issue, each through `Corpus::load` with a time bound:
//! the file must load (not be cut by the budget) within the bound. The cleaner and the
//! recogniser own these costs; `cargo run --release --example hostile_scaling` shows how the
//! links and names cases grow with their size.

use std::path::PathBuf;
use std::time::{Duration, Instant};

#[path = "common/pathological.rs"]
mod pathological;

use dossier::Corpus;
use dossier::load::Limits;

/// Time one file may take to load here (the test profile: assertions on, the library at
/// opt-level 1), whatever its size.
const BOUND: Duration = Duration::from_secs(5);

/// Loads one file with the bound as its budget; panics if it was cut or produced nothing.
fn loads_within_bound(name: &str, content: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, content).expect("write");
    let limits = Limits {
        file_budget: BOUND,
        budget_per_mb: Duration::ZERO,
        ..Limits::default()
    };
    let start = Instant::now();
    let outcome = Corpus::load_with(&[PathBuf::from(&path)], &limits, &mut |_| {}).expect("loads");
    let took = start.elapsed();
    assert!(
        !outcome.corpus.articles.is_empty(),
        "{name}: not loaded in {took:?}: {:?}",
        outcome.problems
    );
    assert!(took < BOUND * 2, "{name}: {took:?}");
}

fn page(inner: &str) -> String {
    format!("<html><body><p>The council met on Monday.</p>{inner}</body></html>")
}

#[test]
fn a_million_attributes() {
    let attrs: String = (0..1_000_000).map(|i| format!(" a{i}=1")).collect();
    loads_within_bound(
        "attrs.html",
        &format!("<html><body><p{attrs}>Text.</p></body></html>"),
    );
}

#[test]
fn a_flood_of_less_than_signs() {
    loads_within_bound("lt.html", &page(&"<".repeat(1_000_000)));
}

#[test]
fn stray_closing_tags() {
    loads_within_bound("stray.html", &page(&"</div>".repeat(100_000)));
}

#[test]
fn self_closing_tags() {
    loads_within_bound("self.html", &page(&"<div/>".repeat(100_000)));
}

#[test]
fn many_links() {
    loads_within_bound("links.html", &pathological::links_page(100_000));
}

#[test]
fn comments_inside_a_title() {
    loads_within_bound(
        "title.html",
        &format!(
            "<html><head><title>{}T</title></head><body><p>The council met.</p></body></html>",
            "<!-- c -->".repeat(100_000)
        ),
    );
}

#[test]
fn deep_nesting() {
    loads_within_bound(
        "deep.html",
        &page(&format!(
            "{}x{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        )),
    );
}

#[test]
fn many_bodies_deep_inside() {
    // Each element marked as the body clears the hints of its wrappers; deep wrappers are
    // cleared once, not once for each of the 50,000 marked siblings.
    let marked = "<p itemprop=\"articleBody\">Text.</p>".repeat(50_000);
    loads_within_bound(
        "bodies.html",
        &page(&format!(
            "{}{marked}{}",
            "<div class=\"sidebar\">".repeat(400),
            "</div>".repeat(400)
        )),
    );
}

#[test]
fn less_than_signs_in_text() {
    loads_within_bound(
        "lt.txt",
        &format!("The council met. {}", "<".repeat(1_000_000)),
    );
}

#[test]
fn recognition_on_four_megabytes_of_names() {
    loads_within_bound("names.txt", &pathological::names_text(4 << 20));
}

#[test]
fn recognition_on_a_paragraph_of_forty_thousand_names() {
    loads_within_bound("roll.txt", &pathological::name_roll(1 << 20));
}
