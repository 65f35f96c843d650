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
    use std::collections::{HashMap, HashSet};
    let reports: Vec<&Report> = outcomes.iter().filter_map(|o| o.report.as_ref()).collect();
    // what the reports say, gathered once, so that each element is one lookup: linear in the
    // elements and the findings, however many of each a rule file holds
    let named: HashSet<(Kind, &str)> = reports
        .iter()
        .flat_map(|r| &r.findings)
        .filter_map(|f| f.rule_id().map(|rule| (f.kind, rule)))
        .collect();
    // per service and step, whether some report judged its deadline, and whether one only
    // recorded it done
    let mut judged: HashMap<(&str, &str), (bool, bool)> = HashMap::new();
    for r in &reports {
        let Some(service) = r.service.as_deref() else {
            continue;
        };
        for d in &r.deadlines {
            let seen = judged.entry((service, d.step.as_str())).or_default();
            match d.status {
                DeadlineStatus::OnTime | DeadlineStatus::Late | DeadlineStatus::Overdue => {
                    seen.0 = true;
                }
                DeadlineStatus::Done => seen.1 = true,
                DeadlineStatus::Open => {}
            }
        }
    }
    // the versions of each service, grouped once
    let mut by_id: HashMap<&str, Vec<&crate::semantic::model::ServiceModel>> = HashMap::new();
    for s in &rules.model().services {
        by_id.entry(s.id.as_str()).or_default().push(s);
    }
    let mut out: Vec<ServiceCoverage> = Vec::new();
    let mut seen = HashSet::new();
    for service in &rules.model().services {
        let id = service.id.as_str();
        if !seen.insert(id) {
            continue;
        }
        let versions = by_id.get(id).cloned().unwrap_or_default();
        let is_named =
            |kind: Kind, element: &str| named.contains(&(kind, format!("{id}/{element}").as_str()));
        let documents = unique(versions.iter().flat_map(|s| &s.documents).map(|d| &d.kind));
        let grounds = unique(versions.iter().flat_map(|s| &s.refusals).map(|r| &r.id));
        let steps = unique(
            versions
                .iter()
                .flat_map(|s| &s.process.steps)
                .map(|s| &s.id),
        );
        // the act gives a step no deadline when no version gives it one
        let timed: HashSet<&str> = versions
            .iter()
            .flat_map(|s| &s.process.steps)
            .filter(|s| s.within.is_some())
            .map(|s| s.id.as_str())
            .collect();
        let is_judged = |step: &str| {
            judged
                .get(&(id, step))
                .is_some_and(|&(on_time_or_late, done)| {
                    on_time_or_late || (done && !timed.contains(step))
                })
        };
        out.push(ServiceCoverage {
            service: id.to_string(),
            documents: elements(&documents, |d| is_named(Kind::Document, d)),
            refusal_grounds: elements(&grounds, |g| is_named(Kind::Refusal, g)),
            steps: elements(&steps, |s| is_named(Kind::Deadline, s) || is_judged(s)),
        });
    }
    out
}

/// The ids, each once, in their first order.
fn unique<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    ids.map(String::as_str)
        .filter(|id| seen.insert(*id))
        .collect()
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
