//! Check: a bundle (JSON) against the compiled plan → findings, deadlines, verdict.
//!
//! `bundle` reads the JSON once into a typed bundle (inputs type-checked, documents, events),
//! `applicability` finds the version of the service in force and its channel, `documents` and
//! `refusals` decide the service's requirements and grounds (`conditions`, on `eval`'s
//! three-valued logic), `deadlines` counts terms, `verdict` combines findings. Findings are data
//! (`finding`): the report words them in its language when it is written, and finds where they
//! are in the bundle's text only then (`report::spans`).
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

pub(crate) mod applicability;
pub(crate) mod bundle;
pub(crate) mod code_lists;
pub(crate) mod conditions;
pub(crate) mod copies;
pub(crate) mod deadlines;
pub(crate) mod documents;
pub(crate) mod eval;
pub(crate) mod finding;
pub(crate) mod in_force;
pub(crate) mod json;
pub mod limits;
pub(crate) mod observe;
pub(crate) mod refusals;
pub(crate) mod report;
pub(crate) mod verdict;

use chrono::{DateTime, FixedOffset, NaiveDate};

pub use bundle::{FieldPlace, Found, JsonKind, MAX_BUNDLE_BYTES, Problem, Rejection};
pub use code_lists::CodeList;
pub use finding::{
    About, BundleSpan, Duty, FactValue, Finding, Kind, Lateness, Origin, Reason, Severity,
    ValidUntil,
};
pub use limits::Limits;
pub use report::{Deadline, DeadlineStatus, Report, Waiting};
pub use verdict::Verdict;

use crate::codes;
use crate::compile::Plan;
use crate::semantic::model::Assume;
use crate::time::TimeError;
use crate::vocab::Lang;
use eval::Env;

/// How to check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Apply the law in force on this day instead of the submission date.
    pub as_of: Option<NaiveDate>,
    /// The moment deadlines are judged against (`overdue`); without it nothing is overdue.
    pub now: Option<DateTime<FixedOffset>>,
    /// The language of messages (falls back en → ru → kk).
    pub lang: Option<Lang>,
    /// How to decide a day in the window of an act whose entry into force is not known
    /// exactly; without it, what such an act bounds is undecided (`in-force-unknown`).
    pub assume_in_force: Option<Assume>,
    /// What a bundle may be at most (size, depth, documents, events).
    pub limits: Limits,
    /// Hide personal values in what is said about the bundle (docs/personal-data.md): the
    /// report's findings, the trace's facts, the bundle's text in snippets. The checker
    /// decides the same either way; [`crate::RuleSet::check`], [`crate::batch::Batch`] and
    /// [`crate::trace::trace`] mask (`crate::mask`), [`check`] alone does not.
    pub mask: bool,
}

/// Check one bundle given as bytes: text that is not UTF-8 is an `invalid` report that says
/// where the encoding breaks, never a lost record.
pub fn check_bytes(plan: &Plan, bytes: &[u8], options: &Options, rules_version: &str) -> Report {
    check_bytes_observed(
        plan,
        bytes,
        options,
        rules_version,
        &mut observe::Unobserved,
    )
}

/// [`check_bytes`], telling `observer` what the checker decides as it decides it.
pub(crate) fn check_bytes_observed<'p, O: observe::Observer<'p>>(
    plan: &'p Plan,
    bytes: &[u8],
    options: &Options,
    rules_version: &str,
    observer: &mut O,
) -> Report {
    if bytes.len() > options.limits.bundle_bytes {
        // the limit comes first: bytes cut at it may end inside a character
        let error = bundle::JsonError {
            offset: 0,
            problem: Problem::TooLarge {
                bytes: options.limits.bundle_bytes,
            },
        };
        return unreadable(empty_report(rules_version, options), error);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_observed(plan, text, options, rules_version, observer),
        Err(e) => {
            let error = bundle::JsonError {
                offset: e.valid_up_to(),
                problem: Problem::NotUtf8,
            };
            unreadable(empty_report(rules_version, options), error)
        }
    }
}

/// The report of a bundle that ereje failed to check (a bug: a panic while checking or
/// reporting it): `invalid`, with one `internal-error` finding that says what failed. A batch
/// gives it to the line, so a failure costs one record its check, never the records after it.
pub fn failed(rules_version: &str, options: &Options, message: &str) -> Report {
    not_checked(
        rules_version,
        options,
        &codes::INTERNAL_ERROR,
        Problem::Internal {
            message: message.to_string(),
        },
    )
}

/// The report of an HTTP request `ereje serve` refused before checking anything: `invalid`,
/// with one `request-rejected` finding saying why, so a client reads every answer as a report.
pub fn rejected(rules_version: &str, options: &Options, rejection: Rejection) -> Report {
    not_checked(
        rules_version,
        options,
        &codes::REQUEST_REJECTED,
        Problem::Request(rejection),
    )
}

/// An `invalid` report of one finding about no bundle at all.
fn not_checked(
    rules_version: &str,
    options: &Options,
    code: &'static codes::Code,
    problem: Problem,
) -> Report {
    let mut f = Finding::new(
        code,
        Kind::Input,
        "bundle",
        String::new(),
        About::Unreadable(problem),
    );
    f.span = Some(BundleSpan {
        offset: 0,
        length: 0,
        line: 1,
        column: 1,
    });
    let mut report = empty_report(rules_version, options);
    report.findings.push(f);
    report.verdict = Verdict::Invalid;
    report
}

/// A report with nothing in it yet.
fn empty_report(rules_version: &str, options: &Options) -> Report {
    Report {
        id: None,
        line: None,
        service: None,
        submitted_at: None,
        as_of: None,
        rules_version: rules_version.to_string(),
        verdict: Verdict::Ok,
        findings: Vec::new(),
        deadlines: Vec::new(),
        missing_facts: Vec::new(),
        waiting: Vec::new(),
        assumptions: options.assume_in_force,
        lang: options.lang.unwrap_or(Lang::En),
    }
}

/// The report of a text that cannot be read as JSON at all: one finding at the byte where
/// reading stopped.
fn unreadable(mut report: Report, e: bundle::JsonError) -> Report {
    let mut f = Finding::new(
        &codes::INVALID_INPUT,
        Kind::Input,
        "bundle",
        String::new(),
        About::Unreadable(e.problem),
    );
    f.span = Some(BundleSpan {
        offset: e.offset,
        length: 0,
        line: 0,
        column: 0,
    });
    report.findings.push(f);
    report.verdict = Verdict::Invalid;
    report
}

/// Check one bundle's text against a plan.
pub fn check(plan: &Plan, text: &str, options: &Options, rules_version: &str) -> Report {
    check_observed(plan, text, options, rules_version, &mut observe::Unobserved)
}

/// [`check`], telling `observer` what the checker decides as it decides it.
pub(crate) fn check_observed<'p, O: observe::Observer<'p>>(
    plan: &'p Plan,
    text: &str,
    options: &Options,
    rules_version: &str,
    observer: &mut O,
) -> Report {
    let mut report = empty_report(rules_version, options);
    if text.starts_with(bundle::BYTE_ORDER_MARK) {
        report.findings.push(byte_order_mark());
    }
    let parsed = match bundle::parse(text, &options.limits) {
        Ok(parsed) => parsed,
        Err(e) => return unreadable(report, e),
    };
    let mut problems = Vec::new();
    let envelope = bundle::envelope(&parsed.root, &mut problems);
    report.id = envelope.id.map(String::from);
    report.service = envelope.service.map(String::from);
    report.submitted_at = envelope.submitted_at.map(|(s, _)| s.to_string());
    let (Some(service_id), Some((_, submitted_at))) = (envelope.service, envelope.submitted_at)
    else {
        push_problems(&mut report, problems);
        report.verdict = verdict::verdict(&report.findings, &report.missing_facts);
        return report;
    };

    let as_of = applicability::day_applied(plan, service_id, submitted_at, options.as_of);
    report.as_of = Some(as_of.to_string());
    let mut judge = in_force::InForceJudge::new(as_of, options.assume_in_force);
    let service = match applicability::version(plan, service_id, as_of, &mut judge) {
        Ok(s) => s,
        Err(lookup) => {
            push_problems(&mut report, problems);
            report.findings.push(applicability::not_applicable(
                plan, service_id, as_of, &lookup,
            ));
            report.verdict = verdict::verdict(&report.findings, &report.missing_facts);
            return report;
        }
    };
    observer.service(service);
    // an absent channel is unknown: it matters only if some channel is closed that day
    let mut missing_facts = conditions::Waiting::default();
    match envelope.channel {
        Some(name) if !applicability::declares_channel(service, name) => {
            problems.push(applicability::undeclared_channel(service, name));
        }
        Some(name) => report
            .findings
            .extend(applicability::channel_closed(service, name, &mut judge)),
        None if !applicability::every_channel_open(service, &mut judge) => {
            missing_facts.fact("/channel", &service.rule.id);
        }
        None => {}
    }

    let bundle = bundle::read(&parsed, service, &options.limits, &mut problems);
    push_problems(&mut report, problems);
    if report
        .findings
        .iter()
        .any(|f| f.code == &codes::INVALID_INPUT)
    {
        report.verdict = verdict::verdict(&report.findings, &report.missing_facts);
        return report;
    }
    let mut env = Env {
        facts: &bundle.facts,
        inputs: &service.inputs,
        submitted_at,
        submitted_on: submitted_at.with_timezone(&service.timezone).date_naive(),
        channel: envelope.channel,
        documents: &bundle.documents,
        item: None,
        document: None,
        calendar: service.calendar.as_deref(),
        missing: Vec::new(),
        unresolved: Vec::new(),
    };
    documents::check(
        service,
        &mut env,
        &mut judge,
        &mut report,
        &mut missing_facts,
        observer,
    );
    refusals::check(
        service,
        &mut env,
        &mut judge,
        &mut report,
        &mut missing_facts,
        observer,
    );
    report.findings.extend(judge.findings(&plan.act_names));
    // a channel surely closed: the application could not be received, so no term runs
    let closed = report
        .findings
        .iter()
        .any(|f| f.code == &codes::NOT_IN_FORCE);
    if !closed {
        let (mut deadlines, mut deadline_findings) =
            deadlines::deadlines(&bundle.events, service, submitted_at, options.now, as_of);
        if report
            .findings
            .iter()
            .any(|f| f.code == &codes::REFUSAL_GROUND)
        {
            deadlines::after_refusal(&mut deadlines, &mut deadline_findings);
        }
        report.deadlines = deadlines;
        report.findings.extend(deadline_findings);
    }
    let mut reasons: Vec<TimeError> = std::mem::take(&mut env.unresolved);
    reasons.dedup();
    for error in reasons {
        report.findings.push(undecided(error));
    }
    let mut known: std::collections::HashSet<String> =
        report.missing_facts.iter().cloned().collect();
    for (fact, rules) in missing_facts.into_facts() {
        if known.insert(fact.clone()) {
            report.missing_facts.push(fact.clone());
        }
        report.waiting.push(report::Waiting { fact, rules });
    }
    report.verdict = verdict::verdict(&report.findings, &report.missing_facts);
    report
}

/// The byte-order mark at the start of the text: ignored, and said to be there (its span is
/// known now: the three bytes of the mark).
fn byte_order_mark() -> Finding {
    let mut f = Finding::new(
        &codes::BYTE_ORDER_MARK,
        Kind::Input,
        "bundle",
        "",
        About::Input(Problem::ByteOrderMark),
    );
    f.span = Some(BundleSpan {
        offset: 0,
        length: bundle::BYTE_ORDER_MARK.len(),
        line: 0,
        column: 0,
    });
    f
}

/// A condition whose facts are all present but whose value could not be computed: the bundle
/// is undecided (`pending`), never passed.
fn undecided(error: TimeError) -> Finding {
    Finding::new(
        &codes::UNDECIDED,
        Kind::Input,
        "rule",
        "",
        About::Undecided { error },
    )
}

/// Problems with the bundle itself, as findings.
fn push_problems(report: &mut Report, problems: Vec<bundle::InputProblem>) {
    report.findings.extend(problems.into_iter().map(|p| {
        Finding::new(
            p.code,
            Kind::Input,
            p.subject,
            p.pointer,
            About::Input(p.problem),
        )
    }));
}
