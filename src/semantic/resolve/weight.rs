//! How large and how deep a condition becomes once the `let`s it names are put in its place,
//! as the compiler does. `let l1 = l0 and l0`, `let l2 = l1 and l1`, … doubles at each step:
//! forty of them would be a trillion parts, so a `let` past the limit is an error here, and
//! the tree every later phase walks stays bounded.

use crate::semantic::model::TExpr;

/// Parts a `let` may have once the `let`s it names are put in.
pub(super) const LET_PARTS: usize = 2_000;
/// Levels a `let` may have once the `let`s it names are put in.
pub(super) const LET_DEPTH: usize = 256;

/// `(parts, depth)` of `expr` with each `let` it names counted as `lets` says (saturating:
/// the numbers only need to pass the limits).
pub(super) fn weight(expr: &TExpr, lets: &[(usize, usize)]) -> (usize, usize) {
    let one = |e: &TExpr| weight(e, lets);
    let join = |(a, da): (usize, usize), (b, db): (usize, usize)| {
        (
            a.saturating_add(b).saturating_add(1),
            da.max(db).saturating_add(1),
        )
    };
    match expr {
        TExpr::Let(i) => lets.get(*i).copied().unwrap_or((1, 1)),
        TExpr::Not(a) | TExpr::Shift(a, _, _) | TExpr::InList(a, _) | TExpr::HasAny(a, _) => {
            let (n, d) = one(a);
            (n.saturating_add(1), d.saturating_add(1))
        }
        TExpr::Quantifier { body, .. } => {
            let (n, d) = one(body);
            (n.saturating_add(1), d.saturating_add(1))
        }
        TExpr::And(a, b) | TExpr::Or(a, b) | TExpr::Compare(_, a, b) | TExpr::Age(a, b) => {
            join(one(a), one(b))
        }
        _ => (1, 1),
    }
}
