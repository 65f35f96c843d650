//! Batch mode: NDJSON checked on several threads gives the same reports, in the same order, as
//! on one thread — one report line per input line.

use std::process::Command;

#[test]
fn threads_keep_every_report_in_input_order() {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = |threads: &str| {
        Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args([
                "check",
                "--ndjson",
                "benches/data/small.ndjson",
                "--format",
                "json",
                "--threads",
                threads,
            ])
            .current_dir(root)
            .output()
            .expect("the binary runs")
    };
    let one = run("1");
    let two = run("2");
    assert_eq!(one.status.code(), two.status.code());
    assert_eq!(
        one.stdout, two.stdout,
        "the same bytes whatever the thread count"
    );
    let input = std::fs::read_to_string(format!("{root}/benches/data/small.ndjson")).expect("data");
    let ids: Vec<String> = input
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["id"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    let out = String::from_utf8(two.stdout).expect("utf-8");
    let reported: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["id"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(ids, reported);
}
