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

#[test]
fn invalid_utf8_and_blank_lines_each_get_an_invalid_report() {
    let ok = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/bundles/pr-ok.json"
    ))
    .expect("bundle");
    let ok: serde_json::Value = serde_json::from_str(&ok).expect("json");
    let mut input = Vec::new();
    input.extend_from_slice(ok.to_string().as_bytes());
    input.extend_from_slice(b"\n{\"id\":\"pr-\xff\xfe\"}\n\r\n");
    input.extend_from_slice(ok.to_string().as_bytes()); // the last line has no newline
    let path = std::env::temp_dir().join(format!("ereje-utf8-{}.ndjson", std::process::id()));
    std::fs::write(&path, input).expect("temp file");
    let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args([
            "check",
            "--ndjson",
            path.to_str().expect("utf-8 path"),
            "--format",
            "json",
        ])
        .output()
        .expect("the binary runs");
    let _ = std::fs::remove_file(&path);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let verdicts: Vec<&str> = lines
        .iter()
        .map(|l| l["verdict"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(verdicts, ["ok", "invalid", "invalid", "ok"]);
    assert!(
        lines[1]["findings"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("not UTF-8"))
    );
    assert_eq!(
        lines[1]["findings"][0]["span"]["offset"], 10,
        "the first byte that is not UTF-8"
    );
    assert!(
        lines[2]["findings"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("empty"))
    );
    assert_eq!(out.status.code(), Some(1));
}
