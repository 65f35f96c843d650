//! `ereje check`: bundles in, reports out (human or JSON), exit status 0/1/2.

use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, ValueEnum};

use super::Outcome;
use super::rules::{LangArg, Shown};
use crate::RuleSet;
use crate::check::{Options, Severity};
use crate::report::human::Style;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Reports for people, with the bundle text labelled.
    Human,
    /// One JSON report per bundle and line; rule-file diagnostics as JSON lines on stderr.
    Json,
}

/// Arguments of `ereje check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Bundle files (JSON).
    pub bundles: Vec<PathBuf>,
    /// Read bundles one per line from FILE (`-` for standard input); one report line each, in order.
    #[arg(long, value_name = "FILE")]
    pub ndjson: Option<String>,
    /// Rule files folder (default: the rules shipped in the binary).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Apply the law in force on this day (YYYY-MM-DD) instead of the submission date.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub as_of: Option<NaiveDate>,
    /// Judge deadlines as of this moment (RFC 3339); without it nothing is overdue.
    #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
    pub now: Option<DateTime<FixedOffset>>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Threads for `--ndjson` (default: every core); reports keep the input's order.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date like 2019-05-14"))
}

pub(crate) fn parse_instant(text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text)
        .map_err(|_| format!("`{text}` is not a moment like 2019-05-14T10:00:00+06:00"))
}

/// Run `ereje check`.
pub fn run(args: &CheckArgs) -> Outcome {
    if args.bundles.is_empty() && args.ndjson.is_none() {
        eprintln!(
            "error: nothing to check\n\nhelp: name bundle files, e.g. `ereje check examples/bundles/pr-ok.json`, or pass `--ndjson FILE`"
        );
        return Outcome::Failure;
    }
    let shown = Shown {
        json: args.format == Format::Json,
        lang: args.lang.into(),
    };
    let rules = match super::rules::load(args.rules.as_ref(), shown) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let options = Options {
        as_of: args.as_of,
        now: args.now,
        lang: Some(args.lang.into()),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let job = Job {
        rules: &rules,
        options: &options,
        format: args.format,
        // colour and the terminal's width on a terminal; unwrapped text for a file or a pipe
        style: Style::for_stream(std::io::stdout().is_terminal(), args.lang.into()),
    };
    let mut tally = Tally::default();
    for path in &args.bundles {
        match std::fs::read(path) {
            Ok(bytes) => {
                let done = job.one(&path.display().to_string(), &bytes);
                if tally.write(&mut out, &done).is_err() {
                    return Outcome::Failure;
                }
            }
            Err(e) => {
                eprintln!("error: cannot read bundle `{}`: {e}", path.display());
                tally.unreadable += 1;
            }
        }
    }
    if let Some(source) = &args.ndjson {
        let threads = args
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
            .max(1);
        if let Err(outcome) = ndjson(source, &job, threads, &mut out, &mut tally) {
            return outcome;
        }
    }
    if out.flush().is_err() {
        return Outcome::Failure;
    }
    if args.format == Format::Human {
        eprintln!("{}", tally.summary());
    }
    if tally.unreadable > 0 {
        Outcome::Failure
    } else if tally.with_errors > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// Lines read and checked together: enough to keep every core busy, few enough that memory
/// stays flat on an input of any length.
const CHUNK_LINES: usize = 2048;

/// Read NDJSON in chunks, check each chunk's lines on `threads` threads, and write the reports
/// in input order: exactly one report per line, whatever the line holds.
fn ndjson(
    source: &str,
    job: &Job<'_>,
    threads: usize,
    out: &mut impl Write,
    tally: &mut Tally,
) -> Result<(), Outcome> {
    let mut reader: Box<dyn BufRead> = if source == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(source) {
            Ok(f) => Box::new(std::io::BufReader::with_capacity(1 << 20, f)),
            Err(e) => {
                eprintln!("error: cannot read `{source}`: {e}");
                return Err(Outcome::Failure);
            }
        }
    };
    let mut number = 0usize;
    loop {
        let mut chunk: Vec<Vec<u8>> = Vec::with_capacity(CHUNK_LINES);
        let mut finished = false;
        while chunk.len() < CHUNK_LINES {
            let mut line = Vec::new();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => {
                    finished = true;
                    break;
                }
                Ok(_) => {
                    while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                        line.pop();
                    }
                    chunk.push(line);
                }
                Err(e) => {
                    eprintln!(
                        "error: reading `{source}` failed after line {}: {e}",
                        number + chunk.len()
                    );
                    return Err(Outcome::Failure);
                }
            }
        }
        let first = number + 1;
        number += chunk.len();
        let check_line =
            |offset: usize, line: &Vec<u8>| job.one(&format!("{source}:{}", first + offset), line);
        let done: Vec<Done> = if threads <= 1 || chunk.len() < 2 {
            chunk
                .iter()
                .enumerate()
                .map(|(i, l)| check_line(i, l))
                .collect()
        } else {
            let per = chunk.len().div_ceil(threads);
            std::thread::scope(|scope| {
                let handles: Vec<_> = chunk
                    .chunks(per)
                    .enumerate()
                    .map(|(k, part)| {
                        let check_line = &check_line;
                        scope.spawn(move || {
                            part.iter()
                                .enumerate()
                                .map(|(i, l)| check_line(k * per + i, l))
                                .collect::<Vec<Done>>()
                        })
                    })
                    .collect();
                // a worker that panicked would lose lines: refuse to go on rather than skip them
                handles
                    .into_iter()
                    .map(|h| h.join().map_err(|_| Outcome::Failure))
                    .collect::<Result<Vec<_>, _>>()
            })?
            .into_iter()
            .flatten()
            .collect()
        };
        for d in &done {
            if tally.write(out, d).is_err() {
                return Err(Outcome::Failure);
            }
        }
        if finished {
            return Ok(());
        }
    }
}

/// What checking needs, shared by every thread.
struct Job<'a> {
    rules: &'a RuleSet,
    options: &'a Options,
    format: Format,
    style: Style,
}

/// One bundle's rendered report and its counts.
struct Done {
    text: String,
    errors: usize,
    warnings: usize,
}

impl Job<'_> {
    /// Check one bundle and render its report. Bytes that are not UTF-8 get an `invalid`
    /// report; the text shown is their lossy reading.
    fn one(&self, name: &str, bytes: &[u8]) -> Done {
        // validate the encoding once: only text that is not UTF-8 takes the slow lossy reading
        let (mut report, text) = match std::str::from_utf8(bytes) {
            Ok(text) => (
                self.rules.check(text, self.options),
                std::borrow::Cow::Borrowed(text),
            ),
            Err(_) => (
                self.rules.check_bytes(bytes, self.options),
                String::from_utf8_lossy(bytes),
            ),
        };
        let text: &str = &text;
        crate::report::spans::fill(&mut report, text);
        let errors = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = report.findings.len() - errors;
        let text = match self.format {
            Format::Json => {
                let mut line = serde_json::to_string(&report).unwrap_or_else(|e| {
                    format!("{{\"id\":null,\"verdict\":\"invalid\",\"error\":\"report not serializable: {e}\"}}")
                });
                line.push('\n');
                line
            }
            Format::Human => {
                let mut rendered =
                    crate::report::human::render_report(&report, name, text, &self.style);
                if report.missing_facts.is_empty() {
                    rendered.push_str(&format!("{name}: {}\n\n", report.verdict.as_str()));
                } else {
                    let until = crate::report::words::until_known(self.style.lang);
                    rendered.push_str(&format!(
                        "{name}: {} ({until}: {})\n\n",
                        report.verdict.as_str(),
                        report.missing_facts.join(", ")
                    ));
                }
                rendered
            }
        };
        Done {
            text,
            errors,
            warnings,
        }
    }
}

#[derive(Default)]
struct Tally {
    bundles: usize,
    with_errors: usize,
    unreadable: usize,
    errors: usize,
    warnings: usize,
}

impl Tally {
    fn write(&mut self, out: &mut impl Write, done: &Done) -> std::io::Result<()> {
        self.bundles += 1;
        self.errors += done.errors;
        self.warnings += done.warnings;
        if done.errors > 0 {
            self.with_errors += 1;
        }
        out.write_all(done.text.as_bytes())
    }

    fn summary(&self) -> String {
        let bundles = if self.bundles == 1 {
            String::from("1 bundle")
        } else {
            format!("{} bundles", self.bundles)
        };
        crate::report::human::summary(self.errors, self.warnings, &bundles)
    }
}
