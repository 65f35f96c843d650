//! Trace: the derivation for one bundle, as the checker made it. The bundle is checked once,
//! with a recording observer (`record`): every requirement, ground and step the checker
//! decides, each condition's value (`true`, `false`, `unknown`) on the facts it read, the
//! exemption, the version of the law in force and its citations, and the findings each
//! element concluded. It is the checker's own reasoning, never a second evaluator: a plain
//! `check` runs the same code with an observer that records nothing.
//!
//! The trace is plain data (`model`, its JSON the contract of docs/trace.md), rendered for
//! people (`human`, in en, ru, kk), as JSON (`json`) and as one printable HTML page (`html`).
//! It sits beside `report`: above `check`, below `cli`.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

pub mod html;
pub mod human;
pub mod model;
mod record;
mod words;

use std::ops::Range;

pub use model::{
    Conclusion, Condition, Copy, Fact, Ground, Item, Law, Period, Requirement, Rule, Step,
    TRACE_VERSION, Trace, Truth,
};

use crate::RuleSet;
use crate::check::{Finding, Kind, Options, Report};
use crate::compile::ServicePlan;
use crate::semantic::model::{Anchor, Interval};
use crate::vocab::Lang;
use record::{Recorded, Recorder};

/// The JSON Schema (draft 2020-12) of the trace of [`TRACE_VERSION`] (docs/trace.schema.json):
/// every trace `serde_json::to_string(&trace)` writes is valid against it (a test says so).
pub const SCHEMA: &str = include_str!("../../docs/trace.schema.json");

/// Trace one bundle (its bytes) against the rules: check it, recording what the checker
/// decides. The verdict and findings are the report's own ([`RuleSet::check_bytes`] with the
/// same options gives the same report).
pub fn trace(rules: &RuleSet, bundle: &[u8], options: &Options) -> Trace {
    let lang = options.lang.unwrap_or(Lang::En);
    let mut recorder = Recorder::new(rules.sources(), lang);
    let mut report = crate::check::check_bytes_observed(
        rules.plan(),
        bundle,
        options,
        rules.version(),
        &mut recorder,
    );
    if !options.mask {
        return assemble(recorder, &report, lang);
    }
    let text = String::from_utf8_lossy(bundle);
    let masker = rules.masker(&report, &text);
    masker.report(&mut report);
    let mut trace = assemble(recorder, &report, lang);
    mask_facts(&mut trace, &masker);
    trace
}

/// Every fact's value the trace shows, masked where it is personal (its findings' words come
/// masked from the report).
fn mask_facts(trace: &mut Trace, masker: &crate::mask::Masker<'_>) {
    let conditions = trace
        .requirements
        .iter_mut()
        .flat_map(|r| {
            let copies = r.copies.iter_mut().flat_map(|c| c.rules.iter_mut());
            let items = r.items.iter_mut().map(|i| &mut i.needs);
            [&mut r.required, &mut r.when, &mut r.exemption]
                .into_iter()
                .flatten()
                .chain(copies)
                .chain(items)
        })
        .chain(trace.grounds.iter_mut().flat_map(|g| {
            [&mut g.holds, &mut g.when, &mut g.exemption]
                .into_iter()
                .flatten()
        }));
    for condition in conditions {
        for fact in &mut condition.facts {
            if let Some(value) = &mut fact.value {
                masker.json(&fact.pointer, value);
            }
        }
    }
}

/// The trace of a checked bundle: the recorded elements, each with the findings it concluded,
/// the steps with the report's deadlines, and every other finding where it belongs.
fn assemble(recorder: Recorder<'_>, report: &Report, lang: Lang) -> Trace {
    let conclusion = |f: &Finding| Conclusion {
        code: f.code.name,
        severity: f.severity,
        subject: f.subject.clone(),
        pointer: f.pointer.clone(),
        message: crate::report::words::message(f, lang),
    };
    let mut claimed = vec![false; report.findings.len()];
    let mut claim = |ranges: &[Range<usize>]| -> Vec<Conclusion> {
        let mut out = Vec::new();
        for range in ranges {
            for i in range.clone() {
                if let (Some(f), Some(c)) = (report.findings.get(i), claimed.get_mut(i)) {
                    *c = true;
                    out.push(conclusion(f));
                }
            }
        }
        out
    };
    let mut requirements = Vec::new();
    let mut grounds = Vec::new();
    for element in recorder.elements {
        match element {
            Recorded::Requirement(mut r, ranges) => {
                r.findings = claim(&ranges);
                requirements.push(r);
            }
            Recorded::Ground(mut g, ranges) => {
                g.findings = claim(&ranges);
                grounds.push(g);
            }
        }
    }
    let mut steps = recorder
        .service
        .map(|s| steps(s, report, lang))
        .unwrap_or_default();
    let mut input = Vec::new();
    let mut applicability = Vec::new();
    for (f, claimed) in report.findings.iter().zip(claimed) {
        if claimed {
            continue;
        }
        // a deadline's finding is its step's (by the step's id; `term` for the term)
        let step = (f.kind == Kind::Deadline)
            .then(|| steps.iter_mut().find(|s| s.deadline.step == f.subject))
            .flatten();
        match (step, f.kind) {
            (Some(step), _) => step.findings.push(conclusion(f)),
            (None, Kind::Applicability) => applicability.push(conclusion(f)),
            (None, _) => input.push(conclusion(f)),
        }
    }
    Trace {
        trace_version: TRACE_VERSION,
        id: report.id.clone(),
        service: report.service.clone(),
        submitted_at: report.submitted_at.clone(),
        as_of: report.as_of.clone(),
        rules_version: report.rules_version.clone(),
        lang,
        verdict: report.verdict,
        law: recorder.service.map(|s| Law {
            service: s.id.clone(),
            in_force: period(&s.validity),
            rule: record::rule_of(&s.rule, lang),
        }),
        input,
        applicability,
        requirements,
        grounds,
        steps,
        missing_facts: report.waiting.clone(),
    }
}

/// Every step and term of the service with the report's deadline for it (the report gives
/// them in the plan's order: the steps, then the terms); none when no deadline was counted
/// (a channel closed that day).
fn steps(service: &ServicePlan, report: &Report, lang: Lang) -> Vec<Step> {
    let plans = service
        .steps
        .iter()
        .map(|s| (&s.rule, s.within, s.after.as_ref()))
        .chain(
            service
                .terms
                .iter()
                .map(|t| (&t.rule, Some(t.duration), Some(&t.after))),
        );
    plans
        .zip(&report.deadlines)
        .map(|((rule, within, after), deadline)| Step {
            deadline: deadline.clone(),
            within: within.map(|d| crate::report::words::duration(d, lang)),
            after: after.map(|a| match a {
                Anchor::Submitted => String::from("submitted_at"),
                Anchor::Step(j) => service
                    .steps
                    .get(*j)
                    .map_or_else(String::new, |s| s.id.clone()),
            }),
            rule: record::rule_of(rule, lang),
            findings: Vec::new(),
        })
        .collect()
}

/// When an element is in force, its days as a report writes them.
pub(crate) fn period(interval: &Interval) -> Period {
    Period {
        from: interval.from.map(|d| d.to_string()),
        until: interval.until.map(|d| d.to_string()),
    }
}

/// The trace as one line of JSON (the contract of docs/trace.md).
pub fn json(trace: &Trace) -> String {
    // plain data: serialising it cannot fail
    serde_json::to_string(trace).unwrap_or_default()
}

/// The trace as indented JSON, for people reading it.
pub fn json_pretty(trace: &Trace) -> String {
    serde_json::to_string_pretty(trace).unwrap_or_default()
}
