//! Deadlines: every step's due time, chained on the actual time of its earlier event, and the
//! service term, each with its status (`on_time`, `late`, `overdue` as of `--now`, `open`).
//! Late and overdue steps are findings about the provider; they never change the verdict.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::bundle::Event;
use super::finding::{About, Duty, Finding, Kind, Lateness, Origin, Reason};
use super::report::{Deadline, DeadlineStatus};
use crate::codes;
use crate::compile::{Amended, RuleRef, ServicePlan};
use crate::semantic::model::{Anchor, InForce};
use crate::time::{TimeError, due, rfc3339};
use crate::vocab::Duration;

/// The first event of each step, in the order of the plan's steps (one pass over the events).
fn first_events<'a, 'b>(
    events: &'b [Event<'a>],
    service: &ServicePlan,
    findings: &mut Vec<Finding>,
) -> Vec<Option<&'b Event<'a>>> {
    let mut out: Vec<Option<&Event<'a>>> = service.steps.iter().map(|_| None).collect();
    for event in events {
        let Some(slot) = service
            .steps
            .iter()
            .position(|s| s.id == event.step)
            .and_then(|i| out.get_mut(i))
        else {
            continue;
        };
        match slot {
            Some(first) => findings.push(duplicate_event(event, first.index)),
            None => *slot = Some(event),
        }
    }
    out
}

/// What one deadline computes to.
struct Outcome {
    deadline: Deadline,
    finding: Option<Finding>,
}

struct Judge<'a> {
    service: &'a ServicePlan,
    now: Option<DateTime<FixedOffset>>,
}

impl Judge<'_> {
    #[expect(
        clippy::too_many_arguments,
        reason = "one deadline: its step, rule, term, anchor and event"
    )]
    fn judge(
        &self,
        step: &str,
        actor: Option<(&str, Option<&str>)>,
        rule: &Arc<RuleRef>,
        within: Option<Duration>,
        anchor: Option<(DateTime<FixedOffset>, Origin, Option<&str>)>,
        event: Option<&Event<'_>>,
        findings_warnings: &mut Vec<Finding>,
    ) -> Outcome {
        let mut deadline = Deadline {
            step: step.to_string(),
            due: None,
            at: event.map(|e| e.text.to_string()),
            // `on_time` only once a due time has been computed and met
            status: if event.is_some() {
                DeadlineStatus::Done
            } else {
                DeadlineStatus::Open
            },
            actor: actor.map(|(id, _)| String::from(id)),
            late_seconds: None,
            late_calendar_days: None,
            late_working_days: None,
        };
        let (Some(within), Some((anchor_at, origin, after))) = (within, anchor) else {
            return Outcome {
                deadline,
                finding: None,
            };
        };
        let due_at = match due(
            anchor_at,
            within,
            self.service.timezone,
            self.service.calendar.as_deref(),
        ) {
            Ok(d) => d.at,
            Err(error) => {
                findings_warnings.push(uncomputable(step, rule, error));
                return Outcome {
                    deadline,
                    finding: None,
                };
            }
        };
        // a step dated before the event it counts from cannot be judged: the timeline is wrong
        // (the warning says so), so it is `done`, not `on_time`
        if let Some(e) = event.filter(|e| e.at < anchor_at) {
            let tz = self.service.timezone;
            let duty = Duty {
                actor: None,
                after: after.map(String::from),
                after_at: anchor_at.with_timezone(&tz).fixed_offset(),
            };
            let at = e.at.with_timezone(&tz).fixed_offset();
            findings_warnings.push(before_its_origin(step, e, origin, at, duty));
            return Outcome {
                deadline,
                finding: None,
            };
        }
        deadline.due = Some(rfc3339(due_at));
        let (late_at, late) = match event {
            Some(e) if e.at > due_at => (e.at, Some(e)),
            Some(_) => {
                deadline.status = DeadlineStatus::OnTime;
                return Outcome {
                    deadline,
                    finding: None,
                };
            }
            None => match self.now {
                Some(now) if now > due_at => (now, None),
                _ => {
                    return Outcome {
                        deadline,
                        finding: None,
                    };
                }
            },
        };
        let tz = self.service.timezone;
        let due_day = due_at.with_timezone(&tz).date_naive();
        let late_day = late_at.with_timezone(&tz).date_naive();
        let by = Lateness {
            calendar_days: (late_day - due_day).num_days(),
            working_days: self
                .service
                .calendar
                .as_deref()
                .and_then(|c| c.working_days_between(due_day, late_day).ok()),
            seconds: Some((late_at - due_at).num_seconds().max(1)),
        };
        deadline.late_seconds = by.seconds;
        deadline.late_calendar_days = Some(by.calendar_days);
        deadline.late_working_days = by.working_days;
        let duty = Duty {
            actor: actor.map(|(id, label)| (id.to_string(), label.map(String::from))),
            after: after.map(String::from),
            // in the service's timezone, as `due` is: one offset in a message
            after_at: anchor_at.with_timezone(&tz).fixed_offset(),
        };
        let finding = match late {
            Some(e) => {
                deadline.status = DeadlineStatus::Late;
                Finding::new(
                    &codes::DEADLINE_LATE,
                    Kind::Deadline,
                    step,
                    format!("/events/{}/at", e.index),
                    About::DeadlineLate {
                        within,
                        due: due_at,
                        by,
                        duty,
                    },
                )
            }
            None => {
                deadline.status = DeadlineStatus::Overdue;
                Finding::new(
                    &codes::DEADLINE_OVERDUE,
                    Kind::Deadline,
                    step,
                    "/events",
                    About::DeadlineOverdue {
                        due: due_at,
                        by,
                        within,
                        duty,
                    },
                )
            }
        }
        .with_rule(rule)
        .with_reasons(vec![Reason::TermStart(origin)]);
        Outcome {
            deadline,
            finding: Some(finding),
        }
    }
}

/// A refused application: a step not taken is not overdue. A refusal ends the service (the
/// result is the status or a motivated refusal: annex 4 § 4), and the rules do not say which
/// steps still follow it, so what has not happened is `open`, not `overdue`; a step that
/// happened late is still late.
pub(crate) fn after_refusal(deadlines: &mut [Deadline], findings: &mut Vec<Finding>) {
    findings.retain(|f| f.code != &codes::DEADLINE_OVERDUE);
    for d in deadlines
        .iter_mut()
        .filter(|d| d.status == DeadlineStatus::Overdue)
    {
        d.status = DeadlineStatus::Open;
        d.late_seconds = None;
        d.late_calendar_days = None;
        d.late_working_days = None;
    }
}

/// A step dated before the event its term counts from: a timeline that cannot be right.
fn before_its_origin(
    step: &str,
    event: &Event<'_>,
    origin: Origin,
    at: DateTime<FixedOffset>,
    duty: Duty,
) -> Finding {
    Finding::new(
        &codes::EVENT_OUT_OF_ORDER,
        Kind::Deadline,
        step,
        format!("/events/{}/at", event.index),
        About::EventOutOfOrder { at, duty },
    )
    .with_reasons(vec![Reason::TermStart(origin)])
}

/// A step with more than one event: the first one counts, and the others are reported.
fn duplicate_event(event: &Event<'_>, first: usize) -> Finding {
    Finding::new(
        &codes::DUPLICATE_EVENT,
        Kind::Deadline,
        event.step,
        format!("/events/{}", event.index),
        About::DuplicateEvent { first },
    )
}

/// A deadline that cannot be computed (a working day outside the calendar).
fn uncomputable(step: &str, rule: &Arc<RuleRef>, error: TimeError) -> Finding {
    Finding::new(
        &codes::DEADLINE_UNKNOWN,
        Kind::Deadline,
        step,
        "/events",
        About::DeadlineUnknown { error },
    )
    .with_rule(rule)
}

/// Why a step's words do not apply on `day`, if they do not: the amending act that gave them
/// is not in force yet, or its entry into force is not known.
fn unworded(wording: &Amended, day: NaiveDate) -> Option<About> {
    let about = |latest| About::WordingNotInForce {
        act: wording.act.clone(),
        day,
        from: wording.since.from,
        latest,
    };
    match wording.since.on(day) {
        InForce::Yes => None,
        InForce::No => Some(about(None)),
        InForce::Unknown { window, .. } => Some(about(window.latest)),
    }
}

/// Every step's deadline and the service term, with their findings.
pub(crate) fn deadlines(
    events: &[Event<'_>],
    service: &ServicePlan,
    submitted_at: DateTime<FixedOffset>,
    now: Option<DateTime<FixedOffset>>,
    as_of: NaiveDate,
) -> (Vec<Deadline>, Vec<Finding>) {
    let mut findings = Vec::new();
    let events = first_events(events, service, &mut findings);
    let judge = Judge { service, now };
    let mut out = Vec::new();
    let anchor_of = |anchor: &Option<Anchor>| match anchor {
        Some(Anchor::Submitted) => Some((submitted_at, Origin::Submitted, None)),
        Some(Anchor::Step(j)) => events.get(*j).copied().flatten().map(|e| {
            let step = service.steps.get(*j).map(|s| s.id.as_str());
            (e.at, Origin::Event(e.index), step)
        }),
        None => None,
    };
    for (i, step) in service.steps.iter().enumerate() {
        let event = events.get(i).copied().flatten();
        // a deadline is judged only under words in force on the day applied
        let unworded = step.wording.as_ref().and_then(|w| unworded(w, as_of));
        let within = if unworded.is_some() {
            None
        } else {
            step.within
        };
        let o = judge.judge(
            &step.id,
            step.actor
                .as_deref()
                .map(|a| (a, step.actor_label.as_deref())),
            &step.rule,
            within,
            anchor_of(&step.after),
            event,
            &mut findings,
        );
        if let Some(about) = unworded {
            findings.push(
                Finding::new(
                    &codes::DEADLINE_UNKNOWN,
                    Kind::Deadline,
                    &step.id,
                    "/events",
                    about,
                )
                .with_rule(&step.rule),
            );
        }
        out.push(o.deadline);
        findings.extend(o.finding);
    }
    // the service term ends with the last step of the process
    let last_event = events.last().copied().flatten();
    for term in &service.terms {
        let o = judge.judge(
            "term",
            None,
            &term.rule,
            Some(term.duration),
            anchor_of(&Some(term.after.clone())),
            last_event,
            &mut findings,
        );
        out.push(o.deadline);
        findings.extend(o.finding);
    }
    (out, findings)
}
