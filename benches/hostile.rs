//! Cost on bundles built to be expensive: a 4 MB bundle of 60,000 documents of unknown kinds,
//! each with an unknown field (120,000 findings to place and word), checked and reported in
//! both formats; the same at a tenth of the size, so that the two figures show the cost is
//! linear. Run: `cargo bench --bench hostile`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ereje::RuleSet;
use ereje::check::Options;
use ereje::report::human::{Style, render_report};

/// `pr-ok.json` with `n` documents of as many unknown kinds, each with an unknown field.
fn bundle(n: usize) -> String {
    let path = format!("{}/examples/bundles/pr-ok.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let docs = value["documents"].as_array_mut().expect("documents");
    docs.extend((0..n).map(|i| {
        serde_json::json!({"kind": format!("letter_{i}"), "number": format!("N-{i:08}"), "note": i})
    }));
    value.to_string()
}

fn bench(c: &mut Criterion) {
    let rules = RuleSet::shipped().expect("the shipped rules compile");
    let options = Options::default();
    for n in [6_000, 60_000] {
        let text = bundle(n);
        let mut group = c.benchmark_group(format!("{n} unknown documents"));
        group.sample_size(10);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("check + JSON report", |b| {
            b.iter(|| {
                let mut report = rules.check(&text, &options);
                ereje::report::spans::fill(&mut report, &text);
                std::hint::black_box(ereje::report::json::report_line(&report));
            });
        });
        group.bench_function("check + human report", |b| {
            b.iter(|| {
                let mut report = rules.check(&text, &options);
                ereje::report::spans::fill(&mut report, &text);
                std::hint::black_box(render_report(&report, "b.json", &text, &Style::plain()));
            });
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
