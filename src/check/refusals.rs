//! The grounds for refusal on one bundle: a ground that holds is a `refusal-ground` finding at
//! the fact that makes it hold, with the other facts that decided it beside it.

use super::conditions::Waiting;
use super::conditions::{decide, deciding, reasons};
use super::eval::Env;
use super::finding::{About, Finding, Kind};
use super::in_force::InForceJudge;
use super::json::Json as Value;
use super::report::Report;
use crate::codes;
use crate::compile::ServicePlan;

/// Check every ground in force on `as_of`.
pub(crate) fn check(
    service: &ServicePlan,
    env: &mut Env<'_, '_>,
    judge: &mut InForceJudge,
    report: &mut Report,
    missing: &mut Waiting,
) {
    for ground in service
        .refusals
        .iter()
        .filter(|r| judge.surely(&r.in_force, &r.id))
    {
        let missing = &mut missing.on(&ground.rule.id);
        if decide(env, &ground.condition.expr, missing) != Some(true) {
            continue;
        }
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
    }
}
