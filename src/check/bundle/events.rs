//! The events of a bundle (the steps of the process that happened, with their times): each
//! time parsed once here, so that deadlines are counted on the parsed times.

use super::Event;
use super::parse::parse_instant;
use super::problem::{InputProblem, JsonKind, Problem, wrong_kind};
use crate::check::json::Json as Value;
use crate::codes;
use crate::compile::ServicePlan;

/// The events of the bundle whose step and time could be read, in the order written; every
/// event is checked on the way (its time, its step).
pub(super) fn events<'a>(
    root: &'a Value<'a>,
    plan: &ServicePlan,
    limit: usize,
    problems: &mut Vec<InputProblem>,
) -> Vec<Event<'a>> {
    let mut read = Vec::new();
    let Some(events) = root.get("events").filter(|v| !v.is_null()) else {
        return read;
    };
    let Some(events) = events.as_array() else {
        problems.push(wrong_kind("/events", "events", JsonKind::List, events));
        return read;
    };
    if events.len() > limit {
        problems.push(InputProblem::error(
            "/events",
            "events",
            Problem::TooMany {
                list: "events",
                count: events.len(),
                limit,
            },
        ));
        return read;
    }
    for (i, event) in events.iter().enumerate() {
        let pointer = || format!("/events/{i}");
        let step = event.get("step").and_then(Value::as_str);
        let at = event.get("at").and_then(Value::as_str);
        match (step, at) {
            (Some(step), Some(text)) => {
                match parse_instant(text) {
                    Some(at) => read.push(Event {
                        index: i,
                        step,
                        at,
                        text,
                    }),
                    None => problems.push(InputProblem::error(
                        format!("{}/at", pointer()),
                        step,
                        Problem::BadEventTime {
                            text: text.to_string(),
                        },
                    )),
                }
                if !plan.steps.iter().any(|s| s.id == step) {
                    problems.push(InputProblem {
                        pointer: format!("{}/step", pointer()),
                        subject: step.to_string(),
                        problem: Problem::UnknownStep {
                            step: step.to_string(),
                            service: plan.id.clone(),
                            known: plan.steps.iter().map(|s| s.id.clone()).collect(),
                        },
                        code: &codes::UNKNOWN_STEP,
                    });
                }
            }
            _ => problems.push(InputProblem::error(
                pointer(),
                "events",
                Problem::EventIncomplete,
            )),
        }
    }
    read
}
