//! `ereje calendar NAME --year YEAR`: the calendar as legal staff review it — every
//! non-working weekday and every working weekend day of the year, with reason and source.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::Outcome;
use super::out::say;
use super::rules::{LangArg, Shown};
use crate::time::DayStatus;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people.
    Human,
    /// `{"calendar", "year", "non_working": [...], "working_weekends": [...]}`.
    Json,
}

/// Arguments of `ereje calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// The calendar's id (`kz`).
    pub name: String,
    /// The year to show.
    #[arg(long)]
    pub year: i32,
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

#[derive(Serialize)]
struct Day {
    date: String,
    weekday: String,
    reason: String,
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    unverified: Option<String>,
}

#[derive(Serialize)]
struct Listing<'a> {
    calendar: &'a str,
    year: i32,
    non_working: Vec<Day>,
    working_weekends: Vec<Day>,
}

fn day(status: &DayStatus) -> Day {
    let reason = match &status.label {
        Some(label) => format!("{} ({})", label, status.reason.describe()),
        None => status.reason.describe(),
    };
    let mut source: Vec<String> = status.citations.clone();
    source.extend(status.sources.iter().cloned());
    Day {
        date: status.date.to_string(),
        weekday: status.date.format("%a").to_string(),
        reason,
        source: source.join("; "),
        unverified: status.unverified.clone(),
    }
}

/// Run `ereje calendar`.
pub fn run(args: &CalendarArgs) -> Outcome {
    let shown = Shown {
        json: args.format == Format::Json,
        lang: args.lang.into(),
        per_file: false,
    };
    let rules = match super::rules::load(args.rules.as_ref(), shown) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let Some(calendar) = rules.calendar(&args.name) else {
        eprintln!(
            "error: no calendar `{}`\n\nhelp: the calendars are: {}",
            args.name,
            rules.calendar_names().join(", ")
        );
        return Outcome::Failure;
    };
    let (non_working, working) = match calendar.exceptions(args.year) {
        Ok(lists) => lists,
        Err(e) => {
            let diagnostics = crate::diagnostic::Diagnostics::without_sources(vec![(&e).into()]);
            super::rules::print(&diagnostics, shown, crate::report::human::Over::Calendar);
            return Outcome::Failure;
        }
    };
    let listing = Listing {
        calendar: calendar.name(),
        year: args.year,
        non_working: non_working.iter().map(day).collect(),
        working_weekends: working.iter().map(day).collect(),
    };
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&listing) {
            Ok(text) => say!("{text}"),
            Err(_) => return Outcome::Failure,
        },
        Format::Human => {
            say!("calendar {} — {}", listing.calendar, listing.year);
            say!("\nnon-working weekdays ({}):", listing.non_working.len());
            for d in &listing.non_working {
                print_day(d);
            }
            say!(
                "\nworking weekend days ({}):",
                listing.working_weekends.len()
            );
            for d in &listing.working_weekends {
                print_day(d);
            }
        }
    }
    Outcome::Clean
}

fn print_day(d: &Day) {
    let flag = if d.unverified.is_some() {
        "  [unverified]"
    } else {
        ""
    };
    say!("  {} {}  {}{flag}", d.date, d.weekday, d.reason);
    if !d.source.is_empty() {
        say!("                  source: {}", d.source);
    }
}
