//! Conditions as the checker runs them: a rule's named conditions (`let`s) inlined, its
//! constants folded, so a condition that can be decided without a bundle is decided once, here;
//! and the facts and document fields a condition reads.

use std::collections::HashSet;

use crate::semantic::model::{CompareOp, Condition, Const, DocField, TExpr};

/// A condition as the checker runs it: its named conditions inlined, its constants folded.
pub(crate) fn inline(expr: &TExpr, lets: &[(String, Condition)]) -> TExpr {
    fold(inline_lets(expr, lets))
}

pub(super) fn inline_lets(expr: &TExpr, lets: &[(String, Condition)]) -> TExpr {
    let go = |e: &TExpr| Box::new(inline_lets(e, lets));
    match expr {
        TExpr::Let(i) => lets
            .get(*i)
            .map_or(TExpr::Const(Const::Bool(false)), |(_, c)| {
                inline_lets(&c.expr, lets)
            }),
        TExpr::Not(a) => TExpr::Not(go(a)),
        TExpr::And(a, b) => TExpr::And(go(a), go(b)),
        TExpr::Or(a, b) => TExpr::Or(go(a), go(b)),
        TExpr::Compare(op, a, b) => TExpr::Compare(*op, go(a), go(b)),
        TExpr::Shift(a, d, f) => TExpr::Shift(go(a), *d, *f),
        TExpr::InList(a, v) => TExpr::InList(go(a), v.clone()),
        TExpr::HasAny(a, v) => TExpr::HasAny(go(a), v.clone()),
        TExpr::Quantifier { any, list, body } => TExpr::Quantifier {
            any: *any,
            list: *list,
            body: go(body),
        },
        TExpr::Age(a, b) => TExpr::Age(go(a), go(b)),
        other => other.clone(),
    }
}

/// Fold constant parts of a condition.
pub fn fold(expr: TExpr) -> TExpr {
    use TExpr::{And, Const as C, Not, Or};
    let t = |b: bool| C(Const::Bool(b));
    match expr {
        Not(a) => match fold(*a) {
            C(Const::Bool(b)) => t(!b),
            Not(inner) => *inner,
            other => Not(Box::new(other)),
        },
        And(a, b) => match (fold(*a), fold(*b)) {
            (C(Const::Bool(false)), _) | (_, C(Const::Bool(false))) => t(false),
            (C(Const::Bool(true)), x) | (x, C(Const::Bool(true))) => x,
            (x, y) => And(Box::new(x), Box::new(y)),
        },
        Or(a, b) => match (fold(*a), fold(*b)) {
            (C(Const::Bool(true)), _) | (_, C(Const::Bool(true))) => t(true),
            (C(Const::Bool(false)), x) | (x, C(Const::Bool(false))) => x,
            (x, y) => Or(Box::new(x), Box::new(y)),
        },
        TExpr::Compare(op, a, b) => match (fold(*a), fold(*b)) {
            (C(x), C(y)) => match compare_consts(op, &x, &y) {
                Some(v) => t(v),
                None => TExpr::Compare(op, Box::new(C(x)), Box::new(C(y))),
            },
            (x, y) => TExpr::Compare(op, Box::new(x), Box::new(y)),
        },
        TExpr::Quantifier { any, list, body } => TExpr::Quantifier {
            any,
            list,
            body: Box::new(fold(*body)),
        },
        other => other,
    }
}

fn compare_consts(op: CompareOp, a: &Const, b: &Const) -> Option<bool> {
    let ord = match (a, b) {
        (Const::Number(x), Const::Number(y)) => x.cmp(y),
        (Const::Date(x), Const::Date(y)) => x.cmp(y),
        (Const::Text(x), Const::Text(y)) => x.cmp(y),
        (Const::Bool(x), Const::Bool(y)) => x.cmp(y),
        _ => return None,
    };
    Some(op.holds(ord))
}

/// The inputs an expression reads (each once, after those already in `reads`) and the document
/// fields it reads.
pub(crate) fn collect_reads(expr: &TExpr, reads: &mut Vec<usize>, fields: &mut Vec<DocField>) {
    let mut seen: HashSet<usize> = reads.iter().copied().collect();
    walk(expr, &mut |e| match e {
        TExpr::Input(i) | TExpr::Quantifier { list: i, .. } if seen.insert(*i) => reads.push(*i),
        TExpr::DocField(f) if !fields.contains(f) => fields.push(*f),
        _ => {}
    });
}

pub(super) fn walk(expr: &TExpr, f: &mut impl FnMut(&TExpr)) {
    f(expr);
    match expr {
        TExpr::Not(a) | TExpr::Shift(a, _, _) | TExpr::InList(a, _) | TExpr::HasAny(a, _) => {
            walk(a, f)
        }
        TExpr::And(a, b) | TExpr::Or(a, b) | TExpr::Compare(_, a, b) | TExpr::Age(a, b) => {
            walk(a, f);
            walk(b, f);
        }
        TExpr::Quantifier { body, .. } => walk(body, f),
        _ => {}
    }
}
