//! Deadlines: every step's due time, chained on the actual time of its earlier event, and the
//! service term, each with its status (`on_time`, `late`, `overdue` as of `--now`, `open`).
//! Late and overdue steps are findings about the provider; they never change the verdict.

use chrono::{DateTime, FixedOffset};

use super::bundle::Event;
use super::finding::{Deadline, DeadlineStatus, Finding, Kind, Reason};
use super::messages::{self, Help, Label, Lateness, Msg};
use crate::codes;
use crate::compile::{RuleRef, ServicePlan};
use crate::semantic::model::Anchor;
use crate::time::{TimeError, due};
use crate::vocab::{Duration, Lang};

/// What a term counts from.
#[derive(Clone, Copy)]
enum Origin {
    Submitted,
    Event(usize),
}

impl Origin {
    fn pointer(self) -> String {
        match self {
            Origin::Submitted => String::from("/submitted_at"),
            Origin::Event(i) => format!("/events/{i}/at"),
        }
    }

    /// The secondary label "the term counts from here", at this origin.
    fn term_start(self, lang: Lang) -> Reason {
        Reason {
            pointer: self.pointer(),
            label: messages::Reason::TermStart.text(lang),
        }
    }
}

/// The first event of each step, in the order of the plan's steps (one pass over the events).
fn first_events<'a, 'b>(
    events: &'b [Event<'a>],
    service: &ServicePlan,
    lang: Lang,
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
            Some(first) => {
                findings.push(duplicate_event(event.step, event.index, first.index, lang))
            }
            None => *slot = Some(event),
        }
    }
    out
}

/// `2019-05-21T23:59:59+06:00`: RFC 3339 to the second, written without chrono's formatter
/// (it runs for every step of every bundle).
fn format_instant(t: DateTime<FixedOffset>) -> String {
    use chrono::{Datelike, Timelike};
    fn two(out: &mut String, n: u32) {
        for digit in [n / 10 % 10, n % 10] {
            out.push(char::from_digit(digit, 10).unwrap_or('0'));
        }
    }
    let offset = t.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.unsigned_abs() / 60;
    let year = u32::try_from(t.year()).unwrap_or(0);
    let mut out = String::with_capacity(25);
    two(&mut out, year / 100);
    two(&mut out, year % 100);
    out.push('-');
    two(&mut out, t.month());
    out.push('-');
    two(&mut out, t.day());
    out.push('T');
    two(&mut out, t.hour());
    out.push(':');
    two(&mut out, t.minute());
    out.push(':');
    two(&mut out, t.second());
    out.push(sign);
    two(&mut out, offset / 60);
    out.push(':');
    two(&mut out, offset % 60);
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
    lang: Lang,
}

impl Judge<'_> {
    #[expect(
        clippy::too_many_arguments,
        reason = "one deadline: its step, rule, term, anchor and event"
    )]
    fn judge(
        &self,
        step: &str,
        actor: Option<&str>,
        rule: &RuleRef,
        within: Option<Duration>,
        anchor: Option<(DateTime<FixedOffset>, Origin)>,
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
            actor: actor.map(String::from),
            late_seconds: None,
            late_calendar_days: None,
            late_working_days: None,
        };
        let (Some(within), Some((anchor_at, anchor_pointer))) = (within, anchor) else {
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
            Ok(d) => d,
            Err(e) => {
                findings_warnings.push(uncomputable(step, rule, &e, self.lang));
                return Outcome {
                    deadline,
                    finding: None,
                };
            }
        };
        deadline.due = Some(format_instant(due_at.at));
        let (late_at, code, pointer) = match event {
            Some(e) if e.at > due_at.at => (
                e.at,
                &codes::DEADLINE_LATE,
                format!("/events/{}/at", e.index),
            ),
            Some(e) => {
                deadline.status = DeadlineStatus::OnTime;
                if e.at < anchor_at {
                    findings_warnings.push(before_its_origin(step, e, anchor_pointer, self.lang));
                }
                return Outcome {
                    deadline,
                    finding: None,
                };
            }
            None => match self.now {
                Some(now) if now > due_at.at => {
                    (now, &codes::DEADLINE_OVERDUE, String::from("/events"))
                }
                _ => {
                    return Outcome {
                        deadline,
                        finding: None,
                    };
                }
            },
        };
        deadline.status = if code == &codes::DEADLINE_LATE {
            DeadlineStatus::Late
        } else {
            DeadlineStatus::Overdue
        };
        let tz = self.service.timezone;
        let due_day = due_at.at.with_timezone(&tz).date_naive();
        let late_day = late_at.with_timezone(&tz).date_naive();
        deadline.late_seconds = Some((late_at - due_at.at).num_seconds().max(1));
        deadline.late_calendar_days = Some((late_day - due_day).num_days());
        deadline.late_working_days = self
            .service
            .calendar
            .as_deref()
            .and_then(|c| c.working_days_between(due_day, late_day).ok());
        let due_text = format_instant(due_at.at);
        let message = if code == &codes::DEADLINE_LATE {
            Msg::DeadlineLate { step, within }
        } else {
            Msg::DeadlineOverdue { step }
        }
        .text(self.lang);
        let by = Lateness {
            calendar_days: deadline.late_calendar_days.unwrap_or(0),
            working_days: deadline.late_working_days,
            seconds: deadline.late_seconds,
        };
        let label = if code == &codes::DEADLINE_LATE {
            Label::Late { due: &due_text, by }
        } else {
            Label::Overdue { due: &due_text, by }
        }
        .text(self.lang);
        let finding = Finding::new(code, Kind::Deadline, step, message, pointer)
            .with_rule(rule)
            .with_help(Help::DeadlineMissed.text(self.lang))
            .with_label(label)
            .with_reasons(vec![anchor_pointer.term_start(self.lang)]);
        Outcome {
            deadline,
            finding: Some(finding),
        }
    }
}

/// A step dated before the event its term counts from: a timeline that cannot be right.
fn before_its_origin(step: &str, event: &Event<'_>, origin: Origin, lang: Lang) -> Finding {
    let (message, help) = messages::event_order(step, lang);
    let pointer = format!("/events/{}/at", event.index);
    Finding::new(
        &codes::EVENT_OUT_OF_ORDER,
        Kind::Deadline,
        step,
        message,
        pointer,
    )
    .with_help(help)
    .with_reasons(vec![origin.term_start(lang)])
}

/// A step with more than one event: the first one counts, and the others are reported.
fn duplicate_event(step: &str, index: usize, first: usize, lang: Lang) -> Finding {
    let (message, help) = messages::duplicate_event(step, first, lang);
    let pointer = format!("/events/{index}");
    Finding::new(
        &codes::DUPLICATE_EVENT,
        Kind::Deadline,
        step,
        message,
        pointer,
    )
    .with_help(help)
}

fn uncomputable(step: &str, rule: &RuleRef, error: &TimeError, lang: Lang) -> Finding {
    let message = Msg::DeadlineUnknown { step, error }.text(lang);
    Finding::new(
        &codes::DEADLINE_UNKNOWN,
        Kind::Deadline,
        step,
        message,
        "/events",
    )
    .with_rule(rule)
    .with_help(Help::DeadlineUnknown.text(lang))
    .with_label(Label::DeadlineNotComputed.text(lang))
}

/// Every step's deadline and the service term, with their findings.
pub(crate) fn deadlines(
    events: &[Event<'_>],
    service: &ServicePlan,
    submitted_at: DateTime<FixedOffset>,
    now: Option<DateTime<FixedOffset>>,
    lang: Lang,
) -> (Vec<Deadline>, Vec<Finding>) {
    let mut findings = Vec::new();
    let events = first_events(events, service, lang, &mut findings);
    let judge = Judge { service, now, lang };
    let mut out = Vec::new();
    let anchor_of = |anchor: &Option<Anchor>| match anchor {
        Some(Anchor::Submitted) => Some((submitted_at, Origin::Submitted)),
        Some(Anchor::Step(j)) => events
            .get(*j)
            .copied()
            .flatten()
            .map(|e| (e.at, Origin::Event(e.index))),
        None => None,
    };
    for (i, step) in service.steps.iter().enumerate() {
        let event = events.get(i).copied().flatten();
        let o = judge.judge(
            &step.id,
            step.actor.as_deref(),
            &step.rule,
            step.within,
            anchor_of(&step.after),
            event,
            &mut findings,
        );
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
