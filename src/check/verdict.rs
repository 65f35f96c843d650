//! The verdict: `invalid` > `not_applicable` > `refused` > `incomplete` > `pending` > `ok`.
//! Deadline findings never change it: they are about the provider, not the applicant.

use serde::Serialize;

use super::finding::{Finding, Severity};
use crate::codes::{self, Code};

/// The verdict of a report from its findings and missing facts.
pub fn verdict(findings: &[Finding], missing_facts: &[String]) -> Verdict {
    let has = |code: &Code| {
        findings
            .iter()
            .any(|f| f.code == code && f.severity == Severity::Error)
    };
    if has(&codes::INVALID_INPUT) {
        Verdict::Invalid
    } else if has(&codes::UNKNOWN_SERVICE) || has(&codes::NOT_IN_FORCE) {
        Verdict::NotApplicable
    } else if has(&codes::REFUSAL_GROUND) {
        Verdict::Refused
    } else if has(&codes::MISSING_DOCUMENT) || has(&codes::INVALID_DOCUMENT) {
        Verdict::Incomplete
    } else if !missing_facts.is_empty() || findings.iter().any(|f| f.code == &codes::UNDECIDED) {
        Verdict::Pending
    } else {
        Verdict::Ok
    }
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
