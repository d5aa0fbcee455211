//! Filter and frame costs on synthetic corpora of 10k and 100k articles.
//!
//! Run: `cargo bench --bench filter`. What matters is a keystroke: with the search on its
//! worker, the key and one frame; the search itself (search + sort + facets + reading-view
//! layout) then arrives on its own. The corpus is made like real news (Zipf vocabulary of 200k
//! words, real title and body lengths). `matcher_100k_titles` puts the two fuzzy matchers side
//! by side.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use dossier::app::App;

#[path = "../tests/common/fixture.rs"]
mod fixture;
use dossier::query::{self, Index, Query};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn key(app: &mut App, c: char) {
    app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )));
}

fn filter(c: &mut Criterion) {
    for (n, body) in [(10_000, 5_000), (100_000, 2_000)] {
        let corpus = fixture::synthetic(n, body);
        let index = Index::build(&corpus);
        let mut group = c.benchmark_group(format!("filter_{}k", n / 1000));
        group.sample_size(10);
        group.bench_function("index_build", |b| {
            b.iter(|| Index::build(black_box(&corpus)))
        });
        for q in [
            "t",
            "nuj",
            "truce",
            "@nujaba",
            "source:reuters",
            "truce -drone after:2024-06",
        ] {
            let query = Query::parse(q);
            group.bench_function(format!("search {q:?}"), |b| {
                b.iter(|| query::search(&corpus, &index, black_box(&query), &[], None))
            });
        }
        // What a person waits for with the search on its worker: the key applied and the
        // frame drawn (the search request is handed over, not run).
        let mut worker_app = App::with_corpus(corpus.clone(), 200, 50);
        worker_app.use_search_worker();
        key(&mut worker_app, '/');
        let mut term = Terminal::new(TestBackend::new(200, 50)).expect("backend");
        group.bench_function("keystroke to frame, search on the worker", |b| {
            b.iter(|| {
                key(&mut worker_app, 't');
                black_box(worker_app.take_search());
                term.draw(|f| dossier::ui::draw(&worker_app, f))
                    .expect("draw");
                worker_app.update(dossier::app::Action::DeleteBack);
                black_box(worker_app.take_search());
            })
        });
        // A keystroke through the whole app, search inline: "/", "t", then "tr" (narrowing).
        let mut app = App::with_corpus(corpus.clone(), 200, 50);
        key(&mut app, '/');
        group.bench_function("keystroke t then r (update)", |b| {
            b.iter(|| {
                key(&mut app, 't');
                key(&mut app, 'r');
                app.update(dossier::app::Action::DeleteBack);
                app.update(dossier::app::Action::DeleteBack);
            })
        });
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("backend");
        key(&mut app, 't');
        group.bench_function("draw 200x50", |b| {
            b.iter(|| {
                terminal.draw(|f| dossier::ui::draw(&app, f)).expect("draw");
            })
        });
        group.finish();
    }
}

/// The design's fuzzy matcher (skim v2, from fuzzy-matcher) beside nucleo-matcher (helix's),
/// on the same 100k titles: score only, and score with indices (what highlighting needs).
fn matchers(c: &mut Criterion) {
    use fuzzy_matcher::FuzzyMatcher;
    use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
    use nucleo_matcher::{Config, Matcher, Utf32Str};

    let corpus = fixture::synthetic(100_000, 300);
    let titles: Vec<&str> = corpus.articles.iter().map(|a| a.title.as_str()).collect();
    let mut group = c.benchmark_group("matcher_100k_titles");
    group.sample_size(10);
    for pat in ["t", "con", "proter", "nujaba"] {
        let skim = fuzzy_matcher::skim::SkimMatcherV2::default().ignore_case();
        group.bench_function(format!("fuzzy-matcher skim {pat:?}"), |b| {
            b.iter(|| {
                titles
                    .iter()
                    .filter(|t| skim.fuzzy_match(t, pat).is_some())
                    .count()
            })
        });
        group.bench_function(format!("fuzzy-matcher skim indices {pat:?}"), |b| {
            b.iter(|| {
                titles
                    .iter()
                    .filter_map(|t| skim.fuzzy_indices(t, pat))
                    .count()
            })
        });
        let mut nucleo = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::parse(pat, CaseMatching::Ignore, Normalization::Smart);
        let mut buf = Vec::new();
        group.bench_function(format!("nucleo {pat:?}"), |b| {
            b.iter(|| {
                titles
                    .iter()
                    .filter(|t| {
                        pattern
                            .score(Utf32Str::new(t, &mut buf), &mut nucleo)
                            .is_some()
                    })
                    .count()
            })
        });
        let mut idx = Vec::new();
        group.bench_function(format!("nucleo indices {pat:?}"), |b| {
            b.iter(|| {
                titles
                    .iter()
                    .filter(|t| {
                        idx.clear();
                        pattern
                            .indices(Utf32Str::new(t, &mut buf), &mut nucleo, &mut idx)
                            .is_some()
                    })
                    .count()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, filter, matchers);
criterion_main!(benches);
