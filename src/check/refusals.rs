//! The grounds for refusal on one bundle: a ground that holds is a `refusal-ground` finding at
//! the fact that makes it hold, with the other facts that decided it beside it.

use super::conditions::Waiting;
use super::conditions::{decide, deciding, reasons};
use super::eval::Env;
use super::finding::{About, Finding, Kind};
use super::in_force::InForceJudge;
use super::json::Json as Value;
use super::observe::{Element, Observer, Site};
use super::report::Report;
use crate::codes;
use crate::compile::ServicePlan;

/// Check every ground in force on `as_of`.
pub(crate) fn check<'p, O: Observer<'p>>(
    service: &'p ServicePlan,
    env: &mut Env<'_, '_>,
    judge: &mut InForceJudge,
    report: &mut Report,
    missing: &mut Waiting,
    observer: &mut O,
) {
    for ground in &service.refusals {
        // an undecided element is not checked (the judge records it); an observer hears why
        let in_force = judge.in_force(&ground.in_force, &ground.id, false);
        observer.element(Element::Ground(ground), in_force);
        if in_force != Some(true) {
            continue;
        }
        let missing = &mut missing.on(&ground.rule.id);
        let before = missing.len();
        let holds = decide(env, &ground.condition.expr, missing);
        let undecided = missing.get(before..).unwrap_or_default();
        observer.decided(Site::Ground(ground), env, holds, undecided);
        if holds != Some(true) {
            continue;
        }
        let start = report.findings.len();
        // the fact that holds goes first: it is where the finding points
        let mut reads = deciding(env, &ground.condition.expr, &ground.condition.reads);
        reads.sort_by_key(|i| {
            !matches!(
                env.facts.get(*i).copied().flatten(),
                Some(Value::Bool(true))
            )
        });
        let mut reasons = reasons(service, env, &reads).into_iter();
        let pointer = reasons
            .next()
            .map_or_else(String::new, |r| r.pointer().into_owned());
        report.findings.push(
            Finding::new(
                &codes::REFUSAL_GROUND,
                Kind::Refusal,
                &ground.id,
                pointer,
                About::RefusalGround,
            )
            .with_rule(&ground.rule)
            .with_reasons(reasons.collect()),
        );
        observer.concluded(start..report.findings.len());
    }
}
