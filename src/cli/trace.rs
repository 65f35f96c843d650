//! `ereje trace BUNDLE`: the derivation for one bundle — each requirement, ground and step
//! the checker decided, on which facts, what each concluded, the exemption that applied and
//! the law in force — for people, as JSON, or as one printable HTML page. The work is the
//! library's (`crate::trace`); exit status as `check` gives for one bundle.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, ValueEnum};

use super::Outcome;
use super::check::AssumeArg;
use super::out::say;
use super::rules::{LangArg, Shown};
use crate::check::Options;
use crate::semantic::model::Assume;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Indented text for people.
    Human,
    /// One JSON object (docs/trace.md).
    Json,
    /// One self-contained HTML page, to print.
    Html,
}

/// Arguments of `ereje trace`.
#[derive(Debug, Args)]
pub struct TraceArgs {
    /// The bundle (JSON).
    pub bundle: PathBuf,
    /// Rule files folder (default: the rules shipped in the binary).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Apply the law in force on this day (YYYY-MM-DD) instead of the submission date.
    #[arg(long, value_name = "DATE", value_parser = super::check::parse_day)]
    pub as_of: Option<NaiveDate>,
    /// Judge deadlines as of this moment (RFC 3339); without it nothing is overdue.
    #[arg(long, value_name = "INSTANT", value_parser = super::check::parse_instant)]
    pub now: Option<DateTime<FixedOffset>>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Language of the words.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Decide a day in the window of an act of unknown entry into force as if it had entered
    /// into force at the earliest or the latest day it can have (as `check`).
    #[arg(long, value_enum, value_name = "WHEN")]
    pub assume_in_force: Option<AssumeArg>,
    /// Hide personal values in the trace (its facts and the findings' messages); pointers
    /// and codes stay exact (docs/personal-data.md).
    #[arg(long)]
    pub mask: bool,
}

/// Run `ereje trace`.
pub fn run(args: &TraceArgs) -> Outcome {
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
    let options = Options {
        as_of: args.as_of,
        now: args.now,
        lang: Some(lang),
        assume_in_force: args.assume_in_force.map(Assume::from),
        mask: args.mask,
        ..Options::default()
    };
    // a byte past the limit is enough for the trace to say the bundle is too large
    let bytes = match crate::source::read_bounded(&args.bundle, options.limits.bundle_bytes) {
        Ok(b) => b,
        Err(e) => {
            eprintln!(
                "error: cannot read bundle `{}`: {e}",
                super::out::shown(&args.bundle)
            );
            return Outcome::Failure;
        }
    };
    let trace = crate::trace::trace(&rules, &bytes, &options);
    let name = args.bundle.display().to_string();
    match args.format {
        Format::Human => super::out::put(&crate::trace::human::render(&trace, &name)),
        Format::Json => say!("{}", crate::trace::json(&trace)),
        Format::Html => super::out::put(&crate::trace::html::render(&trace, &name)),
    }
    if trace.has_errors() {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
