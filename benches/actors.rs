//! Actor extraction throughput on a repeated corpus of the bundled seeds.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::Corpus;

fn extraction(c: &mut Criterion) {
    let seeds = Corpus::bundled().corpus;
    // 40 copies of the seeds: about 400 KB of cleaned text.
    let docs: Vec<Vec<String>> = (0..40)
        .flat_map(|_| seeds.articles.iter().map(|a| a.paragraphs.clone()))
        .collect();
    let refs: Vec<&[String]> = docs.iter().map(Vec::as_slice).collect();
    let bytes: usize = docs.iter().flatten().map(String::len).sum();
    let mut group = c.benchmark_group("actors");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("extract_40x_seeds", |b| {
        b.iter(|| dossier::actors::extract(&refs))
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
