//! `ereje check`: bundles in, reports out (human or JSON), exit status 0/1/2. Bundle files are
//! checked one by one; `--ndjson` goes through the library's batch engine (`crate::batch`).

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, ValueEnum};

use super::Outcome;
use super::rules::{LangArg, Shown};
use crate::batch::{Batch, BatchError, Checked, Summary};
use crate::check::{Limits, Options};
use crate::report::human::{Over, Style, render_report, summary};
use crate::report::json::report_line;
use crate::report::words::{until_known, verdict};
use crate::semantic::model::Assume;

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
    /// The line number of the first line of `--ndjson` (a part of a larger archive keeps the
    /// archive's numbers in its reports' `line`).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..))]
    pub first_line: u64,
    /// Decide a day on which an act of unknown publication may or may not have entered into
    /// force as if it had at the earliest or the latest day it can have (default: undecided,
    /// `in-force-unknown`); the report records the assumption.
    #[arg(long, value_enum, value_name = "WHEN")]
    pub assume_in_force: Option<AssumeArg>,
    /// Largest bundle (and NDJSON line) read, in MiB; a larger one is `invalid`.
    #[arg(long, value_name = "MIB", default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub max_bundle_mib: u16,
    /// Deepest nesting of a bundle's JSON, at most 128; a deeper one is `invalid`.
    #[arg(long, value_name = "LEVELS", default_value_t = 128, value_parser = clap::value_parser!(u8).range(2..=128))]
    pub max_depth: u8,
    /// Most documents in one bundle; more are `invalid`.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub max_documents: usize,
    /// Most events in one bundle; more are `invalid`.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub max_events: usize,
    /// Hide personal values (IINs, passport numbers, names, birth dates, citizenship, free
    /// text) in the reports; pointers, spans and codes stay exact (docs/personal-data.md).
    #[arg(long)]
    pub mask: bool,
}

/// When an act of unknown publication is taken to have entered into force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AssumeArg {
    /// The earliest day its record allows.
    Earliest,
    /// The latest day it can have.
    Latest,
}

impl From<AssumeArg> for Assume {
    fn from(a: AssumeArg) -> Assume {
        match a {
            AssumeArg::Earliest => Assume::Earliest,
            AssumeArg::Latest => Assume::Latest,
        }
    }
}

pub(crate) fn parse_day(text: &str) -> Result<NaiveDate, String> {
    // four-digit years only, as a report writes its days (`%Y` reads `-0001` and `+10000`)
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| (0..=9999).contains(&chrono::Datelike::year(d)) && text.len() == 10)
        .ok_or_else(|| format!("`{text}` is not a date like 2019-05-14"))
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
    let lang = args.lang.into();
    let shown = Shown {
        json: args.format == Format::Json,
        lang,
        per_file: false,
    };
    let rules = match super::rules::load(args.rules.as_ref(), shown) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let mut batch = Batch::new(&rules).options(Options {
        as_of: args.as_of,
        now: args.now,
        lang: Some(lang),
        assume_in_force: args.assume_in_force.map(Assume::from),
        limits: Limits {
            bundle_bytes: usize::from(args.max_bundle_mib) * 1024 * 1024,
            depth: usize::from(args.max_depth),
            documents: args.max_documents,
            events: args.max_events,
        },
        mask: args.mask,
    });
    if let Some(threads) = args.threads {
        batch = batch.threads(threads);
    }
    batch = batch.first_line(usize::try_from(args.first_line).unwrap_or(usize::MAX));
    let reports = Reports {
        format: args.format,
        // colour and the terminal's width on a terminal; unwrapped text for a file or a pipe
        style: Style::for_stream(std::io::stdout().is_terminal(), lang),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut done = Summary::default();
    let mut unreadable = 0;
    let most = usize::from(args.max_bundle_mib) * 1024 * 1024;
    for path in &args.bundles {
        // a byte past the limit is enough for the report to say it is too large
        match crate::source::read_bounded(path, most) {
            Ok(bytes) => {
                let checked = batch.check(&bytes);
                done.add(&checked.report);
                if let Err(e) = out.write_all(
                    reports
                        .report(&path.display().to_string(), &checked)
                        .as_bytes(),
                ) {
                    super::out::failed(&e);
                }
            }
            Err(e) => {
                eprintln!(
                    "error: cannot read bundle `{}`: {e}",
                    super::out::shown(path)
                );
                unreadable += 1;
            }
        }
    }
    if let Some(source) = &args.ndjson {
        let started = std::time::Instant::now();
        let progress = progress();
        let lines = ndjson(source, &batch, &reports, &mut out, progress.as_ref());
        if let Some(bar) = &progress {
            bar.finish_and_clear();
        }
        match lines {
            Ok(lines) => {
                let closing = match args.format {
                    Format::Json => crate::report::throughput::json(&lines, started.elapsed()),
                    Format::Human => format!(
                        "{}\n",
                        crate::report::throughput::human(&lines, started.elapsed(), lang)
                    ),
                };
                // after the reports: a reader of both streams sees the count last
                if let Err(e) = out.flush() {
                    super::out::failed(&e);
                }
                eprint!("{closing}");
                done.merge(lines);
            }
            Err(outcome) => return outcome,
        }
    }
    if let Err(e) = out.flush() {
        super::out::failed(&e);
    }
    if args.format == Format::Human {
        let over = Over::Bundles(done.lines);
        eprintln!("{}", summary(done.errors, done.warnings, over, lang));
    }
    if unreadable > 0 {
        Outcome::Failure
    } else if done.with_errors > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// A progress line on stderr when it is a terminal (a pipe or a file gets none).
fn progress() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} {human_pos} bundles checked, {per_sec}, {elapsed}",
    )
    .ok()?;
    bar.set_style(style);
    Some(bar)
}

/// Check NDJSON from a file or standard input (`-`), one report per line, in order.
fn ndjson(
    source: &str,
    batch: &Batch<'_>,
    reports: &Reports,
    out: &mut impl Write,
    progress: Option<&indicatif::ProgressBar>,
) -> Result<Summary, Outcome> {
    let tick = || {
        if let Some(bar) = progress {
            bar.inc(1);
        }
    };
    // a producer on stdin may wait for each report before it sends the next line
    if source == "-" {
        let stdin = std::io::BufReader::with_capacity(1 << 20, std::io::stdin());
        return batch
            .check_stream_with(
                stdin,
                |_, checked| reports.report(source, checked),
                |text| {
                    tick();
                    out.write_all(text.as_bytes())?;
                    out.flush()
                },
            )
            .map_err(|e| batch_failed(source, &e));
    }
    let reader = match std::fs::File::open(source) {
        Ok(f) => std::io::BufReader::with_capacity(1 << 20, f),
        Err(e) => {
            eprintln!(
                "error: cannot read `{}`: {e}",
                crate::report::escaped(source)
            );
            return Err(Outcome::Failure);
        }
    };
    batch
        .check_lines_with(
            reader,
            |_, checked| reports.report(source, checked),
            |text| {
                tick();
                out.write_all(text.as_bytes())
            },
        )
        .map_err(|e| batch_failed(source, &e))
}

/// Say why a batch stopped; the outcome of the run.
fn batch_failed(source: &str, e: &BatchError) -> Outcome {
    let source = crate::report::escaped(source);
    match e {
        BatchError::Read { done, source: why } => eprintln!(
            "error: reading `{source}` failed after line {}: {why}",
            done.lines
        ),
        BatchError::Panicked { .. } => eprintln!("error: `{source}`: {e}"),
        // a reader gone away ends the run quietly, a full disk loudly
        BatchError::Write { source: why, .. } => super::out::failed(why),
    }
    Outcome::Failure
}

/// How reports are written: the format, and for people, the style.
struct Reports {
    format: Format,
    style: Style,
}

impl Reports {
    /// One bundle's report as written to standard output: a JSON line, or for people the
    /// findings against the bundle's text and a line with the verdict (a bundle of an NDJSON
    /// file named `file:line`).
    fn report(&self, name: &str, checked: &Checked<'_>) -> String {
        let report = &checked.report;
        match self.format {
            Format::Json => report_line(report),
            Format::Human => {
                // a file name cannot end the line early or print in colour either: escaped
                // here, the one place every report's name passes (a file, an NDJSON source)
                let name = crate::report::escaped(name);
                let mut text = render_report(report, &name, &checked.text, &self.style);
                let name = match report.line {
                    Some(line) => format!("{name}:{line}"),
                    None => name.to_string(),
                };
                if report.missing_facts.is_empty() {
                    let gloss = verdict(report.verdict, self.style.lang)
                        .map_or_else(String::new, |g| format!(" — {g}"));
                    text.push_str(&format!("{name}: {}{gloss}\n\n", report.verdict.as_str()));
                } else {
                    // each missing fact with the rules that wait on it
                    let facts: Vec<String> = report
                        .missing_facts
                        .iter()
                        .map(|fact| {
                            let rules: Vec<&str> = report
                                .waiting
                                .iter()
                                .filter(|w| &w.fact == fact)
                                .flat_map(|w| w.rules.iter().map(String::as_str))
                                .collect();
                            if rules.is_empty() {
                                fact.clone()
                            } else {
                                format!("{fact} ← {}", rules.join(", "))
                            }
                        })
                        .collect();
                    text.push_str(&format!(
                        "{name}: {} ({}: {})\n\n",
                        report.verdict.as_str(),
                        until_known(self.style.lang),
                        facts.join("; ")
                    ));
                }
                text
            }
        }
    }
}
