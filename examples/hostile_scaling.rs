//! Times pathological inputs at growing sizes, split into cleaning and actor extraction, to
//! show whether either grows faster than its input: the two of `tests/hostile_html.rs` (a
//! page of links, text repeating six names, one paragraph listing names that never repeat)
//! and text whose names never repeat.
//! `cargo run --release --example hostile_scaling [links|names|roll|distinct] [SIZE...]` (sizes
//! in links, or in KB of text).

use std::time::Instant;

use dossier::clean::clean;
use dossier::load::{Format, RawDoc};

#[path = "../tests/common/pathological.rs"]
mod pathological;
use pathological::{links_page, name_roll, names_text};

/// About `bytes` of sentences naming people, companies and products that never repeat, to
/// load resolution with many distinct keys.
fn distinct_text(bytes: usize) -> String {
    let mut text = String::new();
    let mut n = 0u64;
    let word = |n: &mut u64| {
        *n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut w = String::new();
        let mut x = *n >> 20;
        for i in 0..6 {
            let c = (b'a' + (x % 26) as u8) as char;
            w.push(if i == 0 { c.to_ascii_uppercase() } else { c });
            x /= 26;
        }
        w
    };
    while text.len() < bytes {
        for _ in 0..6 {
            let (a, b, c, d, e) = (
                word(&mut n),
                word(&mut n),
                word(&mut n),
                word(&mut n),
                word(&mut n),
            );
            text.push_str(&format!(
                "{a} {b} met {c} Corp and said {a} liked the drug {d} and the film {e}. "
            ));
        }
        text.push_str("\n\n");
    }
    text
}

/// Cleans one document and extracts its actors, printing the time of each stage.
fn run(label: &str, format: Format, body: String) {
    let start = Instant::now();
    let (article, _) = clean(RawDoc::new("doc", "doc", format, body));
    let cleaned = start.elapsed();
    let Some(article) = article else {
        println!("{label}: nothing left after cleaning");
        return;
    };
    let (paragraphs, links) = (article.paragraphs.len(), article.links.len());
    let start = Instant::now();
    let corpus = dossier::Corpus::from_articles(vec![article]);
    let extracted = start.elapsed();
    println!(
        "{label:>12}: clean {:>8.3} s, actors {:>8.3} s ({} paragraphs, {} links, {} actors)",
        cleaned.as_secs_f64(),
        extracted.as_secs_f64(),
        paragraphs,
        links,
        corpus.actors.actors().len()
    );
}

fn main() {
    // The rules, gazetteer and model load once, before the first size is timed.
    let _ = dossier::Corpus::bundled();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let which = args.first().cloned().unwrap_or_default();
    // Sizes after the case name replace the default ones.
    let sizes: Vec<usize> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let or = |default: &[usize]| {
        if sizes.is_empty() {
            default.to_vec()
        } else {
            sizes.clone()
        }
    };
    if which.is_empty() || which == "links" {
        for n in or(&[10_000, 25_000, 50_000, 100_000]) {
            run(&format!("{n} links"), Format::Html, links_page(n));
        }
    }
    if which.is_empty() || which == "names" {
        for kb in or(&[512, 1024, 2048, 4096]) {
            run(
                &format!("{kb} KB names"),
                Format::Text,
                names_text(kb << 10),
            );
        }
    }
    if which.is_empty() || which == "roll" {
        for kb in or(&[256, 512, 1024, 2048]) {
            run(&format!("{kb} KB roll"), Format::Text, name_roll(kb << 10));
        }
    }
    if which.is_empty() || which == "distinct" {
        for kb in or(&[512, 1024, 2048, 4096]) {
            let text = distinct_text(kb << 10);
            run(&format!("{kb} KB distinct"), Format::Text, text);
        }
    }
}
