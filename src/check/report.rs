//! The report for one bundle, as data: the verdict, the findings, every step's deadline and
//! the facts whose absence left something undecided (the data of docs/report.md).

use serde::Serialize;

use super::finding::{Finding, Severity};
use super::verdict::Verdict;
use crate::vocab::Lang;

/// The status of one step's deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStatus {
    /// Happened by its due time.
    OnTime,
    /// Happened after its due time.
    Late,
    /// Has not happened, and its due time has passed as of `--now`.
    Overdue,
    /// Has not happened and is not yet due, or its earlier event has not happened.
    Open,
    /// Happened, but no due time can be judged: the act sets no deadline, or the earlier event
    /// it counts from is not in the bundle.
    Done,
}

impl DeadlineStatus {
    /// Every status, in the order docs/report.md lists them.
    pub const ALL: [DeadlineStatus; 5] = [
        DeadlineStatus::OnTime,
        DeadlineStatus::Late,
        DeadlineStatus::Overdue,
        DeadlineStatus::Open,
        DeadlineStatus::Done,
    ];
}

/// One step's deadline.
#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    /// The step id (or `term`).
    pub step: String,
    /// The last moment that is on time, if the earlier event happened and the step has a deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// When it happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Its status.
    pub status: DeadlineStatus,
    /// Who acts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// How late, in seconds (late or overdue steps).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late_seconds: Option<i64>,
    /// How late, in calendar days (late or overdue steps).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late_calendar_days: Option<i64>,
    /// How late, in working days, when the service has a calendar covering the dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late_working_days: Option<i64>,
}

/// The report for one bundle. It serialises as the JSON report contract (docs/report.md), its
/// findings worded in `lang` (the serialisation is the report's, `report::contract`).
#[derive(Debug, Clone)]
pub struct Report {
    /// The bundle's `id`, echoed.
    pub id: Option<String>,
    /// For a bundle read from a line of NDJSON, that line's number (from 1); `None` for a
    /// bundle checked alone.
    pub line: Option<usize>,
    /// The service id as given.
    pub service: Option<String>,
    /// `submitted_at` as given.
    pub submitted_at: Option<String>,
    /// The day whose law was applied.
    pub as_of: Option<String>,
    /// sha256 of the rule sources.
    pub rules_version: String,
    /// The outcome.
    pub verdict: Verdict,
    /// Every finding.
    pub findings: Vec<Finding>,
    /// Every step's deadline.
    pub deadlines: Vec<Deadline>,
    /// Pointers of facts whose absence left something undecided.
    pub missing_facts: Vec<String>,
    /// Each missing fact with the rules that wait on it, in the order of `missing_facts`.
    pub waiting: Vec<Waiting>,
    /// How a day in the window of an act of unknown entry into force was decided, when the
    /// user asked to decide it (`--assume-in-force`); echoed in the report.
    pub assumptions: Option<crate::semantic::model::Assume>,
    /// The language its findings are worded in when it is serialised.
    pub lang: Lang,
}

/// A fact whose absence leaves rules undecided, and those rules.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Waiting {
    /// Its JSON pointer in the bundle (`/checks/national_security`).
    pub fact: String,
    /// The ids of the rules that wait on it (`kz.mvd.permanent_residence/national_security_objection`).
    pub rules: Vec<String>,
}

impl Report {
    /// Whether any finding is an error (exit status 1).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}
