//! The envelope of a bundle (docs/contracts.md): the fields every service needs, read before the
//! service is known.

use chrono::{DateTime, FixedOffset};

use super::parse::parse_instant;
use super::problem::{Found, InputProblem, JsonKind, Problem, wrong_kind};
use crate::check::json::Json as Value;

/// Top-level fields of the envelope.
pub(super) const ENVELOPE: [&str; 8] = [
    "id",
    "service",
    "submitted_at",
    "channel",
    "applicant",
    "documents",
    "checks",
    "events",
];

/// The envelope fields every service needs: `service` and `submitted_at`.
pub(crate) struct Envelope<'a> {
    /// `id`.
    pub id: Option<&'a str>,
    /// `service`.
    pub service: Option<&'a str>,
    /// `submitted_at`, as written and parsed.
    pub submitted_at: Option<(&'a str, DateTime<FixedOffset>)>,
    /// `channel`; absent is unknown.
    pub channel: Option<&'a str>,
}

/// Read the envelope; problems are pushed to `problems`.
pub(crate) fn envelope<'a>(root: &'a Value<'a>, problems: &mut Vec<InputProblem>) -> Envelope<'a> {
    let Some(obj) = root.as_object() else {
        problems.push(InputProblem::error("", "bundle", Problem::NotAnObject));
        return Envelope {
            id: None,
            service: None,
            submitted_at: None,
            channel: None,
        };
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.as_ref()),
        Some(other) => {
            problems.push(wrong_kind("/id", "id", JsonKind::Text, other));
            None
        }
    };
    let service = match obj.get("service") {
        Some(Value::String(s)) => Some(s.as_ref()),
        None | Some(Value::Null) => {
            problems.push(InputProblem::error(
                "",
                "service",
                Problem::Missing { field: "service" },
            ));
            None
        }
        Some(other) => {
            problems.push(wrong_kind("/service", "service", JsonKind::Text, other));
            None
        }
    };
    let submitted_at = match obj.get("submitted_at") {
        Some(Value::String(s)) => match parse_instant(s).filter(within_every_timezone) {
            Some(t) => Some((s.as_ref(), t)),
            None => {
                problems.push(InputProblem::error(
                    "/submitted_at",
                    "submitted_at",
                    Problem::BadSubmittedAt {
                        text: s.to_string(),
                    },
                ));
                None
            }
        },
        None | Some(Value::Null) => {
            problems.push(InputProblem::error(
                "",
                "submitted_at",
                Problem::Missing {
                    field: "submitted_at",
                },
            ));
            None
        }
        Some(other) => {
            problems.push(wrong_kind(
                "/submitted_at",
                "submitted_at",
                JsonKind::Text,
                other,
            ));
            None
        }
    };
    // which channels exist is the service's to say: only the kind of value is checked here
    let channel = match obj.get("channel") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.as_ref()),
        Some(other) => {
            problems.push(InputProblem::error(
                "/channel",
                "channel",
                Problem::UnknownChannel {
                    found: Found::of(other),
                },
            ));
            None
        }
    };
    Envelope {
        id,
        service,
        submitted_at,
        channel,
    }
}

/// Whether the submission's day is a day of years 0000–9999 in every timezone (offsets reach
/// ±26 hours): the day whose law applies is that day in the service's timezone, and a report
/// writes its days with four-digit years, so `9999-12-31T23:59:59-23:59` (10000-01-01 in
/// Almaty) cannot be one.
fn within_every_timezone(t: &DateTime<FixedOffset>) -> bool {
    let day = t.naive_utc().date();
    let first = chrono::NaiveDate::from_ymd_opt(0, 1, 2);
    let last = chrono::NaiveDate::from_ymd_opt(9999, 12, 30);
    first.is_some_and(|f| day >= f) && last.is_some_and(|l| day <= l)
}
