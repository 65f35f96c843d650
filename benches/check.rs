//! Throughput of `RuleSet::check` on generated bundles of the shipped services (identifiers as
//! in `docs/catalogue.md`), next to plain `serde_json::from_slice` of the same bytes.
//!
//! Data: `benches/data/small.ndjson` (1,000 bundles of ~1.2 KB, seed 42) and
//! `benches/data/large.ndjson` (200 bundles of ~6.4 KB with 50 documents of unknown kinds,
//! seed 43). Run: `cargo bench --bench check`.
//!
//! `RuleSet::check` ends with the report as data; `check + JSON report` also writes it as the
//! command line does (spans located, findings worded, serialised), the whole work per bundle;
//! `trace::trace` checks with the recording observer and words the trace (`ereje trace`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ereje::RuleSet;
use ereje::check::Options;

fn bundles(name: &str) -> Vec<String> {
    let path = format!("{}/benches/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().map(String::from).collect()
}

fn bench(c: &mut Criterion) {
    let rules = RuleSet::shipped().expect("the shipped rules compile");
    let options = Options::default();
    for name in ["small.ndjson", "large.ndjson"] {
        let data = bundles(name);
        let bytes: u64 = data.iter().map(|b| b.len() as u64).sum();
        let mut group = c.benchmark_group(name.trim_end_matches(".ndjson"));
        group.throughput(Throughput::Bytes(bytes));
        group.bench_function("serde_json::from_slice", |b| {
            b.iter(|| {
                for bundle in &data {
                    let value: serde_json::Value =
                        serde_json::from_slice(bundle.as_bytes()).expect("valid JSON");
                    std::hint::black_box(value);
                }
            });
        });
        group.bench_function("RuleSet::check", |b| {
            b.iter(|| {
                for bundle in &data {
                    std::hint::black_box(rules.check(bundle, &options));
                }
            });
        });
        // the derivation of each bundle: the same check, recorded, with its words
        group.bench_function("trace::trace", |b| {
            b.iter(|| {
                for bundle in &data {
                    std::hint::black_box(ereje::trace::trace(&rules, bundle.as_bytes(), &options));
                }
            });
        });
        group.bench_function("check + JSON report", |b| {
            b.iter(|| {
                for bundle in &data {
                    let mut report = rules.check(bundle, &options);
                    ereje::report::spans::fill(&mut report, bundle);
                    // the command line's writer of a report line
                    std::hint::black_box(ereje::report::json::report_line(&report));
                }
            });
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
