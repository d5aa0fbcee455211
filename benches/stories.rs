//! Story grouping time at 10k and 100k generated articles (events retold by 1-8 outlets, see
//! `stories_gen`). Before timing, the number of stories found is printed next to the number
//! of events generated, with the B-cubed scores of the stories against the events.

use criterion::{Criterion, criterion_group, criterion_main};

mod stories_gen;

fn grouping(c: &mut Criterion) {
    let mut group = c.benchmark_group("stories");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        let (corpus, event_of) = stories_gen::generate(n);
        let found = dossier::stories::group(&corpus);
        let (p, r, f1) = stories_gen::b_cubed(&found, &event_of);
        eprintln!(
            "stories bench: {n} articles, {} events generated, {} stories found, B3 P {p:.3} R {r:.3} F1 {f1:.3}",
            stories_gen::event_count(&event_of),
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
