//! Cost of `ereje lint` on the shipped law: reading is left out (the files are in memory),
//! analysis and every lint are in; and the lints alone, on an analysis made once. Run:
//! `cargo bench --bench lint`. Target (issue "the linter"): under 100 ms for the shipped law
//! on one core.

use criterion::{Criterion, criterion_group, criterion_main};
use ereje::analysis::analyze_sources;
use ereje::lint::{Settings, lint};

fn bench(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let files = ereje::rule_set::read_rule_files(&dir).expect("the shipped rules are readable");
    let settings = Settings::default();
    let mut group = c.benchmark_group("shipped rules");
    group.bench_function("analysis + lint", |b| {
        b.iter(|| {
            let analysis = analyze_sources(files.clone());
            std::hint::black_box(lint(&analysis, &settings));
        });
    });
    let analysis = analyze_sources(files.clone());
    group.bench_function("lint only", |b| {
        b.iter(|| std::hint::black_box(lint(&analysis, &settings)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
