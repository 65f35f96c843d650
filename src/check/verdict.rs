//! The verdict: `invalid` > `not_applicable` > `refused` > `incomplete` > `pending` > `ok`.
//! Deadline findings never change it: they are about the provider, not the applicant.

use super::finding::{Report, Severity, Verdict};

/// The verdict of a report from its findings and missing facts.
pub fn verdict(report: &Report) -> Verdict {
    let has = |code: &str| {
        report
            .findings
            .iter()
            .any(|f| f.code == code && f.severity == Severity::Error)
    };
    if has("invalid-input") {
        Verdict::Invalid
    } else if has("unknown-service") || has("not-in-force") {
        Verdict::NotApplicable
    } else if has("refusal-ground") {
        Verdict::Refused
    } else if has("missing-document") || has("invalid-document") {
        Verdict::Incomplete
    } else if !report.missing_facts.is_empty()
        || report.findings.iter().any(|f| f.code == "undecided")
    {
        Verdict::Pending
    } else {
        Verdict::Ok
    }
}
