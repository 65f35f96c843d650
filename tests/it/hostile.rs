//! Hostile bundles through the human report: lines far longer than a terminal, numbers of
//! thousands of digits, control characters meant for the terminal. Every record gets its
//! report, in order, nothing panics, and nothing the bundle wrote reaches the terminal raw.

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::Duration;

/// `pr-ok.json` on one line, with `edit` applied.
fn one_line(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/bundles/pr-ok.json"
    ))
    .expect("the example");
    let mut bundle: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    edit(&mut bundle);
    bundle.to_string()
}

/// `ereje check --ndjson -` with `input` on stdin: exit status, stdout, stderr.
fn check_ndjson(input: &str, format: &str) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(["check", "--ndjson", "-", "--format", format])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("it ends");
    writer.join().expect("the writer").expect("written");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `ereje test --rules RULES`: its status and stderr. A run still going after a minute is
/// killed and fails the test (a wait on a FIFO, a hang), rather than holding CI.
fn test_rules(rules: &std::path::Path) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(["test", "--rules"])
        .arg(rules)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = std::time::Instant::now();
    while child.try_wait().ok().flatten().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!(
                "`ereje test --rules {}` still runs after a minute",
                rules.display()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("it ended");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn long_lines_and_control_characters_cost_no_record_and_reach_no_terminal() {
    let long_field = one_line(|b| {
        b["x".repeat(70_000)] = serde_json::json!(1);
    });
    let long_number = one_line(|b| {
        b["applicant"]["birth_date"] = serde_json::json!(0);
    })
    .replacen(
        "\"birth_date\":0",
        &format!("\"birth_date\":{}", "9".repeat(100_000)),
        1,
    );
    assert!(long_number.len() > 100_000);
    let escapes = one_line(|b| {
        b["\u{1b}[2J\r\nfake.json: ok\u{7}"] = serde_json::json!("\u{1b}]0;title\u{7}");
    });
    let cut = &long_field[..long_field.len() / 2];
    let lines = [
        long_field.as_str(),
        long_number.as_str(),
        escapes.as_str(),
        cut,
        &one_line(|_| {}),
    ];
    let input = lines.join("\n") + "\n";
    let (status, stdout, stderr) = check_ndjson(&input, "human");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status, Some(1), "invalid lines make the exit status 1");
    // one verdict line per record, in order
    let verdicts: Vec<&str> = stdout.lines().filter(|l| l.starts_with("-:")).collect();
    assert_eq!(
        verdicts,
        [
            "-:1: ok",
            "-:2: invalid",
            "-:3: ok",
            "-:4: invalid",
            "-:5: ok"
        ],
        "{stdout}"
    );
    // no raw control character, and no line that the bundle wrote
    for (name, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{name} has a raw control character"
        );
        assert!(!text.lines().any(|l| l.starts_with("fake.json")), "{name}");
    }
    assert!(stdout.contains('\u{241b}'), "ESC is shown as its picture");
    // no snippet line of thousands of characters
    let widest = stdout.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest < 1_000, "a line of {widest} characters");
    // the JSON reports: one per line, in order, the same verdicts
    let (_, json, _) = check_ndjson(&input, "json");
    let verdicts: Vec<String> = json
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON report");
            format!("{}: {}", v["line"], v["verdict"].as_str().unwrap_or(""))
        })
        .collect();
    assert_eq!(
        verdicts,
        ["1: ok", "2: invalid", "3: ok", "4: invalid", "5: ok"]
    );
}

/// Characters that reorder or hide text (a right-to-left override, isolates, zero-width
/// spaces, a byte-order mark), in a bundle's strings or in the bundle's file name, are shown
/// by their code points; a file name cannot start a line or colour the terminal either.
#[test]
fn bidirectional_and_invisible_characters_and_hostile_file_names_are_shown_escaped() {
    let tricks = [
        "\u{202e}", "\u{2066}", "\u{200b}", "\u{200f}", "\u{061c}", "\u{feff}",
    ];
    let bundle = one_line(|b| {
        if let Some(docs) = b["documents"].as_array_mut() {
            for t in tricks {
                docs.push(serde_json::json!({"kind": format!("ko{t}.json :ok")}));
            }
        }
        b[format!("field{}", tricks.concat())] = serde_json::json!(1);
    });
    let dir = tempdir("hostile-names");
    let path = dir.join("evil\u{1b}[31m\nname.json: ok\u{202e}.json");
    std::fs::write(&path, &bundle).expect("the bundle is written");
    let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .arg("check")
        .arg(&path)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    for t in tricks {
        assert!(!stdout.contains(t), "{t:?} reached the output raw");
        let code = format!("<U+{:04X}>", u32::from(t.chars().next().unwrap_or(' ')));
        assert!(stdout.contains(&code), "{code} is shown: {stdout}");
    }
    assert!(!stdout.contains('\u{1b}'), "no raw ESC from the file name");
    assert!(
        !stdout.lines().any(|l| l.starts_with("name.json")),
        "the file name starts no line of its own"
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "unknown kinds and fields are warnings"
    );
}

/// A fresh directory under the target directory for one test.
fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

/// A reader that goes away after one line ends the run quietly (status 141, nothing on
/// stderr, no panic); a full disk is an error on stderr and status 2.
#[test]
fn a_closed_pipe_is_quiet_and_a_full_disk_is_an_error() {
    use std::io::{BufRead, BufReader};
    let runs: [&[&str]; 3] = [
        &["check", "--ndjson", "benches/data/small.ndjson"],
        &[
            "check",
            "--ndjson",
            "benches/data/small.ndjson",
            "--format",
            "json",
        ],
        &["explain"],
    ];
    for args in runs {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let stdout = child.stdout.take().expect("stdout");
        let mut first = String::new();
        BufReader::new(stdout)
            .read_line(&mut first)
            .expect("a first line");
        // the reader goes away here: the pipe closes
        let out = child.wait_with_output().expect("it ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        // the NDJSON listings are larger than a pipe holds: they meet the closed pipe
        let expected: &[i32] = if args.contains(&"--ndjson") {
            &[141]
        } else {
            &[0, 141]
        };
        assert!(
            out.status.code().is_some_and(|c| expected.contains(&c)),
            "{args:?}: {:?}",
            out.status
        );
        if out.status.code() == Some(141) {
            assert!(stderr.trim().is_empty(), "{args:?}: {stderr}");
        }
    }
    // a full disk, for a listing and for the help and version clap writes
    let full_runs: [&[&str]; 4] = [
        &[
            "check",
            "--ndjson",
            "benches/data/small.ndjson",
            "--format",
            "json",
        ],
        &["--help"],
        &["check", "-h"],
        &["--version"],
    ];
    for args in full_runs {
        let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
            return;
        };
        let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::from(full))
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("cannot write the output"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// A rule file whose condition is thousands of `not`s, a chain of thousands of `and`s, or
/// thousands of `any … where` inside each other is a clear error (`E0104`, status 2), never a
/// stack overflow; a condition within the limits still reads.
#[test]
fn conditions_too_deep_or_too_long_are_errors_not_crashes() {
    let dir = std::env::temp_dir().join(format!("ereje-deep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let file = dir.join("deep.ereje");
    let run = |condition: String| {
        std::fs::write(
            &file,
            format!(
                "service s {{\n  input a: bool\n  input l: list {{ b: bool }}\n  refusal r {{\n    when {condition}\n  }}\n}}\n"
            ),
        )
        .expect("written");
        test_rules(&dir)
    };
    for (what, condition, says) in [
        (
            "nots",
            format!("{}a", "not ".repeat(7_000)),
            "too many operators",
        ),
        (
            "ands",
            format!("{}a", "a and ".repeat(7_000)),
            "too many operators",
        ),
        (
            "quantifiers",
            format!("{}a", "any x in l where ".repeat(3_500)),
            "nested too deeply",
        ),
    ] {
        let (status, stderr) = run(condition);
        assert_eq!(status, Some(2), "{what}: {stderr}");
        assert!(
            stderr.contains("E0104") && stderr.contains(says),
            "{what}: {stderr}"
        );
    }
    let (status, stderr) = run(format!("{}a", "not ".repeat(400)));
    assert_ne!(status, Some(2), "400 nots are within the limit: {stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A producer that sends a line and waits for its report before it sends the next gets each
/// report at once: `check --ndjson -` does not wait for a chunk of lines that will not come.
#[test]
fn a_producer_that_waits_for_each_report_gets_it() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(["check", "--ndjson", "-", "--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, reports) = mpsc::channel();
    let reading = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.expect("a report line")).is_err() {
                return;
            }
        }
    });
    let bundle = one_line(|_| {});
    for n in 1..=3 {
        writeln!(stdin, "{bundle}").expect("a line sent");
        stdin.flush().expect("sent");
        let report = reports
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no report for line {n} while the producer waits"));
        let v: serde_json::Value = serde_json::from_str(&report).expect("a JSON report");
        assert_eq!(
            (v["line"].as_u64(), v["verdict"].as_str()),
            (Some(n), Some("ok"))
        );
    }
    drop(stdin);
    let status = child.wait().expect("it ends");
    reading.join().expect("the reader");
    assert_eq!(status.code(), Some(0));
}

/// `--rules` naming a folder with a link that loops back up the tree, or a FIFO named like a
/// rule file, is a clear error (status 2), not a flood of paths or a wait forever.
#[cfg(unix)]
#[test]
fn a_link_loop_or_a_fifo_in_the_rules_is_an_error() {
    let dir = std::env::temp_dir().join(format!("ereje-links-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).expect("a folder");
    std::os::unix::fs::symlink("..", dir.join("a").join("up")).expect("a link");
    let run = test_rules;
    let (status, stderr) = run(&dir);
    assert_eq!(status, Some(2), "{stderr}");
    assert!(stderr.contains("is a link to a folder"), "{stderr}");
    let fifo_dir = dir.join("fifo");
    std::fs::create_dir_all(&fifo_dir).expect("a folder");
    let made = Command::new("mkfifo")
        .arg(fifo_dir.join("x.ereje"))
        .status()
        .is_ok_and(|s| s.success());
    if made {
        let (status, stderr) = run(&fifo_dir);
        assert_eq!(status, Some(2), "{stderr}");
        assert!(stderr.contains("is not a regular file"), "{stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The limits are shown in `--help` with their defaults, and an intake system may lower
/// them: past one a bundle is `invalid` with a finding that names the limit, and in a batch
/// the line past the size limit is `invalid` while the next line is checked as usual.
#[test]
fn limits_are_shown_and_can_be_lowered() {
    let help = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(["check", "--help"])
        .output()
        .expect("the binary runs");
    let help = String::from_utf8_lossy(&help.stdout);
    for (flag, default) in [
        ("--max-bundle-mib", "16"),
        ("--max-depth", "128"),
        ("--max-documents", "100000"),
        ("--max-events", "100000"),
    ] {
        assert!(help.contains(flag), "{flag}: {help}");
        assert!(
            help.contains(&format!("[default: {default}]")),
            "{flag}: {help}"
        );
    }
    let ok = one_line(|_| {});
    let report = |args: &[&str], input: &str| -> Vec<serde_json::Value> {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        let mut child = Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(["check", "--ndjson", "-"])
            .args(&all)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut stdin = child.stdin.take().expect("stdin");
        let input = input.to_string();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().expect("it ends");
        writer.join().expect("the writer").expect("written");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON report"))
            .collect()
    };
    let first = |r: &serde_json::Value| {
        (
            r["verdict"].as_str().unwrap_or("").to_string(),
            r["findings"][0]["message"]
                .as_str()
                .unwrap_or("")
                .to_string(),
        )
    };
    let lowered: [(&[&str], &str); 3] = [
        (
            &["--max-documents", "3"],
            "more than the 3 a bundle may list",
        ),
        (&["--max-events", "2"], "more than the 2 a bundle may list"),
        (&["--max-depth", "2"], "deeper than 2 levels"),
    ];
    for (args, says) in lowered {
        let reports = report(args, &format!("{ok}\n"));
        let (verdict, message) = first(&reports[0]);
        assert_eq!(verdict, "invalid", "{args:?}");
        assert!(message.contains(says), "{args:?}: {message}");
    }
    // a line of 2 MiB past a limit of 1 MiB, then a good one
    let big = one_line(|b| {
        b["padding"] = serde_json::json!("x".repeat(2 * 1024 * 1024));
    });
    let reports = report(&["--max-bundle-mib", "1"], &format!("{big}\n{ok}\n"));
    assert_eq!(reports.len(), 2);
    let (verdict, message) = first(&reports[0]);
    assert_eq!(verdict, "invalid");
    assert!(message.contains("larger than 1 MiB"), "{message}");
    assert_eq!(first(&reports[1]).0, "ok");
    // the default depth, 128 levels with the envelope, is allowed, one more is not
    let nested = |levels: usize| {
        let mut line = one_line(|b| b["nested"] = serde_json::json!("here"));
        let deep = format!("{}1{}", "[".repeat(levels - 1), "]".repeat(levels - 1));
        line = line.replacen("\"here\"", &deep, 1);
        line
    };
    let reports = report(&[], &format!("{}\n{}\n", nested(128), nested(129)));
    let (verdict, message) = first(&reports[0]);
    assert_ne!(verdict, "invalid", "128 levels are allowed: {message}");
    assert!(
        message.contains("nested"),
        "its finding is the unknown field: {message}"
    );
    let (verdict, message) = first(&reports[1]);
    assert_eq!(verdict, "invalid");
    assert!(message.contains("deeper than 128 levels"), "{message}");
}

/// `let`s that double at each step (`let l1 = l0 and l0`, …) or chain thousands deep would
/// make a condition of a trillion parts, or thousands of levels, once put in: an error
/// (`E0104`), not a hang or an exhausted memory.
#[test]
fn lets_that_grow_past_the_limit_are_errors() {
    let dir = std::env::temp_dir().join(format!("ereje-lets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    for (what, make) in [
        (
            "doubling",
            (|i: usize| format!("l{} and l{}", i - 1, i - 1)) as fn(usize) -> String,
        ),
        ("chained", |i: usize| format!("l{} and a", i - 1)),
    ] {
        let n = if what == "doubling" { 40 } else { 1_000 };
        let mut text = String::from("service s {\n  input a: bool\n  let l0 = a\n");
        for i in 1..n {
            text.push_str(&format!("  let l{i} = {}\n", make(i)));
        }
        text.push_str(&format!("  refusal r {{\n    when l{}\n  }}\n}}\n", n - 1));
        std::fs::write(dir.join("lets.ereje"), text).expect("written");
        let (status, stderr) = test_rules(&dir);
        assert_eq!(status, Some(2), "{what}: {stderr}");
        assert!(
            stderr.contains("E0104") && stderr.contains("too large"),
            "{what}: {stderr}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Files are read with a bound, never whole: an endless device given as a bundle is `invalid`
/// (too large) after 16 MiB, a rule file over 16 MiB is an error that says so, and `fmt`
/// refuses a device on the command line and an oversized standard input.
#[cfg(unix)]
#[test]
fn endless_or_oversized_files_are_read_only_up_to_the_limit() {
    let ereje = || Command::new(env!("CARGO_BIN_EXE_ereje"));
    let out = ereje()
        .args(["check", "/dev/zero", "--format", "json"])
        .output()
        .expect("it runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON report");
    assert_eq!(report["verdict"], "invalid");
    assert_eq!(report["findings"][0]["code"], "invalid-input");
    assert!(
        report["findings"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("larger than 16 MiB")),
        "{report}"
    );

    let dir = std::env::temp_dir().join(format!("ereje-big-rules-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    let mut big = String::from("# ");
    big.push_str(&"x".repeat(17 << 20));
    std::fs::write(dir.join("big.ereje"), &big).expect("written");
    let (status, stderr) = test_rules(&dir);
    assert_eq!(status, Some(2), "{stderr}");
    assert!(stderr.contains("larger than 16 MiB"), "{stderr}");

    let out = ereje()
        .args(["fmt", "--check", "/dev/zero"])
        .output()
        .expect("it runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither a regular file nor a folder"));

    let mut child = ereje()
        .args(["fmt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("it runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // the writer stops with a broken pipe once ereje has read its fill and gone
    let writer = std::thread::spawn(move || stdin.write_all(big.as_bytes()));
    let out = child.wait_with_output().expect("it ends");
    let _ = writer.join();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than 16 MiB"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every day a report writes has a four-digit year: a submission whose day in some timezone
/// falls outside years 0000–9999 is `invalid` at `submitted_at`, one inside is read, and
/// `--as-of` takes four-digit years only.
#[test]
fn days_past_year_9999_are_refused_not_written_with_five_digits() {
    let rules = ereje::RuleSet::shipped().expect("the shipped rules compile");
    let at = |submitted: &str| {
        let text = one_line(|b| b["submitted_at"] = serde_json::json!(submitted));
        let report = rules.check(&text, &ereje::check::Options::default());
        serde_json::to_value(&report).expect("a report is JSON")
    };
    for edge in ["9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+23:59"] {
        let report = at(edge);
        assert_eq!(report["verdict"], "invalid", "{edge}");
        assert_eq!(report["findings"][0]["pointer"], "/submitted_at", "{edge}");
    }
    let report = at("9999-12-30T12:00:00+06:00");
    assert_eq!(report["as_of"], "9999-12-30");
    for as_of in ["-0001-01-01", "+10000-01-01", "10000-01-01"] {
        let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(["check", "examples/bundles/pr-ok.json"])
            .arg(format!("--as-of={as_of}"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(2), "{as_of}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("is not a date"));
    }
}
