//! An act of the rule set with its timeline resolved: when it entered into force (or the
//! earliest it can have), when it lost force, and how it is cited.

use chrono::NaiveDate;

use crate::syntax::ast;

/// An act with its timeline resolved.
#[derive(Debug, Clone)]
pub struct ActInfo {
    /// The declaration.
    pub decl: ast::Act,
    /// The first day in force, when it can be known.
    pub in_force: Option<NaiveDate>,
    /// Whether `in_force` is only the earliest date the act's record allows.
    pub in_force_is_estimate: bool,
    /// When `in_force` is an estimate, the latest day the act can have entered into force:
    /// the last day the act it amends was in force (`None`: no later bound is known). From
    /// that day on it is surely in force.
    pub in_force_latest: Option<NaiveDate>,
    /// The day it lost force, if repealed.
    pub lost_force: Option<NaiveDate>,
}

impl ActInfo {
    /// How the act is cited: "order 315" / "law 477-IV" (kind and number), or its id.
    pub fn short_name(&self) -> crate::vocab::ActName {
        crate::vocab::ActName {
            kind: self.decl.kind.as_ref().map(|k| k.node.clone()),
            number: self
                .decl
                .issued
                .as_ref()
                .and_then(|(_, n)| n.as_ref())
                .map(|n| n.node.clone()),
            id: self.decl.name.node.clone(),
        }
    }
}
