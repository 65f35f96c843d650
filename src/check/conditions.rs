//! A rule's condition decided on one bundle, and the facts that made it apply: the reasons a
//! finding shows beside the place it points at.

use super::eval::Env;
use super::finding::{FactValue, Reason};
use crate::compile::ServicePlan;
use crate::semantic::model::TExpr;

/// The facts whose absence left rules undecided, each with the rules that wait on it.
#[derive(Debug, Default)]
pub(crate) struct Waiting {
    facts: Vec<(String, Vec<String>)>,
    /// Where each fact is in `facts`: 32,000 copies lacking a field are 32,000 facts, found
    /// each in constant time.
    at: std::collections::HashMap<String, usize>,
}

impl Waiting {
    /// The facts one rule (`rule`, its id) finds missing: recorded when the guard goes.
    pub(crate) fn on<'w>(&'w mut self, rule: &str) -> RuleWaits<'w> {
        RuleWaits {
            waiting: self,
            rule: rule.to_string(),
            facts: Vec::new(),
        }
    }

    /// A fact that nothing but the bundle's shape waits on (the channel).
    pub(crate) fn fact(&mut self, pointer: &str, rule: &str) {
        let at = match self.at.get(pointer) {
            Some(&at) => at,
            None => {
                self.facts.push((pointer.to_string(), Vec::new()));
                self.at.insert(pointer.to_string(), self.facts.len() - 1);
                self.facts.len() - 1
            }
        };
        if let Some((_, rules)) = self.facts.get_mut(at)
            && !rules.iter().any(|r| r == rule)
        {
            rules.push(rule.to_string());
        }
    }

    /// The facts, in the order first found, each with the rules waiting on it.
    pub(crate) fn into_facts(self) -> Vec<(String, Vec<String>)> {
        self.facts
    }
}

/// The missing facts of one rule, added to [`Waiting`] when dropped.
pub(crate) struct RuleWaits<'w> {
    waiting: &'w mut Waiting,
    rule: String,
    facts: Vec<String>,
}

impl std::ops::Deref for RuleWaits<'_> {
    type Target = Vec<String>;
    fn deref(&self) -> &Vec<String> {
        &self.facts
    }
}

impl std::ops::DerefMut for RuleWaits<'_> {
    fn deref_mut(&mut self) -> &mut Vec<String> {
        &mut self.facts
    }
}

impl Drop for RuleWaits<'_> {
    fn drop(&mut self) {
        let rule = std::mem::take(&mut self.rule);
        for fact in std::mem::take(&mut self.facts) {
            self.waiting.fact(&fact, &rule);
        }
    }
}

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

/// The inputs among `reads` that decided `expr`, which has been decided: of an `or` that
/// holds, the branches that hold (an applicant who entered illegally is not refused for a
/// prosecution that is `false`); of an `and` that fails, the branches that fail; of anything
/// else, every input it reads. In the order of `reads`.
pub(crate) fn deciding(env: &mut Env<'_, '_>, expr: &TExpr, reads: &[usize]) -> Vec<usize> {
    let before = (env.missing.len(), env.unresolved.len());
    let mut keep = Vec::new();
    collect_deciding(env, expr, &mut keep);
    // what a branch could not compute does not matter once the whole is decided
    env.missing.truncate(before.0);
    env.unresolved.truncate(before.1);
    reads.iter().copied().filter(|i| keep.contains(i)).collect()
}

fn collect_deciding(env: &mut Env<'_, '_>, expr: &TExpr, keep: &mut Vec<usize>) {
    match expr {
        TExpr::Not(inner) => collect_deciding(env, inner, keep),
        TExpr::Or(a, b) | TExpr::And(a, b) => {
            // an `or` holds by its branches that hold, an `and` fails by those that fail
            let by = matches!(expr, TExpr::Or(..));
            if env.condition(expr) == Some(by) {
                for side in [a, b] {
                    if env.condition(side) == Some(by) {
                        collect_deciding(env, side, keep);
                    }
                }
            } else {
                crate::compile::collect_reads(expr, keep, &mut Vec::new());
            }
        }
        _ => crate::compile::collect_reads(expr, keep, &mut Vec::new()),
    }
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
