//! Filter and frame costs on synthetic corpora of 10k and 100k articles.
//!
//! Run: `cargo bench --bench filter`. What matters is a keystroke: search + sort + facets +
//! reading-view layout (`App::update`), then one frame (`ui::draw`).

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
        // A keystroke through the whole app: "/", "t", then extending to "tr" (narrowing).
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

criterion_group!(benches, filter);
criterion_main!(benches);
