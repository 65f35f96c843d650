//! Whether the service applies to a bundle: the day whose law is applied, the version of the
//! service in force that day, and the intake channel open that day (`unknown-service`,
//! `not-in-force`); a channel the service does not declare at all is not a channel of it
//! (`invalid-input`).

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::bundle::{InputProblem, Problem};
use super::finding::{About, Finding, Kind};
use super::in_force::InForceJudge;
use crate::codes;
use crate::compile::{Plan, ServiceLookup, ServicePlan};
use crate::semantic::model::InForce;

/// The day whose law applies: `--as-of`, or the submission day in the service's timezone (in
/// UTC for a service that does not exist).
pub(crate) fn day_applied(
    plan: &Plan,
    service_id: &str,
    submitted_at: DateTime<FixedOffset>,
    as_of: Option<NaiveDate>,
) -> NaiveDate {
    as_of.unwrap_or_else(|| {
        plan.services
            .iter()
            .find(|s| s.id == service_id)
            .map_or(submitted_at.date_naive(), |s| {
                submitted_at.with_timezone(&s.timezone).date_naive()
            })
    })
}

/// No version of the service applies on `as_of`: it does not exist, or it is not in force.
pub(crate) fn not_applicable(
    plan: &Plan,
    id: &str,
    as_of: NaiveDate,
    lookup: &ServiceLookup<'_>,
) -> Finding {
    match lookup {
        ServiceLookup::Unknown => {
            let services = plan.service_ids();
            let suggestion =
                crate::suggest::suggest(id, services.iter().copied()).map(String::from);
            Finding::new(
                &codes::UNKNOWN_SERVICE,
                Kind::Applicability,
                id,
                "/service",
                About::UnknownService {
                    suggestion,
                    services: services.into_iter().map(String::from).collect(),
                },
            )
        }
        ServiceLookup::NotInForce(versions) => {
            let finding = Finding::new(
                &codes::NOT_IN_FORCE,
                Kind::Applicability,
                id,
                "/service",
                About::ServiceNotInForce {
                    day: as_of,
                    in_force: versions.iter().map(|v| v.validity.clone()).collect(),
                },
            );
            match versions.first() {
                Some(version) => finding.with_rule(&version.rule),
                None => finding,
            }
        }
    }
}

/// Whether the service declares the channel, open that day or not. A service that declares no
/// channel says nothing about channels: every channel is one of its own.
pub(crate) fn declares_channel(service: &ServicePlan, name: &str) -> bool {
    service.channels.is_empty() || service.channels.iter().any(|c| c.name == name)
}

/// A channel the service does not declare: the bundle is wrong, not the day (a declared
/// channel closed on the day is [`channel_closed`]).
pub(crate) fn undeclared_channel(service: &ServicePlan, name: &str) -> InputProblem {
    InputProblem::error(
        "/channel",
        "channel",
        Problem::UndeclaredChannel {
            channel: name.to_string(),
            service: service.id.clone(),
            offered: service.channels.iter().map(|c| c.name.clone()).collect(),
        },
    )
}

/// The version of the service in force on the day applied. A version whose start or end is
/// undecided on that day (an act of unknown entry into force bounds it) is taken, and the
/// judge records it: the service's applicability is then undecided.
pub(crate) fn version<'p>(
    plan: &'p Plan,
    id: &str,
    as_of: NaiveDate,
    judge: &mut InForceJudge,
) -> Result<&'p ServicePlan, ServiceLookup<'p>> {
    let undecided = plan
        .services
        .iter()
        .find(|s| s.id == id && matches!(s.validity.on(as_of), InForce::Unknown { .. }));
    match undecided {
        Some(version) => match judge.in_force(&version.validity, &version.id, true) {
            Some(false) => plan.service(id, as_of),
            _ => Ok(version),
        },
        None => plan.service(id, as_of),
    }
}

/// The channel a bundle names must be one the service offers, open on the day applied; a
/// channel whose opening is undecided that day is recorded by the judge, not closed.
pub(crate) fn channel_closed(
    service: &ServicePlan,
    name: &str,
    judge: &mut InForceJudge,
) -> Option<Finding> {
    let channel = service.channels.iter().find(|c| c.name == name);
    let open = match channel {
        None => Some(service.channels.is_empty()),
        Some(c) => judge.in_force(&c.open, &c.name, true),
    };
    if open != Some(false) {
        return None;
    }
    let as_of = judge.day();
    let about = About::ChannelNotInForce {
        day: as_of,
        service: service.id.clone(),
        open: channel.map(|c| c.open.clone()),
        offered: service.channels.iter().map(|c| c.name.clone()).collect(),
    };
    Some(
        Finding::new(
            &codes::NOT_IN_FORCE,
            Kind::Applicability,
            name,
            "/channel",
            about,
        )
        .with_rule(channel.map_or(&service.rule, |c| &c.rule)),
    )
}

/// Whether every channel of the service is surely open on the day applied (then a bundle that
/// does not say its channel needs not say it). A channel whose opening is undecided that day
/// is not surely open, and the judge records it: the warning says why the channel matters.
pub(crate) fn every_channel_open(service: &ServicePlan, judge: &mut InForceJudge) -> bool {
    let mut all = true;
    for channel in &service.channels {
        all &= judge.in_force(&channel.open, &channel.name, false) == Some(true);
    }
    all
}
