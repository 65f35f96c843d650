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
    // each report names its input line, from 1
    let numbers: Vec<u64> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["line"]
                .as_u64()
                .unwrap_or(0)
        })
        .collect();
    assert_eq!(numbers, (1..=1000).collect::<Vec<u64>>());
}

/// A report of NDJSON input names its line; a bundle file's report has no `line`.
#[test]
fn only_reports_of_ndjson_lines_have_a_line() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args([
            "check",
            "examples/bundles/pr-ok.json",
            "examples/bundles/pr-invalid-truncated.json",
            "--ndjson",
            "-",
            "--format",
            "json",
        ])
        .current_dir(root)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            let ok = std::fs::read_to_string(format!("{root}/examples/bundles/pr-ok.json"))?;
            let ok: serde_json::Value = serde_json::from_str(&ok).expect("json");
            let mut stdin = child.stdin.take().expect("stdin");
            write!(stdin, "{ok}\n\nnot json\n{ok}")?;
            drop(stdin);
            child.wait_with_output()
        })
        .expect("the binary runs");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let numbers: Vec<Option<u64>> = lines
        .iter()
        .map(|r| r.get("line").map(|n| n.as_u64().expect("a number")))
        .collect();
    assert_eq!(numbers, [None, None, Some(1), Some(2), Some(3), Some(4)]);
}

/// Human output names a bundle of an NDJSON file `file:line:column`, and numbers the line of
/// its snippet as the file's line.
#[test]
fn human_output_places_an_ndjson_bundle_at_its_line_and_column() {
    let root = env!("CARGO_MANIFEST_DIR");
    let bundle = |name: &str| -> serde_json::Value {
        let text =
            std::fs::read_to_string(format!("{root}/examples/bundles/{name}")).expect("bundle");
        serde_json::from_str(&text).expect("json")
    };
    let passport = bundle("pr-missing-passport.json").to_string();
    let input = format!("{}\n\n{passport}\n", bundle("pr-ok.json"));
    let path = std::env::temp_dir().join(format!("ereje-lines-{}.ndjson", std::process::id()));
    std::fs::write(&path, input).expect("temp file");
    let path = path.to_str().expect("utf-8 path").to_string();
    let run = |format: &str| {
        Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(["check", "--ndjson", &path, "--format", format])
            .current_dir(root)
            .output()
            .expect("the binary runs")
    };
    let json = run("json");
    let human = run("human");
    let _ = std::fs::remove_file(&path);
    let reports: Vec<serde_json::Value> = String::from_utf8_lossy(&json.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let span = &reports[2]["findings"][0]["span"];
    assert_eq!(span["line"], 1, "spans count within the line");
    let column = span["column"].as_u64().expect("a column");
    let text = String::from_utf8_lossy(&human.stdout);
    // the empty line 2 is invalid, the passport is missing on line 3
    assert!(text.contains(&format!("╭─[{path}:2:1]")), "{text}");
    assert!(text.contains(&format!("╭─[{path}:3:{column}]")), "{text}");
    assert!(!text.contains(&format!("{path}:3:1:")), "{text}");
    assert!(text.contains(" 3 │ {\""), "{text}");
    // the verdict line names the bundle `file:line`
    let verdicts: Vec<&str> = text.lines().filter(|l| l.starts_with(&path)).collect();
    assert_eq!(
        verdicts,
        [
            format!("{path}:1: ok"),
            format!("{path}:2: invalid"),
            format!("{path}:3: incomplete")
        ],
        "{text}"
    );
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

/// The library's batch engine (`ereje::batch`), without the command line.
mod engine {
    use std::io::{self, BufReader, Read};

    use ereje::RuleSet;
    use ereje::batch::{Batch, BatchError, Summary};
    use ereje::check::{MAX_BUNDLE_BYTES, Verdict};

    fn shipped() -> RuleSet {
        RuleSet::shipped().expect("the shipped rules compile")
    }

    fn small() -> Vec<u8> {
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/benches/data/small.ndjson"
        ))
        .expect("data")
    }

    /// The `id` of each report line, or the verdict of a report without one.
    fn ids(output: &[u8]) -> Vec<String> {
        String::from_utf8_lossy(output)
            .lines()
            .map(|l| {
                let report: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
                report["id"]
                    .as_str()
                    .map_or_else(|| format!("({})", report["verdict"]), String::from)
            })
            .collect()
    }

    #[test]
    fn reports_keep_the_input_order_whatever_the_threads_and_chunks() {
        let rules = shipped();
        let input = small();
        let run = |threads: usize, lines: usize| {
            let mut out = Vec::new();
            let summary = Batch::new(&rules)
                .threads(threads)
                .chunks(lines, usize::MAX)
                .check_lines(input.as_slice(), &mut out)
                .expect("in memory");
            (out, summary)
        };
        let (one, summary) = run(1, 2048);
        assert_eq!(summary.lines, 1000);
        let expected: Vec<String> = String::from_utf8_lossy(&input)
            .lines()
            .map(|l| {
                let bundle: serde_json::Value = serde_json::from_str(l).expect("json");
                bundle["id"].as_str().unwrap_or_default().to_string()
            })
            .collect();
        assert_eq!(ids(&one), expected);
        for (threads, lines) in [(2, 2048), (3, 7), (4, 1), (8, 333)] {
            let (out, other) = run(threads, lines);
            assert!(
                out == one,
                "{threads} threads, chunks of {lines}: other bytes"
            );
            assert_eq!(other, summary);
        }
    }

    /// The engine gives each report of a line its number; a bundle checked alone has none.
    #[test]
    fn each_report_of_a_line_holds_its_number() {
        let rules = shipped();
        let input = small();
        let batch = Batch::new(&rules).threads(3).chunks(7, usize::MAX);
        let mut numbers = Vec::new();
        batch
            .check_lines_with(
                input.as_slice(),
                |number, checked| (number, checked.report.line),
                |pair| {
                    numbers.push(pair);
                    Ok(())
                },
            )
            .expect("in memory");
        assert_eq!(numbers.len(), 1000);
        assert!(numbers.iter().all(|(n, line)| Some(*n) == *line));
        let first = input.split(|b| *b == b'\n').next().expect("a line");
        assert_eq!(batch.check(first).report.line, None);
    }

    #[test]
    fn every_line_gets_one_report_whatever_it_holds() {
        let rules = shipped();
        let ok = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/bundles/pr-ok.json"
        ))
        .expect("bundle");
        let ok: serde_json::Value = serde_json::from_str(&ok).expect("json");
        let ok = ok.to_string();
        let mut input = Vec::new();
        for line in [
            ok.as_bytes(),
            b"",
            b"   ",
            b"{not json",
            b"{\"id\":\"pr-\xff\xfe\"}",
            b"[[[[[[[[",
            b"null",
        ] {
            input.extend_from_slice(line);
            input.push(b'\n');
        }
        input.extend_from_slice(b"\r\n");
        // a line larger than a bundle may be: its report says so, and the next line is read
        input.extend(std::iter::repeat_n(b'x', MAX_BUNDLE_BYTES + 10));
        input.push(b'\n');
        input.extend_from_slice(ok.as_bytes()); // the last line has no newline
        for threads in [1, 3] {
            let mut out = Vec::new();
            let summary = Batch::new(&rules)
                .threads(threads)
                .chunks(2, usize::MAX)
                .check_lines(input.as_slice(), &mut out)
                .expect("in memory");
            assert_eq!(summary.lines, 10);
            let reports: Vec<serde_json::Value> = String::from_utf8(out)
                .expect("UTF-8")
                .lines()
                .map(|l| serde_json::from_str(l).expect("a JSON line"))
                .collect();
            let verdicts: Vec<&str> = reports
                .iter()
                .map(|r| r["verdict"].as_str().unwrap_or(""))
                .collect();
            assert_eq!(
                verdicts,
                [
                    "ok", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid",
                    "invalid", "invalid", "ok"
                ]
            );
            let message = |i: usize| reports[i]["findings"][0]["message"].as_str().unwrap_or("");
            assert!(message(1).contains("empty"), "{}", message(1));
            assert!(message(4).contains("not UTF-8"), "{}", message(4));
            assert!(message(8).contains("larger than 16 MiB"), "{}", message(8));
        }
    }

    /// A reader that gives its bytes and then fails.
    struct Failing {
        bytes: Vec<u8>,
        at: usize,
    }

    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.at >= self.bytes.len() {
                return Err(io::Error::other("the disk went away"));
            }
            let n = buf.len().min(self.bytes.len() - self.at).min(100);
            buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    #[test]
    fn a_reader_that_fails_midway_still_gets_every_complete_line_reported() {
        let rules = shipped();
        let input = small();
        // 25 whole lines and half of the 26th
        let cut = input
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(24)
            .map(|(i, _)| i + 1)
            .expect("lines");
        let bytes = input[..cut + 300].to_vec();
        for threads in [1, 2] {
            let mut out = Vec::new();
            let error = Batch::new(&rules)
                .threads(threads)
                .chunks(10, usize::MAX)
                .check_lines(
                    BufReader::new(Failing {
                        bytes: bytes.clone(),
                        at: 0,
                    }),
                    &mut out,
                )
                .expect_err("the reader fails");
            assert!(matches!(error, BatchError::Read { .. }), "{error}");
            assert_eq!(error.done().lines, 25);
            assert_eq!(ids(&out).len(), 25);
            assert!(error.to_string().contains("after line 25"), "{error}");
        }
    }

    /// A line whose check or report panics (a bug of ereje) gets an `internal-error` report
    /// of its own, `invalid`, and the run goes on: no record is lost, none moves.
    #[test]
    fn a_panic_costs_its_line_its_check_and_loses_no_record() {
        let rules = shipped();
        let input = small();
        let lines = String::from_utf8_lossy(&input).lines().count();
        for threads in [1, 4] {
            let mut delivered = Vec::new();
            let done = Batch::new(&rules)
                .threads(threads)
                .chunks(16, usize::MAX)
                .check_lines_with(
                    input.as_slice(),
                    |number, checked| {
                        let failed = checked
                            .report
                            .findings
                            .iter()
                            .any(|f| f.code.name == "internal-error");
                        assert!(
                            number != 40 || failed,
                            "a bug while rendering line {number}"
                        );
                        (number, checked.report.verdict, failed)
                    },
                    |report| {
                        delivered.push(report);
                        Ok(())
                    },
                )
                .expect("a panic on one line does not stop the run");
            assert_eq!(done.lines, lines);
            let numbers: Vec<usize> = delivered.iter().map(|(n, _, _)| *n).collect();
            assert_eq!(numbers, (1..=lines).collect::<Vec<_>>());
            let failed: Vec<_> = delivered.iter().filter(|(_, _, f)| *f).collect();
            assert_eq!(failed, [&(40, Verdict::Invalid, true)]);
        }
    }

    /// When even the `internal-error` report of a line cannot be rendered, the run stops at
    /// that line, every line before it delivered.
    #[test]
    fn a_line_that_cannot_be_reported_at_all_stops_the_run_there() {
        let rules = shipped();
        let input = small();
        let mut delivered = Vec::new();
        let error = Batch::new(&rules)
            .threads(2)
            .chunks(16, usize::MAX)
            .check_lines_with(
                input.as_slice(),
                |number, _| {
                    assert!(number != 40, "a bug while rendering line {number}");
                    number
                },
                |number| {
                    delivered.push(number);
                    Ok(())
                },
            )
            .expect_err("line 40 panics twice");
        let BatchError::Panicked { done, message } = &error else {
            panic!("{error}");
        };
        assert_eq!(done.lines, 39);
        assert!(message.contains("line 40"), "{message}");
        assert_eq!(delivered, (1..40).collect::<Vec<_>>());
    }

    #[test]
    fn a_writer_that_fails_is_an_error_naming_the_line() {
        let rules = shipped();
        let mut written = 0;
        let error = Batch::new(&rules)
            .check_lines_with(
                small().as_slice(),
                |_, _| (),
                |()| {
                    written += 1;
                    if written > 5 {
                        Err(io::Error::other("disk full"))
                    } else {
                        Ok(())
                    }
                },
            )
            .expect_err("the sink fails");
        assert!(matches!(error, BatchError::Write { .. }), "{error}");
        assert_eq!(
            error.done(),
            Summary {
                lines: 5,
                ..error.done()
            }
        );
    }

    /// A rendering that counts how many are alive at once.
    struct Held<'a>(&'a std::sync::atomic::AtomicUsize);

    impl Drop for Held<'_> {
        fn drop(&mut self) {
            self.0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        }
    }

    #[test]
    fn a_chunk_s_reports_are_written_as_they_come_not_held_for_the_whole_chunk() {
        use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
        let rules = shipped();
        let input = small();
        let (alive, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let mut order = Vec::new();
        let summary = Batch::new(&rules)
            .threads(2)
            .chunks(2048, usize::MAX)
            .check_lines_with(
                input.as_slice(),
                |line, _| {
                    let now = alive.fetch_add(1, SeqCst) + 1;
                    most.fetch_max(now, SeqCst);
                    (line, Held(&alive))
                },
                |(line, held)| {
                    order.push(line);
                    drop(held);
                    Ok(())
                },
            )
            .expect("in memory");
        // one chunk of 1,000 lines: at most the window of blocks ahead of the writing (twice
        // the threads) and the block in each thread's hands are alive at once, a block being at
        // most 32 small lines: never the chunk
        assert_eq!(summary.lines, 1000);
        assert!(
            most.load(SeqCst) <= (2 * 2 + 2) * 32,
            "{} alive at once",
            most.load(SeqCst)
        );
        assert_eq!(order, (1..=1000).collect::<Vec<_>>());
        assert_eq!(alive.load(SeqCst), 0);
    }
}

/// After the reports, `--ndjson` says on stderr how many bundles of each verdict it checked
/// and how fast: one JSON object with `--format json`, a line in the reader's language
/// otherwise; stdout keeps one report per line.
#[test]
fn an_ndjson_run_ends_with_its_counts_per_verdict_and_its_speed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let line = |name: &str| {
        let text =
            std::fs::read_to_string(root.join("examples/bundles").join(name)).expect("bundle");
        let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        v.to_string()
    };
    let mut input = String::new();
    for _ in 0..4 {
        input.push_str(&line("pr-ok.json"));
        input.push('\n');
    }
    input.push_str(&line("pr-missing-passport.json"));
    input.push_str("\n{broken\n");
    let file = std::env::temp_dir().join(format!("ereje-summary-{}.ndjson", std::process::id()));
    std::fs::write(&file, input).expect("written");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args(["check", "--ndjson"])
            .arg(&file)
            .args(args)
            .output()
            .expect("ereje runs");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (stdout, stderr) = run(&["--format", "json"]);
    assert_eq!(stdout.lines().count(), 6);
    let summary: serde_json::Value = serde_json::from_str(stderr.trim()).expect("one JSON line");
    let s = &summary["summary"];
    assert_eq!(s["bundles"], 6);
    assert_eq!(s["verdicts"]["ok"], 4);
    assert_eq!(s["verdicts"]["incomplete"], 1);
    assert_eq!(s["verdicts"]["invalid"], 1);
    assert_eq!(s["verdicts"]["refused"], 0);
    assert!(s["seconds"].as_f64().is_some_and(|t| t > 0.0));
    assert!(s["bundles_per_second"].as_f64().is_some_and(|r| r > 0.0));
    let (_, stderr) = run(&["--lang", "ru"]);
    let closing = stderr
        .lines()
        .find(|l| l.starts_with("проверено пакетов: 6"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        closing.ends_with("4 ok, 1 incomplete, 1 invalid"),
        "{closing}"
    );
}

#[test]
fn parts_numbered_from_their_first_line_make_the_whole_run() {
    // how an archive is split across processes (docs/scale-out.md): each part checked with
    // `--first-line` at its offset gives, put back together, the bytes of one run
    let root = env!("CARGO_MANIFEST_DIR");
    let input = std::fs::read_to_string(format!("{root}/benches/data/small.ndjson")).expect("data");
    let lines: Vec<&str> = input.lines().collect();
    assert!(lines.len() > 10, "{}", lines.len());
    let run = |part: &str, first: usize| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ereje"))
            .args([
                "check",
                "--ndjson",
                "-",
                "--format",
                "json",
                "--threads",
                "2",
            ])
            .args(["--first-line", &first.to_string()])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the binary runs");
        let mut stdin = child.stdin.take().expect("stdin");
        let text = part.to_string();
        let writer = std::thread::spawn(move || {
            use std::io::Write;
            stdin.write_all(text.as_bytes()).expect("input written");
        });
        let out = child.wait_with_output().expect("it ends");
        writer.join().expect("writer");
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{:?}",
            out.status
        );
        out.stdout
    };
    let whole = run(&input, 1);
    let cuts = [0, 3, 7, lines.len()];
    let mut joined = Vec::new();
    for pair in cuts.windows(2) {
        let part: String = lines[pair[0]..pair[1]]
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        joined.extend(run(&part, pair[0] + 1));
    }
    assert_eq!(
        String::from_utf8_lossy(&joined),
        String::from_utf8_lossy(&whole)
    );
    let eighth: serde_json::Value =
        serde_json::from_slice(whole.split(|b| *b == b'\n').nth(7).expect("line 8"))
            .expect("a report");
    assert_eq!(eighth["line"], 8);
    // zero is no line number
    let zero = Command::new(env!("CARGO_BIN_EXE_ereje"))
        .args(["check", "--ndjson", "-", "--first-line", "0"])
        .output()
        .expect("the binary runs");
    assert_eq!(zero.status.code(), Some(2));
}
