//! The verdict: `invalid` > `not_applicable` > `refused` > `incomplete` > `pending` > `ok`.
//! Deadline findings never change it: they are about the provider, not the applicant.

use super::finding::{About, Finding, Severity};
use crate::codes::{self, Code};
// on the ground floor: rule files name verdicts too (`expect ok`), and analysis checks them
pub use crate::vocab::Verdict;

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
    } else if findings.iter().any(|f| {
        matches!(
            f.about,
            About::InForceUnknown {
                applicability: true,
                ..
            }
        )
    }) {
        // whether the service applies at all is undecided: nothing after can be decided
        Verdict::Pending
    } else if has(&codes::REFUSAL_GROUND) {
        Verdict::Refused
    } else if has(&codes::MISSING_DOCUMENT) || has(&codes::INVALID_DOCUMENT) {
        Verdict::Incomplete
    } else if !missing_facts.is_empty()
        || findings
            .iter()
            .any(|f| f.code == &codes::UNDECIDED || f.code == &codes::IN_FORCE_UNKNOWN)
    {
        Verdict::Pending
    } else {
        Verdict::Ok
    }
}
