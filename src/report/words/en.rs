//! The words of bundle findings in English. Each function words one part of a finding; the
//! data of the finding (`check::About`) says which words; the problems with the bundle itself
//! (`check::Problem`) are worded in `problems`.

mod problems;

use super::period::{Bound, bounds};
use super::why::{item_fields, required_because};
use super::{
    Catalogue, ProblemLabel, Unit, actor_named, clock, clock_words, is_empty_list, quoted,
    rule_says, shown, titled,
};
use crate::check::{About, Duty, FactValue, Finding, Lateness, Problem, Reason};
use crate::semantic::model::Interval;
use crate::vocab::Lang;

/// English.
pub(super) struct English;

impl Catalogue for English {
    fn problem(&self, problem: &Problem) -> (String, String) {
        problems::problem(problem)
    }

    fn problem_label(&self, label: ProblemLabel) -> &'static str {
        match label {
            ProblemLabel::NotChecked => "not checked",
            ProblemLabel::Unreadable => "the JSON cannot be read from here",
            ProblemLabel::Wrong => "wrong here",
            ProblemLabel::GivenAgain => "given again here",
            ProblemLabel::NotRead => "not read by any rule",
            ProblemLabel::Ignored => "ignored",
            ProblemLabel::OtherCase => "read as the standard code",
        }
    }

    fn message(&self, f: &Finding) -> String {
        let subject = &f.subject;
        match &f.about {
            About::Unreadable(p) | About::Input(p) => problems::problem(p).0,
            About::MissingDocument { .. } | About::MissingItemDocument { .. } => {
                let missing = format!("missing document `{subject}`{}", titled(f, Lang::En));
                match (required_because(f, Lang::En), &f.about) {
                    (Some(why), _) => format!("{missing}: {why}"),
                    (
                        None,
                        About::MissingItemDocument {
                            index, list, item, ..
                        },
                    ) => format!(
                        "{missing} for the {} item of `{list}`{}",
                        self.ordinal(index + 1),
                        item_fields(item)
                    ),
                    (None, About::MissingDocument { always: true, .. }) => {
                        format!("{missing}: it is required of every applicant")
                    }
                    (None, _) => missing,
                }
            }
            About::InvalidDocument { .. } => {
                format!("document `{subject}` does not meet the requirements")
            }
            About::InvalidDocumentCopy {
                field,
                met_by,
                maybe,
            } => {
                let rule = match (rule_says(f, Lang::En), field) {
                    (Some(says), _) => format!("a rule: {says}"),
                    (None, Some(field)) => format!("the rule on its `{}`", field.name()),
                    (None, None) => String::from("a rule on its fields"),
                };
                let meets = if *maybe {
                    "may meet the requirement: it lacks a field a rule needs"
                } else {
                    "meets the requirement"
                };
                format!(
                    "a copy of `{subject}` fails {rule}; the copy `/documents/{met_by}` {meets}"
                )
            }
            About::RefusalGround => format!("ground for refusal `{subject}` holds"),
            About::UnknownService { .. } => format!("unknown service `{subject}`"),
            About::ServiceNotInForce { day, .. } => {
                format!("service `{subject}` is not in force on {day}")
            }
            About::ChannelNotInForce { day, .. } => {
                format!("intake channel `{subject}` is not open on {day}")
            }
            About::DeadlineLate {
                within,
                due,
                by,
                duty,
            } if subject == "term" => format!(
                "the service term, {within} after {}, ran out at {}; the service was completed {} late",
                counted_from(duty),
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineOverdue {
                within,
                due,
                by,
                duty,
            } if subject == "term" => format!(
                "the service term, {within} after {}, ran out at {}; the service is not completed: overdue by {}",
                counted_from(duty),
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineLate {
                within,
                due,
                by,
                duty,
            } => format!(
                "{} was due {within} after {}, by {}, and happened {} late",
                step(subject, duty),
                counted_from(duty),
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineOverdue {
                within,
                due,
                by,
                duty,
            } => format!(
                "{} was due {within} after {}, by {}, and has not happened: overdue by {}",
                step(subject, duty),
                counted_from(duty),
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineUnknown { error } => {
                format!("the deadline of step `{subject}` cannot be computed: {error}")
            }
            About::InForceUnknown {
                act,
                day,
                earliest,
                latest,
                elements,
                ..
            } => format!(
                "whether {act} was in force on {day} is not known: it entered into force on a day from {earliest} to {}, so {} is undecided",
                latest.map_or_else(|| String::from("a day not known"), |l| l.to_string()),
                quoted(elements)
            ),
            About::WordingNotInForce { act, day, .. } => format!(
                "the deadline of step `{subject}` is not known on {day}: its wording is that of {act}, not in force that day"
            ),
            About::EventOutOfOrder { at, duty } => format!(
                "step `{subject}` is dated {}, before {}, the event its term counts from",
                crate::time::rfc3339(*at),
                counted_from(duty)
            ),
            About::DuplicateEvent { first } => format!(
                "step `{subject}` has another event; only the first one (`/events/{first}`) is counted"
            ),
            About::Undecided { error } => format!("a rule could not be decided: {error}"),
        }
    }

    fn label(&self, f: &Finding) -> Option<String> {
        let subject = &f.subject;
        Some(match &f.about {
            About::MissingDocument { documents, .. } => {
                format!("no `{subject}` among these {documents} documents")
            }
            About::MissingItemDocument { index, field, .. } => format!(
                "no `{subject}` with `\"{}\": {index}` for this item",
                field.name()
            ),
            About::InvalidDocument { field: None, .. } => {
                String::from("this document does not meet the rule")
            }
            About::InvalidDocument {
                field: Some(field), ..
            } => format!("this `{}` does not meet the rule", field.name()),
            About::InvalidDocumentCopy { field: None, .. } => {
                String::from("this copy does not meet the rule")
            }
            About::InvalidDocumentCopy {
                field: Some(field), ..
            } => format!("this copy's `{}` does not meet the rule", field.name()),
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
            About::DeadlineOverdue { due, by, .. } => format!(
                "due by {}: overdue by {}",
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineUnknown { .. } => String::from("deadline not computed"),
            About::InForceUnknown { elements, .. } => {
                format!("the day applied; undecided: {}", quoted(elements))
            }
            About::WordingNotInForce { .. } => String::from("no deadline judged"),
            About::Unreadable(_)
            | About::Input(_)
            | About::EventOutOfOrder { .. }
            | About::DuplicateEvent { .. }
            | About::Undecided { .. } => return None,
        })
    }

    fn help(&self, f: &Finding) -> Option<String> {
        let s = String::from;
        let subject = &f.subject;
        Some(match &f.about {
            About::Unreadable(p) | About::Input(p) => problems::problem(p).1,
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
            About::InvalidDocumentCopy {
                met_by,
                maybe: true,
                ..
            } => format!(
                "complete the copy `/documents/{met_by}` with what it lacks: if it meets the rule, this copy is not needed; if not, replace this one with a copy that meets the rule"
            ),
            About::InvalidDocumentCopy { met_by, .. } => format!(
                "the copy `/documents/{met_by}` meets the requirement; remove this copy from the application, or replace it with one that meets the rule"
            ),
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
                interval(open)
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
            About::DeadlineLate { duty, .. } | About::DeadlineOverdue { duty, .. } => {
                match &duty.actor {
                    Some(actor) => format!(
                        "{} missed a deadline of the regulation; record the reason in the file",
                        actor_named(actor)
                    ),
                    None => {
                        s("a deadline of the regulation was missed; record the reason in the file")
                    }
                }
            }
            About::DeadlineUnknown { .. } => {
                s("the rule set's calendar must cover the dates of the bundle's events")
            }
            About::InForceUnknown { act, .. } => format!(
                "the publication date of {act} is not recorded, so what it brings into force is undecided; record the date in the rule files, or check with `--assume-in-force earliest` or `latest` to decide anyway"
            ),
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
            About::EventOutOfOrder { .. } => s(
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
            Reason::Fact {
                name,
                value: value @ FactValue::Members(_),
                ..
            } => format!("`{name}` holds {}", shown(value)),
            Reason::Fact { name, value, .. } => format!("`{name}` is {}", shown(value)),
            Reason::NoItemDocument { index } => format!(
                "none of these documents is a `{}` for item {index}",
                f.subject
            ),
            Reason::TermStart(_) => String::from("the term counts from here"),
            Reason::CopyMeetsRequirement { maybe: false, .. } => {
                String::from("this copy meets the requirement")
            }
            Reason::CopyMeetsRequirement { maybe: true, .. } => {
                String::from("this copy may meet the requirement")
            }
        }
    }

    fn citation(&self, citation: &crate::compile::Citation) -> String {
        super::citation::citation_en(citation)
    }

    fn law(&self, citation: &str, rule: &str) -> String {
        format!("{citation} — rule `{rule}`")
    }

    fn verdict(&self, _: crate::vocab::Verdict) -> Option<&'static str> {
        None
    }

    fn late_by(&self, by: Lateness) -> String {
        lateness(by)
    }

    fn timeline(&self) -> &'static super::Timeline {
        &super::Timeline {
            submitted: "submitted",
            as_of: "as of",
            columns: ["step", "actor", "due", "actual", "status", "late by"],
            statuses: ["on time", "LATE", "OVERDUE", "open", "done"],
            no_timeline: "is {verdict}: no timeline can be computed",
            see_why: "run this to see why:",
        }
    }

    fn until_known(&self) -> &'static str {
        "undecided until these facts are known"
    }

    fn unverified(&self, reason: &str) -> String {
        format!("unverified: {reason}")
    }

    fn ordinal(&self, n: usize) -> String {
        const WORDS: [&str; 10] = [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth",
        ];
        if let Some(word) = n.checked_sub(1).and_then(|i| WORDS.get(i)) {
            return (*word).to_string();
        }
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{n}{suffix}")
    }
}

/// "step `x` by `provider` «көрсетілетін қызметті беруші»".
fn step(subject: &str, duty: &Duty) -> String {
    match &duty.actor {
        Some(actor) => format!("step `{subject}` by {}", actor_named(actor)),
        None => format!("step `{subject}`"),
    }
}

/// "the submission (2019-05-14T10:00:00+06:00)" or "step `x` (…)".
fn counted_from(duty: &Duty) -> String {
    let at = crate::time::rfc3339(duty.after_at);
    match &duty.after {
        Some(step) => format!("step `{step}` ({at})"),
        None => format!("the submission ({at})"),
    }
}

/// "1 calendar day (1 working day)", or "1 hour 5 minutes" within a day.
fn lateness(by: Lateness) -> String {
    let days = |n: i64, kind: &str| {
        if n == 1 {
            format!("1 {kind} day")
        } else {
            format!("{n} {kind} days")
        }
    };
    match (clock(by), by.working_days) {
        (Some(parts), _) => clock_words(parts, |n, unit| {
            let word = match unit {
                Unit::Hour => "hour",
                Unit::Minute => "minute",
                Unit::Second => "second",
            };
            if n == 1 {
                format!("1 {word}")
            } else {
                format!("{n} {word}s")
            }
        }),
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
    when.iter().map(interval).collect::<Vec<_>>().join("; ")
}

/// "from 2019-09-27 through 2020-04-13"; a bound that waits on an act says so.
fn interval(when: &Interval) -> String {
    let bound = |b: Bound<'_>| match b {
        Bound::Day(day) => day.to_string(),
        Bound::Window {
            act,
            earliest,
            latest: Some(latest),
        } => format!(
            "the day `{act}` entered into force (from {earliest} to {latest}, not known exactly)"
        ),
        Bound::Window { act, earliest, .. } => {
            format!("the day `{act}` entered into force ({earliest} or later, not known exactly)")
        }
    };
    match bounds(when) {
        (Some(f), Some(Bound::Day(l))) => format!("from {} through {l}", bound(f)),
        (Some(f), Some(u)) => format!("from {} until {}", bound(f), bound(u)),
        (Some(f), None) => format!("from {}", bound(f)),
        (None, Some(Bound::Day(l))) => format!("through {l}"),
        (None, Some(u)) => format!("until {}", bound(u)),
        (None, None) => String::from("at all times"),
    }
}
