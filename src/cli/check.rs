//! `ereje check`: bundles in, reports out (human or JSON), exit status 0/1/2.

use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, ValueEnum};

use super::Outcome;
use crate::RuleSet;
use crate::check::{Options, Report, Severity};
use crate::syntax::ast::Lang;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Reports for people, with the bundle text labelled.
    Human,
    /// One JSON report per bundle, one per line.
    Json,
}

/// Languages of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Kazakh.
    Kk,
    /// Russian.
    Ru,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Kk => Lang::Kk,
            LangArg::Ru => Lang::Ru,
            LangArg::En => Lang::En,
        }
    }
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
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date like 2019-05-14"))
}

pub(crate) fn parse_instant(text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text)
        .map_err(|_| format!("`{text}` is not a moment like 2019-05-14T10:00:00+06:00"))
}

/// Load the rule set named by `--rules`, or the shipped one.
pub(crate) fn load_rules(rules: Option<&PathBuf>) -> Result<RuleSet, Outcome> {
    let loaded = match rules {
        Some(dir) => RuleSet::load(dir),
        None => RuleSet::shipped(),
    };
    loaded.map_err(|d| {
        super::print_diagnostics(&d, std::io::stderr().is_terminal());
        Outcome::Failure
    })
}

/// Run `ereje check`.
pub fn run(args: &CheckArgs) -> Outcome {
    if args.bundles.is_empty() && args.ndjson.is_none() {
        eprintln!(
            "error: nothing to check\n\nhelp: name bundle files, e.g. `ereje check examples/bundles/pr-ok.json`, or pass `--ndjson FILE`"
        );
        return Outcome::Failure;
    }
    let rules = match load_rules(args.rules.as_ref()) {
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
    let color = std::io::stdout().is_terminal();
    let mut tally = Tally::default();
    for path in &args.bundles {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let report = rules.check(&text, &options);
                if emit(
                    &mut out,
                    args.format,
                    &rules,
                    &path.display().to_string(),
                    &text,
                    report,
                    color,
                    &mut tally,
                )
                .is_err()
                {
                    return Outcome::Failure;
                }
            }
            Err(e) => {
                eprintln!("error: cannot read bundle `{}`: {e}", path.display());
                tally.unreadable += 1;
            }
        }
    }
    if let Some(source) = &args.ndjson
        && let Err(outcome) = ndjson(
            source,
            &rules,
            &options,
            args.format,
            &mut out,
            color,
            &mut tally,
        )
    {
        return outcome;
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

fn ndjson(
    source: &str,
    rules: &RuleSet,
    options: &Options,
    format: Format,
    out: &mut impl Write,
    color: bool,
    tally: &mut Tally,
) -> Result<(), Outcome> {
    let reader: Box<dyn BufRead> = if source == "-" {
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
    let mut line = Vec::new();
    let mut reader = reader;
    let mut number = 0usize;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("error: reading `{source}` failed after line {number}: {e}");
                return Err(Outcome::Failure);
            }
        }
        number += 1;
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        // a line that is not UTF-8 still yields its report: the JSON parser rejects it
        let text = match std::str::from_utf8(&line) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => String::from_utf8_lossy(&line),
        };
        let report = rules.check(&text, options);
        let name = format!("{source}:{number}");
        if emit(out, format, rules, &name, &text, report, color, tally).is_err() {
            return Err(Outcome::Failure);
        }
    }
    Ok(())
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
    fn summary(&self) -> String {
        let bundles = if self.bundles == 1 {
            String::from("1 bundle")
        } else {
            format!("{} bundles", self.bundles)
        };
        crate::report::human::summary(self.errors, self.warnings, &bundles)
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "rendering needs the rule set, the text and the output state"
)]
fn emit(
    out: &mut impl Write,
    format: Format,
    rules: &RuleSet,
    name: &str,
    text: &str,
    mut report: Report,
    color: bool,
    tally: &mut Tally,
) -> std::io::Result<()> {
    tally.bundles += 1;
    if report.has_errors() {
        tally.with_errors += 1;
    }
    tally.errors += report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    tally.warnings += report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    crate::report::spans::fill(&mut report, text);
    match format {
        Format::Json => {
            serde_json::to_writer(&mut *out, &report).map_err(std::io::Error::other)?;
            out.write_all(b"\n")
        }
        Format::Human => {
            let rendered = crate::report::human::render_report(&report, rules, name, text, color);
            out.write_all(rendered.as_bytes())?;
            if report.missing_facts.is_empty() {
                writeln!(out, "{name}: {}\n", report.verdict.as_str())
            } else {
                writeln!(
                    out,
                    "{name}: {} (undecided until these facts are known: {})\n",
                    report.verdict.as_str(),
                    report.missing_facts.join(", ")
                )
            }
        }
    }
}
