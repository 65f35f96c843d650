//! Calls: `age(birth_date, on: date)`, the one function of the language.

use super::{Scope, Typer};
use crate::semantic::error::SemanticError;
use crate::semantic::model::{Const, TExpr, Type, UnitFamily};
use crate::syntax::ast::Expr;

impl Typer<'_> {
    pub(super) fn call(
        &mut self,
        expr: &Expr,
        name: &crate::syntax::ast::Name,
        args: &[(Option<crate::syntax::ast::Name>, Expr)],
        scope: &Scope<'_>,
    ) -> (TExpr, Type) {
        if name.node != "age" {
            self.errors.push(SemanticError::UnknownFunction {
                name: name.node.clone(),
                span: name.span,
            });
            return (TExpr::Const(Const::Bool(false)), Type::Error);
        }
        let positional: Vec<&Expr> = args
            .iter()
            .filter(|(l, _)| l.is_none())
            .map(|(_, e)| e)
            .collect();
        let on = args
            .iter()
            .find(|(l, _)| l.as_ref().is_some_and(|l| l.node == "on"))
            .map(|(_, e)| e);
        let (Some(birth), Some(on), 1) = (positional.first(), on, positional.len()) else {
            self.wrong(
                String::from("`age` takes a birth date and the day to count on"),
                String::from("write `age(applicant.birth_date, on: submitted_on)`"),
                expr.span,
                String::from("wrong arguments"),
            );
            return (TExpr::Const(Const::Bool(false)), Type::Error);
        };
        let date_arg = |this: &mut Self, e: &Expr| {
            let (t, ty) = this.expr(e, scope, None);
            if !matches!(ty, Type::Date | Type::Error) {
                let help = if ty == Type::Instant {
                    String::from(
                        "use the local date `submitted_on` instead of the moment `submitted_at`",
                    )
                } else {
                    String::from("`age` counts whole years between two dates")
                };
                this.wrong(
                    format!("`age` needs a date here, but this is {}", ty.describe()),
                    help,
                    e.span,
                    ty.describe(),
                );
            }
            t
        };
        let b = date_arg(self, birth);
        let o = date_arg(self, on);
        (
            TExpr::Age(Box::new(b), Box::new(o)),
            Type::Duration(UnitFamily::Months),
        )
    }
}
