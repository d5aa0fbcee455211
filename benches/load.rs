//! Load and clean throughput: the bundled seeds copied into a folder many times.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::Corpus;

fn load_and_clean(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut bytes = 0u64;
    for copy in 0..100 {
        for entry in std::fs::read_dir(&seeds).expect("seeds folder") {
            let path = entry.expect("seed entry").path();
            let text = std::fs::read(&path).expect("seed readable");
            bytes += text.len() as u64;
            let name = format!(
                "{copy:03}_{}",
                path.file_name().expect("name").to_string_lossy()
            );
            std::fs::write(dir.path().join(name), text).expect("write copy");
        }
    }
    let paths = vec![dir.path().to_path_buf()];
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.bench_function("load_clean_index_500_files", |b| {
        b.iter(|| Corpus::load(&paths, &mut |_| {}).expect("loads"))
    });
    group.finish();
}

criterion_group!(benches, load_and_clean);
criterion_main!(benches);
