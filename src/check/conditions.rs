//! A rule's condition decided on one bundle, and the facts that made it apply: the reasons a
//! finding shows beside the place it points at.

use super::eval::Env;
use super::finding::{FactValue, Reason};
use crate::compile::ServicePlan;
use crate::semantic::model::TExpr;

/// Evaluate a condition; an unknown result records its missing facts.
pub(crate) fn decide(
    env: &mut Env<'_, '_>,
    expr: &TExpr,
    missing: &mut Vec<String>,
) -> Option<bool> {
    env.missing.clear();
    let unresolved_before = env.unresolved.len();
    let result = env.condition(expr);
    if result.is_none() {
        missing.append(&mut env.missing);
    } else {
        // a decided condition does not need what it could not compute
        env.unresolved.truncate(unresolved_before);
    }
    result
}

/// The facts a condition read that the bundle has, each with its value.
pub(crate) fn reasons(service: &ServicePlan, env: &Env<'_, '_>, reads: &[usize]) -> Vec<Reason> {
    reads
        .iter()
        .filter_map(|i| {
            let input = service.inputs.get(*i)?;
            let value = env.facts.get(*i).copied().flatten()?;
            Some(Reason::Fact {
                pointer: input.pointer.clone(),
                name: input.name.clone(),
                value: FactValue::of(value),
            })
        })
        .collect()
}
