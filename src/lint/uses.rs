//! What the conditions of a service read: which inputs and which named conditions, so that
//! the `unused-…` lints can find those nothing reads.

use crate::semantic::model::{Requirement, ServiceModel, TExpr};

/// The inputs and `let`s a service's rules read, by index.
#[derive(Debug, Default)]
pub struct Uses {
    /// `inputs[i]` is read.
    pub inputs: Vec<bool>,
    /// `lets[i]` is used.
    pub lets: Vec<bool>,
    /// The document kinds a condition asks about (`has document KIND`).
    pub asked: std::collections::HashSet<String>,
}

/// What the rules of `s` read: its named conditions, requirements, document rules and
/// refusal grounds.
pub fn uses(s: &ServiceModel) -> Uses {
    let mut u = Uses {
        inputs: vec![false; s.inputs.len()],
        lets: vec![false; s.lets.len()],
        asked: std::collections::HashSet::new(),
    };
    let mut roots: Vec<&TExpr> = s.lets.iter().map(|(_, c)| &c.expr).collect();
    for d in &s.documents {
        match &d.required {
            Some(Requirement::When { when, unless }) => {
                roots.push(&when.expr);
                roots.extend(unless.iter().map(|c| &c.expr));
            }
            Some(Requirement::PerItem {
                list,
                filter,
                unless,
                ..
            }) => {
                mark(&mut u.inputs, *list);
                roots.extend(filter.iter().map(|c| &c.expr));
                roots.extend(unless.iter().map(|c| &c.expr));
            }
            None => {}
        }
        roots.extend(d.validity.iter().map(|(c, _)| &c.expr));
    }
    for r in &s.refusals {
        roots.push(&r.when.expr);
        roots.extend(r.unless.iter().map(|c| &c.expr));
    }
    let mut stack = roots;
    while let Some(e) = stack.pop() {
        match e {
            TExpr::Input(i) => mark(&mut u.inputs, *i),
            TExpr::Let(i) => mark(&mut u.lets, *i),
            TExpr::Quantifier { list, body, .. } => {
                mark(&mut u.inputs, *list);
                stack.push(body);
            }
            TExpr::Not(a) | TExpr::Shift(a, ..) | TExpr::InList(a, _) | TExpr::HasAny(a, _) => {
                stack.push(a)
            }
            TExpr::And(a, b) | TExpr::Or(a, b) | TExpr::Compare(_, a, b) | TExpr::Age(a, b) => {
                stack.push(a);
                stack.push(b);
            }
            TExpr::Const(_)
            | TExpr::ItemField(_)
            | TExpr::ItemIndex
            | TExpr::DocField(_)
            | TExpr::SubmittedAt
            | TExpr::SubmittedOn
            | TExpr::Channel => {}
            TExpr::HasDocument(kind) => {
                u.asked.insert(kind.clone());
            }
        }
    }
    u
}

fn mark(flags: &mut [bool], i: usize) {
    if let Some(f) = flags.get_mut(i) {
        *f = true;
    }
}
