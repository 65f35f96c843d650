//! Validity: when acts entered into force and lost it, and the `since`/`until` interval of
//! every element, checked against the act that defines it.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::error::{SemanticError, Subject};
use std::sync::Arc;

use super::model::{ActInfo, Interval, Window};
use crate::source::{Span, Spanned};
use crate::syntax::ast::{self, InForce, TimePoint, known_date};
use crate::vocab::DurationUnit;

/// Resolve the timeline of every act.
pub(crate) fn resolve_acts(acts: Vec<ast::Act>) -> BTreeMap<String, ActInfo> {
    let mut out = BTreeMap::new();
    for decl in acts {
        let (in_force, estimate) = entry_into_force(&decl);
        let lost_force = decl
            .repealed
            .as_ref()
            .and_then(|r| r.on.as_ref())
            .and_then(|d| known_date(d.node));
        out.entry(decl.name.node.clone()).or_insert(ActInfo {
            decl,
            in_force,
            in_force_is_estimate: estimate,
            in_force_latest: None,
            lost_force,
        });
    }
    // a repeal without its own date takes effect when the repealing act entered into force
    let repeal_dates: Vec<(String, Option<NaiveDate>)> = out
        .iter()
        .filter(|(_, a)| a.lost_force.is_none())
        .filter_map(|(name, a)| {
            let by = &a.decl.repealed.as_ref()?.by.node;
            Some((name.clone(), out.get(by).and_then(|b| b.in_force)))
        })
        .collect();
    for (name, date) in repeal_dates {
        if let Some(act) = out.get_mut(&name) {
            act.lost_force = date;
        }
    }
    // an amending act whose date is not known entered into force before the act it amends
    // lost force (its words are in that act's text): the last day that act was in force is
    // the latest day it can have, and from that day on it is surely in force
    let latest: Vec<(String, Option<NaiveDate>)> = out
        .iter()
        .filter(|(_, a)| a.in_force_is_estimate)
        .map(|(name, _)| {
            let amended = out
                .values()
                .find(|a| a.decl.amendments.iter().any(|m| &m.by.node == name));
            (
                name.clone(),
                amended
                    .and_then(|a| a.lost_force)
                    .and_then(|lost| lost.pred_opt()),
            )
        })
        .collect();
    for (name, date) in latest {
        if let Some(act) = out.get_mut(&name) {
            act.in_force_latest = date;
        }
    }
    out
}

/// The first day in force, and whether it is only the earliest date the record allows.
///
/// "N calendar days after the day of first official publication" means days D+1 … D+N must
/// elapse, so the act is in force on D+N+1. With the publication date unknown, the earliest
/// possible publication day is the registration (or, failing that, the signing) date.
fn entry_into_force(act: &ast::Act) -> (Option<NaiveDate>, bool) {
    let published = act
        .published
        .as_ref()
        .and_then(|p| p.node)
        .and_then(known_date);
    let issued = act.issued.as_ref().and_then(|(d, _)| known_date(d.node));
    let earliest_publication = || {
        act.registered
            .as_ref()
            .and_then(|(d, _)| d.as_ref().and_then(|d| known_date(d.node)))
            .or(issued)
    };
    match act.in_force.as_ref().map(|f| &f.node) {
        Some(InForce::Date(d)) => (known_date(*d), false),
        Some(InForce::AfterPublication(duration)) => {
            let (base, estimate) = match published {
                Some(p) => (Some(p), false),
                None => (earliest_publication(), true),
            };
            (base.and_then(|b| after_days(b, *duration)), estimate)
        }
        Some(InForce::Unknown) => (earliest_publication(), true),
        None => (published.or(issued), published.is_none()),
    }
}

fn after_days(base: NaiveDate, duration: crate::vocab::Duration) -> Option<NaiveDate> {
    let days = match duration.unit {
        DurationUnit::Months => {
            return base.checked_add_months(chrono::Months::new(duration.amount));
        }
        DurationUnit::Years => {
            return base
                .checked_add_months(chrono::Months::new(duration.amount.saturating_mul(12)));
        }
        _ => u64::from(duration.amount) + 1,
    };
    base.checked_add_days(Days::new(days))
}

/// The interval of an element from its `since`/`until`, inside `outer` where not stated.
pub(crate) fn interval(
    since: Option<&Spanned<TimePoint>>,
    until: Option<&Spanned<TimePoint>>,
    outer: &Interval,
    acts: &BTreeMap<String, ActInfo>,
) -> Interval {
    let point = |p: &Spanned<TimePoint>| match &p.node {
        TimePoint::Date(d) => known_date(*d).map(|d| (d, None)),
        TimePoint::Act(name) => acts
            .get(&name.node)
            .and_then(|a| a.in_force.map(|d| (d, window(&name.node, a)))),
    };
    let (from, from_window) = match since.and_then(point) {
        Some((d, w)) => (Some(d), w),
        None => (outer.from, outer.from_window.clone()),
    };
    let (until, until_window) = match until.and_then(point) {
        Some((d, w)) => (Some(d), w),
        None => (outer.until, outer.until_window.clone()),
    };
    Interval {
        from,
        until,
        from_window,
        until_window,
    }
}

/// The window of an act whose entry into force is only an estimate.
fn window(name: &str, act: &ActInfo) -> Option<Window> {
    act.in_force_is_estimate.then(|| Window {
        act: Arc::from(name),
        latest: act.in_force_latest,
    })
}

/// An element's interval must lie inside its container's (a service inside its act, an element
/// inside its service), and must not be empty.
pub(crate) fn check_inside(
    what: Subject,
    inner: &Interval,
    container: Subject,
    act: &Interval,
    span: Span,
    errors: &mut Vec<SemanticError>,
) {
    if let (Some(f), Some(u)) = (inner.from, inner.until)
        && f >= u
    {
        errors.push(SemanticError::EmptyInterval {
            what,
            since: f.to_string(),
            until: u.to_string(),
            span,
        });
        return;
    }
    let starts_early = matches!((inner.from, act.from), (Some(i), Some(a)) if i < a)
        || (inner.from.is_none() && act.from.is_some());
    let ends_late = matches!((inner.until, act.until), (Some(i), Some(a)) if i > a)
        || (inner.until.is_none() && act.until.is_some());
    if starts_early || ends_late {
        errors.push(SemanticError::OutsideAct {
            what,
            container,
            container_interval: act.describe_words(),
            span,
            interval: inner.describe_words(),
        });
    }
}

/// The interval in which an act is in force.
pub(crate) fn act_interval(act: &ActInfo) -> Interval {
    Interval {
        from: act.in_force,
        until: act.lost_force,
        from_window: window(&act.decl.name.node, act),
        until_window: None,
    }
}
