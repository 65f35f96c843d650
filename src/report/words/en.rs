//! The words of bundle findings in English. Each function words one part of a finding; the
//! data of the finding (`check::About`) says which words.

use super::{
    Catalogue, EVENT_SHAPE, ProblemLabel, clock, envelope_shape, is_empty_list, quoted,
    record_shape, shown, titled,
};
use crate::check::{About, FieldPlace, Finding, Found, JsonKind, Lateness, Problem, Reason};
use crate::semantic::model::{Interval, Type};
use crate::vocab::Lang;

/// English.
pub(super) struct English;

impl Catalogue for English {
    fn problem(&self, problem: &Problem) -> (String, String) {
        self::problem(problem)
    }

    fn problem_label(&self, label: ProblemLabel) -> &'static str {
        match label {
            ProblemLabel::Unreadable => "the JSON cannot be read from here",
            ProblemLabel::Wrong => "wrong here",
            ProblemLabel::GivenAgain => "given again here",
            ProblemLabel::NotRead => "not read by any rule",
        }
    }

    fn message(&self, f: &Finding) -> String {
        let subject = &f.subject;
        match &f.about {
            About::Unreadable(p) | About::Input(p) => problem(p).0,
            About::MissingDocument { .. } => {
                format!("missing document `{subject}`{}", titled(f, Lang::En))
            }
            About::MissingItemDocument { index, .. } => format!(
                "missing document `{subject}`{} for element {index} of the list",
                titled(f, Lang::En)
            ),
            About::InvalidDocument { .. } => {
                format!("document `{subject}` does not meet the requirements")
            }
            About::RefusalGround => format!("ground for refusal `{subject}` holds"),
            About::UnknownService { .. } => format!("unknown service `{subject}`"),
            About::ServiceNotInForce { day, .. } => {
                format!("service `{subject}` is not in force on {day}")
            }
            About::ChannelNotInForce { day, .. } => {
                format!("intake channel `{subject}` is not open on {day}")
            }
            About::DeadlineLate { within, .. } => format!(
                "step `{subject}` happened after its deadline ({within} after the earlier event)"
            ),
            About::DeadlineOverdue { .. } => format!(
                "step `{subject}` is overdue: its deadline has passed and it has not happened"
            ),
            About::DeadlineUnknown { error } => {
                format!("the deadline of step `{subject}` cannot be computed: {error}")
            }
            About::WordingNotInForce { act, day, .. } => format!(
                "the deadline of step `{subject}` is not known on {day}: its wording is that of {act}, not in force that day"
            ),
            About::EventOutOfOrder => {
                format!("step `{subject}` is dated before the event its term counts from")
            }
            About::DuplicateEvent { first } => format!(
                "step `{subject}` has another event; only the first one (`/events/{first}`) is counted"
            ),
            About::Undecided { error } => format!("a rule could not be decided: {error}"),
        }
    }

    fn label(&self, f: &Finding) -> Option<String> {
        let subject = &f.subject;
        Some(match &f.about {
            About::MissingDocument { documents } => {
                format!("no `{subject}` among these {documents} documents")
            }
            About::MissingItemDocument { index, field } => format!(
                "no `{subject}` with `\"{}\": {index}` for this item",
                field.name()
            ),
            About::InvalidDocument { field: None, .. } => {
                String::from("this document does not meet the rule")
            }
            About::InvalidDocument {
                field: Some(field), ..
            } => format!("this `{}` does not meet the rule", field.name()),
            About::RefusalGround => String::from("this fact is a ground for refusal"),
            About::UnknownService { .. } => String::from("no such service"),
            About::ChannelNotInForce { day, .. } => format!("not open on {day}"),
            About::ServiceNotInForce { day, .. } => format!("not in force on {day}"),
            About::DeadlineLate { due, by, .. } => {
                format!(
                    "due by {}: {} late",
                    crate::time::rfc3339(*due),
                    lateness(*by)
                )
            }
            About::DeadlineOverdue { due, by } => format!(
                "due by {}: overdue by {}",
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineUnknown { .. } => String::from("deadline not computed"),
            About::WordingNotInForce { .. } => String::from("no deadline judged"),
            About::Unreadable(_)
            | About::Input(_)
            | About::EventOutOfOrder
            | About::DuplicateEvent { .. }
            | About::Undecided { .. } => return None,
        })
    }

    fn help(&self, f: &Finding) -> Option<String> {
        let s = String::from;
        let subject = &f.subject;
        Some(match &f.about {
            About::Unreadable(p) | About::Input(p) => problem(p).1,
            About::MissingDocument { .. } | About::MissingItemDocument { .. } => {
                match super::title(f, Lang::En) {
                    Some(t) => format!("attach the {t} (`{subject}`) to the application"),
                    None => format!("attach `{subject}` to the application"),
                }
            }
            About::InvalidDocument {
                until: Some(until), ..
            } => format!(
                "`{}` must be {} or later ({} after the submission date {}); attach a `{subject}` valid that long",
                until.field.name(),
                until.day,
                until.term,
                until.submitted_on
            ),
            About::InvalidDocument { until: None, .. } => {
                format!("replace the `{subject}` with one that meets the rule")
            }
            About::RefusalGround => s(
                "the service must be refused with a motivated answer citing this ground; check the fact if it may be wrong",
            ),
            About::UnknownService {
                suggestion: Some(near),
                services,
            } => format!(
                "did you mean `{near}`? the services are: {}",
                services.join(", ")
            ),
            About::UnknownService {
                suggestion: None,
                services,
            } => format!("the services are: {}", services.join(", ")),
            About::ServiceNotInForce { in_force, .. } => format!(
                "the service is in force {}; check `submitted_at`, or pass `--as-of` to apply the law of another day",
                intervals(in_force)
            ),
            About::ChannelNotInForce {
                open: Some(open), ..
            } => format!(
                "the channel `{subject}` is open {}; submit through another channel",
                open.describe()
            ),
            About::ChannelNotInForce {
                open: None,
                service,
                offered,
                ..
            } => format!(
                "`{service}` takes applications only through: {}",
                quoted(offered)
            ),
            About::DeadlineLate { .. } | About::DeadlineOverdue { .. } => {
                s("the provider missed a deadline of the regulation; record the reason in the file")
            }
            About::DeadlineUnknown { .. } => {
                s("the rule set's calendar must cover the dates of the bundle's events")
            }
            About::WordingNotInForce {
                act, from, latest, ..
            } => match (from, latest) {
                (Some(from), Some(latest)) => format!(
                    "{act} gave the step its words and entered into force between {from} and {latest}, on a day not known: until that day is known, the earlier wording applies and it is not recorded"
                ),
                (Some(from), None) => format!(
                    "{act} gave the step its words from {from}; the wording before it is not recorded, so the step's deadline is not judged"
                ),
                _ => format!(
                    "{act} gave the step its words; when it entered into force is not known, so the step's deadline is not judged"
                ),
            },
            About::EventOutOfOrder => s(
                "check the dates of both events: a step cannot happen before the event it follows",
            ),
            About::DuplicateEvent { .. } => s(
                "keep one event per step; if the step was redone, record the time it was first completed",
            ),
            About::Undecided { .. } => s(
                "the rule set cannot compute this case (for a working day, its calendar must cover the year); the verdict stays pending until it can",
            ),
        })
    }

    fn reason(&self, f: &Finding, reason: &Reason) -> String {
        match reason {
            Reason::Fact { name, value, .. } if is_empty_list(value) => {
                format!("`{name}` is empty")
            }
            Reason::Fact { name, value, .. } => format!("`{name}` is {}", shown(value)),
            Reason::NoItemDocument { index } => format!(
                "none of these documents is a `{}` for item {index}",
                f.subject
            ),
            Reason::TermStart(_) => String::from("the term counts from here"),
        }
    }

    fn law(&self, citation: &str, rule: &str) -> String {
        format!("{citation} — rule `{rule}`")
    }

    fn until_known(&self) -> &'static str {
        "undecided until these facts are known"
    }
}

/// "1 calendar day (1 working day)", or `hh:mm:ss` within a day.
fn lateness(by: Lateness) -> String {
    let days = |n: i64, kind: &str| {
        if n == 1 {
            format!("1 {kind} day")
        } else {
            format!("{n} {kind} days")
        }
    };
    match (clock(by), by.working_days) {
        (Some(time), _) => time,
        (None, Some(w)) => format!(
            "{} ({})",
            days(by.calendar_days, "calendar"),
            days(w, "working")
        ),
        (None, None) => days(by.calendar_days, "calendar"),
    }
}

/// Several intervals in force, joined with "; ".
fn intervals(when: &[Interval]) -> String {
    when.iter()
        .map(Interval::describe)
        .collect::<Vec<_>>()
        .join("; ")
}

const JSON_HELP: &str =
    "fix the JSON syntax at this place; each bundle must be one well-formed JSON object";
const UNKNOWN_FIELD_HELP: &str =
    "no rule reads this field: check its spelling against the service catalogue, or remove it";

/// A problem with the bundle itself: its message and its help.
fn problem(problem: &Problem) -> (String, String) {
    let s = String::from;
    let not_instant = |text: &str| format!("`{text}` is not a date and time with an offset");
    match problem {
        Problem::TooLarge { mib } => (format!("the bundle is larger than {mib} MiB"), s(JSON_HELP)),
        Problem::JsonEndsEarly => (
            s("the JSON ends too early: a closing bracket or quote is missing"),
            s(JSON_HELP),
        ),
        Problem::JsonCutOff => (
            s("the JSON ends too early: the bundle is cut off here"),
            s(JSON_HELP),
        ),
        Problem::JsonSyntax { detail } => (json_detail(detail), s(JSON_HELP)),
        Problem::NotUtf8 => (
            s("the bundle is not UTF-8 text from here"),
            s(
                "send JSON encoded in UTF-8; convert the text from its legacy encoding (e.g. Windows-1251)",
            ),
        ),
        Problem::Empty => (
            s("no bundle: the text is empty"),
            s("send one JSON object per bundle (in NDJSON, one per line, without blank lines)"),
        ),
        Problem::NotAnObject => (
            s("the bundle is not a JSON object"),
            s("send one JSON object per bundle, `{ \"service\": …, \"submitted_at\": …, … }`"),
        ),
        Problem::Missing { field: "service" } => (
            s("the bundle does not say which service it is for"),
            s("add `\"service\": \"kz.mvd.permanent_residence\"` (or another service id)"),
        ),
        Problem::Missing {
            field: "submitted_at",
        } => (
            s("the bundle does not say when it was submitted"),
            s("add `\"submitted_at\": \"2019-05-14T10:00:00+06:00\"`"),
        ),
        Problem::Missing { field } => (
            format!("the bundle has no `{field}`"),
            format!("add `\"{field}\": …`"),
        ),
        Problem::WrongJsonKind {
            field,
            expected,
            found,
        } => (
            format!(
                "`{field}` must be {}, not {}",
                json_kind(*expected),
                json_kind(*found)
            ),
            match field.as_str() {
                "id" => s("write the id in quotes"),
                "service" => s("write the service id in quotes"),
                "submitted_at" => {
                    s("write it as RFC 3339 in quotes, e.g. `\"2019-05-14T10:00:00+06:00\"`")
                }
                _ => format!("write {}", envelope_shape(field, *expected)),
            },
        ),
        Problem::ParentNotObject { path, key, found } => (
            format!("`{path}` must be an object, not {}", json_kind(*found)),
            format!("write `{{ \"{key}\": … }}` here"),
        ),
        Problem::BadSubmittedAt { text } => (
            not_instant(text),
            s("write it as RFC 3339, e.g. `2019-05-14T10:00:00+06:00` (the date must exist)"),
        ),
        Problem::BadInstant { text } => (
            not_instant(text),
            s("write it as RFC 3339, e.g. `2019-05-14T10:00:00+06:00`"),
        ),
        Problem::BadEventTime { text } => (
            not_instant(text),
            s("write it as RFC 3339, e.g. `2019-05-14T10:20:00+06:00`"),
        ),
        Problem::UnknownChannel { found } => (
            format!("{} is not an intake channel", found_text(found)),
            s("the channels are `provider` and `state_corporation`"),
        ),
        Problem::BadDate { text } => (
            format!("`{text}` is not a real date"),
            s("write dates as YYYY-MM-DD, with a day that exists (e.g. `1985-03-02`)"),
        ),
        Problem::NotOneOf {
            name,
            value,
            values,
        } => (
            format!("{} is not one of the values of `{name}`", found_text(value)),
            format!("the values are: {}", values.join(", ")),
        ),
        Problem::NotARecord {
            name,
            found,
            fields,
        } => (
            format!(
                "each element of `{name}` must be an object, not {}",
                json_kind(*found)
            ),
            format!("write {}", record_shape(fields)),
        ),
        Problem::WrongType {
            name,
            expected,
            found,
        } => (
            format!(
                "`{name}` must be {}, not {}",
                expected.describe(),
                found_text(found)
            ),
            type_help(expected),
        ),
        Problem::DuplicateKey { key } => (
            format!("field `{key}` is given twice here; the last one is used"),
            s("give each field once: other programs may read the first one instead"),
        ),
        Problem::UnknownField { key, place } => {
            let place = match place {
                FieldPlace::Envelope => s("the bundle envelope"),
                FieldPlace::Object(path) => format!("`{path}`"),
                FieldPlace::ListElement(name) => format!("an element of `{name}`"),
                FieldPlace::Document(kind) => format!("document `{kind}`"),
            };
            (
                format!("unknown field `{key}` in {place}"),
                s(UNKNOWN_FIELD_HELP),
            )
        }
        Problem::DocumentNotObject { found } => (
            format!("each document must be an object, not {}", json_kind(*found)),
            s("write `{ \"kind\": \"passport\", … }`"),
        ),
        Problem::DocumentWithoutKind => (
            s("a document without a `kind`"),
            s("say what the document is: `\"kind\": \"passport\"`"),
        ),
        Problem::UnknownDocument {
            kind,
            count,
            service,
            known,
        } => (
            if *count > 1 {
                format!("unknown document kind `{kind}` ({count} documents)")
            } else {
                format!("unknown document kind `{kind}`")
            },
            format!(
                "no rule of `{service}` reads this document; the kinds it knows are: {}",
                known.join(", ")
            ),
        ),
        Problem::BadChild { found } => (
            format!(
                "`child` must be the index of a child in `applicant.children`, not {}",
                found_text(found)
            ),
            s("write a whole number from 0, without quotes"),
        ),
        Problem::EventIncomplete => (
            s("each event needs a `step` and an `at`"),
            format!("write {EVENT_SHAPE}"),
        ),
        Problem::UnknownStep {
            step,
            service,
            known,
        } => (
            format!("unknown step `{step}`"),
            format!("the steps of `{service}` are: {}", known.join(", ")),
        ),
    }
}

/// serde_json's description of a syntax error, in plain English.
fn json_detail(detail: &str) -> String {
    match detail {
        "expected value" => String::from(
            "a value was expected here (a text in quotes, a number, true, false, null, a list or an object)",
        ),
        "trailing characters" => String::from("more text after the end of the bundle's object"),
        "trailing comma" => String::from("a comma before a closing bracket"),
        "key must be a string" => String::from("a field name must be a text in quotes"),
        "expected ident" => String::from("`true`, `false` or `null` was expected here"),
        "number out of range" => String::from("a number too large to read"),
        "recursion limit exceeded" => {
            String::from("the JSON is nested too deeply (more than 128 levels)")
        }
        other if other.starts_with("control character") => {
            String::from("a line break or control character inside a text in quotes")
        }
        other => other.to_string(),
    }
}

/// A JSON kind, with its article.
fn json_kind(kind: JsonKind) -> &'static str {
    match kind {
        JsonKind::Null => "null",
        JsonKind::Bool => "true/false",
        JsonKind::Number => "a number",
        JsonKind::Text => "a text",
        JsonKind::List => "a list",
        JsonKind::Object => "an object",
    }
}

/// A value found where it does not fit: a text as written, anything else by its kind.
fn found_text(found: &Found) -> String {
    match found {
        Found::Text(s) => format!("`{s}`"),
        Found::Other(kind) => json_kind(*kind).to_string(),
    }
}

/// What to write instead of a value of the wrong type.
fn type_help(ty: &Type) -> String {
    let s = String::from;
    match ty {
        Type::Bool => s("write `true` or `false`, without quotes"),
        Type::Text => s("write the text in quotes"),
        Type::Number => s("write a whole number, without quotes"),
        Type::Date => s("write the date in quotes as YYYY-MM-DD"),
        Type::Instant => {
            s("write the moment in quotes as RFC 3339, e.g. `2019-05-14T10:00:00+06:00`")
        }
        Type::Enum(values) => format!("write one of: {}", values.join(", ")),
        Type::Set(values) => format!("write a list of: {}", values.join(", ")),
        Type::List(_) => s("write a list of objects"),
        Type::Duration(_) | Type::Error => String::new(),
    }
}
