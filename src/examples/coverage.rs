//! What the examples exercise: per service, the documents, refusal grounds and process steps
//! that some example's report is about, and those that no example reaches.
//!
//! Kept simple so that it says only what it knows. A document or a ground is covered when some
//! example's report has a finding whose rule is that element ("named by a finding"): an
//! example that passes because the document was there and valid is not counted, since the
//! report does not say which rules it relied on. A step is covered when a finding names it or
//! some example's report judged its deadline (on time, late or overdue), or, for a step the
//! act gives no deadline, recorded it as done.

use serde::Serialize;

use super::ExampleOutcome;
use crate::RuleSet;
use crate::check::{DeadlineStatus, Kind, Report};

/// What the examples exercise of one service (all its versions together).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceCoverage {
    /// The service id.
    pub service: String,
    /// Its documents, named by a finding or not.
    pub documents: Elements,
    /// Its refusal grounds, named by a finding or not.
    pub refusal_grounds: Elements,
    /// Its process steps, named by a finding or judged by their deadline, or not.
    pub steps: Elements,
}

/// How many elements of one kind there are, and which no example exercises.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Elements {
    /// How many there are.
    pub total: usize,
    /// The ids of those no example exercises, in the order of the rule files.
    pub uncovered: Vec<String>,
}

impl Elements {
    /// How many some example exercises.
    pub fn covered(&self) -> usize {
        self.total - self.uncovered.len()
    }
}

/// The coverage of every service of the rule set by these outcomes, in the order of the rule
/// files.
pub fn coverage(rules: &RuleSet, outcomes: &[ExampleOutcome]) -> Vec<ServiceCoverage> {
    let reports: Vec<&Report> = outcomes.iter().filter_map(|o| o.report.as_ref()).collect();
    let mut out: Vec<ServiceCoverage> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for service in &rules.model().services {
        if seen.contains(&service.id.as_str()) {
            continue;
        }
        seen.push(&service.id);
        // a service may have several versions: their elements count once each
        let versions: Vec<_> = rules
            .model()
            .services
            .iter()
            .filter(|s| s.id == service.id)
            .collect();
        let id = service.id.as_str();
        let named = |kind: Kind, element: &str| {
            let rule = format!("{id}/{element}");
            reports
                .iter()
                .flat_map(|r| &r.findings)
                .any(|f| f.kind == kind && f.rule_id() == Some(rule.as_str()))
        };
        let documents = unique(versions.iter().flat_map(|s| &s.documents).map(|d| &d.kind));
        let grounds = unique(versions.iter().flat_map(|s| &s.refusals).map(|r| &r.id));
        let steps = unique(
            versions
                .iter()
                .flat_map(|s| &s.process.steps)
                .map(|s| &s.id),
        );
        let judged = |step: &str| {
            // the act gives a step no deadline when no version gives it one
            let timed = versions
                .iter()
                .flat_map(|s| &s.process.steps)
                .any(|s| s.id == step && s.within.is_some());
            reports
                .iter()
                .filter(|r| r.service.as_deref() == Some(id))
                .flat_map(|r| &r.deadlines)
                .filter(|d| d.step == step)
                .any(|d| match d.status {
                    DeadlineStatus::OnTime | DeadlineStatus::Late | DeadlineStatus::Overdue => true,
                    DeadlineStatus::Done => !timed,
                    DeadlineStatus::Open => false,
                })
        };
        out.push(ServiceCoverage {
            service: id.to_string(),
            documents: elements(&documents, |d| named(Kind::Document, d)),
            refusal_grounds: elements(&grounds, |g| named(Kind::Refusal, g)),
            steps: elements(&steps, |s| named(Kind::Deadline, s) || judged(s)),
        });
    }
    out
}

/// The ids, each once, in their first order.
fn unique<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for id in ids {
        if !out.contains(&id.as_str()) {
            out.push(id);
        }
    }
    out
}

fn elements(ids: &[&str], covered: impl Fn(&str) -> bool) -> Elements {
    Elements {
        total: ids.len(),
        uncovered: ids
            .iter()
            .filter(|id| !covered(id))
            .map(|id| (*id).to_string())
            .collect(),
    }
}
