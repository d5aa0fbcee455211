//! Cleaning throughput on whole HTML pages: the regression page set, one page at a time on
//! one thread (`cargo run --release --example score_pages` prints MB per CPU-second too).

#[path = "../tests/common/page_score.rs"]
mod page_score;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::clean::clean;
use dossier::load::{Format, RawDoc};

fn clean_pages(c: &mut Criterion) {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/regression");
    let pages = page_score::load_set(&dir);
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let mut group = c.benchmark_group("pages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("clean_regression_pages", |b| {
        b.iter(|| {
            for p in &pages {
                let doc = RawDoc::new(p.name.clone(), "p.html", Format::Html, p.html.clone());
                std::hint::black_box(clean(doc));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, clean_pages);
criterion_main!(benches);
