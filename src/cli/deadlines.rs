//! `ereje deadlines BUNDLE`: the timeline of a bundle — each step's actor, due time, actual
//! time, status and how late, readable at a glance; `--format json` gives the report's
//! `deadlines` array.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use clap::{Args, ValueEnum};

use super::Outcome;
use super::rules::{LangArg, Shown};
use crate::check::{DeadlineStatus, Options, Verdict};

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
    };
    let rules = match super::rules::load(args.rules.as_ref(), shown) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let text = match std::fs::read_to_string(&args.bundle) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read bundle `{}`: {e}", args.bundle.display());
            return Outcome::Failure;
        }
    };
    let report = rules.check(
        &text,
        &Options {
            now: args.now,
            ..Options::default()
        },
    );
    if matches!(report.verdict, Verdict::Invalid | Verdict::NotApplicable) {
        eprintln!(
            "error: `{}` is {}: no timeline can be computed\n\nhelp: run `ereje check {}` to see why",
            args.bundle.display(),
            report.verdict.as_str(),
            args.bundle.display()
        );
        return Outcome::Findings;
    }
    let late = report
        .deadlines
        .iter()
        .any(|d| matches!(d.status, DeadlineStatus::Late | DeadlineStatus::Overdue));
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&report.deadlines) {
            Ok(t) => println!("{t}"),
            Err(_) => return Outcome::Failure,
        },
        Format::Human => {
            println!(
                "{} — {} submitted {}{}",
                args.bundle.display(),
                report.service.as_deref().unwrap_or(""),
                report.submitted_at.as_deref().unwrap_or(""),
                args.now.map(|n| format!(", as of {n}")).unwrap_or_default()
            );
            println!(
                "{:<26} {:<22} {:<26} {:<26} {:<8} late by",
                "step", "actor", "due", "actual", "status"
            );
            for d in &report.deadlines {
                let status = match d.status {
                    DeadlineStatus::OnTime => "on time",
                    DeadlineStatus::Late => "LATE",
                    DeadlineStatus::Overdue => "OVERDUE",
                    DeadlineStatus::Open => "open",
                    DeadlineStatus::Done => "done",
                };
                let late_by = match (d.late_calendar_days, d.late_working_days, d.late_seconds) {
                    (Some(0), _, Some(s)) => {
                        format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                    }
                    (Some(c), Some(w), _) => format!("{c} calendar / {w} working days"),
                    (Some(c), None, _) => format!("{c} calendar days"),
                    _ => String::new(),
                };
                println!(
                    "{:<26} {:<22} {:<26} {:<26} {:<8} {late_by}",
                    d.step,
                    d.actor.as_deref().unwrap_or("—"),
                    d.due.as_deref().unwrap_or("—"),
                    d.at.as_deref().unwrap_or("—"),
                    status
                );
            }
        }
    }
    if late {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
