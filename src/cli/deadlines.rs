//! `ereje deadlines BUNDLE`: the timeline of a bundle — each step's actor, due time, actual
//! time, status and how late, readable at a glance; `--format json` gives the report's
//! `deadlines` array.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use clap::{Args, ValueEnum};

use super::Outcome;
use super::out::say;
use super::rules::{LangArg, Shown};
use crate::check::{DeadlineStatus, Lateness, Options, Verdict};
use crate::report::words::{late_by, timeline};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people.
    Human,
    /// The `deadlines` array of the report.
    Json,
}

/// Arguments of `ereje deadlines`.
#[derive(Debug, Args)]
pub struct DeadlinesArgs {
    /// The bundle (JSON).
    pub bundle: PathBuf,
    /// Judge open steps as of this moment (RFC 3339): past their due time they are overdue.
    #[arg(long, value_name = "INSTANT", value_parser = super::check::parse_instant)]
    pub now: Option<DateTime<FixedOffset>>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Rule files folder (default: the shipped rules).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Language of the rule files' diagnostics.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

/// Run `ereje deadlines`.
pub fn run(args: &DeadlinesArgs) -> Outcome {
    let shown = Shown {
        json: args.format == Format::Json,
        lang: args.lang.into(),
        per_file: false,
    };
    let rules = match super::rules::load(args.rules.as_ref(), shown) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let options = Options {
        now: args.now,
        ..Options::default()
    };
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
    let report = rules.check_bytes(&bytes, &options);
    let lang = shown.lang;
    let words = timeline(lang);
    if matches!(report.verdict, Verdict::Invalid | Verdict::NotApplicable) {
        let why = words
            .no_timeline
            .replace("{verdict}", report.verdict.as_str());
        eprintln!(
            "error: `{}` {why}\n\nhelp: {} `ereje check --lang {} {}`",
            super::out::shown(&args.bundle),
            words.see_why,
            lang.tag(),
            super::out::shown(&args.bundle)
        );
        return Outcome::Findings;
    }
    let late = report
        .deadlines
        .iter()
        .any(|d| matches!(d.status, DeadlineStatus::Late | DeadlineStatus::Overdue));
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&report.deadlines) {
            Ok(t) => say!("{t}"),
            Err(_) => return Outcome::Failure,
        },
        Format::Human => {
            say!(
                "{} — {} {} {}{}",
                super::out::shown(&args.bundle),
                report.service.as_deref().unwrap_or(""),
                words.submitted,
                report.submitted_at.as_deref().unwrap_or(""),
                args.now
                    .map(|n| format!(", {} {n}", words.as_of))
                    .unwrap_or_default()
            );
            let [step, actor, due, actual, status, late_head] = words.columns;
            say!(
                "{} {} {} {} {} {late_head}",
                pad(step, 26),
                pad(actor, 22),
                pad(due, 26),
                pad(actual, 26),
                pad(status, 12)
            );
            for d in &report.deadlines {
                let status = words.statuses[match d.status {
                    DeadlineStatus::OnTime => 0,
                    DeadlineStatus::Late => 1,
                    DeadlineStatus::Overdue => 2,
                    DeadlineStatus::Open => 3,
                    DeadlineStatus::Done => 4,
                }];
                let late = match (d.late_calendar_days, d.late_working_days, d.late_seconds) {
                    (Some(calendar_days), working_days, seconds) => late_by(
                        Lateness {
                            calendar_days,
                            working_days,
                            seconds,
                        },
                        lang,
                    ),
                    _ => String::new(),
                };
                let row = format!(
                    "{} {} {} {} {} {late}",
                    pad(&d.step, 26),
                    pad(d.actor.as_deref().unwrap_or("—"), 22),
                    pad(d.due.as_deref().unwrap_or("—"), 26),
                    pad(d.at.as_deref().unwrap_or("—"), 26),
                    pad(status, 12)
                );
                say!("{}", row.trim_end());
            }
        }
    }
    if late {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// `text` and spaces after it to `width` characters (Cyrillic counts as one each).
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}
