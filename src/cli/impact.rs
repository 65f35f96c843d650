//! `ereje impact --rules NEW [--base-rules OLD] --ndjson FILE`: replay an archive of bundles
//! under two rule sets and say what flips (verdicts, findings added and removed, by element of
//! the law), for people, as JSON or as Markdown for a comment on the change. Exit status 0
//! when nothing flips, 1 when something does, 2 when the job cannot be done. The work is the
//! library's (`crate::impact`).

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, ValueEnum};

use super::Outcome;
use super::check::AssumeArg;
use super::rules::{LangArg, Shown};
use crate::batch::BatchError;
use crate::check::Options;
use crate::impact::{DEFAULT_SAMPLES, Replay, render};
use crate::semantic::model::Assume;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A summary for people.
    Human,
    /// One JSON document (docs/impact.md, docs/impact.schema.json).
    Json,
    /// Markdown for a comment on a change of the rules: a table of verdict flips, then a
    /// section per rule, long lists cut.
    Markdown,
}

/// Arguments of `ereje impact`.
#[derive(Debug, Args)]
pub struct ImpactArgs {
    /// The changed rule files' folder.
    #[arg(long, value_name = "NEW_DIR")]
    pub rules: PathBuf,
    /// The rule files compared against (default: the rules shipped in the binary, as `check`
    /// uses without `--rules`).
    #[arg(long, value_name = "OLD_DIR")]
    pub base_rules: Option<PathBuf>,
    /// The archive: bundles one per line (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub ndjson: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Apply the law in force on this day (YYYY-MM-DD) to every bundle, under both rule sets.
    #[arg(long, value_name = "DATE", value_parser = super::check::parse_day)]
    pub as_of: Option<NaiveDate>,
    /// Judge deadlines as of this moment (RFC 3339); without it nothing is overdue.
    #[arg(long, value_name = "INSTANT", value_parser = super::check::parse_instant)]
    pub now: Option<DateTime<FixedOffset>>,
    /// Threads (default: every core); the result is the same on any number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Bundles named per count (the first ones, by line).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_SAMPLES)]
    pub samples: usize,
    /// Decide a day in the window of an act of unknown entry into force as if it had entered
    /// into force at the earliest or the latest day it can have (as `check`), under both.
    #[arg(long, value_enum, value_name = "WHEN")]
    pub assume_in_force: Option<AssumeArg>,
    /// Language of the rule files' diagnostics and of the human and Markdown impact.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

/// Run `ereje impact`.
pub fn run(args: &ImpactArgs) -> Outcome {
    let shown = Shown {
        json: args.format == Format::Json,
        lang: args.lang.into(),
        per_file: false,
    };
    let base = match super::rules::load(args.base_rules.as_ref(), shown) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let new = match super::rules::load(Some(&args.rules), shown) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let base_name = args
        .base_rules
        .as_ref()
        .map_or_else(|| String::from("shipped"), |p| p.display().to_string());
    let mut replay = Replay::new(&base, &new)
        .names(base_name, args.rules.display().to_string())
        .samples(args.samples)
        .options(Options {
            as_of: args.as_of,
            now: args.now,
            assume_in_force: args.assume_in_force.map(Assume::from),
            ..Options::default()
        });
    if let Some(threads) = args.threads {
        replay = replay.threads(threads);
    }
    let source = &args.ndjson;
    let replayed = if source == "-" {
        replay.replay(std::io::BufReader::with_capacity(1 << 20, std::io::stdin()))
    } else {
        match std::fs::File::open(source) {
            Ok(f) => replay.replay(std::io::BufReader::with_capacity(1 << 20, f)),
            Err(e) => {
                eprintln!(
                    "error: cannot read `{}`: {e}",
                    crate::report::escaped(source)
                );
                return Outcome::Failure;
            }
        }
    };
    let impact = match replayed {
        Ok(impact) => impact,
        Err(e) => {
            let source = crate::report::escaped(source);
            match &e {
                BatchError::Read { done, source: why } => eprintln!(
                    "error: reading `{source}` failed after line {}: {why}",
                    done.lines
                ),
                _ => eprintln!("error: `{source}`: {e}"),
            }
            return Outcome::Failure;
        }
    };
    super::out::put(&match args.format {
        Format::Human => render::human::render(&impact, shown.lang),
        Format::Json => render::json::render(&impact),
        Format::Markdown => render::markdown::render(&impact, shown.lang),
    });
    if impact.flips() {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
