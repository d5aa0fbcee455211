#![allow(dead_code)] // the test, the bench and the example each use a different part
//! Scores the cleaner on saved HTML pages against hand-written gold: token precision, recall
//! and F1 of the body, exact title, right date, and throughput.
//!
//! A page set is a folder of `NAME.html` files, each with a `NAME.gold.json` beside it:
//! `{"title": "...", "date": "YYYY-MM-DD" or null, "body": "paragraphs separated by blank lines"}`.
//! Sets whose reference is partial may leave the title empty (not scored), give other dates
//! that count as right (`date_also`: a time converted to UTC may fall on another local day),
//! mark whether the page's metadata or address states the date (`date_in_meta`), and list
//! snippets the body must hold (`with`) and must not (`without`), as trafilatura's evaluation
//! does.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use unicode_normalization::UnicodeNormalization;

use dossier::clean::{clean, text::strip_refs};
use dossier::load::{Format, RawDoc};

/// What a page should yield.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Gold {
    #[serde(default)]
    pub title: String,
    pub date: Option<String>,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub date_also: Vec<String>,
    /// Whether the page's metadata or address states the date (the bar); absent when
    /// the set does not say.
    #[serde(default)]
    pub date_in_meta: Option<bool>,
    #[serde(default)]
    pub with: Vec<String>,
    #[serde(default)]
    pub without: Vec<String>,
}

/// One page and its gold.
pub struct Page {
    pub name: String,
    pub html: String,
    pub gold: Gold,
}

/// How the cleaner did on one page.
#[derive(Debug, Clone)]
pub struct PageScore {
    pub name: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub title_ok: bool,
    /// The title matches once typographic quotes and dashes, and a site name the reference
    /// keeps after a separator (`Headline - Site`; the issue asks for it split off), are set aside.
    pub title_fair: bool,
    pub date_ok: bool,
    /// Whether the gold gives a date (the bar: right wherever the page has one).
    pub dated: bool,
    /// Whether the page's metadata or address states that date.
    pub date_in_meta: bool,
    /// Whether the gold gives a title (partial references may not).
    pub titled: bool,
    /// Snippets: `with` found, `with` missed, `without` found, `without` absent.
    pub snippets: [usize; 4],
    pub title: String,
    pub date: Option<String>,
}

/// Means over a page set.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub pages: usize,
    pub titled: usize,
    /// Micro precision, recall and F1 over the snippets, and how many there were.
    pub snippet_prf: (f64, f64, f64),
    pub snippets: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub title: f64,
    /// Share of [`PageScore::title_fair`] titles (both over the pages whose gold has a title).
    pub title_fair: f64,
    pub date: f64,
    /// Right dates among the pages whose gold has one, and how many such pages.
    pub date_where_known: f64,
    pub dated: usize,
    /// Right dates among the pages whose metadata or address states it, and how many such pages.
    pub date_where_meta: f64,
    pub dated_meta: usize,
}

/// Reads every page of a folder with its gold, in name order.
pub fn load_set(dir: &Path) -> Vec<Page> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|it| it.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            let html = std::fs::read_to_string(&p).ok()?;
            let gold_text = std::fs::read_to_string(p.with_extension("gold.json")).ok()?;
            let gold = serde_json::from_str(&gold_text).ok()?;
            Some(Page { name, html, gold })
        })
        .collect()
}

/// Lower-cased runs of letters and digits, composed (NFC; a soft hyphen inside a word is no
/// break), so that neither side loses words to how its letters are encoded.
pub fn tokens(text: &str) -> Vec<String> {
    text.nfc()
        .filter(|&c| c != '\u{ad}')
        .collect::<String>()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Token precision, recall and F1 of `got` against `want`, counting repeated tokens.
pub fn prf(got: &str, want: &str) -> (f64, f64, f64) {
    let (g, w) = (tokens(got), tokens(want));
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in &w {
        *counts.entry(t).or_default() += 1;
    }
    let mut hit = 0usize;
    for t in &g {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                hit += 1;
            }
        }
    }
    let p = if g.is_empty() {
        f64::from(u8::from(w.is_empty()))
    } else {
        hit as f64 / g.len() as f64
    };
    let r = if w.is_empty() {
        1.0
    } else {
        hit as f64 / w.len() as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`squash`] composed, without soft hyphens, curly quotes made straight and dashes hyphens.
fn typeset_plain(s: &str) -> String {
    squash(s)
        .nfc()
        .filter(|&c| c != '\u{ad}')
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2010}'..='\u{2015}' => '-',
            c => c,
        })
        .collect()
}

/// Whether `ours` is the reference title, or the reference with a short site name after a
/// separator that ours leaves off.
fn fair_title(ours: &str, reference: &str) -> bool {
    let (ours, reference) = (typeset_plain(ours), typeset_plain(reference));
    if ours.is_empty() || ours == reference {
        return !ours.is_empty();
    }
    let Some(rest) = reference.strip_prefix(&ours) else {
        return false;
    };
    let rest = rest.trim_start();
    let words = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    rest.starts_with([
        '-', '|', '_', ':', '\u{00B7}', '\u{2022}', '/', '@', '\u{FF1A}', '\u{FF5C}',
    ]) && (1..=5).contains(&words)
}

/// Cleans one page and scores it.
pub fn score(page: &Page) -> PageScore {
    let doc = RawDoc::new(
        page.name.clone(),
        format!("{}.html", page.name),
        Format::Html,
        page.html.clone(),
    );
    let article = clean(doc).0;
    let body = article
        .as_ref()
        .map(|a| {
            a.paragraphs
                .iter()
                .map(|p| strip_refs(p).into_owned())
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .unwrap_or_default();
    let (precision, recall, f1) = prf(&body, &page.gold.body);
    let title = article
        .as_ref()
        .map(|a| a.title.clone())
        .unwrap_or_default();
    let date = article.as_ref().and_then(|a| a.date).map(|d| d.to_string());
    let shown = article
        .as_ref()
        .map(|a| typeset_plain(&format!("{}\n{body}", a.subtitle.as_deref().unwrap_or(""))))
        .unwrap_or_default();
    let has = |s: &String| shown.contains(&typeset_plain(s));
    let with_found = page.gold.with.iter().filter(|s| has(s)).count();
    let without_found = page.gold.without.iter().filter(|s| has(s)).count();
    PageScore {
        name: page.name.clone(),
        precision,
        recall,
        f1,
        title_ok: squash(&title) == squash(&page.gold.title),
        title_fair: fair_title(&title, &page.gold.title),
        date_ok: date == page.gold.date
            || date
                .as_ref()
                .is_some_and(|d| page.gold.date_also.contains(d)),
        dated: page.gold.date.is_some(),
        date_in_meta: page.gold.date.is_some() && page.gold.date_in_meta.unwrap_or(false),
        titled: !page.gold.title.trim().is_empty(),
        snippets: [
            with_found,
            page.gold.with.len() - with_found,
            without_found,
            page.gold.without.len() - without_found,
        ],
        title,
        date,
    }
}

/// The cleaned article as text: title, subtitle, then paragraphs (for looking at failures).
pub fn cleaned_text(page: &Page) -> String {
    let doc = RawDoc::new(
        page.name.clone(),
        format!("{}.html", page.name),
        Format::Html,
        page.html.clone(),
    );
    match clean(doc).0 {
        Some(a) => format!(
            "TITLE {}\nSUB {:?}\nSOURCE {:?} AUTHOR {:?} DATE {:?}\n\n{}",
            a.title,
            a.subtitle,
            a.source,
            a.author,
            a.date,
            a.paragraphs.join("\n\n")
        ),
        None => "(nothing)".to_string(),
    }
}

/// Means of a set of page scores.
pub fn summarize(scores: &[PageScore]) -> Summary {
    let n = scores.len().max(1) as f64;
    let mean = |f: &dyn Fn(&PageScore) -> f64| scores.iter().map(f).sum::<f64>() / n;
    let titled = scores.iter().filter(|s| s.titled).count();
    let title_share = |f: &dyn Fn(&PageScore) -> bool| {
        scores.iter().filter(|s| s.titled && f(s)).count() as f64 / titled.max(1) as f64
    };
    let snip = |i: usize| scores.iter().map(|s| s.snippets[i]).sum::<usize>() as f64;
    let (tp, missed, fp) = (snip(0), snip(1), snip(2));
    let sp = tp / (tp + fp).max(1.0);
    let sr = tp / (tp + missed).max(1.0);
    let sf = if sp + sr > 0.0 {
        2.0 * sp * sr / (sp + sr)
    } else {
        0.0
    };
    Summary {
        pages: scores.len(),
        titled,
        snippet_prf: (sp, sr, sf),
        snippets: (0..4).map(|i| snip(i) as usize).sum(),
        precision: mean(&|s| s.precision),
        recall: mean(&|s| s.recall),
        f1: mean(&|s| s.f1),
        title: title_share(&|s| s.title_ok),
        title_fair: title_share(&|s| s.title_fair),
        date: mean(&|s| f64::from(u8::from(s.date_ok))),
        date_where_known: scores.iter().filter(|s| s.dated && s.date_ok).count() as f64
            / scores.iter().filter(|s| s.dated).count().max(1) as f64,
        dated: scores.iter().filter(|s| s.dated).count(),
        date_where_meta: scores
            .iter()
            .filter(|s| s.date_in_meta && s.date_ok)
            .count() as f64
            / scores.iter().filter(|s| s.date_in_meta).count().max(1) as f64,
        dated_meta: scores.iter().filter(|s| s.date_in_meta).count(),
    }
}

/// CPU time this thread has used, in seconds (wall time where the kernel does not say).
pub fn thread_cpu_seconds(start: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| start.elapsed().as_secs_f64(), |ns| ns as f64 / 1e9)
}

/// Megabytes of HTML cleaned per CPU-second on one thread, over `rounds` passes of the set.
///
/// The documents are built before the clock starts: reading files is not cleaning.
pub fn throughput(pages: &[Page], rounds: usize) -> f64 {
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let mut docs: Vec<RawDoc> = Vec::with_capacity(pages.len() * rounds);
    for _ in 0..rounds {
        docs.extend(pages.iter().map(|p| {
            RawDoc::new(
                p.name.clone(),
                format!("{}.html", p.name),
                Format::Html,
                p.html.clone(),
            )
        }));
    }
    let start = Instant::now();
    let before = thread_cpu_seconds(start);
    for doc in docs {
        std::hint::black_box(clean(doc));
    }
    let spent = (thread_cpu_seconds(start) - before).max(1e-9);
    (bytes * rounds) as f64 / 1e6 / spent
}

/// The same measure for html2text alone rendering whole pages (a reference point).
pub fn html2text_throughput(pages: &[Page], rounds: usize) -> f64 {
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let start = Instant::now();
    let before = thread_cpu_seconds(start);
    for _ in 0..rounds {
        for p in pages {
            let lines = html2text::config::rich().lines_from_read(p.html.as_bytes(), 100_000);
            std::hint::black_box(lines.map(|l| l.len()).unwrap_or(0));
        }
    }
    let spent = (thread_cpu_seconds(start) - before).max(1e-9);
    (bytes * rounds) as f64 / 1e6 / spent
}
