//! Check: a bundle (JSON) against the compiled plan → findings, deadlines, verdict.
//!
//! `bundle` reads and type-checks the JSON, `eval` evaluates conditions in three-valued logic,
//! `verdict` combines findings, `deadlines` counts terms. Where a finding is in the bundle's
//! text is found only when a report is rendered (`report::spans`).

pub mod bundle;
pub(crate) mod deadlines;
pub(crate) mod eval;
pub mod finding;
pub mod json;
pub(crate) mod messages;
pub mod verdict;

use chrono::{DateTime, FixedOffset, NaiveDate};
use json::Json as Value;

use crate::codes::{self, Code};
use crate::compile::{Plan, RequirementPlan, RuleRef, ServiceLookup, ServicePlan};
use crate::time::TimeError;
use crate::vocab::Lang;
use eval::Env;
pub use finding::{Deadline, DeadlineStatus, Finding, Kind, Report, Severity, Verdict};
use messages::{Help, Label, Msg};

/// How to check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Apply the law in force on this day instead of the submission date.
    pub as_of: Option<NaiveDate>,
    /// The moment deadlines are judged against (`overdue`); without it nothing is overdue.
    pub now: Option<DateTime<FixedOffset>>,
    /// The language of messages (falls back en → ru → kk).
    pub lang: Option<Lang>,
}

/// Check one bundle given as bytes: text that is not UTF-8 is an `invalid` report that says
/// where the encoding breaks, never a lost record.
pub fn check_bytes(plan: &Plan, bytes: &[u8], options: &Options, rules_version: &str) -> Report {
    match std::str::from_utf8(bytes) {
        Ok(text) => check(plan, text, options, rules_version),
        Err(e) => {
            let report = empty_report(rules_version, options.lang.unwrap_or(Lang::En));
            let lang = report.lang;
            let error = bundle::JsonError {
                offset: e.valid_up_to(),
                problem: bundle::Problem::NotUtf8,
            };
            unreadable(report, &error, lang)
        }
    }
}

/// A report with nothing in it yet.
fn empty_report(rules_version: &str, lang: Lang) -> Report {
    Report {
        id: None,
        service: None,
        submitted_at: None,
        as_of: None,
        rules_version: rules_version.to_string(),
        verdict: Verdict::Ok,
        findings: Vec::new(),
        deadlines: Vec::new(),
        missing_facts: Vec::new(),
        lang,
    }
}

/// The report of a text that cannot be read as JSON at all.
fn unreadable(mut report: Report, e: &bundle::JsonError, lang: Lang) -> Report {
    let (message, help) = messages::problem_text(&e.problem, lang);
    let mut f = input_finding(
        &codes::INVALID_INPUT,
        "bundle",
        String::new(),
        message,
        help,
    );
    f.label = String::from(messages::json_syntax_label(lang));
    f.span = Some(finding::BundleSpan {
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
    let lang = options.lang.unwrap_or(Lang::En);
    let mut report = empty_report(rules_version, lang);
    let root = match bundle::parse(text) {
        Ok(root) => root,
        Err(e) => return unreadable(report, &e, lang),
    };
    let mut problems = Vec::new();
    let envelope = bundle::envelope(&root, &mut problems);
    report.id = envelope.id.map(String::from);
    report.service = envelope.service.map(String::from);
    report.submitted_at = envelope.submitted_at.map(|(s, _)| s.to_string());
    let (Some(service_id), Some((_, submitted_at))) = (envelope.service, envelope.submitted_at)
    else {
        push_problems(&mut report, problems, lang);
        report.verdict = verdict::verdict(&report);
        return report;
    };

    // Which version of the service applies: the one in force on the submission day (local).
    let submitted_day_utc = submitted_at.date_naive();
    let probe = plan.services.iter().find(|s| s.id == service_id);
    let local_day = |tz: chrono_tz::Tz| submitted_at.with_timezone(&tz).date_naive();
    let as_of = options
        .as_of
        .unwrap_or_else(|| probe.map_or(submitted_day_utc, |s| local_day(s.timezone)));
    report.as_of = Some(as_of.to_string());
    let service = match plan.service(service_id, as_of) {
        Ok(s) => s,
        Err(lookup) => {
            push_problems(&mut report, problems, lang);
            report
                .findings
                .push(not_applicable(plan, service_id, as_of, &lookup, lang));
            report.verdict = verdict::verdict(&report);
            return report;
        }
    };
    // an absent channel is unknown: it matters only if some channel is closed that day
    let mut channel_missing = false;
    if let Some(name) = envelope.channel {
        channel_applies(service, name, as_of, lang, &mut report);
    } else {
        channel_missing = !service
            .channels
            .iter()
            .all(|(_, interval)| interval.contains(as_of));
    }

    let bundle = bundle::read(&root, service, &mut problems);
    push_problems(&mut report, problems, lang);
    if report
        .findings
        .iter()
        .any(|f| f.code == &codes::INVALID_INPUT)
    {
        report.verdict = verdict::verdict(&report);
        return report;
    }
    let submitted_on = submitted_at.with_timezone(&service.timezone).date_naive();
    let mut env = Env {
        facts: &bundle.facts,
        inputs: &service.inputs,
        submitted_at,
        submitted_on,
        channel: envelope.channel,
        documents: &bundle.documents,
        item: None,
        document: None,
        calendar: service.calendar.as_deref(),
        missing: Vec::new(),
        unresolved: Vec::new(),
    };
    let mut missing_facts: Vec<String> = Vec::new();
    if channel_missing {
        missing_facts.push(String::from("/channel"));
    }
    check_documents(
        service,
        &mut env,
        as_of,
        lang,
        &mut report,
        &mut missing_facts,
    );
    check_refusals(
        service,
        &mut env,
        as_of,
        lang,
        &mut report,
        &mut missing_facts,
    );
    let (deadlines, deadline_findings) =
        deadlines::deadlines(&bundle.events, service, submitted_at, options.now, lang);
    report.deadlines = deadlines;
    report.findings.extend(deadline_findings);
    let mut reasons: Vec<TimeError> = std::mem::take(&mut env.unresolved);
    reasons.dedup();
    for reason in &reasons {
        report.findings.push(undecided(reason, lang));
    }
    for m in missing_facts {
        if !report.missing_facts.contains(&m) {
            report.missing_facts.push(m);
        }
    }
    report.verdict = verdict::verdict(&report);
    report
}

/// A condition whose facts are all present but whose value could not be computed: the bundle
/// is undecided (`pending`), never passed.
fn undecided(reason: &TimeError, lang: Lang) -> Finding {
    let message = Msg::Undecided { error: reason }.text(lang);
    Finding::new(&codes::UNDECIDED, Kind::Input, "rule", message, "")
        .with_help(Help::Undecided.text(lang))
}

/// The channel a bundle names must be one the service offers, open on the day applied.
fn channel_applies(
    service: &ServicePlan,
    name: &str,
    as_of: NaiveDate,
    lang: Lang,
    report: &mut Report,
) {
    let channel = service.channels.iter().find(|(c, _)| c == name);
    let open = channel.map_or(service.channels.is_empty(), |(_, interval)| {
        interval.contains(as_of)
    });
    if !open {
        let offered: Vec<&str> = service.channels.iter().map(|(c, _)| c.as_str()).collect();
        let help = match channel {
            Some((_, interval)) => Help::ChannelOpen {
                channel: name,
                when: *interval,
            },
            None => Help::ChannelsOnly {
                service: &service.id,
                channels: &offered,
            },
        }
        .text(lang);
        let message = Msg::ChannelNotInForce {
            channel: name,
            day: as_of,
        }
        .text(lang);
        report.findings.push(
            Finding::new(
                &codes::NOT_IN_FORCE,
                Kind::Applicability,
                name,
                message,
                "/channel",
            )
            .with_rule(&service.rule)
            .with_help(help)
            .with_label(Label::ChannelClosed { day: as_of }.text(lang)),
        );
    }
}

fn input_finding(
    code: &'static Code,
    subject: &str,
    pointer: String,
    message: String,
    help: String,
) -> Finding {
    Finding::new(code, Kind::Input, subject, message, pointer).with_help(help)
}

fn push_problems(report: &mut Report, problems: Vec<bundle::InputProblem>, lang: Lang) {
    for p in problems {
        let (message, help) = messages::problem_text(&p.problem, lang);
        let mut f = input_finding(p.code, &p.subject, p.pointer, message, help);
        f.label = String::from(messages::problem_label(
            &p.problem,
            p.code != &codes::INVALID_INPUT,
            lang,
        ));
        report.findings.push(f);
    }
}

fn not_applicable(
    plan: &Plan,
    id: &str,
    as_of: NaiveDate,
    lookup: &ServiceLookup<'_>,
    lang: Lang,
) -> Finding {
    let (code, message, help, rule) = match lookup {
        ServiceLookup::Unknown => {
            let ids = plan.service_ids();
            let suggestion = crate::suggest::suggest(id, ids.iter().copied());
            let help = Help::UnknownService {
                suggestion,
                ids: &ids,
            }
            .text(lang);
            (
                &codes::UNKNOWN_SERVICE,
                Msg::UnknownService { id }.text(lang),
                help,
                None,
            )
        }
        ServiceLookup::NotInForce(versions) => {
            let when: Vec<_> = versions.iter().map(|v| v.validity).collect();
            (
                &codes::NOT_IN_FORCE,
                Msg::ServiceNotInForce { id, day: as_of }.text(lang),
                Help::ServiceInForce { when: &when }.text(lang),
                versions.first().map(|v| &v.rule),
            )
        }
    };
    let label = if code == &codes::UNKNOWN_SERVICE {
        Label::NoSuchService.text(lang)
    } else {
        Label::ServiceNotInForce { day: as_of }.text(lang)
    };
    let finding = Finding::new(code, Kind::Applicability, id, message, "/service")
        .with_help(help)
        .with_label(label);
    match rule {
        Some(rule) => finding.with_rule(rule),
        None => finding,
    }
}

fn rule_finding(
    code: &'static Code,
    kind: Kind,
    subject: &str,
    rule: &RuleRef,
    message: String,
    pointer: String,
) -> Finding {
    Finding::new(code, kind, subject, message, pointer).with_rule(rule)
}

/// Evaluate a condition; an unknown result records its missing facts.
fn decide(
    env: &mut Env<'_, '_>,
    expr: &crate::semantic::model::TExpr,
    missing: &mut Vec<String>,
) -> Option<bool> {
    env.missing.clear();
    let unresolved_before = env.unresolved.len();
    let result = env.condition(expr);
    if result.is_none() {
        missing.append(&mut env.missing);
    } else {
        // a decided condition does not need what it could not compute
        env.unresolved.truncate(unresolved_before);
    }
    result
}

/// The facts a condition read, each as a secondary label saying its value.
fn reasons(
    service: &ServicePlan,
    env: &Env<'_, '_>,
    reads: &[usize],
    lang: Lang,
) -> Vec<finding::Reason> {
    reads
        .iter()
        .filter_map(|i| {
            let input = service.inputs.get(*i)?;
            let value = env.facts.get(*i).copied().flatten()?;
            Some(finding::Reason {
                pointer: input.pointer.clone(),
                label: messages::Reason::Fact {
                    name: &input.path.join("."),
                    value,
                }
                .text(lang),
            })
        })
        .collect()
}

fn check_documents(
    service: &ServicePlan,
    env: &mut Env<'_, '_>,
    as_of: NaiveDate,
    lang: Lang,
    report: &mut Report,
    missing: &mut Vec<String>,
) {
    let documents = env.documents;
    for doc in service
        .documents
        .iter()
        .filter(|d| d.in_force.contains(as_of))
    {
        let present: Vec<(usize, &Value)> = documents
            .iter()
            .filter(|d| d.kind == doc.kind)
            .map(|d| (d.index, d.value))
            .collect();
        match &doc.required {
            Some(RequirementPlan::When(cond))
                if present.is_empty() && decide(env, &cond.expr, missing) == Some(true) =>
            {
                let mut f = rule_finding(
                    &codes::MISSING_DOCUMENT,
                    Kind::Document,
                    &doc.kind,
                    &doc.rule,
                    Msg::MissingDocument {
                        kind: &doc.kind,
                        title: messages::title(&doc.rule.title, lang),
                    }
                    .text(lang),
                    String::from("/documents"),
                );
                f.label = Label::NoDocument {
                    kind: &doc.kind,
                    count: documents.len(),
                }
                .text(lang);
                f.reasons = reasons(service, env, &cond.reads, lang);
                f.help = Some(messages::attach_help(&doc.kind, &doc.rule, lang));
                report.findings.push(f);
            }
            None | Some(RequirementPlan::When(_)) => {}
            Some(RequirementPlan::PerItem {
                list,
                filter,
                unless,
                matched_by,
            }) => {
                let exempt = match unless {
                    Some(u) => decide(env, &u.expr, missing),
                    None => Some(false),
                };
                let list_pointer = service
                    .inputs
                    .get(*list)
                    .map_or_else(String::new, |i| i.pointer.clone());
                let list_value = env.facts.get(*list).copied().flatten();
                if list_value.is_none() && exempt != Some(true) && present.is_empty() {
                    // an absent list is unknown, not empty: the requirement cannot be decided
                    missing.push(list_pointer.clone());
                }
                let items: &[Value] = if exempt == Some(true) {
                    &[]
                } else {
                    list_value.and_then(Value::as_array).unwrap_or(&[])
                };
                for (i, item) in items.iter().enumerate() {
                    let covered = present.iter().any(|(_, d)| {
                        d.get(matched_by.name()).and_then(Value::as_u64) == u64::try_from(i).ok()
                    });
                    if covered {
                        continue;
                    }
                    env.item = Some((*list, i, item));
                    let needed = match filter {
                        Some(f) => decide(env, &f.expr, missing),
                        None => Some(true),
                    };
                    env.item = None;
                    if needed == Some(true) && exempt == Some(false) {
                        let mut f = rule_finding(
                            &codes::MISSING_DOCUMENT,
                            Kind::Document,
                            &doc.kind,
                            &doc.rule,
                            Msg::MissingItemDocument {
                                kind: &doc.kind,
                                title: messages::title(&doc.rule.title, lang),
                                index: i,
                            }
                            .text(lang),
                            format!("{list_pointer}/{i}"),
                        );
                        f.label = Label::NoItemDocument {
                            kind: &doc.kind,
                            field: matched_by.name(),
                            index: i,
                        }
                        .text(lang);
                        f.help = Some(messages::attach_help(&doc.kind, &doc.rule, lang));
                        f.reasons = vec![finding::Reason {
                            pointer: String::from("/documents"),
                            label: messages::Reason::NoItemDocument {
                                kind: &doc.kind,
                                index: i,
                            }
                            .text(lang),
                        }];
                        report.findings.push(f);
                    }
                }
            }
        }
        for (index, value) in &present {
            for (cond, message, rule) in &doc.validity {
                env.document = Some((*index, value));
                let valid = decide(env, &cond.expr, missing);
                env.document = None;
                if valid == Some(false) {
                    let field = cond
                        .fields
                        .iter()
                        .find(|f| value.get(f.name()).is_some_and(|v| !v.is_null()));
                    let pointer = field.map_or_else(
                        || format!("/documents/{index}"),
                        |f| format!("/documents/{index}/{}", f.name()),
                    );
                    let text = message.get(lang).map_or_else(
                        || Msg::InvalidDocument { kind: &doc.kind }.text(lang),
                        String::from,
                    );
                    let mut f = rule_finding(
                        &codes::INVALID_DOCUMENT,
                        Kind::Document,
                        &doc.kind,
                        rule,
                        text,
                        pointer,
                    );
                    f.label = Label::FailsRule {
                        field: field.map(|fl| fl.name()),
                    }
                    .text(lang);
                    f.help = Some(messages::validity_help(
                        &doc.kind,
                        cond,
                        env.submitted_on,
                        lang,
                    ));
                    report.findings.push(f);
                }
            }
        }
    }
}

fn check_refusals(
    service: &ServicePlan,
    env: &mut Env<'_, '_>,
    as_of: NaiveDate,
    lang: Lang,
    report: &mut Report,
    missing: &mut Vec<String>,
) {
    for ground in service
        .refusals
        .iter()
        .filter(|r| r.in_force.contains(as_of))
    {
        if decide(env, &ground.condition.expr, missing) == Some(true) {
            let text = ground.rule.message.get(lang).map_or_else(
                || Msg::RefusalGround { id: &ground.id }.text(lang),
                String::from,
            );
            // the fact that holds goes first: it is where the finding points
            let mut reads = ground.condition.reads.clone();
            reads.sort_by_key(|i| {
                !matches!(
                    env.facts.get(*i).copied().flatten(),
                    Some(Value::Bool(true))
                )
            });
            let reasons = reasons(service, env, &reads, lang);
            let pointer = reasons
                .first()
                .map_or_else(String::new, |r| r.pointer.clone());
            let mut f = rule_finding(
                &codes::REFUSAL_GROUND,
                Kind::Refusal,
                &ground.id,
                &ground.rule,
                text,
                pointer,
            );
            f.label = Label::RefusalFact.text(lang);
            f.reasons = reasons.into_iter().skip(1).collect();
            f.help = Some(messages::refusal_help(lang));
            report.findings.push(f);
        }
    }
}
