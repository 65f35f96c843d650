//! `ereje serve` over a real loopback socket, as an intake system calls it: every endpoint,
//! refusals in the report's shape, oversized and deeply nested bodies, a slow client, a full
//! house, a reload with broken rules under load, and SIGTERM in the middle of a batch with
//! nothing lost. The client is a few lines over `TcpStream`, so a test can send a request
//! byte by byte or stop halfway.

use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::serve_client::{Server, answer, head, read};

fn bundle(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/bundles")
            .join(name),
    )
    .expect("example bundle")
}

/// A bundle on one line.
fn line_of(name: &str) -> String {
    let v: Value = serde_json::from_slice(&bundle(name)).expect("JSON");
    v.to_string()
}

const JSON: (&str, &str) = ("Content-Type", "application/json");
const NDJSON: (&str, &str) = ("Content-Type", "application/x-ndjson");

#[test]
fn a_bundle_gets_its_report_in_the_language_asked_with_the_rules_version() {
    let server = Server::start("check", &[]);
    let ok = server.call("POST", "/v1/check", &[JSON], &bundle("pr-ok.json"));
    assert_eq!(ok.status, 200);
    let report = ok.json();
    assert_eq!(report["verdict"], "ok");
    let version = ok.header("x-ereje-rules-version").expect("version header");
    assert!(version.starts_with("sha256:"));
    assert_eq!(report["rules_version"], version);
    // a bundle with findings is still 200: the report is the answer
    let missing = server.call(
        "POST",
        "/v1/check",
        &[JSON, ("Accept-Language", "kk-KZ, ru;q=0.5")],
        &bundle("pr-missing-passport.json"),
    );
    assert_eq!(missing.status, 200);
    let report = missing.json();
    assert_eq!(report["verdict"], "incomplete");
    let message = report["findings"][0]["message"].as_str().expect("message");
    let english = server
        .call(
            "POST",
            "/v1/check",
            &[JSON],
            &bundle("pr-missing-passport.json"),
        )
        .json();
    assert_ne!(
        message, english["findings"][0]["message"],
        "worded in Kazakh"
    );
    // ?lang= wins over the header, and ?as_of= is the checker's
    let ru = server
        .call(
            "POST",
            "/v1/check?lang=ru&as_of=2019-05-14",
            &[JSON, ("Accept-Language", "kk")],
            &bundle("pr-missing-passport.json"),
        )
        .json();
    assert!(
        ru["findings"][0]["message"]
            .as_str()
            .is_some_and(|m| m.chars().any(|c| ('а'..='я').contains(&c))),
        "{ru}"
    );
    // an unreadable bundle is the checker's `invalid` report, still 200
    let broken = server.call("POST", "/v1/check", &[JSON], b"{\"service\": ");
    assert_eq!(broken.status, 200);
    assert_eq!(broken.json()["verdict"], "invalid");
    assert_eq!(broken.json()["findings"][0]["code"], "invalid-input");
}

/// A request and the status it gets: method, path, headers, body, status.
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)], &'a [u8], u16);

#[test]
fn refusals_are_reports_with_their_status() {
    let server = Server::start("refusals", &[]);
    let cases: [Case; 5] = [
        ("GET", "/v1/nothing", &[], b"", 404),
        ("GET", "/v1/check", &[], b"", 405),
        (
            "POST",
            "/v1/check",
            &[("Content-Type", "text/html")],
            b"{}",
            415,
        ),
        ("POST", "/v1/check?as_of=yesterday", &[JSON], b"{}", 400),
        ("POST", "/v1/check?color=red", &[JSON], b"{}", 400),
    ];
    for (method, path, headers, body, status) in cases {
        let answer = server.call(method, path, headers, body);
        assert_eq!(answer.status, status, "{method} {path}");
        let report = answer.json();
        assert_eq!(report["verdict"], "invalid");
        assert_eq!(report["findings"][0]["code"], "request-rejected");
        assert!(answer.header("x-ereje-rules-version").is_some());
    }
    let wrong = server.get("/v1/check");
    assert_eq!(wrong.header("allow"), Some("POST"));
}

#[test]
fn a_batch_streams_one_report_per_line_in_order() {
    let server = Server::start("batch", &["--threads", "2"]);
    let names = [
        "pr-ok.json",
        "pr-missing-passport.json",
        "pr-refused-illegal-entry.json",
    ];
    let mut body = String::new();
    let mut expected = Vec::new();
    for i in 0..300 {
        if i % 97 == 13 {
            body.push_str("{not json\n");
            expected.push("invalid".to_string());
        } else {
            let name = names[i % names.len()];
            body.push_str(&line_of(name));
            body.push('\n');
            let single = server
                .call("POST", "/v1/check", &[JSON], &bundle(name))
                .json();
            expected.push(single["verdict"].as_str().expect("verdict").to_string());
        }
    }
    let answer = server.call("POST", "/v1/check/batch", &[NDJSON], body.as_bytes());
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-type"), Some("application/x-ndjson"));
    let reports = answer.lines();
    assert_eq!(reports.len(), 300);
    for (i, (report, verdict)) in reports.iter().zip(&expected).enumerate() {
        assert_eq!(report["line"], i + 1);
        assert_eq!(&report["verdict"], verdict.as_str(), "line {}", i + 1);
    }
    let refused = server.call("POST", "/v1/check/batch", &[JSON], body.as_bytes());
    assert_eq!(refused.status, 415);
}

#[test]
fn services_and_probes_answer() {
    let server = Server::start("services", &[]);
    let services = server.get("/v1/services");
    assert_eq!(services.status, 200);
    let list = services.json();
    let all = list["services"].as_array().expect("services");
    let pr = all
        .iter()
        .find(|s| s["id"] == "kz.mvd.permanent_residence")
        .expect("the permanent residence service");
    for lang in ["kk", "ru", "en"] {
        assert!(
            pr["titles"][lang].as_str().is_some_and(|t| !t.is_empty()),
            "{lang}"
        );
    }
    assert!(pr["in_force"]["from"].is_string());
    assert!(pr["channels"].as_array().is_some_and(|c| !c.is_empty()));
    assert_eq!(server.get("/healthz").json()["status"], "ok");
    let ready = server.get("/readyz");
    assert_eq!(ready.status, 200);
    assert_eq!(ready.json()["status"], "ready");
    assert_eq!(ready.json()["rules"], "embedded");
}

#[test]
fn oversized_and_deeply_nested_bodies_are_refused_clearly() {
    let server = Server::start("limits", &["--max-bundle-mib", "1"]);
    let big = vec![b' '; 2 * 1024 * 1024];
    let answer = server.call("POST", "/v1/check", &[JSON], &big);
    assert_eq!(answer.status, 413);
    assert_eq!(answer.json()["findings"][0]["code"], "request-rejected");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let answer = server.call("POST", "/v1/check", &[JSON], deep.as_bytes());
    assert_eq!(answer.status, 200);
    let report = answer.json();
    assert_eq!(report["verdict"], "invalid");
    assert_eq!(report["findings"][0]["code"], "invalid-input");
    // the server is still there
    assert_eq!(server.get("/healthz").status, 200);
}

#[test]
fn a_slow_client_is_timed_out_without_holding_up_others() {
    let server = Server::start("slow", &["--timeout", "1"]);
    let body = bundle("pr-ok.json");
    let mut slow = server.connect();
    slow.write_all(&head("POST", "/v1/check", &[JSON], Some(body.len())))
        .expect("head");
    slow.write_all(&body[..10]).expect("a little");
    // meanwhile another client is served at once
    let started = Instant::now();
    let quick = server.call("POST", "/v1/check", &[JSON], &body);
    assert_eq!(quick.status, 200);
    assert!(started.elapsed() < Duration::from_millis(900));
    let late = answer(&mut slow);
    assert_eq!(late.status, 408);
    assert_eq!(late.json()["findings"][0]["code"], "request-rejected");
}

#[test]
fn a_full_house_says_busy_and_probes_still_answer() {
    let server = Server::start(
        "busy",
        &["--timeout", "5", "--concurrency", "1", "--queue-ms", "200"],
    );
    let body = bundle("pr-ok.json");
    // the one place is held by a client that sends its body slowly
    let mut holder = server.connect();
    holder
        .write_all(&head("POST", "/v1/check", &[JSON], Some(body.len())))
        .expect("head");
    std::thread::sleep(Duration::from_millis(100));
    let turned_away = server.call("POST", "/v1/check", &[JSON], &body);
    assert_eq!(turned_away.status, 503);
    assert!(turned_away.header("retry-after").is_some());
    assert_eq!(server.get("/readyz").status, 200);
    drop(holder);
}

#[test]
fn a_reload_with_broken_rules_keeps_serving_the_old_ones_under_load() {
    let dir = std::env::temp_dir().join(format!("ereje-serve-rules-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"), &dir);
    let dir_arg = dir.to_string_lossy().to_string();
    let server = Server::start("reload", &["--rules", &dir_arg]);
    let before = server.get("/readyz").json()["rules_version"].clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let load = {
        let addr = server.addr.clone();
        let stop = std::sync::Arc::clone(&stop);
        std::thread::spawn(move || {
            let body = bundle("pr-ok.json");
            let mut answers = Vec::new();
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let mut s = TcpStream::connect(&addr).expect("connects");
                s.write_all(&head("POST", "/v1/check", &[JSON], Some(body.len())))
                    .expect("head");
                s.write_all(&body).expect("body");
                let a = answer(&mut s);
                answers.push((a.status, a.json()["verdict"].clone()));
            }
            answers
        })
    };
    let file = first_rule_file(&dir);
    let good = std::fs::read_to_string(&file).expect("rule file");
    std::fs::write(&file, format!("{good}\nservice {{ broken")).expect("broken");
    server.signal("HUP");
    let ready = wait_for(&server, |r| r["last_reload"]["ok"] == false);
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["rules_version"], before, "the old rules serve on");
    assert!(
        ready["last_reload"]["errors"]
            .as_array()
            .is_some_and(|e| !e.is_empty())
    );
    // now a good change: the new rules are taken
    std::fs::write(&file, format!("{good}\n// reloaded\n")).expect("fixed");
    server.signal("HUP");
    let ready = wait_for(&server, |r| r["last_reload"]["ok"] == true);
    assert_ne!(ready["rules_version"], before);
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let answers = load.join().expect("load thread");
    assert!(answers.len() > 3, "{}", answers.len());
    assert!(
        answers.iter().all(|(s, v)| *s == 200 && v == "ok"),
        "{answers:?}"
    );
    let log = read(&server.log);
    assert!(
        log.lines()
            .any(|l| l.contains("\"event\":\"reload\"") && l.contains("\"ok\":false"))
    );
}

#[test]
fn sigterm_mid_batch_finishes_it_and_loses_nothing() {
    let mut server = Server::start("term", &[]);
    let line = line_of("pr-ok.json");
    let mut s = server.connect();
    s.write_all(&head(
        "POST",
        "/v1/check/batch",
        &[NDJSON, ("Transfer-Encoding", "chunked")],
        None,
    ))
    .expect("head");
    let chunk = |s: &mut TcpStream, text: &str| {
        s.write_all(format!("{:x}\r\n{text}\r\n", text.len()).as_bytes())
            .expect("chunk");
    };
    for _ in 0..50 {
        chunk(&mut s, &format!("{line}\n"));
    }
    std::thread::sleep(Duration::from_millis(200));
    server.signal("TERM");
    std::thread::sleep(Duration::from_millis(200));
    for _ in 0..50 {
        chunk(&mut s, &format!("{line}\n"));
    }
    s.write_all(b"0\r\n\r\n").expect("end");
    let answer = answer(&mut s);
    let reports = answer.lines();
    assert_eq!(reports.len(), 100, "every line answered");
    assert!(
        reports
            .iter()
            .enumerate()
            .all(|(i, r)| r["line"] == i + 1 && r["verdict"] == "ok")
    );
    assert_eq!(server.wait(Duration::from_secs(10)), Some(0));
    assert!(
        TcpStream::connect(&server.addr).is_err(),
        "no longer listening"
    );
}

#[test]
fn the_request_log_is_one_json_line_per_request_without_personal_data() {
    let server = Server::start("log", &[]);
    let body = bundle("pr-ok.json");
    let text = String::from_utf8_lossy(&body).to_string();
    let a = server.call(
        "POST",
        "/v1/check",
        &[JSON, ("X-Request-Id", "intake-42")],
        &body,
    );
    assert_eq!(a.header("x-request-id"), Some("intake-42"));
    let b = server.get("/v1/nothing/with/secret-AB1234567");
    let generated = b.header("x-request-id").expect("an id").to_string();
    drop(server);
    let log = read(
        &Path::new(&std::env::temp_dir())
            .join(format!("ereje-serve-{}-log/stderr.log", std::process::id())),
    );
    let lines: Vec<Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let first = lines
        .iter()
        .find(|l| l["request_id"] == "intake-42")
        .expect("logged");
    assert_eq!(first["route"], "/v1/check");
    assert_eq!(first["status"], 200);
    assert_eq!(first["verdict"], "ok");
    let second = lines
        .iter()
        .find(|l| l["request_id"] == generated.as_str())
        .expect("logged");
    assert_eq!(second["route"], "(no route)");
    assert!(!log.contains("secret-AB1234567"));
    // nothing of the bundle: no number, no name, no date of birth
    let v: Value = serde_json::from_str(&text).expect("JSON");
    for needle in [&v["documents"][0]["number"], &v["applicant"]["birth_date"]] {
        if let Some(n) = needle.as_str() {
            assert!(!log.contains(n), "{n} in the log");
        }
    }
}

fn wait_for(server: &Server, ready: impl Fn(&Value) -> bool) -> Value {
    let until = Instant::now() + Duration::from_secs(60);
    loop {
        let r = server.get("/readyz").json();
        if ready(&r) || Instant::now() > until {
            return r;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn first_rule_file(dir: &Path) -> PathBuf {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&d)
            .expect("dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "ereje") {
                return p;
            }
        }
    }
    panic!("no rule file");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir");
    for e in std::fs::read_dir(from).expect("dir").flatten() {
        let p = e.path();
        let target = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, &target).expect("copied");
        }
    }
}
