//! Calls: `age(birth_date, on: date)`, the one function of the language.

use super::{Scope, Typer};
use crate::semantic::error::SemanticError;
use crate::semantic::model::{Const, TExpr, Type, UnitFamily};
use crate::syntax::ast::Expr;
use crate::vocab::{Lang, Wording};

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
                Wording::new(
                    "`age` takes a birth date and the day to count on",
                    "`age` принимает дату рождения и день, на который считается возраст",
                    "`age` туған күнді және жас есептелетін күнді қабылдайды",
                ),
                Wording::new(
                    "write `age(applicant.birth_date, on: submitted_on)`",
                    "напишите `age(applicant.birth_date, on: submitted_on)`",
                    "`age(applicant.birth_date, on: submitted_on)` деп жазыңыз",
                ),
                expr.span,
                Wording::new("wrong arguments", "неверные аргументы", "аргументтер қате"),
            );
            return (TExpr::Const(Const::Bool(false)), Type::Error);
        };
        let date_arg = |this: &mut Self, e: &Expr| {
            let (t, ty) = this.expr(e, scope, None);
            if !matches!(ty, Type::Date | Type::Error) {
                let help = if ty == Type::Instant {
                    Wording::new(
                        "use the local date `submitted_on` instead of the moment `submitted_at`",
                        "используйте местную дату `submitted_on` вместо момента `submitted_at`",
                        "`submitted_at` сәтінің орнына жергілікті `submitted_on` күнін қолданыңыз",
                    )
                } else {
                    Wording::new(
                        "`age` counts whole years between two dates",
                        "`age` считает полные годы между двумя датами",
                        "`age` екі күн арасындағы толық жылдарды есептейді",
                    )
                };
                let found = ty.describe_words();
                this.wrong(
                    Wording::new(
                        format!(
                            "`age` needs a date here, but this is {}",
                            found.get(Lang::En)
                        ),
                        format!("здесь `age` нужна дата, а это «{}»", found.get(Lang::Ru)),
                        format!(
                            "мұнда `age` үшін күн керек, ал бұл — «{}»",
                            found.get(Lang::Kk)
                        ),
                    ),
                    help,
                    e.span,
                    found,
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
