//! Story grouping time at 10k and 100k generated articles (events retold by 1-8 outlets, see
//! `stories_gen`). Before timing, the number of stories found is printed next to the number
//! of events generated.

use criterion::{Criterion, criterion_group, criterion_main};

mod stories_gen;

fn grouping(c: &mut Criterion) {
    let mut group = c.benchmark_group("stories");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        let (corpus, events) = stories_gen::generate(n);
        let found = dossier::stories::group(&corpus);
        eprintln!(
            "stories bench: {n} articles, {events} events generated, {} stories found",
            found.stories.len()
        );
        group.bench_function(format!("group_{}k", n / 1000), |b| {
            b.iter(|| dossier::stories::group(&corpus))
        });
    }
    group.finish();
}

criterion_group!(benches, grouping);
criterion_main!(benches);
