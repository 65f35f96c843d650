//! Findings and the report: the data of the report contract (DESIGN.md §6).

use serde::Serialize;

use crate::codes::Code;
pub use crate::codes::Severity;
use crate::compile::{Citation, RuleRef};
use crate::source::Span;
use crate::vocab::Lang;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The bundle itself (types, unknown fields).
    Input,
    /// Whether the service applies.
    Applicability,
    /// A required document.
    Document,
    /// A refusal ground.
    Refusal,
    /// A step deadline or the service term.
    Deadline,
}

/// Byte span of a finding in the bundle text, with 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BundleSpan {
    /// Byte offset.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// A fact that made a rule apply, shown as a secondary label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// Where the fact is in the bundle.
    pub pointer: String,
    /// What it says, e.g. "required because `category` is `foreigner`".
    pub label: String,
}

/// One finding about a bundle.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The code from the table; reports name it by its kebab-case name (`missing-document`).
    #[serde(serialize_with = "code_name")]
    pub code: &'static Code,
    /// What it is about.
    pub kind: Kind,
    /// Error or warning.
    pub severity: Severity,
    /// Document kind, ground id, step id or field.
    pub subject: String,
    /// The rule that fired (`service/element`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// One line, in the language asked for.
    pub message: String,
    /// JSON pointer into the bundle.
    pub pointer: String,
    /// The law it enforces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    /// Where `pointer` is in the bundle text (filled in when rendering).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<BundleSpan>,
    /// What to do.
    #[serde(skip)]
    pub help: Option<String>,
    /// The primary label.
    #[serde(skip)]
    pub label: String,
    /// Facts that made the rule apply.
    #[serde(skip)]
    pub reasons: Vec<Reason>,
    /// `rules/…:41`, where the rule is written.
    #[serde(skip)]
    pub rule_location: Option<String>,
    /// The rule's span in the rule files.
    #[serde(skip)]
    pub rule_span: Option<Span>,
}

/// A code as reports write it: its kebab-case name.
#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's `serialize_with` passes the field by reference"
)]
fn code_name<S: serde::Serializer>(code: &&'static Code, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.name)
}

impl Finding {
    /// A finding with nothing but its code (and the code's severity), kind, subject, message
    /// and pointer; the rest is added with the builder methods below.
    pub(crate) fn new(
        code: &'static Code,
        kind: Kind,
        subject: impl Into<String>,
        message: String,
        pointer: impl Into<String>,
    ) -> Finding {
        Finding {
            code,
            kind,
            severity: code.severity,
            subject: subject.into(),
            rule: None,
            message,
            pointer: pointer.into(),
            citation: None,
            span: None,
            help: None,
            label: String::new(),
            reasons: Vec::new(),
            rule_location: None,
            rule_span: None,
        }
    }

    /// The rule that fired: its id, main citation and place in the rule files.
    #[must_use]
    pub(crate) fn with_rule(mut self, rule: &RuleRef) -> Finding {
        self.rule = Some(rule.id.clone());
        self.citation = rule.citations.first().cloned();
        self.rule_location = Some(rule.location.clone());
        self.rule_span = Some(rule.span);
        self
    }

    /// What to do.
    #[must_use]
    pub(crate) fn with_help(mut self, help: String) -> Finding {
        self.help = Some(help);
        self
    }

    /// The primary label.
    #[must_use]
    pub(crate) fn with_label(mut self, label: String) -> Finding {
        self.label = label;
        self
    }

    /// The facts that made the rule apply.
    #[must_use]
    pub(crate) fn with_reasons(mut self, reasons: Vec<Reason>) -> Finding {
        self.reasons = reasons;
        self
    }
}

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

/// The outcome for one bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing wrong.
    Ok,
    /// Something cannot be decided yet: facts are missing.
    Pending,
    /// A required document is missing or invalid.
    Incomplete,
    /// A refusal ground holds.
    Refused,
    /// No such service in force on that date.
    NotApplicable,
    /// The bundle is unusable.
    Invalid,
}

impl Verdict {
    /// As written in reports and examples.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Pending => "pending",
            Verdict::Incomplete => "incomplete",
            Verdict::Refused => "refused",
            Verdict::NotApplicable => "not_applicable",
            Verdict::Invalid => "invalid",
        }
    }

    /// Parse the written form.
    pub fn parse(text: &str) -> Option<Verdict> {
        [
            Verdict::Ok,
            Verdict::Pending,
            Verdict::Incomplete,
            Verdict::Refused,
            Verdict::NotApplicable,
            Verdict::Invalid,
        ]
        .into_iter()
        .find(|v| v.as_str() == text)
    }
}

/// The report for one bundle (the JSON contract).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The bundle's `id`, echoed.
    pub id: Option<String>,
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
    /// The language its words are in (the human report's own words follow it).
    #[serde(skip)]
    pub lang: Lang,
}

impl Report {
    /// Whether any finding is an error (exit status 1).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}
