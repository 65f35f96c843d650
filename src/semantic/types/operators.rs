//! Operators: `has`, comparisons and date arithmetic, each side typed and the pair checked.

use super::{Scope, Typer, written};
use crate::semantic::model::{CompareOp, Const, TExpr, Type, UnitFamily};
use crate::syntax::ast::{BinaryOp, Expr, ExprKind, Literal};
use crate::vocab::{Lang, Wording};

impl Typer<'_> {
    pub(super) fn has(
        &mut self,
        set: &Expr,
        options: &[crate::source::Spanned<Literal>],
        scope: &Scope<'_>,
    ) -> (TExpr, Type) {
        let (t, ty) = self.expr(set, scope, None);
        if !matches!(ty, Type::Set(_) | Type::Error) {
            let found = ty.describe_words();
            self.wrong(
                Wording::new(
                    format!(
                        "`has` needs a set of values, but this is {}",
                        found.get(Lang::En)
                    ),
                    format!(
                        "для `has` нужен набор значений, а это «{}»",
                        found.get(Lang::Ru)
                    ),
                    format!(
                        "`has` үшін мәндер жиыны керек, ал бұл — «{}»",
                        found.get(Lang::Kk)
                    ),
                ),
                Wording::new(
                    "use `==` or `in (…)` to compare a single value",
                    "чтобы сравнить одно значение, используйте `==` или `in (…)`",
                    "бір мәнді салыстыру үшін `==` немесе `in (…)` қолданыңыз",
                ),
                set.span,
                found,
            );
            return (TExpr::Const(Const::Bool(false)), Type::Error);
        }
        let values = self.literals(options, &ty, set);
        (TExpr::HasAny(Box::new(t), values), Type::Bool)
    }

    pub(super) fn binary(
        &mut self,
        op: BinaryOp,
        l: &Expr,
        r: &Expr,
        scope: &Scope<'_>,
    ) -> (TExpr, Type) {
        match op {
            BinaryOp::And | BinaryOp::Or => {
                let a = Box::new(self.condition(l, scope));
                let b = Box::new(self.condition(r, scope));
                (
                    if op == BinaryOp::And {
                        TExpr::And(a, b)
                    } else {
                        TExpr::Or(a, b)
                    },
                    Type::Bool,
                )
            }
            BinaryOp::Add | BinaryOp::Sub => self.shift(op, l, r, scope),
            _ => {
                // type the side that is not a bare name first, so a bare enum value gets its hint
                let bare = |e: &Expr| matches!(&e.kind, ExprKind::Path(s) if s.len() == 1);
                let (lt, lty, rt, rty) = if bare(l) && !bare(r) {
                    let (rt, rty) = self.expr(r, scope, None);
                    self.compared = Some(written(self.source, r));
                    let (lt, lty) = self.expr(l, scope, Some(&rty));
                    (lt, lty, rt, rty)
                } else {
                    let (lt, lty) = self.expr(l, scope, None);
                    self.compared = Some(written(self.source, l));
                    let (rt, rty) = self.expr(r, scope, Some(&lty));
                    (lt, lty, rt, rty)
                };
                self.compared = None;
                let cmp = match op {
                    BinaryOp::Eq => CompareOp::Eq,
                    BinaryOp::Ne => CompareOp::Ne,
                    BinaryOp::Lt => CompareOp::Lt,
                    BinaryOp::Le => CompareOp::Le,
                    BinaryOp::Gt => CompareOp::Gt,
                    _ => CompareOp::Ge,
                };
                self.comparable(op, &lty, &rty, l, r);
                (TExpr::Compare(cmp, Box::new(lt), Box::new(rt)), Type::Bool)
            }
        }
    }

    pub(super) fn comparable(&mut self, op: BinaryOp, lty: &Type, rty: &Type, l: &Expr, r: &Expr) {
        let ordered = !matches!(op, BinaryOp::Eq | BinaryOp::Ne);
        let ok = match (lty, rty) {
            (Type::Error, _) | (_, Type::Error) => true,
            (Type::Duration(a), Type::Duration(b)) => a == b,
            (Type::Number | Type::Date | Type::Instant, _) => lty == rty,
            (Type::Enum(_), Type::Enum(_))
            | (Type::Enum(_) | Type::Text, Type::Text)
            | (Type::Text, Type::Enum(_))
            | (Type::Bool, Type::Bool) => !ordered,
            _ => false,
        };
        if ok {
            return;
        }
        let help = match (lty, rty) {
            (Type::Duration(_), Type::Number) | (Type::Number, Type::Duration(_)) => Wording::new(
                "give the number its unit, e.g. `16 years` or `7 calendar days`",
                "укажите единицу числа, например `16 years` или `7 calendar days`",
                "санның өлшем бірлігін жазыңыз, мысалы `16 years` немесе `7 calendar days`",
            ),
            (Type::Date, Type::Instant) | (Type::Instant, Type::Date) => Wording::new(
                "compare a date with a date: use `submitted_on` (the local date) instead of `submitted_at`",
                "сравнивайте дату с датой: используйте `submitted_on` (местную дату) вместо `submitted_at`",
                "күнді күнмен салыстырыңыз: `submitted_at` орнына `submitted_on` (жергілікті күн) қолданыңыз",
            ),
            _ if ordered && lty == rty => {
                let kind = lty.describe_words();
                Wording::new(
                    format!("{} has no order: use `==` or `!=`", kind.get(Lang::En)),
                    format!(
                        "у типа «{}» нет порядка: используйте `==` или `!=`",
                        kind.get(Lang::Ru)
                    ),
                    format!(
                        "«{}» реттелмейді: `==` немесе `!=` қолданыңыз",
                        kind.get(Lang::Kk)
                    ),
                )
            }
            _ => Wording::new(
                "compare values of the same kind: a date with a date, a duration with a duration of the same unit family",
                "сравнивайте значения одного рода: дату с датой, срок со сроком в тех же единицах",
                "бір текті мәндерді салыстырыңыз: күнді күнмен, мерзімді сол өлшемдегі мерзіммен",
            ),
        };
        let (left, right) = (lty.describe_words(), rty.describe_words());
        let message = Wording::new(
            format!(
                "{} is compared with {}",
                left.get(Lang::En),
                right.get(Lang::En)
            ),
            format!(
                "{} сравнивается с: {}",
                left.get(Lang::Ru),
                right.get(Lang::Ru)
            ),
            format!(
                "{} мынамен салыстырылады: {}",
                left.get(Lang::Kk),
                right.get(Lang::Kk)
            ),
        );
        self.mismatch(message, help, (l, lty), (r, rty));
    }

    pub(super) fn shift(
        &mut self,
        op: BinaryOp,
        l: &Expr,
        r: &Expr,
        scope: &Scope<'_>,
    ) -> (TExpr, Type) {
        let (lt, lty) = self.expr(l, scope, None);
        let (rt, rty) = self.expr(r, scope, None);
        let forward = op == BinaryOp::Add;
        match (&lty, &rty, &rt) {
            (Type::Error, _, _) | (_, Type::Error, _) => {
                (TExpr::Const(Const::Bool(false)), Type::Error)
            }
            (
                Type::Date,
                Type::Duration(UnitFamily::Days | UnitFamily::Months),
                TExpr::Const(Const::Duration(d)),
            ) => (TExpr::Shift(Box::new(lt), *d, forward), Type::Date),
            (Type::Instant, Type::Duration(_), TExpr::Const(Const::Duration(d))) => {
                (TExpr::Shift(Box::new(lt), *d, forward), Type::Instant)
            }
            (Type::Number, Type::Number, _) => {
                self.wrong(
                    Wording::new(
                        "arithmetic on numbers is not part of the language",
                        "арифметических действий с числами в языке нет",
                        "тілде сандармен арифметикалық амалдар жоқ",
                    ),
                    Wording::new(
                        "write the resulting number, or compare durations instead",
                        "напишите получившееся число или сравнивайте сроки",
                        "шыққан санды жазыңыз немесе оның орнына мерзімдерді салыстырыңыз",
                    ),
                    l.span.to(r.span),
                    Wording::new(
                        "number arithmetic",
                        "арифметика с числами",
                        "сандық арифметика",
                    ),
                );
                (TExpr::Const(Const::Bool(false)), Type::Error)
            }
            _ => {
                let (left, right) = (lty.describe_words(), rty.describe_words());
                let help = match (&lty, &rty) {
                    (Type::Date, Type::Duration(UnitFamily::Clock)) => Wording::new(
                        "a date has no time of day: add days, months or years, or use `submitted_at` for minutes and hours",
                        "у даты нет времени суток: прибавляйте дни, месяцы или годы, а для минут и часов используйте `submitted_at`",
                        "күннің тәулік уақыты жоқ: күн, ай немесе жыл қосыңыз, ал минут пен сағат үшін `submitted_at` қолданыңыз",
                    ),
                    (_, Type::Duration(_)) => Wording::new(
                        format!(
                            "durations can be added to a date or a moment in time, not to {}",
                            left.get(Lang::En)
                        ),
                        format!(
                            "срок можно прибавить к дате или моменту времени, но не к значению «{}»",
                            left.get(Lang::Ru)
                        ),
                        format!(
                            "мерзімді күнге немесе уақыт сәтіне қосуға болады, «{}» мәніне емес",
                            left.get(Lang::Kk)
                        ),
                    ),
                    _ => Wording::new(
                        "write `DATE + DURATION`, e.g. `submitted_on + 180 calendar days`",
                        "пишите `DATE + DURATION`, например `submitted_on + 180 calendar days`",
                        "`DATE + DURATION` деп жазыңыз, мысалы `submitted_on + 180 calendar days`",
                    ),
                };
                let message = Wording::new(
                    format!(
                        "{} cannot be added to {}",
                        right.get(Lang::En),
                        left.get(Lang::En)
                    ),
                    format!(
                        "{} нельзя прибавить к значению «{}»",
                        right.get(Lang::Ru),
                        left.get(Lang::Ru)
                    ),
                    format!(
                        "{} мәнін «{}» мәніне қосуға болмайды",
                        right.get(Lang::Kk),
                        left.get(Lang::Kk)
                    ),
                );
                self.mismatch(message, help, (l, &lty), (r, &rty));
                (TExpr::Const(Const::Bool(false)), Type::Error)
            }
        }
    }
}
